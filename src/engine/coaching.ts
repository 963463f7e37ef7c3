/**
 * Coaching maths (docs/reference/coaching.md): for one rep and one KPI, the weighted points the KPI loses against
 * full attainment, and the change in the KPI's own unit that alone lifts the rep's score to a given level (the bonus
 * threshold, the next curve point, the Top cut-off, the score that leaves the bottom group).
 * Exact decimals; only `roundUpNeed` rounds (up, so a rep who delivers the figure does reach the level).
 *
 * The score is Σ w·c(a) ÷ W over the KPIs that count for the rep (docs/reference/plan.md), c(a) = min(cap, max(a, 0)).
 * Raising one KPI's counted attainment by Δc raises the score by w·Δc ÷ W, so the level L needs
 * c' = c + (L − S)·W ÷ w. A cap below c' means no amount of this KPI reaches L; a lower-is-better KPI cannot count
 * above 200 % (its actual would have to fall below 0).
 */
import type Decimal from "decimal.js";
import { compare15, Dec, ZERO } from "./decimal";

export interface CoachingKpi {
  actual: Decimal;
  target: Decimal;
  /** ATTAINMENT(actual, target, lower) as scored. */
  attainment: Decimal;
  weight: Decimal;
  /** null = no cap. */
  cap: Decimal | null;
  lowerIsBetter: boolean;
}

/** The change needed: met already, not reachable by this KPI alone, or an amount in the KPI's unit (> 0). */
export type KpiChange = { kind: "met" } | { kind: "unreachable" } | { kind: "change"; amount: Decimal };

const ONE = new Dec(1);
const TWO = new Dec(2);
/** The highest attainment a lower-is-better KPI can reach: actual 0 gives (2T − 0) ÷ T. */
const LOWER_MAX = TWO;

/** The attainment as the score counts it: min(cap, max(a, 0)). */
export function countedAttainment(attainment: Decimal, cap: Decimal | null): Decimal {
  const a = attainment.isNegative() ? ZERO : attainment;
  return cap !== null && a.gt(cap) ? cap : a;
}

/**
 * Score points the KPI loses against 100 % attainment: w ÷ W × (1 − counted attainment). Negative when the KPI is
 * beyond its target (it adds points); the KPIs' points lost add up to 1 − score.
 */
export function pointsLost(kpi: CoachingKpi, weightCounted: Decimal): Decimal {
  if (weightCounted.isZero()) return ZERO;
  return kpi.weight.div(weightCounted).times(ONE.minus(countedAttainment(kpi.attainment, kpi.cap)));
}

/** How the gap to the target reads: `target − actual` (higher is better) or `actual − target`; ≤ 0 = met. */
export function gapToTarget(kpi: CoachingKpi): Decimal {
  return kpi.lowerIsBetter ? kpi.actual.minus(kpi.target) : kpi.target.minus(kpi.actual);
}

/**
 * The change of this KPI alone that lifts `score` to `level` (15-digit comparison, as Excel's `>=`): more of a
 * higher-is-better KPI, less of a lower-is-better one, in the KPI's unit, not rounded.
 */
export function changeToReach(kpi: CoachingKpi, score: Decimal, weightCounted: Decimal, level: Decimal): KpiChange {
  if (compare15(score, level) >= 0) return { kind: "met" };
  if (kpi.weight.isZero() || weightCounted.isZero()) return { kind: "unreachable" };
  const needed = countedAttainment(kpi.attainment, kpi.cap).plus(
    level.minus(score).times(weightCounted).div(kpi.weight),
  );
  if (kpi.cap !== null && needed.gt(kpi.cap)) return { kind: "unreachable" };
  if (kpi.lowerIsBetter) {
    if (needed.gt(LOWER_MAX)) return { kind: "unreachable" };
    // a = (2T − A') ÷ T  ⇒  A' = T·(2 − a): the actual must fall by A − A'.
    return { kind: "change", amount: kpi.actual.minus(kpi.target.times(TWO.minus(needed))) };
  }
  return { kind: "change", amount: kpi.target.times(needed).minus(kpi.actual) };
}

/** Digits a need is first rounded to (half up), so a spreadsheet's 32.999999999999996 is not rounded up to 33.000001. */
export const NEED_NOISE_DECIMALS = 6;

/**
 * A need rounded up to `decimals` (whole customers, cents): first to NEED_NOISE_DECIMALS half up, then up — the same
 * steps as the Coaching tab's `ROUNDUP(ROUND(x,6),d)`.
 */
export function roundUpNeed(amount: Decimal, decimals: number): Decimal {
  return amount.toDecimalPlaces(NEED_NOISE_DECIMALS, Dec.ROUND_HALF_UP).toDecimalPlaces(decimals, Dec.ROUND_UP); // away from zero, as ROUNDUP
}

/** The first curve x above the score (15-digit comparison), or null beyond the last point: the next payout step. */
export function nextCurvePoint(score: Decimal, xs: readonly Decimal[]): Decimal | null {
  return xs.find((x) => compare15(x, score) > 0) ?? null;
}

/** A KPI's target is met (docs/reference/coaching.md incentives): attainment ≥ 100 % at 15 digits, as Excel's `>=`. */
export function targetMet(attainment: Decimal | null): boolean {
  return attainment !== null && compare15(attainment, ONE) >= 0;
}
