/**
 * The declarative Report: plain, serialisable data that both renderers
 * (render/xlsx with exceljs, render/office with Office.js) translate without deciding
 * anything. Formulas are stored without the leading "=", in English function names,
 * using only functions Excel 2007+/WPS/LibreOffice know (no XLOOKUP/LET/LAMBDA/IFS);
 * a newer function would be written with its `_xlfn.` prefix here.
 */

import type { IssueAction } from "../ingest/types";

export type ScalarValue = string | number | boolean | null;

export type CellStyle = "title" | "header" | "note" | "total" | "top" | "coaching" | "warning";

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
  | { type: "dataBar"; ref: string; color: string }
  | { type: "formula"; ref: string; formula: string; fill: string; fontColor?: string };

export interface ChartSeries {
  name: string; // series title
  /** Absolute reference with the sheet name quoted as needed: "'Ranking'!$C$2:$C$13". */
  values: string;
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
}

export type SheetKey = "scorecard" | "ranking" | "trends" | "bonus" | "issues" | "plan" | "data";

export interface ReportSheet {
  key: SheetKey;
  name: string;
  /** Cells from A1; rows[r][c] is row r+1, column c+1; null = empty. */
  rows: (ReportCell | null)[][];
  columnWidths?: number[]; // in characters
  freeze?: { rows: number; cols: number };
  tables?: TableSpec[];
  conditionalFormats?: ConditionalFormat[];
  charts?: ChartSpec[];
  tabColor?: string; // "#RRGGBB"
}

export interface Report {
  lang: "en" | "zh";
  sheets: ReportSheet[];
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
