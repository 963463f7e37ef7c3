import {
  bonus,
  bonusNumber,
  dec,
  isEngineError,
  tiered,
  tieredNumber,
  type BonusOptions,
  type TierMode,
} from "../../src/engine/index";
import { curveOf, prng, randomFixed, tiersOf } from "./helpers";

type Rows = [number, number][];

/** The exact path's answer as Excel receives it. */
function exactTiered(amount: number, rows: Rows, mode: TierMode): number | undefined {
  const r = tiered(dec(amount), tiersOf(rows), mode);
  return isEngineError(r) ? undefined : Number(r.toString());
}

function exactBonus(
  actual: number,
  target: number,
  tb: number,
  curve: Rows | null,
  threshold: number,
  cap: number | null,
) {
  const opts: BonusOptions = {
    curve: curve ? curveOf(curve) : null,
    threshold: dec(threshold),
    cap: cap === null ? null : dec(cap),
  };
  const r = bonus(dec(actual), dec(target), dec(tb), opts);
  return isEngineError(r) ? undefined : Number(r.toString());
}

function randomTable(rnd: () => number, lowerDecimals: number, rateDecimals: number, scale: number): Rows {
  const n = 1 + Math.floor(rnd() * 5);
  let lower = randomFixed(rnd, -scale / 10, scale / 2, lowerDecimals);
  const rows: Rows = [];
  for (let i = 0; i < n; i++) {
    rows.push([lower, randomFixed(rnd, -0.5, 2.5, rateDecimals)]);
    lower = Number((lower + randomFixed(rnd, 10 ** -lowerDecimals, scale, lowerDecimals)).toFixed(lowerDecimals));
  }
  return rows;
}

describe("tieredNumber: the scaled-integer fast path equals decimal.js", () => {
  it("on the reference table", () => {
    const rows: Rows = [
      [0, 0.04],
      [150000, 0.08],
      [250000, 0.12],
    ];
    expect([220000, 150000, 149999, 300000].map((a) => tieredNumber(a, rows, "marginal"))).toEqual([
      11600, 6000, 5999.96, 20000,
    ]);
    expect([220000, 150000, 149999, 300000].map((a) => tieredNumber(a, rows, "retroactive"))).toEqual([
      17600, 12000, 5999.96, 36000,
    ]);
  });

  it.each([
    ["cents and percent rates", 2, 0, 2, 1e6, 0.99],
    ["fractions (accelerators)", 4, 4, 3, 3, 0.99],
    ["many decimals", 7, 5, 6, 100, 0.5],
    ["large amounts (mostly past 2^53: exact path)", 2, 0, 4, 1e11, 0],
  ])("on random inputs: %s", (_name, amountDecimals, lowerDecimals, rateDecimals, scale, minFast) => {
    const rnd = prng(amountDecimals * 100 + rateDecimals);
    let fast = 0;
    const total = 5000;
    for (let i = 0; i < total; i++) {
      const rows = randomTable(rnd, lowerDecimals, rateDecimals, scale);
      const amount = randomFixed(rnd, -scale / 5, scale * 3, amountDecimals);
      const mode: TierMode = rnd() < 0.5 ? "marginal" : "retroactive";
      const got = tieredNumber(amount, rows, mode);
      if (got === undefined) continue;
      fast++;
      expect([amount, rows, mode, got]).toEqual([amount, rows, mode, exactTiered(amount, rows, mode)]);
    }
    expect(fast / total).toBeGreaterThanOrEqual(minFast); // the fast path is the usual one
  });

  it("compares the cached table by value: the same array changed in place is a new table", () => {
    const rows: Rows = [
      [0, 0.1],
      [100, 0.2],
    ];
    expect(tieredNumber(150, rows, "marginal")).toBe(20);
    rows[1][1] = 0.3;
    expect(tieredNumber(150, rows, "marginal")).toBe(25);
    rows.push([120, 0.5]);
    expect(tieredNumber(150, rows, "marginal")).toBe(31);
  });

  it("knows a frozen table again by reference, and only a table frozen rows and all", () => {
    const frozen = Object.freeze([Object.freeze([0, 0.1]), Object.freeze([100, 0.2])]);
    const outerOnly = Object.freeze([
      [0, 0.1],
      [100, 0.2],
    ]);
    expect(tieredNumber(150, frozen, "marginal")).toBe(20);
    expect(tieredNumber(150, frozen, "retroactive")).toBe(30);
    expect(tieredNumber(150, outerOnly, "marginal")).toBe(20);
    outerOnly[1][1] = 0.3; // its rows can still change
    expect(tieredNumber(150, outerOnly, "marginal")).toBe(25);
    expect(tieredNumber(150, frozen, "marginal")).toBe(20);
  });

  it("a product past 2^53 brought back under it is still exact through the exact path", () => {
    const rows: Rows = [
      [0, -1.8367],
      [5000000000, 1.8367],
    ];
    expect(exactTiered(10000000000.03, rows, "marginal")).toBe(0.055101);
  });

  it("switches tables between calls (one table is cached)", () => {
    const a: Rows = [
      [0, 0.1],
      [100, 0.2],
    ];
    const b: Rows = [
      [0, 0.1],
      [100, 0.3],
    ];
    expect([
      tieredNumber(150, a, "marginal"),
      tieredNumber(150, b, "marginal"),
      tieredNumber(150, a, "marginal"),
    ]).toEqual([20, 25, 20]);
  });

  it.each<[string, number, Rows, TierMode]>([
    [
      "bounds not increasing",
      5,
      [
        [0, 0.1],
        [0, 0.2],
      ],
      "marginal",
    ],
    ["an unknown mode", 5, [[0, 0.1]], "flat" as TierMode],
    ["an empty table", 5, [], "marginal"],
    ["17 significant digits", 0.1 + 0.2, [[0, 0.1]], "marginal"],
    ["a product past 2^53", 9e14, [[0, 0.123456789]], "marginal"],
    [
      // (10000000000.03 − 5000000000) × 1.8367 is 9183500000055101·10⁻⁶, past 2^53 (rounds to …100);
      // the band below, −9183500000000000·10⁻⁶, brings the total back to 0.055101
      "a band's product past 2^53 that the bands below bring back under it",
      10000000000.03,
      [
        [0, -1.8367],
        [5000000000, 1.8367],
      ],
      "marginal",
    ],
  ])("leaves %s to the exact path", (_name, amount, rows, mode) => {
    expect(tieredNumber(amount, rows, mode)).toBeUndefined();
  });
});

describe("bonusNumber: the float fast path with an error bound equals decimal.js", () => {
  const CURVE: Rows = [
    [0, 0],
    [0.5, 0],
    [1, 1],
    [2, 1.4],
    [3, 1.6],
  ];

  it("on the reference examples", () => {
    expect(bonusNumber(130000, 100000, 10000, null, 0, null)).toBe(13000);
    expect(bonusNumber(130000, 100000, 10000, null, 0, 1.2)).toBe(12000);
    expect(bonusNumber(40000, 100000, 10000, null, 0.5, null)).toBe(0);
    expect(bonusNumber(240, 100, 2500, CURVE, 0, null)).toBe(3700);
    expect(bonusNumber(75, 100, 2500, CURVE, 0, null)).toBe(1250);
  });

  it("settles exact half cents in small exact decimals, half away from zero: BONUS(1.005, 1, 1) = 1.01", () => {
    expect(bonusNumber(1.005, 1, 1, null, 0, null)).toBe(1.01);
    expect(bonusNumber(2.345, 1, 1, null, 0, null)).toBe(2.35);
    expect(
      bonusNumber(
        88168.4,
        100000,
        5000,
        [
          [0.6, 0.3],
          [1, 1],
          [1.5, 2],
        ],
        0.6,
        2,
      ),
    ).toBe(3964.74); // 3964.735
    expect(bonusNumber(0.6, 1, 100, null, 0.6, null)).toBe(60); // on the threshold: pays
  });

  it("settles half cents on a curve segment whose width is not a power of ten's divisor (0.3)", () => {
    const curve: Rows = [
      [0, 0],
      [0.3, 0.6],
    ];
    // a = 0.10025; f = 0.10025 × 0.6 / 0.3 = 0.2005; 10 × f = 2.005 → 2.01 (and 2.345 → 2.35 at 1.1725 %)
    for (const [actual, want] of [
      [10025, 2.01],
      [11725, 2.35],
    ]) {
      expect([actual, bonusNumber(actual, 100000, 10, curve, 0, null)]).toEqual([actual, want]);
      expect(exactBonus(actual, 100000, 10, curve, 0, null)).toBe(want);
    }
  });

  it("leaves to decimal.js what small exact decimals cannot hold", () => {
    expect(bonusNumber(1, 3, 0.015, null, 0, null)).toBeUndefined(); // 1/3 does not terminate
    // decimal.js: 0.015 × 0.333…3 (40 digits) = 0.004999…95, rounded at 40 digits to 0.005 → 0.01
    expect(exactBonus(1, 3, 0.015, null, 0, null)).toBe(0.01);
    expect(bonusNumber(0.1 + 0.2, 1, 100, null, 0.3, null)).toBeUndefined(); // 17 digits, on the threshold
    expect(bonusNumber(1, 0, 1, null, 0, null)).toBeUndefined(); // errors come from the exact path
    expect(bonusNumber(1, 1, -1, null, 0, null)).toBeUndefined();
    expect(
      bonusNumber(
        1,
        1,
        1,
        [
          [1, 1],
          [1, 2],
        ],
        0,
        null,
      ),
    ).toBeUndefined();
  });

  it.each([
    [
      "cents, the default plan's curve",
      2,
      [
        [0.6, 0.3],
        [1, 1],
        [1.5, 2],
      ] as Rows,
    ],
    ["cents, the reference curve", 2, CURVE],
    ["no curve", 2, null],
    [
      "awkward decimals",
      5,
      [
        [0.3333, 0.1],
        [0.7777, 0.9],
        [1.1111, 1.3],
      ] as Rows,
    ],
  ])("on random inputs: %s", (_name, decimals, curve) => {
    const rnd = prng(decimals * 7 + (curve ? curve.length : 0));
    let fast = 0;
    const total = 5000;
    for (let i = 0; i < total; i++) {
      const target = randomFixed(rnd, 0.01, 200000, decimals);
      const actual =
        rnd() < 0.1 ? target * Math.floor(rnd() * 3) : randomFixed(rnd, -0.2 * target, 3 * target, decimals);
      const tb = rnd() < 0.2 ? randomFixed(rnd, 0, 10, 3) : randomFixed(rnd, 0, 20000, 2);
      const threshold = rnd() < 0.5 ? 0 : randomFixed(rnd, 0, 1, 2);
      const cap = rnd() < 0.5 ? null : randomFixed(rnd, 0, 2.5, 2);
      const got = bonusNumber(actual, target, tb, curve, threshold, cap);
      if (got === undefined) continue;
      fast++;
      expect([actual, target, tb, threshold, cap, got]).toEqual([
        actual,
        target,
        tb,
        threshold,
        cap,
        exactBonus(actual, target, tb, curve, threshold, cap),
      ]);
    }
    expect(fast / total).toBeGreaterThan(0.95);
  });

  it("rounds half cents the way decimal.js does when they are not exact halves (x.xx5 ± 1e-12)", () => {
    // attainments a hair off a half cent: the error bound still decides them, or defers
    for (const [actual, target] of [
      [1.00500000001, 1],
      [1.00499999999, 1],
      [2.344999999999, 1],
    ]) {
      const got = bonusNumber(actual, target, 1, null, 0, null);
      if (got !== undefined) expect(got).toBe(exactBonus(actual, target, 1, null, 0, null));
    }
  });
});
