/**
 * Top and Coaching as a count or a share of the team on the generated tabs (docs/reference/plan.md ranking): the engine's
 * statuses, the Scorecard's status formula, and a Plan cell changed from 5 to 20 % recalculated by HyperFormula.
 */
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportSheet } from "../../src/report/model";
import { scorecardCols } from "../../src/report/formulas";
import { parseCellAddress } from "../../src/sheet";
import { checkFormulas, recalculate } from "./hyperFormula";
import { ingestOf, teamOf } from "./fixtures";

const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;
const planWith = (ranking: Plan["ranking"]): Plan => ({ ...defaultPlan("en"), ranking });
const statuses = (r: Report) => ({ top: r.summary.top.length, coaching: r.summary.coaching.length });

describe("Top and Coaching as a count or a share (docs/reference/plan.md)", () => {
  it.each([
    // reps, top, bottom, Top, Coaching
    [9, 5, 3, 5, 3], // the default plan: five of nine are Top
    [9, 0.2, 0.2, 1, 1], // 20 % of 9 is 1.8: one
    [4, 0.2, 0.2, 1, 1], // 0.8 rounds down to 0: at least one
    [12, 0.2, 0.1, 2, 1],
    [40, 0.2, 0.15, 8, 6],
    [40, 0.2, 3, 8, 3], // a share and a count together
    [3, 5, 3, 3, 0], // a small team with counts: all Top (a rep in both is Top)
  ])("%p reps, top %p, bottom %p: %p Top, %p Coaching", (n, top, bottom, nTop, nCoaching) => {
    const r = buildReport(ingestOf(teamOf(n)), planWith({ top, bottom }), { lang: "en" });
    expect(r.summary.repsScored).toBe(n);
    expect(statuses(r)).toEqual({ top: nTop, coaching: nCoaching });
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("Top goes to the best ranks and Coaching to the last", () => {
    const r = buildReport(ingestOf(teamOf(12)), planWith({ top: 0.2, bottom: 0.1 }), { lang: "en" });
    expect(r.summary.top).toEqual(["Rep 012", "Rep 011"]);
    expect(r.summary.coaching).toEqual(["Rep 001"]);
  });

  it("the status formula reads the Plan cell: 5 changed to 20% there recalculates the Scorecard", () => {
    const r = buildReport(ingestOf(teamOf(9)), defaultPlan("en"), { lang: "en" });
    const scorecard = sheet(r, "scorecard");
    const status = scorecardCols(4).status;
    expect(scorecard.rows[1][status]!.f).toContain("IF(Plan!$B$16<1,IF(Plan!$B$16>0,MAX(1,INT(ROUND(Plan!$B$16*");
    const edited: Report = JSON.parse(JSON.stringify(r));
    const plan = sheet(edited, "plan");
    for (const [a1, v] of [
      ["B16", 0.2],
      ["B17", 0.25],
    ] as const) {
      const { row, col } = parseCellAddress(a1)!;
      plan.rows[row][col] = { v };
    }
    const { value } = recalculate(edited);
    const recalculated = scorecard.rows.slice(1).map((_, i) => value("Scorecard", i + 2, status));
    expect(recalculated.filter((s) => s === "Top")).toHaveLength(1);
    expect(recalculated.filter((s) => s === "Coaching")).toHaveLength(2); // 25 % of 9 is 2.25: two
    const before = scorecard.rows.slice(1).map((row) => row[status]!.v);
    expect(before.filter((s) => s === "Top")).toHaveLength(5);
  });
});
