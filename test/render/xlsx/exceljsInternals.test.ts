/**
 * src/render/xlsx/readXlsx.ts reaches into exceljs's streaming WorkbookReader: it presets `model` and `properties`
 * (so a zip storing xl/workbook.xml after the worksheets can be read), afterwards names such sheets from `model.sheets`
 * and `workbookRels`, and replaces each emitted worksheet's `iterator` (the stream of its XML) with a filtered one. None of that is public API, so exceljs is pinned to one version and this suite checks that
 * those internals still have the shape and behaviour readXlsx relies on. When it fails after an exceljs change,
 * the message says what to check.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLES } from "../../samples";
import { reorder } from "./workbookXmlLast";

const CHECK =
  "exceljs's streaming reader changed: src/render/xlsx/readXlsx.ts presets reader.model and reader.properties and " +
  "reads reader.model.sheets ({ id, name, rId }) and reader.workbookRels ({ Id, Target }), and replaces a worksheet's " +
  "`iterator` (its XML stream) — check those against the new exceljs (node_modules/exceljs/lib/stream/xlsx/" +
  "workbook-reader.js and worksheet-reader.js), adapt readXlsx, then this test and the pin";

const ROOT = path.resolve(__dirname, "../../..");
const SAMPLE = path.join(SAMPLES, "sales-en.xlsx");

interface Internals {
  model?: { sheets?: unknown };
  properties?: { model?: unknown };
  workbookRels?: unknown;
}

/** Reads the whole file with a bare reader (none of readXlsx's presets); the reader and the sheets it emitted. */
async function readBare(file: string): Promise<{ reader: Internals; sheets: { id: unknown; name: unknown }[] }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache" });
  const sheets: { id: unknown; name: unknown }[] = [];
  for await (const ws of reader) {
    const sheet = ws as unknown as AsyncIterable<unknown> & { id: unknown; name: unknown };
    for await (const _row of sheet) {
      // rows are read only so the reader moves on
    }
    sheets.push({ id: sheet.id, name: sheet.name });
  }
  return { reader: reader as unknown as Internals, sheets };
}

/** Fails with CHECK and what was found when `ok` is false. */
function expectShape(ok: boolean, found: unknown): void {
  if (!ok) throw new Error(`${CHECK}.\nFound: ${JSON.stringify(found, null, 1)}`);
}

describe("the exceljs internals readXlsx patches", () => {
  it("are those of the pinned exceljs version", () => {
    const pinned = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).dependencies.exceljs;
    const installed = JSON.parse(fs.readFileSync(path.join(ROOT, "node_modules/exceljs/package.json"), "utf8")).version;
    expectShape(pinned === installed && /^\d+\.\d+\.\d+$/.test(pinned), { pinned, installed });
  });

  it("reader.model.sheets and reader.workbookRels name each worksheet file; reader.properties holds the date system", async () => {
    const { reader, sheets } = await readBare(SAMPLE);
    const model = reader.model?.sheets as { id: unknown; name: unknown; rId: unknown }[] | undefined;
    const rels = reader.workbookRels as { Id: unknown; Target: unknown }[] | undefined;
    expectShape(
      Array.isArray(model) &&
        model.length === 2 &&
        model.every((m) => typeof m.id === "number" && typeof m.name === "string" && typeof m.rId === "string") &&
        Array.isArray(rels) &&
        model.every((m) => rels.some((r) => r.Id === m.rId && /^worksheets\/sheet\d+\.xml$/.test(String(r.Target)))) &&
        typeof reader.properties === "object" &&
        reader.properties !== null &&
        "model" in reader.properties,
      { model, rels, properties: reader.properties },
    );
    // workbook.xml read first: exceljs names the sheets itself, with numeric ids.
    expect(sheets).toEqual([
      { id: 1, name: "Sales" },
      { id: 2, name: "Ratings" },
    ]);
  });

  it("with xl/workbook.xml stored last, a bare reader still fails and sheets carry only their file number", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-exceljs-"));
    try {
      const file = path.join(dir, "workbook-last.xlsx");
      await reorder(SAMPLE, file);
      // Without readXlsx's preset model the reader reads `undefined.sheets`: the preset is still needed.
      const failure = await readBare(file).then(
        () => "no error",
        (e: unknown) => String(e),
      );
      expectShape(/sheets/.test(failure), { failure });
      // With an empty model preset (what readXlsx does) it reads on; the sheets carry their file number as a
      // string id and a stand-in name ("Sheet1"), which readXlsx replaces from model.sheets and workbookRels afterwards.
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, { worksheets: "emit", sharedStrings: "cache" });
      (reader as unknown as Internals).model = {};
      (reader as unknown as Internals).properties = {};
      const ids: unknown[] = [];
      for await (const ws of reader) {
        const sheet = ws as unknown as AsyncIterable<unknown> & { id: unknown; name: unknown };
        for await (const _row of sheet) {
          // rows are read only so the reader moves on
        }
        ids.push(sheet.id);
      }
      const internals = reader as unknown as Internals;
      expectShape(
        JSON.stringify(ids) === JSON.stringify(["1", "2"]) &&
          Array.isArray(internals.model?.sheets) &&
          Array.isArray(internals.workbookRels),
        { ids, model: internals.model, workbookRels: internals.workbookRels },
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a worksheet reads its rows from its `iterator` property, replaceable before the rows are read", async () => {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(SAMPLE, { worksheets: "emit", sharedStrings: "cache" });
    const firstCells: unknown[] = [];
    for await (const ws of reader) {
      const sheet = ws as unknown as AsyncIterable<{ getCell(col: number): { value: unknown } }> & {
        iterator?: unknown;
      };
      const original = sheet.iterator as AsyncIterable<unknown> | undefined;
      expectShape(original !== undefined && typeof original[Symbol.asyncIterator] === "function", {
        iterator: typeof original,
      });
      // What readXlsx does with a filter: here a stand-in sheet whose only cell is 42.
      sheet.iterator = (async function* () {
        yield '<worksheet><sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>';
      })();
      for await (const row of sheet) firstCells.push(row.getCell(1).value);
    }
    expectShape(JSON.stringify(firstCells) === JSON.stringify([42, 42]), { firstCells });
  });
});
