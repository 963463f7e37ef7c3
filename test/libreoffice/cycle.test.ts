/**
 * The pay cycle's formulas recalculated by LibreOffice (docs/reference/tabs.md Trends, coaching.md follow-up, plan.md
 * "Streak rule"): the Scorecard's growth targets read the prior period's actuals on Trends, the scored period's
 * column of score / rank / status across closed periods, the streak's nested IFs on the Plan's "at least" cell and the
 * Coaching follow-up all come back with the values the engine cached. Skipped without soffice (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { closed, historyOf } from "../report/cycleHistory";
import { defaultExample, ingestOf } from "../report/fixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-cycle-");

/** Two closed quarters, their KPI names in the report's language. */
const historyIn = (lang: "en" | "zh") =>
  historyOf(
    closed(
      "2025-Q4",
      [
        { rep: "Alice", score: "0.9", rank: 2, revenue: { actual: "80000", attainment: "1.05" } },
        { rep: "Bob", score: "1.2", rank: 1, status: "top", revenue: { actual: "150000", attainment: "1.2" } },
        { rep: "Carol", score: "0.5", rank: 3, status: "coaching", revenue: { actual: "50000", attainment: "0.8" } },
      ],
      lang,
    ),
    closed(
      "2026-Q1",
      [
        { rep: "Alice", score: "0.95", rank: 2, revenue: { actual: "100000", attainment: "1.1" } },
        { rep: "Bob", score: "1.3", rank: 1, status: "top", revenue: { actual: "200000", attainment: "1.3" } },
        { rep: "Carol", score: "0.4", rank: 3, status: "coaching", revenue: { actual: "0", attainment: null } },
      ],
      lang,
    ),
  );

/** English: Revenue growth ≥ 10 %; Chinese: 销售额 attainment ≥ 100 %. */
function plan(lang: "en" | "zh"): Plan {
  const p = defaultPlan(lang);
  return {
    ...p,
    ranking: { top: 1, bottom: 1 },
    streak:
      lang === "en"
        ? { kpi: p.kpis[0].name, of: "growth", atLeast: 0.1 }
        : { kpi: p.kpis[0].name, of: "attainment", atLeast: 1 },
  };
}

describeWithEngine("libreoffice", "LibreOffice recalculates the pay cycle's formulas", (soffice) => {
  it.each([
    ["en", "USD"],
    ["zh", "CNY"],
  ] as const)(
    "%s: every formula recalculates to the engine's value",
    async (lang, currency) => {
      const report = buildReport(ingestOf(defaultExample(), { currency }), plan(lang), {
        lang,
        history: historyIn(lang),
      });
      const out = path.join(tempDir(), `cycle-${lang}.xlsx`);
      fs.writeFileSync(out, await writeReportXlsx(report));
      const recalculated = lo.recalcWithLibreOffice(out, path.join(tempDir(), "lo"), soffice);
      const [ours, theirs] = await Promise.all([loadWorkbook(out), loadWorkbook(recalculated)]);
      const result = compareFormulaCells(ours, theirs);
      expect(result.checked).toBeGreaterThan(100);
      expect(result.errors).toEqual([]);
      expect(result.mismatches).toEqual([]);
      const name = (key: string): string => report.sheets.find((s) => s.key === key)!.name;
      // Alice's growth target: the prior actual on Trends (100,000) × 1.1, as LibreOffice computes it.
      const target = theirs.getWorksheet(name("scorecard"))!.getCell("D2").value as { formula: string; result: number };
      expect(target.formula).toMatch(/^(趋势|Trends)!\$B\$\d+\*\(1\+/);
      expect(target.result).toBeCloseTo(110000, 6);
      // Alice's streak, LibreOffice's count of the nested IFs: growth +25 %, +21 % (en); 105 %, 110 %, 110 % (zh).
      const trends = theirs.getWorksheet(name("trends"))!;
      let streak: unknown = null;
      trends.eachRow((row) => {
        if (row.getCell(1).value === "Alice" && row.getCell(5).formula !== undefined) streak = row.getCell(5).result;
      });
      expect(streak).toBe(lang === "en" ? 2 : 3);
    },
    180_000,
  );
});
