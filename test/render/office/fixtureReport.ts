/** A small hand-made Report (report/model.ts) exercising every renderer feature (docs/reference/tabs.md). */
import type { Report, ReportCell, ReportSheet } from "../../../src/report/model";
import { columnLetters, quoteSheetName } from "../../../src/sheet";

const h = (v: string): ReportCell => ({ v, style: "header" });

export function fixtureReport(names: { scorecard?: string; plan?: string } = {}): Report {
  const sc = names.scorecard ?? "Scorecard";
  const plan = names.plan ?? "Plan";
  const planRef = quoteSheetName(plan);
  const planSheet: ReportSheet = {
    key: "plan",
    name: plan,
    rows: [
      [{ v: "Plan", style: "title" }],
      [h("KPI"), h("Weight")],
      [{ v: "Revenue" }, { v: 0.4, fmt: "0%" }],
      [{ v: "New customers" }, { v: 0.6, fmt: "0%" }],
    ],
    columnWidths: [20, 10],
  };
  const scorecard: ReportSheet = {
    key: "scorecard",
    name: sc,
    rows: [
      [h("Rep"), h("Team"), h("Revenue actual"), h("Score"), h("Status"), h("Note")],
      [
        { v: "Alice Chen" },
        { v: "East" },
        { v: 15370, fmt: "$#,##0.00" },
        { f: `C2/10000*${planRef}!$B$3`, v: 0.6148, fmt: "0.0%" },
        { v: "Top", style: "top" },
        { v: '=HYPERLINK("http://x")', literal: true },
      ],
      [
        { v: "Grace Liu" },
        { v: "West" },
        { v: -250, fmt: "$#,##0.00" },
        { f: `C3/10000*${planRef}!$B$3`, v: -0.01, fmt: "0.0%" },
        { v: "Coaching", style: "coaching" },
        { v: "-5 returned", literal: true },
      ],
      [
        { v: "+86 Ltd", literal: true },
        { v: "2026-03" },
        { v: 0, fmt: "$#,##0.00" },
        { f: `C4/10000*${planRef}!$B$3`, v: 0, fmt: "0.0%" },
        null,
        { v: "@home", literal: true },
      ],
    ],
    columnWidths: [14, 8, 14, 8, 10, 20],
    freeze: { rows: 1, cols: 1 },
    tables: [{ name: "SP_Scorecard", ref: "A1:F4", style: "TableStyleMedium2" }],
    conditionalFormats: [
      { type: "dataBar", ref: "D2:D4", color: "#5B9BD5", min: 0 },
      { type: "formula", ref: "A2:F4", formula: '$E2="Top"', fill: "#C6EFCE", fontColor: "#006100" },
    ],
    charts: [
      {
        type: "bar",
        title: "Score",
        categories: `'${sc}'!$A$2:$A$4`,
        series: [{ name: "Score", values: `'${sc}'!$D$2:$D$4` }],
        from: { col: 7, row: 1 },
        to: { col: 14, row: 16 },
        cache: { categories: ["Alice Chen", "Grace Liu", "+86 Ltd"], values: [[0.6148, -0.01, 0]] },
        yAxisFormat: "0%",
        valueAxisMin: 0,
      },
      {
        type: "line",
        title: "Trend",
        categories: `'${sc}'!$A$2:$A$4`,
        series: [
          { name: "Alice", values: `'${sc}'!$C$2:$C$4`, color: "#1F77B4" },
          { name: "Team average", values: `'${sc}'!$D$2:$D$4`, color: "#404040", dashed: true },
        ],
        from: { col: 7, row: 18 },
        to: { col: 14, row: 30 },
        cache: {
          categories: ["Alice Chen", "Grace Liu", "+86 Ltd"],
          values: [
            [1, 2, 3],
            [0.6148, -0.01, 0],
          ],
        },
      },
    ],
    tabColor: "#4472C4",
  };
  return {
    lang: "en",
    sheets: [scorecard, planSheet],
    definedNames: [{ name: "SP_Weights", ref: `${planRef}!$B$3:$B$4` }],
    summary: {
      period: "2026-Q1",
      repsScored: 3,
      rowsUsed: 3,
      rowsExcluded: 0,
      top: ["Alice Chen"],
      coaching: ["Grace Liu"],
      issues: 0,
    },
  };
}

/** A one-sheet report with `rows` data rows of `cols` columns (values, a formula, a literal). */
export function bigReport(rows: number, cols = 10): Report {
  const sheetRows: (ReportCell | null)[][] = [
    Array.from({ length: cols }, (_, c) => ({ v: `Col ${c + 1}`, style: "header" as const })),
  ];
  for (let r = 0; r < rows; r++) {
    const row: ReportCell[] = [
      { v: `Rep ${r % 50}` },
      { v: 45000 + (r % 365), fmt: "yyyy-mm-dd" },
      { v: (r * 37) % 10000, fmt: "#,##0.00" },
      { f: `C${r + 2}*2`, v: ((r * 37) % 10000) * 2 },
    ];
    for (let c = row.length; c < cols; c++)
      row.push({ v: r % 7 === 0 ? `=text ${r}` : `note ${r}-${c}`, literal: r % 7 === 0 });
    sheetRows.push(row);
  }
  return {
    lang: "en",
    sheets: [
      {
        key: "issues",
        name: "Data issues",
        rows: sheetRows,
        freeze: { rows: 1, cols: 0 },
        tables: [{ name: "SP_Issues", ref: `A1:${columnLetters(cols - 1)}${rows + 1}` }],
      },
    ],
    summary: {
      period: "2026-Q1",
      repsScored: 50,
      rowsUsed: rows,
      rowsExcluded: 0,
      top: [],
      coaching: [],
      issues: rows,
    },
  };
}
