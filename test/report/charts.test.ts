/**
 * Charts and data bars that cannot mislead (docs/reference/tabs.md Formatting, Trends): data bars start at 0, bar
 * charts' value axes start at 0, the Trends lines have distinct colours for up to 20 reps and, beyond that, show the
 * top reps and the average per rep.
 */
import { defaultPlan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { MAX_TREND_REPS, TEAM_AVERAGE_COLOR, TOP_TREND_REPS, TREND_COLORS } from "../../src/report/chartPalette";
import type { Report, ReportSheet } from "../../src/report/model";
import { checkFormulas } from "./hyperFormula";
import { defaultExample, ingestOf, teamOf } from "./fixtures";

const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;

/** CIE L*a*b* (D65) of "#RRGGBB". */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe("data bars and value axes start at 0", () => {
  const report = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });

  it("every data bar of every tab starts at the number 0", () => {
    const bars = report.sheets.flatMap((s) => (s.conditionalFormats ?? []).filter((cf) => cf.type === "dataBar"));
    expect(bars.length).toBeGreaterThanOrEqual(6); // Scorecard attainments and score, Ranking, Bonus
    for (const bar of bars) expect(bar).toMatchObject({ min: 0 });
  });

  it("the bar charts' value axes start at 0; the line chart's is left to the program", () => {
    const charts = report.sheets.flatMap((s) => s.charts ?? []);
    const bars = charts.filter((c) => c.type === "bar");
    expect(bars.map((c) => c.valueAxisMin)).toEqual([0, 0, 0]); // Summary actual vs target, Ranking reps and teams
    expect(charts.filter((c) => c.type === "line").map((c) => c.valueAxisMin)).toEqual([undefined]);
  });
});

describe("Trends line colours (docs/reference/tabs.md Trends)", () => {
  it("20 colours, any two at least 25 apart (CIE76 ΔE), none too light or too dark for a line on white", () => {
    expect(TREND_COLORS).toHaveLength(20);
    expect(new Set(TREND_COLORS.map((c) => c.toUpperCase())).size).toBe(20);
    for (let i = 0; i < TREND_COLORS.length; i++) {
      const [l] = lab(TREND_COLORS[i]);
      expect(l).toBeGreaterThanOrEqual(25);
      expect(l).toBeLessThanOrEqual(75);
      for (let j = i + 1; j < TREND_COLORS.length; j++)
        expect(deltaE(TREND_COLORS[i], TREND_COLORS[j])).toBeGreaterThanOrEqual(25);
      expect(deltaE(TREND_COLORS[i], TEAM_AVERAGE_COLOR)).toBeGreaterThanOrEqual(20);
    }
  });

  it.each([3, 12, MAX_TREND_REPS])("%p reps: one line per rep, each its own colour", (n) => {
    const r = buildReport(ingestOf(teamOf(n)), defaultPlan("en"), { lang: "en" });
    const chart = sheet(r, "trends").charts![0];
    expect(chart.title).toBe("Revenue by period");
    expect(chart.series).toHaveLength(n);
    expect(chart.series.map((s) => s.color)).toEqual(TREND_COLORS.slice(0, n));
    expect(chart.series.every((s) => !s.dashed)).toBe(true);
    // Header, reps, total, then no average row: the row under the total is empty (the breakdowns start lower down).
    const underTotal = sheet(r, "trends").rows[n + 2] ?? [];
    expect(underTotal.filter((c) => c !== null && c !== undefined)).toEqual([]);
  });

  it("25 reps: the top 10 by rank and the average per rep, dashed, from an average row under the total", () => {
    const n = 25;
    const r = buildReport(ingestOf(teamOf(n)), defaultPlan("en"), { lang: "en" });
    const trends = sheet(r, "trends");
    const chart = trends.charts![0];
    expect(chart.title).toBe(`Revenue by period: the top ${TOP_TREND_REPS} reps and the average per rep`);
    const ranked = sheet(r, "ranking")
      .rows.slice(1, TOP_TREND_REPS + 1)
      .map((row) => row[0]!.v);
    expect(chart.series.map((s) => s.name)).toEqual([...ranked, "Average per rep"]);
    expect(chart.series.map((s) => s.color)).toEqual([...TREND_COLORS.slice(0, TOP_TREND_REPS), TEAM_AVERAGE_COLOR]);
    expect(chart.series[TOP_TREND_REPS].dashed).toBe(true);
    // Rows: header, 25 reps, total, average.
    const average = trends.rows[n + 2];
    expect(average[0]).toMatchObject({ v: "Average per rep", style: "total" });
    expect(average[1]).toMatchObject({ f: `IFERROR(AVERAGE(B2:B${n + 1}),"")` });
    expect(chart.series[TOP_TREND_REPS].values).toBe(`Trends!$B$${n + 3}:$C$${n + 3}`);
    // Q1: every rep sold 10,000; Q2: rep i sold 10 × (1,000 + 100 i), i = 0…24 → average 22,000.
    expect(average.slice(1, 3).map((c) => c!.v)).toEqual([10000, 22000]);
    expect(chart.cache.values[TOP_TREND_REPS]).toEqual([10000, 22000]);
    expect(checkFormulas(r).mismatches).toEqual([]);
    expect(chart.from.row).toBe(n + 4); // one blank row under the average
  });

  it("zh: the average row and the chart title in Chinese", () => {
    const r = buildReport(ingestOf(teamOf(21)), defaultPlan("zh"), { lang: "zh" });
    const trends = sheet(r, "trends");
    expect(trends.rows[23][0]!.v).toBe("人均销售额");
    expect(trends.charts![0].title).toBe("各期销售额：排名前 10 名及人均");
  });
});
