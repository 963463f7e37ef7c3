/**
 * The declarative Report: plain, serialisable data that both renderers
 * (render/xlsx with exceljs, render/office with Office.js) translate without deciding
 * anything. Formulas are stored without the leading "=", in English function names,
 * using only functions Excel 2007+/WPS/LibreOffice know (no XLOOKUP/LET/LAMBDA/IFS);
 * a newer function would be written with its `_xlfn.` prefix here.
 */

import type { IssueAction } from "../ingest/types";
import type { PeriodPayouts } from "./payouts";

export type ScalarValue = string | number | boolean | null;

/** "paragraph": text that wraps within its column (a sentence longer than a column should be wide). */
export type CellStyle = "title" | "header" | "note" | "total" | "top" | "coaching" | "warning" | "paragraph";

export interface ReportCell {
  /** The value; for a formula cell, the cached result (equal to the engine's value). */
  v?: ScalarValue;
  /** A formula without the leading "=", e.g. "IFERROR(C2/D2,0)". */
  f?: string;
  /** Number format, e.g. "0.0%", "¥#,##0.00", "yyyy-mm-dd". */
  fmt?: string;
  style?: CellStyle;
  /** True when v is text that must never become a formula (starts with = + - @). */
  literal?: boolean;
}

export interface TableSpec {
  name: string; // Excel table name: letters, digits, underscores
  ref: string; // "A1:K13" including the header row
  style?: string; // "TableStyleMedium2"
  totalsRow?: false;
}

export type ConditionalFormat =
  /** `min`: the number where bars start (0: a bar's length is its value, docs/reference/tabs.md), never the lowest value. */
  | { type: "dataBar"; ref: string; color: string; min: number }
  | { type: "formula"; ref: string; formula: string; fill: string; fontColor?: string };

export interface ChartSeries {
  name: string; // series title
  /** Absolute reference with the sheet name quoted as needed: "'Ranking'!$C$2:$C$13". */
  values: string;
  /** Line or bar colour "#RRGGBB"; absent = the program's own palette. */
  color?: string;
  /** A dashed line (a reference line such as the team average among reps' lines). */
  dashed?: boolean;
}

export interface ChartSpec {
  type: "bar" | "line"; // bar = clustered bar (horizontal); line = line with markers
  title: string;
  categories: string; // absolute reference like values
  series: ChartSeries[];
  /** Top-left and bottom-right anchor cells, 0-based { col, row }. */
  from: { col: number; row: number };
  to: { col: number; row: number };
  /** Cached category labels and series values (for files opened without recalculation). */
  cache: { categories: string[]; values: number[][] };
  yAxisFormat?: string;
  /** The value axis starts here (0 for bar charts, docs/reference/tabs.md); absent = the program chooses. */
  valueAxisMin?: number;
}

export type SheetKey =
  | "summary"
  | "scorecard"
  | "ranking"
  | "leaders"
  | "coaching"
  | "trends"
  | "bonus"
  | "issues"
  | "plan"
  | "data"
  | "history";

/** One line of a printed page's header or footer, in Excel's header/footer codes ("&P" page, "&N" pages, "&A" tab name, "&&" an ampersand). */
export interface HeaderFooterText {
  left?: string;
  center?: string;
  right?: string;
}

/**
 * How a tab prints (docs/reference/tabs.md "Printing"): the paper, fitted to `pagesWide` pages across and any
 * number down, the rows (1-based) and columns (0-based) repeated on every page, the page header and footer.
 * Filled in by report/printLayout.ts for every generated tab; the renderers only translate it.
 */
export interface PrintSetup {
  orientation?: "landscape" | "portrait";
  paper?: "a4" | "letter";
  /** Fit to this many pages across, any number of pages down. */
  pagesWide?: number;
  /**
   * What prints, "A1:T40": the filled cells and the charts. Set so that a title or note running on past the last
   * column is cut there rather than widening the printout (LibreOffice would print every page smaller for it).
   */
  area?: string;
  /** Rows repeated at the top of every page, 1-based: { first: 1, last: 1 } is the header row. */
  titleRows?: { first: number; last: number };
  /** Columns repeated at the left of every page, 0-based: { first: 0, last: 0 } is column A. */
  titleColumns?: { first: number; last: number };
  header?: HeaderFooterText;
  footer?: HeaderFooterText;
}

export interface ReportSheet {
  key: SheetKey;
  name: string;
  /** Cells from A1; rows[r][c] is row r+1, column c+1; null = empty. */
  rows: (ReportCell | null)[][];
  columnWidths?: number[]; // in characters
  /** 0-based columns kept hidden: helper values formulas read but a reader need not see. */
  hiddenColumns?: number[];
  /**
   * Ranges ("A2:I2") merged so the text of their top-left cell wraps across them: long notes such as the Plan tab's,
   * which would otherwise run off the right edge. Their rows get the height the text needs (rowHeights).
   */
  wrapAcross?: string[];
  freeze?: { rows: number; cols: number };
  tables?: TableSpec[];
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  tabColor?: string; // "#RRGGBB"
  /**
   * Columns the user fills in (the Scorecard's Notes): written empty, and on a re-run in the add-in each row takes the
   * value the tab it replaces held in that column for the same key (keyCol's value, e.g. the rep), the columns found
   * by their header text (docs/reference/tabs.md).
   */
  userColumns?: {
    col: number;
    keyCol: number;
    /** 0-based row of the header naming both columns (0 = the first row); with several plans, the first plan's. */
    headerRow?: number;
  }[];
  /** Row heights in points for rows that need more than one line (a wrapped header), 0-based rows. */
  rowHeights?: { row: number; points: number }[];
  print?: PrintSetup;
}

export interface Report {
  lang: "en" | "zh";
  sheets: ReportSheet[];
  /**
   * Payouts of the scored period (docs/reference/payouts.md): adjustments to closed periods, payable and balances per
   * rep, what `close` records. Absent without History and payout settings.
   */
  payouts?: PeriodPayouts;
  /** Workbook-level defined names (e.g. plan settings), absolute refs. */
  definedNames?: { name: string; ref: string }[];
  summary: {
    period: string; // "2026-Q2"
    repsScored: number;
    rowsUsed: number;
    rowsExcluded: number;
    top: string[];
    coaching: string[];
    issues: number;
    /** The issues by action (docs/reference/cleaning.md), so the pane can say what they are in words. */
    issuesByAction?: Partial<Record<IssueAction, number>>;
  };
}
