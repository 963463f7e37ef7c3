/**
 * GROWTH (docs/reference/functions.md): (current − prior) / |prior|, so growth from a negative prior (a loss)
 * toward 0 or above is positive. prior = 0 → #N/A "no prior period value". Not rounded.
 */
import type Decimal from "decimal.js";
import { engineError, type EngineError } from "./types";

export function growth(current: Decimal, prior: Decimal): Decimal | EngineError {
  if (prior.isZero()) return engineError("NA", "prior", "noPriorValue");
  return current.minus(prior).div(prior.abs());
}
