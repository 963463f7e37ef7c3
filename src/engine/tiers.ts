/**
 * Rate tables (docs/reference/functions.md TIERED, TOGO, EXPLAIN). Band i is [lower_i, lower_i+1); the last band
 * has no upper bound; below the first lower bound nothing is paid. Results at full precision
 * (used for money and for factors alike), never rounded here (docs/reference/numbers.md).
 *
 * Which band holds an amount is decided the way Excel compares: to 15 significant digits
 * (docs/reference/numbers.md), so an amount that ties with a bound belongs to the band that starts there.
 */
import type Decimal from "decimal.js";
import { compare15, ZERO } from "./decimal";
import { engineError, type EngineError, type TierMode } from "./types";

export interface Tier {
  lower: Decimal;
  rate: Decimal;
}

export interface ExplainBand {
  /** 1-based band number. */
  band: number;
  from: Decimal;
  /** Next band's lower bound; null for the last band. */
  to: Decimal | null;
  rate: Decimal;
  amountInBand: Decimal;
  payout: Decimal;
}

/** Lower bounds must strictly increase (15-digit comparison); the row named is 1-based in the range. */
export function validateTiers(tiers: readonly Tier[], arg = "tiers"): EngineError | null {
  if (tiers.length === 0) return engineError("VALUE", arg, "rangeIsEmpty");
  for (let i = 1; i < tiers.length; i++) {
    if (compare15(tiers[i].lower, tiers[i - 1].lower) <= 0) {
      return engineError("VALUE", arg, "boundsMustIncrease", { row: i + 1 });
    }
  }
  return null;
}

/** Index of the band holding `amount`, or −1 below the first lower bound. Tiers must be valid. */
export function bandOf(amount: Decimal, tiers: readonly Tier[]): number {
  let band = -1;
  for (let i = 0; i < tiers.length && compare15(amount, tiers[i].lower) >= 0; i++) band = i;
  return band;
}

function checkMode(mode: TierMode): EngineError | null {
  return mode === "marginal" || mode === "retroactive" ? null : engineError("VALUE", "mode", "tierModeInvalid");
}

/** How much of `amount` each band holds: whole bands below, the rest (≥ 0) in its own band. */
function amountsInBands(amount: Decimal, tiers: readonly Tier[], mode: TierMode): Decimal[] {
  const band = bandOf(amount, tiers);
  return tiers.map((t, i) => {
    if (mode === "retroactive") return i === band ? amount : ZERO;
    if (i < band) return tiers[i + 1].lower.minus(t.lower);
    if (i > band) return ZERO;
    const rest = amount.minus(t.lower); // negative only when tied with the bound to 15 digits
    return rest.isNegative() ? ZERO : rest;
  });
}

/** Band-by-band breakdown of TIERED: the payouts add up to `total`, which equals `tiered`. */
export function explain(
  amount: Decimal,
  tiers: readonly Tier[],
  mode: TierMode = "marginal",
): { bands: ExplainBand[]; total: Decimal } | EngineError {
  const bad = validateTiers(tiers) ?? checkMode(mode);
  if (bad) return bad;
  let total = ZERO;
  const bands = amountsInBands(amount, tiers, mode).map((amountInBand, i): ExplainBand => {
    const payout = amountInBand.times(tiers[i].rate);
    total = total.plus(payout);
    return {
      band: i + 1,
      from: tiers[i].lower,
      to: i + 1 < tiers.length ? tiers[i + 1].lower : null,
      rate: tiers[i].rate,
      amountInBand,
      payout,
    };
  });
  return { bands, total };
}

/** Pay on a rate table: "marginal" pays each band's slice at its rate, "retroactive" all at one rate. */
export function tiered(amount: Decimal, tiers: readonly Tier[], mode: TierMode = "marginal"): Decimal | EngineError {
  const result = explain(amount, tiers, mode);
  return "total" in result ? result.total : result;
}

/** Amount still needed to reach the next lower bound above `amount`; 0 in the last band. */
export function togo(amount: Decimal, tiers: readonly Tier[]): Decimal | EngineError {
  const bad = validateTiers(tiers);
  if (bad) return bad;
  const next = bandOf(amount, tiers) + 1;
  return next < tiers.length ? tiers[next].lower.minus(amount) : ZERO;
}
