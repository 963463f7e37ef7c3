/**
 * Ties, crafted (docs/reference/plan.md ranking, docs/reference/verification.md): reps whose scores are exactly equal,
 * and reps whose scores and first-KPI actuals are equal at 15 significant digits but not beyond, get the rank and
 * status the tie rule gives — score, then the first KPI's actual, then the rep name in code-point order — in the
 * engine, in the cached values of the written .xlsx, after HyperFormula and after LibreOffice recalculate it. The
 * Scorecard lists the reps in pinyin order, which differs from code-point order (王 wáng after 张 zhāng in code
 * points, before it in pinyin): its hidden tie-order column keeps the rule.
 * An in-memory sales sheet goes the real way: ingest → report → xlsx.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../src/cli/pipeline";
import type { RawCell, RawSheet } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import type { Plan } from "../../src/plan/types";
import type { Report } from "../../src/report/model";
import { compareCodePoints } from "../../src/report/compare";
import { scorePeriod } from "../../src/report/score";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { loadWorkbook } from "../libreoffice/compareFormulas";
import { lo, suiteTempDir } from "../libreoffice/libreOffice";
import { serial } from "./fixtures";
import { checkFormulas, recalculate } from "./hyperFormula";

// Two KPIs of weight 50 % with a target of 1, so a score is the mean of the two actuals.
const base = defaultPlan("en");
const revenue = { ...base.kpis[0], target: { kind: "fixed" as const, value: 1 }, weight: 0.5, cap: null };
const quality = { ...revenue, name: "Quality", measure: { field: null, header: "Quality" } };
const plan: Plan = { ...base, kpis: [revenue, quality], ranking: { top: 2, bottom: 2 } };

// [rep, team, revenue, quality]
const REPS: [string, string, number, number][] = [
  // Exact ties on score and revenue: code points decide ("Z" U+005A, "吉" U+5409, "𠮷" U+20BB7, beyond 16 bits).
  // The Top line falls inside the group.
  ["𠮷田", "East", 0.6, 0.2],
  ["吉田", "East", 0.6, 0.2],
  ["Zoë", "South", 0.6, 0.2],
  // Score and revenue differ in the 17th significant digit: a tie at 15 digits, so the name decides, not the
  // bigger double.
  ["Eve", "North", 0.30000000000000004, 0.3],
  ["Dee", "East", 0.3, 0.3],
  // An exact score tie broken by the first KPI's actual (revenue), against name order.
  ["Fay", "East", 0.1, 0.3],
  ["Gus", "North", 0.3, 0.1],
  // Above the tie below by 5e-13 (the 13th digit): no tie anywhere.
  ["Kim", "East", 0.100000000001, 0.1],
  // An exact three-way tie across the Coaching line.
  ["Ned", "East", 0.1, 0.1],
  ["Mo", "East", 0.1, 0.1],
  ["Lu", "South", 0.1, 0.1],
  // An exact tie listed in pinyin order (王芳, 张伟) but ranked in code-point order (张 U+5F20 before 王 U+738B),
  // across the Coaching line.
  ["王芳", "West", 0.05, 0.05],
  ["张伟", "West", 0.05, 0.05],
];

/** What the tie rule gives, by hand: rep → [rank, status]. */
const EXPECTED: Record<string, [number, string]> = {
  Zoë: [1, "Top"],
  吉田: [2, "Top"],
  𠮷田: [3, ""],
  Dee: [4, ""],
  Eve: [5, ""],
  Gus: [6, ""],
  Fay: [7, ""],
  Kim: [8, ""],
  Lu: [9, ""],
  Mo: [10, ""],
  Ned: [11, ""],
  张伟: [12, "Coaching"],
  王芳: [13, "Coaching"],
};
/** Team averages: North (0.2 + 0.30000000000000002) / 2 ties with South (0.4 + 0.1) / 2 at 15 digits: name order. */
const TEAMS = ["North", "South", "East", "West"];
/** The Scorecard's rows: Latin names alphabetically, Chinese names in pinyin order (ICU zh-CN). */
const LISTED = ["吉田", "王芳", "张伟", "𠮷田", "Dee", "Eve", "Fay", "Gus", "Kim", "Lu", "Mo", "Ned", "Zoë"];

const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Rep", "Team", "Date", "Amount", "Quality"],
    ...REPS.map(([rep, team, amount, q]): RawCell[] => [rep, team, serial("2026-04-15"), amount, q]),
  ],
  numberFormats: [[null, null, null, null, null], ...REPS.map(() => [null, null, "yyyy-mm-dd", null, null])],
};

const scored = scoreWorkbook([sales], plan, { lang: "en", inputName: "ties.xlsx" });
if (!scored.ok) throw new Error(scored.message);
const report: Report = scored.report;
const scorecard = report.sheets.find((s) => s.key === "scorecard")!;
const ranking = report.sheets.find((s) => s.key === "ranking")!;
const header = scorecard.rows[0].map((c) => c?.v);
const RANK = header.indexOf("Rank");
const STATUS = header.indexOf("Status");
const byRank = Object.entries(EXPECTED)
  .sort((a, b) => a[1][0] - b[1][0])
  .map(([rep]) => rep);

type Read = (sheet: string, row: number, col: number) => unknown;

/** Rep → [rank, status] as a workbook shows them on the Scorecard, plus the Ranking tab's reps and teams in order. */
function shown(read: Read): { reps: Record<string, [unknown, unknown]>; rankingList: unknown[]; teams: unknown[] } {
  const reps: Record<string, [unknown, unknown]> = {};
  for (let row = 2; row <= REPS.length + 1; row++)
    reps[String(read(scorecard.name, row, 0))] = [read(scorecard.name, row, RANK), read(scorecard.name, row, STATUS)];
  const rankingList = REPS.map((_, i) => read(ranking.name, i + 2, 0));
  // Teams listed in engine order; their rank formulas (column G) must give 1, 2, 3 there.
  const teams = TEAMS.map((_, i) => [read(ranking.name, i + 2, 6), read(ranking.name, i + 2, 7)]);
  return { reps, rankingList, teams };
}

const EXPECTED_TEAMS = TEAMS.map((team, i) => [i + 1, team]);

describe("crafted ties", () => {
  it("ingest keeps every digit: no row excluded or changed", () => {
    expect(scored.ingest.reconciliation.rowsExcluded).toBe(0);
    expect(scored.ingest.rows.map((r) => r.amount)).toEqual(REPS.map((r) => r[2]));
  });

  it("the engine ranks by the tie rule", () => {
    const engine = scorePeriod(scored.ingest, plan);
    expect(Object.fromEntries(engine.reps.map((r) => [r.rep, [r.rank, r.status ?? ""]]))).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([rep, [rank, status]]) => [rep, [rank, status.toLowerCase()]])),
    );
    expect(engine.teams.map((t) => [t.rank, t.team])).toEqual(EXPECTED_TEAMS);
  });

  it("the report's cached values say the same", () => {
    expect(shown((sheet, row, col) => report.sheets.find((s) => s.name === sheet)!.rows[row - 1][col]?.v)).toEqual({
      reps: EXPECTED,
      rankingList: byRank,
      teams: EXPECTED_TEAMS,
    });
  });

  it("the Scorecard lists reps in pinyin order; its hidden tie-order column holds the code-point order", () => {
    expect(scorecard.rows.slice(1).map((r) => r[0]?.v)).toEqual(LISTED);
    const TIE = header.indexOf("Tie order (name)");
    expect(scorecard.hiddenColumns).toEqual([TIE]);
    const byCodePoint = [...LISTED].sort(compareCodePoints);
    expect(scorecard.rows.slice(1).map((r) => r[TIE]?.v)).toEqual(LISTED.map((rep) => byCodePoint.indexOf(rep) + 1));
  });

  it("HyperFormula recalculates the same ranks and statuses, and every other formula", () => {
    expect(shown(recalculate(report).value)).toEqual({ reps: EXPECTED, rankingList: byRank, teams: EXPECTED_TEAMS });
    expect(checkFormulas(report).mismatches).toEqual([]);
  });
});

/** A cell of a workbook read back by exceljs: a formula's cached result, or the value. */
function xlsxReader(wb: ExcelJS.Workbook): Read {
  return (sheet, row, col) => {
    const v = wb
      .getWorksheet(sheet)!
      .getRow(row)
      .getCell(col + 1).value;
    return v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
  };
}

const tempDir = suiteTempDir("salesperf-ties-");
let written = "";
beforeAll(async () => {
  written = path.join(tempDir(), "ties.xlsx");
  fs.writeFileSync(written, await writeReportXlsx(report));
});

describe("crafted ties in the written .xlsx", () => {
  it("the cached values in the file say the same", async () => {
    const wb = await loadWorkbook(written);
    expect(shown(xlsxReader(wb))).toEqual({ reps: EXPECTED, rankingList: byRank, teams: EXPECTED_TEAMS });
  });

  it("the tie-order column is hidden in the file", async () => {
    const wb = await loadWorkbook(written);
    const ws = wb.getWorksheet(scorecard.name)!;
    const hidden = header.map((_, c) => ws.getColumn(c + 1).hidden);
    expect(hidden).toEqual(header.map((h) => h === "Tie order (name)"));
  });
});

describeWithEngine("libreoffice", "crafted ties recalculated by LibreOffice", (soffice) => {
  it("LibreOffice recalculates the same ranks and statuses", async () => {
    const recalculated = await loadWorkbook(lo.recalcWithLibreOffice(written, path.join(tempDir(), "lo"), soffice));
    expect(shown(xlsxReader(recalculated))).toEqual({ reps: EXPECTED, rankingList: byRank, teams: EXPECTED_TEAMS });
  });
});
