/** The data issues in words (docs/reference/cleaning.md), with English plurals and Chinese counters. */
import { issueCounts, issueSentence, type IssueCounts } from "../../src/taskpane/issueSummary";
import { tCount } from "../../src/i18n";
import type { Report } from "../../src/report/model";

const counts = (c: Partial<IssueCounts>): IssueCounts => ({
  corrected: 0,
  rowsExcluded: 0,
  toCheck: 0,
  notRead: 0,
  ...c,
});

describe("issueSentence", () => {
  it.each([
    [
      "en",
      { corrected: 96, rowsExcluded: 6 },
      "96 values corrected automatically, 6 rows left out. Details on the Data issues tab.",
    ],
    [
      "en",
      { corrected: 1, rowsExcluded: 1 },
      "1 value corrected automatically, 1 row left out. Details on the Data issues tab.",
    ],
    [
      "en",
      { toCheck: 1, notRead: 2 },
      "1 item to check, 2 values or columns not read. Details on the Data issues tab.",
    ],
    ["en", { rowsExcluded: 0 }, "No data issues."],
    ["zh", { corrected: 96, rowsExcluded: 6 }, "已自动更正 96 个数值，6 行未计入。详见“数据问题”工作表。"],
    [
      "zh",
      { corrected: 1, toCheck: 3, notRead: 1 },
      "已自动更正 1 个数值，3 处需核对，1 处数值或列未读取。详见“数据问题”工作表。",
    ],
    ["zh", {}, "数据没有问题。"],
  ] as const)("%s %j → %s", (lang, c, expected) => {
    expect(issueSentence(lang, counts(c))).toBe(expected);
  });
});

describe("issueCounts", () => {
  it("groups the report's issues by what they mean to the manager; excluded rows come from the row count", () => {
    const summary: Report["summary"] = {
      period: "2026-Q2",
      repsScored: 3,
      rowsUsed: 90,
      rowsExcluded: 6,
      top: [],
      coaching: [],
      issues: 17,
      // Two excluded issues on one row (no rep and no date) are still six rows left out.
      issuesByAction: { coerced: 4, merged: 1, excluded: 7, kept: 2, ignored: 2, skipped: 1 },
    };
    expect(issueCounts(summary)).toEqual({ corrected: 5, rowsExcluded: 6, toCheck: 2, notRead: 3 });
  });
});

describe("tCount", () => {
  it("a category without its own message falls back to .other", () => {
    expect(tCount("en", "ui.issues.excluded", 0)).toBe("0 rows left out");
    expect(tCount("zh", "ui.issues.excluded", 1)).toBe("1 行未计入");
  });
});
