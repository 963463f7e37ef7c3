/**
 * Team leaders (docs/reference/leaders.md): each leader scored on the team's totals, rolling up through parent teams,
 * a shared deal credited once per leader. The fixture (leadersFixture.ts) is worked by hand below.
 */
import { dec } from "../../src/engine/index";
import type { RawCell } from "../../src/ingest/types";
import { readTeamsSheet } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { scoreLeaders } from "../../src/report/leaders";
import type { Report, ReportSheet } from "../../src/report/model";
import { scorePeriod } from "../../src/report/score";
import { buildStatements } from "../../src/report/statement";
import { ingestOf } from "./fixtures";
import { checkFormulas, recalculate } from "./hyperFormula";
import { scoreWorkbook } from "../../src/cli/pipeline";
import { analyse } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import { teamsAssigning, twoPlans, twoPlansRows } from "./twoPlans";
import { leadersIngest, leadersPlan, leadersWorkbook, TEAMS_SHEET } from "./leadersFixture";

const teams = readTeamsSheet(TEAMS_SHEET, "Teams");
const sheet = (r: Report, key: string): ReportSheet | undefined => r.sheets.find((s) => s.key === key);
const rowOf = (s: ReportSheet, leader: string) => s.rows.find((x) => x[0]?.v === leader)!;

describe("scoreLeaders: the team's totals, each deal once", () => {
  const ingest = leadersIngest();
  const plan = leadersPlan();
  const scored = scorePeriod(ingest, plan);
  const { leaders, issues } = scoreLeaders(ingest, plan, scored, teams);
  const byLeader = new Map(leaders.map((l) => [l.leader, l]));
  const kpi = (leader: string, k: number) => {
    const x = byLeader.get(leader)!.kpis[k];
    return [x.actual?.toString(), x.target?.toString(), x.attainment?.toString()];
  };

  it("the reps are credited their splits (the double-credit trap is the sum of these)", () => {
    const revenue = new Map(scored.reps.map((r) => [r.rep, r.kpis[0].actual!.toString()]));
    expect(Object.fromEntries(revenue)).toEqual({ Alice: "20000", Bob: "16000", Carol: "11400", Dan: "13400" });
  });

  it("per leader, by hand: Nora (North), Sam (South) and Maya (Sales, over both)", () => {
    expect(leaders.map((l) => [l.leader, l.entry.team, l.teams, l.members.map((m) => m.rep).sort()])).toEqual([
      ["Maya", "Sales", ["Sales", "North", "South"], ["Alice", "Bob", "Carol", "Dan"]],
      ["Nora", "North", ["North"], ["Alice", "Bob"]],
      ["Sam", "South", ["South"], ["Carol", "Dan"]],
    ]);
    // Revenue. Nora: D1 10,000 + D2 (4,000 + 4,000 = its 8,000) + D3 (6,000 + 6,000, at most 6,000) + D4 (Bob's
    // 6,000 of 12,000) = 30,000, not the reps' 36,000. Target 2 × 20,000.
    expect(kpi("Nora", 0)).toEqual(["30000", "40000", "0.75"]);
    // Sam: D4 (Carol's 6,000) + D5 5,000 + D6 (5,400 + 5,400 = 120 %, at most 9,000) + the row without a deal 3,000
    // = 23,000, not 24,800.
    expect(kpi("Sam", 0)).toEqual(["23000", "40000", "0.575"]);
    // Maya: 10,000 + 8,000 + 6,000 + D4 (6,000 + 6,000 = its 12,000) + 5,000 + 9,000 + 3,000 = 53,000, not 60,800.
    expect(kpi("Maya", 0)).toEqual(["53000", "80000", "0.6625"]);
    // Deals (a count): Nora D1–D4 = 4 (6 rows); Sam D4, D5, D6 and the row = 4 (5 rows); Maya 7 (11 rows).
    expect(kpi("Nora", 1)).toEqual(["4", "6", dec(4).div(6).toString()]);
    expect(kpi("Sam", 1).slice(0, 2)).toEqual(["4", "6"]);
    expect(kpi("Maya", 1).slice(0, 2)).toEqual(["7", "12"]);
  });

  it("score and bonus per the plan (weights 60 / 40, the factor is the score, 10,000 target bonus)", () => {
    // Nora 0.6·0.75 + 0.4·4/6 = 0.71666…; Sam 0.6·0.575 + 0.4·4/6 = 0.61166…; Maya 0.6·0.6625 + 0.4·7/12 = 0.63083…
    const pay = leaders.map((l) => [l.leader, l.score.toFixed(6), l.payout.toString()]);
    expect(pay).toEqual([
      ["Maya", "0.630833", "6308.33"],
      ["Nora", "0.716667", "7166.67"],
      ["Sam", "0.611667", "6116.67"],
    ]);
  });

  it("the fixture's Teams sheet is clean: no issue", () => {
    expect(issues).toEqual([]);
  });
});

describe("other KPIs read a shared deal once, from its first row among the team's", () => {
  it("a count of yes counts it once, an average takes it once, an average amount is the team's credit per deal", () => {
    // D1 (1,000) split 50 / 50 between Ann and Ben, both rows a new customer, satisfaction 80 % on Ann's (the first)
    // and 60 % on Ben's; D2 (3,000) Ann's alone, satisfaction 100 %.
    const ingest = ingestOf([
      { rep: "Ann", team: "North", date: "2026-05-01", amount: 500, newCustomer: true, satisfaction: 0.8 },
      { rep: "Ben", team: "North", date: "2026-05-01", amount: 500, newCustomer: true, satisfaction: 0.6 },
      { rep: "Ann", team: "North", date: "2026-05-02", amount: 3000, newCustomer: false, satisfaction: 1 },
    ]);
    const deals = ["D1", "D1", "D2"];
    ingest.rows.forEach((row, i) => {
      row.dealId = deals[i];
      const dealAmount = i < 2 ? 1000 : 3000;
      row.credit = { dealAmount, split: i < 2 ? "0.5" : "1", names: 1, place: 0, firstNamed: true };
    });
    const plan = leadersPlan();
    const base = plan.kpis[0];
    plan.kpis = [
      { ...base, name: "New", measure: { field: "newCustomer", header: null }, aggregate: "count_true", weight: 0.4 },
      { ...base, name: "CSAT", measure: { field: "satisfaction", header: null }, aggregate: "average", weight: 0.3 },
      { ...base, name: "Deal size", aggregate: "average", weight: 0.3 },
    ];
    const scored = scorePeriod(ingest, plan);
    const north = readTeamsSheet(
      [
        ["Team", "Leader"],
        ["North", "Nora"],
      ],
      "Teams",
    );
    const [nora] = scoreLeaders(ingest, plan, scored, north).leaders;
    // The reps count the new customer twice (1 each); Nora once. CSAT (80 % + 100 %) / 2; deal size (1,000 + 3,000) / 2.
    expect(scored.reps.map((r) => [r.rep, r.kpis[0].actual!.toNumber()])).toEqual([
      ["Ann", 1],
      ["Ben", 1],
    ]);
    expect(nora.kpis.map((k) => k.actual!.toString())).toEqual(["1", "0.9", "2000"]);
  });
});

describe("the Leaders tab", () => {
  const report = buildReport(leadersIngest(), leadersPlan(), { lang: "en", teams });
  const tab = sheet(report, "leaders")!;

  it("comes after Ranking, one row per leader from the top team down", () => {
    expect(report.sheets.map((s) => s.key)).toEqual([
      "summary",
      "scorecard",
      "ranking",
      "leaders",
      "coaching",
      "trends",
      "bonus",
      "issues",
      "plan",
    ]);
    expect(tab.name).toBe("Leaders");
    expect(tab.rows[0].map((c) => c?.v)).toEqual([
      "Leader",
      "Team",
      "Parent team",
      "Reps",
      "Revenue actual",
      "Revenue target",
      "Revenue attainment",
      "Deals actual",
      "Deals target",
      "Deals attainment",
      "Score",
      "Bonus",
    ]);
    expect(tab.rows.slice(1, 4).map((r) => r.slice(0, 4).map((c) => c?.v ?? null))).toEqual([
      ["Maya", "Sales", null, 4],
      ["Nora", "North", "Sales", 2],
      ["Sam", "South", "Sales", 2],
    ]);
  });

  it("targets add up the members' Scorecard targets; attainment, score and bonus are formulas; actuals are values", () => {
    const maya = rowOf(tab, "Maya");
    expect(maya[4]).toMatchObject({ v: 53000 });
    expect(maya[4]!.f).toBeUndefined();
    const members = '((Scorecard!$B$2:$B$5="Sales")+(Scorecard!$B$2:$B$5="North")+(Scorecard!$B$2:$B$5="South"))';
    expect(maya[3]!.f).toBe(`SUMPRODUCT(${members}*1)`);
    expect(maya[5]).toMatchObject({
      f: `SUMPRODUCT(${members}*ISNUMBER(Scorecard!$D$2:$D$5),Scorecard!$D$2:$D$5)`,
      v: 80000,
    });
    expect(maya[6]).toMatchObject({ f: "IF(F2=0,NA(),E2/F2)", v: 0.6625 });
    expect(rowOf(tab, "Nora")[5]!.f).toBe(
      'SUMPRODUCT((Scorecard!$B$2:$B$5="North")*ISNUMBER(Scorecard!$D$2:$D$5),Scorecard!$D$2:$D$5)',
    );
    expect(maya[11]).toMatchObject({ v: 6308.33 });
    expect(checkFormulas(report).mismatches).toEqual([]);
  });

  it("recalculates from the Plan: a Revenue target of 25,000 makes Nora's 30,000 of 50,000 = 60 %", () => {
    const changed: Report = JSON.parse(JSON.stringify(report));
    const planTab = sheet(changed, "plan")!;
    const targetRow = planTab.rows.findIndex((r) => r[0]?.v === "Revenue");
    const targetCol = planTab.rows[targetRow].findIndex((c) => c?.v === 20000);
    planTab.rows[targetRow][targetCol] = { v: 25000 };
    const { value } = recalculate(changed);
    expect(value("Leaders", 3, 5)).toBe(50000);
    expect(value("Leaders", 3, 6)).toBe(0.6);
  });

  it("lists the team's issues on Data issues, never in a rep's statement", () => {
    const values: RawCell[][] = [
      ["Team", "Leader", "Parent team"],
      ["North", "Alice", "Nowhere"],
      ["South", "Sam", null],
      ["West", "Wu", null],
    ];
    const odd = readTeamsSheet(values, "Teams");
    const r = buildReport(leadersIngest(), leadersPlan(), { lang: "en", teams: odd });
    const issues = sheet(r, "issues")!;
    const reasons = issues.rows.map((x) => x.map((c) => c?.v ?? null)).filter((x) => x[0] === "Teams");
    expect(reasons.map((x) => [x[1], x[2], x[5]])).toEqual(
      expect.arrayContaining([
        [2, "Parent team", 'Teams!C2: the parent team "Nowhere" is not on the sheet; North is read as a top team'],
        [
          2,
          "Leader",
          "Teams!B2: Alice also sells: scored as a rep on their own sales, and as the leader of North on the team's totals",
        ],
        [4, "Team", "Teams!A4: West and its sub-teams have no rep scored in 2026-Q2; Wu is not scored"],
      ]),
    );
    expect(
      sheet(r, "leaders")!
        .rows.slice(1, 3)
        .map((x) => x[0]?.v),
    ).toEqual(["Alice", "Sam"]);
    const { statements } = buildStatements(leadersIngest(), leadersPlan(), { lang: "en" });
    const text = JSON.stringify(statements.find((s) => s.rep === "Dan")!.report);
    expect(text).not.toContain("Alice");
    expect(text).not.toContain("Teams");
  });

  it("a team of the sales sheet missing from the Teams sheet is listed; its reps count for no leader", () => {
    const only = readTeamsSheet(
      [
        ["Team", "Leader"],
        ["North", "Nora"],
      ],
      "Teams",
    );
    const r = buildReport(leadersIngest(), leadersPlan(), { lang: "zh", teams: only });
    const issues = sheet(r, "issues")!.rows.map((x) => x[5]?.v);
    expect(issues).toContain("“South”（销售明细中的团队）不在“Teams”工作表中，其销售员不计入任何团队负责人");
    expect(sheet(r, "leaders")!.name).toBe("团队负责人");
    expect(sheet(r, "leaders")!.rows.length).toBe(2 + 2); // header, Nora, blank, note
  });
});

describe("a CRM export with split rows and a Teams sheet, in the CLI and in the pane", () => {
  const sheets = leadersWorkbook();
  const cli = scoreWorkbook(sheets, leadersPlan(), { lang: "en", inputName: "crm.xlsx" });
  const analysis = analyse(sheets, [], "en");
  const pane = buildPaneReport(
    { ...analysis, plan: { ...analysis.plan, plan: leadersPlan() } },
    sheets.map((s) => s.name),
    [],
    "2026-Q2",
    "en",
  );
  /** Leader, revenue actual and target, deals actual and target, score (6 places), bonus. */
  const totals = (r: Report) =>
    sheet(r, "leaders")!
      .rows.slice(1)
      .filter((x) => x.length > 4)
      .map((x) => [x[0]!.v, x[4]!.v, x[5]!.v, x[7]!.v, x[8]!.v, (x[10]!.v as number).toFixed(6), x[11]!.v]);

  it("per-leader totals equal the hand calculation", () => {
    expect(cli.ok).toBe(true);
    // As above, plus "Carol / Dan" 4,000: one deal of South's, each rep credited 2,000. Sam: 23,000 + 4,000 =
    // 27,000 of 40,000 (67.5 %) and 5 deals of 6: 0.6·0.675 + 0.4·5/6 = 0.738333…; Maya: 57,000 of 80,000 and 8 of 12:
    // 0.6·0.7125 + 0.4·8/12 = 0.694166…; Nora as above.
    expect(totals((cli as { report: Report }).report)).toEqual([
      ["Maya", 57000, 80000, 8, 12, "0.694167", 6941.67],
      ["Nora", 30000, 40000, 4, 6, "0.716667", 7166.67],
      ["Sam", 27000, 40000, 5, 6, "0.738333", 7383.33],
    ]);
    const revenue = (r: Report) =>
      sheet(r, "scorecard")!
        .rows.slice(1)
        .map((x) => [x[0]!.v, x[1]!.v, x[2]!.v]);
    expect(revenue((cli as { report: Report }).report)).toEqual([
      ["Alice", "North", 20000],
      ["Bob", "North", 16000],
      ["Carol", "South", 13400],
      ["Dan", "South", 15400],
    ]);
  });

  it("the pane builds the same Leaders tab as the CLI", () => {
    expect(analysis.teams?.sheet).toBe("Teams");
    expect(sheet(pane, "leaders")).toEqual(sheet((cli as { report: Report }).report, "leaders"));
  });
});

describe("several plans: each leader on their team's plan", () => {
  // test/report/twoPlans.ts: North (Alice, Bob) on Field sales, Phone (Carol, Dan) on Inside sales; Yan leads North,
  // Zoe leads Phone.
  const plan = { ...twoPlans(), planOfTeam: { north: "Field sales", phone: "Inside sales" } };
  const teams = readTeamsSheet(teamsAssigning.values, "Teams");
  const report = buildReport(ingestOf(twoPlansRows()), plan, { lang: "en", teams });
  const tab = sheet(report, "leaders")!;

  it("scores each leader with the team's plan, by hand", () => {
    // Yan on Field sales: revenue 120,000 + 80,000 of 2 × 100,000 = 100 %, new customers 1 + 4 of 2 × 4 = 62.5 %:
    // 0.7 · 1 + 0.3 · 0.625 = 0.8875 → 1,000 × 0.8875 = 887.50.
    // Zoe on Inside sales: deals 12 + 5 of 2 × 10 = 85 %, revenue 60,000 + 20,000 of 2 × 50,000 = 80 %:
    // 0.6 · 0.85 + 0.4 · 0.8 = 0.83 → 500 × 0.83 = 415.
    const values = tab.rows.map((r) => r.map((c) => c?.v ?? null));
    expect(values[0]).toEqual(["Plan: Field sales"]);
    expect(values[1].slice(4, 7)).toEqual(["Revenue actual", "Revenue target", "Revenue attainment"]);
    expect(values[2]).toEqual(["Yan", "North", null, 2, 200000, 200000, 1, 5, 8, 0.625, 0.8875, 887.5]);
    expect(values[4]).toEqual(["Plan: Inside sales"]);
    expect(values[5].slice(4, 7)).toEqual(["Deals actual", "Deals target", "Deals attainment"]);
    expect(values[6]).toEqual(["Zoe", "Phone", null, 2, 17, 20, 0.85, 80000, 100000, 0.8, 0.83, 415]);
  });

  it("targets are values there (the Scorecard is split by plan); the rest are formulas on each plan's Plan cells", () => {
    expect(tab.rows[6][5]!.f).toBeUndefined();
    expect(tab.rows[6][10]!.f).toContain("/(");
    expect(tab.tables?.map((x) => x.ref)).toEqual(["A2:L3", "A6:L7"]);
    expect(checkFormulas(report).mismatches).toEqual([]);
  });
});

describe("without a Teams sheet", () => {
  it("the report is exactly as it was: no Leaders tab, the same cells", () => {
    const ingest = ingestOf([{ rep: "Ann", date: "2026-04-02", amount: 100 }]);
    const a = buildReport(ingest, leadersPlan(), { lang: "en" });
    const b = buildReport(ingest, leadersPlan(), { lang: "en", teams: null });
    expect(sheet(a, "leaders")).toBeUndefined();
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
