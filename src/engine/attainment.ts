/**
 * ATTAINMENT (docs/reference/functions.md): how far a target is met. Not rounded (docs/reference/numbers.md).
 * - higher is better: actual / target; negative actuals (net returns) give negative attainment.
 * - lower is better (churn, DSO, cost): max(0, (2·target − actual) / target).
 * - target = 0 → #DIV/0!; target < 0 → #VALUE! "target must be positive".
 */
import type Decimal from "decimal.js";
import { ZERO } from "./decimal";
import { engineError, type EngineError } from "./types";

export function checkTarget(target: Decimal): EngineError | null {
  if (target.isZero()) return engineError("DIV0", "target", "targetIsZero");
  if (target.isNegative()) return engineError("VALUE", "target", "targetMustBePositive");
  return null;
}

export function attainment(actual: Decimal, target: Decimal, lowerIsBetter = false): Decimal | EngineError {
  const bad = checkTarget(target);
  if (bad) return bad;
  if (!lowerIsBetter) return actual.div(target);
  const a = target.times(2).minus(actual).div(target);
  return a.isNegative() ? ZERO : a;
}
