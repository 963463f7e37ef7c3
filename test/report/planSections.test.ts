/** scorePlans (docs/reference/plan.md "A plan per role or team"): each plan scores and ranks its own reps. */
import { readWorkbookPlan } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import { scorePlans } from "../../src/report/planSections";
import { scorePeriod } from "../../src/report/score";
import { ingestOf } from "./fixtures";
import { fieldSales, HAND, planSheetOf, targetsAssigning, teamsAssigning, twoPlans, twoPlansRows } from "./twoPlans";

const planFrom = (sheets: Parameters<typeof readWorkbookPlan>[0]): Plan => {
  const r = readWorkbookPlan(sheets, "en");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};
const summary = (
  reps: {
    rep: string;
    score: { toString(): string };
    rank: number;
    status: string | null;
    payout: { toString(): string };
  }[],
) =>
  reps.map((r) => ({
    rep: r.rep,
    score: r.score.toString(),
    rank: r.rank,
    status: r.status,
    payout: r.payout.toString(),
  }));

describe.each([
  ["the Targets sheet", [targetsAssigning]],
  ["the Teams sheet", [teamsAssigning]],
])("two plans assigned through %s", (_, sheets) => {
  const plan = planFrom([planSheetOf(twoPlans()), ...sheets]);
  const { scored, sections } = scorePlans(ingestOf(twoPlansRows()), plan);

  it("scores each plan's reps with its own KPIs, ranks within the plan, pays by its own bonus rule", () => {
    expect(sections.map((s) => s.plan.name)).toEqual(["Field sales", "Inside sales"]);
    expect(summary(sections[0].scored.reps)).toEqual(HAND.field);
    expect(summary(sections[1].scored.reps)).toEqual(HAND.inside);
    expect(sections[1].scored.reps[0].kpis.map((k) => k.actual!.toString())).toEqual(["12", "60000"]);
  });

  it("the whole period holds every rep, and the total bonus of both plans", () => {
    expect(scored.reps.map((r) => r.rep).sort()).toEqual(["Alice", "Bob", "Carol", "Dan"]);
    expect(scored.totalPayout.toString()).toBe("2605");
    expect(scored.period).toBe("2026-Q2");
  });
});

describe("scorePlans", () => {
  it("one plan scores exactly as scorePeriod", () => {
    const ingest = ingestOf(twoPlansRows());
    const { scored, sections } = scorePlans(ingest, fieldSales());
    expect(sections).toHaveLength(1);
    expect(scored).toEqual(scorePeriod(ingest, fieldSales()));
  });

  it("a rep's own target applies within their plan (Dan's deals target 8)", () => {
    const targets = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target", "Plan"],
        ["Carol", null, null, "Inside sales"],
        ["Dan", "Deals", 8, "Inside sales"],
      ],
    };
    const { sections } = scorePlans(ingestOf(twoPlansRows()), planFrom([planSheetOf(twoPlans()), targets]));
    const dan = sections[1].scored.reps.find((r) => r.rep === "Dan")!;
    // 0.6 × 5/8 + 0.4 × 0.4 = 0.375 + 0.16 = 0.535 → 500 × 0.535 = 267.50
    expect(dan.score.toString()).toBe("0.535");
    expect(dan.payout.toString()).toBe("267.5");
  });

  it("reps named on no plan take the first", () => {
    const { sections } = scorePlans(ingestOf(twoPlansRows()), twoPlans());
    expect(sections[0].scored.reps.map((r) => r.rep).sort()).toEqual(["Alice", "Bob", "Carol", "Dan"]);
    expect(sections[1].scored.reps).toEqual([]);
  });
});
