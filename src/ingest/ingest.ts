/**
 * Raw sheets → typed sales rows, measure rows, data issues and the reconciliation block
 * (docs/reference/input.md, cleaning.md: every coercion or exclusion is listed; rows read = used + excluded; amounts
 * summed exactly). Built for 1,048,576 rows: the field readers (fields.ts) check typeof first and cache repeated
 * strings; sums are scaled integers instead of a Decimal per row.
 */
import type Decimal from "decimal.js";
import { ExactSum } from "../engine/index";
import { isReservedSheet, locateSalesBlock, type SalesBlock } from "./findTable";
import { fieldLabel, matchHeaderRank, normaliseHeader } from "./headers";
import { DuplicateRows } from "./duplicates";
import {
  AmountField,
  DateField,
  NewCustomerField,
  RepField,
  SatisfactionField,
  TeamField,
  readBehaviour,
  readCustomer,
  readExtras,
} from "./fields";
import { SheetIssues } from "./issues";
import { creditSplits, readDealId, rowCredit, SplitReader, type SplitColumns } from "./split";
import { readMeasureSheet } from "./measures";
import { usualDates } from "./usualDates";
import { isoDateOfSerial } from "../sheet";
import { Dec, isBlankCell } from "./parse";
import { currencyOfCell, isCurrencyHeader } from "../currency/codes";
import { RowCurrencies } from "../currency/convert";
import type { CurrencyRates } from "../currency/types";
import type {
  ColumnMapping,
  DataIssue,
  ExcludedRow,
  IngestFailure,
  IngestResult,
  MeasureRow,
  RawCell,
  RawSheet,
  Reconciliation,
  SalesRow,
  StandardField,
} from "./types";

export interface IngestOptions {
  /** A full mapping (from findSalesTable, possibly edited by the user): used exactly as given. */
  mapping?: ColumnMapping;
  /** Other columns to carry on each SalesRow.extra, by exact header (KPI measures, docs/reference/plan.md). */
  extraHeaders?: string[];
  /**
   * Carry every header of the sales block that is not mapped to a standard field on
   * SalesRow.extra, by its header text (statements show e.g. Product, docs/reference/statements.md). Off by default:
   * one object per row costs memory on a million rows.
   */
  keepAllColumns?: boolean;
  /**
   * The plan's money (docs/reference/input.md "Currencies"): the rates of its Rates sheet, its currency and decimals.
   * Absent or without rates, a workbook in one currency is read exactly as it always was.
   */
  currency?: { rates: CurrencyRates | null; planCurrency: string | null; decimals: number };
}

/** Ingest the workbook: find the sales table (or use `options.mapping`), clean it, read measure sheets. */
export function ingest(sheets: readonly RawSheet[], options: IngestOptions = {}): IngestResult | IngestFailure {
  const located = locateSalesBlock(sheets, options.mapping, options.mapping !== undefined);
  if ("kind" in located) return located;
  const table = new SalesTable(sheets, located);
  const issues: DataIssue[] = [];
  const salesIssues = new SheetIssues(table.sheet.name, issues);

  listOtherColumnsForFields(table, salesIssues);
  const extras = extraColumns(table, options);
  const currencyC = currencyColumn(table);
  const money = options.currency;
  const rates = money?.rates ?? null;
  const decimals = money?.decimals ?? 2;
  const convert = (target: string, r: CurrencyRates | null) =>
    new RowCurrencies(target, r, decimals, currencyC >= 0 ? table.header(currencyC) : null);
  let currencies = rates === null ? null : convert(rates.target, rates);
  const mark = issues.length;
  let sales = readSalesRows(table, extras, salesIssues, currencyC, currencies);
  if (currencies === null && (sales.currenciesMet > 1 || sales.currencyTrouble)) {
    // Several currencies and no rates (docs/reference/cleaning.md "Currencies"): read again, keeping the main one.
    const planCurrency = money?.planCurrency ?? null;
    // Only Currency cells naming no currency, and none that does: those rows are left out, the rest read as today.
    const main = planCurrency !== null && sales.met(planCurrency) ? planCurrency : (sales.currencyGuess ?? "");
    issues.length = mark;
    currencies = convert(main, null);
    sales = readSalesRows(table, extras, salesIssues, currencyC, currencies);
  }
  listDatesFarFromOthers(table, sales.rows, salesIssues);
  listIgnoredRuns(located, salesIssues);
  listOtherSalesSheets(sheets, located, issues);
  const measures = readMeasureSheets(sheets, located, issues);
  sortBySheetAndRow(issues, sheets);

  return {
    mapping: located.mapping,
    rows: sales.rows,
    excluded: sales.excluded,
    measures,
    issues,
    reconciliation: sales.reconciliation,
    currencyGuess: currencies === null || currencies.target === "" ? sales.currencyGuess : currencies.target,
    satisfactionScale: sales.satisfactionScale,
    ...(currencies === null ? {} : { currencyConversion: currencies.conversion() }),
    ...(sales.split ? { split: sales.split } : {}),
  };
}

/** The Currency / 币种 column of the sales block (relative), -1 when there is none. */
function currencyColumn(table: SalesTable): number {
  const h = table.block.mapping.headers.find((x) => isCurrencyHeader(x.header));
  return h === undefined ? -1 : h.col - table.firstCol;
}

/** A Currency cell's code; the same few texts repeat on every row, so each is read once. */
function currencyCellReader(): (raw: RawCell | undefined) => string | null {
  const cache = new Map<string, string | null>();
  return (raw) => {
    if (typeof raw !== "string") return currencyOfCell(raw);
    let iso = cache.get(raw);
    if (iso === undefined) {
      iso = currencyOfCell(raw);
      cache.set(raw, iso);
    }
    return iso;
  };
}

/** The sales block: its sheet, and each mapped field's column relative to the sheet's values (-1 = none). */
class SalesTable {
  readonly sheet: RawSheet;
  readonly firstRow: number;
  readonly firstCol: number;
  /** The block's first and last column, relative. */
  readonly lo: number;
  readonly hi: number;
  private readonly headerByColumn = new Map<number, string>();

  constructor(
    sheets: readonly RawSheet[],
    readonly block: SalesBlock,
  ) {
    this.sheet = sheets[block.hit.sheetIndex];
    this.firstRow = this.sheet.firstRow ?? 1;
    this.firstCol = this.sheet.firstCol ?? 0;
    this.lo = block.hit.span[0] - this.firstCol;
    this.hi = block.hit.span[1] - this.firstCol;
    for (const h of block.mapping.headers) this.headerByColumn.set(h.col - this.firstCol, h.header);
  }

  column(field: StandardField): number {
    const c = this.block.hit.columns[field];
    return c === undefined ? -1 : c - this.firstCol;
  }

  /** The header text of a relative column, as in the file. */
  header(c: number): string | null {
    return this.headerByColumn.get(c) ?? null;
  }

  fieldHeader(field: StandardField): string | null {
    return this.header(this.column(field));
  }
}

/** Extra columns by exact header, falling back to a case-/width-insensitive match; all unmapped ones on request. */
function extraColumns(table: SalesTable, options: IngestOptions): { key: string; c: number }[] {
  const { mapping, hit } = table.block;
  const extras: { key: string; c: number }[] = [];
  for (const key of options.extraHeaders ?? []) {
    const want = key.trim();
    let h = mapping.headers.find((x) => x.header === want);
    if (!h) h = mapping.headers.find((x) => normaliseHeader(x.header) === normaliseHeader(want));
    if (h) extras.push({ key, c: h.col - table.firstCol });
  }
  if (options.keepAllColumns) {
    // Every unmapped header by its text; a repeated header text keeps its first (leftmost) column,
    // as a KPI's exact-header lookup does.
    const mappedCols = new Set<number>(Object.values(hit.columns) as number[]);
    const keys = new Set(extras.map((x) => x.key));
    for (const h of mapping.headers) {
      if (mappedCols.has(h.col) || keys.has(h.header)) continue;
      keys.add(h.header);
      extras.push({ key: h.header, c: h.col - table.firstCol });
    }
  }
  return extras;
}

/**
 * A second column naming a mapped field ("Name" beside "Sales Rep"): findTable took the more specific header;
 * say so (docs/reference/cleaning.md, nothing changes silently).
 */
function listOtherColumnsForFields(table: SalesTable, issues: SheetIssues): void {
  const { mapping, hit } = table.block;
  const mappedCols = new Set<number>(Object.values(hit.columns) as number[]);
  for (const h of mapping.headers) {
    if (mappedCols.has(h.col)) continue;
    const m = matchHeaderRank(h.header);
    const usedCol = m === null ? undefined : hit.columns[m.field];
    if (m === null || usedCol === undefined) continue;
    issues.add(null, h.header, null, "skipped", "otherColumnForField", {
      field: m.field,
      fieldEn: fieldLabel(m.field, "en").toLowerCase(),
      fieldZh: fieldLabel(m.field, "zh"),
      used: table.header(usedCol - table.firstCol) ?? "",
    });
  }
}

interface SalesRead {
  rows: SalesRow[];
  excluded: ExcludedRow[];
  reconciliation: Reconciliation;
  currencyGuess: string | null;
  satisfactionScale: IngestResult["satisfactionScale"];
  /** How many currencies the rows named, and whether one was named that way (a Currency column's cells). */
  currenciesMet: number;
  met: (iso: string) => boolean;
  /** A Currency cell naming no currency, or a row whose text names another: such rows cannot be used as they are. */
  currencyTrouble: boolean;
  split?: IngestResult["split"];
}

/** Every non-blank row of the block: used (typed) or excluded (listed), the amounts of both summed exactly. */
function readSalesRows(
  table: SalesTable,
  extras: { key: string; c: number }[],
  issues: SheetIssues,
  currencyC: number,
  currencies: RowCurrencies | null,
): SalesRead {
  const { extent } = table.block;
  const { values, numberFormats } = table.sheet;
  const { firstRow, lo, hi } = table;
  const repC = table.column("rep");
  const dateC = table.column("date");
  const amtC = table.column("amount");
  const teamC = table.column("team");
  const custC = table.column("customer");
  const newC = table.column("newCustomer");
  const satC = table.column("satisfaction");
  const behC = table.column("behaviour");
  const repH = table.fieldHeader("rep");
  const dateH = table.fieldHeader("date");
  const amtH = table.fieldHeader("amount");
  const behH = table.fieldHeader("behaviour");
  const dealC = table.column("deal");
  const splitColumns: SplitColumns = {
    deal: dealC,
    split: table.column("split"),
    splitAmount: table.column("splitAmount"),
    dealHeader: table.fieldHeader("deal"),
    splitHeader: table.fieldHeader("split"),
    splitAmountHeader: table.fieldHeader("splitAmount"),
  };
  // Null unless the table has a Split % or Split amount column: the rows are then read exactly as without it.
  const splitReader = SplitReader.of(splitColumns, values, numberFormats, extent.start, extent.end);
  /** Used rows whose rep cell may name several reps (split.ts decides after the loop). */
  const sharedAt: number[] = [];

  const repField = new RepField();
  const dateField = new DateField();
  const amountField = new AmountField(
    numberFormats,
    amtC,
    currencyC < 0 ? null : { values, c: currencyC, read: currencyCellReader() },
  );
  const teamField = new TeamField();
  const newCustomerField = new NewCustomerField(issues, table.fieldHeader("newCustomer"));
  const satisfactionField =
    satC < 0 ? null : new SatisfactionField(values, satC, extent, issues, table.fieldHeader("satisfaction"));

  // Pre-sized (and trimmed at the end): a million pushes would regrow the array ~30 times.
  const capacity = Math.max(0, extent.end - extent.start);
  const rows: SalesRow[] = new Array<SalesRow>(capacity);
  const duplicates = new DuplicateRows(capacity, values, firstRow, lo, hi);
  let nUsed = 0;
  const used = new ExactSum();
  const excluded = new ExactSum();
  let rowsRead = 0;
  let rowsExcluded = 0;
  const excludedRows: ExcludedRow[] = [];

  for (let i = extent.start; i < extent.end; i++) {
    const row = values[i];
    if (!row) continue;
    const repRaw = row[repC];
    const dateRaw = row[dateC];
    const amtRaw = row[amtC];
    if (isBlankCell(repRaw) && isBlankCell(dateRaw) && isBlankCell(amtRaw) && isBlankRow(row, lo, hi)) continue;
    rowsRead++;
    const sheetRow = firstRow + i;

    const rep = repField.read(repRaw);
    const dateOk = dateField.read(dateRaw);
    const amountOk = amountField.read(amtRaw, i);
    let amount = amountField.value;
    let currencyOk = true;
    if (currencies !== null && amountOk) {
      currencyOk = currencies.read(amount, amountField, dateOk ? dateField.serial : null);
      amount = currencies.value;
    }
    // The amount credited to the row's rep(s): the deal's amount × split when the table has split columns.
    const splitOk = splitReader === null || !amountOk || !currencyOk || splitReader.read(row, amount);
    let credited = splitReader === null || !splitOk ? amount : splitReader.credited;
    // A Split amount cell is written in the row's currency too: converted at the same rate.
    if (currencies !== null && splitReader !== null && splitOk && currencyOk && splitReader.split === null)
      credited = currencies.convertAlso(credited);
    if (rep === null || !dateOk || !amountOk || !currencyOk || !splitOk) {
      rowsExcluded++;
      // An amount counts as excluded money only when it is known in the currency the totals are in.
      const known = amountOk && (currencies === null || currencies.known);
      if (known) excluded.add(credited);
      excludedRows.push({ sheetRow, dateSerial: dateOk ? dateField.serial : null, amount: known ? credited : null });
      if (rep === null) issues.add(sheetRow, repH, repRaw, "excluded", "repMissing");
      if (!dateOk) issues.add(sheetRow, dateH, dateRaw, "excluded", dateField.failure!);
      if (!amountOk) issues.add(sheetRow, amtH, amtRaw, "excluded", amountField.failure!);
      if (!currencyOk) issues.add(sheetRow, amtH, amtRaw, "excluded", currencies!.failure!, currencies!.params);
      if (!splitOk)
        issues.add(sheetRow, splitReader.failureColumn, splitReader.failureRaw, "excluded", splitReader.failure!);
      continue;
    }

    used.add(credited);
    repField.markUsed(sheetRow);
    const dateSerial = dateField.serial;
    if (amountField.coerced)
      issues.add(sheetRow, amtH, amtRaw, "coerced", "amountTextCoerced", { value: String(amountField.value) });
    if (currencies !== null) currencies.markUsed(issues, sheetRow, amtH, amtRaw);
    if (dateField.coerced)
      issues.add(sheetRow, dateH, dateRaw, "coerced", "dateTextCoerced", { date: isoDateOfSerial(dateSerial) });
    if (amount < 0) issues.add(sheetRow, amtH, amtRaw, "kept", "negativeAmount", { value: String(amountField.value) });
    if (splitReader !== null && splitReader.splitText) {
      const splitRaw = row[splitColumns.split];
      issues.add(sheetRow, splitColumns.splitHeader, splitRaw, "coerced", "splitTextCoerced", {
        value: new Dec(splitReader.split ?? "1").times(100).toString() + "%",
      });
    }

    const salesRow: SalesRow = {
      sheet: issues.sheet,
      sheetRow,
      rep,
      team: teamC >= 0 ? teamField.read(row[teamC]) : null,
      dateSerial,
      amount: credited,
      customer: custC >= 0 ? readCustomer(row[custC]) : null,
      newCustomer: newC >= 0 ? newCustomerField.read(row[newC], sheetRow) : null,
      satisfaction: satisfactionField === null ? null : satisfactionField.read(row[satC], sheetRow),
      behaviour: behC >= 0 ? readBehaviour(row[behC], sheetRow, issues, behH) : null,
      extra: readExtras(row, extras),
    };
    // Split credit only: the fields are left off rows of a table without the columns (docs/reference/input.md).
    if (dealC >= 0) salesRow.dealId = readDealId(row[dealC]);
    if (splitReader !== null) salesRow.credit = rowCredit(amount, splitReader.split);
    if (repField.maySeveral()) sharedAt.push(nUsed);
    const firstCopy = duplicates.firstCopyOf(rows, nUsed, row, dateSerial, credited, rep, repField.spellingId());
    if (firstCopy >= 0) issues.add(sheetRow, null, null, "kept", "possibleDuplicate", { firstRow: firstCopy });
    rows[nUsed++] = salesRow;
  }
  rows.length = nUsed;
  repField.listMerges(issues, repH);
  const credited =
    splitReader === null && sharedAt.length === 0
      ? null
      : creditSplits({
          rows,
          sharedAt,
          splitColumns: splitReader !== null,
          columns: splitColumns,
          repHeader: repH,
          amountHeader: amtH,
          issues,
        });

  const usedD = used.value();
  const excludedD = excluded.value();
  return {
    rows: credited === null ? rows : credited.rows,
    excluded: excludedRows,
    reconciliation: {
      rowsRead,
      rowsUsed: nUsed,
      rowsExcluded,
      amountRead: decimalString(usedD.plus(excludedD)),
      amountUsed: decimalString(usedD),
      amountExcluded: decimalString(excludedD),
    },
    currencyGuess: amountField.currencyGuess(),
    satisfactionScale: satisfactionField === null ? null : satisfactionField.percentScale ? "percent" : "fraction",
    currenciesMet: amountField.currenciesMet(),
    met: (iso) => amountField.met(iso),
    currencyTrouble: amountField.columnTrouble > 0,
    ...(credited?.summary ? { split: credited.summary } : {}),
  };
}

function isBlankRow(row: readonly RawCell[], lo: number, hi: number): boolean {
  for (let c = lo; c <= hi; c++) if (!isBlankCell(row[c])) return false;
  return true;
}

/** Used rows dated outside the usual dates (usualDates.ts, docs/reference/robustness.md): kept, counted, listed. */
function listDatesFarFromOthers(table: SalesTable, rows: readonly SalesRow[], issues: SheetIssues): void {
  const usual = usualDates(rows);
  if (usual === null) return;
  const dateC = table.column("date");
  const column = table.fieldHeader("date");
  const range = { from: isoDateOfSerial(usual.first), to: isoDateOfSerial(usual.last) };
  for (const r of rows) {
    if (r.dateSerial >= usual.first && r.dateSerial <= usual.last) continue;
    if (r.credit !== undefined && r.credit.place > 0) continue; // a shared row is listed once
    const raw = table.sheet.values[r.sheetRow - table.firstRow][dateC];
    issues.add(r.sheetRow, column, raw, "kept", "dateFarFromOthers", { date: isoDateOfSerial(r.dateSerial), ...range });
  }
}

/** Non-blank rows after the table's end, past a blank gap (docs/reference/cleaning.md): listed, one run each. */
function listIgnoredRuns(block: SalesBlock, issues: SheetIssues): void {
  for (const run of block.extent.ignored) {
    issues.add(run.from, null, run.firstValue, "ignored", "rowsAfterBlankIgnored", {
      from: run.from,
      to: run.to,
      count: run.count,
    });
  }
}

/**
 * docs/reference/cleaning.md: SalesPerf reads one sales table; every other sales-like sheet is listed with the
 * true reason it lost (fewer rows, or as many rows but older data, or a full tie).
 */
function listOtherSalesSheets(sheets: readonly RawSheet[], block: SalesBlock, issues: DataIssue[]): void {
  const skippedKey = {
    fewerRows: "otherSalesSheetSkipped",
    olderData: "otherSalesSheetSkippedOlder",
    sameData: "otherSalesSheetSkippedSame",
  } as const;
  for (const other of block.alsoSalesLike) {
    issues.push({
      sheet: sheets[other.sheetIndex].name,
      row: null,
      column: null,
      raw: null,
      action: "skipped",
      reasonKey: skippedKey[other.reason],
      params: { used: block.mapping.sheet, rows: other.dataRows, usedRows: block.extent.dataRows },
    });
  }
}

/** Every sheet that is neither the sales sheet, another sales-like sheet nor one SalesPerf writes. */
function readMeasureSheets(sheets: readonly RawSheet[], block: SalesBlock, issues: DataIssue[]): MeasureRow[] {
  const otherSales = new Set(block.alsoSalesLike.map((o) => o.sheetIndex));
  const measures: MeasureRow[] = [];
  sheets.forEach((s, idx) => {
    if (idx === block.hit.sheetIndex || isReservedSheet(s.name) || otherSales.has(idx)) return;
    readMeasureSheet(s, measures, issues);
  });
  return measures;
}

/** Data issues in workbook order: by sheet, then row (stable, so each row keeps its issues' order). */
function sortBySheetAndRow(issues: DataIssue[], sheets: readonly RawSheet[]): void {
  const order = new Map<string, number>(sheets.map((s, i) => [s.name, i]));
  issues.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0));
}

/** Plain decimal notation for the reconciliation block: no exponent, "0" rather than "-0". */
function decimalString(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}
