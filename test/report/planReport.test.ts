/**
 * The report with two plans (docs/reference/plan.md "A plan per role or team", tabs.md): the Scorecard, Ranking and
 * Bonus grouped by plan, each with its own title, header and KPI columns, ranks within the plan; Coaching and the
 * Summary over both. Every formula recalculates to its cached value (HyperFormula).
 */
import { readWorkbookPlan, writePlanSheet } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportSheet } from "../../src/report/model";
import { ingestOf, repeat } from "./fixtures";
import { checkFormulas } from "./hyperFormula";
import { HAND, planSheetOf, targetsAssigning, teamsAssigning, twoPlans, twoPlansRows } from "./twoPlans";

const planFrom = (sheets: Parameters<typeof readWorkbookPlan>[0]): Plan => {
  const r = readWorkbookPlan(sheets, "en");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};
const sheet = (report: Report, key: ReportSheet["key"]) => report.sheets.find((s) => s.key === key)!;
const col = (s: ReportSheet, c: number) => s.rows.map((r) => r[c]?.v ?? null);

describe.each([
  ["Targets", targetsAssigning],
  ["Teams", teamsAssigning],
])("a report with two plans assigned on %s", (_, assigning) => {
  const plan = planFrom([planSheetOf(twoPlans()), assigning]);
  const report = buildReport(ingestOf(twoPlansRows()), plan, { lang: "en" });
  const scorecard = sheet(report, "scorecard");

  it("groups the Scorecard by plan: a title, the plan's own header and its reps", () => {
    expect(col(scorecard, 0).slice(0, 10)).toEqual([
      "Plan: Field sales",
      "Rep",
      "Alice",
      "Bob",
      null,
      null,
      "Plan: Inside sales",
      "Rep",
      "Carol",
      "Dan",
    ]);
    expect(scorecard.rows[1].slice(2, 5).map((c) => c?.v)).toEqual([
      "Revenue actual",
      "Revenue target",
      "Revenue attainment",
    ]);
    expect(scorecard.rows[7].slice(2, 5).map((c) => c?.v)).toEqual([
      "Deals actual",
      "Deals target",
      "Deals attainment",
    ]);
    // The Notes carried over a re-run are found from the first plan's header row (src/render/office/userColumns.ts).
    expect(scorecard.userColumns!.map((u) => [u.keyCol, u.headerRow, scorecard.rows[1][u.col]?.v])).toEqual([
      [0, 1, "Notes"],
    ]);
    expect(scorecard.tables!.map((t) => [t.name, t.ref])).toEqual([
      ["SP_Scorecard", expect.stringMatching(/^A2:[A-Z]+4$/)],
      ["SP_Scorecard_2", expect.stringMatching(/^A8:[A-Z]+10$/)],
    ]);
  });

  it("ranks and pays each plan's reps as the hand calculation does, in formulas on the plan's own rows", () => {
    const C = (r: number, header: string) =>
      scorecard.rows[r][scorecard.rows[r > 7 ? 7 : 1].findIndex((h) => h?.v === header)];
    const pick = (r: number) => ({
      rep: scorecard.rows[r][0]!.v,
      score: String(C(r, "Score")!.v),
      rank: C(r, "Rank")!.v,
      status: C(r, "Status")!.v === "Top" ? "top" : C(r, "Status")!.v === "Coaching" ? "coaching" : null,
      payout: String(C(r, "Bonus")!.v),
    });
    expect([pick(2), pick(3)]).toEqual(HAND.field);
    expect([pick(8), pick(9)]).toEqual(HAND.inside);
    // The rank formula counts within the plan's rows only.
    expect(C(8, "Rank")!.f).toMatch(/^SUMPRODUCT\(\(\$[A-Z]+\$9:\$[A-Z]+\$10>[A-Z]+9\)\*1\)/);
    // The inside-sales bonus reads the second plan's Target bonus cell on the Plan tab.
    expect(C(8, "Bonus")!.f).toContain(`Plan!${writePlanSheet(twoPlans(), "en").plans![1].cells.bonus.targetBonus}*`);
  });

  it("the Bonus tab: a total per plan and one for both; the Ranking tab and its charts per plan", () => {
    const bonus = sheet(report, "bonus");
    expect(col(bonus, 0)).toEqual([
      "Plan: Field sales",
      "Rep",
      "Alice",
      "Bob",
      "Total, Field sales",
      null,
      "Plan: Inside sales",
      "Rep",
      "Carol",
      "Dan",
      "Total, Inside sales",
      "Total",
    ]);
    expect(col(bonus, 3).slice(2, 5).map(String)).toEqual(["915", "860", "1775"]);
    expect(col(bonus, 3).slice(8).map(String)).toEqual(["600", "230", "830", "2605"]);
    const ranking = sheet(report, "ranking");
    expect(col(ranking, 0).slice(0, 4)).toEqual(["Plan: Field sales", "Rep", "Alice", "Bob"]);
    expect(col(ranking, 3).slice(8, 10)).toEqual([1, 2]);
    expect(ranking.charts!.map((c) => c.title)).toEqual([
      "Score by rep, Field sales, 2026-Q2",
      "Average score by team, Field sales, 2026-Q2",
      "Score by rep, Inside sales, 2026-Q2",
      "Average score by team, Inside sales, 2026-Q2",
    ]);
    const rows = ranking.charts!.map((c) => [c.from.row, c.to.row]);
    for (let i = 1; i < rows.length; i++) expect(rows[i][0]).toBeGreaterThan(rows[i - 1][1]);
  });

  it("the Summary counts every rep; the Coaching tab has a part per plan", () => {
    const summary = sheet(report, "summary");
    const value = (label: string) => summary.rows.find((r) => r[0]?.v === label)?.[1]?.v;
    expect(value("Reps scored")).toBe(4);
    expect(String(value("Bonus pool (bonus earned, all reps)"))).toBe("2605");
    expect(report.summary.repsScored).toBe(4);
    expect(report.summary.top.sort()).toEqual(["Alice", "Carol"]);
    const coaching = col(sheet(report, "coaching"), 0);
    expect(coaching.filter((v) => typeof v === "string" && v.startsWith("Plan: "))).toEqual([
      "Plan: Field sales",
      "Plan: Inside sales",
    ]);
    expect(coaching).toContain("Bob");
    expect(coaching).toContain("Dan");
  });

  it("every formula recalculates to its cached value", () => {
    const { checked, mismatches } = checkFormulas(report);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(100);
  });
});

describe("the Plan tab with two plans", () => {
  it("shows both plans, each Total weight row styled as a total with its own amber check", () => {
    const report = buildReport(ingestOf(twoPlansRows()), twoPlans(), { lang: "en" });
    const plan = sheet(report, "plan");
    const layout = writePlanSheet(twoPlans(), "en");
    expect(col(plan, 1).filter((v) => v === "Field sales" || v === "Inside sales")).toEqual([
      "Field sales",
      "Inside sales",
    ]);
    for (const p of layout.plans!) expect(plan.rows[p.totalRow][0]?.style).toBe("total");
    expect(plan.conditionalFormats!.map((c) => c.ref)).toEqual(
      layout.plans!.map((p) => p.cells.weightCheck.replace(/\$/g, "")),
    );
  });
});

describe("Trends with two plans and more than 20 reps", () => {
  it("draws the ten highest scores of all plans, not the first plan's ranks first", () => {
    // 12 field reps (Alice's revenue, no new customers: 0.84) and 12 inside reps (Carol's 12 deals and 60,000: 1.2).
    const rows = [
      ...Array.from({ length: 12 }, (_, i) =>
        repeat(2, { rep: `F${String(i).padStart(2, "0")}`, team: "North", date: "2026-05-10", amount: 60000 }),
      ).flat(),
      ...Array.from({ length: 12 }, (_, i) =>
        repeat(12, { rep: `I${String(i).padStart(2, "0")}`, team: "Phone", date: "2026-06-01", amount: 5000 }),
      ).flat(),
    ];
    const plan = { ...twoPlans(), planOfTeam: { phone: "Inside sales" } };
    const report = buildReport(ingestOf(rows), plan, { lang: "en" });
    const chart = sheet(report, "trends").charts![0];
    const names = chart.series.map((x) => x.name).slice(0, 10);
    expect(names).toEqual(Array.from({ length: 10 }, (_, i) => `I${String(i).padStart(2, "0")}`));
  });
});
