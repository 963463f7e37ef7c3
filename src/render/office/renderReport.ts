/**
 * Writes a Report (report/model.ts) into the open workbook through Office.js (docs/reference/tabs.md):
 * values and formulas in 2-D blocks of at most ~4 MB per request, number formats, text kept
 * as text, tables with filters, frozen headers, data bars and formula fills, native charts.
 * The tabs it makes are remembered in the workbook settings so a rerun replaces exactly those;
 * a user's own sheet with a clashing name is left alone. A failure or Cancel midway deletes
 * the half-written tabs and comes back as an error value.
 */
import type { CellStyle, ChartSpec, ConditionalFormat, Report, ReportCell, ReportSheet } from "../../report/model";
import { cellA1, renameSheetRefs, splitSheetRef } from "./address";
import { describeExcelError, officeError, type OfficeError, type OfficeResult } from "./errors";
import { checkRequirements } from "./requirements";
import { runSteps } from "./steps";

/** Workbook setting holding the JSON list of tab names the add-in made. */
export const TABS_SETTING = "salesperf.tabs";
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
const STYLE_LOOK: Record<CellStyle, { bold?: boolean; italic?: boolean; size?: number; font?: string; fill?: string }> =
  {
    title: { bold: true, size: 14 },
    header: { bold: true, fill: "#DDEBF7" },
    note: { italic: true, font: "#595959" },
    total: { bold: true, fill: "#F2F2F2" },
    top: { fill: "#C6EFCE", font: "#006100" },
    coaching: { fill: "#FFEB9C", font: "#9C5700" },
    warning: { font: "#9C0006" },
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
  }
}

function applySheetLayout(ws: Excel.Worksheet, sheet: ReportSheet, renames: ReadonlyMap<string, string>): void {
  (sheet.columnWidths ?? []).forEach((chars, c) => {
    if (chars > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(chars);
  });
  applyCellStyles(ws, sheet);
  for (const spec of sheet.tables ?? []) {
    const table = ws.tables.add(ws.getRange(spec.ref), true);
    table.name = spec.name;
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
}

function addConditionalFormat(ws: Excel.Worksheet, cf: ConditionalFormat, renames: ReadonlyMap<string, string>): void {
  const range = ws.getRange(cf.ref);
  if (cf.type === "dataBar") {
    const added = range.conditionalFormats.add(Excel.ConditionalFormatType.dataBar);
    added.dataBar.positiveFormat.fillColor = cf.color;
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
  const { sheet, address } = splitSheetRef(ref);
  const name = sheet === null ? defaultSheet : (renames.get(sheet) ?? sheet);
  return context.workbook.worksheets.getItem(name).getRange(address.replace(/\$/g, ""));
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
  spec.series.forEach((s, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
    series.name = s.name;
    if (i > 0) series.setValues(refRange(context, s.values, sheetName, renames));
    series.setXAxisValues(categories);
  });
  if (spec.yAxisFormat) chart.axes.valueAxis.numberFormat = spec.yAxisFormat;
  chart.setPosition(cellA1(spec.from.col, spec.from.row), cellA1(spec.to.col, spec.to.row));
}

/** "Scorecard" → "Scorecard (2)", "(3)" … until free; keeps Excel's 31-character limit. */
export function freeSheetName(name: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(name.toLowerCase())) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = name.slice(0, 31 - suffix.length) + suffix;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
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
  sheets: { sheet: ReportSheet; name: string }[];
  renames: Map<string, string>;
  oldTabs: string[];
  oldNames: string[];
}

/** Decides which old tabs go and what the new ones are called (a user's sheet keeps its name). */
function planTabs(report: Report, existing: string[], previousTabs: string[], replace: boolean): TabPlan {
  const oldTabs = replace ? previousTabs : [];
  const oldLower = new Set(oldTabs.map((n) => n.toLowerCase()));
  const taken = new Set(existing.filter((n) => !oldLower.has(n.toLowerCase())));
  const renames = new Map<string, string>();
  const sheets = report.sheets.map((sheet) => {
    const name = freeSheetName(sheet.name, taken);
    taken.add(name);
    if (name !== sheet.name) renames.set(sheet.name, name);
    return { sheet, name };
  });
  return { sheets, renames, oldTabs, oldNames: [] };
}

/** Write steps for one sheet: its cell chunks, then layout, then charts; each step syncs once. */
function sheetSteps(
  context: Excel.RequestContext,
  sheet: ReportSheet,
  name: string,
  renames: ReadonlyMap<string, string>,
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
    queue: () => applySheetLayout(context.workbook.worksheets.getItem(name), sheet, renames),
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
   * "none": a sheet the user owns from then on.
   */
  track: "replace" | "add" | "none";
  definedNames?: Report["definedNames"];
}

async function writeSheets(
  context: Excel.RequestContext,
  report: Report,
  opts: WriteSheetsOptions,
): Promise<RenderResult> {
  const progress = opts.onProgress ?? (() => {});
  const checkCancel = () => {
    if (opts.signal?.aborted) throw new Cancelled();
  };

  // 1. What is there: sheet names and the tabs/names of the previous run.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tabsSetting = context.workbook.settings.getItemOrNullObject(TABS_SETTING);
  tabsSetting.load("value");
  const namesSetting = context.workbook.settings.getItemOrNullObject(NAMES_SETTING);
  namesSetting.load("value");
  await context.sync();
  const existing = worksheets.items.map((w) => w.name);
  const existingLower = new Set(existing.map((n) => n.toLowerCase()));
  const previousTabs = (tabsSetting.isNullObject ? [] : parseNameList(tabsSetting.value)).filter((n) =>
    existingLower.has(n.toLowerCase()),
  );
  const replace = opts.track === "replace";
  const plan = planTabs(report, existing, previousTabs, replace);
  plan.oldNames = replace && !namesSetting.isNullObject ? parseNameList(namesSetting.value) : [];
  const keptTabs = replace ? [] : previousTabs;

  const steps = plan.sheets.flatMap(({ sheet, name }) => sheetSteps(context, sheet, name, plan.renames));
  const total = steps.length + 2;
  const created: string[] = [];
  let stage: "preparing" | "writing" | "finishing" = "preparing";
  let currentSheet = "";

  try {
    checkCancel();
    progress({ stage: "preparing", done: 0, total });
    // 2. Drop the previous run's tabs and names, add the new tabs, remember them at once so a
    //    crash midway still leaves them known as ours.
    const oldNameItems = plan.oldNames.map((n) => context.workbook.names.getItemOrNullObject(n));
    oldNameItems.forEach((item) => item.load("name"));
    await context.sync();
    oldNameItems.filter((item) => !item.isNullObject).forEach((item) => item.delete());
    plan.oldTabs.forEach((n) => context.workbook.worksheets.getItem(n).delete());
    plan.sheets.forEach(({ name }) => {
      context.workbook.worksheets.add(name);
      created.push(name);
    });
    if (opts.track !== "none") context.workbook.settings.add(TABS_SETTING, JSON.stringify([...keptTabs, ...created]));
    await context.sync();

    // 3. Cells, layout and charts, one sync per step.
    stage = "writing";
    await runSteps(
      steps.map((step, i) => async () => {
        checkCancel();
        currentSheet = step.label;
        progress({ stage: "writing", sheet: step.label, done: i + 1, total });
        context.application.suspendApiCalculationUntilNextSync(); // recalc once per chunk, not per cell
        step.queue();
        await context.sync();
      }),
    );

    // 4. Defined names, first tab active.
    stage = "finishing";
    currentSheet = "";
    checkCancel();
    progress({ stage: "finishing", done: total - 1, total });
    const names = replace ? (opts.definedNames ?? []) : [];
    names.forEach((n) => {
      const ref = renameSheetRefs(n.ref, plan.renames);
      context.workbook.names.add(n.name, ref.startsWith("=") ? ref : "=" + ref);
    });
    if (replace) context.workbook.settings.add(NAMES_SETTING, JSON.stringify(names.map((n) => n.name)));
    if (plan.sheets.length > 0) context.workbook.worksheets.getItem(plan.sheets[0].name).activate();
    await context.sync();
    progress({ stage: "finishing", done: total, total });
    return { ok: true, value: { sheets: plan.sheets.map(({ sheet, name }) => ({ key: sheet.key, name })) } };
  } catch (e) {
    const cancelled = e instanceof Cancelled;
    const cause: OfficeError = cancelled
      ? officeError("renderCancelled", { tabs: created.length })
      : officeError("renderFailed", { stage, sheet: currentSheet, detail: describeExcelError(e) });
    progress({ stage: "cleaning", done: 0, total: 1 });
    // Still ours afterwards: tabs kept beside this run, and old tabs a failed first step did not delete.
    const stillOurs = opts.track === "none" ? null : [...keptTabs, ...plan.oldTabs];
    const cleanup = await deleteTabs(context, created, stillOurs);
    if (cleanup) {
      return {
        ok: false,
        error: officeError("renderCleanupFailed", { ...(cause.params ?? {}), cleanup, tabs: created.join(", ") }),
      };
    }
    return { ok: false, error: cause };
  }
}

/**
 * Deletes the tabs this run created and records which of `stillOurs` remain in the workbook;
 * returns Excel's message when that fails too.
 */
async function deleteTabs(
  context: Excel.RequestContext,
  names: string[],
  stillOurs: string[] | null,
): Promise<string | null> {
  try {
    const items = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    items.forEach((w) => w.load("name"));
    const ours = (stillOurs ?? []).map((n) => context.workbook.worksheets.getItemOrNullObject(n));
    ours.forEach((w) => w.load("name"));
    await context.sync();
    items.filter((w) => !w.isNullObject).forEach((w) => w.delete());
    const remaining = ours.filter((w) => !w.isNullObject).map((w) => w.name);
    if (stillOurs) context.workbook.settings.add(TABS_SETTING, JSON.stringify(remaining));
    await context.sync();
    return null;
  } catch (e) {
    return describeExcelError(e);
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
