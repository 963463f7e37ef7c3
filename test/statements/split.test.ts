/**
 * Statements of split deals (docs/reference/statements.md): each rep's My sales tab holds their own credits (the
 * amount credited, the split as a percentage) and totals to their revenue; no part names another rep, also for a
 * rep cell naming several reps; the lines of a shared row that name no one are on each credited rep's statement.
 */
import { ingest } from "../../src/ingest/index";
import type { IngestResult, RawSheet } from "../../src/ingest/types";
import { parsePlanJson } from "../../src/plan/index";
import type { ReportCell, ReportSheet } from "../../src/report/model";
import { buildStatements } from "../../src/report/statement";
import { REVENUE, SPLIT_EXPORT, splitPlanJson } from "../report/splitFixture";

const sheets: RawSheet[] = [
  {
    name: "CRM export",
    // D-104's shared row also has an amount written as text: a line that names no rep.
    values: SPLIT_EXPORT.map((row) => (row[0] === "D-104" ? row.map((v, c) => (c === 3 ? "3,000" : v)) : row)),
  },
];

function built() {
  const data = ingest(sheets) as IngestResult;
  const plan = parsePlanJson(splitPlanJson());
  if (!plan.ok) throw new Error("plan");
  return buildStatements(data, plan.plan, { lang: "en", sheets });
}

const texts = (s: ReportSheet): string[] =>
  s.rows.flatMap((r) => r.map((c: ReportCell | null) => (c === null || c.v === undefined ? "" : String(c.v))));

describe("statements of a CRM split export", () => {
  const { statements } = built();

  it("My sales: the rep's credits, the split as a percentage, a total equal to the rep's revenue", () => {
    const carol = statements.find((s) => s.rep === "Carol Li")!;
    const sales = carol.report.sheets.find((s) => s.key === "data")!;
    const header = sales.rows[0].map((c) => c?.v);
    const amount = header.indexOf("Amount");
    const split = header.indexOf("Split %");
    const rows = sales.rows.slice(1, 3);
    // D-103 (8000 × 50 %) and her half of the shared D-104 (3000 ÷ 2)
    expect(rows.map((r) => [r[0]?.v, r[amount]?.v, r[split]?.v ?? null])).toEqual([
      [5, 4000, 0.5],
      [8, 1500, 0.5],
    ]);
    expect(rows[0][split]?.fmt).toMatch(/%$/);
    const total = sales.rows.find((r) => r[0]?.v === "Total")!;
    expect(total[amount]!.v).toBe(Number(REVENUE["Carol Li"]));
  });

  it("no statement names another rep, the shared row's rep cell included", () => {
    const reps = Object.keys(REVENUE);
    for (const s of statements) {
      const all = s.report.sheets.flatMap(texts).join("\n");
      for (const other of reps.filter((r) => r !== s.rep))
        expect({ rep: s.rep, other, found: all.includes(other) }).toEqual({ rep: s.rep, other, found: false });
    }
  });

  it("the shared row's amount conversion is on both credited reps' statements, its rep-cell line on neither", () => {
    const issuesOf = (rep: string) =>
      statements
        .find((s) => s.rep === rep)!
        .report.sheets.find((s) => s.key === "issues")!
        .rows.slice(1)
        .map((r) => [r[1]?.v, r[2]?.v]);
    for (const rep of ["Carol Li", "Dan Wu"]) {
      const rows = issuesOf(rep).filter((x) => x[0] === 8);
      expect(rows).toEqual([[8, "Amount"]]);
    }
    expect(issuesOf("Alice Chen").some((x) => x[0] === 8)).toBe(false);
  });
});
