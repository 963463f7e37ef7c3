/**
 * Revenue broken down the ways a manager otherwise builds by hand (docs/reference/tabs.md, Trends): by team and period,
 * and — when the sales sheet has a product column — by product for each rep and each team in the scored period. The
 * sums are exact (ExactSum) and written as values with SUM formulas for the totals: the cleaned rows they add up are not
 * in the workbook, so a SUMIFS over the raw sales sheet would count text amounts, excluded rows and duplicates
 * differently from every other tab.
 */
import type Decimal from "decimal.js";
import { dec, ExactSum, periodKey, type PeriodKind } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { IngestResult, SalesRow } from "../ingest/types";
import { columnLetters } from "../sheet";
import { addr, formula, num, text } from "./cells";
import { compareCodePoints, compareNames } from "./compare";
import type { ReportCell, ReportSheet } from "./model";
import type { ScoredPeriod } from "./score";

/** Headers read as the product column (compared ignoring case): ingest carries the first one found. */
export const PRODUCT_HEADERS = ["Product", "Products", "Product name", "产品", "产品名称", "商品", "品类"];

/** At most this many product columns; the rest are added up in one "Other products" column. */
export const MAX_PRODUCTS = 20;

export interface Breakdown {
  /** Column labels (periods, or products). */
  columns: string[];
  rows: { label: string; values: (Decimal | null)[] }[];
}

export interface Breakdowns {
  teamByPeriod: Breakdown;
  /** Null when the sales sheet has no product column. */
  product: { byRep: Breakdown; byTeam: Breakdown } | null;
}

const NO_GROUP = "\u0000";

/** Exact sums by a row key and a column key. */
function sumBy(
  rows: readonly SalesRow[],
  rowKey: (r: SalesRow) => string,
  colKey: (r: SalesRow) => string,
): Map<string, Map<string, ExactSum>> {
  const out = new Map<string, Map<string, ExactSum>>();
  for (const r of rows) {
    const rk = rowKey(r);
    let byCol = out.get(rk);
    if (byCol === undefined) out.set(rk, (byCol = new Map()));
    const ck = colKey(r);
    let s = byCol.get(ck);
    if (s === undefined) byCol.set(ck, (s = new ExactSum()));
    s.add(r.amount);
  }
  return out;
}

function breakdown(
  sums: Map<string, Map<string, ExactSum>>,
  columns: string[],
  label: (key: string) => string,
): Breakdown {
  const keys = [...sums.keys()].sort((a, b) => compareNames(label(a), label(b)));
  return {
    columns,
    rows: keys.map((k) => ({
      label: label(k),
      values: columns.map((c) => sums.get(k)!.get(c)?.value() ?? null),
    })),
  };
}

/** The key of the product column on the rows' `extra`, when ingest carried one. */
export function productKey(ingest: IngestResult): string | null {
  const first = ingest.rows[0];
  if (!first) return null;
  const wanted = new Set(PRODUCT_HEADERS.map((h) => h.toLowerCase()));
  return Object.keys(first.extra).find((k) => wanted.has(k.trim().toLowerCase())) ?? null;
}

export function breakdownsOf(ingest: IngestResult, scored: ScoredPeriod, lang: Lang): Breakdowns {
  const { range } = scored;
  const inPeriod = (r: SalesRow): boolean => r.dateSerial >= range.startSerial && r.dateSerial <= range.endSerial;
  // The rows Trends counts: within the data's usual dates, or in the scored period (docs/reference/robustness.md).
  const { usual } = scored.dates;
  const counted =
    usual === null
      ? ingest.rows
      : ingest.rows.filter((r) => (r.dateSerial >= usual.first && r.dateSerial <= usual.last) || inPeriod(r));
  const team = (r: SalesRow): string => r.team ?? NO_GROUP;
  const teamLabel = (k: string): string => (k === NO_GROUP ? t(lang, "noTeam") : k);
  const periodOf = periodCache(scored.kind);
  const teamByPeriod = breakdown(sumBy(counted, team, periodOf), scored.trendPeriods, teamLabel);

  const key = productKey(ingest);
  if (key === null) return { teamByPeriod, product: null };
  const productLabel = (k: string): string => (k === NO_GROUP ? t(lang, "summary.noProduct") : k);
  const product = (r: SalesRow): string => {
    const v = r.extra[key];
    const s = v === null || v === undefined ? "" : String(v).trim();
    return s === "" ? NO_GROUP : s;
  };
  const rows = ingest.rows.filter(inPeriod);
  // Products by revenue in the period, the largest first; beyond MAX_PRODUCTS the rest go into "Other products".
  const totals = sumBy(rows, () => "", product).get("") ?? new Map<string, ExactSum>();
  const ranked = [...totals.entries()]
    .map(([k, s]) => ({ k, v: s.value() }))
    .sort((a, b) => b.v.comparedTo(a.v) || compareCodePoints(productLabel(a.k), productLabel(b.k)));
  const kept = new Set(ranked.slice(0, ranked.length > MAX_PRODUCTS ? MAX_PRODUCTS - 1 : MAX_PRODUCTS).map((x) => x.k));
  const OTHER = "\u0001";
  const column = (r: SalesRow): string => {
    const p = product(r);
    return kept.has(p) ? p : OTHER;
  };
  const columns = [
    ...ranked.filter((x) => kept.has(x.k)).map((x) => x.k),
    ...(kept.size < ranked.length ? [OTHER] : []),
  ];
  const label = (k: string): string => (k === OTHER ? t(lang, "summary.otherProducts") : productLabel(k));
  const relabel = (b: Breakdown): Breakdown => ({ ...b, columns: b.columns.map(label) });
  return {
    teamByPeriod,
    product: {
      byRep: relabel(
        breakdown(
          sumBy(rows, (r) => r.rep, column),
          columns,
          (k) => k,
        ),
      ),
      byTeam: relabel(breakdown(sumBy(rows, team, column), columns, teamLabel)),
    },
  };
}

/** A row's period key, computed once per day. */
function periodCache(kind: PeriodKind): (r: SalesRow) => string {
  const byDay = new Map<number, string>();
  return (r) => {
    const day = Math.floor(r.dateSerial);
    let k = byDay.get(day);
    if (k === undefined) byDay.set(day, (k = periodKey(day, kind)));
    return k;
  };
}

/**
 * One block under the Trends chart: a title, a header row (the row label's header, the columns, and Total when
 * `rowTotals`), a row per label, and a total row; totals are SUM formulas over the values.
 */
function block(
  rows: (ReportCell | null)[][],
  title: string,
  labelHeader: string,
  b: Breakdown,
  money: string,
  lang: Lang,
  rowTotals: boolean,
): void {
  rows.push([text(title, "title")]);
  rows.push([
    text(labelHeader, "header"),
    ...b.columns.map((c) => text(c, "header")),
    ...(rowTotals ? [text(t(lang, "total"), "header")] : []),
  ]);
  const first = rows.length + 1;
  const n = b.columns.length;
  const total = (xs: (Decimal | null)[]): Decimal => xs.reduce<Decimal>((s, x) => (x === null ? s : s.plus(x)), dec(0));
  for (const r of b.rows) {
    const row = rows.length + 1;
    const cells: (ReportCell | null)[] = [text(r.label), ...r.values.map((v) => (v === null ? null : num(v, money)))];
    if (rowTotals) cells.push(formula(`SUM(${addr(1, row)}:${addr(n, row)})`, total(r.values), money));
    rows.push(cells);
  }
  const last = rows.length;
  const totals: (ReportCell | null)[] = [text(t(lang, "total"), "total")];
  for (let c = 1; c <= n + (rowTotals ? 1 : 0); c++) {
    const col = columnLetters(c);
    const values = c <= n ? b.rows.map((r) => r.values[c - 1]) : b.rows.flatMap((r) => r.values);
    totals.push(formula(b.rows.length > 0 ? `SUM(${col}${first}:${col}${last})` : "0", total(values), money, "total"));
  }
  rows.push(totals);
}

/** The breakdowns appended to the Trends tab, below its table and chart. */
export function appendBreakdowns(sheet: ReportSheet, b: Breakdowns, lang: Lang, period: string, money: string): void {
  const rows = sheet.rows;
  const below = Math.max(rows.length, ...(sheet.charts ?? []).map((c) => c.to.row + 1));
  while (rows.length < below + 1) rows.push([]);
  block(rows, t(lang, "summary.teamByPeriod"), t(lang, "hdr.team"), b.teamByPeriod, money, lang, false);
  if (b.product === null) return;
  rows.push([]);
  block(rows, t(lang, "summary.productByRep", { period }), t(lang, "hdr.rep"), b.product.byRep, money, lang, true);
  rows.push([]);
  block(rows, t(lang, "summary.productByTeam", { period }), t(lang, "hdr.team"), b.product.byTeam, money, lang, true);
}
