/**
 * Two plans (docs/reference/plan.md "A plan per role or team"): a field-sales plan (revenue and new customers) and an
 * inside-sales plan (deals and revenue), with a hand calculation of every rep's score, rank and bonus.
 */
import type { RawSheet } from "../../src/ingest/types";
import { defaultPlan, writePlanSheet } from "../../src/plan";
import type { Plan, PlanKpi } from "../../src/plan/types";
import { repeat, type RowSpec } from "./fixtures";

const kpi = (over: Partial<PlanKpi>): PlanKpi => ({
  name: "Revenue",
  measure: { field: "amount", header: null },
  aggregate: "sum",
  target: { kind: "fixed", value: 100000 },
  direction: "higher",
  weight: 1,
  cap: null,
  group: "results",
  ...over,
});

/** Field sales: revenue 70 % (target 100,000), new customers 30 % (target 4); bonus 1,000 × score from 50 %. */
export function fieldSales(): Plan {
  return {
    ...defaultPlan("en"),
    name: "Field sales",
    scoredPeriod: "2026-Q2",
    kpis: [
      kpi({ weight: 0.7 }),
      kpi({
        name: "New customers",
        measure: { field: "newCustomer", header: null },
        aggregate: "count_true",
        target: { kind: "fixed", value: 4 },
        weight: 0.3,
      }),
    ],
    bonus: { targetBonus: 1000, curve: null, threshold: 0.5, cap: 2 },
    ranking: { top: 1, bottom: 1 },
  };
}

/** Inside sales: deals 60 % (target 10), revenue 40 % (target 50,000); bonus 500 × score, no threshold or cap. */
export function insideSales(): Plan {
  return {
    ...defaultPlan("en"),
    name: "Inside sales",
    kpis: [
      kpi({ name: "Deals", aggregate: "count", target: { kind: "fixed", value: 10 }, weight: 0.6 }),
      kpi({ name: "Revenue", target: { kind: "fixed", value: 50000 }, weight: 0.4 }),
    ],
    bonus: { targetBonus: 500, curve: null, threshold: 0, cap: null },
    ranking: { top: 1, bottom: 1 },
  };
}

/** Both plans, field sales first (the plan of reps named on none). */
export function twoPlans(): Plan {
  return { ...fieldSales(), morePlans: [insideSales()] };
}

/**
 * 2026-Q2. Field: Alice 120,000 with 1 new customer, Bob 4 × 20,000 all new. Inside (team Phone): Carol 12 × 5,000,
 * Dan 5 × 4,000.
 */
export function twoPlansRows(): RowSpec[] {
  return [
    { rep: "Alice", team: "North", date: "2026-04-10", amount: 60000, newCustomer: true, customer: "A1" },
    { rep: "Alice", team: "North", date: "2026-05-10", amount: 60000, newCustomer: false, customer: "A2" },
    ...repeat(4, { rep: "Bob", team: "North", date: "2026-05-03", amount: 20000 }, 4),
    ...repeat(12, { rep: "Carol", team: "Phone", date: "2026-06-01", amount: 5000 }),
    ...repeat(5, { rep: "Dan", team: "Phone", date: "2026-04-20", amount: 4000 }),
  ];
}

/**
 * The hand calculation (no curve: factor = score, payout = target bonus × factor):
 * Alice 0.7 × 120,000/100,000 + 0.3 × 1/4 = 0.84 + 0.075 = 0.915 → 915; Bob 0.7 × 0.8 + 0.3 × 1 = 0.86 → 860;
 * Carol 0.6 × 12/10 + 0.4 × 60,000/50,000 = 1.2 → 600; Dan 0.6 × 5/10 + 0.4 × 20,000/50,000 = 0.46 → 230.
 */
export const HAND = {
  field: [
    { rep: "Alice", score: "0.915", rank: 1, status: "top", payout: "915" },
    { rep: "Bob", score: "0.86", rank: 2, status: "coaching", payout: "860" },
  ],
  inside: [
    { rep: "Carol", score: "1.2", rank: 1, status: "top", payout: "600" },
    { rep: "Dan", score: "0.46", rank: 2, status: "coaching", payout: "230" },
  ],
};

/** The workbook's sheets: the Plan sheet of both plans (as written), assignments added by the caller. */
export function planSheetOf(plan: Plan, lang: "en" | "zh" = "en"): RawSheet {
  return { name: lang === "en" ? "Plan" : "考核方案", values: writePlanSheet(plan, lang).rows.map((r) => [...r]) };
}

export const targetsAssigning: RawSheet = {
  name: "Targets",
  values: [
    ["Rep", "KPI", "Target", "Plan"],
    ["Carol", null, null, "Inside sales"],
    ["Dan", null, null, "inside SALES"],
  ],
};

export const teamsAssigning: RawSheet = {
  name: "Teams",
  values: [
    ["Team", "Leader", "Plan"],
    ["Phone", "Zoe", "Inside sales"],
    ["North", "Yan", "Field sales"],
  ],
};
