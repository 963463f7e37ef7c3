// Formula cells read as Excel shows them (docs/reference/robustness.md): a cached 0, FALSE or empty text is that
// value in every sheet SalesPerf reads — sales, ratings, Targets, Plan — not an error value.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ExcelJS from "exceljs";
import { ingest } from "../../src/ingest";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan, readWorkbookPlan, writePlanSheet } from "../../src/plan";
import { cachedValuesOnly, readXlsx } from "../../src/render/xlsx/readXlsx";
import { parseCellAddress } from "../../src/sheet";

type Formula = ExcelJS.CellFormulaValue;
const f = (formula: string, result: number | string | boolean | { error: string }): Formula =>
  ({ formula, result }) as Formula;

/** "$B$12" → 1-based row and column. */
function rowCol(address: string): [number, number] {
  const { row, col } = parseCellAddress(address)!;
  return [row + 1, col + 1];
}

describe("formula cells with falsy cached results", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "formula-cells-"));
    file = path.join(dir, "falsy.xlsx");
    const wb = new ExcelJS.Workbook();
    const sales = wb.addWorksheet("Sales");
    sales.addRow(["Rep", "Date", "Qty", "Price", "Amount", "New customer", "Customer"]);
    const day = new Date(Date.UTC(2026, 3, 10));
    sales.addRow(["Ann", day, 0, 120, f("C2*D2", 0), f("C2>0", false), f('""', "")]);
    sales.addRow(["Ann", day, 2, 100, f("C3*D3", 200), f("C3>0", true), "Acme"]);
    sales.addRow(["Bob", day, 1, 50, f("C4*D4", 50), f("C4>5", false), f("1/0", { error: "#DIV/0!" })]);
    sales.getColumn(2).numFmt = "yyyy-mm-dd";
    const ratings = wb.addWorksheet("Ratings");
    ratings.addRow(["Rep", "Month", "Manager Rating"]);
    ratings.addRow(["Ann", "2026-04", f("4-4", 0)]);
    ratings.addRow(["Bob", "2026-04", 4]);
    const targets = wb.addWorksheet("Targets");
    targets.addRow(["Rep", "KPI", "Target"]);
    targets.addRow(["Ann", "Revenue", f("450*2", 900)]);
    // A row of formulas showing nothing (=IF(…,"","") filled down) is a blank row, not three missing values.
    targets.addRow([f('""', ""), f('""', ""), f('""', "")]);
    const layout = writePlanSheet(defaultPlan("en"), "en");
    const plan = wb.addWorksheet("Plan");
    layout.rows.forEach((r) => plan.addRow([...r]));
    const [tr, tc] = rowCol(layout.cells.bonus.threshold);
    plan.getCell(tr, tc).value = f("0.5-0.5", 0);
    await wb.xlsx.writeFile(file);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("reads the cached values with their types", async () => {
    const sheets = await readXlsx(file);
    const sales = sheets.find((s) => s.name === "Sales")!.values;
    expect(sales[1].slice(4)).toEqual([0, false, ""]);
    expect(sales[2].slice(4)).toEqual([200, true, "Acme"]);
    expect(sales[3].slice(4)).toEqual([50, false, { error: "#DIV/0!" }]);
    expect(sheets.find((s) => s.name === "Ratings")!.values[1][2]).toBe(0);
    expect(sheets.find((s) => s.name === "Targets")!.values[2]).toEqual(["", "", ""]);
  });

  it("sales: a formula amount of 0 is a used row of 0; FALSE is a no; empty text is no customer", async () => {
    const r = ingest(await readXlsx(file)) as IngestResult;
    expect(r.reconciliation).toMatchObject({ rowsRead: 3, rowsUsed: 3, rowsExcluded: 0, amountUsed: "250" });
    const ann = r.rows[0];
    expect([ann.amount, ann.newCustomer, ann.customer]).toEqual([0, false, null]);
    expect(r.rows.map((x) => x.newCustomer)).toEqual([false, true, false]);
    expect(r.issues.filter((i) => i.sheet === "Sales")).toEqual([]);
  });

  it("ratings: a formula rating of 0 is the rating 0", async () => {
    const r = ingest(await readXlsx(file)) as IngestResult;
    const ann = r.measures.find((m) => m.rep === "Ann")!;
    expect(ann.values["Manager Rating"]).toBe(0);
    expect(ann.values.behaviour).toBe(0);
    expect(r.issues.filter((i) => i.sheet === "Ratings")).toEqual([]);
  });

  it("Targets and Plan: formulas showing nothing are a blank row; a formula of 0 is the threshold 0", async () => {
    const r = readWorkbookPlan(await readXlsx(file), "en");
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(r.plan.repTargets).toEqual({ Ann: { Revenue: 900 } });
    expect(r.plan.bonus.threshold).toBe(0);
  });
});

describe("cachedValuesOnly", () => {
  async function run(chunks: (string | Uint8Array)[]): Promise<string> {
    async function* source() {
      yield* chunks;
    }
    let out = "";
    for await (const s of cachedValuesOnly(source())) out += s;
    return out;
  }

  it("drops the formula of a cell with a cached value, keeps one without", async () => {
    const xml =
      '<row r="1"><c r="A1" t="b"><f>B1&gt;0</f><v>0</v></c><c r="B1"><f t="shared" si="0"/><v>0</v></c>' +
      '<c r="C1"><f>D1</f></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1" s="1"/></row>';
    expect(await run([xml])).toBe(
      '<row r="1"><c r="A1" t="b"><v>0</v></c><c r="B1"><v>0</v></c>' +
        '<c r="C1"><f>D1</f></c><c r="D1" t="str"><v></v></c><c r="E1" s="1"/></row>',
    );
  });

  it("gives the same text whatever the chunking, multi-byte characters split included", async () => {
    const xml = '<row r="1"><c r="A1" t="str"><f>"张"&amp;"三"</f><v>张三</v></c><c r="B1"><f>1</f><v>1</v></c></row>';
    const bytes = Buffer.from(xml, "utf8");
    const whole = await run([bytes]);
    for (let cut = 1; cut < bytes.length; cut++) {
      expect(await run([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(whole);
    }
    expect(whole).toBe('<row r="1"><c r="A1" t="str"><v>张三</v></c><c r="B1"><v>1</v></c></row>');
  });
});
