/**
 * Exact sum of Excel doubles, each read through its shortest decimal string (SPEC §1), for the
 * reconciliation block of SPEC §3.2. Never a float sum of money.
 *
 * Fast path, provably exact: for |x| < 1e9 the double spacing is below 1.2e-7, so at most one
 * decimal with ≤ 6 places rounds to x; if s = round(x·10⁶) satisfies s / 10⁶ === x, that decimal
 * (s·10⁻⁶) is the shortest round-trip string of x, i.e. String(x). We then add the integer part
 * and the millionths to two doubles that stay integers far below 2⁵³ (flushed every 2²⁰ adds).
 * Anything else (more places, huge magnitudes) goes through decimal.js.
 */
import type Decimal from "decimal.js";
import { Dec } from "./parse";

const SCALE = 1e6;
const FAST_LIMIT = 1e9;
const FLUSH_EVERY = 1 << 20;

export class ExactSum {
  private units = 0; // sum of integer parts, |·| < 2^20 · 1e9 < 2^53
  private micros = 0; // sum of millionths, |·| < 2^20 · 1e6
  private adds = 0;
  private big: Decimal = new Dec(0);

  add(x: number): void {
    if (Number.isInteger(x) && x < FAST_LIMIT && x > -FAST_LIMIT) {
      this.units += x;
    } else {
      const s = Math.round(x * SCALE);
      if (x < FAST_LIMIT && x > -FAST_LIMIT && s / SCALE === x) {
        const whole = Math.trunc(x);
        this.units += whole;
        this.micros += s - whole * SCALE;
      } else {
        this.big = this.big.plus(new Dec(String(x)));
      }
    }
    if (++this.adds === FLUSH_EVERY) this.flush();
  }

  private flush(): void {
    if (this.units !== 0 || this.micros !== 0) {
      this.big = this.big.plus(new Dec(this.units)).plus(new Dec(this.micros).div(SCALE));
      this.units = 0;
      this.micros = 0;
    }
    this.adds = 0;
  }

  toDecimal(): Decimal {
    this.flush();
    return this.big;
  }

  /** Plain decimal notation, no exponent, "0" rather than "-0". */
  toString(): string {
    return decimalString(this.toDecimal());
  }
}

export function decimalString(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}
