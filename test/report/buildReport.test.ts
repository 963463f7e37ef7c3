/** buildReport (docs/reference/tabs.md, cli.md): eight tabs, exact Scorecard headers, native formulas whose cached values hold. */
import { defaultPlan } from "../../src/plan/index";
import { buildReport, sheetNames } from "../../src/report/buildReport";
import type { Report, ReportCell, ReportSheet, SheetKey } from "../../src/report/model";
import { checkFormulas, functionsUsed, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf } from "./fixtures";
import { parseCellAddress } from "../../src/sheet";

const ALLOWED = new Set([
  "IF",
  "IFERROR",
  "INDEX",
  "MATCH",
  "MIN",
  "MAX",
  "ROUND",
  "SUMPRODUCT",
  "COUNTIF",
  "COUNTIFS",
  "SUMIFS",
  "AVERAGEIFS",
  "RANK",
  "NA",
  "COUNT",
  "SUM",
  "ABS",
  "TEXT",
  "INT",
  "ISNUMBER",
  "OR",
]);

function sheet(report: Report, key: SheetKey): ReportSheet {
  return report.sheets.find((s) => s.key === key)!;
}
function cell(s: ReportSheet, a1: string): ReportCell | null {
  const { row, col } = parseCellAddress(a1)!;
  return s.rows[row]?.[col] ?? null;
}
const header = (s: ReportSheet) => s.rows[0].map((c) => c?.v ?? null);

const en = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
const zh = buildReport(ingestOf(defaultExample(), { currency: "CNY" }), defaultPlan("zh"), { lang: "zh" });

describe("buildReport tabs (docs/reference/tabs.md)", () => {
  it.each([
    [en, ["Summary", "Scorecard", "Ranking", "Coaching", "Trends", "Bonus", "Data issues", "Plan"]],
    [zh, ["总览", "绩效评分", "排名", "辅导", "趋势", "奖金", "数据问题", "考核方案"]],
  ])("eight tabs in order, named in the language", (report, names) => {
    expect(report.sheets.map((s) => s.name)).toEqual(names);
    expect(report.sheets.map((s) => s.key)).toEqual([
      "summary",
      "scorecard",
      "ranking",
      "coaching",
      "trends",
      "bonus",
      "issues",
      "plan",
    ]);
  });

  it("a taken sheet name gets (2), (3) … (case-insensitive, as Excel)", () => {
    expect(sheetNames("en", ["scorecard", "Scorecard (2)", "Plan"])).toMatchObject({
      scorecard: "Scorecard (3)",
      plan: "Plan (2)",
      ranking: "Ranking",
    });
    const r = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en", existingSheetNames: ["Plan"] });
    expect(sheet(r, "plan").name).toBe("Plan (2)");
    expect(cell(sheet(r, "scorecard"), "D2")!.f).toBe("Trends!$B$36*(1+'Plan (2)'!$E$21)");
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe("Scorecard header row (docs/reference/cli.md)", () => {
  it("English", () => {
    expect(header(sheet(en, "scorecard"))).toEqual([
      "Rep",
      "Team",
      "Revenue actual",
      "Revenue target",
      "Revenue attainment",
      "New customers actual",
      "New customers target",
      "New customers attainment",
      "Customer satisfaction actual",
      "Customer satisfaction target",
      "Customer satisfaction attainment",
      "Manager rating actual",
      "Manager rating target",
      "Manager rating attainment",
      "Score",
      "Rank",
      "Status",
      "Bonus",
      "Tie order (name)",
      "Notes",
    ]);
  });
  it("Chinese", () => {
    expect(header(sheet(zh, "scorecard"))).toEqual([
      "销售员",
      "团队",
      "实际销售额",
      "目标销售额",
      "销售额达成率",
      "实际新客户",
      "目标新客户",
      "新客户达成率",
      "实际客户满意度",
      "目标客户满意度",
      "客户满意度达成率",
      "实际主管评分",
      "目标主管评分",
      "主管评分达成率",
      "综合得分",
      "排名",
      "状态",
      "奖金",
      "同分排序（按姓名）",
      "备注",
    ]);
  });
  it("header in row 1, frozen row 1 and column A, a table over it, the tie-order column hidden", () => {
    const s = sheet(en, "scorecard");
    expect(s.freeze).toEqual({ rows: 1, cols: 1 });
    expect(s.tables).toEqual([{ name: "SP_Scorecard", ref: "A1:T4", style: "TableStyleMedium2" }]);
    expect(s.hiddenColumns).toEqual([18]);
  });
});

describe("Scorecard values and formulas (default plan, 2026-Q2)", () => {
  const s = sheet(en, "scorecard");
  it("rows in rep-name order with the engine's values cached", () => {
    expect([2, 3, 4].map((r) => cell(s, `A${r}`)!.v)).toEqual(["Alice", "Bob", "Carol"]);
    expect(["O2", "P2", "Q2", "R2"].map((a) => cell(s, a)!.v)).toEqual([0.935, 2, "Top", 4431.25]);
    expect(["O3", "P3", "Q3", "R3"].map((a) => cell(s, a)!.v)).toEqual([1.3875, 1, "Top", 8875]);
    expect(["O4", "P4", "Q4", "R4"].map((a) => cell(s, a)!.v)).toEqual([0.475, 3, "Top", 0]);
  });

  it.each([
    // A growth target refers to the cell showing the prior period's actual (Trends, "Actuals of the prior period").
    ["D2", "Trends!$B$36*(1+Plan!$E$21)"],
    ["E2", "IF(D2=0,NA(),C2/D2)"],
    ["G2", "Plan!$E$22*3"],
    ["J2", "Plan!$E$23"],
    [
      "P2",
      `SUMPRODUCT(($O$2:$O$4>O2)*1)+SUMPRODUCT(($O$2:$O$4=O2)*($C$2:$C$4>C2))+SUMPRODUCT(($O$2:$O$4=O2)*($C$2:$C$4=C2)*($S$2:$S$4<=S2))`,
    ],
    [
      "Q2",
      // Top N and Bottom N: a count, or a share of the team rounded down and at least 1 (docs/reference/plan.md).
      `IF(P2<=IF(Plan!$B$16<1,IF(Plan!$B$16>0,MAX(1,INT(ROUND(Plan!$B$16*COUNT($O$2:$O$4),6))),0),Plan!$B$16),"Top",` +
        `IF(P2>COUNT($O$2:$O$4)-IF(Plan!$B$17<1,IF(Plan!$B$17>0,MAX(1,INT(ROUND(Plan!$B$17*COUNT($O$2:$O$4),6))),0),` +
        `Plan!$B$17),"Coaching",""))`,
    ],
  ])("%s = %s", (a1, f) => {
    expect(cell(s, a1)!.f).toBe(f);
  });

  it("score over the KPIs a rep has; weights and caps from the Plan tab", () => {
    const cap = (c: string, r: number, k: number) =>
      `Plan!$G$${k}*IF(Plan!$H$${k}="",MAX(${c}${r},0),MIN(Plan!$H$${k},MAX(${c}${r},0)))`;
    expect(cell(s, "O2")!.f).toBe(
      `(${cap("E", 2, 21)}+${cap("H", 2, 22)}+${cap("K", 2, 23)}+${cap("N", 2, 24)})/(Plan!$G$21+Plan!$G$22+Plan!$G$23+Plan!$G$24)`,
    );
    // Carol has no revenue target: blank target and attainment, the rest rescaled.
    expect(cell(s, "D4")).toBeNull();
    expect(cell(s, "E4")).toBeNull();
    expect(cell(s, "O4")!.f).toBe(
      `(${cap("H", 4, 22)}+${cap("K", 4, 23)}+${cap("N", 4, 24)})/(Plan!$G$22+Plan!$G$23+Plan!$G$24)`,
    );
  });

  it("formats: percent attainment and score, money with the currency symbol", () => {
    expect(cell(s, "E2")!.fmt).toBe("0.0%");
    expect(cell(s, "O2")!.fmt).toBe("0.0%");
    expect(cell(s, "R2")!.fmt).toBe("$#,##0.00");
    expect(cell(s, "C2")!.fmt).toBe("$#,##0.00");
    expect(cell(sheet(zh, "scorecard"), "R2")!.fmt).toBe("¥#,##0.00");
    expect(cell(sheet(zh, "scorecard"), "Q2")!.v).toBe("优秀");
  });

  it("data bars on attainments and score, Top / Coaching highlight", () => {
    const cf = s.conditionalFormats!;
    expect(cf.filter((c) => c.type === "dataBar").map((c) => c.ref)).toEqual([
      "E2:E4",
      "H2:H4",
      "K2:K4",
      "N2:N4",
      "O2:O4",
    ]);
    expect(cf.filter((c) => c.type === "formula").map((c) => c.type === "formula" && c.formula)).toEqual([
      '$Q2="Top"',
      '$Q2="Coaching"',
    ]);
  });
});

describe("every formula's cached value equals what the formula computes", () => {
  it.each([
    ["en", en],
    ["zh", zh],
  ])("%s report", (_lang, report) => {
    const { checked, mismatches } = checkFormulas(report);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(60);
  });

  it("uses only functions Excel 2007+, WPS and LibreOffice know", () => {
    for (const f of functionsUsed(en)) expect(ALLOWED).toContain(f);
  });

  it("changing a weight on the Plan tab recalculates the score (formulas read the Plan)", () => {
    const r: Report = JSON.parse(JSON.stringify(en));
    const plan = sheet(r, "plan");
    plan.rows[20][6] = { v: 0.3 }; // Revenue weight 40 % → 30 %
    plan.rows[21][6] = { v: 0.4 }; // New customers 30 % → 40 %
    // Alice: 0.3·1.1 + 0.4·0.55 + 0.15·1.1 + 0.15·1.1 = 0.88
    expect(recalculate(r).value("Scorecard", 2, 14)).toBeCloseTo(0.88, 12);
  });
});

describe("Ranking, Trends, Bonus tabs", () => {
  it("Ranking lists reps by rank, looked up on the Scorecard, with charts", () => {
    const s = sheet(en, "ranking");
    expect(header(s).slice(0, 5)).toEqual(["Rep", "Team", "Score", "Rank", "Status"]);
    expect([2, 3, 4].map((r) => cell(s, `A${r}`)!.v)).toEqual(["Bob", "Alice", "Carol"]);
    expect(cell(s, "A2")!.f).toBe(`INDEX(Scorecard!$A$2:$A$4,MATCH(D2,Scorecard!$P$2:$P$4,0))&""`);
    expect([2, 3].map((r) => [cell(s, `H${r}`)!.v, cell(s, `I${r}`)!.v, cell(s, `J${r}`)!.v])).toEqual([
      ["West", 1.3875, 1],
      ["East", 0.705, 2],
    ]);
    expect(s.charts!.map((c) => [c.type, c.categories, c.series[0].values])).toEqual([
      ["bar", "Ranking!$A$2:$A$4", "Ranking!$C$2:$C$4"],
      ["bar", "Ranking!$H$2:$H$3", "Ranking!$I$2:$I$3"],
    ]);
    expect(s.charts![0].cache).toEqual({ categories: ["Bob", "Alice", "Carol"], values: [[1.3875, 0.935, 0.475]] });
  });

  it("Trends: revenue by rep × period, growth, total row, a line per rep", () => {
    const s = sheet(en, "trends");
    expect(header(s)).toEqual(["Rep", "2026-Q1", "2026-Q2", "Growth 2026-Q2"]);
    // The rep table; the breakdowns below the chart are test/report/breakdowns.test.ts's.
    expect(s.rows.slice(1, 5).map((r) => r.map((c) => c?.v ?? null))).toEqual([
      ["Alice", 100000, 121000, 0.21],
      ["Bob", 200000, 330000, 0.65],
      ["Carol", null, 50000, ""],
      ["Total", 300000, 501000, 0.67],
    ]);
    const chart = s.charts![0];
    expect(chart.type).toBe("line");
    expect(chart.categories).toBe("Trends!$B$1:$C$1");
    expect(chart.series.map((x) => x.values)).toEqual(["Trends!$B$2:$C$2", "Trends!$B$3:$C$3", "Trends!$B$4:$C$4"]);
  });

  it("Bonus: factor, payout and the explanation; the total is the sum of the rounded payouts", () => {
    const s = sheet(en, "bonus");
    expect(header(s)).toEqual(["Rep", "Score", "Payout factor", "Bonus", "How it was reached"]);
    // The sentences themselves: test/report/bonusText.test.ts.
    expect(cell(s, "E2")!.v).toMatch(/^Score 93\.50% reaches the threshold 60%; .* ≈ 4,431\.25$/);
    expect(cell(s, "E4")!.v).toBe(
      "Score 47.50% is below the threshold 60%: no bonus; target bonus 5,000.00 × 0.00% = 0.00",
    );
    expect(cell(sheet(zh, "bonus"), "E4")!.v).toBe(
      "综合得分 47.50%，低于门槛 60%，不发奖金；目标奖金 5,000.00 × 0.00% = 0.00",
    );
    expect(cell(s, "D5")).toMatchObject({ f: "SUM(D2:D4)", v: 13306.25, style: "total" });
    const payouts = [2, 3, 4].map((r) => cell(s, `D${r}`)!.v as number);
    expect(payouts.reduce((a, b) => a + b, 0)).toBe(cell(s, "D5")!.v);
  });
});

describe("Data issues tab and literal text (docs/reference/cleaning.md, tabs.md)", () => {
  const issues = [
    {
      sheet: "Sales",
      row: 7,
      column: "Customer",
      raw: '=HYPERLINK("http://x","y")',
      action: "kept" as const,
      reasonKey: "formulaTextKept",
    },
    {
      sheet: "Sales",
      row: 9,
      column: "Amount",
      raw: "#N/A",
      action: "excluded" as const,
      reasonKey: "amountNotNumber",
    },
  ];
  const rows = [...defaultExample(), { rep: "=cmd|' /C calc'!A0", team: "+East", date: "2026-05-01", amount: 10 }];
  const r = buildReport(ingestOf(rows, { issues }), defaultPlan("en"), { lang: "en" });
  const s = sheet(r, "issues");

  it("one row per issue, excluded rows first, with the reconciliation beside", () => {
    expect(header(s)).toEqual([
      "Sheet",
      "Row",
      "Column",
      "Raw value",
      "Action",
      "Reason",
      null,
      "Reconciliation",
      "Whole file",
      "Scored period 2026-Q2",
    ]);
    // Severity first (test/report/issuesTab.test.ts): the excluded row, then the kept value and the scoring note.
    expect(cell(s, "E2")!.v).toBe("Excluded");
    expect(cell(s, "D3")).toEqual({ v: '=HYPERLINK("http://x","y")', literal: true });
    expect(cell(s, "F4")!.v).toBe(
      "Carol: no Revenue in the prior period 2026-Q1, so no growth target; the other weights are scaled back to 100%",
    );
    expect(r.summary.issues).toBe(s.rows.filter((x) => x[0] !== null && x[0] !== undefined).length - 1);
    expect(cell(s, "H2")!.v).toBe("Rows read");
    expect(cell(s, "I5")).toMatchObject({ f: "I3+I4", v: 157 });
  });

  it("data text starting with = + - @ is literal everywhere", () => {
    const sc = sheet(r, "scorecard");
    const rep = sc.rows.find((x) => x[0]?.v === "=cmd|' /C calc'!A0")!;
    expect(rep[0]).toEqual({ v: "=cmd|' /C calc'!A0", literal: true });
    expect(rep[1]).toEqual({ v: "+East", literal: true });
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("summary", () => {
    expect(en.summary).toEqual({
      period: "2026-Q2",
      repsScored: 3,
      rowsUsed: 156,
      rowsExcluded: 0,
      top: ["Bob", "Alice", "Carol"],
      coaching: [],
      issues: 3,
      // Two scoring notes (a KPI without a column): the pane says them as "not read". And Top 5 + Bottom 3 mark all
      // three reps (test/report/rankCutNote.test.ts): an item to check.
      issuesByAction: { skipped: 2, kept: 1 },
    });
  });

  it("lists 100k issues, one row each", () => {
    const many = Array.from({ length: 100000 }, (_, i) => ({ ...issues[1], row: i + 2 }));
    const big = buildReport(ingestOf(defaultExample(), { issues: many }), defaultPlan("en"), { lang: "en" });
    // The header, 100k issues, two scoring notes and the Top/Bottom N line (three reps, all Top).
    expect(sheet(big, "issues").rows.length).toBe(100004);
  });
});

describe("plans without a curve or caps, lower-is-better KPIs, overrides", () => {
  const base = defaultPlan("en");
  const plan = {
    ...base,
    kpis: [
      { ...base.kpis[0], target: { kind: "fixed" as const, value: 100 }, weight: 0.5, cap: null },
      {
        ...base.kpis[0],
        name: "Returns",
        measure: { field: null, header: "Returns" },
        direction: "lower" as const,
        target: { kind: "fixed" as const, value: 10 },
        weight: 0.5,
        cap: null,
      },
    ],
    bonus: { targetBonus: 1000, curve: null, threshold: 0.5, cap: null },
    ranking: { top: 1, bottom: 1 },
    repTargets: { Bea: { Revenue: 50 }, Cy: { Revenue: 20 } },
  };
  const rows = [
    { rep: "Ann", date: "2026-04-01", amount: 150, extra: { Returns: 5 } },
    { rep: "Bea", team: null, date: "2026-04-02", amount: 40, extra: { Returns: 30 } },
  ];
  const r = buildReport(ingestOf(rows, { extraHeaders: ["Returns"] }), plan, { lang: "en" });
  const s = sheet(r, "scorecard");

  it("caches the engine's values and every formula agrees", () => {
    // Ann: 1.5 and (20−5)/10 = 1.5 → 1.5 → factor 1.5 → 1500; Bea: 40/50 = 0.8 and max(0, −10/10) = 0 → 0.4 < 0.5 → 0;
    // Cy: named on Targets only: revenue 0/20 = 0, returns (a sum over no rows) 0 → (20−0)/10 = 2 → score 1.
    expect(s.rows.slice(1).map((x) => [x[0]!.v, x[1]?.v ?? null, x[8]!.v, x[9]!.v, x[10]!.v, x[11]!.v])).toEqual([
      ["Ann", "East", 1.5, 1, "Top", 1500],
      ["Bea", null, 0.4, 3, "Coaching", 0],
      ["Cy", null, 1, 2, "", 1000],
    ]);
    expect(cell(s, "D3")).toEqual({ v: 50, fmt: "$#,##0.00" });
    expect(cell(s, "H2")!.f).toBe("IF(G2=0,NA(),MAX(0,(2*G2-F2)/G2))");
    expect(cell(s, "L2")!.f).toBe(
      `ROUND(Plan!$B$11*IF(I2<Plan!$B$12,0,MAX(0,IF(Plan!$B$13="",I2,MIN(Plan!$B$13,I2)))),Plan!$B$8)`,
    );
    expect(checkFormulas(r).mismatches).toEqual([]);
    expect(cell(sheet(r, "ranking"), "B3")!.v).toBe("");
    expect(cell(sheet(r, "bonus"), "E2")!.v).toBe(
      "Score 150.00% reaches the threshold 50%; no curve, so the factor is the score; factor 150.00%; " +
        "target bonus 1,000.00 × 150.00% = 1,500.00",
    );
  });
});

describe("degenerate inputs", () => {
  it("no sales rows: eight tabs, no tables or charts over empty ranges", () => {
    const r = buildReport(ingestOf([]), defaultPlan("en"), { lang: "en" });
    expect(r.sheets).toHaveLength(8);
    expect(r.summary.repsScored).toBe(0);
    expect(sheet(r, "scorecard").rows).toHaveLength(1);
    expect(sheet(r, "scorecard").tables).toEqual([]);
    expect(sheet(r, "ranking").charts).toEqual([]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("0.1 + 0.2 sold ties with 0.3 sold (exact sums, docs/reference/numbers.md): ties fall to the first KPI, then the name", () => {
    const base = defaultPlan("en");
    const kpi = { ...base.kpis[0], target: { kind: "fixed" as const, value: 1 }, weight: 0.5, cap: null };
    const plan = {
      ...base,
      kpis: [kpi, { ...kpi, name: "Other", measure: { field: null, header: "X" } }],
    };
    // Al 0.1 + 0.2 = 0.3 and X 0.2; Cy 0.3 and 0.2; Bo 0.2 and 0.3: all score 0.25.
    // Al and Cy tie on revenue too → code-point name order; Bo sold less → third.
    const rows = [
      { rep: "Cy", date: "2026-04-01", amount: 0.3, extra: { X: 0.2 } },
      { rep: "Bo", date: "2026-04-01", amount: 0.2, extra: { X: 0.3 } },
      { rep: "Al", date: "2026-04-01", amount: 0.1, extra: { X: 0.2 } },
      { rep: "Al", date: "2026-04-02", amount: 0.2, extra: { X: null } },
    ];
    const r = buildReport(ingestOf(rows, { extraHeaders: ["X"] }), plan, { lang: "en" });
    const s = sheet(r, "scorecard");
    expect(s.rows.slice(1).map((x) => [x[0]!.v, x[2]!.v, x[8]!.v, x[9]!.v])).toEqual([
      ["Al", 0.3, 0.25, 1],
      ["Bo", 0.2, 0.25, 3],
      ["Cy", 0.3, 0.25, 2],
    ]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe("reconciliation amounts stay exact (docs/reference/cleaning.md)", () => {
  it("a total beyond 15 significant digits is written as its exact digits", () => {
    const ingest = ingestOf(defaultExample());
    ingest.reconciliation = {
      ...ingest.reconciliation,
      amountRead: "12345678901234567.89",
      amountUsed: "12345678901234567.89",
    };
    const s = sheet(buildReport(ingest, defaultPlan("en"), { lang: "en" }), "issues");
    expect(cell(s, "I6")).toEqual({ v: "12345678901234567.89" });
    expect(cell(s, "I8")).toEqual({ v: 0, fmt: "$#,##0.00" });
    expect(cell(s, "I9")).toEqual({ v: "12345678901234567.89" });
  });
});
