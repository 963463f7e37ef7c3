/** The .xlsx writer (docs/reference/tabs.md tabs, docs/reference/cli.md --with-data): exceljs parts, post-processed charts and data copies. */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import { DOMParser } from "@xmldom/xmldom";
import { writeReportXlsx } from "../../../src/render/xlsx/writeXlsx";
import { insertDrawingElement } from "../../../src/render/xlsx/zipParts";
import type { RawSheet } from "../../../src/ingest/types";
import type { Report } from "../../../src/report/model";
import { readXlsx } from "../../../src/render/xlsx/readXlsx";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixtureReport } from "./fixtureReport";

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Parses XML strictly: any well-formedness error fails the test. */
function parseStrict(xml: string, part: string): Document {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level: string, msg: string) => {
      if (level !== "warning") errors.push(`${part}: ${msg}`);
    },
  }).parseFromString(xml, "text/xml") as unknown as Document;
  expect(errors).toEqual([]);
  return doc;
}

const dataSheet: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Amount", "Customer", "New"],
    [46023, " Grace Liu  ", 15370, '=HYPERLINK("http://evil","x")', true],
    [46024, "Bob", { error: "#N/A" }, "+1 call", "Yes"],
    [46025, "Bob", "$15,370", null, false],
  ],
  numberFormats: [
    [null, null, null, null, null],
    ["yyyy-mm-dd", null, "$#,##0.00", null, null],
    ["yyyy-mm-dd", null, null, null, null],
    ["yyyy-mm-dd", null, null, null, null],
  ],
};

let buf: Buffer;
let zip: JSZip;
let wb: ExcelJS.Workbook;
beforeAll(async () => {
  buf = await writeReportXlsx(fixtureReport(), { dataSheets: [dataSheet] });
  zip = await JSZip.loadAsync(buf);
  wb = await load(buf);
});

describe("writeReportXlsx", () => {
  it("writes the report tabs in model order, then the data copies", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Scorecard", "Ranking", "数据 趋势", "Plan", "Sales"]);
  });

  it("every XML part is well-formed", async () => {
    const parts = Object.keys(zip.files).filter((p) => /\.(xml|rels)$/.test(p));
    expect(parts.length).toBeGreaterThan(15);
    for (const p of parts) parseStrict(await zip.file(p)!.async("string"), p);
  });

  it("formula cells keep their formula and the engine's value as cached result", () => {
    const ws = wb.getWorksheet("Scorecard")!;
    expect(ws.getCell("E2").value).toEqual({ formula: "IFERROR(C2/D2,0)", result: 560000 / 550000 });
    expect(ws.getCell("F3").value).toEqual({ formula: "E3*Plan!$B$3/0.4", result: 0.75 });
    expect(wb.getWorksheet("Ranking")!.getCell("B2").value).toEqual({ formula: "Scorecard!A2", result: "Alice Chen" });
  });

  it("text starting with = stays text, never a formula", async () => {
    const ws = wb.getWorksheet("Scorecard")!;
    expect(ws.getCell("A4").value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell("A4").type).toBe(ExcelJS.ValueType.String);
    const sheetXml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheetXml).not.toMatch(/<f>[^<]*HYPERLINK/);
  });

  it("applies number formats, header/top/coaching styles, widths, frozen panes and tab colour", () => {
    const ws = wb.getWorksheet("Scorecard")!;
    expect(ws.getCell("C2").numFmt).toBe("#,##0.00");
    expect(ws.getCell("E2").numFmt).toBe("0.0%");
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect((ws.getCell("A1").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FF1F4E78");
    expect((ws.getCell("G2").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFC6EFCE");
    expect((ws.getCell("G4").fill as ExcelJS.FillPattern).fgColor?.argb).toBe("FFFFEB9C");
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F4E78" });
    expect(wb.getWorksheet("Plan")!.getCell("B4").numFmt).toBe("¥#,##0.00");
  });

  it("tables have unique names, filters, header text equal to their column names and no totals row", async () => {
    const t1 = await zip.file("xl/tables/table1.xml")!.async("string");
    expect(t1).toContain('name="Scorecard"');
    expect(t1).toContain('ref="A1:G4"');
    expect(t1).toContain('<autoFilter ref="A1:G4"');
    expect(t1).toContain('totalsRowShown="0"');
    expect(t1).not.toContain("totalsRowLabel");
    const names = [...t1.matchAll(/<tableColumn id="\d+" name="([^"]*)"/g)].map((m) => m[1]);
    expect(names).toEqual(["Rep", "Team", "Revenue actual", "Revenue target", "Revenue attainment", "Score", "Status"]);
    const t2 = await zip.file("xl/tables/table2.xml")!.async("string");
    expect(t2).toContain('name="Ranking"');
  });

  it("writes data bars without a dangling x14 extension and formula rules with a fill", async () => {
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('<conditionalFormatting sqref="E2:E4"><cfRule type="dataBar"');
    // The bar starts at the number 0, not at the lowest value.
    expect(xml).toMatch(/<dataBar><cfvo type="num" val="0"\/><cfvo type="max"\/>/);
    expect(xml).not.toContain("<x14:id/>");
    expect(xml).toContain("<formula>$G2=&quot;Top&quot;</formula>");
    const styles = await zip.file("xl/styles.xml")!.async("string");
    expect(styles).toMatch(/<dxfs count="1">.*C6EFCE/);
  });

  it("writes the workbook's defined names", async () => {
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    expect(xml).toContain('<definedName name="RevenueWeight">Plan!$B$3</definedName>');
    expect(xml).toContain('<definedName name="PlanValues">Plan!$B$3:$B$4</definedName>');
  });

  it("adds one chart part per ChartSpec, referenced from its sheet through a drawing", async () => {
    const rels2 = await zip.file("xl/worksheets/_rels/sheet2.xml.rels")!.async("string");
    expect(rels2).toMatch(/relationships\/drawing" Target="..\/drawings\/drawing1.xml"/);
    const rels3 = await zip.file("xl/worksheets/_rels/sheet3.xml.rels")!.async("string");
    expect(rels3).toMatch(/relationships\/drawing" Target="..\/drawings\/drawing2.xml"/);
    expect(await zip.file("xl/drawings/_rels/drawing1.xml.rels")!.async("string")).toContain("../charts/chart1.xml");
    const ct = await zip.file("[Content_Types].xml")!.async("string");
    expect(ct).toContain(
      '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(ct).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
    const bar = await zip.file("xl/charts/chart1.xml")!.async("string");
    expect(bar).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(bar).toContain(
      '<c:f>\'Ranking\'!$B$2:$B$3</c:f><c:strCache><c:ptCount val="2"/><c:pt idx="0"><c:v>Alice Chen</c:v>',
    );
    expect(bar).toContain(
      '<c:formatCode>0%</c:formatCode><c:ptCount val="2"/><c:pt idx="0"><c:v>1.018181818181818</c:v>',
    );
    // The value axis of a bar chart starts at 0 (CT_Scaling: orientation, then min).
    expect(bar).toContain(
      '<c:valAx><c:axId val="500000002"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling>',
    );
    const line = await zip.file("xl/charts/chart2.xml")!.async("string");
    expect(line).not.toContain("<c:min ");
    // The model's colours; the reference line dashed (CT_LineProperties: fill, prstDash, join).
    expect(line).toContain(
      '<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="1F77B4"/></a:solidFill><a:round/></a:ln>',
    );
    expect(line).toContain(
      '<a:ln w="28575" cap="rnd"><a:solidFill><a:srgbClr val="404040"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln>',
    );
    expect(line).toContain("<c:lineChart>");
    expect(line).toContain('<c:marker><c:symbol val="circle"/>');
    expect(line).toContain("Revenue &amp; &lt;trend&gt;");
    expect(line).toContain("<c:f>'数据 趋势'!$C$2:$C$3</c:f>");
    const drawing = await zip.file("xl/drawings/drawing1.xml")!.async("string");
    expect(drawing).toContain("<xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>");
    expect(drawing).toContain("<xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>15</xdr:row>");
  });

  it("places <drawing> before <tableParts>, after pageSetup (CT_Worksheet order)", async () => {
    const xml = await zip.file("xl/worksheets/sheet2.xml")!.async("string");
    const order = ["<sheetData", "<pageMargins", "<pageSetup", "<drawing ", "<tableParts"].map((t) => xml.indexOf(t));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("copies data sheets with values, number formats, errors, and formula-like text as text", async () => {
    const ws = wb.getWorksheet("Sales")!;
    expect(ws.getCell("A2").value).toEqual(new Date(Date.UTC(2026, 0, 1)));
    expect(ws.getCell("A2").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B2").value).toBe(" Grace Liu  ");
    expect(ws.getCell("C2").value).toBe(15370);
    expect(ws.getCell("C2").numFmt).toBe("$#,##0.00");
    expect(ws.getCell("D2").value).toBe('=HYPERLINK("http://evil","x")');
    expect(ws.getCell("D3").value).toBe("+1 call");
    expect(ws.getCell("C3").value).toEqual({ error: "#N/A" });
    expect(ws.getCell("E2").value).toBe(true);
    expect(ws.getCell("C4").value).toBe("$15,370");
    const xml = await zip.file("xl/worksheets/sheet5.xml")!.async("string");
    expect(xml).not.toContain("<f>");
  });

  it("a data copy placed with firstRow/firstCol keeps its cell positions", async () => {
    const b = await writeReportXlsx(fixtureReport(), {
      dataSheets: [
        {
          name: "Block",
          firstRow: 3,
          firstCol: 2,
          values: [
            ["Rep", "Amount"],
            ["Ann", 5],
          ],
        },
      ],
    });
    const w = await load(b);
    expect(w.getWorksheet("Block")!.getCell("C3").value).toBe("Rep");
    expect(w.getWorksheet("Block")!.getCell("D4").value).toBe(5);
  });
});

describe("insertDrawingElement", () => {
  it.each([
    [
      '<worksheet xmlns:r="r"><sheetData/><pageMargins/></worksheet>',
      '<worksheet xmlns:r="r"><sheetData/><pageMargins/><drawing r:id="rId9"/></worksheet>',
    ],
    [
      '<worksheet xmlns:r="r"><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins/><legacyDrawing r:id="x"/><tableParts/></worksheet>',
      '<worksheet xmlns:r="r"><sheetData/><conditionalFormatting><cfRule><extLst><ext/></extLst></cfRule></conditionalFormatting><pageMargins/><drawing r:id="rId9"/><legacyDrawing r:id="x"/><tableParts/></worksheet>',
    ],
    [
      '<worksheet xmlns:r="r"><sheetData></sheetData><extLst><ext/></extLst></worksheet>',
      '<worksheet xmlns:r="r"><sheetData></sheetData><drawing r:id="rId9"/><extLst><ext/></extLst></worksheet>',
    ],
  ])("%s", (input, expected) => {
    expect(insertDrawingElement(input, "rId9")).toBe(expected);
  });
});

describe("part order", () => {
  it("puts workbook.xml, its rels, shared strings and styles before the worksheets, so a 12-tab report reads back whole", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `Tab ${i + 1}`);
    const report: Report = {
      lang: "en",
      sheets: names.map((name) => ({ key: "data", name, rows: [[{ v: name }, { v: 1 }]] })),
      summary: { period: "2026-Q2", repsScored: 0, rowsUsed: 0, rowsExcluded: 0, top: [], coaching: [], issues: 0 },
    };
    const bytes = await writeReportXlsx(report);
    const parts = Object.keys((await JSZip.loadAsync(bytes)).files).filter((p) => !p.endsWith("/"));
    const firstSheet = parts.findIndex((p) => p.startsWith("xl/worksheets/"));
    for (const part of ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/sharedStrings.xml", "xl/styles.xml"]) {
      expect(parts.indexOf(part)).toBeGreaterThanOrEqual(0);
      expect(parts.indexOf(part)).toBeLessThan(firstSheet);
    }
    const file = path.join(os.tmpdir(), `salesperf-part-order-${process.pid}.xlsx`);
    fs.writeFileSync(file, bytes);
    try {
      expect((await readXlsx(file)).map((s) => [s.name, s.values[0]])).toEqual(names.map((n) => [n, [n, 1]]));
    } finally {
      fs.rmSync(file, { force: true });
    }
  });
});
