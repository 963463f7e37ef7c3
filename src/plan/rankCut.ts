/**
 * Top N and Bottom N as a count or a share of the team (docs/reference/plan.md ranking): 5 means five reps, a value
 * strictly between 0 and 1 (typed 20 %) means that share of the scored reps, rounded down to whole reps and at least
 * one. The same rule is written as a formula on the generated tabs (rankCutFormula), so an edited Plan cell moves the
 * cut there too.
 */
import Decimal from "decimal.js";
import { dec } from "../engine/index";

/** Digits the share × reps product is rounded to before rounding down: 33.3333333 % of 6 reps is 2, not 1. */
const SHARE_DIGITS = 6;

/** Whether a Top/Bottom setting is a share of the team (0 < value < 1) rather than a count. */
export function isRankShare(cut: number): boolean {
  return cut > 0 && cut < 1;
}

/** Whether a Top/Bottom setting is valid: a whole number of reps ≥ 0, or a share strictly between 0 % and 100 %. */
export function isValidRankCut(cut: number): boolean {
  return Number.isFinite(cut) && ((Number.isInteger(cut) && cut >= 0) || isRankShare(cut));
}

/** How many reps a Top/Bottom setting marks among `reps` scored reps. */
export function rankCutCount(cut: number, reps: number): number {
  if (!isRankShare(cut)) return cut;
  const product = dec(cut).times(reps).toDecimalPlaces(SHARE_DIGITS, Decimal.ROUND_HALF_UP);
  return Math.max(1, product.floor().toNumber());
}

/** The same as a native formula: `cell` the Plan's setting, `reps` an expression counting the scored reps. */
export function rankCutFormula(cell: string, reps: string): string {
  return `IF(${cell}<1,IF(${cell}>0,MAX(1,INT(ROUND(${cell}*${reps},${SHARE_DIGITS}))),0),${cell})`;
}
