/**
 * PAYCURVE (docs/reference/functions.md): a payout curve through points (x, y) with strictly increasing x,
 * linearly interpolated; flat before the first point and after the last. Not rounded (docs/reference/numbers.md).
 * x values must increase when compared to 15 significant digits, like tier bounds.
 */
import type Decimal from "decimal.js";
import { compare15 } from "./decimal";
import { engineError, type EngineError } from "./types";

export interface CurvePoint {
  x: Decimal;
  y: Decimal;
}

export function validateCurve(points: readonly CurvePoint[], arg = "curve"): EngineError | null {
  if (points.length === 0) return engineError("VALUE", arg, "rangeIsEmpty");
  for (let i = 1; i < points.length; i++) {
    if (compare15(points[i].x, points[i - 1].x) <= 0) {
      return engineError("VALUE", arg, "curveMustIncrease", { row: i + 1 });
    }
  }
  return null;
}

/** The curve at x, for a curve already validated. Continuous, so exact comparisons pick the segment. */
export function curveAt(x: Decimal, curve: readonly CurvePoint[]): Decimal {
  const last = curve.length - 1;
  if (x.lte(curve[0].x)) return curve[0].y;
  if (x.gte(curve[last].x)) return curve[last].y;
  let i = 0;
  while (x.gte(curve[i + 1].x)) i++;
  const p = curve[i];
  const q = curve[i + 1];
  // y_i + (x − x_i)·(y_i+1 − y_i) / (x_i+1 − x_i): multiply before dividing, so only the
  // division and the last addition can round (at 40 digits).
  return x.minus(p.x).times(q.y.minus(p.y)).div(q.x.minus(p.x)).plus(p.y);
}

export function paycurve(x: Decimal, curve: readonly CurvePoint[]): Decimal | EngineError {
  return validateCurve(curve) ?? curveAt(x, curve);
}
