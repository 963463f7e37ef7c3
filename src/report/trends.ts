/** Revenue by rep and period for the Trends tab, and each rep's growth over the prior period. */
import type Decimal from "decimal.js";
import {
  comparePeriodKeys,
  dec,
  growth,
  isEngineError,
  periodKey,
  periodRange,
  periodsBetween,
  sumByRepAndPeriod,
} from "../engine/index";
import type { DatesAndSpan } from "../ingest/usualDates";
import type { IngestResult, SalesRow } from "../ingest/types";
import type { PeriodKind } from "../plan/index";
import { compareNames } from "./compare";

export interface TrendRow {
  rep: string;
  /** Revenue per period of `ScoredPeriod.trendPeriods`; null = no sales that period. */
  values: (Decimal | null)[];
  /** Growth of the scored period over its prior; null when either is missing or the prior is 0. */
  growth: Decimal | null;
}

/** Trends shows at most this many periods (docs/reference/robustness.md). */
export const MAX_TREND_PERIODS = 36;

/**
 * Revenue by rep and period. Rows dated far from the others (outside `dates`, the rows' usual dates) count only
 * when their period is the scored one. The columns run without holes from the first period with sales to the
 * last (or the scored period when later) — unless that is more than MAX_TREND_PERIODS: then only periods that
 * hold sales, the latest ones.
 */
export function trendsOf(
  ingest: IngestResult,
  dates: DatesAndSpan,
  kind: PeriodKind,
  period: string,
  prior: string,
): { trendPeriods: string[]; trends: TrendRow[] } {
  const scored = periodRange(period)!;
  const { usual, span } = dates;
  const counts = (r: SalesRow): boolean =>
    usual === null ||
    (r.dateSerial >= usual.first && r.dateSerial <= usual.last) ||
    (r.dateSerial >= scored.startSerial && r.dateSerial <= scored.endSerial);
  // All rows within the usual dates (seen from their span, without another pass over them): all count.
  const all = usual === null || (span !== null && span.min >= usual.first && span.max <= usual.last);
  const rows = all || ingest.rows.every(counts) ? ingest.rows : ingest.rows.filter(counts);
  const sums = sumByRepAndPeriod(
    rows,
    (r) => r.amount,
    (s) => periodKey(s, kind),
  );
  const periods = trendPeriods(sums, period, kind);
  const trends: TrendRow[] = [...sums.keys()].sort(compareNames).map((rep) => {
    const byKey = sums.get(rep)!;
    const values = periods.map((p) => byKey.get(p) ?? null);
    // GROWTH (docs/reference/functions.md) of the scored period over its prior: a prior with sales but none now is −100 %.
    const cur = byKey.get(period) ?? dec(0);
    const pre = byKey.get(prior) ?? null;
    const x = pre === null ? null : growth(cur, pre);
    const g = x === null || isEngineError(x) ? null : x;
    return { rep, values, growth: g };
  });
  return { trendPeriods: periods, trends };
}

function trendPeriods(sums: Map<string, Map<string, Decimal>>, scored: string, kind: PeriodKind): string[] {
  const withSales = new Set<string>();
  for (const byKey of sums.values()) for (const key of byKey.keys()) withSales.add(key);
  const keys = [...withSales].sort(comparePeriodKeys);
  if (keys.length === 0 || comparePeriodKeys(scored, keys[keys.length - 1]) > 0) keys.push(scored);
  const first = periodRange(keys[0])!.startSerial;
  const last = periodRange(keys[keys.length - 1])!.startSerial;
  // Contiguous, chronological periods so the line chart's x axis has no holes — when few enough.
  const contiguous = periodsBetween(first, last, kind, MAX_TREND_PERIODS + 1);
  return contiguous.length <= MAX_TREND_PERIODS ? contiguous : keys.slice(-MAX_TREND_PERIODS);
}
