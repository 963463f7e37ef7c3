/**
 * The worth-a-look line when Top N and Bottom N, given as counts, mark more than half the scored reps
 * (docs/reference/plan.md ranking): on the Data issues tab, in the pane's summary counts, in both languages.
 */
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { issueCounts, issueSentence } from "../../src/taskpane/issueSummary";
import { ingestOf, teamOf } from "./fixtures";

const planWith = (lang: "en" | "zh", ranking: Plan["ranking"]): Plan => ({ ...defaultPlan(lang), ranking });
const issueTexts = (r: Report): string[] =>
  r.sheets
    .find((s) => s.key === "issues")!
    .rows.map((row) => row[5]?.v)
    .filter((v): v is string => typeof v === "string");

describe("Top N + Bottom N over half the team (docs/reference/plan.md)", () => {
  it("the default plan on a team of 9: a line naming the Plan cells and suggesting 20%", () => {
    const r = buildReport(ingestOf(teamOf(9)), defaultPlan("en"), { lang: "en" });
    const line = issueTexts(r).find((x) => x.startsWith("Top N 5 and Bottom N 3"));
    expect(line).toBe(
      "Top N 5 and Bottom N 3 mark 8 of the 9 reps scored, so Top no longer singles out the best. Worth a look: " +
        "type a share such as 20% in B16 and B17 on the Plan tab (rounded down, at least 1 rep).",
    );
    const issues = r.sheets.find((s) => s.key === "issues")!;
    const row = issues.rows.find((cells) => cells[5]?.v === line)!;
    expect(row.slice(0, 5).map((c) => c?.v)).toEqual(["Plan", 16, "Top N", 5, "Kept"]);
    // The pane's summary counts it as an item to check.
    expect(issueSentence("en", issueCounts(r.summary))).toContain("1 item to check");
  });

  it("in Chinese, written as a manager writes it, naming the 考核方案 tab", () => {
    const r = buildReport(ingestOf(teamOf(9)), defaultPlan("zh"), { lang: "zh" });
    expect(issueTexts(r)).toContain(
      "前 N 名 5 人、后 N 名 3 人，本期参与评分的 9 名销售员中有 8 人被标为“优秀”或“待辅导”，“优秀”已不能说明谁真正领先。" +
        "建议在“考核方案”工作表的 B16 和 B17 改填比例，如 20%（向下取整，至少 1 人）。",
    );
  });

  it.each([
    // reps, top, bottom, line?
    [9, 5, 3, true],
    [16, 5, 3, false], // 8 of 16: exactly half is not more than half
    [15, 5, 3, true],
    [40, 5, 3, false],
    [9, 0.2, 0.2, false], // shares already
    [9, 0.2, 5, true], // one count is enough to mislead
    [9, 2, 1, false],
    [2, 5, 3, false], // 20 % would mark both reps too: nothing better to suggest
    [3, 5, 3, true], // all three Top; 20 % makes one Top and one Coaching
  ])("%p reps, top %p, bottom %p: line %p", (n, top, bottom, expected) => {
    const r = buildReport(ingestOf(teamOf(n)), planWith("en", { top, bottom }), { lang: "en" });
    expect(issueTexts(r).some((x) => x.includes("reps scored, so Top no longer"))).toBe(expected);
  });
});
