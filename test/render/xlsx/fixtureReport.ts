/** A hand-made Report shaped like buildReport's output (docs/reference/tabs.md), for writer tests independent of the engine. */
import type { Report, ReportCell, ReportSheet } from "../../../src/report/model";

const h = (v: string): ReportCell => ({ v, style: "header" });

export function fixtureReport(): Report {
  const reps = [
    { rep: "Alice Chen", team: "East", actual: 560000, target: 550000, score: 1.0181818181818181, status: "Top" },
    { rep: "Bob Li", team: "West", actual: 15, target: 20, score: 0.75, status: "" },
    {
      rep: '=HYPERLINK("http://x")',
      team: "East",
      actual: 0.1,
      target: 0.3,
      score: 0.33333333333333337,
      status: "Coaching",
    },
  ];
  const plan: ReportSheet = {
    key: "plan",
    name: "Plan",
    rows: [
      [{ v: "Plan", style: "title" }],
      [h("Setting"), h("Value")],
      [{ v: "Revenue weight" }, { v: 0.4, fmt: "0%" }],
      [{ v: "Bonus" }, { v: 5000, fmt: "¥#,##0.00" }],
    ],
    columnWidths: [20, 12],
  };
  const scorecard: ReportSheet = {
    key: "scorecard",
    name: "Scorecard",
    rows: [
      [h("Rep"), h("Team"), h("Revenue actual"), h("Revenue target"), h("Revenue attainment"), h("Score"), h("Status")],
      ...reps.map((r, i): (ReportCell | null)[] => [
        { v: r.rep, literal: r.rep.startsWith("=") },
        { v: r.team },
        { v: r.actual, fmt: "#,##0.00" },
        { v: r.target, fmt: "#,##0.00" },
        { f: `IFERROR(C${i + 2}/D${i + 2},0)`, v: r.actual / r.target, fmt: "0.0%" },
        { f: `E${i + 2}*Plan!$B$3/0.4`, v: r.actual / r.target, fmt: "0.0%" },
        { v: r.status, style: r.status === "Top" ? "top" : r.status ? "coaching" : undefined },
      ]),
      [{ v: "Total", style: "total" }, null, { f: "SUM(C2:C4)", v: 560015.1, style: "total" }],
      [{ v: "Note: =1+1 is text", style: "note", literal: false }],
    ],
    columnWidths: [24, 10, 14, 14, 14, 10, 10],
    freeze: { rows: 1, cols: 1 },
    tables: [{ name: "Scorecard", ref: "A1:G4", style: "TableStyleMedium2" }],
    conditionalFormats: [
      { type: "dataBar", ref: "E2:E4", color: "#5B9BD5", min: 0 },
      { type: "formula", ref: "A2:G4", formula: '$G2="Top"', fill: "#C6EFCE", fontColor: "#006100" },
    ],
    tabColor: "#1F4E78",
  };
  const ranking: ReportSheet = {
    key: "ranking",
    name: "Ranking",
    rows: [
      [h("Rank"), h("Rep"), h("Score")],
      [{ v: 1 }, { f: "Scorecard!A2", v: "Alice Chen" }, { v: 1.0181818181818181, fmt: "0.0%" }],
      [{ v: 2 }, { f: "Scorecard!A3", v: "Bob Li" }, { v: 0.75, fmt: "0.0%" }],
    ],
    tables: [{ name: "Ranking", ref: "A1:C3" }],
    charts: [
      {
        type: "bar",
        title: "Score by rep",
        categories: "'Ranking'!$B$2:$B$3",
        series: [{ name: "Score", values: "'Ranking'!$C$2:$C$3" }],
        from: { col: 4, row: 0 },
        to: { col: 12, row: 15 },
        cache: { categories: ["Alice Chen", "Bob Li"], values: [[1.0181818181818181, 0.75]] },
        yAxisFormat: "0%",
        valueAxisMin: 0,
      },
    ],
  };
  const trends: ReportSheet = {
    key: "trends",
    name: "数据 趋势",
    rows: [
      [h("Period"), h("Alice Chen"), h("Bob Li")],
      [{ v: "2026-Q1" }, { v: 100 }, { v: 80 }],
      [{ v: "2026-Q2" }, { v: 120 }, { v: 70 }],
    ],
    charts: [
      {
        type: "line",
        title: "Revenue & <trend>",
        categories: "'数据 趋势'!$A$2:$A$3",
        series: [
          { name: "Alice Chen", values: "'数据 趋势'!$B$2:$B$3", color: "#1F77B4" },
          { name: "Bob Li", values: "'数据 趋势'!$C$2:$C$3", color: "#404040", dashed: true },
        ],
        from: { col: 4, row: 0 },
        to: { col: 12, row: 15 },
        cache: {
          categories: ["2026-Q1", "2026-Q2"],
          values: [
            [100, 120],
            [80, 70],
          ],
        },
      },
    ],
  };
  return {
    lang: "en",
    sheets: [scorecard, ranking, trends, plan],
    definedNames: [
      { name: "RevenueWeight", ref: "'Plan'!$B$3" },
      { name: "PlanValues", ref: "'Plan'!$B$3:$B$4" },
    ],
    summary: {
      period: "2026-Q2",
      repsScored: 3,
      rowsUsed: 10,
      rowsExcluded: 1,
      top: ["Alice Chen"],
      coaching: [],
      issues: 0,
    },
  };
}
