/**
 * Statements with two plans (docs/reference/plan.md "A plan per role or team", statements.md): each rep's statement is
 * their own plan's — its KPI columns, its Plan cells, the rank among its reps — and names no other rep.
 */
import { readWorkbookPlan, writePlanSheet } from "../../src/plan";
import type { Plan } from "../../src/plan/types";
import type { ReportCell } from "../../src/report/model";
import { buildStatements } from "../../src/report/statement";
import { ingestOf } from "../report/fixtures";
import { checkFormulas } from "../report/hyperFormula";
import { HAND, planSheetOf, targetsAssigning, twoPlans, twoPlansRows } from "../report/twoPlans";

const planFrom = (): Plan => {
  const r = readWorkbookPlan([planSheetOf(twoPlans()), targetsAssigning], "en");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
};

describe("statements with two plans", () => {
  const built = buildStatements(ingestOf(twoPlansRows()), planFrom(), { lang: "en" });
  const byRep = new Map(built.statements.map((s) => [s.rep, s]));
  const everyCell = (rep: string): ReportCell[] =>
    byRep
      .get(rep)!
      .report.sheets.filter((s) => s.key !== "plan")
      .flatMap((s) => s.rows.flat())
      .filter((c): c is ReportCell => c !== null);

  it("gives each rep their plan's KPIs, score, rank among the plan's reps and bonus", () => {
    for (const [hand, kpis] of [
      [HAND.field, "Revenue actual"],
      [HAND.inside, "Deals actual"],
    ] as const) {
      for (const h of hand) {
        const s = byRep.get(h.rep)!;
        const card = s.report.sheets.find((x) => x.key === "scorecard")!;
        expect(card.rows[0][2]?.v).toBe(kpis);
        expect([s.scored.score.toString(), s.scored.rank, s.scored.payout.toString()]).toEqual([
          h.score,
          h.rank,
          h.payout,
        ]);
        const note = card.rows.flat().find((c) => c?.style === "note" && String(c.v).startsWith("Rank"));
        expect(note?.v).toBe(`Rank ${h.rank} of 2 reps in 2026-Q2`);
      }
    }
  });

  it("the inside-sales bonus reads the second plan's cells on the Plan tab, and every formula computes its cached value", () => {
    const cells = writePlanSheet(planFrom(), "en").plans![1].cells;
    const dan = byRep.get("Dan")!.report;
    const bonus = dan.sheets.find((x) => x.key === "bonus")!;
    expect(bonus.rows.flat().some((c) => c?.f?.includes(`${cells.bonus.targetBonus}*`))).toBe(true);
    for (const s of built.statements) expect(checkFormulas(s.report).mismatches).toEqual([]);
  });

  it("names no other rep (the leak check stays at zero)", () => {
    const reps = built.statements.map((s) => s.rep);
    for (const rep of reps) {
      const texts = everyCell(rep).map((c) => `${String(c.v)} ${c.f ?? ""}`);
      for (const other of reps.filter((r) => r !== rep)) expect(texts.filter((x) => x.includes(other))).toEqual([]);
    }
  });
});
