/** Test helpers for the engine: a seeded PRNG (mulberry32) and Decimal shorthands. */
import type Decimal from "decimal.js";
import {
  dec,
  isEngineError,
  type EngineError,
  type ErrorCode,
  type Tier,
  type CurvePoint,
} from "../../src/engine/index";

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A random number with `decimals` decimals in [lo, hi). */
export function randomFixed(rnd: () => number, lo: number, hi: number, decimals: number): number {
  return Number((lo + rnd() * (hi - lo)).toFixed(decimals));
}

export const D = (x: number | string): Decimal => dec(x);

export function tiersOf(rows: readonly (readonly [number, number])[]): Tier[] {
  return rows.map(([lower, rate]) => ({ lower: dec(lower), rate: dec(rate) }));
}

export function curveOf(rows: readonly (readonly [number, number])[]): CurvePoint[] {
  return rows.map(([x, y]) => ({ x: dec(x), y: dec(y) }));
}

/** The exact result as a string, or the error code when it is an EngineError. */
export function str(x: Decimal | EngineError): string {
  return isEngineError(x) ? `#${x.code}` : x.toString();
}

/** Asserts an EngineError with this code, argument and message key (and params when given). */
export function expectEngineError(
  x: unknown,
  code: ErrorCode,
  arg: string,
  messageKey: string,
  params?: Record<string, string | number>,
): void {
  expect(isEngineError(x)).toBe(true);
  const e = x as EngineError;
  expect({ code: e.code, arg: e.arg, messageKey: e.messageKey }).toEqual({ code, arg, messageKey });
  if (params) expect(e.params).toEqual(params);
}
