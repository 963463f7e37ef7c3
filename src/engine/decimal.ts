/**
 * Exact numbers for the engine (docs/reference/numbers.md).
 * - `Dec`: decimal.js with 40 significant digits and ROUND_HALF_UP (half away from zero).
 * - Excel doubles are read through their shortest decimal string, so 0.1 is 0.1.
 * - Payouts are rounded once, at the end (`roundMoney`); attainments, factors and scores never.
 * - Comparisons follow Excel's 15 significant digits (`compare15`): 0.1 + 0.2 ties with 0.3.
 * - `sumExact` and `scaledDigits` are the scaled-integer fast paths: exact, no Decimal per value.
 */
import Decimal from "decimal.js";

/** The engine's decimal.js: never the global constructor. */
export const Dec: typeof Decimal = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP }) as typeof Decimal;

/** A Decimal from a double (via its shortest decimal string), a decimal string or another Decimal. */
export function dec(x: number | string | Decimal): Decimal {
  return typeof x === "number" ? new Dec(String(x)) : new Dec(x);
}

export const ZERO: Decimal = new Dec(0);

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
 * Exact running sum of doubles, each read through its shortest decimal string (docs/reference/numbers.md). The running
 * total is (big + acc)·10⁻ᵏ: values that are m·10⁻ᵏ (|m| < 10^15, see `scaleFrom`) add m to the
 * safe integer acc — one multiply, round and divide each — which moves into the BigInt before it
 * could lose a unit; a value with more decimals raises k for the rest. Values with more than 15
 * digits go through decimal.js. No Decimal per value: the aggregation's and ingest's sums.
 */
export class ExactSum {
  private k = 0;
  private p = 1;
  // Starts as −0, a heap number, so V8 gives the field a double representation from the start: a Smi
  // field that later outgrows 2^31 deprecates the object's map, and a hot loop adding to many sums
  // then keeps aborting its optimisation (cold runs 3× slower).
  private acc = -0;
  private big = BigInt(0);
  private rest: Decimal | null = null;

  add(x: number): void {
    const y = x * this.p;
    if (y > -SCALED_LIMIT && y < SCALED_LIMIT) {
      const m = roundInt(y);
      if (m / this.p === x) {
        const acc = this.acc + m;
        if (acc > FLUSH_LIMIT || acc < -FLUSH_LIMIT) {
          this.big += BigInt(acc);
          this.acc = -0;
        } else {
          this.acc = acc;
        }
        return;
      }
    }
    this.addRescaled(x);
  }

  /** A value off the current scale: raise the scale for it, or add it through decimal.js. */
  private addRescaled(x: number): void {
    const kx = scaleFrom(x, 0);
    if (kx < 0) {
      this.rest = (this.rest ?? new Dec(0)).plus(dec(x));
      return;
    }
    const m = BigInt(roundInt(x * POW10[kx]));
    if (kx > this.k) {
      this.big = (this.big + BigInt(this.acc)) * BigInt(10) ** BigInt(kx - this.k) + m; // the total so far, rescaled, plus x
      this.acc = -0;
      this.k = kx;
      this.p = POW10[kx];
    } else {
      this.big += m * BigInt(10) ** BigInt(this.k - kx);
    }
  }

  /** The exact total. */
  value(): Decimal {
    const scaled = new Dec(`${this.big + BigInt(this.acc)}e-${this.k}`); // the constructor never rounds
    return this.rest ? scaled.plus(this.rest) : scaled;
  }
}

/** Exact sum of doubles (see `ExactSum`). A million cent amounts take a few milliseconds. */
export function sumExact(values: readonly number[]): Decimal {
  const s = new ExactSum();
  for (let i = 0; i < values.length; i++) s.add(values[i]);
  return s.value();
}
