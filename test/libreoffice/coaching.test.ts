/**
 * The Coaching tab, team KPIs and incentives recalculated by LibreOffice (docs/reference/coaching.md): every formula
 * cell of a report whose Coaching tab has a block per rep — TEXT, LARGE, COUNTIF included — comes back
 * with the value the engine cached. Skipped without soffice (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan, type Plan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { defaultExample, ingestOf } from "../report/fixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-coaching-");

/**
 * Every rep gets a block; new customers are scored on the team's total (SUMPRODUCT over the Scorecard); two KPIs name
 * an incentive (the Scorecard's Incentives earned column).
 */
function plan(lang: "en" | "zh"): Plan {
  const p: Plan = { ...defaultPlan(lang), ranking: { top: 1, bottom: 1 }, coachingTab: "all" };
  p.kpis[1] = { ...p.kpis[1], scope: "team", incentive: lang === "en" ? "Promotion opportunity" : "晋升机会" };
  p.kpis[2] = { ...p.kpis[2], incentive: lang === "en" ? "Professional training" : "专业培训" };
  return p;
}

describeWithEngine("libreoffice", "LibreOffice recalculates the Coaching tab", (soffice) => {
  it.each([
    ["en", "USD"],
    ["zh", "CNY"],
  ] as const)(
    "%s: every formula recalculates to the engine's value",
    async (lang, currency) => {
      const report = buildReport(ingestOf(defaultExample(), { currency }), plan(lang), { lang });
      const out = path.join(tempDir(), `coaching-${lang}.xlsx`);
      fs.writeFileSync(out, await writeReportXlsx(report));
      const recalculated = lo.recalcWithLibreOffice(out, path.join(tempDir(), "lo"), soffice);
      const [ours, theirs] = await Promise.all([loadWorkbook(out), loadWorkbook(recalculated)]);
      const result = compareFormulaCells(ours, theirs);
      const coachingName = report.sheets.find((s) => s.key === "coaching")!.name;
      expect(result.checked).toBeGreaterThan(150);
      expect(result.errors).toEqual([]);
      expect(result.mismatches).toEqual([]);
      // Carol's first KPI, new customers on East's total (39 of 120: 0.885·120 = 106.2 → 107 to reach Alice's 86.75 %):
      // the sentence really went through LibreOffice's TEXT.
      const sentence = theirs.getWorksheet(coachingName)!.getCell("K26").value as { formula: string; result: string };
      expect(sentence.formula).toContain("TEXT(");
      expect(sentence.result).toBe(
        lang === "en"
          ? "New customers (team): 68 more to leave the bottom group; 3 more to reach the bonus threshold."
          : "新客户（团队）：还差 68，即可退出辅导名单；还差 3，即可达到奖金门槛。",
      );
    },
    120_000,
  );
});
