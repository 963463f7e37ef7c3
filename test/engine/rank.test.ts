import { rank, rankAll, type RankMethod } from "../../src/engine/index";
import { expectEngineError, prng, randomFixed } from "./helpers";

const VALUES = [1.2, 1.1, 1.1, 0.95, 0.9, 0.9, 0.8];

describe("RANK (docs/reference/functions.md)", () => {
  it.each<[RankMethod, number[]]>([
    ["competition", [1, 2, 2, 4, 5, 5, 7]],
    ["dense", [1, 2, 2, 3, 4, 4, 5]],
    ["average", [1, 2.5, 2.5, 4, 5.5, 5.5, 7]],
  ])("%s: %p", (method, want) => {
    expect(VALUES.map((v) => rank(v, VALUES, 0, method))).toEqual(want);
    expect(rankAll(VALUES, 0, method)).toEqual(want);
  });

  it("order 1 ranks the lowest first", () => {
    expect(VALUES.map((v) => rank(v, VALUES, 1))).toEqual([7, 5, 5, 4, 2, 2, 1]);
    expect(rankAll(VALUES, 1, "average")).toEqual([7, 5.5, 5.5, 4, 2.5, 2.5, 1]);
  });

  it("0.1 + 0.2 ties with 0.3 (15 significant digits)", () => {
    const values = [0.3, 0.1 + 0.2, 0.2];
    expect(rank(0.3, values)).toBe(1);
    expect(rank(0.1 + 0.2, values)).toBe(1);
    expect(rank(0.2, values)).toBe(3);
    expect(rank(0.3, values, 0, "average")).toBe(1.5);
    expect(rankAll(values, 0, "dense")).toEqual([1, 1, 2]);
  });

  it("a value not among the values is #N/A", () => {
    expectEngineError(rank(1.15, VALUES), "NA", "value", "valueNotInValues");
    expectEngineError(rank(1, []), "NA", "value", "valueNotInValues");
  });

  it("rankAll equals rank for every value, ranks run 1…n (seeded random inputs with ties)", () => {
    const rnd = prng(3);
    for (let trial = 0; trial < 100; trial++) {
      const n = 1 + Math.floor(rnd() * 40);
      const values = Array.from({ length: n }, () => randomFixed(rnd, 0, 5, 1));
      for (const method of ["competition", "dense", "average"] as const) {
        for (const order of [0, 1] as const) {
          const all = rankAll(values, order, method);
          expect(all).toEqual(values.map((v) => rank(v, values, order, method)));
          if (method === "competition") {
            expect(Math.min(...all)).toBe(1);
            expect(Math.max(...all)).toBeLessThanOrEqual(n);
          }
        }
      }
    }
  });
});
