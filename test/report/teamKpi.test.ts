/**
 * Team spirit (docs/reference/coaching.md): a KPI scored on the team's total, shared by every member for whom it
 * counts, and the Ranking tab naming the best team. The default-plan example (test/report/fixtures.ts): East is
 * Alice (33 new customers) and Carol (6), West is Bob (90); each has a target of 60.
 */
import { dec, teamTotal } from "../../src/engine/index";
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportSheet } from "../../src/report/model";
import { buildStatements } from "../../src/report/statement";
import { checkFormulas, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf } from "./fixtures";

function teamPlan(): Plan {
  const p = defaultPlan("en");
  p.kpis[1] = { ...p.kpis[1], scope: "team" };
  p.ranking = { top: 1, bottom: 1 };
  // 5,000 × Alice's factor 0.768125 is 3,840.625, a half cent HyperFormula's ROUND takes down (binary 3840.6249…)
  // where Excel and LibreOffice round up; 4,000 keeps this test about team KPIs.
  p.bonus = { ...p.bonus, targetBonus: 4000 };
  return p;
}
const report = (plan: Plan): Report => buildReport(ingestOf(defaultExample()), plan, { lang: "en" });
const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;
const row = (s: ReportSheet, rep: string) => s.rows.find((x) => x[0]?.v === rep)!;

describe("a KPI scored on the team's total", () => {
  const r = report(teamPlan());
  const scorecard = sheet(r, "scorecard");

  it("the engine: Σ actuals ÷ Σ targets of the members it counts for", () => {
    const east = teamTotal(
      [
        { actual: dec(33), target: dec(60) },
        { actual: dec(6), target: dec(60) },
      ],
      false,
    );
    expect(east).toEqual({ actual: dec(39), target: dec(120), attainment: dec("0.325") });
    expect(teamTotal([{ actual: dec(12), target: dec(10) }], true)?.attainment.toString()).toBe("0.8");
    expect(teamTotal([], false)).toBeNull();
  });

  it("every member shares the team's attainment; the score follows", () => {
    // New customers attainment: columns F (actual), G (target), H (attainment).
    expect(row(scorecard, "Alice")[7]!.v).toBe(0.325);
    expect(row(scorecard, "Carol")[7]!.v).toBe(0.325);
    expect(row(scorecard, "Bob")[7]!.v).toBe(1.5);
    expect(row(scorecard, "Alice")[5]!.v).toBe(33); // the rep's own actual stays on the Scorecard
    // Alice: 0.4·1.1 + 0.3·0.325 + 0.15·1.1 + 0.15·1.1 = 0.8675; Carol: (0.3·0.325 + 0.15·0.9 + 0.15·0.8) / 0.6 = 0.5875.
    const score = (rep: string) => row(scorecard, rep)[14]!.v;
    expect([score("Alice"), score("Carol")]).toEqual([0.8675, 0.5875]);
    expect(row(scorecard, "Alice")[7]!.f).toBe(
      "IF(SUMPRODUCT(($B$2:$B$4=B2)*ISNUMBER($F$2:$F$4)*ISNUMBER($G$2:$G$4),$G$2:$G$4)=0,NA()," +
        "SUMPRODUCT(($B$2:$B$4=B2)*ISNUMBER($F$2:$F$4)*ISNUMBER($G$2:$G$4),$F$2:$F$4)" +
        "/SUMPRODUCT(($B$2:$B$4=B2)*ISNUMBER($F$2:$F$4)*ISNUMBER($G$2:$G$4),$G$2:$G$4))",
    );
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("recalculates from the Plan: 25 new customers a month make East 39 / 150 = 26 %", () => {
    const changed: Report = JSON.parse(JSON.stringify(r));
    sheet(changed, "plan").rows[21][4] = { v: 25 };
    const { value } = recalculate(changed);
    expect(value("Scorecard", 2, 7)).toBe(0.26);
    expect(value("Scorecard", 4, 7)).toBe(0.26);
  });

  it("the Coaching tab counts the team's need: 3 more new customers for East lift Carol to the threshold", () => {
    const coaching = sheet(r, "coaching");
    const nc = coaching.rows.find((x) => x[0]?.v === "New customers (team)")!;
    // Carol 0.5875 → 0.6: c' = 0.325 + 0.0125·0.6/0.3 = 0.35 → 0.35·120 = 42 → 3 more for East.
    expect(nc.slice(1, 3).map((c) => c!.v)).toEqual([39, 120]);
    expect(nc[7]!.v).toBe(3);
    expect(nc[10]!.v).toContain("New customers (team): ");
  });

  it("a statement shows the team's attainment as a value: it holds no other rep's figures", () => {
    const { statements } = buildStatements(ingestOf(defaultExample()), teamPlan(), { lang: "en" });
    const alice = statements.find((s) => s.rep === "Alice")!.report;
    const card = alice.sheets.find((s) => s.key === "scorecard")!;
    const att = card.rows[1][7]!;
    expect(att).toMatchObject({ v: 0.325 });
    expect(att.f).toBeUndefined();
    expect(checkFormulas(alice).mismatches).toEqual([]);
  });
});

describe("the best team on the Ranking tab", () => {
  it("names the team ranked 1 and its average score, looked up by rank", () => {
    const r = report(defaultPlan("en"));
    const ranking = sheet(r, "ranking");
    // Teams: West (Bob 138.75 %) then East ((93.5 % + 47.5 %) / 2 = 70.5 %); the team table is G1:J3.
    expect(ranking.rows[4].slice(6, 9).map((c) => c?.v)).toEqual(["Best team", "West", 1.3875]);
    expect(ranking.rows[4][7]!.f).toBe('INDEX($H$2:$H$3,MATCH(1,$G$2:$G$3,0))&""');
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe("non-cash incentives on the Scorecard", () => {
  function incentivePlan(lang: "en" | "zh"): Plan {
    const p = defaultPlan(lang);
    p.kpis[1] = { ...p.kpis[1], incentive: lang === "en" ? "Promotion opportunity" : "晋升机会" };
    p.kpis[2] = { ...p.kpis[2], incentive: lang === "en" ? "Professional training" : "专业培训" };
    return p;
  }

  it("lists the incentives of the KPIs whose target each rep met", () => {
    const r = report(incentivePlan("en"));
    const s = sheet(r, "scorecard");
    const col = s.rows[0].findIndex((c) => c?.v === "Incentives earned");
    expect(col).toBeGreaterThan(0);
    // Bob: 90/60 new customers and satisfaction 0.9/0.9 met; Alice: satisfaction only; Carol: neither.
    expect(["Alice", "Bob", "Carol"].map((rep) => row(s, rep)[col]!.v)).toEqual([
      "Professional training",
      "Promotion opportunity; Professional training",
      "",
    ]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("recalculates from the Plan: a new incentive text, a target Alice then meets", () => {
    const r = report(incentivePlan("en"));
    const plan = sheet(r, "plan");
    plan.rows[21][10] = { v: "Sales trip" };
    plan.rows[21][4] = { v: 11 }; // new customers 11 a month: Alice's 33 meet 33
    const col = sheet(r, "scorecard").rows[0].findIndex((c) => c?.v === "Incentives earned");
    const { value } = recalculate(r);
    expect(value("Scorecard", 2, col)).toBe("Sales trip; Professional training");
  });

  it("in Chinese, joined by 、; without incentives in the plan there is no column", () => {
    const zh = buildReport(ingestOf(defaultExample(), { currency: "CNY" }), incentivePlan("zh"), { lang: "zh" });
    const s = sheet(zh, "scorecard");
    const col = s.rows[0].findIndex((c) => c?.v === "获得的激励");
    expect(s.rows.find((x) => x[0]?.v === "Bob")![col]!.v).toBe("晋升机会、专业培训");
    expect(checkFormulas(zh).mismatches).toEqual([]);
    const plain = sheet(report(defaultPlan("en")), "scorecard");
    expect(plain.rows[0].some((c) => c?.v === "Incentives earned")).toBe(false);
  });
});
