/**
 * The Summary tab in LibreOffice (docs/reference/tabs.md Summary): unedited, every figure keeps the engine's value;
 * with the Plan tab's Top count and revenue growth target edited after the report was written, the names and the
 * team target and attainment follow. Needs `soffice` (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { defaultPlan, writePlanSheet } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { parseCellAddress } from "../../src/sheet";
import { describeWithEngine } from "../engines";
import { defaultExample, ingestOf } from "../report/fixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-summary-");

describeWithEngine("libreoffice", "the Summary tab, recalculated by LibreOffice", (soffice) => {
  const report = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
  const summary = report.sheets.find((s) => s.key === "summary")!;
  const rowOf = (label: string): number => summary.rows.findIndex((x) => x[0]?.v === label) + 1;

  async function recalculated(r: Report, name: string) {
    const file = path.join(tempDir(), `${name}.xlsx`);
    fs.writeFileSync(file, await writeReportXlsx(r));
    const [ours, theirs] = await Promise.all([
      loadWorkbook(file),
      loadWorkbook(lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice)),
    ]);
    const ws = theirs.getWorksheet("Summary")!;
    const value = (a1: string): unknown => {
      // A formula's result; one that is "" is saved with no value.
      const v = ws.getCell(a1).value as { formula?: string; result?: unknown } | null;
      return v !== null && typeof v === "object" && "formula" in v ? (v.result ?? "") : v;
    };
    return { ours, theirs, value };
  }

  it("unedited: every Summary formula keeps its cached value", async () => {
    const { ours, theirs } = await recalculated(report, "unedited");
    const result = compareFormulaCells(ours, theirs);
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);
  });

  it("Top 1 and a 0 % growth target on the Plan tab: the names move, the target and attainment follow", async () => {
    const copy: Report = JSON.parse(JSON.stringify(report));
    const cells = writePlanSheet(defaultPlan("en"), "en").cells;
    const plan = copy.sheets.find((s) => s.key === "plan")!;
    for (const [a1, v] of [
      [cells.ranking.top, 1],
      [cells.kpis[0].target, 0],
    ] as const) {
      const { row, col } = parseCellAddress(a1.replace(/\$/g, ""))!;
      plan.rows[row][col] = { v };
    }
    const { value } = await recalculated(copy, "edited");
    const top = rowOf("Top") + 1;
    expect([0, 1, 2].map((i) => [value(`A${top + i}`), value(`B${top + i}`)])).toEqual([
      ["Bob", ""],
      ["", "Alice"],
      ["", "Carol"],
    ]);
    const target = rowOf("Revenue: team target");
    expect(value(`B${target}`)).toBe(300000);
    expect(value(`B${target + 1}`)).toBeCloseTo(451000 / 300000, 12);
  });
});
