/**
 * Exact numbers for the engine (SPEC §1).
 * - `Dec`: decimal.js with 40 significant digits and ROUND_HALF_UP (half away from zero).
 * - Excel doubles are read through their shortest decimal string, so 0.1 is 0.1.
 * - Payouts are rounded once, at the end (`roundMoney`); attainments, factors and scores never.
 * - Comparisons follow Excel's 15 significant digits (`compare15`): 0.1 + 0.2 ties with 0.3.
 * - `sumExact` and `scaledDigits` are the scaled-integer fast paths: exact, no Decimal per value.
 */
import Decimal from "decimal.js";

/** The engine's decimal.js: never the global constructor (STYLE §2). */
export const Dec: typeof Decimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP }) as typeof Decimal;

/** A Decimal from a double (via its shortest decimal string), a decimal string or another Decimal. */
export function dec(x: number | string | Decimal): Decimal {
  return typeof x === "number" ? new Dec(String(x)) : new Dec(x);
}

export const ZERO: Decimal = new Dec(0);
export const ONE: Decimal = new Dec(1);

/** A payout rounded to the currency's decimals, half away from zero: 2.345 → 2.35, −2.345 → −2.35. */
export function roundMoney(x: Decimal, decimals: number): Decimal {
  return new Dec(x).toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
}

/**
 * A double's value rounded to 15 significant digits, as a double: the key Excel compares by.
 * When a ≤ 15-digit decimal already round-trips, the double is its own key; otherwise the
 * shortest decimal string (16–17 digits) is rounded half away from zero, as `Dec` would.
 */
export function key15(x: number): number {
  if (x === 0 || !Number.isFinite(x)) return x === 0 ? 0 : x; // −0 ties with 0
  if (Number(x.toPrecision(15)) === x) return x;
  return Number(new Dec(String(x)).toSignificantDigits(15, Decimal.ROUND_HALF_UP).toString());
}

/** Excel's comparison: both sides rounded to 15 significant digits. */
export function compare15(a: number | Decimal, b: number | Decimal): -1 | 0 | 1 {
  if (typeof a === "number" && typeof b === "number") {
    const ka = key15(a);
    const kb = key15(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }
  const da = (typeof a === "number" ? dec(a) : a).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  const db = (typeof b === "number" ? dec(b) : b).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
  return da.cmp(db) as -1 | 0 | 1;
}

/** 10^k for k = 0…22: every one is an exact double, so x / POW10[k] is correctly rounded. */
export const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

const ROUNDER = 1.5 * 2 ** 52;

/**
 * The integer nearest y, for |y| < 2^51 (ties to even): adding 1.5·2^52 leaves no bits for a
 * fraction. Same as Math.round wherever the fast paths use it (never on a tie), without a call
 * into Math, which some embedders make slow (jest's vm contexts: ~100×).
 */
export function roundInt(y: number): number {
  return y + ROUNDER - ROUNDER;
}

/** Scaled integers stay below 10^15: at most 15 digits, so integer order is Excel's order too. */
export const SCALED_LIMIT = 1e15;

/**
 * The least k ≥ `from` at which x is m·10⁻ᵏ with |m| < 10^15 and m·10⁻ᵏ is x's shortest decimal
 * string; −1 when x·10^k reaches 10^15 first (or x is not finite). Then m = roundInt(x · 10^k).
 *
 * Why: below the bound the doubles near x are closer together than 10⁻ᵏ (ulp(x) ≤ |x|·2⁻⁵² <
 * 10^15·2⁻⁵²·10⁻ᵏ < 10⁻ᵏ/4), so at most one multiple of 10⁻ᵏ rounds to x, and x·10^k is within
 * 1/4 + 1/16 of it, so rounding finds it; `m / 10^k === x` (a correctly rounded division)
 * checks that it rounds to x. The shortest decimal s has no more digits than m·10⁻ᵏ (≤ 15), so at
 * the scale K = max(k, decimals of s) both are multiples of 10⁻ᴷ below the bound rounding to x:
 * the same number. So any passing k gives the shortest decimal, as String(x) prints it.
 */
export function scaleFrom(x: number, from: number): number {
  for (let k = from; k <= 22; k++) {
    const y = x * POW10[k];
    if (!(y > -SCALED_LIMIT && y < SCALED_LIMIT)) return -1; // also rejects NaN and ±Infinity
    if (roundInt(y) / POW10[k] === x) return k;
  }
  return -1;
}

/** The number of decimals of x's shortest decimal string when it is m·10⁻ᵏ with |m| < 10^15; else −1. */
export function scaledDigits(x: number): number {
  return scaleFrom(x, 0);
}

const FLUSH_LIMIT = 2 ** 52; // a running sum below 2^52 plus one term below 10^15 stays a safe integer

/**
 * Exact sum of doubles, each read through its shortest decimal string (SPEC §1). The running
 * total is (big + acc)·10⁻ᵏ: values that are m·10⁻ᵏ (|m| < 10^15, see `scaleFrom`) add m to the
 * safe integer acc — one multiply, round and divide each — which moves into the BigInt before it
 * could lose a unit; a value with more decimals raises k for the rest. Values with more than 15
 * digits go through decimal.js. A million cent amounts take a few milliseconds.
 */
export function sumExact(values: readonly number[]): Decimal {
  let k = 0;
  let p = 1;
  let acc = 0;
  let big = BigInt(0);
  let rest: Decimal | null = null;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    const y = x * p;
    if (y > -SCALED_LIMIT && y < SCALED_LIMIT) {
      const m = roundInt(y);
      if (m / p === x) {
        acc += m;
        if (acc > FLUSH_LIMIT || acc < -FLUSH_LIMIT) {
          big += BigInt(acc);
          acc = 0;
        }
        continue;
      }
    }
    const kx = scaleFrom(x, 0);
    if (kx < 0) {
      rest = (rest ?? new Dec(0)).plus(dec(x));
      continue;
    }
    const m = BigInt(roundInt(x * POW10[kx]));
    if (kx > k) {
      big = (big + BigInt(acc)) * BigInt(10) ** BigInt(kx - k) + m; // the total so far, rescaled, plus x
      acc = 0;
      k = kx;
      p = POW10[k];
    } else {
      big += m * BigInt(10) ** BigInt(k - kx);
    }
  }
  const scaled = new Dec(`${big + BigInt(acc)}e-${k}`); // the constructor never rounds
  return rest ? scaled.plus(rest) : scaled;
}
