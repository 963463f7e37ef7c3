/**
 * BONUS (docs/reference/functions.md) and the report's score-driven bonus (docs/reference/plan.md):
 * 1. a = ATTAINMENT(actual, target) — or the rep's score;
 * 2. a < threshold (15-digit comparison, docs/reference/numbers.md) → factor 0;
 * 3. factor = PAYCURVE(a, curve) when a curve is given, else a;
 * 4. factor = min(factor, cap) when a cap is given, then max(factor, 0);
 * 5. payout = target_bonus × factor, rounded once to the currency decimals, half away from zero.
 */
import type Decimal from "decimal.js";
import { attainment } from "./attainment";
import { curveAt, validateCurve, type CurvePoint } from "./curve";
import { compare15, roundMoney, ZERO } from "./decimal";
import { engineError, isEngineError, type EngineError } from "./types";

export interface BonusOptions {
  curve?: readonly CurvePoint[] | null;
  /** Default 0: a negative attainment pays nothing even where the curve starts above 0. */
  threshold?: Decimal | null;
  cap?: Decimal | null;
  /** Currency decimals of the payout (default 2). */
  decimals?: number;
}

/** Steps 2–4 for a valid curve and cap. */
export function payoutFactor(driver: Decimal, opts: BonusOptions): Decimal {
  if (compare15(driver, opts.threshold ?? ZERO) < 0) return ZERO;
  let f = opts.curve && opts.curve.length > 0 ? curveAt(driver, opts.curve) : driver;
  if (opts.cap != null && f.gt(opts.cap)) f = opts.cap;
  return f.isNegative() ? ZERO : f;
}

/** The options' own errors: a curve whose x values do not increase, a negative cap. */
export function validateBonusOptions(opts: BonusOptions): EngineError | null {
  if (opts.curve && opts.curve.length > 0) {
    const bad = validateCurve(opts.curve);
    if (bad) return bad;
  }
  if (opts.cap != null && opts.cap.isNegative()) return engineError("VALUE", "cap", "mustNotBeNegative");
  return null;
}

export function bonus(
  actual: Decimal,
  target: Decimal,
  targetBonus: Decimal,
  opts: BonusOptions = {},
): Decimal | EngineError {
  const a = attainment(actual, target);
  if (isEngineError(a)) return a;
  if (targetBonus.isNegative()) return engineError("VALUE", "target_bonus", "mustNotBeNegative");
  const bad = validateBonusOptions(opts);
  if (bad) return bad;
  return roundMoney(targetBonus.times(payoutFactor(a, opts)), opts.decimals ?? 2);
}

/** docs/reference/plan.md: the bonus driven by the rep's score in place of the attainment. */
export function bonusFromScore(
  score: Decimal,
  targetBonus: Decimal,
  opts: BonusOptions,
): { factor: Decimal; payout: Decimal } {
  const factor = payoutFactor(score, opts);
  return { factor, payout: roundMoney(targetBonus.times(factor), opts.decimals ?? 2) };
}
