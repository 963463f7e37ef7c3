/** A1 helpers of the Office.js renderer (docs/reference/tabs.md: a renamed tab's references follow it). */
import {
  cellA1,
  columnLetters,
  quoteSheetName,
  renameSheetRefs,
  splitSheetRef,
} from "../../../src/render/office/address";
import { freeSheetName } from "../../../src/render/office/renderReport";

describe("columnLetters / cellA1", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s", (col, letters) => expect(columnLetters(col)).toBe(letters));

  it("0-based { col, row } → A1", () => expect(cellA1(7, 1)).toBe("H2"));
});

describe("sheet references", () => {
  it.each([
    ["Plan", "Plan"],
    ["Data issues", "'Data issues'"],
    ["绩效评分", "'绩效评分'"],
    ["Rep's", "'Rep''s'"],
    ["A1", "'A1'"],
  ])("quoteSheetName(%j) = %s", (name, quoted) => expect(quoteSheetName(name)).toBe(quoted));

  it.each([
    ["'Ranking'!$C$2:$C$13", { sheet: "Ranking", address: "$C$2:$C$13" }],
    ["='Rep''s'!A1", { sheet: "Rep's", address: "A1" }],
    ["Plan!$B$3", { sheet: "Plan", address: "$B$3" }],
    ["B2:C4", { sheet: null, address: "B2:C4" }],
  ])("splitSheetRef(%j)", (ref, expected) => expect(splitSheetRef(ref)).toEqual(expected));

  it.each([
    ["Scorecard!B2*2", "'Scorecard (2)'!B2*2"],
    ["'Scorecard'!B2+MyScorecard!B2", "'Scorecard (2)'!B2+MyScorecard!B2"],
    ['IF(A1="Scorecard!B2",Scorecard!B2,0)', "IF(A1=\"Scorecard!B2\",'Scorecard (2)'!B2,0)"],
    ["Plan!$B$3", "Plan!$B$3"],
  ])("renameSheetRefs(%j) → %j (string literals untouched)", (formula, expected) => {
    expect(renameSheetRefs(formula, new Map([["Scorecard", "Scorecard (2)"]]))).toBe(expected);
  });

  it.each([
    ["Scorecard", ["Sales"], "Scorecard"],
    ["Scorecard", ["scorecard"], "Scorecard (2)"],
    ["Scorecard", ["Scorecard", "Scorecard (2)"], "Scorecard (3)"],
    ["A very long sheet name of 31 ch", ["A very long sheet name of 31 ch"], "A very long sheet name of 3 (2)"],
  ])("freeSheetName(%j, %j) = %j", (name, taken, expected) => {
    expect(freeSheetName(name, new Set(taken))).toBe(expected);
    expect(freeSheetName(name, new Set(taken)).length).toBeLessThanOrEqual(31);
  });
});
