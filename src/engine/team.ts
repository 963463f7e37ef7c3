/**
 * Team KPIs (docs/reference/coaching.md): a KPI scored on the team's total. The team's attainment is
 * ATTAINMENT(Σ actuals, Σ targets) over the members for whom the KPI counts (own actual and target), so every member
 * shares it. Exact decimals; not rounded (docs/reference/numbers.md).
 */
import type Decimal from "decimal.js";
import { attainment } from "./attainment";
import { ZERO } from "./decimal";
import { isEngineError } from "./types";

export interface TeamTotal {
  actual: Decimal;
  target: Decimal;
  attainment: Decimal;
}

/** Σ actuals, Σ targets and their attainment; null when no member counts or the targets add up to 0 or less. */
export function teamTotal(
  members: readonly { actual: Decimal; target: Decimal }[],
  lowerIsBetter: boolean,
): TeamTotal | null {
  if (members.length === 0) return null;
  let actual = ZERO;
  let target = ZERO;
  for (const m of members) {
    actual = actual.plus(m.actual);
    target = target.plus(m.target);
  }
  const a = attainment(actual, target, lowerIsBetter);
  return isEngineError(a) ? null : { actual, target, attainment: a };
}
