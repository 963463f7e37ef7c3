// readXlsx reads a workbook whatever order its zip stores the parts in: exceljs's streaming reader
// failed ("reading 'sheets'") when xl/workbook.xml came after the worksheets, which exceljs's own
// writer sometimes produces.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { readXlsx } from "../../../src/render/xlsx/readXlsx";
import { SAMPLES } from "../../samples";
import { reorder } from "./workbookXmlLast";

const SAMPLE = path.join(SAMPLES, "sales-en.xlsx");

it("reads sheets stored before xl/workbook.xml, with their names and tab order", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-order-"));
  const file = path.join(dir, "reordered.xlsx");
  const order = await reorder(SAMPLE, file);
  expect(order.indexOf("xl/worksheets/sheet1.xml")).toBeLessThan(order.indexOf("xl/workbook.xml"));

  const [plain, reordered] = [await readXlsx(SAMPLE), await readXlsx(file)];
  expect(reordered.map((s) => s.name)).toEqual(["Sales", "Ratings"]);
  expect(reordered.map((s) => s.values)).toEqual(plain.map((s) => s.values));
  fs.rmSync(dir, { recursive: true, force: true });
});
