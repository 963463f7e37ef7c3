/**
 * A1 addresses (docs/reference/sheet.md "Addresses"): column letters, cells with or without `$`, ranges with
 * an optional sheet name. Rows and columns are 0-based numbers everywhere in code, 1-based only in the text.
 */
import { quoteSheetName, unquoteSheetName } from "./sheetNames";

/** Excel's grid: columns A–XFD, rows 1–1,048,576. */
export const MAX_COLUMNS = 16384;
export const MAX_ROWS = 1048576;

/** 0-based column → "A", "Z", "AA", "XFD". */
export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** "A" → 0, "xfd" → 16383; null for anything that is not a column of the grid. */
export function columnIndex(letters: string): number | null {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLUMNS ? n - 1 : null;
}

export interface CellRef {
  /** 0-based */
  row: number;
  col: number;
  /** Written with `$` before the row / the column. */
  absRow: boolean;
  absCol: boolean;
}

/** 0-based row and column → "C5", or "$C$5" when absolute. */
export function cellAddress(row: number, col: number, absolute = false): string {
  const d = absolute ? "$" : "";
  return `${d}${columnLetters(col)}${d}${row + 1}`;
}

const CELL_RE = /^(\$?)([A-Za-z]{1,3})(\$?)([1-9]\d{0,6})$/;

/** "C5", "$C$5", "c$5" → the cell; null when it is not a cell of the grid. */
export function parseCellAddress(text: string): CellRef | null {
  const m = CELL_RE.exec(text.trim());
  if (!m) return null;
  const col = columnIndex(m[2]);
  const row = Number(m[4]) - 1;
  if (col === null || row >= MAX_ROWS) return null;
  return { row, col, absRow: m[3] === "$", absCol: m[1] === "$" };
}

export interface RangeRef {
  /** The sheet named before "!", unquoted; null when the reference has none. */
  sheet: string | null;
  start: CellRef;
  /** The same as start for a single cell. */
  end: CellRef;
}

/**
 * "A1:B2", "$C$2:$C$13", "Plan!$B$5", "'Rep''s data'!A1:C3", "=Sheet1!A1" → the range as written (start and
 * end not reordered); null when it is not one.
 */
export function parseRange(text: string): RangeRef | null {
  let ref = text.trim();
  if (ref.startsWith("=")) ref = ref.slice(1);
  const bang = ref.lastIndexOf("!");
  let sheet: string | null = null;
  if (bang >= 0) {
    sheet = unquoteSheetName(ref.slice(0, bang));
    if (sheet === null) return null;
    ref = ref.slice(bang + 1);
  }
  const [a, b, extra] = ref.split(":");
  if (extra !== undefined) return null;
  const start = parseCellAddress(a);
  const end = b === undefined ? start : parseCellAddress(b);
  return start && end ? { sheet, start, end } : null;
}

/** The 0-based box a range covers, corners in order. */
export function rangeBox(range: RangeRef): { r1: number; c1: number; r2: number; c2: number } {
  const { start, end } = range;
  return {
    r1: Math.min(start.row, end.row),
    c1: Math.min(start.col, end.col),
    r2: Math.max(start.row, end.row),
    c2: Math.max(start.col, end.col),
  };
}

const cellText = (c: CellRef): string =>
  `${c.absCol ? "$" : ""}${columnLetters(c.col)}${c.absRow ? "$" : ""}${c.row + 1}`;

/** The text of a range: "Plan!$B$5", "'Data issues'!A1:F9", "B2" (one cell when start and end are equal). */
export function formatRange(range: RangeRef): string {
  const { sheet, start, end } = range;
  const same =
    start.row === end.row && start.col === end.col && start.absRow === end.absRow && start.absCol === end.absCol;
  const cells = same ? cellText(start) : `${cellText(start)}:${cellText(end)}`;
  return sheet === null ? cells : `${quoteSheetName(sheet)}!${cells}`;
}

/** "Plan!D7", "'Data issues'!$A$1": a cell on a named sheet, as a formula or a message writes it (0-based row, col). */
export function sheetCellAddress(sheet: string, row: number, col: number, absolute = false): string {
  return `${quoteSheetName(sheet)}!${cellAddress(row, col, absolute)}`;
}
