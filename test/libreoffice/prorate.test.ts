/**
 * Joiners and leavers in LibreOffice (docs/reference/plan.md "Joiners and leavers", verification.md): the Scorecard's
 * Proration formulas (days as DATE()s) and the targets multiplied by them recalculate to the engine's cached values;
 * with the Plan tab's revenue target doubled after the report was written, the joiner's target follows × 61/91.
 * Needs `soffice` (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { writePlanSheet } from "../../src/plan/index";
import { parseCellAddress } from "../../src/sheet";
import { describeWithEngine } from "../engines";
import { ingestOf } from "../report/fixtures";
import { PEOPLE, planWith, ROWS } from "../report/prorationFixture";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-prorate-");

describeWithEngine("libreoffice", "prorated targets, recalculated by LibreOffice", (soffice) => {
  // Fay's own target from Targets (182 000) is written as 182000 × her factor cell.
  const plan = planWith(PEOPLE, { repTargets: { Fay: { Revenue: 182000 } } });
  const report = buildReport(ingestOf(ROWS), plan, { lang: "en" });
  const card = report.sheets.find((s) => s.key === "scorecard")!;
  const rowOf = (rep: string): number => card.rows.findIndex((x) => x[0]?.v === rep) + 1;

  async function recalculated(r: Report, name: string) {
    const file = path.join(tempDir(), `${name}.xlsx`);
    fs.writeFileSync(file, await writeReportXlsx(r));
    const [ours, theirs] = await Promise.all([
      loadWorkbook(file),
      loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice)),
    ]);
    const ws = theirs.getWorksheet("Scorecard")!;
    const value = (a1: string): unknown => {
      const v = ws.getCell(a1).value as { formula?: string; result?: unknown } | null;
      return v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
    };
    return { ours, theirs, value };
  }

  it("unedited: every formula keeps its cached value, the Proration column and prorated targets included", async () => {
    const { ours, theirs, value } = await recalculated(report, "unedited");
    const result = compareFormulaCells(ours, theirs);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
    const col = String.fromCharCode(65 + card.rows[0].length - 1);
    expect(value(`${col}${rowOf("Jo")}`)).toBeCloseTo(61 / 91, 15);
    expect(value(`D${rowOf("Lee")}`)).toBeCloseTo(45000, 9);
  });

  it("the Plan's revenue target doubled: the joiner's target is 182 000 × 61/91, the leaver's × 45/91", async () => {
    const copy: Report = JSON.parse(JSON.stringify(report));
    const { row, col } = parseCellAddress(writePlanSheet(plan, "en").cells.kpis[0].target.replace(/\$/g, ""))!;
    copy.sheets.find((s) => s.key === "plan")!.rows[row][col] = { v: 182000 };
    const { value } = await recalculated(copy, "edited");
    expect(value(`D${rowOf("Jo")}`)).toBeCloseTo(122000, 9);
    expect(value(`D${rowOf("Lee")}`)).toBeCloseTo(90000, 9);
    // Jo's revenue attainment: 30 500 / 122 000.
    expect(value(`E${rowOf("Jo")}`)).toBeCloseTo(0.25, 12);
  });
});
