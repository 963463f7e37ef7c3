/**
 * Formulas that follow the Plan, in LibreOffice: the Bonus explanation (docs/reference/tabs.md Bonus) of a report whose
 * Plan tab was edited after it was written (target bonus, threshold, payout cap, a curve point) names the new numbers,
 * with LibreOffice's own TEXT formatting; Top and Coaching as shares of the team (docs/reference/plan.md ranking)
 * recalculate to the engine's statuses. Needs `soffice` (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { parseCellAddress } from "../../src/sheet";
import { describeWithEngine } from "../engines";
import { defaultExample, ingestOf, teamOf } from "../report/fixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-plan-");

/** `report` with Plan-tab cells overwritten (A1 → value); every other cached value is now stale. */
function edited(report: Report, edits: Record<string, number>): Report {
  const copy: Report = JSON.parse(JSON.stringify(report));
  const plan = copy.sheets.find((s) => s.key === "plan")!;
  for (const [a1, v] of Object.entries(edits)) {
    const { row, col } = parseCellAddress(a1)!;
    plan.rows[row][col] = { v };
  }
  return copy;
}

async function recalculatedExplanations(report: Report, name: string, soffice: string): Promise<string[]> {
  const file = path.join(tempDir(), `${name}.xlsx`);
  fs.writeFileSync(file, await writeReportXlsx(report));
  const back = await loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice));
  const bonus = back.getWorksheet(report.sheets.find((s) => s.key === "bonus")!.name)!;
  return [2, 3, 4].map((r) => {
    const v = bonus.getCell(`E${r}`).value as { result?: unknown } | null;
    return String(v?.result ?? "");
  });
}

describeWithEngine("libreoffice", "formulas that follow the Plan, recalculated by LibreOffice", (soffice) => {
  it("unedited, every formula of the report (explanations included) keeps its cached value", async () => {
    const report = buildReport(ingestOf(defaultExample(), { currency: "CNY" }), defaultPlan("zh"), { lang: "zh" });
    const file = path.join(tempDir(), "zh.xlsx");
    fs.writeFileSync(file, await writeReportXlsx(report));
    const [ours, theirs] = await Promise.all([
      loadWorkbook(file),
      loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice)),
    ]);
    const result = compareFormulaCells(ours, theirs);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
    const explanations = theirs.getWorksheet("奖金")!.getColumn(5).values.slice(2, 5);
    expect(explanations.map((v) => (v as { result: string }).result)).toEqual(
      report.sheets
        .find((s) => s.key === "bonus")!
        .rows.slice(1, 4)
        .map((r) => r[4]!.v),
    );
  });

  it("edited Plan cells (target bonus, threshold, cap, a curve point) rewrite the sentences", async () => {
    const report = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
    // Plan!B11 target bonus, B12 threshold, B13 payout cap, B30 the factor of the curve point at 100 %.
    const texts = await recalculatedExplanations(
      edited(report, { B11: 6000, B12: 0.625, B13: 1.5, B30: 1.1 }),
      "en-edited",
      soffice,
    );
    expect(texts).toEqual([
      "Score 93.50% reaches the threshold 62.50%; between the curve points 60% and 100% (factors 30% and 110%), " +
        "interpolated; cap 150%; factor 97.00%; target bonus 6,000.00 × 97.00% = 5,820.00",
      "Score 138.75% reaches the threshold 62.50%; between the curve points 100% and 150% (factors 110% and 200%), " +
        "interpolated; capped at 150%; factor 150.00%; target bonus 6,000.00 × 150.00% = 9,000.00",
      "Score 47.50% is below the threshold 62.50%: no bonus; target bonus 6,000.00 × 0.00% = 0.00",
    ]);
  });

  it("Top 20% and Coaching 25% of 9 reps: one Top, two Coaching, every status as the engine's", async () => {
    const plan = { ...defaultPlan("en"), ranking: { top: 0.2, bottom: 0.25 } };
    const report = buildReport(ingestOf(teamOf(9)), plan, { lang: "en" });
    expect([report.summary.top.length, report.summary.coaching.length]).toEqual([1, 2]);
    const file = path.join(tempDir(), "shares.xlsx");
    fs.writeFileSync(file, await writeReportXlsx(report));
    const [ours, theirs] = await Promise.all([
      loadWorkbook(file),
      loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice)),
    ]);
    const result = compareFormulaCells(ours, theirs);
    expect(result.checked).toBeGreaterThan(50);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });
});
