/**
 * The Summary tab (docs/reference/tabs.md): first in the report, every figure a native formula on the other tabs with
 * the engine's value cached, and the reconciliation of the scored period beside the whole file (cleaning.md).
 */
import { ingest } from "../../src/ingest/index";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan, writePlanSheet } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportCell, ReportSheet, SheetKey } from "../../src/report/model";
import { parseCellAddress } from "../../src/sheet";
import { SAMPLES } from "../samples";
import { checkFormulas, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf, serial } from "./fixtures";

const sheet = (r: Report, key: SheetKey): ReportSheet => r.sheets.find((s) => s.key === key)!;
/** The row whose first cell is `label`, as [label, B, C, D] values. */
function line(s: ReportSheet, label: string): (ReportCell | null)[] {
  const row = s.rows.find((x) => x[0]?.v === label);
  if (!row) throw new Error(`no line "${label}" on ${s.name}`);
  return row;
}
const values = (cells: (ReportCell | null)[]): unknown[] => cells.map((c) => c?.v ?? null);

describe("Summary tab on the default example (2026-Q2, hand-computed in fixtures.ts)", () => {
  const r = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
  const s = sheet(r, "summary");

  it("comes first, titled with the period", () => {
    expect(r.sheets[0]).toBe(s);
    expect(s.name).toBe("Summary");
    expect(s.rows[0][0]).toEqual({ v: "Performance summary, 2026-Q2", style: "title" });
    expect(values(s.rows[1])).toEqual(["Period", "2026-Q2 (2026-04-01 to 2026-06-30)"]);
  });

  it("team revenue against target, bonus pool, reps at 100 %: formulas on the Scorecard with the engine's values", () => {
    // Alice 121000 / 110000, Bob 330000 / 220000, Carol 50000 with no target (no prior quarter).
    expect(line(s, "Revenue: team actual")[1]).toEqual({ f: "SUM(Scorecard!$C$2:$C$4)", v: 501000, fmt: "$#,##0.00" });
    expect(line(s, "Revenue: team target")[1]).toMatchObject({ f: "SUM(Scorecard!$D$2:$D$4)", v: 330000 });
    // Over the reps with a target: (121000 + 330000) / 330000.
    const att = line(s, "Revenue: team attainment (reps with a target)")[1]!;
    expect(att.f).toBe('IF(B6=0,"",SUMPRODUCT(ISNUMBER(Scorecard!$D$2:$D$4)*Scorecard!$C$2:$C$4)/B6)');
    expect(att.v).toBeCloseTo(451000 / 330000, 15);
    expect(line(s, "Bonus pool (bonus earned, all reps)")[1]).toMatchObject({
      f: "SUM(Scorecard!$R$2:$R$4)",
      v: 13306.25,
    });
    expect(line(s, "Reps scored")[1]).toMatchObject({ f: "COUNT(Scorecard!$O$2:$O$4)", v: 3 });
    expect(line(s, "Reps at or above 100% of the Revenue target")[1]).toMatchObject({
      f: 'COUNTIF(Scorecard!$E$2:$E$4,">=1")',
      v: 2,
    });
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("Top and Coaching names, one cell per name, in rank order", () => {
    const at = s.rows.findIndex((x) => x[0]?.v === "Top");
    expect(values(s.rows[at])).toEqual(["Top", "Coaching"]);
    // Top 5 of 3 reps: all three are Top, none is Coaching (the Scorecard's rule: Top wins).
    expect(s.rows.slice(at + 1, at + 4).map(values)).toEqual([
      ["Bob", ""],
      ["Alice", ""],
      ["Carol", ""],
    ]);
  });

  it("follows the Plan tab: with Top 1 the names move to Coaching, and a lower target lifts attainment", () => {
    const edited: Report = JSON.parse(JSON.stringify(r));
    const cells = writePlanSheet(defaultPlan("en"), "en").cells;
    const set = (a1: string, v: number): void => {
      const { row, col } = parseCellAddress(a1.replace(/\$/g, ""))!;
      sheet(edited, "plan").rows[row][col] = { v };
    };
    set(cells.ranking.top, 1);
    set(cells.kpis[0].target, 0); // growth 10 % → 0 %: targets become the prior quarter's revenue
    const { value } = recalculate(edited);
    const at = s.rows.findIndex((x) => x[0]?.v === "Top") + 1;
    expect([1, 2, 3].map((i) => [value("Summary", at + i, 0), value("Summary", at + i, 1)])).toEqual([
      ["Bob", ""],
      ["", "Alice"],
      ["", "Carol"],
    ]);
    const row = s.rows.findIndex((x) => x[0]?.v === "Revenue: team target") + 1;
    expect(value("Summary", row, 1)).toBe(300000);
    expect(value("Summary", row + 1, 1)).toBeCloseTo(451000 / 300000, 12);
  });

  it("reconciliation: the scored period beside the whole file, read from the Data issues tab", () => {
    const at = s.rows.findIndex((x) => x[0]?.v === "Reconciliation");
    expect(values(s.rows[at])).toEqual(["Reconciliation", "Scored period 2026-Q2", "Whole file"]);
    expect(s.rows[at + 1]).toEqual([
      { v: "Rows read" },
      { f: "'Data issues'!$J$2", v: 154, fmt: "#,##0" },
      { f: "'Data issues'!$I$2", v: 156, fmt: "#,##0" },
    ]);
    // 44 × 2750 + 100 × 3300 + 10 × 5000 in the quarter; 100000 (Feb) and 200000 (Mar) outside it.
    expect(values(line(s, "Amount used"))).toEqual(["Amount used", 501000, 801000]);
  });

  it("an actual-versus-target bar chart over its own rep table, in rank order", () => {
    const head = s.rows.findIndex((x) => x[0]?.v === "Rep") + 1;
    expect(values(s.rows[head])).toEqual(["Bob", 330000, 220000, 1.5]);
    expect(values(s.rows[head + 2])).toEqual(["Carol", 50000, "", ""]);
    expect(s.tables).toEqual([{ name: "SP_Summary", ref: `A${head}:D${head + 3}`, style: "TableStyleMedium2" }]);
    expect(s.charts).toHaveLength(1);
    expect(s.charts![0]).toMatchObject({
      type: "bar",
      title: "Revenue: actual and target by rep, 2026-Q2",
      categories: `Summary!$A$${head + 1}:$A$${head + 3}`,
      series: [
        { name: "Actual", values: `Summary!$B$${head + 1}:$B$${head + 3}` },
        { name: "Target", values: `Summary!$C$${head + 1}:$C$${head + 3}` },
      ],
      cache: {
        categories: ["Bob", "Alice", "Carol"],
        values: [
          [330000, 121000, 50000],
          [220000, 110000, 0],
        ],
      },
    });
  });
});

describe("the reconciliation of the scored period (docs/reference/cleaning.md)", () => {
  // Three excluded rows: one in the quarter with an amount, one in the quarter without, one without a date.
  const ingested: IngestResult = ingestOf(defaultExample());
  ingested.excluded = [
    { sheetRow: 200, dateSerial: serial("2026-05-02"), amount: 0.1 },
    { sheetRow: 201, dateSerial: serial("2026-06-30"), amount: null },
    { sheetRow: 202, dateSerial: null, amount: 0.2 },
    { sheetRow: 203, dateSerial: serial("2026-03-31"), amount: 7 },
  ];
  ingested.reconciliation = {
    rowsRead: 160,
    rowsUsed: 156,
    rowsExcluded: 4,
    amountRead: "801007.3",
    amountUsed: "801000",
    amountExcluded: "7.3",
  };
  const r = buildReport(ingested, defaultPlan("zh"), { lang: "zh" });
  const issues = sheet(r, "issues");

  it("Data issues: whole file in I, the scored period in J; undated rows counted in the whole file only", () => {
    const block = issues.rows.slice(0, 11).map((x) => values(x.slice(7)));
    expect(block).toEqual([
      ["核对", "整个文件", "考核期 2026-Q2"],
      ["读取行数", 160, 156],
      ["使用行数", 156, 154],
      ["排除行数", 4, 2],
      ["使用 + 排除行数", 160, 156],
      ["读取金额", 801007.3, 501000.1],
      ["使用金额", 801000, 501000],
      ["排除金额", 7.3, 0.1],
      ["使用 + 排除金额", 801007.3, 501000.1],
      ["日期无法识别的排除行（不属于任何期间）", 1, null],
      ["这些行的金额", 0.2, null],
    ]);
    expect(issues.rows[4][9]).toMatchObject({ f: "J3+J4" });
    expect(issues.rows[8][9]).toMatchObject({ f: "J7+J8" });
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("the Summary shows the period's figures in Chinese", () => {
    const s = sheet(r, "summary");
    expect(s.name).toBe("总览");
    expect(values(line(s, "排除金额"))).toEqual(["排除金额", 0.1, 7.3]);
    expect(values(line(s, "团队实际销售额"))).toEqual(["团队实际销售额", 501000]);
  });
});

describe("plans and data the Summary adapts to", () => {
  it("no KPI sums the amount: the count goes by the score, no revenue lines, no chart", () => {
    const plan = defaultPlan("en");
    plan.kpis = plan.kpis.filter((k) => k.measure.field !== "amount");
    const r = buildReport(ingestOf(defaultExample()), plan, { lang: "en" });
    const s = sheet(r, "summary");
    expect(s.rows.some((x) => String(x[0]?.v ?? "").startsWith("Revenue"))).toBe(false);
    expect(line(s, "Reps with a score of 100% or more")[1]).toMatchObject({
      f: expect.stringMatching(/^COUNTIF\(Scorecard!\$/),
    });
    expect(s.charts).toEqual([]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("Top and Coaching as a share of the team: 34 % of 3 reps is one each", () => {
    const plan = { ...defaultPlan("en"), ranking: { top: 0.34, bottom: 0.34 } };
    const r = buildReport(ingestOf(defaultExample()), plan, { lang: "en" });
    const s = sheet(r, "summary");
    const at = s.rows.findIndex((x) => x[0]?.v === "Top");
    expect(values(s.rows[at + 1])).toEqual(["Bob", "Carol"]);
    expect(s.rows[at + 2][0]?.v).not.toBe("Alice");
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("no sales rows: zeros, no names, no chart", () => {
    const r = buildReport(ingestOf([]), defaultPlan("en"), { lang: "en" });
    const s = sheet(r, "summary");
    expect(line(s, "Reps scored")[1]).toMatchObject({ v: 0 });
    expect(s.charts).toEqual([]);
    expect(s.tables).toEqual([]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe.each([
  ["sales-en.xlsx", "en"],
  ["sales-zh.xlsx", "zh"],
] as const)("Summary of %s (%s)", (file, lang) => {
  let r: Report;
  beforeAll(async () => {
    const ingested = ingest(await readXlsx(`${SAMPLES}/${file}`));
    if ("kind" in ingested) throw new Error(ingested.messageKey);
    r = buildReport(ingested, defaultPlan(lang), { lang });
  });

  it("its revenue equals the amount used in the scored period, and HyperFormula agrees with every formula", () => {
    const s = sheet(r, "summary");
    const revenue = s.rows.find((x) => /team actual|团队实际/.test(String(x[0]?.v)))![1]!.v;
    const used = line(s, lang === "en" ? "Amount used" : "使用金额")[1]!.v;
    expect(revenue).toBe(used);
    expect(s.charts![0].cache.categories).toHaveLength(r.summary.repsScored);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("names Top and Coaching as the Scorecard does", () => {
    const s = sheet(r, "summary");
    const at = s.rows.findIndex((x) => x[0]?.style === "header" && x[1]?.style === "header" && x[2] === undefined) + 1;
    const names = s.rows.slice(at).filter((x) => x.length === 2 && x[0]?.f?.startsWith("IF("));
    expect(names.map((x) => x[0]?.v).filter((v) => v !== "")).toEqual(r.summary.top);
    expect(names.map((x) => x[1]?.v).filter((v) => v !== "")).toEqual(r.summary.coaching);
  });
});
