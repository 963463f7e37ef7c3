/**
 * The independent engine (docs/reference/tabs.md: "the values those formulas produce equal the engine's values"): run the CLI
 * on both samples, let headless LibreOffice recalculate every formula (forced by a fresh profile), save as .xlsx,
 * and compare each formula cell's recalculated value with the cached value our engine wrote.
 * Without `soffice` the suite is skipped, or fails under SALESPERF_REQUIRE_ENGINES=1 (test/engines.ts).
 */
import * as ExcelJS from "exceljs";
import * as path from "path";
import { runReport } from "../../src/cli/reportCommand";
import { describeWithEngine } from "../engines";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, SAMPLES, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-");

describeWithEngine("libreoffice", "LibreOffice recalculation check", (soffice) => {
  it("really recalculates: a formula saved with a wrong cached value comes back corrected", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").getCell("A1").value = { formula: "1+1", result: 3 } as ExcelJS.CellFormulaValue;
    const canary = path.join(tempDir(), "canary.xlsx");
    await wb.xlsx.writeFile(canary);
    const back = await loadWorkbook(lo.recalcWithLibreOffice(canary, path.join(tempDir(), "lo"), soffice));
    expect(back.getWorksheet("S")!.getCell("A1").value).toEqual({ formula: "1+1", result: 2 });
  });

  it.each([
    ["sales-en.xlsx", "en", []],
    ["sales-zh.xlsx", "zh", []],
    ["sales-en.xlsx", "en", ["2026-03"]],
  ] as const)("%s --lang %s %s: every formula recalculates to the engine's value", async (file, lang, period) => {
    const out = path.join(tempDir(), `${lang}-${period.join("") || "default"}.xlsx`);
    const r = await runReport({
      input: path.join(SAMPLES, file),
      output: out,
      lang,
      period: period[0],
      stderr: () => undefined,
    });
    expect(r.code).toBe(0);
    const recalculated = lo.recalcWithLibreOffice(out, path.join(tempDir(), "lo"), soffice);
    const [ours, theirs] = await Promise.all([loadWorkbook(out), loadWorkbook(recalculated)]);
    expect(theirs.worksheets.map((w) => w.name)).toEqual(ours.worksheets.map((w) => w.name));
    const result = compareFormulaCells(ours, theirs);
    expect(result.checked).toBeGreaterThan(100);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });
});
