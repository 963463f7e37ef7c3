/**
 * The CLI's .xlsx reader (docs/reference/cli.md): exceljs's streaming WorkbookReader → RawSheet[] for ingest
 * (docs/reference/input.md). Never builds the workbook DOM, so 1,048,576 rows stay within memory; the per-cell
 * work on top of exceljs's own parse is a typeof switch and one format comparison.
 *
 * Conversions (the RawCell contract of src/ingest/types.ts):
 * - date-formatted numbers (exceljs gives a Date, read as UTC) → the Excel serial in the cell (1900 system, also
 *   for 1904-system workbooks, whose dates exceljs has already shifted; docs/reference/sheet.md);
 * - error cells → { error: "#N/A" }; rich text → its plain text; hyperlinks → their text;
 * - formulas → their cached result, as Excel shows it (docs/reference/robustness.md). exceljs's streaming
 *   reader parses a formula's cached value as a number whatever its type (TRUE → 1, "#DIV/0!" → NaN) and
 *   then drops falsy results (0, "", FALSE). So each sheet's XML reaches exceljs without the <f> of a cell
 *   that has a cached <v> (`cachedValuesOnly`): exceljs then reads the cell as the plain value Excel saved,
 *   typed by its t attribute. A formula without a cached result becomes { error: "#ERROR" }: Excel always
 *   saves a cached value, so in its files a missing one means an error. (A generated file never
 *   calculated would show the same; ingest lists such cells.)
 *
 * Sheets come back in workbook tab order, values[0] = sheet row 1, values[r][0] = column A.
 * numberFormats has the same shape; consecutive rows with equal formats share one array, so it
 * costs a pointer per row — treat both as read-only. Excel tables are not exposed by the
 * streaming reader, so `tables` is not set.
 */
import * as ExcelJS from "exceljs";
import { promises as fsp } from "fs";
import type { RawCell, RawSheet } from "../../ingest/types";
import { serialFromDayCountDate } from "../../sheet";

const PROGRESS_EVERY = 65536;
const EMPTY_ROW: RawCell[] = [];
const EMPTY_FMTS: (string | null)[] = [];

export interface ReadXlsxOptions {
  /** Called every 65,536 rows and once at the end with the rows read so far (all sheets). */
  onProgress?: (rowsRead: number) => void;
}

/** An exceljs cell value → RawCell. */
export function toRawCell(v: unknown): RawCell {
  switch (typeof v) {
    case "number":
      return Number.isFinite(v) ? v : { error: "#NUM!" };
    case "string":
    case "boolean":
      return v;
    case "undefined":
      return null;
    case "object": {
      if (v === null) return null;
      if (v instanceof Date) {
        const serial = serialFromDayCountDate(v); // exceljs made the Date by counting days, the phantom 29 Feb aside
        return (serial | 0) === serial ? serial | 0 : serial; // a whole day stays a small integer (no heap number)
      }
      const o = v as Record<string, unknown>;
      if (typeof o.error === "string") return { error: o.error };
      if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? "").join("");
      if ("formula" in o || "sharedFormula" in o) {
        const r = o.result;
        if (r === undefined || r === null || (typeof r === "number" && Number.isNaN(r))) return { error: "#ERROR" };
        return toRawCell(r);
      }
      if ("text" in o) return toRawCell(o.text); // hyperlink { text, hyperlink }
      return null;
    }
    default:
      return null;
  }
}

interface StreamCell {
  value: unknown;
  numFmt?: string;
  style?: { numFmt?: string };
}
interface StreamRow {
  number: number;
  cellCount: number;
  eachCell(cb: (cell: StreamCell, col: number) => void): void;
}

/**
 * exceljs's streaming reader waits forever on a file that is not a zip and reports a missing file
 * as an unhandled stream error, so both are checked here first: an .xlsx starts with "PK\x03\x04".
 */
async function checkZip(path: string): Promise<void> {
  let head: Buffer;
  try {
    const fh = await fsp.open(path, "r");
    try {
      head = Buffer.alloc(4);
      const { bytesRead } = await fh.read(head, 0, 4, 0);
      head = head.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "file not found" : code === "EISDIR" ? "it is a folder" : (e as Error).message;
    throw new Error(`Cannot read ${path}: ${why}`);
  }
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b || head[2] !== 3 || head[3] !== 4) {
    throw new Error(`Cannot read ${path}: not an .xlsx workbook`);
  }
}

/**
 * Read every worksheet of an .xlsx file. Rejects with an Error naming the file when it cannot be
 * opened or is not an .xlsx workbook.
 */
export async function readXlsx(path: string, opts: ReadXlsxOptions = {}): Promise<RawSheet[]> {
  await checkZip(path);
  for (let attempt = 1; ; attempt++) {
    const read = await readOnce(path, opts);
    if (read.complete) return read.sheets;
    if (attempt === READ_ATTEMPTS) {
      throw new Error(
        `Cannot read ${path} as an .xlsx workbook: parts of it could not be read (${READ_ATTEMPTS} tries)`,
      );
    }
  }
}

/**
 * exceljs's streaming unzip now and then loses whole parts of a file (workbook.xml, sharedStrings.xml, a sheet)
 * that the next read of the same file gets: about one read in twenty of a small workbook. A read that missed a
 * part is seen (no sheet list, a shared string never resolved, a listed worksheet not read) and done again.
 */
const READ_ATTEMPTS = 3;

async function readOnce(path: string, opts: ReadXlsxOptions): Promise<{ sheets: RawSheet[]; complete: boolean }> {
  const onProgress = opts.onProgress;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache",
    worksheets: "emit",
  });
  // exceljs names a worksheet from workbook.xml; a zip that stores workbook.xml after the sheets (exceljs's own
  // writer can, depending on timing) made it read `undefined.sheets`. An empty model lets it go on; the names
  // are then settled below, once workbook.xml has been read.
  const readerState = reader as unknown as ReaderState;
  readerState.model = readerState.model ?? {};
  // Likewise its date system (1900 unless workbook.xml, not yet read, says 1904: rare, and unknowable here).
  readerState.properties = readerState.properties ?? {};
  const sheets: { sheet: RawSheet; id: number | string }[] = [];
  let total = 0;
  let nextProgress = PROGRESS_EVERY;

  // One callback for all rows (no closure per row); it writes into the current row's arrays.
  // Formats are compared with the previous row's on the fly, so an unchanged row allocates nothing.
  let vals: RawCell[] = EMPTY_ROW;
  let prevFmts: (string | null)[] = EMPTY_FMTS;
  let fmts: (string | null)[] = EMPTY_FMTS;
  let fmtsShared = true; // fmts === prevFmts so far
  let fmtCount = 0;
  let unresolvedString = false;
  const onCell = (cell: StreamCell, col: number): void => {
    const i = col - 1;
    const raw = toRawCell(cell.value);
    // exceljs leaves { sharedString: index } when sharedStrings.xml was never read.
    if (raw === null && cell.value !== null && typeof cell.value === "object") unresolvedString = true;
    vals[i] = raw;
    let f: string | null | undefined = cell.style?.numFmt;
    if (f === undefined || f === "General") f = null;
    else fmtCount++;
    if (fmtsShared) {
      if ((prevFmts[i] ?? null) === f) return;
      fmtsShared = false;
      fmts = new Array<string | null>(vals.length).fill(null);
      for (let k = 0; k < i; k++) fmts[k] = prevFmts[k] ?? null;
    }
    fmts[i] = f;
  };

  try {
    for await (const wsAny of reader) {
      const ws = wsAny as unknown as AsyncIterable<StreamRow> & WorksheetReaderState;
      // Patch point: the sheet's XML stream, read by exceljs only once its rows are iterated below.
      ws.iterator = cachedValuesOnly(ws.iterator);
      const values: RawCell[][] = [];
      const numberFormats: (string | null)[][] = [];
      prevFmts = EMPTY_FMTS;
      for await (const row of ws) {
        // Rows absent from the XML are blank: keep values[r] aligned with sheet row r + 1.
        while (values.length < row.number - 1) {
          values.push(EMPTY_ROW);
          numberFormats.push(EMPTY_FMTS);
        }
        const n = row.cellCount;
        vals = new Array<RawCell>(n).fill(null);
        fmts = prevFmts;
        fmtsShared = true;
        fmtCount = 0;
        row.eachCell(onCell);
        values.push(vals);
        // A row reusing the previous row's formats must not carry formats beyond its own cells.
        if (fmtsShared && prevFmts.length > n) {
          fmts = prevFmts.slice(0, n);
          fmtsShared = false;
        }
        if (fmtCount === 0 && !fmtsShared) fmts = EMPTY_FMTS;
        numberFormats.push(fmts);
        prevFmts = fmts;
        if (++total >= nextProgress && onProgress) {
          onProgress(total);
          nextProgress += PROGRESS_EVERY;
        }
      }
      sheets.push({ sheet: { name: ws.name, firstRow: 1, firstCol: 0, values, numberFormats }, id: ws.id });
    }
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    throw new Error(`Cannot read ${path} as an .xlsx workbook: ${why}`);
  }
  if (onProgress) onProgress(total);
  const model = readerState.model;
  // A sheet read before workbook.xml still has its file number (a string) for id: find its name now.
  for (const s of sheets) {
    if (typeof s.id !== "string") continue;
    const rel = (readerState.workbookRels ?? []).find((r) => r.Target === `worksheets/sheet${s.id}.xml`);
    const entry = rel && (model?.sheets ?? []).find((m) => m.rId === rel.Id);
    if (entry) {
      s.id = entry.id;
      s.sheet.name = entry.name;
    } else s.id = Number(s.id);
  }
  // The zip may hold the sheets in any order; put them in tab order.
  const tabOrder = new Map<number, number>((model?.sheets ?? []).map((m, i) => [m.id, i]));
  const order = (id: number | string) => tabOrder.get(Number(id)) ?? Number(id);
  sheets.sort((a, b) => order(a.id) - order(b.id));
  const worksheetParts = (readerState.workbookRels ?? []).filter((r) => /^worksheets\/sheet\d+\.xml$/.test(r.Target));
  const complete = model?.sheets !== undefined && !unresolvedString && sheets.length >= worksheetParts.length;
  return { sheets: sheets.map((s) => s.sheet), complete };
}

interface ReaderState {
  properties?: { model?: { date1904?: boolean } };
  model?: { sheets?: { id: number; name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
}

/** The part of exceljs's WorksheetReader that readXlsx replaces: the stream of the sheet's XML. */
interface WorksheetReaderState {
  name: string;
  id: number | string;
  iterator: AsyncIterable<Uint8Array | string>;
}

/**
 * A formula cell whose <f> is followed by a cached <v>: group 1 is the cell's start tag. OOXML orders a cell's
 * children f, v, is; formula text holds no "<" (XML escapes it).
 */
const FORMULA_BEFORE_VALUE = /(<c\b[^>]*>)\s*<f\b[^>]*?(?:\/>|>[^<]*<\/f>)(?=\s*<v[\s>/])/g;
const CELL_END = "</c>";

/**
 * Sheet XML with the formula of every cell that has a cached value removed, so exceljs reads that value with
 * its type. Text is passed on up to the last complete cell of each chunk (a cell never spans the cut); UTF-8 is
 * decoded across chunk boundaries.
 */
export async function* cachedValuesOnly(xml: AsyncIterable<Uint8Array | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  let carry = "";
  for await (const chunk of xml) {
    const text = carry + (typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true }));
    const cut = text.lastIndexOf(CELL_END);
    if (cut < 0) {
      carry = text;
      continue;
    }
    const complete = text.slice(0, cut + CELL_END.length);
    carry = text.slice(cut + CELL_END.length);
    yield complete.includes("<f") ? complete.replace(FORMULA_BEFORE_VALUE, "$1") : complete;
  }
  const rest = carry + decoder.decode();
  if (rest.length > 0) yield rest.includes("<f") ? rest.replace(FORMULA_BEFORE_VALUE, "$1") : rest;
}
