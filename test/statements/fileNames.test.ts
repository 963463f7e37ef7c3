/** Statement file names (docs/reference/statements.md): the rep's name, characters not allowed in file names → "_", no clashes; messages. */
import { reportMessages } from "../../src/i18n/catalogues/report";
import { uiMessages } from "../../src/i18n/catalogues/ui";
import { sanitiseFileName, statementFileNames } from "../../src/report/statement";

describe("sanitiseFileName", () => {
  it.each([
    ["Alice Chen", "Alice Chen"],
    ["王芳", "王芳"],
    ["Ann/Lee", "Ann_Lee"],
    ["Ann\\Lee", "Ann_Lee"],
    ['a:b*c?d"e<f>g|h', "a_b_c_d_e_f_g_h"],
    ["tab\there", "tab_here"],
    ["\u0007bell\u001f", "_bell_"],
    ["del\u007f c1\u0085", "del_ c1_"],
    ["J. Smith Jr.", "J. Smith Jr_"],
    ["trailing. .", "trailing___"],
    [".hidden", "_hidden"],
    ["", "_"],
    ["   ", "___"], // trailing spaces would be dropped by Windows
    ["CON", "CON_"],
    ["lpt1", "lpt1_"],
    ["Con Air", "Con Air"],
    ["O'Brien & Søn", "O'Brien & Søn"],
    ["e\u0301", "é"], // NFC: one code point, as the file system shows it
  ])("%j → %j", (name, expected) => {
    expect(sanitiseFileName(name)).toBe(expected);
  });

  it("cuts a very long name to 200 UTF-8 bytes at a character boundary", () => {
    const name = "é".repeat(150); // 300 bytes
    const out = sanitiseFileName(name);
    expect(out).toBe("é".repeat(100));
    expect(new TextEncoder().encode("🙂".repeat(60)).length).toBe(240);
    expect(sanitiseFileName("🙂".repeat(60))).toBe("🙂".repeat(50));
  });
});

describe("statementFileNames", () => {
  it.each([
    [["Alice Chen", "Bob Martin"], [], ["Alice Chen.xlsx", "Bob Martin.xlsx"]],
    // Two reps whose names map to the same file, and a third that differs only in case (Windows/macOS folders).
    [["A/B", "A:B", "a_b"], [], ["A_B.xlsx", "A_B (2).xlsx", "a_b (3).xlsx"]],
    // A rep really called "X (2)" keeps that name; the second "X" moves on to "X (3)".
    [["X", "X", "X (2)"], [], ["X.xlsx", "X (3).xlsx", "X (2).xlsx"]],
    // The input workbook in the output folder is never overwritten.
    [["Sales", "Bob"], ["sales.xlsx"], ["Sales (2).xlsx", "Bob.xlsx"]],
  ])("%j (reserved %j) → %j", (reps, reserved, expected) => {
    expect(statementFileNames(reps, reserved)).toEqual(expected);
  });

  it("gives every rep a distinct name, case-insensitively", () => {
    const reps = ["a", "A", "a/", "a:", "a_", "A_", "a?", "a (2)"];
    const names = statementFileNames(reps);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(reps.length);
  });
});

describe("messages", () => {
  it("every statement and share message exists in English and Chinese, with the same placeholders", () => {
    for (const catalogue of [reportMessages, uiMessages]) {
      // A `.one` form exists only where the language has that plural category (tCount): English has it, Chinese
      // does not and uses `.other` for every count.
      const keys = Object.keys(catalogue.en).filter((k) => /^(statement|share)\./.test(k) && !k.endsWith(".one"));
      expect(
        Object.keys(catalogue.zh)
          .filter((k) => /^(statement|share)\./.test(k))
          .sort(),
      ).toEqual(keys.sort());
      for (const k of keys) {
        const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect([k, params(catalogue.zh[k])]).toEqual([k, params(catalogue.en[k])]);
      }
    }
    expect(Object.keys(reportMessages.en).filter((k) => k.startsWith("statement.")).length).toBeGreaterThan(10);
    expect(Object.keys(uiMessages.en).filter((k) => k.startsWith("share.")).length).toBeGreaterThan(5);
  });
});
