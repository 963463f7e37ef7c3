/**
 * renderReport puts ReportSheet.print (docs/reference/tabs.md "Printing") on each tab's page layout (ExcelApi 1.9):
 * paper, orientation, pages across, print titles, the header and footer; the strict fake records them.
 */
import { FakeExcel, FakeExcelError, installFakeExcel, type FakeRequestContext } from "../../fakes/excelFake";
import { renderReport } from "../../../src/render/office/renderReport";
import type { PrintSetup } from "../../../src/report/model";
import { fixtureReport } from "./fixtureReport";

let fake: FakeExcel;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeExcel();
  uninstall = installFakeExcel(fake);
});
afterEach(() => uninstall());

const print: PrintSetup = {
  orientation: "landscape",
  paper: "a4",
  pagesWide: 2,
  area: "A1:T40",
  titleRows: { first: 1, last: 1 },
  titleColumns: { first: 0, last: 0 },
  header: { left: "绩效报表", center: "&A", right: "考核期 2026-Q2" },
  footer: { center: "第 &P 页，共 &N 页" },
};

describe("print settings through Office.js", () => {
  it("sets paper, orientation, fit, print titles, header and footer on the tab", async () => {
    const report = fixtureReport();
    report.sheets[0].print = print;
    report.sheets[1].print = { paper: "letter", pagesWide: 1 };
    expect((await renderReport(report)).ok).toBe(true);
    expect(fake.sheet("Scorecard").pageLayout).toEqual({
      orientation: "Landscape",
      paperSize: "A4",
      zoom: { horizontalFitToPages: 2 },
      printArea: "A1:T40",
      printTitleRows: "$1:$1",
      printTitleColumns: "$A:$A",
      headersFooters: {
        leftHeader: "绩效报表",
        centerHeader: "&A",
        rightHeader: "考核期 2026-Q2",
        leftFooter: "",
        centerFooter: "第 &P 页，共 &N 页",
        rightFooter: "",
      },
    });
    expect(fake.sheet("Plan").pageLayout).toMatchObject({
      orientation: "Portrait",
      paperSize: "Letter",
      zoom: { horizontalFitToPages: 1 },
      printTitleRows: null,
    });
  });

  it("sets chart text at the cells' 11 points, so it prints at 8 points or more", async () => {
    expect((await renderReport(fixtureReport())).ok).toBe(true);
    const charts = fake.model.sheets.flatMap((s) => s.charts);
    expect(charts.length).toBeGreaterThan(0);
    expect(charts.map((c) => c.fontSize)).toEqual(charts.map(() => 11));
  });

  it("sets a wrapped header row's height", async () => {
    const report = fixtureReport();
    report.sheets[0].rowHeights = [{ row: 0, points: 32 }];
    expect((await renderReport(report)).ok).toBe(true);
    expect(fake.sheet("Scorecard").formats).toContainEqual({ address: "A1", prop: "format.rowHeight", value: 32 });
  });

  it("wraps header cells, as the widths assume", async () => {
    expect((await renderReport(fixtureReport())).ok).toBe(true);
    expect(fake.sheet("Scorecard").formats).toContainEqual({ address: "A1:F1", prop: "format.wrapText", value: true });
  });
});

describe("the fake's page layout is as strict as Excel", () => {
  const run = (queue: (ctx: FakeRequestContext) => void) =>
    fake.run(async (ctx) => {
      queue(ctx);
      await ctx.sync();
    });

  it("reads a property only after load and sync", async () => {
    await fake.run(async (ctx) => {
      const layout = ctx.workbook.worksheets.getItem("Sheet1").pageLayout;
      expect(() => layout.orientation).toThrow(FakeExcelError);
      layout.load("orientation, zoom");
      await ctx.sync();
      expect(layout.orientation).toBe("Portrait");
      expect(layout.zoom).toEqual({ scale: 100 });
    });
  });

  it.each([
    [
      "a bad paper",
      (ctx: FakeRequestContext) => (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.paperSize = "A9"),
    ],
    [
      "a scale with pages to fit",
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = { scale: 80, horizontalFitToPages: 1 }),
    ],
    [
      "zero pages across",
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.zoom = { horizontalFitToPages: 0 }),
    ],
    [
      "print titles that are not whole rows",
      (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem("Sheet1").pageLayout.setPrintTitleRows("A1:B2"),
    ],
    [
      "a header over 255 characters",
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets.getItem("Sheet1").pageLayout.headersFooters.defaultForAllPages.leftHeader = "x".repeat(
          256,
        )),
    ],
  ])("refuses %s", async (_, queue) => {
    await expect(run(queue)).rejects.toThrow(FakeExcelError);
  });
});
