/**
 * What a rep is paid for a period (docs/reference/payouts.md): the bonus the period earned, plus the differences found
 * in earlier closed periods as the plan's adjustment policy carries them (a clawback capped per period, the rest kept as
 * a balance), plus a draw's top-up, less a recoverable draw recovered from the payout above the draw.
 *
 *   adjustments = carried − clawback balance before, when ≥ 0; else −min(what is owed, clawback cap)
 *   draw top-up = max(draw − earned, 0)
 *   recovered   = min(max(earned − draw, 0), draw balance before, recovery cap)   (recoverable draws)
 *   payable     = earned + adjustments + draw top-up − recovered
 *
 * Every input is money already rounded to the currency's decimals, so the results are exact sums and differences of
 * rounded amounts and need no rounding of their own; only a prorated draw is rounded (`proratedDraw`).
 */
import type Decimal from "decimal.js";
import { roundMoney, ZERO } from "./decimal";

/** How differences found in closed periods reach this period's payout. */
export type AdjustmentPolicy = "carry" | "increases" | "report";

export interface DrawRule {
  /** This rep's draw for the period (prorated when the rep was not there all period). */
  amount: Decimal;
  /** Recoverable: the top-up becomes a balance recovered from later payouts above the draw. */
  recoverable: boolean;
}

export interface PayoutRules {
  policy: AdjustmentPolicy;
  /** The most clawed back in one period (a positive amount); null = no cap. */
  clawbackCap: Decimal | null;
  /** This rep's draw; null = none this period. */
  draw: DrawRule | null;
  /** The most recovered of a draw balance in one period; null = no cap. */
  recoveryCap: Decimal | null;
}

/** Balances after the rep's latest closed period (both positive amounts the rep owes, 0 when none). */
export interface PayoutBalances {
  drawBalance: Decimal;
  clawbackBalance: Decimal;
}

export interface Payout {
  /** The part of the differences the policy carries: all (carry), the increases (increases) or none (report). */
  carried: Decimal;
  /** Added to this payout for earlier periods (+ paid more, − clawed back), after the clawback cap. */
  adjustments: Decimal;
  /** Clawback still owed after this period: what the cap held back. */
  clawbackBalance: Decimal;
  drawTopUp: Decimal;
  drawRecovered: Decimal;
  payable: Decimal;
  /** Recoverable draw still owed after this period. */
  drawBalance: Decimal;
}

const max0 = (x: Decimal): Decimal => (x.isNegative() ? ZERO : x);
const minOf = (a: Decimal, b: Decimal | null): Decimal => (b !== null && b.lt(a) ? b : a);

/** The part of the differences (recomputed − paid, one per closed period) the policy carries into this payout. */
export function carriedDifference(policy: AdjustmentPolicy, differences: readonly Decimal[]): Decimal {
  if (policy === "report") return ZERO;
  let sum = ZERO;
  for (const d of differences) if (policy === "carry" || d.isPositive()) sum = sum.plus(d);
  return sum;
}

/**
 * One rep's payout for the period. `earned` is the period's rounded bonus; `differences` the recomputed − paid amounts
 * of earlier closed periods; `before` the balances the rep's latest closed period left. A clawback balance is collected
 * whatever the policy is now: it was owed when it arose. A draw balance is recovered while the draw is recoverable, or
 * when the rep no longer has a draw (then from the whole payout).
 */
export function payout(
  earned: Decimal,
  differences: readonly Decimal[],
  before: PayoutBalances,
  rules: PayoutRules,
): Payout {
  const carried = carriedDifference(rules.policy, differences);
  const due = carried.minus(before.clawbackBalance);
  let adjustments = due;
  let clawbackBalance = ZERO;
  if (due.isNegative()) {
    const owed = due.negated();
    const taken = minOf(owed, rules.clawbackCap);
    adjustments = taken.negated();
    clawbackBalance = owed.minus(taken);
  }

  const draw = rules.draw;
  const drawAmount = draw ? draw.amount : ZERO;
  const drawTopUp = draw ? max0(drawAmount.minus(earned)) : ZERO;
  const recovering = draw ? draw.recoverable : true;
  const drawRecovered = recovering
    ? minOf(minOf(max0(earned.minus(drawAmount)), before.drawBalance), rules.recoveryCap)
    : ZERO;
  const drawBalance = before.drawBalance.minus(drawRecovered).plus(draw?.recoverable ? drawTopUp : ZERO);
  return {
    carried,
    adjustments: adjustments.isZero() ? ZERO : adjustments,
    clawbackBalance,
    drawTopUp,
    drawRecovered,
    payable: earned.plus(adjustments).plus(drawTopUp).minus(drawRecovered),
    drawBalance,
  };
}

/** A draw for part of a period: amount × proration factor, rounded to the currency's decimals (half away from zero). */
export function proratedDraw(amount: Decimal, factor: Decimal, decimals: number): Decimal {
  return roundMoney(amount.times(factor), decimals);
}
