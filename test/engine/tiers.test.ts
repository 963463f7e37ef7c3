import Decimal from "decimal.js";
import {
  dec,
  explain,
  isEngineError,
  tiered,
  togo,
  validateTiers,
  type ExplainBand,
  type Tier,
} from "../../src/engine/index";
import { D, expectEngineError, prng, randomFixed, str, tiersOf } from "./helpers";

const REF_TIERS = tiersOf([
  [0, 0.04],
  [150000, 0.08],
  [250000, 0.12],
]);

describe("TIERED on the reference table {0, 4%; 150000, 8%; 250000, 12%}", () => {
  it.each([
    [220000, "11600", "17600"],
    [150000, "6000", "12000"],
    [149999, "5999.96", "5999.96"],
    [300000, "20000", "36000"],
  ])("amount %p: marginal %s, retroactive %s", (amount, marginal, retroactive) => {
    expect(str(tiered(D(amount), REF_TIERS, "marginal"))).toBe(marginal);
    expect(str(tiered(D(amount), REF_TIERS, "retroactive"))).toBe(retroactive);
  });

  it("defaults to marginal", () => {
    expect(str(tiered(D(220000), REF_TIERS))).toBe("11600");
  });

  it("pays 0 below the first lower bound", () => {
    const tiers = tiersOf([
      [1000, 0.1],
      [2000, 0.2],
    ]);
    expect(str(tiered(D(999.99), tiers))).toBe("0");
    expect(str(tiered(D(-50), tiers, "retroactive"))).toBe("0");
  });

  it("accelerator on attainment: TIERED(1.3, {0,1; 1,1.5; 1.2,2}) = 1.5, and 15000 on a 10000 target bonus", () => {
    const accel = tiersOf([
      [0, 1],
      [1, 1.5],
      [1.2, 2],
    ]);
    const factor = tiered(D(1.3), accel) as Decimal;
    expect(factor.toString()).toBe("1.5");
    expect(factor.times(10000).toString()).toBe("15000");
    expect(str(tiered(D(1.3), accel, "retroactive"))).toBe("2.6");
  });

  it("an amount exactly on a bound belongs to the band that starts there (retroactive)", () => {
    expect(str(tiered(D(250000), REF_TIERS, "retroactive"))).toBe("30000");
  });

  it("an amount tied with a bound to 15 digits belongs to that band (0.1 + 0.2 vs 0.3)", () => {
    const tiers = tiersOf([
      [0, 1],
      [0.3, 2],
    ]);
    expect(str(tiered(D(0.1 + 0.2), tiers, "retroactive"))).toBe("0.60000000000000008");
    // marginal: the lower band is paid in full, the tiny rest at the upper rate
    expect(str(tiered(D(0.1 + 0.2), tiers, "marginal"))).toBe("0.30000000000000008");
  });

  it("lower bounds not strictly increasing: #VALUE! naming the row", () => {
    const bad = tiersOf([
      [0, 0.04],
      [150000, 0.08],
      [150000, 0.12],
    ]);
    expectEngineError(tiered(D(1), bad), "VALUE", "tiers", "boundsMustIncrease", { row: 3 });
    expectEngineError(togo(D(1), bad), "VALUE", "tiers", "boundsMustIncrease", { row: 3 });
    expectEngineError(explain(D(1), bad), "VALUE", "tiers", "boundsMustIncrease", { row: 3 });
    const down = tiersOf([
      [10, 0.1],
      [5, 0.2],
    ]);
    expectEngineError(validateTiers(down), "VALUE", "tiers", "boundsMustIncrease", { row: 2 });
    // bounds equal to 15 significant digits do not increase
    const tied = tiersOf([
      [0.3, 1],
      [0.1 + 0.2, 2],
    ]);
    expectEngineError(validateTiers(tied), "VALUE", "tiers", "boundsMustIncrease", { row: 2 });
  });

  it("an empty table or an unknown mode is #VALUE!", () => {
    expectEngineError(tiered(D(1), []), "VALUE", "tiers", "rangeIsEmpty");
    expectEngineError(tiered(D(1), REF_TIERS, "flat" as never), "VALUE", "mode", "tierModeInvalid");
  });
});

describe("TOGO", () => {
  it.each([
    [220000, "30000"],
    [0, "150000"],
    [149999.99, "0.01"],
    [150000, "100000"],
    [250000, "0"],
    [999999, "0"],
    [-100, "100"],
  ])("TOGO(%p) = %s", (amount, want) => {
    expect(str(togo(D(amount), REF_TIERS))).toBe(want);
  });
});

describe("EXPLAIN", () => {
  const row = (b: ExplainBand) =>
    [b.band, b.from, b.to, b.rate, b.amountInBand, b.payout].map((x) => (x === null ? null : String(x)));

  it("marginal: every band with its slice, and the total", () => {
    const r = explain(D(220000), REF_TIERS);
    if (isEngineError(r)) throw new Error("error");
    expect(r.bands.map(row)).toEqual([
      ["1", "0", "150000", "0.04", "150000", "6000"],
      ["2", "150000", "250000", "0.08", "70000", "5600"],
      ["3", "250000", null, "0.12", "0", "0"],
    ]);
    expect(r.total.toString()).toBe("11600");
  });

  it("retroactive: the whole amount in the band that holds it", () => {
    const r = explain(D(220000), REF_TIERS, "retroactive");
    if (isEngineError(r)) throw new Error("error");
    expect(r.bands.map((b) => [b.amountInBand.toString(), b.payout.toString()])).toEqual([
      ["0", "0"],
      ["220000", "17600"],
      ["0", "0"],
    ]);
    expect(r.total.toString()).toBe("17600");
  });
});

describe("TIERED properties (seeded random tables)", () => {
  function randomTiers(rnd: () => number, increasingRates: boolean): Tier[] {
    const n = 1 + Math.floor(rnd() * 5);
    let lower = randomFixed(rnd, -1000, 1000, 2);
    let rate = randomFixed(rnd, 0, 0.2, 3);
    const rows: Tier[] = [];
    for (let i = 0; i < n; i++) {
      rows.push({ lower: dec(lower), rate: dec(rate) });
      lower = Number((lower + randomFixed(rnd, 0.01, 50000, 2)).toFixed(2));
      rate = increasingRates ? Number((rate + randomFixed(rnd, 0, 0.1, 3)).toFixed(3)) : randomFixed(rnd, 0, 0.3, 3);
    }
    return rows;
  }
  const rnd = prng(2026);
  const cases = Array.from({ length: 300 }, () => ({
    tiers: randomTiers(rnd, rnd() < 0.5),
    amounts: [0, 0, 0, 0, 0].map(() => randomFixed(rnd, -5000, 250000, 2)),
  }));

  it("marginal is non-decreasing and continuous for non-negative rates", () => {
    for (const { tiers, amounts } of cases) {
      const sorted = [...amounts].sort((a, b) => a - b);
      let prev: Decimal | null = null;
      const maxRate = Decimal.max(...tiers.map((t) => t.rate));
      for (const a of sorted) {
        const v = tiered(D(a), tiers) as Decimal;
        if (prev) expect(v.gte(prev)).toBe(true);
        prev = v;
        // continuity: a cent more pays at most a cent × the highest rate more
        const next = tiered(D(a).plus("0.01"), tiers) as Decimal;
        expect(next.minus(v).lte(maxRate.times("0.01"))).toBe(true);
        expect(next.gte(v)).toBe(true);
      }
      // continuous at every bound: approaching from below pays what the bound pays
      for (const t of tiers) {
        const at = tiered(t.lower, tiers) as Decimal;
        const below = tiered(t.lower.minus("1e-9"), tiers) as Decimal;
        expect(at.minus(below).abs().lte(maxRate.times("1e-9"))).toBe(true);
      }
    }
  });

  it("retroactive pays at least marginal when rates increase", () => {
    for (const { tiers, amounts } of cases) {
      const increasing = tiers.every((t, i) => i === 0 || t.rate.gte(tiers[i - 1].rate));
      if (!increasing) continue;
      for (const a of amounts) {
        if (a < 0) continue;
        const m = tiered(D(a), tiers) as Decimal;
        const r = tiered(D(a), tiers, "retroactive") as Decimal;
        if (tiers[0].lower.gte(0)) expect(r.gte(m)).toBe(true);
      }
    }
  });

  it("EXPLAIN's payouts add up to its total, which equals TIERED, in both modes", () => {
    for (const { tiers, amounts } of cases) {
      for (const a of amounts) {
        for (const mode of ["marginal", "retroactive"] as const) {
          const e = explain(D(a), tiers, mode);
          if (isEngineError(e)) throw new Error("error");
          const sum = e.bands.reduce((s, b) => s.plus(b.payout), dec(0));
          expect(sum.toString()).toBe(e.total.toString());
          expect(e.total.toString()).toBe(str(tiered(D(a), tiers, mode)));
        }
      }
    }
  });
});
