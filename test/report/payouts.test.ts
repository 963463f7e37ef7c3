/**
 * Adjustments to closed periods, earned versus payable, and draws on the Bonus tab (docs/reference/payouts.md), with
 * a hand calculation: one KPI, Revenue against ¥100,000, weight 100 %, no curve, no threshold, target bonus ¥10,000 —
 * so a rep's bonus is a tenth of their revenue.
 */
import type Decimal from "decimal.js";
import { dec } from "../../src/engine/index";
import type { History } from "../../src/history/types";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportCell } from "../../src/report/model";
import { periodPayouts } from "../../src/report/payouts";
import { scorePeriod } from "../../src/report/score";
import { ingestOf } from "./fixtures";
import { close, planOf, Q1, Q4_AT_CLOSE, Q4_TODAY, row } from "./payoutsFixtures";
import { checkFormulas } from "./hyperFormula";

const sheet = (report: Report, key: string) => report.sheets.find((s) => s.key === key)!;
const valueOf = (c: ReportCell | null | undefined) => (c ? (c.v ?? null) : null);
/** The rows of a Bonus-tab section: from the header after the title down to the total (exclusive). */
function section(report: Report, title: string): (string | number | boolean | null)[][] {
  const rows = sheet(report, "bonus").rows;
  const start = rows.findIndex((r) => valueOf(r[0]) === title);
  expect(start).toBeGreaterThan(0);
  const header = rows.findIndex((r, i) => i > start && r.some((c) => c?.style === "header"));
  const end = rows.findIndex((r, i) => i > header && r[0]?.style === "total");
  return rows.slice(header, end).map((r) => r.map(valueOf));
}
const byRep = (rows: (string | number | boolean | null)[][]) => [
  rows[0],
  ...rows.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
];

describe("adjustments to closed periods (docs/reference/payouts.md)", () => {
  const plan = planOf({ adjustments: "carry", clawbackCap: 3000 });
  const history: History = { periods: [close(Q4_AT_CLOSE, plan, "2025-Q4")], events: [] };
  const ingest = ingestOf([...Q4_TODAY, ...Q1], { currency: "CNY" });
  const report = buildReport(ingest, plan, { lang: "en", period: "2026-Q1", history });

  it("lists each rep whose bonus differs, with paid, recomputed, the reason and the difference", () => {
    expect(byRep(section(report, "Adjustments to closed periods"))).toEqual([
      ["Rep", "Period", "Paid", "Recomputed", "Reason", "Difference"],
      ["Li Na", "2025-Q4", 10000, 6000, "1 return added (−¥40,000)", -4000],
      ["Wang Fang", "2025-Q4", 8000, 10500, "2 rows added since close (+¥25,000)", 2500],
      ["Zhao Min", "2025-Q4", 6000, 8000, "rows closed under the name Zhao Mn", 2000],
      ["Zhao Mn", "2025-Q4", 2000, 0, "no longer in the data under this name: its rows now read as Zhao Min", -2000],
    ]);
  });

  it("a name fixed with nothing else changed is no adjustment: Chen Jei's close is Chen Jie's", () => {
    const reps = report.payouts!.adjustments.map((a) => a.rep);
    expect(reps).not.toContain("Chen Jie");
    expect(reps).not.toContain("Chen Jei");
  });

  it("payable: earned + the differences carried, a clawback capped at ¥3,000 with the rest owed", () => {
    // Hand calculation, Q1 earned = revenue / 10:
    //   Li Na     5,000 − min(4,000, 3,000) = 2,000; 1,000 still owed
    //   Wang Fang 9,000 + 2,500 = 11,500
    //   Zhao Min 10,000 + 2,000 = 12,000
    //   Zhao Mn       0 − 2,000 = −2,000 (not in Q1; the clawback of what was paid under that name)
    //   Chen Jie  7,000
    const rows = byRep(section(report, "Payable this period")).map((r) => [r[0], r[1], r[2], r[3], r[5], r[6]]);
    expect(rows).toEqual([
      ["Rep", "Earned", "Adjustments", "Payable", "Clawback owed before", "Clawback owed after"],
      ["Chen Jie", 7000, 0, 7000, 0, 0],
      ["Li Na", 5000, -3000, 2000, 0, 1000],
      ["Wang Fang", 9000, 2500, 11500, 0, 0],
      ["Zhao Min", 10000, 2000, 12000, 0, 0],
      ["Zhao Mn", 0, -2000, -2000, 0, 0],
    ]);
  });

  it("the Scorecard's Bonus stays what the period earned", () => {
    const sc = sheet(report, "scorecard");
    const col = sc.rows[0].findIndex((c) => c?.v === "Bonus");
    const li = sc.rows.find((r) => r[0]?.v === "Li Na")!;
    expect(li[col]?.v).toBe(5000);
  });

  it("every new formula recalculates to the engine's value (HyperFormula)", () => {
    const { checked, mismatches } = checkFormulas(report);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it("closing Q1 settles the differences: Q2 shows none again and collects the ¥1,000 still owed", () => {
    const q1 = close([...Q4_TODAY, ...Q1], plan, "2026-Q1", history);
    expect(q1.reps.find((r) => r.rep === "Li Na")).toMatchObject({ adjustments: "-3000", clawbackBalance: "1000" });
    const next: History = { periods: [...history.periods, q1], events: [] };
    const q2 = buildReport(
      ingestOf([...Q4_TODAY, ...Q1, row("Li Na", "2026-04-10", 80000)], { currency: "CNY" }),
      plan,
      {
        lang: "en",
        period: "2026-Q2",
        history: next,
      },
    );
    expect(q2.payouts!.adjustments).toEqual([]);
    const li = q2.payouts!.reps.find((r) => r.rep === "Li Na")!;
    expect([li.earned, li.adjustments, li.payable, li.clawbackBalance].map((d: Decimal) => d.toFixed())).toEqual([
      "8000",
      "-1000",
      "7000",
      "0",
    ]);
  });

  it("in Chinese: the reasons as a finance manager writes them", () => {
    const zh = buildReport(ingest, plan, { lang: "zh", period: "2026-Q1", history });
    const reasons = Object.fromEntries(zh.payouts!.adjustments.map((a) => [a.rep, a.reason]));
    expect(reasons).toEqual({
      "Li Na": "新增退货 1 笔（−¥40,000）",
      "Wang Fang": "关闭后新增 2 行（+¥25,000）",
      "Zhao Min": "关闭时这些行记在 Zhao Mn 名下",
      "Zhao Mn": "数据中已无此姓名，相关行现归入 Zhao Min",
    });
    expect(section(zh, "往期调整")[0]).toEqual(["销售员", "考核期", "已发放", "重算金额", "原因", "差额"]);
  });
});

describe("policies other than carry", () => {
  const ingest = ingestOf([...Q4_TODAY, ...Q1], { currency: "CNY" });
  const payable = (payouts: Record<string, unknown>) => {
    const plan = planOf(payouts);
    const history: History = { periods: [close(Q4_AT_CLOSE, plan, "2025-Q4")], events: [] };
    const report = buildReport(ingest, plan, { lang: "en", period: "2026-Q1", history });
    expect(checkFormulas(report).mismatches).toEqual([]);
    return Object.fromEntries(report.payouts!.reps.map((r) => [r.rep, r.payable.toNumber()]));
  };

  it("increases only: Wang Fang and Zhao Min get theirs, nobody is clawed back", () => {
    expect(payable({ adjustments: "increases" })).toEqual({
      "Li Na": 5000,
      "Wang Fang": 11500,
      "Zhao Min": 12000,
      "Chen Jie": 7000,
      "Zhao Mn": 0,
    });
  });

  it("report only: the differences are listed and payable is what Q1 earned", () => {
    expect(payable({ adjustments: "report" })).toEqual({
      "Li Na": 5000,
      "Wang Fang": 9000,
      "Zhao Min": 10000,
      "Chen Jie": 7000,
      "Zhao Mn": 0,
    });
  });
});

describe("without History or payout settings the report is as before", () => {
  it("no payouts, no new rows on the Bonus tab", () => {
    const ingest = ingestOf(Q1, { currency: "CNY" });
    const before = buildReport(ingest, planOf(), { lang: "en", period: "2026-Q1" });
    const withEmpty = buildReport(ingest, planOf(), {
      lang: "en",
      period: "2026-Q1",
      history: { periods: [], events: [] },
    });
    expect(before.payouts).toBeUndefined();
    expect(withEmpty.payouts).toBeUndefined();
    expect(sheet(withEmpty, "bonus")).toEqual(sheet(before, "bonus"));
    expect(sheet(before, "bonus").rows).toHaveLength(Q1.length + 2);
  });
});

describe("a recoverable draw over three periods", () => {
  // Draw ¥6,000 a quarter, recoverable, at most ¥1,500 recovered a quarter, for the reps named on Targets (Li Na).
  const plan = {
    ...planOf({ draw: 6000, drawRecoverable: true, recoveryCap: 1500, drawFor: "named" }),
    repDraws: { "Li Na": null },
  };
  const rows = [
    row("Li Na", "2025-10-10", 20000), // Q4: earns 2,000 → topped up 4,000, owes 4,000
    row("Li Na", "2026-01-10", 90000), // Q1: earns 9,000 → 3,000 above the draw, recovers 1,500 (cap), owes 2,500
    row("Li Na", "2026-04-10", 70000), // Q2: earns 7,000 → 1,000 above the draw, recovers 1,000, owes 1,500
    row("Wang Fang", "2025-10-10", 30000),
    row("Wang Fang", "2026-01-10", 30000),
    row("Wang Fang", "2026-04-10", 30000),
  ];
  const ingest = ingestOf(rows, { currency: "CNY" });

  it("tops up, then recovers from the payout above the draw, capped, and the balance carries through History", () => {
    let history: History = { periods: [], events: [] };
    const seen: string[][] = [];
    for (const period of ["2025-Q4", "2026-Q1", "2026-Q2"]) {
      const report = buildReport(ingest, plan, { lang: "en", period, history });
      expect(checkFormulas(report).mismatches).toEqual([]);
      const li = report.payouts!.reps.find((r) => r.rep === "Li Na")!;
      const wang = report.payouts!.reps.find((r) => r.rep === "Wang Fang")!;
      expect(wang.draw).toBeNull(); // not named on Targets: earns 3,000, paid 3,000
      expect(wang.payable.toFixed()).toBe("3000");
      seen.push([
        period,
        ...[li.earned, li.drawTopUp, li.drawRecovered, li.payable, li.drawBalance].map((d) => d.toFixed()),
      ]);
      history = { periods: [...history.periods, close(rows, plan, period, history)], events: [] };
    }
    expect(seen).toEqual([
      ["2025-Q4", "2000", "4000", "0", "6000", "4000"],
      ["2026-Q1", "9000", "0", "1500", "7500", "2500"],
      ["2026-Q2", "7000", "0", "1000", "6000", "1500"],
    ]);
  });
});

describe("a draw for part of the period", () => {
  it("is the draw × the rep's proration factor, rounded to the currency's decimals", () => {
    // Li Na joined on 2026-02-19: 41 of Q1's 90 days. ¥6,000 × 41/90 = 2,733.333… → 2,733.33; she earns 2,000.
    const plan = planOf({ draw: 6000 });
    const ingest = ingestOf([row("Li Na", "2026-03-01", 20000)], { currency: "CNY" });
    const scored = scorePeriod(ingest, plan, { period: "2026-Q1" });
    const p = periodPayouts(ingest, plan, scored, undefined, {
      lang: "en",
      currency: "CNY",
      proration: () => dec(41).div(90),
    })!;
    const li = p.reps[0];
    expect([li.draw!.toFixed(), li.drawTopUp.toFixed(), li.payable.toFixed()]).toEqual([
      "2733.33",
      "733.33",
      "2733.33",
    ]);
  });
});
