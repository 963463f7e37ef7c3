/**
 * Several plans (docs/reference/plan.md "A plan per role or team"): the Plan sheet's blocks, the JSON "plans" list,
 * the Plan column of the Targets and Teams sheets, errors naming the cell or JSON path.
 */
import {
  defaultPlan,
  formatPlanError,
  parsePlanJson,
  readPlanSheet,
  readTargetsSheet,
  readWorkbookPlan,
  writePlanSheet,
} from "../../src/plan";
import type { PlanResult } from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";
import { planAssigner, plansOf } from "../../src/plan/plans";
import { fieldSales, insideSales, planSheetOf, targetsAssigning, teamsAssigning, twoPlans } from "../report/twoPlans";

const messages = (r: PlanResult, lang: "en" | "zh" = "en") => {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => formatPlanError(e, lang));
};
const grid = (lang: "en" | "zh" = "en"): RawCell[][] => writePlanSheet(twoPlans(), lang).rows.map((r) => [...r]);
/** The 0-based row whose column A reads `label`, the `nth` (0-based) such row. */
const rowOf = (rows: RawCell[][], label: string, nth = 0) =>
  rows.map((r, i) => (r[0] === label ? i : -1)).filter((i) => i >= 0)[nth];

describe("the Plan sheet with two plans", () => {
  it("keeps the first plan's cells where a one-plan sheet has them, its name in the blank row 3", () => {
    const { name: _unnamed, ...unnamed } = fieldSales();
    const one = writePlanSheet(unnamed, "en");
    const two = writePlanSheet(twoPlans(), "en");
    expect(two.cells).toEqual(one.cells);
    expect(two.rows[2].slice(0, 2)).toEqual(["Plan name", "Field sales"]);
    expect(one.rows[2].every((v) => v === null)).toBe(true);
    expect(one.plans).toBeUndefined();
    expect(two.plans!.map((p) => p.name)).toEqual(["Field sales", "Inside sales"]);
  });

  it("writes the second plan as a block below, from its Plan name row, sharing the period cells", () => {
    const two = writePlanSheet(twoPlans(), "en");
    const rows = two.rows;
    const start = rowOf(rows as RawCell[][], "Plan name", 1);
    expect(rows[start][1]).toBe("Inside sales");
    expect(rows[start + 2][0]).toBe("Bonus");
    const cells = two.plans![1].cells;
    expect(cells.period).toBe(two.cells.period);
    expect(cells.currencyDecimals).toBe(two.cells.currencyDecimals);
    expect(cells.bonus.targetBonus).toBe(`$B$${start + 4}`);
    expect(rows[start + 3][1]).toBe(500);
    expect(cells.kpis.map((k) => rows[Number(k.name.replace(/\D/g, "")) - 1][0])).toEqual(["Deals", "Revenue"]);
  });

  it.each(["en", "zh"] as const)("reads both plans back (%s)", (lang) => {
    const r = readPlanSheet(grid(lang), "Plan");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const plans = plansOf(r.plan);
    expect(plans.map((p) => p.name)).toEqual(["Field sales", "Inside sales"]);
    expect(plans[1].kpis).toEqual(insideSales().kpis);
    expect(plans[1].bonus).toEqual(insideSales().bonus);
    expect(plans[0].kpis).toEqual(fieldSales().kpis);
    // The further plan takes the first plan's period.
    expect(plans[1].scoredPeriod).toBe("2026-Q2");
  });

  it("one named plan keeps its name through the sheet", () => {
    const r = readPlanSheet(
      writePlanSheet(fieldSales(), "en").rows.map((x) => [...x]),
      "Plan",
    );
    expect(r.ok && r.plan.name).toBe("Field sales");
    expect(r.ok && r.plan.morePlans).toBeUndefined();
  });

  it("a one-plan sheet reads exactly as before (no name, no further plans)", () => {
    const r = readPlanSheet(
      writePlanSheet(defaultPlan("en"), "en").rows.map((x) => [...x]),
      "Plan",
    );
    expect(r.ok && r.plan).toEqual(defaultPlan("en"));
  });

  it("names the cell of an error in the second plan", () => {
    const rows = grid();
    const layout = writePlanSheet(twoPlans(), "en");
    const w = layout.plans![1].cells.kpis[1].weight; // "$G$nn"
    const r = Number(w.replace(/\D/g, "")) - 1;
    rows[r][6] = "forty";
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([`Plan!G${r + 1}: weight must be a number`]);
  });

  it("refuses a weight sum off 100 % in the second plan, naming its range", () => {
    const rows = grid();
    const layout = writePlanSheet(twoPlans(), "en");
    const r = Number(layout.plans![1].cells.kpis[1].weight.replace(/\D/g, "")) - 1;
    rows[r][6] = 0.3;
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([`Plan!G${r}:G${r + 1}: weights add up to 90%, not 100%`]);
  });

  it("asks for each plan's name, and refuses two plans of one name", () => {
    const rows = grid();
    rows[2][1] = null;
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      "Plan!B3: the sheet holds several plans: each needs a plan name",
    ]);
    const same = grid();
    const second = rowOf(same, "Plan name", 1);
    same[second][1] = "FIELD sales";
    expect(messages(readPlanSheet(same, "Plan"))).toEqual([
      `Plan!B${second + 1}: two plans are named "FIELD sales" (cell Plan!B3)`,
    ]);
  });

  it("refuses a period set on a further plan: the plans share the first plan's", () => {
    const rows = grid();
    const second = rowOf(rows, "Plan name", 1);
    rows[second + 1] = ["Currency", "USD"];
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      `Plan!A${second + 2}: "Currency" is set once, on the first plan: the plans share it`,
    ]);
  });
});

describe("the JSON plan with two plans", () => {
  const json = {
    name: "Field sales",
    scoredPeriod: "2026-Q2",
    kpis: [
      { name: "Revenue", field: "amount", aggregate: "sum", target: 100000, weight: 0.7 },
      { name: "New customers", field: "newCustomer", aggregate: "count_true", target: 4, weight: 0.3 },
    ],
    bonus: { targetBonus: 1000, curve: null, threshold: 0.5, cap: 2 },
    ranking: { top: 1, bottom: 1 },
    plans: [
      {
        name: "Inside sales",
        kpis: [
          { name: "Deals", field: "amount", aggregate: "count", target: 10, weight: 0.6 },
          { name: "Revenue", field: "amount", aggregate: "sum", target: 50000, weight: 0.4 },
        ],
        bonus: { targetBonus: 500, curve: null, threshold: 0, cap: null },
        ranking: { top: 1, bottom: 1 },
      },
    ],
  };

  it("reads the further plans with their own KPIs, bonus and ranking", () => {
    const r = parsePlanJson(json);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const plans = plansOf(r.plan);
    expect(plans.map((p) => p.name)).toEqual(["Field sales", "Inside sales"]);
    expect(plans[1].kpis).toEqual(insideSales().kpis);
    expect(plans[1].bonus).toEqual(insideSales().bonus);
    expect(plans[1].scoredPeriod).toBe("2026-Q2");
  });

  it("a plan without plans reads as before", () => {
    const { name: _n, plans: _p, ...one } = json;
    const r = parsePlanJson(one);
    expect(r.ok && r.plan.name).toBeUndefined();
    expect(r.ok && r.plan.morePlans).toBeUndefined();
  });

  it("names the JSON path of an error in a further plan", () => {
    const bad = structuredClone(json) as typeof json;
    (bad.plans[0].kpis[1] as { weight: unknown }).weight = "40%";
    expect(messages(parsePlanJson(bad))).toEqual(["plans[0].kpis[1].weight: weight must be a number"]);
    const noName = structuredClone(json) as Partial<typeof json>;
    delete (noName.plans![0] as { name?: string }).name;
    expect(messages(parsePlanJson(noName))).toEqual(["plans[0].name: the plan holds several plans: each needs a name"]);
    const shared = structuredClone(json) as typeof json;
    (shared.plans[0] as Record<string, unknown>).currency = "USD";
    (shared.plans[0] as Record<string, unknown>).repTargets = {};
    expect(messages(parsePlanJson(shared))).toEqual([
      'plans[0].currency: "currency" is set once, on the first plan: the plans share it',
      'plans[0].repTargets: unknown setting "repTargets" (check the spelling)',
    ]);
  });
});

describe("assigning reps to plans", () => {
  it("the Targets sheet's Plan column names each rep's plan, names as on the Plan sheet in any case", () => {
    const r = readTargetsSheet(targetsAssigning.values, "Targets", twoPlans());
    expect(r.errors).toEqual([]);
    expect(r.planOfRep).toEqual({ Carol: "Inside sales", Dan: "Inside sales" });
    const assign = planAssigner({ ...twoPlans(), planOfRep: r.planOfRep });
    expect(["Alice", "carol", "Dan"].map((rep) => assign(rep, null))).toEqual([0, 1, 1]);
  });

  it("an unknown plan, a rep on two plans and a KPI of another plan are errors naming the cell", () => {
    const values: RawCell[][] = [
      ["Rep", "KPI", "Target", "Plan"],
      ["Carol", null, null, "Inside"],
      ["Dan", null, null, "Inside sales"],
      ["Dan", null, null, "Field sales"],
      ["Eve", "New customers", 3, "Inside sales"],
    ];
    const r = readTargetsSheet(values, "Targets", twoPlans());
    expect(r.errors.map((e) => formatPlanError(e, "en"))).toEqual([
      'Targets!D2: "Inside" is not a plan of the Plan sheet (Field sales, Inside sales)',
      "Targets!D4: Dan is already on plan Inside sales (cell Targets!D3)",
      'Targets!B5: "New customers" is not a KPI of the plan (Deals, Revenue)',
    ]);
  });

  it("a Targets sheet without a Plan column reads as before", () => {
    const r = readTargetsSheet(
      [
        ["Rep", "KPI", "Target"],
        ["Dan", "Deals", 8],
      ],
      "Targets",
      twoPlans(),
    );
    expect(r).toEqual({ targets: { Dan: { Deals: 8 } }, errors: [] });
  });

  it("the workbook: Plan sheet, Targets and Teams assign reps; a rep's own plan wins over their team's", () => {
    const targets = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target", "Plan"],
        ["Dan", null, null, "Field sales"],
      ],
    };
    const r = readWorkbookPlan([planSheetOf(twoPlans()), targets, teamsAssigning], "en");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.planOfTeam).toEqual({ phone: "Inside sales", north: "Field sales" });
    const assign = planAssigner(r.plan);
    expect([assign("Carol", "Phone"), assign("Dan", "Phone"), assign("Alice", "North"), assign("Zed", null)]).toEqual([
      1, 0, 0, 0,
    ]);
  });

  it("an unknown plan on the Teams sheet is an error naming its cell", () => {
    const teams = {
      name: "Teams",
      values: [
        ["Team", "Leader", "Plan"],
        ["Phone", "Zoe", "Phones"],
      ],
    };
    const r = readWorkbookPlan([planSheetOf(twoPlans()), teams], "en");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.sheet).toBe("Teams");
    expect(r.errors.map((e) => formatPlanError(e, "zh"))).toEqual([
      "Teams!C2: “Phones”不是考核方案表中的方案（Field sales, Inside sales）",
    ]);
  });
});
