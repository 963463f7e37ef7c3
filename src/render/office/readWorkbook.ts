/**
 * Reads every sheet's used range (values + number formats) and tables through Office.js as
 * RawSheets for ingest (docs/reference/input.md, ingest/types.ts). Reads are chunked by rows so that no
 * request returns more than Excel's 5 MB response limit or 5M cells; a chunk that still comes
 * back too large is split in half and read again.
 */
import type { RawCell, RawSheet } from "../../ingest/types";
import { runSteps } from "./steps";

/** Cells per read: values + number formats at ~25 bytes a cell stay well under 5 MB. */
export const READ_CELLS_PER_CHUNK = 100_000;

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** Office.js returns "" for empty cells and an error's text ("#N/A") for error cells. */
export function toRawCell(v: unknown): RawCell {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

interface Block {
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

interface Chunk {
  sheet: string;
  row: number; // 0-based sheet row
  col: number;
  rows: number;
  cols: number;
  values: RawCell[][];
  formats: (string | null)[][];
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const message = (e as { message?: string } | null)?.message ?? "";
  return /PayloadSizeLimitExceeded|payload size/i.test(code + " " + message);
}

/** Loads one block of rows; on a payload error splits it in half and loads both halves. */
async function readChunk(context: Excel.RequestContext, c: Omit<Chunk, "values" | "formats">): Promise<Chunk[]> {
  const range = context.workbook.worksheets.getItem(c.sheet).getRangeByIndexes(c.row, c.col, c.rows, c.cols);
  range.load("values, numberFormat");
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e) || c.rows < 2) throw e;
    const half = Math.floor(c.rows / 2);
    const first = await readChunk(context, { ...c, rows: half });
    const second = await readChunk(context, { ...c, row: c.row + half, rows: c.rows - half });
    return [...first, ...second];
  }
  const values = range.values.map((row) => row.map(toRawCell));
  const formats = range.numberFormat.map((row) => row.map((f) => (f === "General" || f === "" ? null : String(f))));
  return [{ ...c, values, formats }];
}

export async function readWorkbookSheets(context: Excel.RequestContext): Promise<RawSheet[]> {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name");
  await context.sync();
  const names = sheets.items.map((s) => s.name);

  const used = names.map((name) => {
    const ws = context.workbook.worksheets.getItem(name);
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    // `tables` is a navigation property, not a loaded value (the lint rule can't tell).
    // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read
    const tables = ws.tables;
    tables.load("items/name");
    return { name, range, tables };
  });
  await context.sync();

  const tableRanges = used.map((u) =>
    u.tables.items.map((t) => {
      const r = t.getRange();
      r.load("address");
      return { name: t.name, range: r };
    }),
  );
  await context.sync();

  const blocks: Block[] = used
    .filter((u) => !u.range.isNullObject)
    .map((u) => ({
      name: u.name,
      row: u.range.rowIndex,
      col: u.range.columnIndex,
      rows: u.range.rowCount,
      cols: u.range.columnCount,
    }));
  const chunkSpecs = blocks.flatMap((b) => {
    const rowsPerChunk = Math.max(1, Math.floor(READ_CELLS_PER_CHUNK / b.cols));
    const count = Math.ceil(b.rows / rowsPerChunk);
    return Array.from({ length: count }, (_, i) => ({
      sheet: b.name,
      row: b.row + i * rowsPerChunk,
      col: b.col,
      rows: Math.min(rowsPerChunk, b.rows - i * rowsPerChunk),
      cols: b.cols,
    }));
  });
  const chunks: Chunk[] = [];
  await runSteps(chunkSpecs.map((spec) => async () => void chunks.push(...(await readChunk(context, spec)))));

  return names.map((name, i) => {
    const mine = chunks.filter((c) => c.sheet === name);
    const tables = tableRanges[i].map((t) => ({
      name: t.name,
      ref: t.range.address.slice(t.range.address.lastIndexOf("!") + 1),
    }));
    if (mine.length === 0) return { name, firstRow: 1, firstCol: 0, values: [], numberFormats: [], tables };
    return {
      name,
      firstRow: mine[0].row + 1,
      firstCol: mine[0].col,
      values: mine.flatMap((c) => c.values),
      numberFormats: mine.flatMap((c) => c.formats),
      tables,
    };
  });
}
