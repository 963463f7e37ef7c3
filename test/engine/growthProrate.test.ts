import { growth, prorate } from "../../src/engine/index";
import { D, expectEngineError, str } from "./helpers";

const MAR1 = 46082; // DATE(2026,3,1)
const MAR11 = 46092;
const MAR31 = 46112;

describe("GROWTH (docs/reference/functions.md)", () => {
  it.each([
    [560000, 500000, "0.12"],
    [90, -100, "1.9"],
    [450, 500, "-0.1"],
    [-50, -100, "0.5"],
  ])("GROWTH(%p, %p) = %s", (current, prior, want) => {
    expect(str(growth(D(current), D(prior)))).toBe(want);
  });

  it("prior 0 is #N/A 'no prior period value'", () => {
    expectEngineError(growth(D(5), D(0)), "NA", "prior", "noPriorValue");
  });
});

describe("PRORATE (docs/reference/functions.md)", () => {
  it("a hire on 2026-03-11 in March: 30000 × 21/31", () => {
    expect(str(prorate(D(30000), MAR11, null, MAR1, MAR31))).toBe("20322.58064516129032258064516129032258065");
  });

  it.each<[number | null, number | null, string]>([
    [null, null, "31000"],
    [MAR1 - 40, MAR31 + 40, "31000"],
    [MAR1, MAR1, "1000"],
    [null, MAR11, "11000"],
    [MAR31 + 1, null, "0"], // hired after the period, no end date
    [null, MAR1 - 1, "0"], // left before it
    [MAR1 - 10, MAR1 - 1, "0"],
    [MAR11 + 0.75, MAR11 + 0.2, "1000"], // times of day are ignored
  ])("start %p, end %p → %s of 31000", (start, end, want) => {
    expect(str(prorate(D(31000), start, end, MAR1, MAR31))).toBe(want);
  });

  it("an end before the start, or a period ending before it starts, is #VALUE!", () => {
    expectEngineError(prorate(D(1), MAR11, MAR1, MAR1, MAR31), "VALUE", "end", "endBeforeStart");
    expectEngineError(prorate(D(1), null, null, MAR31, MAR1), "VALUE", "period_end", "periodEndBeforeStart");
  });
});
