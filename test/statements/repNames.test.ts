/**
 * Statements (docs/reference/statements.md) with names on a Ratings sheet and on Targets that match a sales rep only ignoring case:
 * the rows and their issues are that rep's, no phantom rep gets a statement, and a Ratings row of nobody scored
 * (listed on the team report's Data issues) is on no statement.
 */
import { serialOfDay } from "../../src/sheet";
import { ingest } from "../../src/ingest/index";
import type { RawCell, RawSheet } from "../../src/ingest/types";
import { readWorkbookPlan } from "../../src/plan/index";
import type { ReportSheet } from "../../src/report/model";
import { buildStatements } from "../../src/report/statement";

const day = (y: number, m: number, d: number): number => serialOfDay(y, m, d);
const sheet = (name: string, values: RawCell[][]): RawSheet => ({ name, values });

const sheets: RawSheet[] = [
  sheet("Sales", [
    ["Date", "Rep", "Team", "Amount", "Satisfaction"],
    [day(2026, 1, 5), "Neg", "T1", 500, 0.9],
    [day(2026, 4, 5), "Neg", "T1", 1000, 0.9],
    [day(2026, 1, 5), "Ok", "T2", 1000, 0.9],
    [day(2026, 4, 5), "Ok", "T2", 1000, 0.9],
  ]),
  sheet("Ratings", [
    ["Rep", "Date", "Manager rating"],
    [" neg ", day(2026, 4, 5), 5],
    ["neg", day(2026, 5, 5), "n/a"],
    ["Ok", "2026-04", 4],
    ["Hidden Person", "2026-05", 4],
  ]),
  sheet("Targets", [
    ["Rep", "KPI", "Target"],
    ["ok", "Revenue", 4321],
  ]),
];

const texts = (s: ReportSheet): string[] =>
  s.rows.flatMap((r) => (r ?? []).map((c) => (c === null || c.v === null ? "" : String(c.v))));

describe("statements with names matched ignoring case", () => {
  const ingested = ingest(sheets);
  if ("kind" in ingested) throw new Error("fixture not ingested");
  const planned = readWorkbookPlan(sheets, "en");
  if (!planned.ok) throw new Error("fixture plan invalid");
  const built = buildStatements(ingested, planned.plan, { lang: "en", sheets });
  const of = (rep: string) => built.statements.find((s) => s.rep === rep)!;
  const issues = (rep: string) => of(rep).report.sheets.find((s) => s.key === "issues")!;

  it("one statement per sales rep; none for 'neg', 'ok' or 'Hidden Person'", () => {
    expect(built.statements.map((s) => s.rep).sort()).toEqual(["Neg", "Ok"]);
  });

  it("Ok's statement carries the target set for 'ok' on Targets", () => {
    expect(of("Ok").scored.kpis[0].target?.toString()).toBe("4321");
  });

  it("Neg's Data issues hold the rows of 'neg' on Ratings: the unreadable rating and the name match", () => {
    const rows = issues("Neg")
      .rows.slice(1)
      .map((r) => (r ?? []).slice(0, 5).map((c) => c?.v ?? null));
    expect(rows).toEqual(
      expect.arrayContaining([
        ["Ratings", 3, "Manager rating", "n/a", "Ignored"],
        ["Ratings", 2, null, "neg", "Merged"],
      ]),
    );
  });

  it("no statement names Hidden Person (the team report lists that row)", () => {
    for (const s of built.statements) {
      for (const tab of s.report.sheets) expect(texts(tab).filter((x) => x.includes("Hidden Person"))).toEqual([]);
    }
    expect(texts(issues("Ok")).some((x) => x.includes('"ok"'))).toBe(true);
  });
});
