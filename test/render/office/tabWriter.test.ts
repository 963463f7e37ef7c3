/**
 * The writers are their own chunks (src/render/office/tabWriter.ts, docs/reference/tabs.md "What the pane loads when"):
 * when one cannot be loaded, each operation that writes with it returns that as its error value, in the pane's words,
 * and never throws (the pane shows errors, never a stack).
 */
jest.mock("../../../src/render/office/renderReport", () => {
  throw new Error("Loading chunk report failed.\n(missing: https://salesperf.example.com/report.js)");
});
jest.mock("../../../src/render/office/prepareForSharing", () => {
  throw new Error("Loading chunk share failed.\n(missing: https://salesperf.example.com/share.js)");
});

import { officeExcelOps } from "../../../src/render/office/excelOps";
import { t } from "../../../src/i18n";
import type { Report, ReportSheet } from "../../../src/report/model";

const sheet: ReportSheet = { key: "plan", name: "Plan", rows: [[{ v: "KPI" }]] };
const report = { lang: "en", sheets: [sheet] } as unknown as Report;

describe("a writer not arriving", () => {
  it.each([
    ["renderReport", "report", () => officeExcelOps.renderReport(report, {})],
    ["writePlanSheet", "report", () => officeExcelOps.writePlanSheet(sheet, "en")],
    ["replaceTab", "report", () => officeExcelOps.replaceTab(sheet, "en")],
    ["findPerfFormulas", "share", () => officeExcelOps.findPerfFormulas()],
    ["replacePerfFormulas", "share", () => officeExcelOps.replacePerfFormulas([])],
  ])("%s returns the failed load of its chunk (%s) as its error", async (_name, chunk, run) => {
    const result = await run();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toEqual({
      kind: "officeError",
      messageKey: "partLoadFailed",
      params: { detail: `Loading chunk ${chunk} failed.` },
    });
    expect(t("en", result.error.messageKey, result.error.params)).toBe(
      `Part of the add-in could not be loaded from its site (Loading chunk ${chunk} failed.). Check the network connection and try again. Nothing in the workbook was changed.`,
    );
  });
});
