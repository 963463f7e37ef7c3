/**
 * The pay cycle on the Trends and Coaching tabs (docs/reference/tabs.md Trends, coaching.md follow-up, plan.md
 * "Streak rule"), on the default-plan example (test/report/fixtures.ts, scored 2026-Q2, Top 1 and Bottom 1): Alice
 * 121,000 over 100,000 in Q1 (93.5 %, rank 2), Bob 330,000 over 200,000 (138.75 %, Top), Carol 50,000 with no Q1
 * sales (47.5 %, Coaching). Two closed quarters, 2025-Q4 and 2026-Q1, as the History sheet would hold them.
 */
import Decimal from "decimal.js";
import { defaultPlan, readWorkbookPlan, type Plan, type StreakRule } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { streakFormula, streakLength } from "../../src/report/cycle";
import type { Report, ReportCell, ReportSheet } from "../../src/report/model";
import { closed, historyOf } from "./cycleHistory";
import { checkFormulas, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf, teamOf } from "./fixtures";
import { planSheetOf, targetsAssigning, twoPlans, twoPlansRows } from "./twoPlans";

const Q4 = closed("2025-Q4", [
  { rep: "Alice", score: "0.9", rank: 2, revenue: { actual: "80000", attainment: "1.05" } },
  { rep: "Bob", score: "1.2", rank: 1, status: "top", revenue: { actual: "150000", attainment: "1.2" } },
  { rep: "Carol", score: "0.5", rank: 3, status: "coaching", revenue: { actual: "50000", attainment: "0.8" } },
]);
const Q1 = closed("2026-Q1", [
  { rep: "Alice", score: "0.95", rank: 2, revenue: { actual: "100000", attainment: "1.1" } },
  { rep: "Bob", score: "1.3", rank: 1, status: "top", revenue: { actual: "200000", attainment: "1.3" } },
  { rep: "Carol", score: "0.4", rank: 3, status: "coaching", revenue: { actual: "0", attainment: null } },
  { rep: "Dan", score: "0.7", rank: 4, revenue: { actual: "60000", attainment: "0.9" } },
]);

function planOf(lang: "en" | "zh", streak?: StreakRule): Plan {
  return { ...defaultPlan(lang), ranking: { top: 1, bottom: 1 }, ...(streak ? { streak } : {}) };
}
const build = (
  plan: Plan,
  history?: Parameters<typeof historyOf>,
  lang: "en" | "zh" = plan.kpis[0].name === "Revenue" ? "en" : "zh",
): Report =>
  buildReport(ingestOf(defaultExample(), { currency: lang === "zh" ? "CNY" : "USD" }), plan, {
    lang,
    ...(history ? { history: historyOf(...history) } : {}),
  });
const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;
const values = (s: ReportSheet, row: number): unknown[] => (s.rows[row - 1] ?? []).map((c) => c?.v ?? null);
/** The 1-based row whose column A reads `label`, after row `after`. */
function rowOf(s: ReportSheet, label: string, after = 0): number {
  const i = s.rows.findIndex((r, i) => i >= after && r[0]?.v === label);
  if (i < 0) throw new Error(`no row "${label}"`);
  return i + 1;
}
const cellAt = (s: ReportSheet, row: number, col: number): ReportCell | null => s.rows[row - 1]?.[col] ?? null;

describe("growth targets refer to the prior period's actual in a cell", () => {
  const r = build(planOf("en"));
  const trends = sheet(r, "trends");
  const title = rowOf(trends, "Actuals of the prior period 2026-Q1");

  it("Trends lists each rep's prior actual of the growth KPI, in Scorecard order", () => {
    expect(values(trends, title + 2)).toEqual(["Rep", "Revenue"]);
    expect(values(trends, title + 3)).toEqual(["Alice", 100000]);
    expect(values(trends, title + 4)).toEqual(["Bob", 200000]);
    // Carol sold nothing in Q1: no prior, no growth target, a blank cell.
    expect(values(trends, title + 5)).toEqual(["Carol", null]);
  });

  it("the Scorecard's target is that cell × (1 + the Plan's growth), not a typed number", () => {
    const sc = sheet(r, "scorecard");
    expect(cellAt(sc, 2, 3)).toMatchObject({ f: `Trends!$B$${title + 3}*(1+Plan!$E$21)`, v: 110000 });
    expect(cellAt(sc, 3, 3)).toMatchObject({ f: `Trends!$B$${title + 4}*(1+Plan!$E$21)`, v: 220000 });
    expect(cellAt(sc, 4, 3)).toBeNull();
    expect(checkFormulas(r).mismatches).toEqual([]);
    // The target follows the cell: with Alice's prior actual changed to 150,000 there, HyperFormula gives 165,000.
    const edited: Report = JSON.parse(JSON.stringify(r));
    sheet(edited, "trends").rows[title + 2][1] = { v: 150000 };
    expect(recalculate(edited).value(sc.name, 2, 3)).toBe(165000);
  });

  it("without a growth KPI there is no such block", () => {
    const p = planOf("en");
    p.kpis[0] = { ...p.kpis[0], target: { kind: "fixed", value: 100000 } };
    const t = sheet(build(p), "trends");
    expect(t.rows.some((row) => String(row[0]?.v ?? "").startsWith("Actuals of the prior period"))).toBe(false);
  });

  it("without History or a streak rule, Trends has no table across periods and Coaching no follow-up", () => {
    const t = sheet(r, "trends");
    expect(t.rows.some((row) => row[0]?.v === "Score by period")).toBe(false);
    expect(t.charts).toHaveLength(1);
    expect(sheet(r, "coaching").rows.some((row) => String(row[0]?.v ?? "").startsWith("Follow-up"))).toBe(false);
  });
});

describe("score, rank and status across the closed periods", () => {
  const r = build(planOf("en"), [Q4, Q1]);
  const trends = sheet(r, "trends");
  const scores = rowOf(trends, "Score by period");
  const ranks = rowOf(trends, "Rank by period");
  const statuses = rowOf(trends, "Status by period");

  it("closed periods are the History's values, the scored period the Scorecard's cells", () => {
    expect(values(trends, scores + 2)).toEqual(["Rep", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(values(trends, scores + 3)).toEqual(["Alice", 0.9, 0.95, 0.935]);
    expect(cellAt(trends, scores + 3, 1)!.f).toBeUndefined();
    expect(cellAt(trends, scores + 3, 3)!.f).toBe("Scorecard!$O$2");
    expect(values(trends, scores + 5)).toEqual(["Carol", 0.5, 0.4, 0.475]);
    // Dan was scored in Q1 only: blank elsewhere.
    expect(values(trends, scores + 6)).toEqual(["Dan", null, 0.7, null]);
    expect(values(trends, ranks + 3)).toEqual(["Alice", 2, 2, 2]);
    expect(cellAt(trends, ranks + 3, 3)!.f).toBe("Scorecard!$P$2");
    expect(values(trends, statuses + 4)).toEqual(["Bob", "Top", "Top", "Top"]);
    expect(values(trends, statuses + 5)).toEqual(["Carol", "Coaching", "Coaching", "Coaching"]);
    expect(cellAt(trends, statuses + 5, 3)!.f).toBe('Scorecard!$Q$4&""');
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("a line chart of the scores, one line per rep, beside the table", () => {
    const chart = trends.charts!.find((c) => c.title === "Score by period")!;
    expect(chart.type).toBe("line");
    expect(chart.categories).toBe(`Trends!$B$${scores + 2}:$D$${scores + 2}`);
    expect(chart.series.map((s) => [s.name, s.values])).toEqual([
      ["Alice", `Trends!$B$${scores + 3}:$D$${scores + 3}`],
      ["Bob", `Trends!$B$${scores + 4}:$D$${scores + 4}`],
      ["Carol", `Trends!$B$${scores + 5}:$D$${scores + 5}`],
      ["Dan", `Trends!$B$${scores + 6}:$D$${scores + 6}`],
    ]);
    expect(new Set(chart.series.map((s) => s.color)).size).toBe(4);
    expect(chart.cache.values[0]).toEqual([0.9, 0.95, 0.935]);
    expect(chart.from).toEqual({ col: 6, row: scores - 1 });
  });

  it("a period not closed stays a blank column, so the periods run without holes", () => {
    const t = sheet(build(planOf("en"), [Q4]), "trends");
    const s = rowOf(t, "Score by period");
    expect(values(t, s + 2)).toEqual(["Rep", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(values(t, s + 3)).toEqual(["Alice", 0.9, null, 0.935]);
  });

  it("closed periods of another kind, or not before the scored period, are left out", () => {
    const month = closed("2026-01", [{ rep: "Alice", score: "0.8", rank: 1 }]);
    const later = closed("2026-Q3", [{ rep: "Alice", score: "0.8", rank: 1 }]);
    const t = sheet(build(planOf("en"), [month, later]), "trends");
    expect(t.rows.some((row) => row[0]?.v === "Score by period")).toBe(false);
  });

  it("zh: the tables and chart in Chinese", () => {
    const zh = build(planOf("zh"), [Q4, Q1], "zh");
    const t = sheet(zh, "trends");
    const s = rowOf(t, "各考核期综合得分");
    expect(values(t, s + 2)).toEqual(["销售员", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(rowOf(t, "各考核期状态")).toBeGreaterThan(s);
    expect(values(t, rowOf(t, "各考核期状态") + 5)).toEqual(["Carol", "待辅导", "待辅导", "待辅导"]);
    expect(checkFormulas(zh).mismatches).toEqual([]);
  });
});

describe("the review streak (定期回顾)", () => {
  const growth: StreakRule = { kpi: "Revenue", of: "growth", atLeast: 0.1 };

  it("growth ≥ 10 %: per period the growth over the period before, and the run back from the scored period", () => {
    const r = build(planOf("en", growth), [Q4, Q1]);
    const t = sheet(r, "trends");
    const s = rowOf(t, "Streak: Revenue growth at least 10%");
    expect(values(t, s + 2)).toEqual(["Rep", "2025-Q4", "2026-Q1", "2026-Q2", "Streak (periods)"]);
    // 2025-Q4 has no closed period before it: no growth. Alice Q1 100,000 / 80,000 = +25 %, Q2 +21 %: 2 periods.
    expect(values(t, s + 3)).toEqual(["Alice", null, 0.25, 0.21, 2]);
    expect(values(t, s + 4)[0]).toBe("Bob");
    expect(values(t, s + 4)[4]).toBe(2);
    // Carol fell to 0 in Q1 (−100 %) and has no Q2 growth (prior 0): no streak.
    expect(values(t, s + 5)).toEqual(["Carol", null, -1, "", 0]);
    const plan = sheet(r, "plan");
    const at = rowOf(plan, "Streak at least");
    expect(cellAt(t, s + 3, 4)!.f).toBe(streakFormula(["B" + (s + 3), "C" + (s + 3), "D" + (s + 3)], `Plan!$B$${at}`));
    // The scored period's growth: the Scorecard's actual over the prior actual shown above.
    const prior = rowOf(t, "Actuals of the prior period 2026-Q1");
    expect(cellAt(t, s + 3, 3)!.f).toBe(
      `IF(AND(ISNUMBER(Scorecard!$C$2),ISNUMBER(Trends!$B$${prior + 3})),` +
        `IF(Trends!$B$${prior + 3}=0,"",(Scorecard!$C$2-Trends!$B$${prior + 3})/ABS(Trends!$B$${prior + 3})),"")`,
    );
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("the threshold decides: at 22 % Alice's 21 % ends her run; Bob's +33 % and +65 % keep 2", () => {
    const t = sheet(build(planOf("en", { ...growth, atLeast: 0.22 }), [Q4, Q1]), "trends");
    const s = rowOf(t, "Streak: Revenue growth at least 22%");
    expect(values(t, s + 3)[4]).toBe(0);
    expect(values(t, s + 4)[4]).toBe(2);
  });

  it("attainment ≥ 100 %: the History's attainments and the Scorecard's", () => {
    const r = build(planOf("en", { kpi: "revenue", of: "attainment", atLeast: 1 }), [Q4, Q1]);
    const t = sheet(r, "trends");
    const s = rowOf(t, "Streak: Revenue attainment at least 100%");
    // Alice 105 %, 110 %, 110 % now: three in a row. Carol had none in Q1: 0.
    expect(values(t, s + 3)).toEqual(["Alice", 1.05, 1.1, 1.1, 3]);
    expect(cellAt(t, s + 3, 3)!.f).toBe('IF(ISNUMBER(Scorecard!$E$2),Scorecard!$E$2,"")');
    expect(values(t, s + 5)).toEqual(["Carol", 0.8, null, "", 0]);
    // Dan is not scored now: nothing this period, no streak.
    expect(values(t, s + 6)).toEqual(["Dan", null, 0.9, null, 0]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("without History the streak is this period's alone", () => {
    const t = sheet(build(planOf("en", growth)), "trends");
    const s = rowOf(t, "Streak: Revenue growth at least 10%");
    expect(values(t, s + 2)).toEqual(["Rep", "2026-Q2", "Streak (periods)"]);
    expect(values(t, s + 3)).toEqual(["Alice", 0.21, 1]);
  });

  it("a streak KPI without a growth target still gets its prior actual shown and used", () => {
    const p = planOf("en", { kpi: "Revenue", of: "growth", atLeast: 0.5 });
    p.kpis[0] = { ...p.kpis[0], target: { kind: "fixed", value: 100000 } };
    const r = build(p);
    const t = sheet(r, "trends");
    expect(values(t, rowOf(t, "Actuals of the prior period 2026-Q1") + 4)).toEqual(["Bob", 200000]);
    const s = rowOf(t, "Streak: Revenue growth at least 50%");
    expect(values(t, s + 4)).toEqual(["Bob", 0.65, 1]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("zh: the title reads as a Chinese manager writes it", () => {
    const zh = build(planOf("zh", { kpi: "销售额", of: "growth", atLeast: 0.1 }), [Q4, Q1], "zh");
    const t = sheet(zh, "trends");
    expect(values(t, rowOf(t, "连续达标：销售额环比增长不低于 10%") + 2)[4]).toBe("连续达标期数");
  });

  it("streakLength: the run back from the last value; a blank or a lower value ends it; compared at 10 decimals", () => {
    const d = (x: string | null) => (x === null ? null : new Decimal(x));
    const at = new Decimal("0.1");
    expect(streakLength(["0.2", "0.1", "0.15"].map(d), at)).toBe(3);
    expect(streakLength(["0.2", null, "0.15"].map(d), at)).toBe(1);
    expect(streakLength(["0.2", "0.3", "0.09"].map(d), at)).toBe(0);
    expect(streakLength(["0.09999999999999999"].map(d), at)).toBe(1);
    expect(streakLength(["0.0999999999"].map(d), at)).toBe(0);
    expect(streakLength([], at)).toBe(0);
  });
});

describe("Coaching follow-up", () => {
  it("each rep marked Coaching in the last closed period, then and now, and the change in score", () => {
    const r = build(planOf("en", { kpi: "Revenue", of: "growth", atLeast: 0.1 }), [Q4, Q1]);
    const c = sheet(r, "coaching");
    const title = rowOf(c, "Follow-up: Coaching reps of 2026-Q1");
    expect(values(c, title + 2)).toEqual([
      "Rep",
      "Score 2026-Q1",
      "Rank 2026-Q1",
      "Score 2026-Q2",
      "Rank 2026-Q2",
      "Status 2026-Q2",
      "Change in score",
      "Streak (periods)",
    ]);
    // Carol: 40 % then, 47.5 % now: +7.5 points.
    expect(values(c, title + 3)).toEqual(["Carol", 0.4, 3, 0.475, 3, "Coaching", 0.075, 0]);
    expect(cellAt(c, title + 3, 6)).toMatchObject({
      f: `ROUND(D${title + 3}-B${title + 3},10)`,
      fmt: "+0.0%;-0.0%;0.0%",
    });
    expect(cellAt(c, title + 3, 7)!.f).toMatch(/^Trends!\$E\$\d+$/);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("the score trend line of a Coaching block comes from History", () => {
    const c = sheet(build(planOf("en"), [Q4, Q1]), "coaching");
    expect(values(c, rowOf(c, "Score trend"))).toEqual([
      "Score trend",
      "2025-Q4 50.0%",
      "2026-Q1 40.0%",
      "2026-Q2 47.5%",
    ]);
  });

  it("a rep not scored now says so; no Coaching rep then says so", () => {
    const gone = closed("2026-Q1", [
      { rep: "Alice", score: "0.95", rank: 1 },
      { rep: "Eve", score: "0.3", rank: 2, status: "coaching" },
    ]);
    const c = sheet(build(planOf("en"), [gone]), "coaching");
    const title = rowOf(c, "Follow-up: Coaching reps of 2026-Q1");
    expect(values(c, title + 3)).toEqual(["Eve", 0.3, 2, "Not scored in 2026-Q2"]);
    const none = closed("2026-Q1", [{ rep: "Alice", score: "0.95", rank: 1, status: "top" }]);
    const c2 = sheet(build(planOf("zh"), [none], "zh"), "coaching");
    expect(values(c2, rowOf(c2, "辅导跟进：2026-Q1 待辅导的销售员") + 2)).toEqual(["2026-Q1 没有待辅导的销售员。"]);
  });
});

describe('with two plans (docs/reference/plan.md "A plan per role or team")', () => {
  const plan = readWorkbookPlan([planSheetOf(twoPlans()), targetsAssigning], "en");
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  const withRule: Plan = { ...plan.plan, streak: { kpi: "Revenue", of: "attainment", atLeast: 1 } };
  const q1 = closed("2026-Q1", [
    { rep: "Alice", score: "0.9", rank: 1, status: "top", revenue: { actual: "110000", attainment: "1.1" } },
    { rep: "Carol", score: "1.1", rank: 1, status: "top", revenue: { actual: "55000", attainment: "1.1" } },
    { rep: "Dan", score: "0.4", rank: 2, status: "coaching", revenue: { actual: "16000", attainment: "0.32" } },
  ]);
  const r = buildReport(ingestOf(twoPlansRows()), withRule, { lang: "en", history: historyOf(q1) });
  const trends = sheet(r, "trends");

  it("the scored period refers to each rep's line in their plan's part of the Scorecard", () => {
    const s = rowOf(trends, "Score by period");
    // Field sales (2 KPIs): Alice row 3, Bob row 4, score in column I; Inside sales (2 KPIs): Carol row 9, Dan row 10.
    expect(cellAt(trends, s + 3, 2)!.f).toBe("Scorecard!$I$3");
    expect(cellAt(trends, s + 5, 2)!.f).toBe("Scorecard!$I$9");
    expect(values(trends, s + 5)).toEqual(["Carol", 1.1, 1.2]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("the Coaching follow-up reads Dan's line in the Inside sales part", () => {
    const c = sheet(r, "coaching");
    const title = rowOf(c, "Follow-up: Coaching reps of 2026-Q1");
    // Dan: 40 % then, 46 % now (0.6 × 5/10 + 0.4 × 20,000/50,000), rank 2 of the Inside plan; Revenue 40 %: no streak.
    expect(values(c, title + 3)).toEqual(["Dan", 0.4, 2, 0.46, 2, "Coaching", 0.06, 0]);
    expect(cellAt(c, title + 3, 3)!.f).toBe("Scorecard!$I$10");
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("the streak reads the KPI of its name in each rep's own plan", () => {
    const s = rowOf(trends, "Streak: Revenue attainment at least 100%");
    // Carol's Revenue is the Inside plan's second KPI: attainment in column H; 110 % then, 120 % now.
    expect(cellAt(trends, s + 5, 2)!.f).toBe('IF(ISNUMBER(Scorecard!$H$9),Scorecard!$H$9,"")');
    expect(values(trends, s + 5)).toEqual(["Carol", 1.1, 1.2, 2]);
    // Alice: 110 % then, 120 % now (Field's first KPI, column E).
    expect(cellAt(trends, s + 3, 2)!.f).toBe('IF(ISNUMBER(Scorecard!$E$3),Scorecard!$E$3,"")');
    expect(values(trends, s + 3)).toEqual(["Alice", 1.1, 1.2, 2]);
  });
});

describe("score chart of a large team", () => {
  it("more than 20 reps: the 10 best by the scored period's rank, titled so", () => {
    const reps = teamOf(25);
    const history = historyOf(
      closed(
        "2026-Q1",
        Array.from({ length: 25 }, (_, i) => ({
          rep: `Rep ${String(i + 1).padStart(3, "0")}`,
          score: "0.5",
          rank: i + 1,
        })),
      ),
    );
    const r = buildReport(ingestOf(reps), planOf("en"), { lang: "en", history });
    const chart = sheet(r, "trends").charts!.find((c) => c.title.startsWith("Score by period"))!;
    expect(chart.title).toBe("Score by period: the top 10 reps");
    // Rep i sells more the higher i: rank 1 is Rep 025.
    expect(chart.series.map((s) => s.name)).toEqual(
      Array.from({ length: 10 }, (_, i) => `Rep ${String(25 - i).padStart(3, "0")}`),
    );
    expect(new Set(chart.series.map((s) => s.color)).size).toBe(10);
  });
});
