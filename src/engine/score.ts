/**
 * SCORE (docs/reference/functions.md): Σ weight_k × clamp(attainment_k, 0, cap_k). Not rounded (docs/reference/numbers.md).
 * Weights are non-negative and add up to 100 % (± 1e-9), else #VALUE! "weights add up to
 * 90%, not 100%". Caps: one per attainment (null = no cap), one for all, or none.
 * Lists are flat here; the functions layer checks range shapes before flattening.
 */
import type Decimal from "decimal.js";
import { Dec, ZERO } from "./decimal";
import { engineError, type EngineError } from "./types";

const WEIGHT_TOLERANCE = new Dec("1e-9");

/** "90%", "99.99999%": the weights' sum as the user typed percentages. */
function percent(x: Decimal): string {
  return `${x.times(100).toSignificantDigits(12).toFixed()}%`;
}

export function validateWeights(weights: readonly Decimal[], arg = "weights"): EngineError | null {
  let sum = ZERO;
  for (let i = 0; i < weights.length; i++) {
    if (weights[i].isNegative()) return engineError("VALUE", arg, "itemMustNotBeNegative", { item: i + 1 });
    sum = sum.plus(weights[i]);
  }
  if (sum.minus(1).abs().gt(WEIGHT_TOLERANCE)) return engineError("VALUE", arg, "weightsNot100", { sum: percent(sum) });
  return null;
}

export function score(
  attainments: readonly Decimal[],
  weights: readonly Decimal[],
  caps?: readonly (Decimal | null)[] | Decimal | null,
): Decimal | EngineError {
  if (attainments.length === 0) return engineError("VALUE", "attainments", "rangeIsEmpty");
  if (weights.length !== attainments.length) {
    return engineError("VALUE", "weights", "shapeMismatch", { other: "attainments" });
  }
  const capList = Array.isArray(caps) ? (caps as readonly (Decimal | null)[]) : null;
  if (capList && capList.length !== attainments.length) return engineError("VALUE", "caps", "capsShape");
  const bad = validateWeights(weights);
  if (bad) return bad;
  const capAt = (i: number): Decimal | null => (capList ? capList[i] : ((caps as Decimal | null | undefined) ?? null));
  for (let i = 0; i < attainments.length; i++) {
    const cap = capAt(i);
    if (cap && cap.isNegative()) {
      return engineError("VALUE", "caps", capList ? "itemMustNotBeNegative" : "mustNotBeNegative", { item: i + 1 });
    }
  }
  return weightedSum(attainments, weights, capAt).total;
}

/** Σ weight × clamp(attainment, 0, cap) over the attainments that are not null, and the weights counted. */
function weightedSum(
  attainments: readonly (Decimal | null)[],
  weights: readonly Decimal[],
  capAt: (i: number) => Decimal | null,
): { total: Decimal; weight: Decimal } {
  let total = ZERO;
  let weight = ZERO;
  for (let i = 0; i < attainments.length; i++) {
    const att = attainments[i];
    if (att === null) continue;
    const cap = capAt(i);
    let a = att.isNegative() ? ZERO : att;
    if (cap && a.gt(cap)) a = cap;
    total = total.plus(weights[i].times(a));
    weight = weight.plus(weights[i]);
  }
  return { total, weight };
}

/**
 * A scorecard's score (docs/reference/plan.md): SCORE over the KPIs that count for a rep (attainment not null),
 * their weights scaled back to 100 %: Σ w × clamp(a) ÷ Σ w, divided once so no rounding creeps in per KPI.
 * `weight` is the weight counted; a score over no weight is 0. Weights and caps were validated by the plan.
 */
export function rescaledScore(
  attainments: readonly (Decimal | null)[],
  weights: readonly Decimal[],
  caps: readonly (Decimal | null)[],
): { score: Decimal; weight: Decimal } {
  const { total, weight } = weightedSum(attainments, weights, (i) => caps[i]);
  return { score: weight.isZero() ? ZERO : total.div(weight), weight };
}
