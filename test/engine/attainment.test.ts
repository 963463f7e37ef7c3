import { attainment } from "../../src/engine/index";
import { D, expectEngineError, str } from "./helpers";

describe("ATTAINMENT (docs/reference/functions.md)", () => {
  it.each([
    [560000, 550000, false, "1.018181818181818181818181818181818181818"],
    [15, 20, false, "0.75"],
    [0.04, 0.05, true, "1.2"],
    [50, 45, true, "0.8888888888888888888888888888888888888889"],
    [0.12, 0.05, true, "0"],
  ])("ATTAINMENT(%p, %p, %p) = %s", (actual, target, lower, want) => {
    expect(str(attainment(D(actual), D(target), lower))).toBe(want);
  });

  it("lets a negative actual (net returns) give a negative attainment", () => {
    expect(str(attainment(D(-5000), D(20000)))).toBe("-0.25");
  });

  it("defaults to higher is better", () => {
    expect(str(attainment(D(30), D(20)))).toBe("1.5");
  });

  it("target 0 is #DIV/0!", () => {
    expectEngineError(attainment(D(1), D(0)), "DIV0", "target", "targetIsZero");
    expectEngineError(attainment(D(1), D(0), true), "DIV0", "target", "targetIsZero");
  });

  it("a negative target is #VALUE! naming target", () => {
    expectEngineError(attainment(D(1), D(-5)), "VALUE", "target", "targetMustBePositive");
  });
});
