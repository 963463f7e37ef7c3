import { paycurve, validateCurve } from "../../src/engine/index";
import { curveOf, D, expectEngineError, str } from "./helpers";

const CURVE = curveOf([
  [0, 0],
  [0.5, 0],
  [1, 1],
  [2, 1.4],
  [3, 1.6],
]);

describe("PAYCURVE (docs/reference/functions.md)", () => {
  it.each([
    [2.4, "1.48"],
    [0.75, "0.5"],
    [3.5, "1.6"],
    [0.4, "0"],
    [-1, "0"],
    [1, "1"],
    [2, "1.4"],
    [1.5, "1.2"],
  ])("PAYCURVE(%p) = %s", (x, want) => {
    expect(str(paycurve(D(x), CURVE))).toBe(want);
  });

  it("a one-point curve is flat", () => {
    expect(str(paycurve(D(7), curveOf([[1, 0.8]])))).toBe("0.8");
  });

  it("interpolates exactly where the decimal result is finite, to 40 digits otherwise", () => {
    const c = curveOf([
      [0, 0],
      [3, 1],
    ]);
    expect(str(paycurve(D(1), c))).toBe("0.3333333333333333333333333333333333333333");
  });

  it("x values not strictly increasing: #VALUE! naming the row", () => {
    const bad = curveOf([
      [0, 0],
      [1, 1],
      [1, 2],
    ]);
    expectEngineError(paycurve(D(1), bad), "VALUE", "curve", "curveMustIncrease", { row: 3 });
    expectEngineError(validateCurve([]), "VALUE", "curve", "rangeIsEmpty");
  });
});
