/** Sheet names: validity, truncation, uniqueness, quoting (docs/reference/sheet.md "Sheet names"). */
import {
  MAX_SHEET_NAME_LENGTH,
  quoteSheetName,
  sheetNameProblem,
  toSheetName,
  truncateSheetName,
  uniqueSheetName,
  unquoteSheetName,
} from "../../src/sheet";

const EMOJI = "😀"; // U+1F600: two UTF-16 code units
const RARE_CJK = "𠀀"; // U+20000 (CJK Extension B): two code units

describe("sheetNameProblem", () => {
  it.each([
    ["Plan", null],
    ["Data issues", null],
    ["考核方案", null],
    ["Rep's", null],
    ["x".repeat(31), null],
    ["", "empty"],
    ["x".repeat(32), "tooLong"],
    ["a" + EMOJI.repeat(15), null], // 16 characters, 31 code units
    ["ab" + EMOJI.repeat(15), "tooLong"], // 17 characters, 32 code units: Excel counts code units
    ["Q1/Q2", "forbiddenCharacter"],
    ["a[b]", "forbiddenCharacter"],
    ["a:b", "forbiddenCharacter"],
    ["a*", "forbiddenCharacter"],
    ["a?", "forbiddenCharacter"],
    ["a\\b", "forbiddenCharacter"],
    ["'quoted", "apostropheAtEdge"],
    ["quoted'", "apostropheAtEdge"],
    ["History", "reserved"],
    ["history", "reserved"],
  ])("%j → %j", (name, problem) => expect(sheetNameProblem(name)).toBe(problem));
});

describe("truncation never splits a surrogate pair", () => {
  it("cuts at 31 code units", () => expect(truncateSheetName("x".repeat(40))).toBe("x".repeat(31)));

  it.each([EMOJI, RARE_CJK])("a two-unit character %s across the limit is left out whole", (ch) => {
    const name = "x".repeat(30) + ch + "tail";
    const cut = truncateSheetName(name);
    expect(cut).toBe("x".repeat(30));
    const fits = "x".repeat(29) + ch + "tail";
    expect(truncateSheetName(fits)).toBe("x".repeat(29) + ch);
  });
});

describe("toSheetName", () => {
  it.each([
    ["Q1 [draft]: East/West?*\\", "Q1 _draft__ East_West___"],
    ["'quoted'", "quoted"],
    ["", "Sheet"],
    ["''", "Sheet"],
    ["History", "Sheet"],
    ["x".repeat(30) + "'" + "y", "x".repeat(30)],
  ])("%j → %j", (text, name) => {
    expect(toSheetName(text)).toBe(name);
    expect(sheetNameProblem(toSheetName(text))).toBeNull();
  });

  it("always gives a valid name", () => {
    for (const text of ["x".repeat(29) + "'" + EMOJI, EMOJI.repeat(20), "::::", "a'".repeat(20)]) {
      expect(sheetNameProblem(toSheetName(text))).toBeNull();
    }
  });
});

describe("uniqueSheetName", () => {
  it.each([
    ["Scorecard", ["Sales"], "Scorecard"],
    ["Scorecard", ["scorecard"], "Scorecard (2)"],
    ["Scorecard", ["Scorecard", "SCORECARD (2)"], "Scorecard (3)"],
    ["A very long sheet name of 31 ch", ["A very long sheet name of 31 ch"], "A very long sheet name of 3 (2)"],
    ["x".repeat(26) + EMOJI + "ab", ["x".repeat(26) + EMOJI + "ab"], "x".repeat(26) + " (2)"],
    ["x".repeat(25) + EMOJI + "abc", ["x".repeat(25) + EMOJI + "abc"], "x".repeat(25) + EMOJI + " (2)"],
    ["x".repeat(26) + "'abcd", ["x".repeat(26) + "'abcd"], "x".repeat(26) + " (2)"],
  ])("%j among %j → %j", (name, taken, expected) => {
    const unique = uniqueSheetName(name, taken);
    expect(unique).toBe(expected);
    expect(unique.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    expect(sheetNameProblem(unique)).toBeNull();
  });
});

describe("quoting in references", () => {
  it.each([
    ["Plan", "Plan"],
    ["Sheet_1.x", "Sheet_1.x"],
    ["Data issues", "'Data issues'"],
    ["考核方案", "'考核方案'"],
    [RARE_CJK + "表", `'${RARE_CJK}表'`],
    ["Données", "'Données'"],
    ["Rep's", "'Rep''s'"],
    ["A1", "'A1'"],
    ["XFD100", "'XFD100'"],
    ["R1C1", "'R1C1'"],
    ["R", "'R'"],
    ["C3", "'C3'"],
    ["RC", "'RC'"],
    ["TRUE", "'TRUE'"],
    ["1st", "'1st'"],
    ["Q1-2026", "'Q1-2026'"],
    [EMOJI, `'${EMOJI}'`],
  ])("%j → %s and back", (name, quoted) => {
    expect(quoteSheetName(name)).toBe(quoted);
    expect(unquoteSheetName(quoted)).toBe(name);
  });

  it.each(["'open", "a'b", "'a'b'", ""])("%j is no sheet name in a reference", (text) =>
    expect(unquoteSheetName(text)).toBeNull(),
  );
});
