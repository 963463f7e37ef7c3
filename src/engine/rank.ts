/**
 * RANK (docs/reference/functions.md) with an explicit tie policy; values tie when equal to 15 significant digits,
 * as Excel compares (docs/reference/numbers.md: 0.1 + 0.2 ties with 0.3).
 * - order 0: highest first; 1: lowest first.
 * - "competition" (RANK.EQ): 1 + how many are better — 1,2,2,4.
 * - "dense": 1 + how many distinct values are better — 1,2,2,3.
 * - "average" (RANK.AVG): the mean of the positions the tied values share — 1,2.5,2.5,4.
 */
import { key15 } from "./decimal";
import { engineError, type EngineError, type RankMethod, type RankOrder } from "./types";

const METHODS: readonly RankMethod[] = ["competition", "dense", "average"];

export function rank(
  value: number,
  values: readonly number[],
  order: RankOrder = 0,
  method: RankMethod = "competition",
): number | EngineError {
  if (!METHODS.includes(method)) return engineError("VALUE", "method", "rankMethodInvalid");
  const v = key15(value);
  const sign = order === 0 ? 1 : -1;
  let better = 0;
  let ties = 0;
  const betterKeys = new Set<number>();
  for (const x of values) {
    const k = key15(x);
    if (k === v) ties++;
    else if ((k - v) * sign > 0) {
      better++;
      if (method === "dense") betterKeys.add(k);
    }
  }
  if (ties === 0) return engineError("NA", "value", "valueNotInValues");
  if (method === "dense") return betterKeys.size + 1;
  if (method === "average") return better + (ties + 1) / 2;
  return better + 1;
}
