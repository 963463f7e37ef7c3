/** The .xlsx writer translates ReportSheet.print (docs/reference/tabs.md "Printing") into pageSetup, headerFooter and print titles. */
import JSZip from "jszip";
import { writeReportXlsx } from "../../../src/render/xlsx/writeXlsx";
import type { Report } from "../../../src/report/model";

const report: Report = {
  lang: "zh",
  sheets: [
    {
      key: "scorecard",
      name: "绩效评分",
      rows: [[{ v: "销售员", style: "header" }], [{ v: "张伟" }]],
      columnWidths: [10],
      rowHeights: [{ row: 0, points: 32 }],
      freeze: { rows: 1, cols: 1 },
      print: {
        orientation: "landscape",
        paper: "a4",
        pagesWide: 2,
        area: "A1:T40",
        titleRows: { first: 1, last: 1 },
        titleColumns: { first: 0, last: 0 },
        header: { left: "R&&D 绩效报表", center: "&A", right: "考核期 2026-Q2" },
        footer: { center: "第 &P 页，共 &N 页" },
      },
    },
    { key: "plan", name: "Letter", rows: [[{ v: 1 }]], print: { paper: "letter", pagesWide: 1 } },
    { key: "data", name: "None", rows: [[{ v: 1 }]] },
  ],
  summary: { period: "2026-Q2", repsScored: 1, rowsUsed: 1, rowsExcluded: 0, top: [], coaching: [], issues: 0 },
};

let zip: JSZip;
beforeAll(async () => {
  zip = await JSZip.loadAsync(await writeReportXlsx(report));
});
const part = (path: string): Promise<string> => zip.file(path)!.async("string");

describe("print settings in the .xlsx", () => {
  it("paper, orientation and fit to pages across, any number down", async () => {
    const xml = await part("xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<pageSetup [^>]*paperSize="9"/);
    expect(xml).toMatch(/<pageSetup [^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup [^>]*fitToWidth="2"/);
    expect(xml).toMatch(/<pageSetup [^>]*fitToHeight="0"/);
    expect(xml).toContain('<pageSetUpPr fitToPage="1"/>');
    expect(await part("xl/worksheets/sheet2.xml")).toMatch(/<pageSetup [^>]*paperSize="1"/);
  });

  it("the header and footer in Excel's codes, text escaped for XML", async () => {
    const xml = await part("xl/worksheets/sheet1.xml");
    expect(xml).toContain("<oddHeader>&amp;LR&amp;&amp;D 绩效报表&amp;C&amp;A&amp;R考核期 2026-Q2</oddHeader>");
    expect(xml).toContain("<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>");
  });

  it("print titles: the header row and the first column on every page", async () => {
    expect(await part("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;绩效评分&apos;!$A:$A,&apos;绩效评分&apos;!$1:$1</definedName>`,
    );
  });

  it("the print area: the filled cells and charts, absolute", async () => {
    expect(await part("xl/workbook.xml")).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;绩效评分&apos;!$A$1:$T$40</definedName>`,
    );
  });

  it("chart text at 11 points, the cells' size", async () => {
    const { chartSpaceXml } = await import("../../../src/render/xlsx/chartXml");
    const xml = chartSpaceXml({
      type: "bar",
      title: "T",
      categories: "S!$A$2:$A$3",
      series: [{ name: "Score", values: "S!$B$2:$B$3" }],
      from: { col: 0, row: 0 },
      to: { col: 5, row: 10 },
      cache: { categories: ["a", "b"], values: [[1, 2]] },
    });
    expect(xml).toMatch(/<\/c:chart><c:txPr>.*<a:defRPr sz="1100"\/>.*<\/c:txPr><\/c:chartSpace>/);
  });

  it("a wrapped header row's height", async () => {
    expect(await part("xl/worksheets/sheet1.xml")).toMatch(/<row r="1"[^>]* ht="32" customHeight="1"/);
  });

  it("a sheet without print settings gets no header, footer or fitting", async () => {
    const xml = await part("xl/worksheets/sheet3.xml");
    expect(xml).not.toContain("<oddHeader>");
    expect(xml).not.toContain("fitToPage");
  });
});
