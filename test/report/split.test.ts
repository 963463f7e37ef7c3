/**
 * Split credit through scoring (docs/reference/plan.md "Split deals", cleaning.md "Split deals"): a CRM split export
 * scores to the per-rep totals of a hand calculation; count KPIs follow the plan's setting both ways; the Plan tab
 * shows the setting; the reconciliation counts each deal once; the what-if counts as the report does.
 */
import { ingest } from "../../src/ingest/index";
import type { IngestResult, RawCell, RawSheet } from "../../src/ingest/types";
import { parsePlanJson, readPlanSheet, writePlanSheet } from "../../src/plan/index";
import type { Plan } from "../../src/plan/types";
import { buildReport } from "../../src/report/buildReport";
import { periodReconciliation } from "../../src/report/reconciliation";
import { scorePeriod, type ScoredPeriod } from "../../src/report/score";
import { whatIf, whatIfBaseline } from "../../src/report/whatIf";
import { serial } from "./fixtures";
import { DEALS_EVERY, DEALS_FIRST, NEW_EVERY, NEW_FIRST, REVENUE, SPLIT_EXPORT, splitPlanJson } from "./splitFixture";

function planOf(json: unknown): Plan {
  const r = parsePlanJson(json);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

function ingested(values: RawCell[][] = SPLIT_EXPORT): IngestResult {
  const r = ingest([{ name: "CRM export", values } satisfies RawSheet]);
  if ("kind" in r) throw new Error(r.messageKey);
  return r;
}

function actuals(scored: ScoredPeriod, k: number): Record<string, string> {
  return Object.fromEntries(scored.reps.map((r) => [r.rep, r.kpis[k].actual!.toFixed()]));
}

describe("a CRM split export scores to the hand calculation", () => {
  it("revenue is credited by split; deals and new customers count for every credited rep by default", () => {
    const scored = scorePeriod(ingested(), planOf(splitPlanJson()));
    expect(scored.period).toBe("2026-Q2");
    expect(actuals(scored, 0)).toEqual(REVENUE);
    expect(actuals(scored, 1)).toEqual(DEALS_EVERY);
    expect(actuals(scored, 2)).toEqual(NEW_EVERY);
  });

  it("with the first-named setting, counts go to the deal's first-named rep only; revenue does not change", () => {
    const scored = scorePeriod(ingested(), planOf(splitPlanJson("first")));
    expect(actuals(scored, 0)).toEqual(REVENUE);
    expect(actuals(scored, 1)).toEqual(DEALS_FIRST);
    expect(actuals(scored, 2)).toEqual(NEW_FIRST);
  });

  it("the scored period's reconciliation: sheet rows, and the credited amount equal to the Scorecard's revenue", () => {
    const data = ingested();
    const scored = scorePeriod(data, planOf(splitPlanJson()));
    const recon = periodReconciliation(data, scored.range);
    expect(recon).toEqual({
      rowsRead: 8,
      rowsUsed: 8,
      rowsExcluded: 0,
      amountRead: "30800",
      amountUsed: "30800",
      amountExcluded: "0",
    });
    expect(data.split).toEqual({ splitColumns: true, deals: 5, sharedRows: 1, dealsNot100: 1 });
  });

  it("lists the shared cell and the deal whose splits miss 100 %", () => {
    const issues = ingested().issues.map((i) => `${i.row}:${i.reasonKey}`);
    expect(issues).toEqual(["8:repCellShared", "9:splitsNotHundred"]);
  });
});

describe("the Plan tab and the plan setting", () => {
  const planTab = (plan: Plan, data: IngestResult) =>
    buildReport(data, plan, { lang: "en" }).sheets.find((s) => s.key === "plan")!;
  const cellsOf = (rows: ({ v?: unknown } | null)[][]): RawCell[][] =>
    rows.map((row) => row.map((c) => (c === null ? null : ((c.v ?? null) as RawCell))));

  it("a report of split deals writes the setting, and the Plan tab reads back with it", () => {
    const tab = planTab(planOf(splitPlanJson("first")), ingested());
    const back = readPlanSheet(cellsOf(tab.rows), "Plan");
    expect(back.ok && back.plan.splitDealCount).toBe("first");
    const row = tab.rows.find((r) => r[0]?.v === "Split deals count for")!;
    expect(row[1]!.v).toBe("first-named rep only");
  });

  it("the default shows as every credited rep when the data has split deals", () => {
    const tab = planTab(planOf(splitPlanJson()), ingested());
    expect(tab.rows.find((r) => r[0]?.v === "Split deals count for")![1]!.v).toBe("every credited rep");
  });

  it("without split deals the Plan tab is as before: no such row", () => {
    const plain = ingested([
      ["Close Date", "Sales Rep", "Amount"],
      [serial("2026-04-10"), "Alice Chen", 100],
    ]);
    const plan = planOf(splitPlanJson());
    const tab = planTab(plan, plain);
    expect(tab.rows.some((r) => r[0]?.v === "Split deals count for")).toBe(false);
    expect(tab.rows.map((r) => r.map((c) => c?.v ?? null))).toEqual(
      writePlanSheet(plan, "en").rows.map((r) => r.map((v) => v ?? null)),
    );
  });

  it("in Chinese: 分成订单计数 · 仅第一位销售员, read back from a zh Plan sheet", () => {
    const layout = writePlanSheet({ ...planOf(splitPlanJson("first")) }, "zh");
    const row = layout.rows.find((r) => r[0] === "分成订单计数")!;
    expect(row[1]).toBe("仅第一位销售员");
    const back = readPlanSheet(layout.rows as RawCell[][], "考核方案");
    expect(back.ok && back.plan.splitDealCount).toBe("first");
  });

  it("a value the setting does not know is an error naming the cell", () => {
    const layout = writePlanSheet(planOf(splitPlanJson("every")), "en");
    const values = layout.rows.map((r) => [...r]) as RawCell[][];
    const r = values.findIndex((row) => row[0] === "Split deals count for");
    values[r][1] = "the manager";
    const back = readPlanSheet(values, "Plan");
    expect(back.ok).toBe(false);
    if (!back.ok) {
      expect(back.errors).toEqual([
        {
          where: `Plan!B${r + 1}`,
          messageKey: "planBadChoice",
          params: {
            field: "split deals count for",
            value: "the manager",
            allowed: "every credited rep, first-named rep only",
          },
        },
      ]);
    }
  });

  it("JSON: splitDealCount is every or first; anything else names the key", () => {
    expect(planOf(splitPlanJson("every")).splitDealCount).toBe("every");
    expect(planOf(splitPlanJson()).splitDealCount).toBeUndefined();
    const bad = parsePlanJson({ ...(splitPlanJson() as object), splitDealCount: "leader" });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors).toEqual([
        {
          where: "splitDealCount",
          messageKey: "planBadChoice",
          params: { field: "splitDealCount", value: "leader", allowed: "every, first" },
        },
      ]);
  });
});

describe("the what-if counts as the report does", () => {
  it.each<["every" | "first", Record<string, string>]>([
    ["every", DEALS_EVERY],
    ["first", DEALS_FIRST],
  ])("one more deal: revenue + 1, the deals counted as the report counts them (%s)", (count, deals) => {
    const data = ingested();
    const plan = planOf(splitPlanJson(count));
    const base = whatIfBaseline(data, plan);
    for (const rep of Object.keys(deals)) {
      const r = whatIf(base, rep, {
        deals: [{ amount: 1, dateSerial: serial("2026-06-30"), newCustomer: false, customer: null }],
      })!;
      // one more deal row (no Deal ID): revenue + 1, deals as before (no deal id to count)
      expect(r.after.kpis[1].actual!.toFixed()).toBe(deals[rep]);
      expect(r.after.kpis[0].actual!.toFixed()).toBe(String(Number(REVENUE[rep as keyof typeof REVENUE]) + 1));
    }
  });
});
