/**
 * PRORATE (docs/reference/functions.md): value × (days of [start, end] inside [period_start, period_end]) / (days in
 * the period), every range inclusive. Dates are Excel serials; a time of day is ignored (the
 * serial's integer part is the date). Blank start = period start, blank end = period end.
 * Not rounded: a prorated target or payout is rounded where it is paid (docs/reference/numbers.md).
 */
import type Decimal from "decimal.js";
import { ZERO } from "./decimal";
import { engineError, type EngineError } from "./types";

export function prorate(
  value: Decimal,
  start: number | null,
  end: number | null,
  periodStart: number,
  periodEnd: number,
): Decimal | EngineError {
  const ps = Math.floor(periodStart);
  const pe = Math.floor(periodEnd);
  if (pe < ps) return engineError("VALUE", "period_end", "periodEndBeforeStart");
  if (start !== null && end !== null && Math.floor(end) < Math.floor(start)) {
    return engineError("VALUE", "end", "endBeforeStart");
  }
  // A blank end is "still active", a blank start "active since before": a hire after the period
  // with no end date gets 0, not an error.
  const s = start === null ? ps : Math.floor(start);
  const e = end === null ? pe : Math.floor(end);
  const active = Math.min(e, pe) - Math.max(s, ps) + 1;
  if (active <= 0) return ZERO;
  return value.times(active).div(pe - ps + 1);
}
