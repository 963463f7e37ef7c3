/**
 * A strict in-memory Excel for tests : proxy objects that queue
 * operations until `context.sync()`, throw when a property is read before `load` + `sync`,
 * measure each sync's request and response payload (JSON size) and throw past 5 MB as Excel
 * on the web does, and count syncs. No Node imports: the e2e test bundles it for Chromium.
 *
 * A failed batch behaves as Excel's does (office-js "OfficeExtension.Error" debugInfo): the operations queued
 * before the failing one have taken effect, the failing one and those after it have not, and nothing is rolled
 * back. Faults can be injected (`FakeExcel.faults`): the k-th queued operation fails, or the pane is lost after
 * the k-th sync (its requests never return and nothing it queues afterwards reaches the workbook). Renaming a
 * sheet rewrites the references to it in formulas, names, conditional formats and charts, as Excel does.
 * `snapshot()` dumps the whole workbook for before/after comparisons.
 */

export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
export const MAX_CELLS_PER_READ = 5_000_000;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;

export type FakeScalar = string | number | boolean;

export class FakeExcelError extends Error {
  /** As OfficeExtension.Error: which queued statement failed (set when a sync runs it). */
  debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message };
  }
}

// ---------- model ----------

interface CellModel {
  v: FakeScalar | null; // null = empty
  f: string | null; // formula with "="
  fmt: string | null; // null = General
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  address: string; // "A1:C4" without sheet
  style: string;
  showFilterButton: boolean;
}

export interface ChartSeriesModel {
  name: string;
  values: string | null; // "Sheet!A1:A3"
  xValues: string | null;
  /** Set only when the add-in sets them: line colour, fill colour, marker colours ("#RRGGBB"), line style. */
  lineColor?: string;
  fillColor?: string;
  markerColors?: { background?: string; foreground?: string };
  lineStyle?: string;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  title: string;
  series: ChartSeriesModel[];
  position: { start: string; end: string | null } | null;
  valueAxisFormat: string | null;
  /** The value axis minimum when set (absent = automatic, as Excel's default). */
  valueAxisMin?: number;
  /** chart.format.font.size, null = Excel's default. */
  fontSize?: number | null;
}

export interface ConditionalFormatModel {
  type: string;
  address: string;
  dataBarColor?: string;
  /** The data bar's lower bound rule when set (absent = Excel's default, the lowest value). */
  dataBarLowerBound?: { type: string; formula?: string };
  formula?: string;
  fill?: string;
  fontColor?: string;
}

export interface SheetModel {
  id: string;
  name: string;
  cells: (CellModel | undefined)[][]; // [row][col]
  tables: TableModel[];
  charts: ChartModel[];
  conditionalFormats: ConditionalFormatModel[];
  freeze: { rows: number; cols: number } | null;
  tabColor: string;
  visibility: SheetVisibility;
  formats: { address: string; prop: string; value: unknown }[];
  pageLayout: PageLayoutModel;
}

/** What `worksheet.pageLayout` holds (ExcelApi 1.9), as far as the renderer sets it. */
export interface PageLayoutModel {
  orientation: string;
  paperSize: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  /** "A1:T40" as set by setPrintArea, null = none (the used range prints). */
  printArea: string | null;
  /** "$1:$1" as set by setPrintTitleRows, null = none. */
  printTitleRows: string | null;
  printTitleColumns: string | null;
  /** The default header/footer for all pages: leftHeader … rightFooter. */
  headersFooters: Record<HeaderFooterPart, string>;
}

export const HEADER_FOOTER_PARTS = [
  "leftHeader",
  "centerHeader",
  "rightHeader",
  "leftFooter",
  "centerFooter",
  "rightFooter",
] as const;
export type HeaderFooterPart = (typeof HEADER_FOOTER_PARTS)[number];

function newPageLayout(): PageLayoutModel {
  return {
    orientation: "Portrait",
    paperSize: "Letter",
    zoom: { scale: 100 },
    printArea: null,
    printTitleRows: null,
    printTitleColumns: null,
    headersFooters: Object.fromEntries(HEADER_FOOTER_PARTS.map((p) => [p, ""])) as Record<HeaderFooterPart, string>,
  };
}

export type SheetVisibility = "Visible" | "Hidden" | "VeryHidden";

export interface WorkbookModel {
  sheets: SheetModel[];
  settings: Map<string, unknown>;
  names: Map<string, string>;
  activeSheet: string | null;
}

export interface SyncStats {
  syncs: number;
  requestBytes: number[];
  responseBytes: number[];
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs that wrote cells while API calculation was suspended. */
  suspendedWrites: number;
  writeSyncs: number;
}

// ---------- addresses ----------

export function colName(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export interface Rect {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** "A1", "$B$2:C10", "Sheet1!A1:B2" or "'My sheet'!A1" → sheet (if any) and 0-based rect. */
export function parseAddress(address: string): { sheet: string | null; rect: Rect } {
  let sheet: string | null = null;
  let ref = address;
  const bang = address.lastIndexOf("!");
  if (bang >= 0) {
    sheet = address.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    ref = address.slice(bang + 1);
  }
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(ref.trim());
  if (!m) throw new FakeExcelError("InvalidArgument", `The argument is invalid or missing: address "${address}".`);
  const c1 = colIndex(m[1]);
  const r1 = Number(m[2]) - 1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  if (r1 < 0 || c1 < 0 || r2 >= MAX_ROWS || c2 >= MAX_COLS) {
    throw new FakeExcelError("InvalidArgument", `Address out of the grid: "${address}".`);
  }
  const rect = {
    row: Math.min(r1, r2),
    col: Math.min(c1, c2),
    rows: Math.abs(r2 - r1) + 1,
    cols: Math.abs(c2 - c1) + 1,
  };
  return { sheet, rect };
}

export function rectAddress(rect: Rect): string {
  const a = `${colName(rect.col)}${rect.row + 1}`;
  if (rect.rows === 1 && rect.cols === 1) return a;
  return `${a}:${colName(rect.col + rect.cols - 1)}${rect.row + rect.rows}`;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A formula or reference with references to sheet `from` pointed at `to` (string literals left alone). */
function renameRefs(text: string, from: string, to: string): string {
  const quoted = new RegExp(`'${escapeRegExp(from.replace(/'/g, "''"))}'!`, "gi");
  const bare = new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(from)}!`, "gi");
  return text
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1 ? part : part.replace(quoted, `${quoteSheet(to)}!`).replace(bare, `$1${quoteSheet(to)}!`),
    )
    .join("");
}

/** Excel stores a formula's sheet references quoted only where needed: ='Plan'!B3 reads back as =Plan!B3. */
function withoutNeedlessQuotes(formula: string): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(/'((?:[^']|'')+)'!/g, (_, n: string) => `${quoteSheet(n.replace(/''/g, "'"))}!`),
    )
    .join("");
}

/** Excel follows a sheet rename everywhere the sheet is referred to. */
function followRename(model: WorkbookModel, from: string, to: string): void {
  const fix = (t: string) => renameRefs(t, from, to);
  for (const s of model.sheets) {
    for (const row of s.cells) for (const cell of row ?? []) if (cell?.f) cell.f = fix(cell.f);
    for (const cf of s.conditionalFormats) if (cf.formula) cf.formula = fix(cf.formula);
    for (const ch of s.charts) {
      ch.source = fix(ch.source);
      for (const se of ch.series) {
        if (se.values) se.values = fix(se.values);
        if (se.xValues) se.xValues = fix(se.xValues);
      }
    }
  }
  for (const [k, ref] of model.names) model.names.set(k, fix(ref));
  if (model.activeSheet?.toLowerCase() === from.toLowerCase()) model.activeSheet = to;
}

const encoder = new TextEncoder();
function jsonBytes(x: unknown): number {
  return encoder.encode(JSON.stringify(x) ?? "").length;
}

function notLoaded(prop: string): FakeExcelError {
  return new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---------- request context ----------

interface Op {
  payload: unknown;
  run: () => void;
  /** 1-based position among all operations queued on this workbook (fault injection counts these). */
  index?: number;
  writesCells?: boolean;
  suspendsCalc?: boolean;
}

export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  readonly application: FakeApplication;
  private pending: Op[] = [];
  /** The pane this context belongs to; once that pane is lost, nothing from it reaches the workbook. */
  private readonly pane: number;
  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
    this.application = new FakeApplication(this);
    this.pane = excel.pane;
  }

  private get lost(): boolean {
    return this.pane !== this.excel.pane;
  }

  queue(op: Op): void {
    if (this.lost) return;
    this.pending.push({ ...op, index: ++this.excel.opsQueued });
  }

  async sync(): Promise<void> {
    if (this.lost) return new Promise<void>(() => {}); // a closed pane's request never comes back
    const ops = this.pending;
    this.pending = [];
    const stats = this.excel.stats;
    stats.syncs++;
    const requestBytes = jsonBytes(ops.map((o) => o.payload));
    stats.requestBytes.push(requestBytes);
    stats.maxRequestBytes = Math.max(stats.maxRequestBytes, requestBytes);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit (${requestBytes} bytes > 5 MB).`,
      );
    }
    if (ops.some((o) => o.writesCells)) {
      stats.writeSyncs++;
      if (ops.some((o) => o.suspendsCalc)) stats.suspendedWrites++;
    }
    this.responseBytes = 0;
    const n = stats.syncs;
    this.excel.onSync?.(n);
    // A failing op rejects the sync; earlier ones stay applied and later ones are dropped, as in Excel.
    for (const op of ops) {
      try {
        if (op.index === this.excel.faults.failOp) {
          throw new FakeExcelError("GeneralException", `Injected failure of operation ${op.index}.`);
        }
        op.run();
      } catch (e) {
        if (e instanceof FakeExcelError) e.debugInfo.errorLocation = JSON.stringify(op.payload).slice(0, 200);
        throw e;
      }
    }
    stats.responseBytes.push(this.responseBytes);
    stats.maxResponseBytes = Math.max(stats.maxResponseBytes, this.responseBytes);
    if (n === this.excel.faults.loseAfterSync) {
      this.excel.losePane();
      return new Promise<void>(() => {});
    }
    await Promise.resolve();
    this.excel.afterSync?.(n);
  }

  responseBytes = 0;
  addResponse(x: unknown): void {
    this.responseBytes += jsonBytes(x);
    if (this.responseBytes > PAYLOAD_LIMIT_BYTES) {
      throw new FakeExcelError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit (${this.responseBytes} bytes > 5 MB).`,
      );
    }
  }

  get model(): WorkbookModel {
    return this.excel.model;
  }
}

/** A proxy: binds lazily to a model object when the first queued op using it runs. */
abstract class FakeClientObject<T> {
  private bound: T | null | undefined = undefined;
  private loadedProps = new Map<string, unknown>();
  constructor(
    protected ctx: FakeRequestContext,
    protected path: string,
    private resolver: () => T | null,
    private nullable = false,
  ) {}

  protected target(): T {
    const t = this.resolveOrNull();
    if (t === null) {
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${this.path}.`);
    }
    return t;
  }

  protected resolveOrNull(): T | null {
    if (this.bound === undefined) this.bound = this.resolver();
    if (this.bound === null && !this.nullable) {
      throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: ${this.path}.`);
    }
    return this.bound;
  }

  /** Bind to a model object created by an earlier op (worksheets.add …). */
  bind(t: T): void {
    this.bound = t;
  }

  protected abstract readable(): Record<string, (t: T) => unknown>;

  load(props?: string | string[]): this {
    const all = Object.keys(this.readable());
    const list = (props === undefined ? all : Array.isArray(props) ? props : props.split(","))
      .map((p) => p.trim())
      .filter(Boolean);
    for (const p of list) {
      if (p !== "isNullObject" && !all.includes(p)) {
        throw new FakeExcelError("PropertyNotLoaded", `Cannot load unknown property '${p}' on ${this.path}.`);
      }
    }
    this.ctx.queue({
      payload: { load: this.path, props: list },
      run: () => {
        const t = this.resolveOrNull();
        this.loadedProps.set("isNullObject", t === null);
        if (t === null) return;
        for (const p of list) {
          if (p === "isNullObject") continue;
          const v = this.readable()[p](t);
          this.ctx.addResponse(v);
          this.loadedProps.set(p, v);
        }
      },
    });
    return this;
  }

  protected read<V>(prop: string): V {
    if (!this.loadedProps.has(prop)) throw notLoaded(prop);
    return this.loadedProps.get(prop) as V;
  }

  /** Pre-load values known at creation (items of a loaded collection). */
  preload(values: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(values)) this.loadedProps.set(k, v);
  }

  get isNullObject(): boolean {
    return this.read<boolean>("isNullObject");
  }

  protected set(prop: string, value: unknown, apply: (t: T) => void, extra: Partial<Op> = {}): void {
    this.ctx.queue({ payload: { set: this.path, prop, value }, run: () => apply(this.target()), ...extra });
  }

  protected call(method: string, args: unknown[], run: (t: T) => void, extra: Partial<Op> = {}): void {
    this.ctx.queue({ payload: { call: this.path, method, args }, run: () => run(this.target()), ...extra });
  }
}

// ---------- workbook ----------

export class FakeApplication {
  constructor(private ctx: FakeRequestContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.queue({
      payload: { call: "application.suspendApiCalculationUntilNextSync" },
      run: () => {},
      suspendsCalc: true,
    });
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly names: FakeNamedItemCollection;
  readonly tables: FakeTableCollection;
  constructor(private ctx: FakeRequestContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
    this.settings = new FakeSettingCollection(ctx);
    this.names = new FakeNamedItemCollection(ctx);
    this.tables = new FakeTableCollection(ctx, "workbook.tables", () => ctx.model.sheets.flatMap((s) => s.tables));
  }
}

function sheetNameProblem(name: string, model: WorkbookModel, except?: SheetModel): string | null {
  if (name.length === 0 || name.length > 31) return "must be 1–31 characters";
  if (/[[\]:*?/\\]/.test(name)) return "contains one of [ ] : * ? / \\";
  if (name.startsWith("'") || name.endsWith("'")) return "starts or ends with an apostrophe";
  if (model.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) return "is already taken";
  return null;
}

export class FakeWorksheetCollection extends FakeClientObject<WorkbookModel> {
  private loadedItems: FakeWorksheet[] | null = null;
  constructor(ctx: FakeRequestContext) {
    super(ctx, "worksheets", () => ctx.model);
  }
  protected readable(): Record<string, (t: WorkbookModel) => unknown> {
    return {};
  }
  /** `load("items/name")` or `load("name, position")`: loads those properties of every sheet. */
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "name").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.queue({
      payload: { load: "worksheets", props: list },
      run: () => {
        this.loadedItems = this.ctx.model.sheets.map((s) => {
          const w = new FakeWorksheet(this.ctx, `worksheets[${s.name}]`, () => s);
          const values: Record<string, unknown> = {};
          for (const p of list) values[p] = w.readProp(p, s);
          this.ctx.addResponse(values);
          w.preload(values);
          return w;
        });
      },
    });
    return this;
  }
  get items(): FakeWorksheet[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `worksheets.getItem(${name})`, () => findSheet(this.ctx.model, name));
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(
      this.ctx,
      `worksheets.getItemOrNullObject(${name})`,
      () => findSheet(this.ctx.model, name),
      true,
    );
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, "worksheets.getActiveWorksheet()", () =>
      findSheet(this.ctx.model, this.ctx.model.activeSheet ?? this.ctx.model.sheets[0]?.name ?? ""),
    );
  }
  add(name: string): FakeWorksheet {
    const w = new FakeWorksheet(this.ctx, `worksheets.add(${name})`, () => null);
    this.call("add", [name], (model) => {
      const problem = sheetNameProblem(name, model);
      if (problem) throw new FakeExcelError("InvalidArgument", `The sheet name "${name}" ${problem}.`);
      const s = this.ctx.excel.newSheet(name);
      w.bind(s);
    });
    return w;
  }
}

/** Office.js `worksheets.getItem(key)`: the key is a sheet's name or its id. */
function findSheet(model: WorkbookModel, key: string): SheetModel | null {
  return model.sheets.find((s) => s.id === key || s.name.toLowerCase() === key.toLowerCase()) ?? null;
}

export class FakeWorksheet extends FakeClientObject<SheetModel> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel | null, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  protected readable(): Record<string, (t: SheetModel) => unknown> {
    return {
      name: (s) => s.name,
      id: (s) => s.id,
      position: (s) => this.ctx.model.sheets.indexOf(s),
      tabColor: (s) => s.tabColor,
      visibility: (s) => s.visibility,
    };
  }
  readProp(p: string, s: SheetModel): unknown {
    const f = this.readable()[p];
    if (!f) throw new FakeExcelError("PropertyNotLoaded", `Cannot load unknown property '${p}' on a worksheet.`);
    return f(s);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, (s) => {
      const problem = sheetNameProblem(v, this.ctx.model, s);
      if (problem) throw new FakeExcelError("InvalidArgument", `The sheet name "${v}" ${problem}.`);
      const from = s.name;
      s.name = v;
      followRename(this.ctx.model, from, v);
    });
  }
  get visibility(): SheetVisibility {
    return this.read("visibility");
  }
  set visibility(v: SheetVisibility) {
    this.set("visibility", v, (s) => {
      if (!["Visible", "Hidden", "VeryHidden"].includes(v))
        throw new FakeExcelError("InvalidArgument", `Bad visibility ${String(v)}.`);
      const others = this.ctx.model.sheets.filter((o) => o !== s && o.visibility === "Visible");
      if (v !== "Visible" && others.length === 0)
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      s.visibility = v;
      if (v !== "Visible" && this.ctx.model.activeSheet?.toLowerCase() === s.name.toLowerCase())
        this.ctx.model.activeSheet = others[0].name;
    });
  }
  get id(): string {
    return this.read("id");
  }
  get position(): number {
    return this.read("position");
  }
  set position(v: number) {
    this.set("position", v, (s) => {
      const sheets = this.ctx.model.sheets;
      if (!Number.isInteger(v) || v < 0 || v >= sheets.length)
        throw new FakeExcelError("InvalidArgument", `Sheet position ${v} is out of range.`);
      sheets.splice(sheets.indexOf(s), 1);
      sheets.splice(v, 0, s);
    });
  }
  get tabColor(): string {
    return this.read("tabColor");
  }
  set tabColor(v: string) {
    this.set("tabColor", v, (s) => {
      if (v !== "" && !/^#[0-9A-Fa-f]{6}$/.test(v)) throw new FakeExcelError("InvalidArgument", `Bad tab color ${v}.`);
      s.tabColor = v;
    });
  }
  delete(): void {
    this.call("delete", [], (s) => {
      const model = this.ctx.model;
      if (!model.sheets.some((o) => o !== s && o.visibility === "Visible"))
        throw new FakeExcelError("InvalidOperation", "A workbook must contain at least one visible worksheet.");
      model.sheets.splice(model.sheets.indexOf(s), 1);
      if (model.activeSheet?.toLowerCase() === s.name.toLowerCase())
        model.activeSheet = model.sheets.find((o) => o.visibility === "Visible")!.name;
    });
  }
  activate(): void {
    this.call("activate", [], (s) => {
      if (s.visibility !== "Visible")
        throw new FakeExcelError("InvalidOperation", "A hidden sheet can't be activated.");
      this.ctx.model.activeSheet = s.name;
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange(${address ?? ""})`, () => {
      const s = this.target();
      if (!address) return { sheet: s, rect: { row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS } };
      const p = parseAddress(address);
      return { sheet: s, rect: p.rect };
    });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRangeByIndexes(${row},${col},${rows},${cols})`, () => {
      if (row < 0 || col < 0 || rows < 1 || cols < 1 || row + rows > MAX_ROWS || col + cols > MAX_COLS) {
        throw new FakeExcelError(
          "InvalidArgument",
          `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols}) is out of the grid.`,
        );
      }
      return { sheet: this.target(), rect: { row, col, rows, cols } };
    });
  }
  getUsedRange(valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRange()`, () => {
      const s = this.target();
      return { sheet: s, rect: usedRect(s, !!valuesOnly) ?? { row: 0, col: 0, rows: 1, cols: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return new FakeRange(
      this.ctx,
      `${this.path}.getUsedRangeOrNullObject()`,
      () => {
        const s = this.target();
        const r = usedRect(s, !!valuesOnly);
        return r ? { sheet: s, rect: r } : null;
      },
      true,
    );
  }
  get tables(): FakeTableCollection {
    return new FakeTableCollection(
      this.ctx,
      `${this.path}.tables`,
      () => this.target().tables,
      () => this.target(),
    );
  }
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, `${this.path}.charts`, () => this.target());
  }
  get freezePanes(): FakeFreezePanes {
    return new FakeFreezePanes(this.ctx, `${this.path}.freezePanes`, () => this.target());
  }
  get pageLayout(): FakePageLayout {
    return new FakePageLayout(this.ctx, `${this.path}.pageLayout`, () => this.target());
  }
}

const ORIENTATIONS = ["Portrait", "Landscape"];
/** The paper sizes the fake accepts (a few of Excel.PaperType). */
const PAPER_TYPES = ["Letter", "A4", "Legal", "A3", "A5"];
/** Excel refuses a header or footer longer than this (all three sections together). */
const MAX_HEADER_FOOTER_CHARS = 255;

/** "$1:$3" (rows) or "$A:$B" (columns), the forms setPrintTitleRows/Columns take. */
function checkTitleRange(text: string, rows: boolean): void {
  const re = rows ? /^\$?(\d+):\$?(\d+)$/ : /^\$?([A-Z]{1,3}):\$?([A-Z]{1,3})$/;
  if (!re.test(text))
    throw new FakeExcelError("InvalidArgument", `Print titles must be whole ${rows ? "rows" : "columns"}: "${text}".`);
}

/** `worksheet.pageLayout` (ExcelApi 1.9): properties are written by sync and read only after load + sync. */
export class FakePageLayout extends FakeClientObject<SheetModel> {
  readonly headersFooters: { defaultForAllPages: FakeHeaderFooter };
  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
    this.headersFooters = {
      defaultForAllPages: new FakeHeaderFooter(ctx, `${path}.headersFooters.defaultForAllPages`, resolver),
    };
  }
  protected readable(): Record<string, (t: SheetModel) => unknown> {
    return {
      orientation: (s) => s.pageLayout.orientation,
      paperSize: (s) => s.pageLayout.paperSize,
      zoom: (s) => ({ ...s.pageLayout.zoom }),
    };
  }
  get orientation(): string {
    return this.read("orientation");
  }
  set orientation(v: string) {
    this.set("orientation", v, (s) => {
      if (!ORIENTATIONS.includes(v)) throw new FakeExcelError("InvalidArgument", `Bad orientation ${String(v)}.`);
      s.pageLayout.orientation = v;
    });
  }
  get paperSize(): string {
    return this.read("paperSize");
  }
  set paperSize(v: string) {
    this.set("paperSize", v, (s) => {
      if (!PAPER_TYPES.includes(v)) throw new FakeExcelError("InvalidArgument", `Bad paper size ${String(v)}.`);
      s.pageLayout.paperSize = v;
    });
  }
  get zoom(): PageLayoutModel["zoom"] {
    return this.read("zoom");
  }
  set zoom(v: PageLayoutModel["zoom"]) {
    this.set("zoom", v, (s) => {
      const fit = [v.horizontalFitToPages, v.verticalFitToPages].filter((x) => x !== undefined);
      if (v.scale !== undefined && fit.length > 0)
        throw new FakeExcelError("InvalidArgument", "A zoom has a scale or pages to fit to, not both.");
      if (v.scale !== undefined && !(Number.isInteger(v.scale) && v.scale >= 10 && v.scale <= 400))
        throw new FakeExcelError("InvalidArgument", `Bad zoom scale ${String(v.scale)}.`);
      if (fit.some((x) => !Number.isInteger(x) || (x as number) < 1))
        throw new FakeExcelError("InvalidArgument", `Bad pages to fit to ${JSON.stringify(v)}.`);
      s.pageLayout.zoom = { ...v };
    });
  }
  setPrintArea(area: string): void {
    this.call("setPrintArea", [area], (s) => {
      const { sheet } = parseAddress(area);
      if (sheet !== null) throw new FakeExcelError("InvalidArgument", `A print area is on its own sheet: "${area}".`);
      s.pageLayout.printArea = area;
    });
  }
  setPrintTitleRows(rows: string): void {
    this.call("setPrintTitleRows", [rows], (s) => {
      checkTitleRange(rows, true);
      s.pageLayout.printTitleRows = rows;
    });
  }
  setPrintTitleColumns(columns: string): void {
    this.call("setPrintTitleColumns", [columns], (s) => {
      checkTitleRange(columns, false);
      s.pageLayout.printTitleColumns = columns;
    });
  }
}

/** One header/footer (left/center/right header and footer text in Excel's codes). */
export class FakeHeaderFooter extends FakeClientObject<SheetModel> {
  // Accessors defined in the constructor, one per part.
  declare leftHeader: string;
  declare centerHeader: string;
  declare rightHeader: string;
  declare leftFooter: string;
  declare centerFooter: string;
  declare rightFooter: string;
  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
    for (const part of HEADER_FOOTER_PARTS) {
      Object.defineProperty(this, part, {
        get: () => this.read(part),
        set: (v: string) => {
          this.set(part, v, (s) => {
            const hf = s.pageLayout.headersFooters;
            const kind = part.endsWith("Header") ? "Header" : "Footer";
            const total = ["left", "center", "right"]
              .map((side) => (`${side}${kind}` === part ? v : hf[`${side}${kind}` as HeaderFooterPart]))
              .join("").length;
            if (typeof v !== "string" || total > MAX_HEADER_FOOTER_CHARS)
              throw new FakeExcelError("InvalidArgument", `The ${kind.toLowerCase()} is longer than 255 characters.`);
            hf[part] = v;
          });
        },
        enumerable: true,
      });
    }
  }
  protected readable(): Record<string, (t: SheetModel) => unknown> {
    return Object.fromEntries(HEADER_FOOTER_PARTS.map((p) => [p, (s: SheetModel) => s.pageLayout.headersFooters[p]]));
  }
}

function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r1 = Infinity,
    r2 = -1,
    c1 = Infinity,
    c2 = -1;
  s.cells.forEach((row, r) => {
    if (!row) return;
    row.forEach((cell, c) => {
      if (!cell) return;
      if (cell.v === null && cell.f === null && (valuesOnly || cell.fmt === null)) return;
      r1 = Math.min(r1, r);
      r2 = Math.max(r2, r);
      c1 = Math.min(c1, c);
      c2 = Math.max(c2, c);
    });
  });
  if (r2 < 0) return null;
  return { row: r1, col: c1, rows: r2 - r1 + 1, cols: c2 - c1 + 1 };
}

export class FakeFreezePanes extends FakeClientObject<SheetModel> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }
  protected readable(): Record<string, (t: SheetModel) => unknown> {
    return {};
  }
  freezeRows(count: number): void {
    this.call("freezeRows", [count], (s) => {
      s.freeze = { rows: count, cols: s.freeze?.cols ?? 0 };
    });
  }
  freezeColumns(count: number): void {
    this.call("freezeColumns", [count], (s) => {
      s.freeze = { rows: s.freeze?.rows ?? 0, cols: count };
    });
  }
  freezeAt(range: FakeRange | string): void {
    this.call("freezeAt", [typeof range === "string" ? range : "range"], (s) => {
      const rect = typeof range === "string" ? parseAddress(range).rect : range.resolved().rect;
      if (rect.row !== 0 || rect.col !== 0)
        throw new FakeExcelError("InvalidArgument", "freezeAt needs a range starting at A1.");
      s.freeze = { rows: rect.rows, cols: rect.cols };
    });
  }
  unfreeze(): void {
    this.call("unfreeze", [], (s) => {
      s.freeze = null;
    });
  }
}

// ---------- ranges ----------

interface RangeRef {
  sheet: SheetModel;
  rect: Rect;
}

function cellAt(s: SheetModel, r: number, c: number): CellModel | undefined {
  return s.cells[r]?.[c];
}

function ensureCell(s: SheetModel, r: number, c: number): CellModel {
  const row = (s.cells[r] ??= []);
  return (row[c] ??= { v: null, f: null, fmt: null });
}

function isNumericText(s: string): boolean {
  return /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s);
}

function serialOf(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/**
 * The typed-input conversions Excel applies to text written through `values`/`formulas` in an
 * en-US/zh-CN locale: currency and thousands separators, percents, dates. null = stays text.
 */
function typedInput(s: string): number | null {
  const t = s.trim();
  let m = /^([-(]?)[$€£¥]?\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\)?$/.exec(t);
  if (m && (m[2].includes(",") || /[$€£¥]/.test(t))) {
    const n = Number(m[2].replace(/,/g, "") + (m[3] ?? ""));
    return m[1] ? -n : n;
  }
  m = /^(-?\d+(?:\.\d+)?)%$/.exec(t);
  if (m) return Number(m[1]) / 100;
  m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t) ?? /^(\d{4})年(\d{1,2})月(\d{1,2})日$/.exec(t);
  if (m) return serialOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return serialOf(Number(m[3]), Number(m[1]), Number(m[2]));
  m = /^(\d{4})-(\d{1,2})$/.exec(t);
  if (m) return serialOf(Number(m[1]), Number(m[2]), 1);
  return null;
}

/** Excel's reading of a string written through `values`/`formulas` (the "+", "-", "=" rule of Range.values). */
/** One cell of a `values` or `formulas` write: text as Excel reads typed text, numbers and booleans as they are. */
function writeScalar(cell: Parameters<typeof writeString>[0], x: unknown, asFormula: boolean, what: string): void {
  if (typeof x === "string") writeString(cell, x, asFormula);
  else if (typeof x === "number" || typeof x === "boolean") {
    cell.f = null;
    cell.v = x;
  } else throw new FakeExcelError("InvalidArgument", `Unsupported ${what} ${JSON.stringify(x)}.`);
}

function writeString(cell: CellModel, s: string, viaFormulas: boolean): void {
  cell.f = null;
  if (s === "") {
    cell.v = null;
    return;
  }
  if (cell.fmt === "@") {
    cell.v = s; // text format: stored as typed
    return;
  }
  if (s.startsWith("'")) {
    cell.v = s.slice(1); // the apostrophe prefix keeps text
    return;
  }
  if (s.startsWith("=") || ((s.startsWith("+") || s.startsWith("-") || s.startsWith("@")) && !isNumericText(s))) {
    cell.f = withoutNeedlessQuotes(s.startsWith("=") ? s : "=" + s);
    cell.v = null; // not calculated by the fake
    return;
  }
  if (isNumericText(s)) {
    cell.v = Number(s);
    return;
  }
  const typed = typedInput(s);
  if (typed !== null) {
    cell.v = typed; // Excel reads "$15,370", "90%", "2026/5/14" as numbers, like typed input
    return;
  }
  if (!viaFormulas && /^(true|false)$/i.test(s)) {
    cell.v = s.toLowerCase() === "true";
    return;
  }
  cell.v = s;
}

function checkMatrix(prop: string, m: unknown, rect: Rect): unknown[][] {
  if (!Array.isArray(m) || m.length !== rect.rows || m.some((row) => !Array.isArray(row) || row.length !== rect.cols)) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The number of rows or columns in the input array for '${prop}' doesn't match the size or dimensions of the range (${rect.rows}×${rect.cols}).`,
    );
  }
  return m as unknown[][];
}

export class FakeRange extends FakeClientObject<RangeRef> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeRef | null, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  resolved(): RangeRef {
    return this.target();
  }
  protected readable(): Record<string, (t: RangeRef) => unknown> {
    const matrix = (t: RangeRef, f: (c: CellModel | undefined) => unknown) => {
      if (t.rect.rows * t.rect.cols > MAX_CELLS_PER_READ) {
        throw new FakeExcelError(
          "InvalidOperation",
          `Reading ${t.rect.rows * t.rect.cols} cells in one request exceeds 5M cells.`,
        );
      }
      const out: unknown[][] = [];
      for (let r = 0; r < t.rect.rows; r++) {
        const row: unknown[] = [];
        for (let c = 0; c < t.rect.cols; c++) row.push(f(cellAt(t.sheet, t.rect.row + r, t.rect.col + c)));
        out.push(row);
      }
      return out;
    };
    return {
      address: (t) => `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`,
      rowIndex: (t) => t.rect.row,
      columnIndex: (t) => t.rect.col,
      rowCount: (t) => t.rect.rows,
      columnCount: (t) => t.rect.cols,
      cellCount: (t) => t.rect.rows * t.rect.cols,
      values: (t) => matrix(t, (c) => (c && c.v !== null ? c.v : "")),
      formulas: (t) => matrix(t, (c) => (c?.f ? c.f : c && c.v !== null ? c.v : "")),
      numberFormat: (t) => matrix(t, (c) => c?.fmt ?? "General"),
    };
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get cellCount(): number {
    return this.read("cellCount");
  }
  get values(): FakeScalar[][] {
    return this.read("values");
  }
  set values(m: unknown[][]) {
    this.writeMatrix("values", m, (cell, x) => writeScalar(cell, x, false, "value"));
  }
  get formulas(): FakeScalar[][] {
    return this.read("formulas");
  }
  set formulas(m: unknown[][]) {
    this.writeMatrix("formulas", m, (cell, x) => writeScalar(cell, x, true, "formula"));
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(m: unknown[][]) {
    this.writeMatrix("numberFormat", m, (cell, x) => {
      if (typeof x !== "string")
        throw new FakeExcelError("InvalidArgument", `Unsupported number format ${JSON.stringify(x)}.`);
      cell.fmt = x === "General" ? null : x;
    });
  }
  /** Merges the range (across: row by row); recorded with the formats, where the tests read it. */
  merge(across = false): void {
    this.call("merge", [across], (t) => {
      t.sheet.formats.push({ address: rectAddress(t.rect), prop: "merge", value: across });
    });
  }
  /** Hides or shows the whole columns of the range; recorded with the formats, where the tests read it. */
  set columnHidden(value: boolean) {
    this.set("columnHidden", value, (t) => {
      t.sheet.formats.push({ address: rectAddress(t.rect), prop: "columnHidden", value });
    });
  }
  /** null entries leave the cell unchanged (Excel's documented "null input" rule). */
  private writeMatrix(prop: string, m: unknown[][], apply: (cell: CellModel, x: unknown) => void): void {
    this.set(
      prop,
      m,
      (t) => {
        const rows = checkMatrix(prop, m, t.rect);
        rows.forEach((row, r) =>
          row.forEach((x, c) => {
            if (x === null || x === undefined) return;
            apply(ensureCell(t.sheet, t.rect.row + r, t.rect.col + c), x);
          }),
        );
      },
      { writesCells: true },
    );
  }
  getCell(row: number, col: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getCell(${row},${col})`, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { row: t.rect.row + row, col: t.rect.col + col, rows: 1, cols: 1 } };
    });
  }
  getResizedRange(dRows: number, dCols: number): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getResizedRange(${dRows},${dCols})`, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: { ...t.rect, rows: t.rect.rows + dRows, cols: t.rect.cols + dCols } };
    });
  }
  clear(): void {
    this.call("clear", [], (t) => {
      for (let r = 0; r < t.rect.rows; r++) {
        const row = t.sheet.cells[t.rect.row + r];
        if (row) for (let c = 0; c < t.rect.cols; c++) delete row[t.rect.col + c];
      }
    });
  }
  get format(): FakeRangeFormat {
    return new FakeRangeFormat(this.ctx, `${this.path}.format`, () => this.target());
  }
  get conditionalFormats(): FakeConditionalFormatCollection {
    return new FakeConditionalFormatCollection(this.ctx, `${this.path}.conditionalFormats`, () => this.target());
  }
}

/** Records format settings (font, fill, widths) on the sheet; the tests read them from the model. */
function recorder(
  ctx: FakeRequestContext,
  path: string,
  range: () => RangeRef,
  props: string[],
): Record<string, unknown> {
  const obj: Record<string, unknown> = {};
  for (const p of props) {
    Object.defineProperty(obj, p, {
      get: () => {
        throw notLoaded(p);
      },
      set: (value: unknown) => {
        ctx.queue({
          payload: { set: `${path}.${p}`, value },
          run: () => {
            const t = range();
            t.sheet.formats.push({
              address: rectAddress(t.rect),
              prop: `${path.replace(/^.*\.format/, "format")}.${p}`,
              value,
            });
          },
        });
      },
      enumerable: true,
    });
  }
  return obj;
}

export class FakeRangeFormat extends FakeClientObject<RangeRef> {
  readonly font: Record<string, unknown>;
  readonly fill: Record<string, unknown>;
  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeRef) {
    super(ctx, path, resolver);
    this.font = recorder(ctx, `${path}.font`, () => this.target(), ["bold", "italic", "color", "size", "name"]);
    this.fill = recorder(ctx, `${path}.fill`, () => this.target(), ["color"]);
    const own = recorder(ctx, path, () => this.target(), [
      "columnWidth",
      "rowHeight",
      "wrapText",
      "horizontalAlignment",
      "verticalAlignment",
      "indentLevel",
    ]);
    for (const p of Object.keys(own)) Object.defineProperty(this, p, Object.getOwnPropertyDescriptor(own, p)!);
  }
  protected readable(): Record<string, (t: RangeRef) => unknown> {
    return {};
  }
  autofitColumns(): void {
    this.call("autofitColumns", [], () => {});
  }
}

export class FakeConditionalFormatCollection extends FakeClientObject<RangeRef> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => RangeRef) {
    super(ctx, path, resolver);
  }
  protected readable(): Record<string, (t: RangeRef) => unknown> {
    return {};
  }
  add(type: string): FakeConditionalFormat {
    const cf: ConditionalFormatModel = { type, address: "" };
    this.call("add", [type], (t) => {
      if (type !== "DataBar" && type !== "Custom")
        throw new FakeExcelError("InvalidArgument", `Unsupported conditional format ${type}.`);
      cf.address = rectAddress(t.rect);
      t.sheet.conditionalFormats.push(cf);
    });
    return new FakeConditionalFormat(this.ctx, `${this.path}.add(${type})`, cf);
  }
}

/** Excel's ConditionalFormatRuleType values a data bar bound takes. */
const DATA_BAR_RULE_TYPES = ["Automatic", "LowestValue", "HighestValue", "Number", "Percent", "Formula", "Percentile"];

export class FakeConditionalFormat {
  readonly dataBar: { positiveFormat: Record<string, unknown> } & Record<string, unknown>;
  readonly custom: {
    rule: Record<string, unknown>;
    format: { fill: Record<string, unknown>; font: Record<string, unknown> };
  };
  constructor(ctx: FakeRequestContext, path: string, cf: ConditionalFormatModel) {
    const setter = (name: string, apply: (v: unknown) => void) => ({
      get: () => {
        throw notLoaded(name);
      },
      set: (v: unknown) => ctx.queue({ payload: { set: `${path}.${name}`, value: v }, run: () => apply(v) }),
      enumerable: true,
    });
    const positiveFormat = {};
    Object.defineProperty(
      positiveFormat,
      "fillColor",
      setter("dataBar.positiveFormat.fillColor", (v) => (cf.dataBarColor = String(v))),
    );
    const rule = {};
    Object.defineProperty(
      rule,
      "formula",
      setter("custom.rule.formula", (v) => {
        if (typeof v !== "string" || !v.startsWith("="))
          throw new FakeExcelError("InvalidArgument", `A rule formula must start with "=": ${String(v)}.`);
        cf.formula = v;
      }),
    );
    const fill = {};
    Object.defineProperty(
      fill,
      "color",
      setter("custom.format.fill.color", (v) => (cf.fill = String(v))),
    );
    const font = {};
    Object.defineProperty(
      font,
      "color",
      setter("custom.format.font.color", (v) => (cf.fontColor = String(v))),
    );
    this.dataBar = { positiveFormat };
    // lowerBoundRule is a plain object { type, formula? }; a bound of a fixed number needs its number as the formula.
    Object.defineProperty(
      this.dataBar,
      "lowerBoundRule",
      setter("dataBar.lowerBoundRule", (v) => {
        const rule = v as { type?: unknown; formula?: unknown } | null;
        if (!rule || typeof rule.type !== "string" || !DATA_BAR_RULE_TYPES.includes(rule.type))
          throw new FakeExcelError("InvalidArgument", `Not a data bar rule: ${JSON.stringify(v)}.`);
        if (rule.formula !== undefined && typeof rule.formula !== "string")
          throw new FakeExcelError("InvalidArgument", `A data bar rule's formula is text: ${JSON.stringify(v)}.`);
        if (
          (rule.type === "Number" || rule.type === "Percent" || rule.type === "Formula") &&
          rule.formula === undefined
        )
          throw new FakeExcelError("InvalidArgument", `A ${rule.type} data bar rule needs a formula.`);
        if (rule.type === "Number" && !Number.isFinite(Number(rule.formula)))
          throw new FakeExcelError(
            "InvalidArgument",
            `A Number data bar rule needs a number: ${String(rule.formula)}.`,
          );
        cf.dataBarLowerBound =
          rule.formula === undefined ? { type: rule.type } : { type: rule.type, formula: rule.formula };
      }),
    );
    this.custom = { rule, format: { fill, font } };
  }
}

// ---------- tables ----------

export class FakeTableCollection extends FakeClientObject<TableModel[]> {
  private loadedItems: FakeTable[] | null = null;
  constructor(
    ctx: FakeRequestContext,
    path: string,
    resolver: () => TableModel[],
    private sheet?: () => SheetModel,
  ) {
    super(ctx, path, resolver);
  }
  protected readable(): Record<string, (t: TableModel[]) => unknown> {
    return {};
  }
  load(props?: string | string[]): this {
    const list = (Array.isArray(props) ? props : (props ?? "name").split(","))
      .map((p) => p.trim().replace(/^items\//, ""))
      .filter(Boolean);
    this.ctx.queue({
      payload: { load: this.path, props: list },
      run: () => {
        this.loadedItems = this.target().map((tm) => {
          const t = new FakeTable(this.ctx, `table(${tm.name})`, () => tm);
          const values: Record<string, unknown> = {};
          for (const p of list) values[p] = t.readProp(p, tm);
          this.ctx.addResponse(values);
          t.preload(values);
          return t;
        });
      },
    });
    return this;
  }
  get items(): FakeTable[] {
    if (!this.loadedItems) throw notLoaded("items");
    return this.loadedItems;
  }
  getItem(name: string): FakeTable {
    return new FakeTable(
      this.ctx,
      `tables.getItem(${name})`,
      () => allTables(this.ctx.model).find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
    );
  }
  getItemOrNullObject(name: string): FakeTable {
    return new FakeTable(
      this.ctx,
      `tables.getItemOrNullObject(${name})`,
      () => allTables(this.ctx.model).find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null,
      true,
    );
  }
  add(address: string | FakeRange, hasHeaders: boolean): FakeTable {
    const tm: TableModel = {
      name: "",
      sheet: null as unknown as SheetModel,
      address: "",
      style: "TableStyleMedium2",
      showFilterButton: true,
    };
    this.call("add", [typeof address === "string" ? address : "range", hasHeaders], () => {
      let ref: RangeRef;
      if (typeof address === "string") {
        const p = parseAddress(address);
        const sheet = p.sheet ? findSheet(this.ctx.model, p.sheet) : (this.sheet?.() ?? null);
        if (!sheet) throw new FakeExcelError("InvalidArgument", `tables.add needs a sheet for "${address}".`);
        ref = { sheet, rect: p.rect };
      } else ref = address.resolved();
      if (!hasHeaders) throw new FakeExcelError("InvalidArgument", "This fake expects tables with a header row.");
      const clash = ref.sheet.tables.find((t) => rectsOverlap(parseAddress(t.address).rect, ref.rect));
      if (clash) throw new FakeExcelError("InvalidOperation", `A table can't overlap another table (${clash.name}).`);
      const all = allTables(this.ctx.model);
      let n = all.length + 1;
      while (all.some((t) => t.name === `Table${n}`)) n++;
      tm.name = `Table${n}`;
      tm.sheet = ref.sheet;
      tm.address = rectAddress(ref.rect);
      ref.sheet.tables.push(tm);
    });
    const t = new FakeTable(this.ctx, `tables.add(${String(address)})`, () => tm);
    return t;
  }
}

function rectsOverlap(a: Rect, b: Rect): boolean {
  return a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
}

function allTables(model: WorkbookModel): TableModel[] {
  return model.sheets.flatMap((s) => s.tables);
}

export class FakeTable extends FakeClientObject<TableModel> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => TableModel | null, nullable = false) {
    super(ctx, path, resolver, nullable);
  }
  protected readable(): Record<string, (t: TableModel) => unknown> {
    return { name: (t) => t.name, style: (t) => t.style, showFilterButton: (t) => t.showFilterButton };
  }
  readProp(p: string, t: TableModel): unknown {
    const f = this.readable()[p];
    if (!f) throw new FakeExcelError("PropertyNotLoaded", `Cannot load unknown property '${p}' on a table.`);
    return f(t);
  }
  get name(): string {
    return this.read("name");
  }
  set name(v: string) {
    this.set("name", v, (t) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(v) || /^[A-Za-z]{1,3}\d+$/.test(v)) {
        throw new FakeExcelError("InvalidArgument", `Bad table name "${v}".`);
      }
      if (allTables(this.ctx.model).some((o) => o !== t && o.name.toLowerCase() === v.toLowerCase())) {
        throw new FakeExcelError("InvalidArgument", `A table named "${v}" already exists.`);
      }
      t.name = v;
    });
  }
  set style(v: string) {
    this.set("style", v, (t) => (t.style = v));
  }
  get style(): string {
    return this.read("style");
  }
  set showFilterButton(v: boolean) {
    this.set("showFilterButton", v, (t) => (t.showFilterButton = v));
  }
  get showFilterButton(): boolean {
    return this.read("showFilterButton");
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange()`, () => {
      const t = this.target();
      return { sheet: t.sheet, rect: parseAddress(t.address).rect };
    });
  }
  delete(): void {
    this.call("delete", [], (t) => t.sheet.tables.splice(t.sheet.tables.indexOf(t), 1));
  }
}

// ---------- charts ----------

function rangeAddressOf(r: FakeRange): string {
  const t = r.resolved();
  return `${quoteSheet(t.sheet.name)}!${rectAddress(t.rect)}`;
}

export class FakeChartCollection extends FakeClientObject<SheetModel> {
  constructor(ctx: FakeRequestContext, path: string, resolver: () => SheetModel) {
    super(ctx, path, resolver);
  }
  protected readable(): Record<string, (t: SheetModel) => unknown> {
    return {};
  }
  add(type: string, source: FakeRange, seriesBy?: string): FakeChart {
    const cm: ChartModel = { name: "", type, source: "", title: "", series: [], position: null, valueAxisFormat: null };
    this.call("add", [type, "range", seriesBy ?? "Auto"], (s) => {
      const known = ["BarClustered", "Line", "LineMarkers", "ColumnClustered"];
      if (!known.includes(type)) throw new FakeExcelError("InvalidArgument", `Unknown chart type ${type}.`);
      cm.source = rangeAddressOf(source);
      cm.name = `Chart ${s.charts.length + 1}`;
      const rect = source.resolved().rect;
      // One series per column of the source (seriesBy columns), named after nothing yet.
      const n = seriesBy === "Rows" ? rect.rows : rect.cols;
      for (let i = 0; i < n; i++) cm.series.push({ name: `Series${i + 1}`, values: cm.source, xValues: null });
      s.charts.push(cm);
    });
    return new FakeChart(this.ctx, `${this.path}.add(${type})`, cm);
  }
}

export class FakeChart {
  readonly title: Record<string, unknown>;
  readonly series: FakeChartSeriesCollection;
  readonly axes: { valueAxis: Record<string, unknown> };
  constructor(
    private ctx: FakeRequestContext,
    private path: string,
    private cm: ChartModel,
  ) {
    const title = {};
    Object.defineProperty(title, "text", {
      get: () => {
        throw notLoaded("text");
      },
      set: (v: string) => {
        ctx.queue({ payload: { set: `${path}.title.text`, value: v }, run: () => (cm.title = v) });
      },
    });
    this.title = title;
    this.series = new FakeChartSeriesCollection(ctx, `${path}.series`, cm);
    const valueAxis = {};
    Object.defineProperty(valueAxis, "numberFormat", {
      get: () => {
        throw notLoaded("numberFormat");
      },
      set: (v: string) => {
        ctx.queue({
          payload: { set: `${path}.axes.valueAxis.numberFormat`, value: v },
          run: () => (cm.valueAxisFormat = v),
        });
      },
    });
    Object.defineProperty(valueAxis, "minimum", {
      get: () => {
        throw notLoaded("minimum");
      },
      set: (v: unknown) => {
        ctx.queue({
          payload: { set: `${path}.axes.valueAxis.minimum`, value: v },
          run: () => {
            if (typeof v !== "number" || !Number.isFinite(v))
              throw new FakeExcelError("InvalidArgument", `An axis minimum is a number: ${String(v)}.`);
            cm.valueAxisMin = v;
          },
        });
      },
    });
    this.axes = { valueAxis };
    const font = {};
    Object.defineProperty(font, "size", {
      get: () => {
        throw notLoaded("size");
      },
      set: (v: number) => {
        ctx.queue({
          payload: { set: `${path}.format.font.size`, value: v },
          run: () => {
            if (!(typeof v === "number" && v >= 1 && v <= 409))
              throw new FakeExcelError("InvalidArgument", `Bad font size ${String(v)}.`);
            cm.fontSize = v;
          },
        });
      },
    });
    this.format = { font };
  }
  readonly format: { font: Record<string, unknown> };
  setPosition(start: string | FakeRange, end?: string | FakeRange): void {
    this.ctx.queue({
      payload: { call: `${this.path}.setPosition`, args: [String(start), String(end)] },
      run: () => {
        const a = typeof start === "string" ? start : rectAddress(start.resolved().rect);
        const b = end === undefined ? null : typeof end === "string" ? end : rectAddress(end.resolved().rect);
        parseAddress(a);
        if (b) parseAddress(b);
        this.cm.position = { start: a, end: b };
      },
    });
  }
}

export class FakeChartSeriesCollection {
  constructor(
    private ctx: FakeRequestContext,
    private path: string,
    private cm: ChartModel,
  ) {}
  getItemAt(i: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, `${this.path}.getItemAt(${i})`, () => {
      const s = this.cm.series[i];
      if (!s) throw new FakeExcelError("ItemNotFound", `Chart series ${i} doesn't exist.`);
      return s;
    });
  }
  add(name?: string): FakeChartSeries {
    const sm: ChartSeriesModel = { name: name ?? "", values: null, xValues: null };
    this.ctx.queue({ payload: { call: `${this.path}.add`, args: [name] }, run: () => this.cm.series.push(sm) });
    return new FakeChartSeries(this.ctx, `${this.path}.add(${name})`, () => sm);
  }
}

export class FakeChartSeries {
  constructor(
    private ctx: FakeRequestContext,
    private path: string,
    private get: () => ChartSeriesModel,
  ) {}
  set name(v: string) {
    this.ctx.queue({ payload: { set: `${this.path}.name`, value: v }, run: () => (this.get().name = v) });
  }
  get name(): string {
    throw notLoaded("name");
  }
  setValues(r: FakeRange): void {
    this.ctx.queue({ payload: { call: `${this.path}.setValues` }, run: () => (this.get().values = rangeAddressOf(r)) });
  }
  /** A colour property: "#RRGGBB" (or a colour name, which Excel also takes); anything else is refused. */
  private colour(name: string, v: unknown, apply: (c: string) => void): void {
    this.ctx.queue({
      payload: { set: `${this.path}.${name}`, value: v },
      run: () => {
        if (typeof v !== "string" || !/^(#[0-9A-Fa-f]{6}|[A-Za-z]+)$/.test(v))
          throw new FakeExcelError("InvalidArgument", `Not a colour: ${String(v)}.`);
        apply(v);
      },
    });
  }
  set markerBackgroundColor(v: string) {
    this.colour(
      "markerBackgroundColor",
      v,
      (c) => (this.get().markerColors = { ...this.get().markerColors, background: c }),
    );
  }
  get markerBackgroundColor(): string {
    throw notLoaded("markerBackgroundColor");
  }
  set markerForegroundColor(v: string) {
    this.colour(
      "markerForegroundColor",
      v,
      (c) => (this.get().markerColors = { ...this.get().markerColors, foreground: c }),
    );
  }
  get markerForegroundColor(): string {
    throw notLoaded("markerForegroundColor");
  }
  /** series.format: line.color, line.lineStyle and fill.setSolidColor, as Office.js ChartSeriesFormat. */
  get format(): { line: Record<string, unknown>; fill: { setSolidColor: (c: string) => void } } {
    const line = {};
    Object.defineProperty(line, "color", {
      get: () => {
        throw notLoaded("color");
      },
      set: (v: string) => {
        this.colour("format.line.color", v, (c) => (this.get().lineColor = c));
      },
    });
    Object.defineProperty(line, "lineStyle", {
      get: () => {
        throw notLoaded("lineStyle");
      },
      set: (v: unknown) => {
        this.ctx.queue({
          payload: { set: `${this.path}.format.line.lineStyle`, value: v },
          run: () => {
            const styles = [
              "None",
              "Continuous",
              "Dash",
              "DashDot",
              "DashDotDot",
              "Dot",
              "Grey25",
              "Grey50",
              "Grey75",
              "Automatic",
              "RoundDot",
            ];
            if (typeof v !== "string" || !styles.includes(v))
              throw new FakeExcelError("InvalidArgument", `Not a line style: ${String(v)}.`);
            this.get().lineStyle = v;
          },
        });
      },
    });
    return {
      line,
      fill: {
        setSolidColor: (c: string) => this.colour("format.fill.setSolidColor", c, (x) => (this.get().fillColor = x)),
      },
    };
  }
  setXAxisValues(r: FakeRange): void {
    this.ctx.queue({
      payload: { call: `${this.path}.setXAxisValues` },
      run: () => (this.get().xValues = rangeAddressOf(r)),
    });
  }
  delete(): void {
    throw new FakeExcelError("NotImplemented", "series.delete is not in this fake.");
  }
}

// ---------- settings and names ----------

export class FakeSettingCollection {
  constructor(private ctx: FakeRequestContext) {}
  add(key: string, value: unknown): FakeSetting {
    const json = JSON.stringify(value);
    this.ctx.queue({
      payload: { call: "settings.add", args: [key, value] },
      run: () => {
        if (json === undefined)
          throw new FakeExcelError("InvalidArgument", `A setting must be JSON-serialisable (${key}).`);
        this.ctx.model.settings.set(key, JSON.parse(json));
      },
    });
    return new FakeSetting(this.ctx, key, () => (this.ctx.model.settings.has(key) ? key : null));
  }
  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, () => (this.ctx.model.settings.has(key) ? key : null), true);
  }
  getItem(key: string): FakeSetting {
    return new FakeSetting(this.ctx, key, () => (this.ctx.model.settings.has(key) ? key : null));
  }
}

export class FakeSetting extends FakeClientObject<string> {
  constructor(ctx: FakeRequestContext, key: string, resolver: () => string | null, nullable = false) {
    super(ctx, `settings(${key})`, resolver, nullable);
  }
  protected readable(): Record<string, (t: string) => unknown> {
    return { key: (k) => k, value: (k) => this.ctx.model.settings.get(k) };
  }
  get key(): string {
    return this.read("key");
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.call("delete", [], (k) => this.ctx.model.settings.delete(k));
  }
}

export class FakeNamedItemCollection {
  constructor(private ctx: FakeRequestContext) {}
  add(name: string, reference: string): void {
    this.ctx.queue({
      payload: { call: "names.add", args: [name, reference] },
      run: () => {
        if (this.ctx.model.names.has(name.toLowerCase()))
          throw new FakeExcelError("InvalidArgument", `The name "${name}" already exists.`);
        if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
          throw new FakeExcelError("InvalidArgument", `Bad name "${name}".`);
        this.ctx.model.names.set(name.toLowerCase(), reference);
      },
    });
  }
  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, name);
  }
}

export class FakeNamedItem extends FakeClientObject<string> {
  constructor(ctx: FakeRequestContext, name: string) {
    super(ctx, `names(${name})`, () => (ctx.model.names.has(name.toLowerCase()) ? name.toLowerCase() : null), true);
  }
  protected readable(): Record<string, (t: string) => unknown> {
    return { name: (n) => n, formula: (n) => this.ctx.model.names.get(n) };
  }
  delete(): void {
    this.call("delete", [], (n) => this.ctx.model.names.delete(n));
  }
}

// ---------- the Excel namespace ----------

export interface SeedSheet {
  name: string;
  values: (FakeScalar | null)[][];
  numberFormats?: (string | null)[][];
  tables?: { name: string; ref: string }[];
}

export class FakeExcel {
  model: WorkbookModel = { sheets: [], settings: new Map(), names: new Map(), activeSheet: null };
  stats: SyncStats = newStats();
  private nextId = 1;
  /** Test hook: called at the start of every sync with the sync number (to fail or cancel midway). */
  onSync?: (n: number) => void;
  /** Test hook: called when sync n has come back to the pane (to cancel before sync n + 1). */
  afterSync?: (n: number) => void;
  /** Injected faults: `failOp` = the k-th queued operation fails; `loseAfterSync` = the pane is lost after sync k. */
  faults: { failOp?: number; loseAfterSync?: number } = {};
  /** Operations queued so far on this workbook, across contexts (the k of `faults.failOp`). */
  opsQueued = 0;
  /** Which pane is open: contexts of an earlier, lost pane are dead. */
  pane = 1;
  private paneLostResolvers: (() => void)[] = [];

  readonly ChartType = {
    barClustered: "BarClustered",
    line: "Line",
    lineMarkers: "LineMarkers",
    columnClustered: "ColumnClustered",
  };
  readonly ChartSeriesBy = { auto: "Auto", columns: "Columns", rows: "Rows" };
  readonly ConditionalFormatType = { dataBar: "DataBar", custom: "Custom" };
  readonly ConditionalFormatRuleType = {
    automatic: "Automatic",
    lowestValue: "LowestValue",
    highestValue: "HighestValue",
    number: "Number",
    percent: "Percent",
    formula: "Formula",
    percentile: "Percentile",
  };
  readonly ChartLineStyle = { continuous: "Continuous", dash: "Dash", dot: "Dot", none: "None" };
  readonly SheetVisibility = { visible: "Visible", hidden: "Hidden", veryHidden: "VeryHidden" };
  readonly ErrorCodes = { itemNotFound: "ItemNotFound", invalidArgument: "InvalidArgument" };

  constructor(seed: SeedSheet[] = []) {
    for (const s of seed) this.seedSheet(s);
    if (this.model.sheets.length === 0) this.newSheet("Sheet1");
    this.model.activeSheet = this.model.sheets[0].name;
  }

  newSheet(name: string): SheetModel {
    const s: SheetModel = {
      id: `{sheet-${this.nextId++}}`,
      name,
      cells: [],
      tables: [],
      charts: [],
      conditionalFormats: [],
      freeze: null,
      tabColor: "",
      visibility: "Visible",
      formats: [],
      pageLayout: newPageLayout(),
    };
    this.model.sheets.push(s);
    return s;
  }

  /** Put raw data on a new sheet directly (test setup; no payload limits). Text stays text. */
  seedSheet(seed: SeedSheet): SheetModel {
    const s = this.newSheet(seed.name);
    seed.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const fmt = seed.numberFormats?.[r]?.[c] ?? null;
        if (v === null && !fmt) return;
        const cell = ensureCell(s, r, c);
        cell.v = v;
        cell.fmt = fmt && fmt !== "General" ? fmt : null;
      }),
    );
    for (const t of seed.tables ?? []) {
      s.tables.push({
        name: t.name,
        sheet: s,
        address: parseAddress(t.ref).rect && t.ref.replace(/\$/g, ""),
        style: "TableStyleMedium2",
        showFilterButton: true,
      });
    }
    return s;
  }

  run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const ctx = new FakeRequestContext(this);
    const result = await batch(ctx);
    await ctx.sync(); // Excel.run flushes whatever is still queued
    return result;
  };

  resetStats(): void {
    this.stats = newStats();
  }

  /** An independent copy of this workbook (test setup: many cases start from one prepared state). */
  copy(): FakeExcel {
    const c = new FakeExcel();
    c.nextId = this.nextId;
    const sheets = this.model.sheets.map((s) => {
      const sheet: SheetModel = {
        ...s,
        cells: s.cells.map((row) => row?.map((cell) => (cell ? { ...cell } : cell))),
        tables: [],
        charts: JSON.parse(JSON.stringify(s.charts)) as ChartModel[],
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })),
        freeze: s.freeze ? { ...s.freeze } : null,
        formats: s.formats.map((f) => ({ ...f })),
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as PageLayoutModel,
      };
      sheet.tables = s.tables.map((t) => ({ ...t, sheet }));
      return sheet;
    });
    c.model = {
      sheets,
      settings: new Map([...this.model.settings].map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as unknown])),
      names: new Map(this.model.names),
      activeSheet: this.model.activeSheet,
    };
    return c;
  }

  /** The pane closes or reloads: its pending requests never return; a new pane starts with fresh contexts. */
  losePane(): void {
    this.pane++;
    this.faults = {};
    for (const resolve of this.paneLostResolvers.splice(0)) resolve();
  }

  /** Resolves when the pane is lost (after `faults.loseAfterSync`). */
  paneLost(): Promise<void> {
    return new Promise((resolve) => this.paneLostResolvers.push(resolve));
  }

  /**
   * The whole workbook as plain data: sheets in order with visibility, every cell's value, formula and number
   * format, recorded formats, tables, charts, conditional formats, freeze panes, tab colour; defined names,
   * settings and the active sheet. A formula cell is dumped as its formula: its value is Excel's to calculate.
   */
  snapshot(): WorkbookDump {
    return {
      sheets: this.model.sheets.map((s) => ({
        name: s.name,
        visibility: s.visibility,
        cells: s.cells.flatMap((row, r) =>
          (row ?? []).flatMap((cell, c) =>
            cell && (cell.v !== null || cell.f !== null || cell.fmt !== null)
              ? [`${colName(c)}${r + 1}=${JSON.stringify(cell.f !== null ? { f: cell.f, fmt: cell.fmt } : cell)}`]
              : [],
          ),
        ),
        formats: s.formats.map((f) => ({ ...f })),
        tables: s.tables.map((t) => ({
          name: t.name,
          address: t.address,
          style: t.style,
          filters: t.showFilterButton,
        })),
        charts: s.charts.map((ch) => JSON.parse(JSON.stringify(ch)) as ChartModel),
        conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf })),
        freeze: s.freeze,
        tabColor: s.tabColor,
        pageLayout: JSON.parse(JSON.stringify(s.pageLayout)) as PageLayoutModel,
      })),
      names: [...this.model.names.entries()].sort(),
      settings: [...this.model.settings.entries()].map(([k, v]) => [k, JSON.stringify(v)] as [string, string]).sort(),
      activeSheet: this.model.activeSheet,
    };
  }

  // ---- inspection helpers for tests (not part of Office.js) ----
  sheetNames(): string[] {
    return this.model.sheets.map((s) => s.name);
  }
  sheet(name: string): SheetModel {
    const s = findSheet(this.model, name);
    if (!s) throw new Error(`No sheet "${name}" in the fake (have: ${this.sheetNames().join(", ")})`);
    return s;
  }
  /** Cell as { v, f, fmt } by "B2". */
  cell(sheet: string, a1: string): CellModel {
    const { rect } = parseAddress(a1);
    return cellAt(this.sheet(sheet), rect.row, rect.col) ?? { v: null, f: null, fmt: null };
  }
  /** Values of a sheet's used range as a dense 2-D array (formulas as their "=…" text). */
  dump(sheet: string): (FakeScalar | null)[][] {
    const s = this.sheet(sheet);
    const rect = usedRect(s, true);
    if (!rect) return [];
    const out: (FakeScalar | null)[][] = [];
    for (let r = 0; r < rect.row + rect.rows; r++) {
      const row: (FakeScalar | null)[] = [];
      for (let c = 0; c < rect.col + rect.cols; c++) {
        const cell = cellAt(s, r, c);
        row.push(cell ? (cell.f ?? cell.v) : null);
      }
      out.push(row);
    }
    return out;
  }
}

export interface WorkbookDump {
  sheets: {
    name: string;
    visibility: SheetVisibility;
    cells: string[];
    formats: { address: string; prop: string; value: unknown }[];
    tables: { name: string; address: string; style: string; filters: boolean }[];
    charts: ChartModel[];
    conditionalFormats: ConditionalFormatModel[];
    freeze: { rows: number; cols: number } | null;
    tabColor: string;
    pageLayout: PageLayoutModel;
  }[];
  names: [string, string][];
  settings: [string, string][];
  activeSheet: string | null;
}

function newStats(): SyncStats {
  return {
    syncs: 0,
    requestBytes: [],
    responseBytes: [],
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    suspendedWrites: 0,
    writeSyncs: 0,
  };
}

/** Install as `globalThis.Excel` (and a minimal `Office` with requirement sets up to `apiVersion`). */
export function installFakeExcel(
  fake: FakeExcel,
  opts: { apiVersion?: string; displayLanguage?: string } = {},
): () => void {
  const g = globalThis as unknown as Record<string, unknown>;
  const before = { Excel: g.Excel, Office: g.Office };
  const supported = opts.apiVersion ?? "1.12";
  g.Excel = fake;
  g.Office = {
    HostType: { Excel: "Excel" },
    context: {
      displayLanguage: opts.displayLanguage ?? "en-US",
      requirements: {
        isSetSupported: (name: string, version?: string) =>
          name === "ExcelApi" && compareVersions(version ?? "1.1", supported) <= 0,
      },
    },
    onReady: async () => ({ host: "Excel", platform: "OfficeOnline" }),
  };
  return () => {
    g.Excel = before.Excel;
    g.Office = before.Office;
  };
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
