/**
 * The reconciliation block of the Data issues tab (docs/reference/cleaning.md): rows and amounts read, used and
 * excluded, for the whole file and, beside it, for the scored period, so a manager can check the period against
 * their own total. Amounts are exact (docs/reference/numbers.md): summed with ExactSum, written as numbers when the
 * double holds them exactly, else as their digits.
 */
import { dec, ExactSum, type PeriodRange } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { IngestResult, Reconciliation } from "../ingest/types";
import { absAddr, formula, num, text } from "./cells";
import type { ReportCell } from "./model";

/** Excluded rows whose date could not be read: they belong to no period, so only the whole file counts them. */
export interface Undated {
  rows: number;
  amount: string;
}

/** Rows and amounts of the sales rows dated in `range`: used ones, and excluded ones whose date could be read. */
export function periodReconciliation(ingest: IngestResult, range: PeriodRange): Reconciliation {
  const inPeriod = (serial: number): boolean => serial >= range.startSerial && serial <= range.endSerial;
  const used = new ExactSum();
  const excluded = new ExactSum();
  let rowsUsed = 0;
  let rowsExcluded = 0;
  for (const r of ingest.rows) {
    if (!inPeriod(r.dateSerial)) continue;
    // A rep cell naming several reps is one sheet row credited in parts (docs/reference/cleaning.md).
    if (r.credit === undefined || r.credit.place === 0) rowsUsed++;
    used.add(r.amount);
  }
  for (const x of ingest.excluded) {
    if (x.dateSerial === null || !inPeriod(x.dateSerial)) continue;
    rowsExcluded++;
    if (x.amount !== null) excluded.add(x.amount);
  }
  const u = used.value();
  const e = excluded.value();
  return {
    rowsRead: rowsUsed + rowsExcluded,
    rowsUsed,
    rowsExcluded,
    amountRead: decimalText(u.plus(e)),
    amountUsed: decimalText(u),
    amountExcluded: decimalText(e),
  };
}

export function undatedExclusions(ingest: IngestResult): Undated {
  const sum = new ExactSum();
  let rows = 0;
  for (const x of ingest.excluded) {
    if (x.dateSerial !== null) continue;
    rows++;
    if (x.amount !== null) sum.add(x.amount);
  }
  return { rows, amount: decimalText(sum.value()) };
}

function decimalText(d: ReturnType<typeof dec>): string {
  return d.isZero() ? "0" : d.toFixed();
}

/** The block's place on the Data issues tab: labels in column H, the whole file in I, the scored period in J. */
export const RECON = {
  labelCol: 7,
  wholeCol: 8,
  periodCol: 9,
  /** Sheet rows of each line. */
  rows: {
    rowsRead: 2,
    rowsUsed: 3,
    rowsExcluded: 4,
    rowsCheck: 5,
    amountRead: 6,
    amountUsed: 7,
    amountExcluded: 8,
    amountCheck: 9,
    undatedRows: 10,
    undatedAmount: 11,
  },
} as const;

export type ReconLine = keyof typeof RECON.rows;

/** Rows under the header the block needs. */
export const RECON_LINES = Object.keys(RECON.rows).length;

/** Absolute address of a line's whole-file or scored-period value on the Data issues tab: "$J$3". */
export function reconAddress(line: ReconLine, column: "whole" | "period"): string {
  return absAddr(column === "whole" ? RECON.wholeCol : RECON.periodCol, RECON.rows[line]);
}

/** A number cell when the double holds the amount exactly, else the exact digits as text. */
function isExactDouble(s: string): boolean {
  return dec(Number(s)).eq(dec(s));
}

/** One column of the block: rows and amounts, the two checks as formulas (exact digits when a total is not a double). */
function column(
  rc: Reconciliation,
  col: number,
  money: string,
): Record<Exclude<ReconLine, "undatedRows" | "undatedAmount">, ReportCell> {
  const a = (line: ReconLine): string => absAddr(col, RECON.rows[line]).replace(/\$/g, "");
  const amount = (s: string): ReportCell => (isExactDouble(s) ? num(Number(s), money) : text(s));
  const exactAmounts = [rc.amountRead, rc.amountUsed, rc.amountExcluded].every(isExactDouble);
  return {
    rowsRead: num(rc.rowsRead, "#,##0"),
    rowsUsed: num(rc.rowsUsed, "#,##0"),
    rowsExcluded: num(rc.rowsExcluded, "#,##0"),
    rowsCheck: formula(`${a("rowsUsed")}+${a("rowsExcluded")}`, rc.rowsUsed + rc.rowsExcluded, "#,##0"),
    amountRead: amount(rc.amountRead),
    amountUsed: amount(rc.amountUsed),
    amountExcluded: amount(rc.amountExcluded),
    amountCheck: exactAmounts
      ? formula(`${a("amountUsed")}+${a("amountExcluded")}`, Number(rc.amountUsed) + Number(rc.amountExcluded), money)
      : text(dec(rc.amountUsed).plus(dec(rc.amountExcluded)).toFixed()),
  };
}

/**
 * The block as [label, whole file, scored period] per line, header first. The rows without a readable date are
 * counted in the whole file only.
 */
export function reconciliationBlock(
  lang: Lang,
  money: string,
  period: string,
  whole: Reconciliation,
  scored: Reconciliation,
  undated: Undated,
): (ReportCell | null)[][] {
  const w = column(whole, RECON.wholeCol, money);
  const p = column(scored, RECON.periodCol, money);
  const out: (ReportCell | null)[][] = [
    [
      text(t(lang, "recon.title"), "header"),
      text(t(lang, "recon.wholeFile"), "header"),
      text(t(lang, "recon.scoredPeriod", { period }), "header"),
    ],
  ];
  for (const line of Object.keys(RECON.rows) as ReconLine[]) {
    if (line === "undatedRows") out.push([text(t(lang, "recon.undatedRows")), num(undated.rows, "#,##0"), null]);
    else if (line === "undatedAmount")
      out.push([
        text(t(lang, "recon.undatedAmount")),
        isExactDouble(undated.amount) ? num(Number(undated.amount), money) : text(undated.amount),
        null,
      ]);
    else out.push([text(t(lang, `recon.${line}`)), w[line], p[line]]);
  }
  return out;
}
