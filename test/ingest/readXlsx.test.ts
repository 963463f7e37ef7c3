// readXlsx (docs/reference/cli.md input): exceljs streaming cells → RawCell, on a workbook written for the test.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { readXlsx, toRawCell } from "../../src/render/xlsx/readXlsx";

describe("toRawCell", () => {
  it.each<[string, unknown, unknown]>([
    ["number", 12.5, 12.5],
    ["string", "Ann", "Ann"],
    ["boolean", true, true],
    ["blank", null, null],
    ["undefined", undefined, null],
    ["UTC date → serial", new Date(Date.UTC(2026, 2, 11)), 46092],
    ["date with time", new Date(Date.UTC(2026, 2, 11, 18)), 46092.75],
    ["error", { error: "#N/A" }, { error: "#N/A" }],
    ["rich text", { richText: [{ text: "Grace " }, { font: { bold: true }, text: "Liu" }] }, "Grace Liu"],
    ["formula → cached number", { formula: "A1*2", result: 20 }, 20],
    ["formula → cached text", { formula: "A1&B1", result: "ab" }, "ab"],
    ["formula, error result (exceljs gives NaN)", { formula: "1/0", result: NaN }, { error: "#ERROR" }],
    ["formula without a cached result (how exceljs streams an error result)", { formula: "A1" }, { error: "#ERROR" }],
    ["shared formula", { sharedFormula: "A2", result: 3 }, 3],
    ["hyperlink → its text", { text: "click", hyperlink: "http://example.invalid" }, "click"],
  ])("%s", (_name, value, expected) => {
    expect(toRawCell(value)).toEqual(expected);
  });
});

describe("readXlsx", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "readxlsx-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("reads values, formulas, errors, rich text and gaps; sheets in tab order", async () => {
    const wb = new ExcelJS.Workbook();
    const first = wb.addWorksheet("First");
    const second = wb.addWorksheet("Second");
    first.getCell("B2").value = "Rep";
    first.getCell("C2").value = "Date";
    first.getCell("D2").value = "Amount";
    first.getCell("B3").value = { richText: [{ text: "Grace " }, { font: { bold: true }, text: "Liu" }] };
    first.getCell("C3").value = new Date(Date.UTC(2026, 2, 11));
    first.getCell("C3").numFmt = "yyyy-mm-dd";
    first.getCell("D3").value = { formula: "1000*2", result: 2000 };
    first.getCell("D3").numFmt = "¥#,##0";
    // row 4 left empty: it must still take its place
    first.getCell("B5").value = "Bob";
    first.getCell("C5").value = "2026/3/12";
    first.getCell("D5").value = { error: "#N/A" };
    first.getCell("E5").value = true;
    first.getCell("F5").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    second.getCell("A1").value = "x";
    const file = path.join(dir, "t.xlsx");
    await wb.xlsx.writeFile(file);

    const progress: number[] = [];
    const sheets = await readXlsx(file, { onProgress: (n) => progress.push(n) });
    expect(sheets.map((s) => s.name)).toEqual(["First", "Second"]);
    const s = sheets[0];
    expect(s.firstRow).toBe(1);
    expect(s.firstCol).toBe(0);
    expect(s.values).toEqual([
      [],
      [null, "Rep", "Date", "Amount"],
      [null, "Grace Liu", 46092, 2000],
      [],
      [null, "Bob", "2026/3/12", { error: "#N/A" }, true, { error: "#DIV/0!" }],
    ]);
    expect(s.numberFormats?.[2]).toEqual([null, null, "yyyy-mm-dd", "¥#,##0"]);
    expect(sheets[1].values).toEqual([["x"]]);
    expect(progress[progress.length - 1]).toBe(4); // rows present in the files: 3 + 1
  });

  it("rejects with a message naming the file when it is missing or not a workbook", async () => {
    const bad = path.join(dir, "not.xlsx");
    fs.writeFileSync(bad, "hello");
    await expect(readXlsx(bad)).rejects.toThrow(/Cannot read .*not\.xlsx/);
    await expect(readXlsx(path.join(dir, "missing.xlsx"))).rejects.toThrow(
      /Cannot read .*missing\.xlsx: file not found/,
    );
    await expect(readXlsx(dir)).rejects.toThrow(/Cannot read .*: it is a folder/);
  }, 10000);
});
