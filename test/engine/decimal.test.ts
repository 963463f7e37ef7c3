import Decimal from "decimal.js";
import { compare15, dec, Dec, key15, roundMoney, scaledDigits, scaleFrom, sumExact } from "../../src/engine/index";
import { prng, randomFixed } from "./helpers";

describe("dec reads doubles through their shortest decimal string", () => {
  it.each([
    [0.1, "0.1"],
    [0.1 + 0.2, "0.30000000000000004"],
    [1.005, "1.005"],
    [-2.345, "-2.345"],
    [1e21, "1e+21"],
  ])("%p is %s", (x, s) => {
    expect(dec(x).toString()).toBe(s);
  });

  it("uses 40 significant digits, rounding half away from zero", () => {
    expect(dec(2).div(3).toString()).toBe("0.6666666666666666666666666666666666666667");
    expect(Dec.precision).toBe(40);
    expect(Dec.rounding).toBe(Decimal.ROUND_HALF_UP);
  });
});

describe("roundMoney rounds half away from zero", () => {
  it.each([
    ["2.345", 2, "2.35"],
    ["-2.345", 2, "-2.35"],
    ["2.344999", 2, "2.34"],
    ["1.005", 2, "1.01"],
    ["-0.005", 2, "-0.01"],
    ["12.5", 0, "13"],
    ["-12.5", 0, "-13"],
    ["0.125", 2, "0.13"],
  ])("%s to %i decimals is %s", (x, decimals, want) => {
    expect(roundMoney(dec(x), decimals).toString()).toBe(want);
  });

  it("rounds the double 2.345 (stored as 2.34499…) as the decimal 2.345", () => {
    expect(roundMoney(dec(2.345), 2).toString()).toBe("2.35");
  });
});

describe("compare15 compares to 15 significant digits, as Excel does", () => {
  it("0.1 + 0.2 ties with 0.3, as numbers, Decimals or both", () => {
    expect(compare15(0.1 + 0.2, 0.3)).toBe(0);
    expect(compare15(dec(0.1 + 0.2), dec(0.3))).toBe(0);
    expect(compare15(0.1 + 0.2, dec(0.3))).toBe(0);
  });

  it("tells apart values that differ in the 15th digit", () => {
    expect(compare15(1.00000000000001, 1)).toBe(1);
    expect(compare15(1, 1.00000000000001)).toBe(-1);
    expect(compare15(-0, 0)).toBe(0);
  });

  it("agrees between numbers and Decimals on random 16–17 digit values", () => {
    const rnd = prng(15);
    for (let i = 0; i < 5000; i++) {
      const a = (rnd() - 0.5) * 10 ** Math.floor(rnd() * 12);
      const b = rnd() < 0.5 ? a + a * 1e-16 * Math.floor(rnd() * 200) : (rnd() - 0.5) * 1e3;
      expect(compare15(a, b)).toBe(compare15(dec(a), dec(b)));
      expect(key15(a)).toBe(Number(dec(a).toSignificantDigits(15, Decimal.ROUND_HALF_UP).toString()));
    }
  });
});

describe("scaledDigits finds the decimals of the shortest decimal string", () => {
  it.each([
    [0, 0],
    [220000, 0],
    [0.04, 2],
    [5999.96, 2],
    [-1.005, 3],
    [0.1 + 0.2, -1], // 17 digits
    [1e15, -1],
    [Number.NaN, -1],
    [Infinity, -1],
  ])("%p → %i", (x, k) => {
    expect(scaledDigits(x)).toBe(k);
  });

  it("matches String(x) on random doubles of every size", () => {
    const rnd = prng(7);
    for (let i = 0; i < 20000; i++) {
      const x = randomFixed(rnd, -1e6, 1e6, Math.floor(rnd() * 12)) * 10 ** (Math.floor(rnd() * 10) - 5);
      const k = scaledDigits(x);
      const d = dec(x);
      const digits = d.decimalPlaces();
      const m = d.times(new Dec(10).pow(digits)).abs();
      if (m.lt(1e15)) expect(k).toBe(digits);
      else expect(k).toBe(-1);
      // any larger passing scale gives the same decimal
      const k2 = scaleFrom(x, Math.max(k, 0) + 2);
      if (k >= 0 && k2 >= 0) expect(Math.round(x * 10 ** k2) / 10 ** k2).toBe(x);
    }
  });
});

describe("sumExact", () => {
  const reference = (xs: number[]) => xs.reduce((s, x) => s.plus(dec(x)), new Dec(0));

  it("adds 0.1 + 0.2 as 0.3", () => {
    expect(sumExact([0.1, 0.2]).toString()).toBe("0.3");
    expect(sumExact([]).toString()).toBe("0");
  });

  it("equals a decimal.js sum on random mixed inputs, including values off the fast path", () => {
    const rnd = prng(42);
    for (let trial = 0; trial < 200; trial++) {
      const xs = Array.from({ length: 1 + Math.floor(rnd() * 200) }, () => {
        const r = rnd();
        if (r < 0.6) return randomFixed(rnd, -1e6, 1e6, 2);
        if (r < 0.8) return randomFixed(rnd, -10, 10, Math.floor(rnd() * 9));
        if (r < 0.9) return rnd() * 1e14; // 16–17 digits: decimal fallback
        return (rnd() - 0.5) * 1e20;
      });
      expect(sumExact(xs).toString()).toBe(reference(xs).toString());
    }
  });

  it("stays exact past 2^53 in scaled units", () => {
    const xs = Array.from({ length: 1000 }, () => 999999999999.99);
    expect(sumExact(xs).toString()).toBe("999999999999990");
  });

  // Its speed is measured by `npm run bench` (engine_1m_ms), not here: a busy machine slows a timed test, not the code.
  it("sums a million cent values exactly", () => {
    const rnd = prng(1);
    const xs = Array.from({ length: 1_000_000 }, () => Math.round(rnd() * 1e8) / 100);
    expect(sumExact(xs).toString()).toBe(reference(xs).toString());
  });
});
