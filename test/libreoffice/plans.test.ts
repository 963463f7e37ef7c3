/**
 * Two plans in LibreOffice (docs/reference/plan.md "A plan per role or team", verification.md): every formula of the
 * report grouped by plan keeps its cached value when LibreOffice recalculates, and a changed Target bonus of the
 * second plan on the Plan tab moves that plan's bonuses only. Needs `soffice` (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { readWorkbookPlan, writePlanSheet } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { parseCellAddress } from "../../src/sheet";
import { describeWithEngine } from "../engines";
import { ingestOf } from "../report/fixtures";
import { planSheetOf, targetsAssigning, twoPlans, twoPlansRows } from "../report/twoPlans";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-plans-");

describeWithEngine("libreoffice", "two plans, recalculated by LibreOffice", (soffice) => {
  const read = readWorkbookPlan([planSheetOf(twoPlans()), targetsAssigning], "en");
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const report = buildReport(ingestOf(twoPlansRows()), read.plan, { lang: "en" });

  async function recalculated(r: Report, name: string) {
    const file = path.join(tempDir(), `${name}.xlsx`);
    fs.writeFileSync(file, await writeReportXlsx(r));
    const [ours, theirs] = await Promise.all([
      loadWorkbook(file),
      loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice)),
    ]);
    const value = (sheet: string, a1: string): unknown => {
      const v = theirs.getWorksheet(sheet)!.getCell(a1).value as { formula?: string; result?: unknown } | null;
      return v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
    };
    return { ours, theirs, value };
  }

  it("unedited: every formula of every tab keeps its cached value", async () => {
    const { ours, theirs } = await recalculated(report, "unedited");
    const result = compareFormulaCells(ours, theirs);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });

  it("the second plan's Target bonus doubled: Carol and Dan's bonuses double, Alice and Bob's stay", async () => {
    const copy: Report = JSON.parse(JSON.stringify(report));
    const cell = writePlanSheet(read.plan, "en").plans![1].cells.bonus.targetBonus;
    const { row, col } = parseCellAddress(cell.replace(/\$/g, ""))!;
    copy.sheets.find((s) => s.key === "plan")!.rows[row][col] = { v: 1000 };
    const { value } = await recalculated(copy, "edited");
    // Bonus tab: Alice, Bob in D3:D4 (title row 1, header row 2), Carol, Dan in D9:D10, the grand total in D12.
    expect(["D3", "D4", "D5", "D9", "D10", "D11", "D12"].map((a1) => value("Bonus", a1))).toEqual([
      915, 860, 1775, 1200, 460, 1660, 3435,
    ]);
  });
});
