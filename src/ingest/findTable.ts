/**
 * Finding the sales table (docs/reference/input.md): the block whose header row names a rep, a date and an
 * amount column — on any sheet, at any position, or an Excel table — and the block's extent.
 *
 * Block extent (decision, docs/reference/cleaning.md "nothing dropped silently"): the block runs from the row
 * under the header down to its last data row. Fully blank rows inside it are skipped. After a
 * blank gap, the block continues only if one of the next five non-blank rows still looks like a
 * sale (a rep, a readable date and a readable amount) — a cleared row in the middle of the data.
 * Otherwise (a "Total" line, notes, a second table's header) the block ends there and every later non-blank run of rows is
 * listed on the Data issues tab as "ignored", with its row range, so nothing disappears unseen.
 */
import { fieldHeaderList, fieldLabel, matchHeader, matchHeaderRank } from "./headers";
import { parseRange, rangeBox } from "../sheet";
import { isBlankCell, parseAmount, parseDate } from "./parse";
import type { ColumnMapping, IngestFailure, RawCell, RawSheet, StandardField } from "./types";

/** How far down a sheet a header row is looked for. */
export const HEADER_SEARCH_ROWS = 100;

/**
 * Tabs the add-in writes and the sheets holding the plan (docs/reference/plan.md, tabs.md): never sales, never
 * measures — even though e.g. Trends has rep, period and revenue columns. "Scorecard (2)" is the
 * name the add-in gives a tab when the user already has a sheet of that name.
 */
const RESERVED_SHEETS = new Set([
  "plan",
  "targets",
  "rates",
  "scorecard",
  "ranking",
  "leaders",
  "trends",
  "bonus",
  "data issues",
  "pay history",
  "考核方案",
  "目标",
  "汇率",
  "绩效评分",
  "排名",
  "团队负责人",
  "趋势",
  "奖金",
  "数据问题",
  "历史记录",
]);

export function isReservedSheet(name: string): boolean {
  const n = name
    .normalize("NFKC")
    .toLowerCase()
    .trim()
    .replace(/\s*(?:\(\d+\)|\d+)$/, "");
  return RESERVED_SHEETS.has(n);
}

/** A header row found on a sheet. */
export interface HeaderHit {
  sheetIndex: number;
  headerRow: number; // 1-based sheet row
  columns: Partial<Record<StandardField, number>>; // absolute 0-based columns
  headers: { col: number; header: string }[];
  /** Absolute column span of the block [first, last]. */
  span: [number, number];
  /** Last row (1-based, inclusive) fixed by an Excel table, if the block is one. */
  tableLastRow?: number;
}

export interface BlockExtent {
  /** Index into sheet.values of the first row after the header. */
  start: number;
  /** Exclusive index into sheet.values of the end of the block. */
  end: number;
  /** Non-blank rows inside [start, end). */
  dataRows: number;
  /** Non-blank runs after the block's end, 1-based sheet rows, inclusive. */
  ignored: { from: number; to: number; count: number; firstValue: RawCell }[];
}

function cellText(c: RawCell | undefined): string | null {
  if (typeof c === "string") return c.trim();
  if (typeof c === "number") return String(c);
  return null;
}

/** Recognise the header cells of one sheet row. */
export function readHeaderRow(
  sheet: RawSheet,
  rowIndex: number,
  minCol = 0,
  maxCol = Number.MAX_SAFE_INTEGER,
): { columns: Partial<Record<StandardField, number>>; headers: { col: number; header: string }[] } {
  const firstCol = sheet.firstCol ?? 0;
  const row = sheet.values[rowIndex] ?? [];
  const columns: Partial<Record<StandardField, number>> = {};
  const ranks: Partial<Record<StandardField, number>> = {};
  const headers: { col: number; header: string }[] = [];
  for (let i = 0; i < row.length; i++) {
    const col = firstCol + i;
    if (col < minCol || col > maxCol) continue;
    const text = cellText(row[i]);
    if (text === null || text.length === 0) continue;
    headers.push({ col, header: text });
    const m = typeof row[i] === "string" ? matchHeaderRank(text) : null;
    if (m === null) continue;
    // Two headers naming one field ("Name" and "Sales Rep", "Month" and "Order Date"): the more
    // specific synonym of docs/reference/input.md wins, the leftmost only on equal rank. The other column is
    // listed on Data issues by ingest (docs/reference/cleaning.md: nothing changes silently).
    const r = ranks[m.field];
    if (r === undefined || m.rank < r) {
      columns[m.field] = col;
      ranks[m.field] = m.rank;
    }
  }
  return { columns, headers };
}

/** The contiguous run of non-blank header cells around the key columns, as an absolute span. */
function spanAround(sheet: RawSheet, rowIndex: number, keyCols: number[]): [number, number] {
  const firstCol = sheet.firstCol ?? 0;
  const row = sheet.values[rowIndex] ?? [];
  let lo = Math.min(...keyCols) - firstCol;
  let hi = Math.max(...keyCols) - firstCol;
  while (lo > 0 && !isBlankCell(row[lo - 1])) lo--;
  while (hi + 1 < row.length && !isBlankCell(row[hi + 1])) hi++;
  return [lo + firstCol, hi + firstCol];
}

/** A table's range on its own sheet, 1-based rows and 0-based columns, corners in order; null when unreadable. */
function parseRef(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const range = parseRange(ref);
  if (!range) return null;
  const box = rangeBox(range);
  return { ...box, r1: box.r1 + 1, r2: box.r2 + 1 };
}

function hitFromRow(
  sheet: RawSheet,
  sheetIndex: number,
  rowIndex: number,
  override: Partial<Record<StandardField, number>> | undefined,
  required: StandardField[],
  table?: { c1: number; c2: number; r2: number },
  exact = false,
): HeaderHit | null {
  const { columns, headers } = readHeaderRow(sheet, rowIndex, table?.c1, table?.c2);
  const merged = exact ? { ...(override ?? {}) } : { ...columns, ...(override ?? {}) };
  for (const f of required) if (merged[f] === undefined) return null;
  const keyCols = required.map((f) => merged[f] as number);
  const span: [number, number] = table ? [table.c1, table.c2] : spanAround(sheet, rowIndex, keyCols);
  const inSpan = headers.filter((h) => h.col >= span[0] && h.col <= span[1]);
  const hit: HeaderHit = {
    sheetIndex,
    headerRow: (sheet.firstRow ?? 1) + rowIndex,
    columns: merged,
    headers: inSpan,
    span: [Math.min(span[0], ...keyCols), Math.max(span[1], ...keyCols)],
  };
  if (table) hit.tableLastRow = table.r2;
  return hit;
}

/** Every header row on a sheet naming all of `required` (after the override), tables first. */
export function findHeaderHits(
  sheet: RawSheet,
  sheetIndex: number,
  required: StandardField[],
  override?: Partial<Record<StandardField, number>>,
): HeaderHit[] {
  const hits: HeaderHit[] = [];
  const firstRow = sheet.firstRow ?? 1;
  const tableRows = new Set<number>();
  for (const t of sheet.tables ?? []) {
    const ref = parseRef(t.ref);
    if (!ref) continue;
    const idx = ref.r1 - firstRow;
    if (idx < 0 || idx >= sheet.values.length) continue;
    const hit = hitFromRow(sheet, sheetIndex, idx, override, required, ref);
    if (hit) {
      hits.push(hit);
      tableRows.add(idx);
    }
  }
  const limit = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    if (tableRows.has(i)) continue;
    const hit = hitFromRow(sheet, sheetIndex, i, override, required);
    if (hit) hits.push(hit);
  }
  return hits;
}

function rowBlank(row: RawCell[] | undefined, lo: number, hi: number): boolean {
  if (!row) return true;
  const end = Math.min(hi, row.length - 1);
  for (let i = lo; i <= end; i++) if (!isBlankCell(row[i])) return false;
  return true;
}

/** A rep, a readable date and (for sales blocks) a readable amount. */
function looksLikeData(row: RawCell[], rel: { rep: number; date: number; amount: number }): boolean {
  return (
    !isBlankCell(row[rel.rep]) &&
    typeof row[rel.rep] !== "object" &&
    parseDate(row[rel.date] ?? null).ok &&
    (rel.amount < 0 || parseAmount(row[rel.amount] ?? null).ok)
  );
}

/** How many non-blank rows after a gap are looked at before deciding the block has ended. */
const GAP_LOOKAHEAD = 5;

/** Two or more cells naming standard fields: a header row. */
function looksLikeHeader(row: RawCell[], lo: number, hi: number): boolean {
  let n = 0;
  for (let c = lo; c <= Math.min(hi, row.length - 1); c++) {
    const v = row[c];
    if (typeof v === "string" && matchHeader(v) !== null && ++n >= 2) return true;
  }
  return false;
}

/** After a blank gap: does one of the next few non-blank rows look like a sale? */
function salesFollow(
  values: RawCell[][],
  from: number,
  lo: number,
  hi: number,
  rel: { rep: number; date: number; amount: number },
): boolean {
  let seen = 0;
  for (let i = from; i < values.length && seen < GAP_LOOKAHEAD; i++) {
    if (rowBlank(values[i], lo, hi)) continue;
    if (looksLikeHeader(values[i], lo, hi)) return false; // another table starts
    if (looksLikeData(values[i], rel)) return true;
    seen++;
  }
  return false;
}

/** Where the block under a header row starts and ends (see the file comment for the rule). */
export function blockExtent(
  sheet: RawSheet,
  hit: Pick<HeaderHit, "headerRow" | "columns" | "span" | "tableLastRow">,
): BlockExtent {
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const lo = hit.span[0] - firstCol;
  const hi = hit.span[1] - firstCol;
  const start = hit.headerRow - firstRow + 1;
  const values = sheet.values;
  if (hit.tableLastRow !== undefined) {
    const end = Math.min(values.length, hit.tableLastRow - firstRow + 1);
    let dataRows = 0;
    for (let i = start; i < end; i++) if (!rowBlank(values[i], lo, hi)) dataRows++;
    return { start, end: Math.max(start, end), dataRows, ignored: [] };
  }
  const rel = {
    rep: (hit.columns.rep ?? 0) - firstCol,
    date: (hit.columns.date ?? 0) - firstCol,
    amount: hit.columns.amount === undefined ? -1 : hit.columns.amount - firstCol,
  };
  let lastData = start - 1;
  let dataRows = 0;
  let i = start;
  for (; i < values.length; i++) {
    const row = values[i];
    // Fast path: a row with rep or date filled is not blank.
    if (row && (!isBlankCell(row[rel.rep]) || !isBlankCell(row[rel.date]))) {
      // fall through
    } else if (rowBlank(row, lo, hi)) {
      continue;
    }
    if (i > lastData + 1 && lastData >= start && !salesFollow(values, i, lo, hi, rel)) break;
    lastData = i;
    dataRows++;
  }
  const ignored: BlockExtent["ignored"] = [];
  let run: BlockExtent["ignored"][number] | null = null;
  for (; i < values.length; i++) {
    if (rowBlank(values[i], lo, hi)) {
      run = null;
      continue;
    }
    const sheetRow = firstRow + i;
    if (run) {
      run.to = sheetRow;
      run.count++;
    } else {
      const row = values[i];
      let first: RawCell = null;
      for (let c = lo; c <= Math.min(hi, row.length - 1); c++) {
        if (!isBlankCell(row[c])) {
          first = row[c];
          break;
        }
      }
      run = { from: sheetRow, to: sheetRow, count: 1, firstValue: first };
      ignored.push(run);
    }
  }
  return { start, end: lastData + 1, dataRows, ignored };
}

const REQUIRED: StandardField[] = ["rep", "date", "amount"];

/** The chosen sales block, with its sheet and extent, for ingest. */
export interface SalesBlock {
  mapping: ColumnMapping;
  hit: HeaderHit;
  extent: BlockExtent;
  /** Other sheets that also hold a sales-like block (listed as not used), and why they lost. */
  alsoSalesLike: OtherSalesSheet[];
}

/**
 * A sales-like sheet that was not used (docs/reference/cleaning.md: listed, with the true reason): it has fewer
 * data rows; or as many rows but older data; or as many rows and the same latest date, and came later.
 */
export interface OtherSalesSheet {
  sheetIndex: number;
  dataRows: number;
  reason: "fewerRows" | "olderData" | "sameData";
}

/** The latest readable date of a block (Excel serial), or -Infinity when none. */
function latestDate(sheet: RawSheet, hit: HeaderHit, extent: BlockExtent): number {
  const c = (hit.columns.date as number) - (sheet.firstCol ?? 0);
  let latest = -Infinity;
  for (let i = extent.start; i < extent.end; i++) {
    const v = sheet.values[i]?.[c];
    if (v === undefined || v === null) continue;
    const p = parseDate(v);
    if (p.ok && p.serial > latest) latest = p.serial;
  }
  return latest;
}

export function toMapping(sheets: readonly RawSheet[], hit: HeaderHit): ColumnMapping {
  return {
    sheet: sheets[hit.sheetIndex].name,
    headerRow: hit.headerRow,
    columns: { ...hit.columns },
    headers: hit.headers.map((h) => ({ ...h })),
  };
}

/** Shared by findSalesTable and ingest: picks the block, or says why none qualifies. */
export function locateSalesBlock(
  sheets: readonly RawSheet[],
  override?: Partial<ColumnMapping>,
  exact = false,
): SalesBlock | IngestFailure {
  const overrideCols = override?.columns;
  let sheetIdx: number[] = sheets.map((_, i) => i);
  if (override?.sheet !== undefined) {
    const i = sheets.findIndex((s) => s.name === override.sheet);
    if (i < 0) return { kind: "ingestFailure", messageKey: "noSalesTable", params: { sheet: override.sheet } };
    sheetIdx = [i];
  } else {
    sheetIdx = sheetIdx.filter((i) => !isReservedSheet(sheets[i].name));
  }

  if (override?.headerRow !== undefined) {
    const i = sheetIdx[0];
    const sheet = sheets[i];
    if (sheet === undefined) return { kind: "ingestFailure", messageKey: "noSalesTable" };
    const rowIndex = override.headerRow - (sheet.firstRow ?? 1);
    const { columns } = readHeaderRow(sheet, rowIndex);
    const merged = exact ? { ...(overrideCols ?? {}) } : { ...columns, ...(overrideCols ?? {}) };
    for (const f of REQUIRED) {
      if (merged[f] === undefined) {
        return {
          kind: "ingestFailure",
          messageKey: "missingColumn",
          params: missingColumnParams(f, sheet.name, override.headerRow),
        };
      }
    }
    const hit = hitFromRow(sheet, i, rowIndex, overrideCols, REQUIRED, undefined, exact) as HeaderHit;
    return { mapping: toMapping(sheets, hit), hit, extent: blockExtent(sheet, hit), alsoSalesLike: [] };
  }

  interface Candidate {
    hit: HeaderHit;
    extent: BlockExtent;
    latest?: number;
  }
  // Computed only on a tie of row counts: one more pass over the date column.
  const latestOf = (c: Candidate): number => (c.latest ??= latestDate(sheets[c.hit.sheetIndex], c.hit, c.extent));
  // Prefer the block with the most data rows; on equal rows the one whose data is latest (Q2 over
  // Q1: a newer quarter beside an older one); then the earlier sheet / higher header.
  const better = (a: Candidate, b: Candidate | undefined): boolean =>
    b === undefined ||
    a.extent.dataRows > b.extent.dataRows ||
    (a.extent.dataRows === b.extent.dataRows && latestOf(a) > latestOf(b));
  let best: Candidate | undefined;
  const bestBySheet = new Map<number, Candidate>();
  let partial: ReturnType<typeof partialHeader> = null;
  for (const i of sheetIdx) {
    const sheet = sheets[i];
    const hits = findHeaderHits(sheet, i, REQUIRED, overrideCols);
    if (hits.length === 0 && partial === null) partial = partialHeader(sheet);
    for (const hit of hits) {
      const c: Candidate = { hit, extent: blockExtent(sheet, hit) };
      if (better(c, bestBySheet.get(i))) bestBySheet.set(i, c);
      if (better(c, best)) best = c;
    }
  }
  if (!best) {
    return partial
      ? { kind: "ingestFailure", messageKey: "missingColumn", params: partial }
      : { kind: "ingestFailure", messageKey: "noSalesTable" };
  }
  const chosen = best;
  const alsoSalesLike: OtherSalesSheet[] = [];
  for (const [sheetIndex, c] of [...bestBySheet].sort((a, b) => a[0] - b[0])) {
    if (sheetIndex === chosen.hit.sheetIndex) continue;
    const dataRows = c.extent.dataRows;
    const reason =
      dataRows < chosen.extent.dataRows ? "fewerRows" : latestOf(c) < latestOf(chosen) ? "olderData" : "sameData";
    alsoSalesLike.push({ sheetIndex, dataRows, reason });
  }
  return { mapping: toMapping(sheets, chosen.hit), hit: chosen.hit, extent: chosen.extent, alsoSalesLike };
}

/**
 * A header row with two of rep/date/amount but not the third: worth telling the user which
 * column is missing instead of "no sales table".
 */
function partialHeader(sheet: RawSheet): Record<string, string | number> | null {
  const limit = Math.min(sheet.values.length, HEADER_SEARCH_ROWS);
  for (let i = 0; i < limit; i++) {
    const { columns } = readHeaderRow(sheet, i);
    const missing = REQUIRED.filter((f) => columns[f] === undefined);
    // A rep + date sheet without amount is a measure sheet (Ratings), not a broken sales table.
    if (missing.length === 1 && missing[0] !== "amount") {
      return missingColumnParams(missing[0], sheet.name, (sheet.firstRow ?? 1) + i);
    }
  }
  return null;
}

/**
 * Parameters of the missingColumn message: `field` stays the id (for a UI to pick the mapping
 * control); the message itself shows the header words the user knows, in each language
 * ("no Date column (a header such as Date, Order Date, …)", never "date").
 */
export function missingColumnParams(field: StandardField, sheet: string, row: number): Record<string, string | number> {
  return {
    field,
    sheet,
    row,
    fieldEn: fieldLabel(field, "en"),
    fieldZh: fieldLabel(field, "zh"),
    headersEn: fieldHeaderList(field, "en"),
    headersZh: fieldHeaderList(field, "zh"),
  };
}

/**
 * The sales table's column mapping (docs/reference/input.md), or a failure saying what is missing. `override`
 * fixes the sheet, the header row and/or individual columns; the rest is detected.
 */
export function findSalesTable(
  sheets: readonly RawSheet[],
  override?: Partial<ColumnMapping>,
): ColumnMapping | IngestFailure {
  const r = locateSalesBlock(sheets, override);
  return "kind" in r ? r : r.mapping;
}
