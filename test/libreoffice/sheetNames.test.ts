/**
 * Sheet names round trip (docs/reference/sheet.md "Sheet names"): names with apostrophes, emoji and rare CJK, cut
 * to 31 code units at a surrogate pair, made unique with " (2)" — through the .xlsx writer (exceljs), our reader,
 * and the formulas that reference them, recalculated by LibreOffice.
 */
import type * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../src/cli/pipeline";
import { defaultPlan } from "../../src/plan";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import type { Report, ReportSheet } from "../../src/report/model";
import { sheetRef } from "../../src/report/cells";
import { MAX_SHEET_NAME_LENGTH, sheetNameProblem, toSheetName, uniqueSheetName } from "../../src/sheet";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { describeWithEngine } from "../engines";
import { lo, SAMPLES, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-names-");
const EMOJI = "😀";
const RARE_CJK = "𠀀";

/** Names as SalesPerf would make them from awkward text, each valid and distinct. */
function awkwardNames(): string[] {
  const names: string[] = [];
  const add = (name: string) => names.push(uniqueSheetName(name, names));
  add(toSheetName("Q1 [draft]: East/West? *North* \\ South's"));
  add("Rep's 'quoted' data");
  const emojiAtCut = "x".repeat(26) + EMOJI + "yz"; // 30 code units
  add(emojiAtCut);
  add(emojiAtCut); // taken: cut to 27 units for " (2)", which would split the emoji
  const cjkAtCut = "销售".repeat(12) + RARE_CJK + "表"; // 27 code units
  add(cjkAtCut);
  add(cjkAtCut.toUpperCase());
  add(toSheetName("销售明细".repeat(7) + RARE_CJK)); // 28 units of BMP text, then a pair across 31
  add("考核方案");
  add("Data");
  add("R1C1");
  return names;
}

describeWithEngine("libreoffice", "sheet names round trip through LibreOffice", (soffice) => {
  it("awkward names stay valid, survive the writer and the reader, and formulas reach them", async () => {
    const names = awkwardNames();
    for (const n of names) {
      expect(sheetNameProblem(n)).toBeNull();
      expect(n.length).toBeLessThanOrEqual(MAX_SHEET_NAME_LENGTH);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(names).toContain("x".repeat(26) + " (2)");

    // One sheet per name holding 10·(i+1) in A1 and its name in B1; a check sheet multiplies each by 2, its
    // cached value 0 (wrong), so only a recalculation that reaches the sheet gets it right.
    const sheets: ReportSheet[] = names.map((name, i) => ({
      key: "data",
      name,
      rows: [[{ v: 10 * (i + 1) }, { v: name }]],
    }));
    const check: ReportSheet = {
      key: "data",
      name: "Check",
      rows: names.map((name) => [{ f: `${sheetRef(name, "$A$1")}*2`, v: 0 }]),
    };
    const report: Report = {
      lang: "en",
      sheets: [...sheets, check],
      summary: { period: "2026-Q2", repsScored: 0, rowsUsed: 0, rowsExcluded: 0, top: [], coaching: [], issues: 0 },
    };
    const file = path.join(tempDir(), "names.xlsx");
    fs.writeFileSync(file, await writeReportXlsx(report));

    expect((await readXlsx(file)).map((s) => s.name)).toEqual([...names, "Check"]);
    const recalculated = await loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice));
    expect(recalculated.worksheets.map((w) => w.name)).toEqual([...names, "Check"]);
    const results = names.map((_, i) => {
      const v = recalculated.getWorksheet("Check")!.getCell(i + 1, 1).value as ExcelJS.CellFormulaValue;
      return v.result;
    });
    expect(results).toEqual(names.map((_, i) => 20 * (i + 1)));
  });

  it("report tabs renamed around the input's sheets (--with-data) keep every formula right", async () => {
    // The workbook as `salesperf report --with-data` has it after reading: the sample's sheets plus sheets whose
    // names the report tabs must avoid, in either case, with apostrophes, emoji, at 31 code units.
    const sample = await readXlsx(path.join(SAMPLES, "sales-en.xlsx"));
    const taken = ["Scorecard", "data issues", "Rep's notes " + EMOJI, "x".repeat(29) + EMOJI, "销售" + RARE_CJK];
    const input = [...sample, ...taken.map((name) => ({ name, values: [["notes"]] }))];
    const scored = scoreWorkbook(input, defaultPlan("en"), {
      lang: "en",
      inputName: "sales-en.xlsx",
      existingSheetNames: input.map((s) => s.name),
    });
    if (!scored.ok) throw new Error(scored.message);
    const out = path.join(tempDir(), "report-with-names.xlsx");
    fs.writeFileSync(out, await writeReportXlsx(scored.report, { dataSheets: input }));

    const ours = await loadWorkbook(out);
    const tabNames = ours.worksheets.map((w) => w.name);
    expect(tabNames).toEqual([
      "Summary",
      "Scorecard (2)",
      "Ranking",
      "Coaching",
      "Trends",
      "Bonus",
      "Data issues (2)",
      "Plan",
      ...input.map((s) => s.name),
    ]);
    expect((await readXlsx(out)).map((s) => s.name)).toEqual(tabNames);
    const recalculated = await loadWorkbook(lo.recalcWithLibreOffice(out, path.join(tempDir(), "lo2"), soffice));
    expect(recalculated.worksheets.map((w) => w.name)).toEqual(tabNames);
    const result = compareFormulaCells(ours, recalculated);
    expect(result.checked).toBeGreaterThan(100);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });
});
