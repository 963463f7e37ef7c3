/**
 * Column widths and print settings for every generated tab (docs/reference/tabs.md "Column widths" and "Printing"),
 * decided here once for the report and the statements, after their tabs are built: a tab added to either gets them
 * without code of its own.
 *
 * Widths: each column fits its widest value as displayed (number formats applied, docs/reference/sheet.md
 * "Display text"), so no number shows "###"; headers may wrap onto two lines. Printing: landscape, A4 for
 * Chinese and Letter for English, header rows (and frozen columns) repeated on every page, a header with the
 * report's title, the tab and the period, a footer "Page x of y", and fitted to as few pages across as keeps the
 * scale at 73 % or more (8-point text from the 11-point default font).
 */
import { t, type Lang } from "../i18n/index";
import { cellAddress, displayWidth, formatNumber, parseRange, rangeBox, wrappedWidth } from "../sheet";
import type { PrintSetup, ReportCell, ReportSheet } from "./model";

export interface PrintHeading {
  lang: Lang;
  /** What the printout is, left of every page's header: "Performance report", "Statement · Zhang Wei". */
  title: string;
  /** The scored period ("2026-Q2"), right of every page's header; null for a sheet of no one period (the Plan
   * sheet the pane creates in the user's workbook, which every later run reads whatever period it scores). */
  period: string | null;
}

/** The smallest print scale allowed: 8-point text from Excel's 11-point default font (8/11 = 72.7 %). */
export const MIN_PRINT_SCALE = 0.73;

/** Landscape paper width in points and Excel's "Normal" left + right margins (0.7 in each), as exceljs writes them. */
const PAPER_WIDTH_PT = { a4: 841.89, letter: 792 } as const;
const SIDE_MARGINS_PT = 2 * 0.7 * 72;
/** Excel's default column width (8.43 characters) for a column the model leaves unsized, e.g. under a chart. */
const DEFAULT_COLUMN_CHARS = 8.43;
/** Width limit for a text column: longer text is cut at the next filled cell, as Excel shows it. */
const MAX_TEXT_CHARS = 80;
/**
 * Room beside the widest value, in characters: a number gets two (Excel needs a little padding before it shows
 * "###", and a value edited on the Plan tab may grow a digit), text one; a header three, for the filter button
 * of a table's header row and bold type.
 */
const NUMBER_PADDING = 2;
const TEXT_PADDING = 1;
const HEADER_PADDING = 3;
/** One line of a wrapped header, in points. */
const HEADER_LINE_POINTS = 16;
/** Headers up to this width are not wrapped. */
const SHORT_HEADER_CHARS = 8;

/** Paper by language (docs/reference/tabs.md): A4 in China; Letter for English, the size a US finance team loads. */
export function paperFor(lang: Lang): "a4" | "letter" {
  return lang === "zh" ? "a4" : "letter";
}

/** Width a column needs in Excel's character unit for one cell; 0 for cells that do not size their column. */
function cellWidth(cell: ReportCell | null | undefined): { width: number; text: boolean } {
  if (!cell || cell.style === "title" || cell.style === "note") return { width: 0, text: true };
  const v = cell.v;
  if (v === null || v === undefined || v === "") return { width: 0, text: true };
  if (typeof v === "number") return { width: displayWidth(formatNumber(v, cell.fmt)) + NUMBER_PADDING, text: false };
  if (typeof v === "boolean") return { width: 5 + TEXT_PADDING, text: true };
  if (cell.style === "header") {
    // A short header stays on one line: "权重" broken into two one-character lines reads badly.
    const width = displayWidth(v) <= SHORT_HEADER_CHARS ? displayWidth(v) : wrappedWidth(v, 2);
    return { width: width + HEADER_PADDING, text: true };
  }
  return { width: displayWidth(v) + TEXT_PADDING, text: true };
}

/**
 * Column widths in characters: each column as wide as its widest displayed value (numbers formatted, CJK
 * characters double, headers wrapped onto at most two lines). A column with no such value keeps the width
 * the tab gave it (a spacer, a column under a chart). Titles and notes, and text outside a table with nothing to
 * its right, run on into the empty cells beside them and do not widen their column.
 */
export function fitColumnWidths(sheet: ReportSheet): number[] {
  const given = sheet.columnWidths ?? [];
  let cols = given.length;
  for (const row of sheet.rows) cols = Math.max(cols, row.length);
  const numberWidth = new Array<number>(cols).fill(0);
  const textWidth = new Array<number>(cols).fill(0);
  const inTable = tableCells(sheet);
  sheet.rows.forEach((row, r) => {
    const lastFilled = row.reduce((last, cell, c) => (isFilled(cell) ? c : last), -1);
    for (let c = 0; c < row.length; c++) {
      const { width, text } = cellWidth(row[c]);
      if (width === 0) continue;
      // Text with only empty cells to its right, outside a table, runs on into them (Excel shows it so).
      if (text && c === lastFilled && row[c]?.style !== "header" && !inTable(r, c)) continue;
      if (text) textWidth[c] = Math.max(textWidth[c], width);
      else numberWidth[c] = Math.max(numberWidth[c], width);
    }
  });
  return Array.from({ length: cols }, (_, c) => {
    const fitted = Math.max(numberWidth[c], Math.min(textWidth[c], MAX_TEXT_CHARS));
    return fitted > 0 ? Math.ceil(fitted) : (given[c] ?? DEFAULT_COLUMN_CHARS);
  });
}

function isFilled(cell: ReportCell | null | undefined): boolean {
  return !!cell && ((cell.v !== null && cell.v !== undefined && cell.v !== "") || cell.f !== undefined);
}

/** Whether the 0-based cell (r, c) lies inside one of the sheet's tables: a table's text stays inside its column. */
function tableCells(sheet: ReportSheet): (r: number, c: number) => boolean {
  const boxes = (sheet.tables ?? []).flatMap((t) => {
    const range = parseRange(t.ref);
    return range ? [rangeBox(range)] : [];
  });
  return (r, c) => boxes.some((b) => r >= b.r1 && r <= b.r2 && c >= b.c1 && c <= b.c2);
}

/** A column's printed width in points at 100 %: Excel draws w characters as w × 7 + 5 pixels (Calibri 11). */
function columnPoints(chars: number): number {
  return Math.trunc(chars * 7 + 5) * 0.75;
}

/** How many columns and rows a printout spans: the filled cells and the charts. */
function printedExtent(sheet: ReportSheet): { cols: number; rows: number } {
  let cols = 1;
  let rows = 1;
  sheet.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (isFilled(cell)) {
        cols = Math.max(cols, c + 1);
        rows = Math.max(rows, r + 1);
      }
    }),
  );
  for (const chart of sheet.charts ?? []) {
    cols = Math.max(cols, chart.to.col + 1);
    rows = Math.max(rows, chart.to.row + 1);
  }
  return { cols, rows };
}

/** The printed columns' widths in points at 100 %; a hidden column (the Scorecard's tie order) takes no room on paper. */
function printedColumns(sheet: ReportSheet, widths: number[]): number[] {
  const hidden = new Set(sheet.hiddenColumns ?? []);
  return Array.from({ length: printedExtent(sheet).cols }, (_, c) =>
    hidden.has(c) ? 0 : columnPoints(widths[c] ?? DEFAULT_COLUMN_CHARS),
  );
}

/** Pages across at `scale`, columns never split, the repeated columns' width taken off every page after the first. */
function pagesAcross(columns: number[], pageWidth: number, scale: number, repeatedWidth: number): number {
  let pages = 1;
  let used = 0;
  for (const w of columns) {
    if (used > 0 && used + w * scale > pageWidth) {
      pages++;
      used = repeatedWidth * scale;
    }
    used += w * scale;
  }
  return pages;
}

/**
 * The print scale, in whole percent as Excel and LibreOffice pick it, when the columns are fitted to `pages`
 * across: the largest that fits, at most 100.
 */
export function fitScale(columns: number[], pageWidth: number, pages: number, repeatedWidth = 0): number {
  for (let pct = 100; pct > 10; pct--) {
    if (pagesAcross(columns, pageWidth, pct / 100, repeatedWidth) <= pages) return pct;
  }
  return 10;
}

/** The fewest pages across at which the scale stays at MIN_PRINT_SCALE or more. */
function pagesWideFor(columns: number[], pageWidth: number, repeatedWidth: number): number {
  for (let pages = 1; pages < columns.length; pages++) {
    if (fitScale(columns, pageWidth, pages, repeatedWidth) >= MIN_PRINT_SCALE * 100) return pages;
  }
  return Math.max(1, columns.length);
}

/** Text for a header/footer section: "&" doubled (Excel reads "&x" as a code), at most 80 characters. */
function headerText(s: string): string {
  return Array.from(s).slice(0, 80).join("").replace(/&/g, "&&");
}

/** The print settings of one tab with its fitted widths. */
function printSetup(sheet: ReportSheet, widths: number[], heading: PrintHeading): PrintSetup {
  const paper = paperFor(heading.lang);
  const pageWidth = PAPER_WIDTH_PT[paper] - SIDE_MARGINS_PT;
  const columns = printedColumns(sheet, widths);
  const frozenRows = sheet.freeze?.rows ?? 0;
  const frozenCols = sheet.freeze?.cols ?? 0;
  const repeatedWidth = columns.slice(0, frozenCols).reduce((a, b) => a + b, 0);
  const extent = printedExtent(sheet);
  const setup: PrintSetup = {
    orientation: "landscape",
    paper,
    pagesWide: pagesWideFor(columns, pageWidth, repeatedWidth),
    area: `A1:${cellAddress(extent.rows - 1, extent.cols - 1)}`,
    header: {
      left: headerText(heading.title),
      center: "&A",
      ...(heading.period === null
        ? {}
        : { right: headerText(t(heading.lang, "print.period", { period: heading.period })) }),
    },
    footer: { center: t(heading.lang, "print.pageOf") },
  };
  if (frozenRows > 0) setup.titleRows = { first: 1, last: frozenRows };
  if (frozenCols > 0) setup.titleColumns = { first: 0, last: frozenCols - 1 };
  return setup;
}

/** Points per line of wrapped 11-point text in a note (Excel's default row height). */
const NOTE_LINE_POINTS = 15;
/** Room for the words wrapping before the edge: a line holds about 90 % of the width in characters. */
const WRAP_FILL = 0.9;

/** Heights of the rows whose text wraps across a merged range (wrapAcross), at these column widths. */
export function wrappedNoteRows(sheet: ReportSheet, widths: readonly number[]): { row: number; points: number }[] {
  const out: { row: number; points: number }[] = [];
  for (const ref of sheet.wrapAcross ?? []) {
    const range = parseRange(ref);
    if (!range) continue;
    const { r1, c1, c2 } = rangeBox(range);
    const cell = sheet.rows[r1]?.[c1];
    const text = cell?.v === null || cell?.v === undefined ? "" : String(cell.v);
    let chars = 0;
    for (let c = c1; c <= c2; c++) chars += widths[c] ?? DEFAULT_COLUMN_CHARS;
    const lines = Math.max(1, Math.ceil(displayWidth(text) / (chars * WRAP_FILL)));
    out.push({ row: r1, points: lines * NOTE_LINE_POINTS });
  }
  return out;
}

/** One height per row, the tallest asked for. */
function tallest(heights: { row: number; points: number }[]): { row: number; points: number }[] {
  const byRow = new Map<number, number>();
  for (const h of heights) byRow.set(h.row, Math.max(byRow.get(h.row) ?? 0, h.points));
  return [...byRow].sort((a, b) => a[0] - b[0]).map(([row, points]) => ({ row, points }));
}

/**
 * Heights of the header rows whose text wraps at the fitted widths: two lines of 16 points (a CJK font's line is
 * taller than Calibri's 15). Set, not left to the reader: LibreOffice keeps a row one line high and cuts the
 * second line off.
 */
export function wrappedHeaderRows(sheet: ReportSheet, widths: number[]): { row: number; points: number }[] {
  const out: { row: number; points: number }[] = [];
  sheet.rows.forEach((row, r) => {
    const wraps = row.some(
      (cell, c) =>
        cell?.style === "header" &&
        typeof cell.v === "string" &&
        displayWidth(cell.v.trim()) + HEADER_PADDING > (widths[c] ?? DEFAULT_COLUMN_CHARS),
    );
    if (wraps) out.push({ row: r, points: 2 * HEADER_LINE_POINTS });
  });
  return out;
}

/** The tab with fitted column widths, wrapped header rows' heights and its print settings (settings the tab gave itself win). */
export function layOutForPrint(sheet: ReportSheet, heading: PrintHeading): ReportSheet {
  const columnWidths = fitColumnWidths(sheet);
  // A tab's own note heights (set for its own widths) are redone for the fitted ones.
  const notes = new Set((sheet.wrapAcross ?? []).map((ref) => rangeBox(parseRange(ref)!).r1));
  const rowHeights = tallest([
    ...(sheet.rowHeights ?? []).filter((h) => !notes.has(h.row)),
    ...wrappedHeaderRows(sheet, columnWidths),
    ...wrappedNoteRows(sheet, columnWidths),
  ]);
  return {
    ...sheet,
    columnWidths,
    ...(rowHeights.length > 0 ? { rowHeights } : {}),
    print: { ...printSetup(sheet, columnWidths, heading), ...sheet.print },
  };
}

/** The page scale a tab prints at (whole percent) with its print settings: what the 73 % floor is checked on. */
export function printScale(sheet: ReportSheet): number {
  const widths = sheet.columnWidths ?? [];
  const paper = sheet.print?.paper ?? "a4";
  const columns = printedColumns(sheet, widths);
  const frozenCols = sheet.print?.titleColumns ? sheet.print.titleColumns.last + 1 : 0;
  const repeated = columns.slice(0, frozenCols).reduce((a, b) => a + b, 0);
  return fitScale(columns, PAPER_WIDTH_PT[paper] - SIDE_MARGINS_PT, sheet.print?.pagesWide ?? 1, repeated);
}
