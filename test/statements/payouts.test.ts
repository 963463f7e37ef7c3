/**
 * Statements with a Pay history (docs/reference/payouts.md "Statements"): the rep's own adjustments to closed periods,
 * payable and balances, and closed periods — and nothing of anyone else, in names, numbers or formulas.
 */
import type { History } from "../../src/history/types";
import { buildStatements } from "../../src/report/statement";
import type { Report } from "../../src/report/model";
import { checkFormulas } from "../report/hyperFormula";
import { ingestOf } from "../report/fixtures";
import { close, planOf, Q1, Q4_AT_CLOSE, Q4_TODAY } from "../report/payoutsFixtures";

const plan = planOf({ adjustments: "carry", clawbackCap: 3000 });
const history: History = { periods: [close(Q4_AT_CLOSE, plan, "2025-Q4")], events: [] };
const ingest = ingestOf([...Q4_TODAY, ...Q1], { currency: "CNY" });
const built = buildStatements(ingest, plan, { lang: "en", period: "2026-Q1", history });
const statementOf = (rep: string): Report => built.statements.find((s) => s.rep === rep)!.report;
const values = (r: Report) => r.sheets.flatMap((s) => s.rows.flat().map((c) => c?.v ?? null));

describe("a statement with the Pay history", () => {
  const li = statementOf("Li Na");
  const bonus = li.sheets.find((s) => s.key === "bonus")!;
  const rowOf = (label: string) => bonus.rows.findIndex((r) => r[0]?.v === label);

  it("shows the rep's own adjustment, payable and closed period", () => {
    const adj = rowOf("Adjustments to closed periods");
    expect(bonus.rows[adj + 3].map((c) => c?.v ?? null)).toEqual([
      "Li Na",
      "2025-Q4",
      10000,
      6000,
      "1 return added (−¥40,000)",
      -4000,
    ]);
    const pay = rowOf("Payable this period");
    expect(bonus.rows[pay + 2].slice(0, 4).map((c) => c?.v)).toEqual(["Li Na", 5000, -3000, 2000]);
    const closed = rowOf("Closed periods");
    expect(bonus.rows[closed + 2].map((c) => c?.v)).toEqual(["2025-Q4", 10000, 0, 10000, 0, 0]);
  });

  it("holds no other rep's name or figure, and its formulas recalculate (HyperFormula)", () => {
    const all = values(li).map(String);
    for (const other of ["Wang Fang", "Zhao Min", "Zhao Mn"]) expect(all.some((v) => v.includes(other))).toBe(false);
    // Other reps' paid, recomputed, differences and payables: 8,000 · 10,500 · 2,500 · 11,500 · 12,000 · −2,000.
    for (const n of [8000, 10500, 2500, 11500, 12000, -2000]) expect(values(li)).not.toContain(n);
    expect(checkFormulas(li).mismatches).toEqual([]);
  });

  it("without a history the statement is as before", () => {
    const plain = buildStatements(ingest, plan, { lang: "en", period: "2026-Q1" });
    const before = plain.statements.find((s) => s.rep === "Li Na")!.report.sheets.find((s) => s.key === "bonus")!;
    expect(before.rows.some((r) => r[0]?.v === "Payable this period")).toBe(false);
    expect(bonus.rows.slice(0, before.rows.length)).toEqual(before.rows);
  });
});
