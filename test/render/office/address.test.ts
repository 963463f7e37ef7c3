/** A renamed tab's references follow it (docs/reference/tabs.md); quoting as docs/reference/sheet.md says. */
import { renameSheetRefs } from "../../../src/render/office/address";

describe("renameSheetRefs", () => {
  it.each([
    ["Scorecard!B2*2", "'Scorecard (2)'!B2*2"],
    ["'Scorecard'!B2+MyScorecard!B2", "'Scorecard (2)'!B2+MyScorecard!B2"],
    ['IF(A1="Scorecard!B2",Scorecard!B2,0)', "IF(A1=\"Scorecard!B2\",'Scorecard (2)'!B2,0)"],
    ["Plan!$B$3", "Plan!$B$3"],
  ])("%j → %j (string literals untouched)", (formula, expected) => {
    expect(renameSheetRefs(formula, new Map([["Scorecard", "Scorecard (2)"]]))).toBe(expected);
  });

  it("names quoted as docs/reference/sheet.md writes them: in any script, with an apostrophe", () => {
    const renames = new Map([
      ["绩效评分", "绩效评分 (2)"],
      ["Rep's", "Rep's (2)"],
    ]);
    expect(renameSheetRefs("'绩效评分'!B2+'我的绩效评分'!B2+'Rep''s'!A1", renames)).toBe(
      "'绩效评分 (2)'!B2+'我的绩效评分'!B2+'Rep''s (2)'!A1",
    );
  });
});
