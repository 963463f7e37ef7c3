import { rank, type RankMethod } from "../../src/engine/index";
import { expectEngineError } from "./helpers";

const VALUES = [1.2, 1.1, 1.1, 0.95, 0.9, 0.9, 0.8];

describe("RANK (docs/reference/functions.md)", () => {
  it.each<[RankMethod, number[]]>([
    ["competition", [1, 2, 2, 4, 5, 5, 7]],
    ["dense", [1, 2, 2, 3, 4, 4, 5]],
    ["average", [1, 2.5, 2.5, 4, 5.5, 5.5, 7]],
  ])("%s: %p", (method, want) => {
    expect(VALUES.map((v) => rank(v, VALUES, 0, method))).toEqual(want);
  });

  it("order 1 ranks the lowest first", () => {
    expect(VALUES.map((v) => rank(v, VALUES, 1))).toEqual([7, 5, 5, 4, 2, 2, 1]);
    expect(VALUES.map((v) => rank(v, VALUES, 1, "average"))).toEqual([7, 5.5, 5.5, 4, 2.5, 2.5, 1]);
  });

  it("0.1 + 0.2 ties with 0.3 (15 significant digits)", () => {
    const values = [0.3, 0.1 + 0.2, 0.2];
    expect(rank(0.3, values)).toBe(1);
    expect(rank(0.1 + 0.2, values)).toBe(1);
    expect(rank(0.2, values)).toBe(3);
    expect(rank(0.3, values, 0, "average")).toBe(1.5);
    expect(values.map((v) => rank(v, values, 0, "dense"))).toEqual([1, 1, 2]);
  });

  it("a value not among the values is #N/A", () => {
    expectEngineError(rank(1.15, VALUES), "NA", "value", "valueNotInValues");
    expectEngineError(rank(1, []), "NA", "value", "valueNotInValues");
  });
});
