/**
 * Ingest contract: raw cell values in, typed rows + data issues out (docs/reference/input.md, cleaning.md).
 * Renderers/readers (exceljs in the CLI, Office.js in the pane) convert their own
 * cell objects to RawCell before calling ingest: dates become Excel serial numbers,
 * error cells become { error: "#N/A" }, rich text becomes its plain string.
 */
import type { CurrencyConversion } from "../currency/convert";

/** One cell as read from a sheet. */
export type RawCell = number | string | boolean | null | { error: string };

/** A sheet (or a block of it) as raw values. values[0] is sheet row `firstRow`. */
export interface RawSheet {
  name: string;
  /** 1-based sheet row number of values[0]; default 1. */
  firstRow?: number;
  /** 0-based column index of values[r][0]; default 0 (column A). */
  firstCol?: number;
  values: RawCell[][];
  /** Optional number formats, same shape as values (used to spot date cells and currency symbols). */
  numberFormats?: (string | null)[][];
  /** Names of Excel tables on the sheet with their ranges, e.g. { name: "Sales", ref: "A1:H200" }. */
  tables?: { name: string; ref: string }[];
}

/** The standard fields of docs/reference/input.md. */
export type StandardField =
  | "rep"
  | "team"
  | "date"
  | "amount"
  | "customer"
  | "newCustomer"
  | "satisfaction"
  | "behaviour"
  | "deal"
  | "split"
  | "splitAmount";

/** Which column (0-based, absolute on the sheet) holds each field; user-overridable. */
export interface ColumnMapping {
  sheet: string;
  headerRow: number; // 1-based sheet row of the header
  columns: Partial<Record<StandardField, number>>;
  /** Every header cell of the block, trimmed, by absolute column index (for KPIs by exact header). */
  headers: { col: number; header: string }[];
}

/** One used sales row. Money stays a double exactly as Excel holds it (read via its shortest
 * decimal string when summed, docs/reference/numbers.md); text amounts were parsed to the exact double. */
export interface SalesRow {
  sheet: string;
  sheetRow: number; // 1-based
  rep: string; // normalised (trim, collapse spaces, NFKC)
  team: string | null;
  dateSerial: number; // Excel serial (integer day); a month-only value is its 1st day
  /** In another currency, the amount converted and rounded to the plan currency's decimals: a double whose shortest
   * decimal string is that rounded amount (docs/reference/numbers.md "Converted amounts"). */
  amount: number;
  customer: string | null;
  newCustomer: boolean | null; // null when the column is absent; unreadable → false (and listed)
  satisfaction: number | null; // fraction 0–1; null when blank/unreadable
  behaviour: number | null;
  /** Other columns by exact header, coerced to number when numeric else raw string/boolean. */
  extra: Record<string, number | string | boolean | null>;
  /**
   * The Deal ID / 订单号 cell as text (docs/reference/input.md "Split credit"); null when blank. Absent when the
   * table has no deal column.
   */
  dealId?: string | null;
  /**
   * Present only when the row credits a share of a deal (a Split % or Split amount column, or a rep cell naming
   * several reps): `amount` is then the amount credited to `rep`, and this says how it was reached.
   */
  credit?: SplitCredit;
}

/**
 * How a rep's credit of a deal was reached (docs/reference/input.md "Split credit"). One sheet row naming several
 * reps becomes one SalesRow per rep, all with the row's `sheetRow`: `place` tells them apart.
 */
export interface SplitCredit {
  /** The deal's amount as the Amount column holds it. */
  dealAmount: number;
  /** The row's split as an exact decimal fraction ("0.6", "1" for a blank split); null when a Split amount gave the credit. */
  split: string | null;
  /** The reps the rep cell names (1 unless it is shared) and this rep's place among them (0 = the first named). */
  names: number;
  place: number;
  /**
   * The first-named rep of the deal: the first name of the deal's first used row. When the plan counts split deals
   * for the first-named rep only (docs/reference/plan.md), only this credit counts in count KPIs.
   */
  firstNamed: boolean;
}

/** A measure row from another sheet (e.g. Ratings / 主管评分): rep + date/month + numeric columns. */
export interface MeasureRow {
  sheet: string;
  sheetRow: number;
  rep: string;
  dateSerial: number;
  /** Numeric values by exact header, and by StandardField when the header maps to one (e.g. behaviour). */
  values: Record<string, number>;
}

export type IssueAction = "excluded" | "coerced" | "kept" | "merged" | "ignored" | "skipped";

/** One row of the Data issues tab (docs/reference/cleaning.md). messageKey/params render through i18n. */
export interface DataIssue {
  sheet: string;
  row: number | null; // 1-based sheet row; null for sheet/column-level issues
  column: string | null; // header text as in the file
  raw: string | number | boolean | null; // the raw value (errors as their text, e.g. "#N/A")
  action: IssueAction;
  /** Why, as a catalogue key (src/i18n) plus parameters, e.g. "amountNotNumber". */
  reasonKey: string;
  params?: Record<string, string | number>;
}

export interface Reconciliation {
  rowsRead: number;
  rowsUsed: number;
  rowsExcluded: number;
  /** Exact decimal strings (docs/reference/numbers.md), e.g. "1234567.5". Excluded amount counts amounts that could be read. */
  amountRead: string;
  amountUsed: string;
  amountExcluded: string;
}

/** A sales row left out, with what could still be read of it: enough to place it in a period (docs/reference/cleaning.md). */
export interface ExcludedRow {
  sheetRow: number;
  /** The row's date, when it could be read (null: the row belongs to no period). */
  dateSerial: number | null;
  /** The amount, when it could be read in the currency the totals are in (it counts in the excluded amount). */
  amount: number | null;
}

export interface IngestResult {
  mapping: ColumnMapping;
  rows: SalesRow[];
  /** The rows counted in `reconciliation.rowsExcluded`, in sheet order. */
  excluded: ExcludedRow[];
  measures: MeasureRow[];
  issues: DataIssue[];
  reconciliation: Reconciliation;
  /** ISO code guessed from the amount column's symbols/formats (¥→CNY, $→USD, €→EUR, £→GBP) or null. */
  currencyGuess: string | null;
  /**
   * Present when amounts in several currencies were met or a Rates sheet was given (docs/reference/cleaning.md
   * "Currencies"): the currency every used amount is in, and the rates that converted rows.
   */
  currencyConversion?: CurrencyConversion;
  /** Whether the satisfaction column was read as 0–100 (docs/reference/cleaning.md). */
  satisfactionScale: "fraction" | "percent" | null;
  /** Split credit found in the sales table (docs/reference/input.md "Split credit"); absent when there is none. */
  split?: SplitSummary;
}

/** What split credit the sales table holds: for the Plan tab's setting and the pane's Data section. */
export interface SplitSummary {
  /** The table has a Split % or Split amount column. */
  splitColumns: boolean;
  /** Deals credited: by Deal ID, a row without one (or of a table without the column) being a deal of its own. */
  deals: number;
  /** Sheet rows whose rep cell named several reps. */
  sharedRows: number;
  /** Deals whose splits do not add up to 100 % (listed on Data issues). */
  dealsNot100: number;
}

/** Thrown-free failure: no sales table found. */
export interface IngestFailure {
  kind: "ingestFailure";
  messageKey: "noSalesTable" | "missingColumn";
  params?: Record<string, string | number>;
}
