// Issue #13 "Done when", for currencies: a CRM export with split rows in CNY, USD and EUR, a Teams sheet and a Rates
// sheet scores to the same per-rep and per-leader totals as a hand calculation, in the CLI's steps and in the pane's
// (docs/reference/input.md "Currencies", "Split credit"; docs/reference/leaders.md; cleaning.md "Currencies").
import Decimal from "decimal.js";
import { resolvePlan, scoreWorkbook } from "../../src/cli/pipeline";
import type { IngestResult, RawSheet } from "../../src/ingest";
import { readWorkbookTeams, type Plan } from "../../src/plan";
import { scoreLeaders } from "../../src/report/leaders";
import type { Report } from "../../src/report/model";
import { scorePeriod } from "../../src/report/score";
import { analyse } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";

const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;

const SALES: RawSheet = {
  name: "Opportunities",
  values: [
    ["Deal ID", "Owner", "Team", "Close Date", "Amount", "Currency", "Split %"],
    ["D1", "Alice", "East", day("2026-04-10"), 1000, "USD", "60%"], // 1000 × 7 = 7000; × 60 % = 4200
    ["D1", "Bob", "East", day("2026-04-10"), 1000, "USD", "40%"], // 7000 × 40 % = 2800
    ["D2", "Bob", "East", day("2026-05-03"), 500.25, "EUR", null], // 500.25 × 8 = 4002; blank split: 100 %
    ["D3", "Carol", "West", day("2026-05-20"), 333.33, "USD", 0.5], // × 7.2 = 2399.976 → 2399.98; × 0.5 = 1199.99
    ["D3", "Bob", "East", day("2026-05-20"), 333.33, "USD", 0.5], // 1199.99
    ["D4", "Dan", "West", day("2026-06-01"), 10000, "CNY", null], // 10000
    ["D5", "Carol", "West", day("2026-06-02"), 100, "GBP", null], // no GBP rate: left out, named
  ],
};
const RATES: RawSheet = {
  name: "Rates",
  values: [
    ["Currency", "Rate", "From"],
    ["CNY", 1, null],
    ["USD", 7, "2026-04-01"],
    ["USD", 7.2, "2026-05-01"],
    ["EUR", 8, null],
  ],
};
const TEAMS: RawSheet = {
  name: "Teams",
  values: [
    ["Team", "Leader", "Parent team"],
    ["Sales", "Maya", null],
    ["East", "Nora", "Sales"],
    ["West", "Sam", "Sales"],
  ],
};
const SHEETS = [SALES, TEAMS, RATES];

// By hand (the comments above), in CNY:
const REPS = {
  Alice: "4200",
  Bob: new Decimal(2800).plus(4002).plus("1199.99").toFixed(), // 8001.99
  Carol: "1199.99",
  Dan: "10000",
};
// A leader counts each deal once: the team's credits of it, at most the deal's converted amount.
const LEADERS = {
  Nora: new Decimal(7000).plus(4002).plus("1199.99").toFixed(), // East: D1 whole, D2, Bob's half of D3 = 12201.99
  Sam: new Decimal("1199.99").plus(10000).toFixed(), // West: Carol's half of D3, D4 = 11199.99
  Maya: new Decimal(7000).plus(4002).plus("2399.98").plus(10000).toFixed(), // every deal once = 23401.98
};

function totals(ingest: IngestResult, plan: Plan) {
  const scored = scorePeriod(ingest, plan, { period: "2026-Q2", lang: "en" });
  const k = plan.kpis.findIndex((x) => x.measure.field === "amount" && x.aggregate === "sum");
  const reps = Object.fromEntries(scored.reps.map((r) => [r.rep, r.kpis[k].actual!.toFixed()]));
  const { leaders } = scoreLeaders(ingest, plan, scored, readWorkbookTeams(SHEETS)!);
  return { reps, leaders: Object.fromEntries(leaders.map((l) => [l.leader, l.kpis[k].actual!.toFixed()])) };
}

/** Every number on the report's Leaders tab. */
function leadersTabNumbers(report: Report): unknown[] {
  return report.sheets.find((s) => s.key === "leaders")!.rows.flatMap((r) => r.map((c) => c?.v));
}

describe("a CRM export with split deals in three currencies, a Teams sheet and a Rates sheet", () => {
  it("checks the hand calculation itself", () => {
    expect(REPS.Bob).toBe("8001.99");
    expect(LEADERS).toEqual({ Nora: "12201.99", Sam: "11199.99", Maya: "23401.98" });
  });

  it("scores to the hand calculation in the CLI", () => {
    const planned = resolvePlan(SHEETS, undefined, "en", "2026-Q2");
    if (!planned.ok) throw new Error(planned.message);
    const scored = scoreWorkbook(SHEETS, planned.plan, { lang: "en", inputName: "crm.xlsx" });
    if (!scored.ok) throw new Error(scored.message);
    expect(totals(scored.ingest, scored.plan)).toEqual({ reps: REPS, leaders: LEADERS });
    const excluded = scored.ingest.issues.filter((i) => i.action === "excluded");
    expect(excluded.map((i) => [i.row, i.reasonKey])).toEqual([[8, "currencyNoRate"]]);
    const onTab = leadersTabNumbers(scored.report);
    for (const v of Object.values(LEADERS)) expect(onTab).toContain(Number(v));
  });

  it("scores to the same totals in the pane", () => {
    const analysis = analyse(SHEETS, [], "en");
    expect(analysis.plan.errors).toEqual([]);
    expect(totals(analysis.ingested!, analysis.plan.plan!)).toEqual({ reps: REPS, leaders: LEADERS });
    const report = buildPaneReport(analysis, ["Opportunities", "Teams", "Rates"], [], "2026-Q2", "en");
    const onTab = leadersTabNumbers(report);
    for (const v of Object.values(LEADERS)) expect(onTab).toContain(Number(v));
  });
});
