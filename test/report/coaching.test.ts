/**
 * The Coaching tab (docs/reference/coaching.md) on the default-plan example (test/report/fixtures.ts) with Top 1 and
 * Bottom 1: Bob is Top (138.75 %), Alice in between (93.5 %), Carol Coaching (47.5 %, revenue not counted: W = 60 %).
 */
import { dec } from "../../src/engine/index";
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportSheet } from "../../src/report/model";
import { checkFormulas, functionsUsed, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf } from "./fixtures";

function planOf(lang: "en" | "zh", over: Partial<Plan> = {}): Plan {
  return { ...defaultPlan(lang), ranking: { top: 1, bottom: 1 }, ...over };
}
const report = (lang: "en" | "zh", over: Partial<Plan> = {}): Report =>
  buildReport(ingestOf(defaultExample(), { currency: lang === "zh" ? "CNY" : "USD" }), planOf(lang, over), { lang });
const coaching = (r: Report): ReportSheet => r.sheets.find((s) => s.key === "coaching")!;
const values = (s: ReportSheet, row: number): unknown[] => s.rows[row - 1].map((c) => c?.v ?? null);

describe("the Coaching tab", () => {
  const en = report("en");
  const tab = coaching(en);

  it("has one block for the Coaching rep: score, rank, status, bonus and the score levels", () => {
    expect(values(tab, 4)).toEqual(["Carol", "East"]);
    // Out of the bottom group at Alice's 93.5 %, threshold 60 %, next curve point 60 %, Top cut-off Bob's 138.75 %.
    expect(values(tab, 6)).toEqual([0.475, 3, "Coaching", 0, null, null, 0.935, 0.6, 0.6, 1.3875]);
    expect(tab.rows.filter((r) => r[0]?.style === "title").map((r) => r[0]!.v)).toEqual([
      "Coaching — 2026-Q2",
      "Carol",
    ]);
  });

  it("lists the KPIs by score points lost, with gaps and needs in the KPI's unit", () => {
    expect(values(tab, 7)[0]).toBe("KPI");
    // New customers 6/60: 0.3/0.6 × 90 % = 45 points lost; 54 more to target; to 93.5 %: c' = 0.1 + 0.46·0.6/0.3
    // = 1.02 → 61.2 → 62 customers, 56 more; to 60 %: 0.35 → 21, 15 more; Top needs 2.926 > cap 150 %.
    expect(values(tab, 8)).toEqual([
      "New customers",
      6,
      60,
      0.1,
      0.45,
      "54 more",
      56,
      15,
      15,
      "not reachable with this KPI alone",
      "New customers: 56 more to leave the bottom group; 15 more to reach the bonus threshold.",
    ]);
    // Manager rating 3.2/4 (cap 125 %): 5 points lost; leaving needs c' = 0.8 + 0.46·0.6/0.15 = 2.64 > 1.25.
    expect(values(tab, 9).slice(0, 7)).toEqual([
      "Manager rating",
      3.2,
      4,
      0.8,
      0.05,
      "+0.80",
      "not reachable with this KPI alone",
    ]);
    expect(values(tab, 9)[10]).toBe(
      "Manager rating: leaving the bottom group is not reachable with this KPI alone; " +
        "the bonus threshold is not reachable with this KPI alone.",
    );
    expect(values(tab, 10).slice(0, 6)).toEqual(["Customer satisfaction", 0.81, 0.9, 0.9, 0.025, "+9.0%"]);
    // Revenue does not count for Carol (no prior period): no row.
    expect(tab.rows.some((r) => r[0]?.v === "Revenue")).toBe(false);
  });

  it("every formula agrees with HyperFormula, using only functions Excel 2007 knows", () => {
    expect(checkFormulas(en).mismatches).toEqual([]);
    const used = functionsUsed({ ...en, sheets: [tab] });
    expect([...used].sort()).toEqual(
      ["COUNT", "COUNTIF", "IF", "INDEX", "ISNUMBER", "LARGE", "MATCH", "MAX", "MIN", "ROUND", "TEXT"].sort(),
    );
  });

  it("recalculates when the Plan's threshold changes", () => {
    const r: Report = JSON.parse(JSON.stringify(en));
    const plan = r.sheets.find((s) => s.key === "plan")!;
    expect(plan.rows[11][1]!.v).toBe(0.6);
    plan.rows[11][1] = { v: 0.7 };
    const { value } = recalculate(r);
    // c' = 0.1 + (0.7 − 0.475)·0.6/0.3 = 0.55 → 33 customers: 27 more.
    expect(value("Coaching", 8, 7)).toBe(27);
    expect(value("Coaching", 8, 10)).toBe(
      "New customers: 56 more to leave the bottom group; 27 more to reach the bonus threshold.",
    );
  });

  it("in Chinese, as a manager says it", () => {
    const zh = report("zh");
    const s = coaching(zh);
    expect(s.name).toBe("辅导");
    expect(values(s, 8)[0]).toBe("新客户");
    expect(values(s, 8)[5]).toBe("还差 54");
    expect(values(s, 8)[10]).toBe("新客户：还差 56，即可退出辅导名单；还差 15，即可达到奖金门槛。");
    expect(values(s, 10)[10]).toBe("客户满意度：仅靠此指标无法退出辅导名单；仅靠此指标无法达到奖金门槛。");
    expect(checkFormulas(zh).mismatches).toEqual([]);
  });

  it("Coaching tab for every rep: a block per rep in rank order; reached levels say so", () => {
    const all = report("en", { coachingTab: "all" });
    const s = coaching(all);
    expect(s.rows.filter((r) => r[0]?.style === "title").map((r) => r[0]!.v)).toEqual([
      "Coaching — 2026-Q2",
      "Bob",
      "Alice",
      "Carol",
    ]);
    // Alice (93.5 %): the threshold is reached; the next curve point (100 %) takes 17,875.00 more revenue:
    // c' = 1.1 + 0.065/0.4 = 1.2625 × 110,000 = 138,875.
    const revenue = s.rows.find((r, i) => r[0]?.v === "Revenue" && i > 12 && i < 22)!;
    expect(revenue.map((c) => c?.v ?? null).slice(5, 11)).toEqual([
      "target met",
      "",
      "reached",
      17875,
      "not reachable with this KPI alone",
      "Revenue: the bonus threshold is already reached.",
    ]);
    expect(revenue[8]!.fmt).toBe("$#,##0.00");
    expect(checkFormulas(all).mismatches).toEqual([]);
  });

  it("no rep in the bottom group: a line saying so", () => {
    const s = coaching(report("en", { ranking: { top: 1, bottom: 0 } }));
    expect(values(s, 4)).toEqual(["No rep is in the bottom group this period."]);
  });

  it("the score trend hook: with earlier scores given, a trend line under the block", () => {
    const scoreHistory = new Map([["Carol", [{ period: "2026-Q1", score: dec("0.52") }]]]);
    const r = buildReport(ingestOf(defaultExample()), planOf("en"), { lang: "en", scoreHistory });
    const s = coaching(r);
    expect(values(s, 11)).toEqual(["Score trend", "2026-Q1 52.0%", "2026-Q2 47.5%"]);
    expect(values(coaching(report("en")), 11)).toEqual([]);
  });
});
