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
import type { IngestResult } from "../ingest/types";
import type { PeriodKind } from "../plan/index";
import { compareCodePoints } from "./compare";

export interface TrendRow {
  rep: string;
  /** Revenue per period of `ScoredPeriod.trendPeriods`; null = no sales that period. */
  values: (Decimal | null)[];
  /** Growth of the scored period over its prior; null when either is missing or the prior is 0. */
  growth: Decimal | null;
}

export function trendsOf(
  ingest: IngestResult,
  kind: PeriodKind,
  period: string,
  prior: string,
): { trendPeriods: string[]; trends: TrendRow[] } {
  const sums = sumByRepAndPeriod(
    ingest.rows,
    (r) => r.amount,
    (s) => periodKey(s, kind),
  );
  let min = Infinity;
  let max = -Infinity;
  for (const byKey of sums.values()) {
    for (const key of byKey.keys()) {
      const r = periodRange(key)!;
      if (r.startSerial < min) min = r.startSerial;
      if (r.startSerial > max) max = r.startSerial;
    }
  }
  const scored = periodRange(period)!;
  if (scored.startSerial > max) max = scored.startSerial;
  if (min === Infinity) min = scored.startSerial;
  // Contiguous, chronological periods so the line chart's x axis has no holes.
  const periods = periodsBetween(min, max, kind).sort(comparePeriodKeys);
  const trends: TrendRow[] = [...sums.keys()].sort(compareCodePoints).map((rep) => {
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
