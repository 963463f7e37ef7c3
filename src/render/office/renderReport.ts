/**
 * Writes a Report (report/model.ts) into the open workbook through Office.js (docs/reference/tabs.md):
 * values and formulas in 2-D blocks of at most ~4 MB per request, number formats, text kept
 * as text, tables with filters, frozen headers, data bars and formula fills, native charts.
 * The tabs it makes are remembered in the workbook settings so a rerun replaces exactly those;
 * a user's own sheet with a clashing name is left alone. The write is all or nothing
 * (docs/reference/writes.md): new tabs are written under temporary names and swapped in at the end,
 * with a journal setting from which a failure, a Cancel or the next pane undoes or finishes it.
 */
import type {
  CellStyle,
  ChartSpec,
  ConditionalFormat,
  PrintSetup,
  Report,
  ReportCell,
  ReportSheet,
} from "../../report/model";
import { cellAddress, columnLetters, formatRange, parseRange, uniqueSheetName } from "../../sheet";
import { renameSheetRefs } from "./address";
import { describeExcelError, officeError, type OfficeResult } from "./errors";
import { checkRequirements } from "./requirements";
import {
  JOURNAL_SETTING,
  parseJournal,
  queueJournal,
  queueJournalDelete,
  readJournal,
  type Settled,
  type TabsJournal,
} from "./journal";
import { TABS_SETTING } from "./settings";
import { runSteps } from "./steps";
import { carryUserColumns } from "./userColumns";

export { TABS_SETTING } from "./settings";
/** Workbook setting holding the defined names the add-in made. */
export const NAMES_SETTING = "salesperf.names";
/** Request budget per write chunk: under Excel's 5 MB limit with room for the other queued operations. */
export const WRITE_CHUNK_BYTES = 3_500_000;

export interface RenderProgress {
  stage: "preparing" | "writing" | "finishing" | "cleaning";
  sheet?: string;
  /** Steps done of total, for a ProgressBar. */
  done: number;
  total: number;
}

export interface RenderOptions {
  onProgress?: (p: RenderProgress) => void;
  signal?: AbortSignal;
  /**
   * Sheets the run leaves exactly as they are, even when an earlier run recorded them as its own: the Plan and
   * Targets sheets the rules were read from (docs/reference/writes.md).
   */
  keep?: readonly string[];
  /**
   * The Plan sheet that stands in for the report's Plan tab because it holds the same cells: the report's
   * formulas, names and rules refer to it and no Plan tab is written (docs/reference/writes.md).
   */
  planSheet?: string | null;
}

export interface RenderedSheet {
  key: ReportSheet["key"];
  name: string;
}

export type RenderResult = OfficeResult<{ sheets: RenderedSheet[] }>;

class Cancelled extends Error {}

const encoder = new TextEncoder();
function byteLength(x: unknown): number {
  return encoder.encode(JSON.stringify(x)).length;
}

/**
 * Text Excel would re-read on entry (a formula sign, a number, a date, TRUE) gets the text
 * format "@" before its value is written, so it stays the text the model holds (docs/reference/tabs.md).
 */
const REINTERPRETED_TEXT = /^[=+\-@]|^\s*[\d.,(（$¥€£]|^\s*(true|false)\s*$/i;

function cellInput(cell: ReportCell | null): { value: string | number | boolean | null; fmt: string | null } {
  if (!cell) return { value: null, fmt: null };
  if (cell.f !== undefined) return { value: "=" + cell.f, fmt: cell.fmt ?? null };
  const v = cell.v ?? null;
  if (typeof v === "string" && (cell.literal || REINTERPRETED_TEXT.test(v))) {
    return { value: v, fmt: cell.fmt && cell.fmt !== "General" && !cell.literal ? cell.fmt : "@" };
  }
  return { value: v === "" ? null : v, fmt: cell.fmt ?? null };
}

interface WriteChunk {
  row: number;
  rows: number;
  cols: number;
  formulas: (string | number | boolean | null)[][];
  formats: (string | null)[][] | null;
}

/** Splits a sheet's rows into chunks whose formulas + formats stay under the byte budget. */
export function chunkRows(sheet: ReportSheet, budgetBytes = WRITE_CHUNK_BYTES): WriteChunk[] {
  const cols = sheet.rows.reduce((n, r) => Math.max(n, r.length), 1); // no spread: sheets can have 1M rows
  const chunks: WriteChunk[] = [];
  let current: WriteChunk | null = null;
  let bytes = 0;
  sheet.rows.forEach((row, r) => {
    const inputs = Array.from({ length: cols }, (_, c) => cellInput(row[c] ?? null));
    const formulas = inputs.map((i) => i.value);
    const formats = inputs.map((i) => i.fmt);
    const hasFormats = formats.some((f) => f !== null);
    // Counted as if the chunk carries formats: a later row with formats adds them for every row.
    const rowBytes = byteLength(formulas) + byteLength(formats) + 2;
    if (!current || bytes + rowBytes > budgetBytes) {
      current = { row: r, rows: 0, cols, formulas: [], formats: null };
      chunks.push(current);
      bytes = 0;
    }
    if (hasFormats && !current.formats) current.formats = current.formulas.map(() => formats.map(() => null));
    current.formulas.push(formulas);
    if (current.formats) current.formats.push(hasFormats ? formats : formats.map(() => null));
    current.rows++;
    bytes += rowBytes;
  });
  return chunks.filter((c) => c.formulas.some((row) => row.some((v) => v !== null)) || c.formats !== null);
}

interface StyleRect {
  style: CellStyle;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Horizontal runs of one style per row, merged downwards when the next row repeats them. */
export function styleRects(sheet: ReportSheet): StyleRect[] {
  const done: StyleRect[] = [];
  let open: StyleRect[] = [];
  sheet.rows.forEach((row, r) => {
    const runs: StyleRect[] = [];
    row.forEach((cell, c) => {
      const style = cell?.style;
      if (!style) return;
      const last = runs[runs.length - 1];
      if (last && last.style === style && last.col + last.cols === c) last.cols++;
      else runs.push({ style, row: r, col: c, rows: 1, cols: 1 });
    });
    const next: StyleRect[] = [];
    for (const run of runs) {
      const above = open.find(
        (o) => o.style === run.style && o.col === run.col && o.cols === run.cols && o.row + o.rows === r,
      );
      if (above) {
        above.rows++;
        next.push(above);
      } else next.push(run);
    }
    for (const o of open) if (!next.includes(o)) done.push(o);
    open = next;
  });
  return [...done, ...open];
}

/** How each model style looks in Excel (the model names the role, the renderer its look). */
const STYLE_LOOK: Record<
  CellStyle,
  { bold?: boolean; italic?: boolean; size?: number; font?: string; fill?: string; wrap?: boolean }
> = {
  title: { bold: true, size: 14 },
  // Headers wrap: columns are sized for a header on two lines (report/printLayout.ts).
  header: { bold: true, fill: "#DDEBF7", wrap: true },
  note: { italic: true, font: "#595959" },
  total: { bold: true, fill: "#F2F2F2" },
  top: { fill: "#C6EFCE", font: "#006100" },
  coaching: { fill: "#FFEB9C", font: "#9C5700" },
  warning: { font: "#9C0006" },
  // A sentence wraps within its column; rows without a set height grow to hold it.
  paragraph: { wrap: true },
};

/** Excel column width in points from a width in characters (Calibri 11: ~7 px a character). */
function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function applyCellStyles(ws: Excel.Worksheet, sheet: ReportSheet): void {
  for (const rect of styleRects(sheet)) {
    const look = STYLE_LOOK[rect.style];
    const format = ws.getRangeByIndexes(rect.row, rect.col, rect.rows, rect.cols).format;
    if (look.bold) format.font.bold = true;
    if (look.italic) format.font.italic = true;
    if (look.size) format.font.size = look.size;
    if (look.font) format.font.color = look.font;
    if (look.fill) format.fill.color = look.fill;
    if (look.wrap) format.wrapText = true;
  }
}

const PAPER: Record<NonNullable<PrintSetup["paper"]>, Excel.PaperType | "A4" | "Letter"> = {
  a4: "A4",
  letter: "Letter",
};

/** The model's print settings on the sheet's page layout (ExcelApi 1.9). */
function applyPrint(ws: Excel.Worksheet, print: PrintSetup): void {
  const layout = ws.pageLayout;
  if (print.orientation) layout.orientation = print.orientation === "landscape" ? "Landscape" : "Portrait";
  if (print.paper) layout.paperSize = PAPER[print.paper];
  // Only the pages across: left unset, the pages down are as many as the rows need.
  if (print.pagesWide !== undefined) layout.zoom = { horizontalFitToPages: print.pagesWide };
  if (print.area) layout.setPrintArea(print.area);
  if (print.titleRows) layout.setPrintTitleRows(`$${print.titleRows.first}:$${print.titleRows.last}`);
  if (print.titleColumns) {
    const { first, last } = print.titleColumns;
    layout.setPrintTitleColumns(`$${columnLetters(first)}:$${columnLetters(last)}`);
  }
  const page = layout.headersFooters.defaultForAllPages;
  if (print.header?.left) page.leftHeader = print.header.left;
  if (print.header?.center) page.centerHeader = print.header.center;
  if (print.header?.right) page.rightHeader = print.header.right;
  if (print.footer?.left) page.leftFooter = print.footer.left;
  if (print.footer?.center) page.centerFooter = print.footer.center;
  if (print.footer?.right) page.rightFooter = print.footer.right;
}

function applySheetLayout(
  ws: Excel.Worksheet,
  sheet: ReportSheet,
  renames: ReadonlyMap<string, string>,
  tableNames: ReadonlyMap<string, string>,
): void {
  (sheet.columnWidths ?? []).forEach((chars, c) => {
    if (chars > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(chars);
  });
  for (const { row, points } of sheet.rowHeights ?? []) ws.getRangeByIndexes(row, 0, 1, 1).format.rowHeight = points;
  for (const c of sheet.hiddenColumns ?? []) ws.getRangeByIndexes(0, c, 1, 1).columnHidden = true;
  for (const ref of sheet.wrapAcross ?? []) {
    const range = ws.getRange(ref);
    range.merge(false);
    range.format.wrapText = true;
    range.format.verticalAlignment = "Top";
  }
  applyCellStyles(ws, sheet);
  for (const spec of sheet.tables ?? []) {
    const table = ws.tables.add(ws.getRange(spec.ref), true);
    table.name = tableNames.get(spec.name) ?? spec.name;
    if (spec.style) table.style = spec.style;
    table.showFilterButton = true; // docs/reference/tabs.md: tables have filters
  }
  for (const cf of sheet.conditionalFormats ?? []) addConditionalFormat(ws, cf, renames);
  const freeze = sheet.freeze;
  if (freeze && freeze.rows > 0 && freeze.cols > 0)
    ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.cols));
  else if (freeze && freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
  else if (freeze && freeze.cols > 0) ws.freezePanes.freezeColumns(freeze.cols);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor;
  if (sheet.print) applyPrint(ws, sheet.print);
}

function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat, renames: ReadonlyMap<string, string>): void {
  const range = ws.getRange(cf.ref);
  if (cf.type === "dataBar") {
    const added = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
    added.dataBar.positiveFormat.fillColor = cf.color;
    added.dataBar.lowerBoundRule = { type: Excel.ConditionalFormatRuleType.number, formula: String(cf.min) };
    return;
  }
  const added = range.conditionalFormats.add(Excel.ConditionalFormatType.custom);
  const formula = renameSheetRefs(cf.formula, renames);
  added.custom.rule.formula = formula.startsWith("=") ? formula : "=" + formula;
  added.custom.format.fill.color = cf.fill;
  if (cf.fontColor) added.custom.format.font.color = cf.fontColor;
}

function refRange(
  context: Excel.RequestContext,
  ref: string,
  defaultSheet: string,
  renames: ReadonlyMap<string, string>,
): Excel.Range {
  const range = parseRange(ref);
  if (!range) throw new Error(`Not a range: ${ref}`);
  const name = range.sheet === null ? defaultSheet : (renames.get(range.sheet) ?? range.sheet);
  return context.workbook.worksheets.getItem(name).getRange(formatRange({ ...range, sheet: null }).replace(/\$/g, ""));
}

function addChart(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheetName: string,
  spec: ChartSpec,
  renames: ReadonlyMap<string, string>,
): void {
  if (spec.series.length === 0) return;
  const type = spec.type === "bar" ? Excel.ChartType.barClustered : Excel.ChartType.lineMarkers;
  const categories = refRange(context, spec.categories, sheetName, renames);
  const chart = ws.charts.add(
    type,
    refRange(context, spec.series[0].values, sheetName, renames),
    Excel.ChartSeriesBy.columns,
  );
  chart.title.text = spec.title;
  // The cells' 11 points, not Excel's 10: the chart prints at the tab's scale (docs/reference/tabs.md "Printing").
  chart.format.font.size = 11;
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(refRange(context, s.values, sheetName, renames));
    series.setXAxisValues(categories);
    if (s.color && spec.type === "line") {
      series.format.line.color = s.color;
      series.markerBackgroundColor = s.color;
      series.markerForegroundColor = s.color;
    } else if (s.color) series.format.fill.setSolidColor(s.color);
    if (s.dashed) series.format.line.lineStyle = Excel.ChartLineStyle.dash;
  });
  if (spec.yAxisFormat) chart.axes.valueAxis.numberFormat = spec.yAxisFormat;
  if (spec.valueAxisMin !== undefined) chart.axes.valueAxis.minimum = spec.valueAxisMin;
  chart.setPosition(cellAddress(spec.from.row, spec.from.col), cellAddress(spec.to.row, spec.to.col));
}

function parseNameList(value: unknown): string[] {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return [];
    }
  }
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

interface TabPlan {
  /** The sheets to write, with their final names. */
  sheets: { sheet: ReportSheet; name: string }[];
  /** Every report sheet in report order, with the name it has at the end (the stand-in's included). */
  rendered: RenderedSheet[];
  renames: Map<string, string>;
  oldTabs: string[];
}

/** Decides which old tabs go and what the new ones are called (a user's sheet keeps its name). */
/**
 * Decides which old tabs go and what the new ones are called (a user's sheet keeps its name); kept sheets and
 * the Plan stand-in are never among the old tabs.
 */
function planTabs(
  report: Report,
  existing: string[],
  previousTabs: string[],
  opts: { replace: boolean; keep: ReadonlySet<string>; planSheet: string | null },
): TabPlan {
  const oldTabs = opts.replace ? previousTabs.filter((n) => !opts.keep.has(n.toLowerCase())) : [];
  const oldLower = new Set(oldTabs.map((n) => n.toLowerCase()));
  const taken = new Set(existing.filter((n) => !oldLower.has(n.toLowerCase())));
  const renames = new Map<string, string>();
  const standIn = opts.planSheet ? report.sheets.find((s) => s.key === "plan") : undefined;
  if (standIn && opts.planSheet && standIn.name !== opts.planSheet) renames.set(standIn.name, opts.planSheet);
  const rendered: RenderedSheet[] = [];
  const sheets = report.sheets.flatMap((sheet) => {
    if (sheet === standIn) {
      rendered.push({ key: sheet.key, name: opts.planSheet! });
      return [];
    }
    const name = uniqueSheetName(sheet.name, taken);
    taken.add(name);
    if (name !== sheet.name) renames.set(sheet.name, name);
    rendered.push({ key: sheet.key, name });
    return [{ sheet, name }];
  });
  return { sheets, rendered, renames, oldTabs };
}

/** Write steps for one sheet: its cell chunks, then layout, then charts; each step syncs once. */
function sheetSteps(
  context: Excel.RequestContext,
  sheet: ReportSheet,
  name: string,
  renames: ReadonlyMap<string, string>,
  tableNames: ReadonlyMap<string, string>,
): { label: string; queue: () => void }[] {
  const withRenames = (f: string | number | boolean | null) =>
    typeof f === "string" && f.startsWith("=") ? renameSheetRefs(f, renames) : f;
  const chunks = chunkRows(sheet).map((chunk) => ({
    label: name,
    queue: () => {
      const range = context.workbook.worksheets.getItem(name).getRangeByIndexes(chunk.row, 0, chunk.rows, chunk.cols);
      // Formats first: a text format set before the value keeps "=1+2" or "007" as text.
      if (chunk.formats) range.numberFormat = chunk.formats;
      range.formulas = renames.size ? chunk.formulas.map((row) => row.map(withRenames)) : chunk.formulas;
    },
  }));
  const layout = {
    label: name,
    queue: () => applySheetLayout(context.workbook.worksheets.getItem(name), sheet, renames, tableNames),
  };
  const charts = (sheet.charts ?? []).map((spec) => ({
    label: name,
    queue: () => addChart(context, context.workbook.worksheets.getItem(name), name, spec, renames),
  }));
  return [...chunks, layout, ...charts];
}

export interface WriteSheetsOptions extends RenderOptions {
  /**
   * "replace": the previous run's tabs go, the new ones are recorded (a report run);
   * "add": the new tabs are recorded beside the previous ones (the Plan sheet, which the next run replaces);
   * "none": a sheet the user owns from then on;
   * "same": each new tab replaces the recorded tab of its name, every other tab and name stays (the Pay history
   * rewritten by Close period, docs/reference/history.md).
   */
  track: "replace" | "add" | "none" | "same";
  definedNames?: Report["definedNames"];
}

/**
 * Sheets the run must not see as its own: `temps` under names free now, backups for the tabs it replaces. The
 * names are plain words so that a user who sees them mid-run knows what they are.
 */
function transitNames(count: number, prefix: string, taken: Set<string>): string[] {
  return Array.from({ length: count }, (_, i) => {
    const name = uniqueSheetName(`${prefix} ${i + 1}`, taken);
    taken.add(name);
    return name;
  });
}

/**
 * Writes the report's sheets as one change (docs/reference/writes.md): the new tabs are written under temporary
 * names while the previous run's tabs stay as they are; one batch then renames the previous tabs to backup names
 * and the new ones to their final names, and records "committed" in the journal; only then are the backups and
 * the previous run's defined names deleted. A failure or Cancel before that batch has fully applied undoes
 * everything; after it, the run is finished.
 */
async function writeSheets(
  context: Excel.RequestContext,
  report: Report,
  opts: WriteSheetsOptions,
): Promise<RenderResult> {
  const progress = opts.onProgress ?? (() => {});
  const checkCancel = () => {
    if (opts.signal?.aborted) throw new Cancelled();
  };

  // 1. What is there: sheets, the previous run's tabs and names, and any write left unfinished.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/id, items/position");
  const tabsSetting = context.workbook.settings.getItemOrNullObject(TABS_SETTING);
  tabsSetting.load("value");
  const namesSetting = context.workbook.settings.getItemOrNullObject(NAMES_SETTING);
  namesSetting.load("value");
  const journalSetting = context.workbook.settings.getItemOrNullObject(JOURNAL_SETTING);
  journalSetting.load("value");
  const allTables = context.workbook.tables;
  allTables.load("items/name");
  await context.sync();
  if (!journalSetting.isNullObject && parseJournal(journalSetting.value)) {
    // Another pane is writing, or one was closed midway: its recovery runs when a pane starts.
    return { ok: false, error: officeError("writeUnfinished") };
  }
  const existing = worksheets.items.map((w) => ({ name: w.name, id: w.id, position: w.position }));
  const byLowerName = new Map(existing.map((w) => [w.name.toLowerCase(), w]));
  const previousTabs = (tabsSetting.isNullObject ? [] : parseNameList(tabsSetting.value)).filter((n) =>
    byLowerName.has(n.toLowerCase()),
  );
  const replace = opts.track === "replace";
  const planSheet = (opts.planSheet && byLowerName.get(opts.planSheet.toLowerCase())?.name) || null;
  const keep = new Set([...(opts.keep ?? []), ...(planSheet ? [planSheet] : [])].map((n) => n.toLowerCase()));
  // "same": the recorded tabs not named like a new one are kept, so only the tab of the same name is replaced.
  const same = opts.track === "same";
  if (same) {
    const names = new Set(report.sheets.map((x) => x.name.toLowerCase()));
    previousTabs.filter((n) => !names.has(n.toLowerCase())).forEach((n) => keep.add(n.toLowerCase()));
  }
  const plan = planTabs(
    report,
    existing.map((w) => w.name),
    previousTabs,
    { replace: replace || same, keep, planSheet },
  );
  // The manager's notes on the Scorecard carry over to the new tab (docs/reference/tabs.md).
  if (replace) plan.sheets = await carryUserColumns(context, plan.sheets, plan.oldTabs);
  const oldNames = replace && !namesSetting.isNullObject ? parseNameList(namesSetting.value) : [];
  // Table names are workbook-wide: the old tabs' tables keep theirs until the swap.
  const oldTabTables = plan.oldTabs.map((n) => {
    const tables = context.workbook.worksheets.getItem(n).tables;
    tables.load("items/name");
    return tables;
  });
  await context.sync();
  const tables = planTables(
    plan.sheets.map((x) => x.sheet),
    allTables.items.map((x) => x.name),
    oldTabTables.flatMap((c) => c.items.map((x) => x.name)),
  );
  const taken = new Set([...existing.map((w) => w.name), ...plan.sheets.map((s) => s.name)]);
  const temps = transitNames(plan.sheets.length, "SalesPerf new", taken);
  const backups = transitNames(plan.oldTabs.length, "SalesPerf old", taken);
  // While written, the report's references point at the temporary names; Excel follows the final rename.
  const toTemp = new Map([...plan.renames, ...plan.sheets.map((s, i): [string, string] => [s.sheet.name, temps[i]])]);
  const names = replace ? (opts.definedNames ?? []) : [];
  const journal: TabsJournal = {
    op: "tabs",
    phase: "writing",
    temps,
    finals: plan.sheets.map((s) => s.name),
    added: [],
    replaced: [],
    tables,
    dropNames: oldNames,
    addNames: names.map((n) => {
      const ref = renameSheetRefs(n.ref, plan.renames);
      return { name: n.name, ref: ref.startsWith("=") ? ref : "=" + ref };
    }),
    tabs:
      opts.track === "none"
        ? null
        : same
          ? // The replaced tab keeps its place in the list (it has the same name).
            [...previousTabs, ...plan.sheets.map((s) => s.name).filter((n) => !previousTabs.includes(n))]
          : [...previousTabs.filter((n) => !replace || keep.has(n.toLowerCase())), ...plan.sheets.map((s) => s.name)],
    names: replace ? names.map((n) => n.name) : null,
    activate: plan.sheets[0]?.name ?? null,
  };

  const toTempTable = new Map(tables.added.map((x) => [x.name, x.temp]));
  const steps = plan.sheets.flatMap(({ sheet }, i) => sheetSteps(context, sheet, temps[i], toTemp, toTempTable));
  const total = steps.length + 2;
  let stage: "preparing" | "writing" | "finishing" = "preparing";
  let currentSheet = "";

  try {
    checkCancel();
    progress({ stage: "preparing", done: 0, total });
    // 2. The journal first, then the new tabs under their temporary names.
    queueJournal(context, journal);
    const added = temps.map((name) => {
      const ws = context.workbook.worksheets.add(name);
      ws.load("id");
      return ws;
    });
    await context.sync();

    // 3. Cells, layout and charts, one sync per step.
    stage = "writing";
    await runSteps(
      steps.map((step, i) => async () => {
        checkCancel();
        currentSheet = plan.sheets[temps.indexOf(step.label)]?.name ?? step.label;
        progress({ stage: "writing", sheet: currentSheet, done: i + 1, total });
        context.application.suspendApiCalculationUntilNextSync(); // recalc once per chunk, not per cell
        step.queue();
        await context.sync();
      }),
    );

    // 4. The swap, in one batch: previous tabs to backups, new tabs to their names, then "committed".
    stage = "finishing";
    currentSheet = "";
    checkCancel();
    progress({ stage: "finishing", done: total - 1, total });
    journal.phase = "swapping";
    journal.added = added.map((w) => w.id);
    journal.replaced = plan.oldTabs.map((name, i) => ({
      id: byLowerName.get(name.toLowerCase())!.id,
      name,
      backup: backups[i],
    }));
    queueJournal(context, journal);
    journal.replaced.forEach((r) => (context.workbook.worksheets.getItem(r.id).name = r.backup));
    journal.added.forEach((id, i) => (context.workbook.worksheets.getItem(id).name = journal.finals[i]));
    // The new tabs take the place of the ones they replace (a kept Plan sheet stays where it is).
    const firstReplaced = Math.min(...journal.replaced.map((r) => byLowerName.get(r.name.toLowerCase())!.position));
    if (Number.isFinite(firstReplaced)) {
      journal.added.forEach((id, i) => (context.workbook.worksheets.getItem(id).position = firstReplaced + i));
    }
    tables.replaced.forEach((x) => (context.workbook.tables.getItem(x.name).name = x.backup));
    tables.added.forEach((x) => (context.workbook.tables.getItem(x.temp).name = x.final));
    queueJournal(context, { ...journal, phase: "committed" });
    await context.sync();
  } catch (e) {
    const cancelled = e instanceof Cancelled;
    progress({ stage: "cleaning", done: 0, total: 1 });
    const settled = await settleTabsWrite(context);
    if (settled.outcome === "finished") return renderedSheets(plan); // the swap had applied: the run is done
    if (settled.outcome === "failed") {
      return {
        ok: false,
        error: officeError("renderUndoFailed", { detail: describeExcelError(e), cleanup: settled.detail }),
      };
    }
    return {
      ok: false,
      error: cancelled
        ? officeError("renderCancelled")
        : officeError("renderFailed", { stage, sheet: currentSheet, detail: describeExcelError(e) }),
    };
  }
  // 5. Past the commit: delete the backups, swap the names, record the tabs. A failure here is retried once;
  //    what is still left, the next pane to start finishes.
  const finished = await finishTabsWrite(context, { ...journal, phase: "committed" }).then(
    () => true,
    () => false,
  );
  if (!finished) await finishTabsWrite(context, { ...journal, phase: "committed" }).catch(() => undefined);
  progress({ stage: "finishing", done: total, total });
  return renderedSheets(plan);
}

/** A table name not in `taken` (case-insensitive): `name`, else `name_2`, `name_3` … */
function freeTableName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) candidate = `${name}_${n}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

/**
 * Table names for the swap: each new table is added under a temporary name and renamed to its final one (its
 * model name unless a table outside the replaced tabs has it) once the replaced tabs' tables have backup names.
 */
function planTables(sheets: ReportSheet[], existing: string[], replaced: string[]): TabsJournal["tables"] {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const replacedLower = new Set(replaced.map((n) => n.toLowerCase()));
  const finalTaken = new Set([...taken].filter((n) => !replacedLower.has(n)));
  const specs = sheets.flatMap((s) => s.tables ?? []);
  const finals = specs.map((spec) => freeTableName(spec.name, finalTaken));
  finals.forEach((n) => taken.add(n.toLowerCase()));
  return {
    added: specs.map((spec, i) => ({
      name: spec.name,
      temp: freeTableName(`${spec.name}_new`, taken),
      final: finals[i],
    })),
    replaced: replaced.map((name) => ({ name, backup: freeTableName(`${name}_old`, taken) })),
  };
}

function renderedSheets(plan: TabPlan): RenderResult {
  return { ok: true, value: { sheets: plan.rendered } };
}

/** Sheets by id or name, loaded to see which still exist (one sync). */
async function existingSheets(context: Excel.RequestContext, keys: readonly string[]): Promise<Set<string>> {
  const items = keys.map((k) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(k);
    ws.load("name");
    return { k, ws };
  });
  await context.sync();
  return new Set(items.filter((x) => !x.ws.isNullObject).map((x) => x.k));
}

/**
 * Finishes a committed tabs write: deletes the previous run's tabs (by id: they are backups now), replaces the
 * previous run's defined names with this run's, records the tabs and names, shows the first new tab and clears
 * the journal. Safe to run again after a partial finish: it looks before each step.
 */
export async function finishTabsWrite(context: Excel.RequestContext, journal: TabsJournal): Promise<void> {
  const sheets = await existingSheets(context, [...journal.replaced.map((r) => r.id), ...journal.added]);
  const nameKeys = [...new Set([...journal.dropNames, ...journal.addNames.map((n) => n.name)])];
  const nameItems = nameKeys.map((n) => {
    const item = context.workbook.names.getItemOrNullObject(n);
    item.load("name");
    return item;
  });
  await context.sync();
  journal.replaced.filter((r) => sheets.has(r.id)).forEach((r) => context.workbook.worksheets.getItem(r.id).delete());
  nameItems.filter((item) => !item.isNullObject).forEach((item) => item.delete());
  journal.addNames.forEach((n) => context.workbook.names.add(n.name, n.ref));
  if (journal.tabs) context.workbook.settings.add(TABS_SETTING, JSON.stringify(journal.tabs));
  if (journal.names) context.workbook.settings.add(NAMES_SETTING, JSON.stringify(journal.names));
  const shown = journal.added.findIndex((id) => sheets.has(id));
  if (shown >= 0) context.workbook.worksheets.getItem(journal.added[shown]).activate();
  queueJournalDelete(context);
  await context.sync();
}

/**
 * Undoes an uncommitted tabs write: deletes the new tabs (by temporary name while "writing", by id once
 * "swapping") and gives the previous run's tabs back their names, then clears the journal.
 */
export async function undoTabsWrite(context: Excel.RequestContext, journal: TabsJournal): Promise<void> {
  const newKeys = journal.phase === "writing" ? journal.temps : journal.added;
  const backups = journal.tables.replaced.map((x) => {
    const table = context.workbook.tables.getItemOrNullObject(x.backup);
    table.load("name");
    return table;
  });
  const sheets = await existingSheets(context, [...newKeys, ...journal.replaced.map((r) => r.id)]);
  newKeys.filter((k) => sheets.has(k)).forEach((k) => context.workbook.worksheets.getItem(k).delete());
  journal.replaced
    .filter((r) => sheets.has(r.id))
    .forEach((r) => (context.workbook.worksheets.getItem(r.id).name = r.name));
  backups.filter((b) => !b.isNullObject).forEach((b, i) => (b.name = journal.tables.replaced[i].name));
  queueJournalDelete(context);
  await context.sync();
}

/** Reads the journal and undoes or finishes a tabs write it describes. */
export async function settleTabsWrite(context: Excel.RequestContext): Promise<Settled> {
  try {
    const journal = await readJournal(context);
    if (!journal || journal.op !== "tabs") return { outcome: "none" };
    if (journal.phase === "committed") {
      await finishTabsWrite(context, journal);
      return { outcome: "finished" };
    }
    await undoTabsWrite(context, journal);
    return { outcome: "undone" };
  } catch (e) {
    return { outcome: "failed", detail: describeExcelError(e) };
  }
}

/** Renders every sheet of the report, replacing the add-in's previous tabs (docs/reference/tabs.md). */
export async function renderReport(report: Report, opts: RenderOptions = {}): Promise<RenderResult> {
  const unsupported = checkRequirements();
  if (unsupported) return { ok: false, error: unsupported };
  try {
    return await Excel.run((context) =>
      writeSheets(context, report, { ...opts, track: "replace", definedNames: report.definedNames }),
    );
  } catch (e) {
    return {
      ok: false,
      error: officeError("renderFailed", { stage: "preparing", sheet: "", detail: describeExcelError(e) }),
    };
  }
}

/**
 * Replaces one tab of an earlier run with `sheet`, of the same name, as one change (docs/reference/writes.md): the
 * Pay history after Close period or Reopen (docs/reference/history.md). Every other tab, name and setting stays.
 */
export async function replaceTab(
  sheet: ReportSheet,
  lang: Report["lang"],
  opts: RenderOptions = {},
): Promise<RenderResult> {
  return writeOneSheet(sheet, lang, "same", opts);
}

/**
 * Writes one sheet outside a report run. The Plan sheet created with defaults (docs/reference/plan.md) is
 * recorded ("add") so the next report run, which rewrites the Plan tab from the rules read off
 * it, replaces it instead of adding "Plan (2)"; "none" leaves the sheet to the user.
 */
export async function writeSheet(
  sheet: ReportSheet,
  lang: Report["lang"],
  track: "add" | "none" = "add",
  opts: RenderOptions = {},
): Promise<RenderResult> {
  return writeOneSheet(sheet, lang, track, opts);
}

/** One sheet written by itself, all or nothing through the journal like a report run. */
async function writeOneSheet(
  sheet: ReportSheet,
  lang: Report["lang"],
  track: "add" | "none" | "same",
  opts: RenderOptions,
): Promise<RenderResult> {
  const unsupported = checkRequirements();
  if (unsupported) return { ok: false, error: unsupported };
  const report: Report = {
    lang,
    sheets: [sheet],
    summary: { period: "", repsScored: 0, rowsUsed: 0, rowsExcluded: 0, top: [], coaching: [], issues: 0 },
  };
  try {
    return await Excel.run((context) => writeSheets(context, report, { ...opts, track }));
  } catch (e) {
    return {
      ok: false,
      error: officeError("renderFailed", { stage: "preparing", sheet: sheet.name, detail: describeExcelError(e) }),
    };
  }
}
