/** Reads an .xlsx with exceljs into SeedSheets for the Excel fake (test setup only; docs/reference/input.md inputs). */
import ExcelJS from "exceljs";
import type { FakeScalar, SeedSheet } from "./excelFake";

const MS_PER_DAY = 86_400_000;
const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);

/** An exceljs cell value as Office.js `values` would return it: dates as serials, errors as "#N/A" text. */
export function toOfficeValue(v: ExcelJS.CellValue): FakeScalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  if (v instanceof Date) return (v.getTime() - EPOCH_1899_12_30) / MS_PER_DAY;
  if (typeof v === "object") {
    if ("error" in v) return String(v.error);
    if ("richText" in v) return v.richText.map((r) => r.text).join("");
    if ("formula" in v || "sharedFormula" in v)
      return toOfficeValue((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ("text" in v) return String((v as { text: unknown }).text);
  }
  return String(v);
}

const cache = new Map<string, string>();

/** The workbook's sheets as seeds; parsed once per path per test file (exceljs is slow under jest). */
export async function readSeed(path: string): Promise<SeedSheet[]> {
  let json = cache.get(path);
  if (json === undefined) {
    json = JSON.stringify(await parseSeed(path));
    cache.set(path, json);
  }
  return JSON.parse(json) as SeedSheet[];
}

async function parseSeed(path: string): Promise<SeedSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out: SeedSheet[] = [];
  wb.eachSheet((ws) => {
    const values: (FakeScalar | null)[][] = [];
    const numberFormats: (string | null)[][] = [];
    // rowCount/columnCount walk the sheet on every call: read them once.
    const rowCount = ws.rowCount;
    const columnCount = ws.columnCount;
    for (let r = 1; r <= rowCount; r++) {
      const row = ws.getRow(r);
      const vr: (FakeScalar | null)[] = [];
      const fr: (string | null)[] = [];
      for (let c = 1; c <= columnCount; c++) {
        // exceljs cells, not Office.js proxies: nothing to load.
        const xlsxCell = row.getCell(c);
        /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read */
        vr.push(toOfficeValue(xlsxCell.value));
        fr.push(xlsxCell.numFmt || null);
        /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read */
      }
      values.push(vr);
      numberFormats.push(fr);
    }
    const tables = Object.values(
      (ws as unknown as { tables: Record<string, { table: { name: string; tableRef: string } }> }).tables ?? {},
    ).map((t) => ({ name: t.table.name, ref: t.table.tableRef }));
    out.push({ name: ws.name, values, numberFormats, tables });
  });
  return out;
}
