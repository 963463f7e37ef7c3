// The Plan tab's notes (the note under the title, the hints beside settings and tables) wrap across the table's
// width in merged cells, their rows tall enough for the text — not cut off at the window's or the page's edge —
// in the model, in the written .xlsx and in the pane's Excel.
import * as ExcelJS from "exceljs";
import { defaultPlan, writePlanSheet } from "../../src/plan/index";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { buildReport } from "../../src/report/buildReport";
import { planTab } from "../../src/report/formulas";
import type { ReportSheet } from "../../src/report/model";
import { columnLetters, displayWidth, parseRange, rangeBox } from "../../src/sheet";
import { defaultExample, ingestOf } from "./fixtures";

const LINE_POINTS = 15;

/** For each wrapped range: the text's display width against what its lines hold at the sheet's widths. */
function fits(sheet: ReportSheet): { ref: string; fits: boolean }[] {
  return (sheet.wrapAcross ?? []).map((ref) => {
    const { r1, c1, c2 } = rangeBox(parseRange(ref)!);
    const text = String(sheet.rows[r1][c1]?.v ?? "");
    let chars = 0;
    for (let c = c1; c <= c2; c++) chars += sheet.columnWidths![c];
    const height = sheet.rowHeights?.find((h) => h.row === r1)?.points ?? LINE_POINTS;
    const lines = Math.floor(height / LINE_POINTS);
    // A wrapped line loses up to a word at its end: allow 10 % of each line for it.
    return { ref, fits: displayWidth(text) <= lines * chars * 0.9 };
  });
}

describe.each(["en", "zh"] as const)("Plan notes wrap (%s)", (lang) => {
  const tab = planTab(lang === "en" ? "Plan" : "考核方案", writePlanSheet(defaultPlan(lang), lang));
  const layout = writePlanSheet(defaultPlan(lang), lang);

  it("wraps the note under the title and every hint across to the KPI table's last column", () => {
    const last = columnLetters(Math.max(...layout.rows.map((r) => r.length)) - 1);
    expect(tab.columnWidths!.length).toBe(Math.max(...layout.rows.map((r) => r.length)));
    expect(tab.wrapAcross).toEqual([
      `A2:${last}2`,
      ...layout.hints.map((h) => `${columnLetters(h.col)}${h.row + 1}:${last}${h.row + 1}`),
    ]);
  });

  it("gives each wrapped row the height its text needs at the tab's own widths (the pane's Create Plan sheet)", () => {
    expect(fits(tab).filter((f) => !f.fits)).toEqual([]);
    expect(tab.rowHeights!.find((h) => h.row === 1)!.points).toBeGreaterThan(LINE_POINTS);
  });

  it("and at the fitted widths of the report's Plan tab", () => {
    const report = buildReport(ingestOf(defaultExample()), defaultPlan(lang), { lang });
    const plan = report.sheets.find((s) => s.key === "plan")!;
    expect(plan.wrapAcross?.length).toBeGreaterThan(0);
    expect(fits(plan).filter((f) => !f.fits)).toEqual([]);
  });

  it("is merged, wrapped and as tall in the written .xlsx", async () => {
    const report = buildReport(ingestOf(defaultExample()), defaultPlan(lang), { lang });
    const plan = report.sheets.find((s) => s.key === "plan")!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeReportXlsx(report)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(plan.name)!;
    expect(ws.model.merges).toEqual(expect.arrayContaining(plan.wrapAcross!));
    expect(ws.getCell("A2").alignment).toMatchObject({ wrapText: true, vertical: "top" });
    expect(ws.getRow(2).height).toBe(plan.rowHeights!.find((h) => h.row === 1)!.points);
  });
});
