/**
 * The plan settings of docs/reference/coaching.md, on a Plan sheet and in JSON: "Coaching tab for" (Coaching reps or
 * every rep), a KPI "Scored on" its team's total, and a KPI's non-cash "Incentive". All optional: a sheet or JSON
 * without them reads as before.
 */
import { defaultPlan, formatPlanError, parsePlanJson, readPlanSheet, writePlanSheet, type Plan } from "../../src/plan";
import type { PlanResult } from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";

type Lang = "en" | "zh";
const grid = (plan: Plan, lang: Lang): RawCell[][] => writePlanSheet(plan, lang).rows.map((r) => [...r]);
function planOf(r: PlanResult): Plan {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const messages = (r: PlanResult, lang: Lang = "en"): string[] => {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => formatPlanError(e, lang));
};

/** The default plan with new customers scored on the team, two incentives and a block for every rep. */
function teamPlan(lang: Lang): Plan {
  const p = defaultPlan(lang);
  p.kpis[1] = { ...p.kpis[1], scope: "team", incentive: lang === "en" ? "Promotion opportunity" : "晋升机会" };
  p.kpis[2] = { ...p.kpis[2], incentive: lang === "en" ? "Professional training" : "专业培训" };
  p.coachingTab = "all";
  return p;
}

describe("coaching settings on the Plan sheet", () => {
  it.each<Lang>(["en", "zh"])("write and read back (%s)", (lang) => {
    const p = teamPlan(lang);
    const rows = grid(p, lang);
    expect(rows[17].slice(0, 2)).toEqual(
      lang === "en" ? ["Coaching tab for", "every rep"] : ["辅导工作表范围", "全部销售员"],
    );
    expect(rows[21].slice(9, 11)).toEqual(lang === "en" ? ["team", "Promotion opportunity"] : ["团队", "晋升机会"]);
    expect(planOf(readPlanSheet(rows, "Plan"))).toEqual(p);
  });

  it("a Plan sheet without the new row and columns reads as Coaching reps, rep scope, no incentive", () => {
    const rows = grid(teamPlan("en"), "en").map((r) => r.slice(0, 9));
    rows[17] = new Array(9).fill(null);
    expect(planOf(readPlanSheet(rows, "Plan"))).toEqual(defaultPlan("en"));
  });

  it("a word it does not know is an error naming the cell", () => {
    const rows = grid(teamPlan("en"), "en");
    rows[17][1] = "everyone";
    rows[20][9] = "region";
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      'Plan!B18: coaching tab for must be one of Coaching reps, every rep, not "everyone"',
      'Plan!J21: scored on must be one of rep, team, not "region"',
    ]);
  });
});

describe("coaching settings in a JSON plan", () => {
  const kpis = [
    { name: "Revenue", field: "amount", aggregate: "sum", target: 1000, weight: 0.5 },
    {
      name: "New customers",
      field: "new customer",
      aggregate: "count_true",
      target: 5,
      weight: 0.5,
      scope: "team",
      incentive: "晋升机会",
    },
  ];

  it("reads coachingTab, scope and incentive", () => {
    const plan = planOf(parsePlanJson({ kpis, coachingTab: "all" }));
    expect(plan.coachingTab).toBe("all");
    expect(plan.kpis[0].scope).toBeUndefined();
    expect(plan.kpis[1]).toMatchObject({ scope: "team", incentive: "晋升机会" });
  });

  it("is strict about their values", () => {
    const bad = [{ ...kpis[0], scope: "company", incentive: 3 }, kpis[1]];
    expect(messages(parsePlanJson({ kpis: bad, coachingTab: "bottom" }))).toEqual([
      'kpis[0].scope: scope must be one of rep, team, not "company"',
      "kpis[0].incentive: incentive must be text",
      'coachingTab: coachingTab must be one of coaching, all, not "bottom"',
    ]);
  });
});
