import Decimal from "decimal.js";
import { bonus, bonusFromScore, dec, payoutFactor, roundMoney, type BonusOptions } from "../../src/engine/index";
import { curveOf, D, expectEngineError, prng, randomFixed, str } from "./helpers";

const CURVE = curveOf([
  [0, 0],
  [0.5, 0],
  [1, 1],
  [2, 1.4],
  [3, 1.6],
]);

describe("BONUS (docs/reference/functions.md)", () => {
  it.each<[string, number, number, number, BonusOptions, string]>([
    ["no curve", 130000, 100000, 10000, {}, "13000"],
    ["cap 1.2", 130000, 100000, 10000, { cap: D(1.2) }, "12000"],
    ["threshold 0.5", 40000, 100000, 10000, { threshold: D(0.5) }, "0"],
    ["curve, 2.4", 240, 100, 2500, { curve: CURVE }, "3700"],
    ["curve, 0.75", 75, 100, 2500, { curve: CURVE }, "1250"],
  ])("%s: BONUS(%p, %p, %p) = %s", (_name, actual, target, targetBonus, opts, want) => {
    expect(str(bonus(D(actual), D(target), D(targetBonus), opts))).toBe(want);
  });

  it("rounds once, half away from zero: BONUS(1.005, 1, 1) = 1.01", () => {
    expect(str(bonus(D(1.005), D(1), D(1)))).toBe("1.01");
    expect(str(bonus(D(2.345), D(1), D(1)))).toBe("2.35");
  });

  it("rounds to the plan's currency decimals", () => {
    expect(str(bonus(D(1), D(3), D(1000), { decimals: 0 }))).toBe("333");
    expect(str(bonus(D(1), D(3), D(1000)))).toBe("333.33");
  });

  it("an attainment tied with the threshold to 15 digits is not below it", () => {
    expect(str(bonus(D(0.1 + 0.2), D(1), D(100), { threshold: D(0.3) }))).toBe("30");
    expect(str(bonus(D(0.29999999), D(1), D(100), { threshold: D(0.3) }))).toBe("0");
  });

  it("a negative attainment pays 0 even where the curve starts above 0", () => {
    expect(str(bonus(D(-10), D(100), D(1000), { curve: curveOf([[0, 0.5]]) }))).toBe("0");
  });

  it("errors name the argument", () => {
    expectEngineError(bonus(D(1), D(0), D(1)), "DIV0", "target", "targetIsZero");
    expectEngineError(bonus(D(1), D(-1), D(1)), "VALUE", "target", "targetMustBePositive");
    expectEngineError(bonus(D(1), D(1), D(-1)), "VALUE", "target_bonus", "mustNotBeNegative");
    expectEngineError(bonus(D(1), D(1), D(1), { cap: D(-0.1) }), "VALUE", "cap", "mustNotBeNegative");
    const bad = curveOf([
      [1, 1],
      [0.5, 2],
    ]);
    expectEngineError(bonus(D(1), D(1), D(1), { curve: bad }), "VALUE", "curve", "curveMustIncrease", { row: 2 });
  });

  it("never pays more than cap × target bonus (rounded), never less than 0 (seeded random inputs)", () => {
    const rnd = prng(99);
    for (let i = 0; i < 2000; i++) {
      const targetBonus = D(randomFixed(rnd, 0, 20000, 2));
      const cap = D(randomFixed(rnd, 0, 3, 2));
      const withCurve = rnd() < 0.5;
      const opts: BonusOptions = {
        cap,
        threshold: D(randomFixed(rnd, -0.5, 1, 2)),
        curve: withCurve ? CURVE : null,
      };
      const b = bonus(
        D(randomFixed(rnd, -50000, 400000, 2)),
        D(randomFixed(rnd, 1, 200000, 2)),
        targetBonus,
        opts,
      ) as Decimal;
      expect(b.gte(0)).toBe(true);
      expect(b.lte(roundMoney(targetBonus.times(cap), 2))).toBe(true);
    }
  });
});

describe("bonusFromScore (docs/reference/plan.md: the score in place of the attainment)", () => {
  const plan: BonusOptions = {
    curve: curveOf([
      [0.6, 0.3],
      [1, 1],
      [1.5, 2],
    ]),
    threshold: D(0.6),
    cap: D(2),
  };

  it.each([
    ["0.5", "0", "0"],
    ["0.6", "0.3", "1500"],
    ["0.8", "0.65", "3250"],
    ["1", "1", "5000"],
    ["1.25", "1.5", "7500"],
    ["1.7", "2", "10000"],
  ])("score %s: factor %s, payout %s", (s, factor, payout) => {
    const r = bonusFromScore(dec(s), D(5000), plan);
    expect([r.factor.toString(), r.payout.toString()]).toEqual([factor, payout]);
  });

  it("payoutFactor without a curve is the driver, capped and floored", () => {
    expect(payoutFactor(D(1.3), { cap: D(1.2) }).toString()).toBe("1.2");
    expect(payoutFactor(D(-0.2), {}).toString()).toBe("0");
  });
});
