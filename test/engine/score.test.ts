import Decimal from "decimal.js";
import { rescaledScore, score } from "../../src/engine/index";
import { D, expectEngineError, prng, randomFixed, str } from "./helpers";

const ds = (xs: number[]) => xs.map((x) => D(x));

describe("SCORE (docs/reference/functions.md)", () => {
  it("SCORE({1.018, 0.75, 1.0333, 0.8}, {0.4, 0.3, 0.1, 0.2}) = 0.89553", () => {
    expect(str(score(ds([1.018, 0.75, 1.0333, 0.8]), ds([0.4, 0.3, 0.1, 0.2])))).toBe("0.89553");
  });

  it("with revenue attainment 2.0 and caps 1.5: 1.08833", () => {
    expect(str(score(ds([2, 0.75, 1.0333, 0.8]), ds([0.4, 0.3, 0.1, 0.2]), D(1.5)))).toBe("1.08833");
    expect(str(score(ds([2, 0.75, 1.0333, 0.8]), ds([0.4, 0.3, 0.1, 0.2]), ds([1.5, 1.5, 1.5, 1.5])))).toBe("1.08833");
  });

  it("a blank cap means no cap; negative attainments count as 0", () => {
    expect(str(score(ds([2, -1]), ds([0.5, 0.5]), [null, D(1)]))).toBe("1");
    expect(str(score(ds([2, 1]), ds([0.5, 0.5]), null))).toBe("1.5");
  });

  it("weights adding up to 100% ± 1e-9 pass", () => {
    expect(str(score(ds([1, 1, 1]), ds([0.333333333333, 0.333333333333, 0.333333333334])))).toBe("1");
    expect(str(score(ds([1]), [D("1.0000000005")]))).toBe("1.0000000005");
  });

  it.each<[number[], string]>([
    [[0.4, 0.3, 0.1, 0.1], "90%"],
    [[0.5, 0.6, 0, 0], "110%"],
    [[0.25, 0.25, 0.25, 0.249999], "99.9999%"],
  ])("weights %p: #VALUE! 'weights add up to %s, not 100%'", (weights, sum) => {
    expectEngineError(score(ds([1, 1, 1, 1]), ds(weights)), "VALUE", "weights", "weightsNot100", { sum });
  });

  it("shape and sign errors name the argument", () => {
    expectEngineError(score(ds([1, 1]), ds([1])), "VALUE", "weights", "shapeMismatch");
    expectEngineError(score([], []), "VALUE", "attainments", "rangeIsEmpty");
    expectEngineError(score(ds([1, 1]), ds([1.5, -0.5])), "VALUE", "weights", "itemMustNotBeNegative", { item: 2 });
    expectEngineError(score(ds([1]), ds([1]), [D(1), D(1)]), "VALUE", "caps", "capsShape");
    expectEngineError(score(ds([1]), ds([1]), D(-1)), "VALUE", "caps", "mustNotBeNegative");
  });

  it("stays within [0, the highest cap] (seeded random inputs)", () => {
    const rnd = prng(7);
    for (let i = 0; i < 1000; i++) {
      const n = 1 + Math.floor(rnd() * 6);
      const raw = Array.from({ length: n }, () => Math.floor(rnd() * 100) + 1);
      const total = raw.reduce((s, x) => s + x, 0);
      const weights = raw.map((x) => new Decimal(x).div(total));
      const fix = D(1).minus(weights.reduce((s, w) => s.plus(w), D(0)));
      weights[0] = weights[0].plus(fix);
      const caps = Array.from({ length: n }, () => D(randomFixed(rnd, 0, 2, 2)));
      const att = Array.from({ length: n }, () => D(randomFixed(rnd, -1, 3, 4)));
      const s = score(att, weights, caps) as Decimal;
      expect(s.gte(0)).toBe(true);
      expect(s.lte(Decimal.max(...caps))).toBe(true);
    }
  });
});

describe("rescaledScore (a scorecard's score over the KPIs that count)", () => {
  it("rescales the counted weights to 100 % and divides once", () => {
    // (0.4 × min(1.5, cap 1.2) + 0.3 × 0) ÷ 0.7; the third KPI does not count.
    const r = rescaledScore([D(1.5), D(-0.2), null], ds([0.4, 0.3, 0.3]), [D(1.2), null, null]);
    expect(r.weight.toString()).toBe("0.7");
    expect(r.score.times(0.7).toString()).toBe("0.48");
  });

  it("equals SCORE when every KPI counts", () => {
    const att = ds([1.1, 0.55, 1.1, 1.1]);
    const weights = ds([0.4, 0.3, 0.15, 0.15]);
    const caps = [D(1.5), D(1.5), null, null];
    expect(rescaledScore(att, weights, caps).score.toString()).toBe((score(att, weights, caps) as Decimal).toString());
  });

  it("no KPI counts: score 0 over weight 0", () => {
    const r = rescaledScore([null, null], ds([0.5, 0.5]), [null, null]);
    expect([r.score.toString(), r.weight.toString()]).toEqual(["0", "0"]);
  });
});
