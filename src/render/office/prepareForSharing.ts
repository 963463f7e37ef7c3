/**
 * "Prepare for sharing" (docs/reference/statements.md; the workbook is emailed to people without the add-in): find the cells whose
 * formula calls a PERF custom function and replace exactly those with their current values. Other formulas stay.
 * Reads are chunked by rows and batched by cells (Excel's 5 MB payload limit), with one sync per batch, never one
 * per sheet or per cell; a batch that still comes back too large is split in half and read again.
 */
import { cellAddress, uniqueSheetName } from "../../sheet";
import { officeError, describeExcelError, type OfficeResult } from "./errors";
import { queueJournal, queueJournalDelete, readJournal, type Settled, type ShareJournal } from "./journal";
import { runSteps } from "./steps";

export interface PerfFormula {
  sheet: string;
  /** The cell, "B7" (no sheet name). */
  address: string;
  /** The formula as Excel returns it, "=PERF.BONUS(B2,C2,5000)". */
  formula: string;
}

/** Cells one sync reads (formulas and values, ~25 bytes each): a response near 2.5 MB, well under 5 MB. */
export const FORMULA_CELLS_PER_SYNC = 50_000;
/** Cells replaced per load/set round: two syncs each; a value is rarely more than a few dozen bytes. */
export const REPLACE_CELLS_PER_SYNC = 2_000;
/** Bytes of values one set-sync may carry (under 5 MB with room for the request's own framing). */
const WRITE_BYTES_PER_SYNC = 2_000_000;

const PERF_CALL = /(^|[^A-Za-z0-9_.])PERF\.[A-Za-z]/i;

/**
 * The formula with its literal text blanked: string constants ("PERF.X"), quoted sheet names ('PERF.Sheet'!A1) and
 * bracketed parts (structured references Table1[PERF.Col], external workbooks [PERF.xlsx]) are not calls. Inside
 * brackets "'" escapes the next character, as Excel writes Table1[Col'[1']].
 */
function codeOutsideLiterals(formula: string): string {
  let out = "";
  let depth = 0;
  for (let i = 0; i < formula.length; i++) {
    const ch = formula[i];
    if (depth > 0) {
      if (ch === "'") i++;
      else if (ch === "[") depth++;
      else if (ch === "]") depth--;
      out += " ";
      continue;
    }
    if (ch === '"' || ch === "'") {
      // "" inside "…" and '' inside '…' are the quote itself; an unterminated literal runs to the end.
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += " ".repeat(Math.min(j, formula.length - 1) - i + 1);
      i = j;
      continue;
    }
    if (ch === "[") {
      depth = 1;
      out += " ";
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * True when the formula calls a PERF function: "PERF." and a letter, not preceded by a letter, digit, "_" or "."
 * (so MYPERF.X and A.PERF.X are not), outside string literals. Custom functions keep their "PERF.<ID>" name in
 * formulas whatever the UI language (the zh-CN names are display names only).
 */
export function formulaCallsPerf(formula: string): boolean {
  if (typeof formula !== "string" || !formula.startsWith("=")) return false;
  return PERF_CALL.test(codeOutsideLiterals(formula));
}

/** A cell's `formulas` entry is a PERF formula (not a text constant that merely reads like one). */
function isPerfFormulaCell(formula: unknown, value: unknown): formula is string {
  return typeof formula === "string" && formula !== value && formulaCallsPerf(formula);
}

function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? "";
  const message = (e as { message?: string } | null)?.message ?? "";
  return /PayloadSizeLimitExceeded|payload size/i.test(code + " " + message);
}

interface Block {
  sheet: string;
  row: number; // 0-based
  col: number;
  rows: number;
  cols: number;
}

/** Splits a used range into row chunks of at most `cells` cells (at least one row each). */
function chunkRows(b: Block, cells: number): Block[] {
  const rowsPer = Math.max(1, Math.floor(cells / b.cols));
  const out: Block[] = [];
  for (let r = 0; r < b.rows; r += rowsPer) out.push({ ...b, row: b.row + r, rows: Math.min(rowsPer, b.rows - r) });
  return out;
}

/** Groups chunks so that each group reads at most `cells` cells (one sync per group). */
function groupByCells(blocks: Block[], cells: number): Block[][] {
  const groups: Block[][] = [];
  let current: Block[] = [];
  let size = 0;
  for (const b of blocks) {
    const n = b.rows * b.cols;
    if (current.length > 0 && size + n > cells) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(b);
    size += n;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

/**
 * Loads the formulas of a group of blocks in one sync and appends the PERF cells to `found`; on a payload error
 * splits the group (or its one block) in half and reads the halves in turn, so `found` stays in block order.
 */
async function readFormulas(context: Excel.RequestContext, group: Block[], found: PerfFormula[]): Promise<void> {
  const ranges = group.map((b) => {
    const range = context.workbook.worksheets.getItem(b.sheet).getRangeByIndexes(b.row, b.col, b.rows, b.cols);
    // Values too: a text constant that reads "=PERF.X(…)" comes back from `formulas` as that text, but equals its
    // value; a formula's value is its result.
    range.load("formulas, values");
    return range;
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e) || (group.length === 1 && group[0].rows < 2)) throw e;
    const halves: Block[][] =
      group.length > 1
        ? [group.slice(0, group.length >> 1), group.slice(group.length >> 1)]
        : chunkRows(group[0], Math.ceil(group[0].rows / 2) * group[0].cols).map((b) => [b]);
    await runSteps(halves.map((h) => () => readFormulas(context, h, found)));
    return;
  }
  group.forEach((b, i) => {
    const values = ranges[i].values;
    ranges[i].formulas.forEach((row, r) =>
      row.forEach((f, c) => {
        if (isPerfFormulaCell(f, values[r][c])) {
          found.push({ sheet: b.sheet, address: cellAddress(b.row + r, b.col + c), formula: f });
        }
      }),
    );
  });
}

/**
 * Every cell of the workbook whose formula calls a PERF function, in sheet order then row by row. Syncs: one for
 * the sheet names, one for all used ranges, then one per ~50k cells (formulas and values).
 */
export async function findPerfFormulas(context: Excel.RequestContext): Promise<PerfFormula[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const used = worksheets.items.map((ws) => {
    // valuesOnly: a formula cell has a value (a PERF function returns a number, an array or an error), while a
    // formatted-only cell — a whole formatted column — would stretch the range to a million rows.
    const range = ws.getUsedRangeOrNullObject(true);
    range.load("rowIndex, columnIndex, rowCount, columnCount");
    return { sheet: ws.name, range };
  });
  await context.sync();
  const blocks: Block[] = used
    .filter((u) => !u.range.isNullObject)
    .flatMap((u) =>
      chunkRows(
        {
          sheet: u.sheet,
          row: u.range.rowIndex,
          col: u.range.columnIndex,
          rows: u.range.rowCount,
          cols: u.range.columnCount,
        },
        FORMULA_CELLS_PER_SYNC,
      ),
    );
  const found: PerfFormula[] = [];
  await runSteps(
    groupByCells(blocks, FORMULA_CELLS_PER_SYNC).map((group) => () => readFormulas(context, group, found)),
  );
  return found;
}

const ERROR_TEXT =
  /^#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/**
 * A loaded value as it must be written back to stay the same value: numbers and booleans as they are; an error
 * ("#N/A") as its text, which Excel turns back into the error; other text behind an apostrophe so Excel keeps it
 * as text ("1/2", "TRUE", "=x", "+5" would otherwise become a date, a boolean or a formula). A cell formatted as
 * Text ("@") stores what is typed, so it gets no apostrophe.
 */
export function valueToWrite(v: unknown, numberFormat: unknown): string | number | boolean {
  if (typeof v === "number" || typeof v === "boolean") return v;
  const s = v === null || v === undefined ? "" : String(v);
  if (s === "" || ERROR_TEXT.test(s) || numberFormat === "@") return s;
  return `'${s}`;
}

interface Loaded {
  cell: PerfFormula;
  range: Excel.Range;
  /** The dynamic-array spill range when the formula spills (ExcelApi 1.12), else null. */
  spill: Excel.Range | null;
}

/** One replaced block: a PERF cell (with its spilled block, if any), its formula, and the values that replace it. */
interface Replacement {
  sheet: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  formula: string;
  values: (string | number | boolean)[][];
}

/** The proxy has the 1.12 spill method (older Office.js builds, and the test fake, do not). */
function hasSpillApi(range: object): boolean {
  return typeof (range as Record<string, unknown>).getSpillingToRangeOrNullObject === "function";
}

function spillSupported(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  return office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.12") === true;
}

/** Loads a batch of cells (values, formulas, formats; spill ranges) and returns the cells that still call PERF
 * with the values that will replace them. Reads only. */
async function loadBatch(
  context: Excel.RequestContext,
  batch: PerfFormula[],
  withSpill: boolean,
): Promise<Replacement[]> {
  const loaded: Loaded[] = batch.map((cell) => {
    const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
    range.load("values, formulas, numberFormat, rowIndex, columnIndex");
    let spill: Excel.Range | null = null;
    if (withSpill && hasSpillApi(range)) {
      spill = range.getSpillingToRangeOrNullObject();
      spill.load("values, numberFormat, rowIndex, columnIndex, rowCount, columnCount");
    }
    return { cell, range, spill };
  });
  try {
    await context.sync();
  } catch (e) {
    if (!isPayloadError(e) || batch.length < 2) throw e;
    const half = batch.length >> 1;
    const out: Replacement[] = [];
    await runSteps([
      async () => void out.push(...(await loadBatch(context, batch.slice(0, half), withSpill))),
      async () => void out.push(...(await loadBatch(context, batch.slice(half), withSpill))),
    ]);
    return out;
  }
  return loaded.flatMap((x): Replacement[] => {
    // The cell may have been edited since it was found: only a formula that still calls PERF is replaced.
    const formula = x.range.formulas[0][0];
    if (!isPerfFormulaCell(formula, x.range.values[0][0])) return [];
    const spill = x.spill && !x.spill.isNullObject ? x.spill : null;
    // A spilling PERF.EXPLAIN is replaced by its whole spilled block, not just its first value.
    const source = spill ?? x.range;
    const values = source.values.map((row, r) => row.map((v, c) => valueToWrite(v, source.numberFormat[r]?.[c])));
    return [
      {
        sheet: x.cell.sheet,
        row: source.rowIndex,
        col: source.columnIndex,
        rows: values.length,
        cols: values[0].length,
        formula,
        values,
      },
    ];
  });
}

/** Splits items into groups of at most WRITE_BYTES_PER_SYNC (one sync each). */
function groupByBytes<T>(items: readonly T[], bytes: (item: T) => number): T[][] {
  const groups: T[][] = [];
  let size = Infinity;
  for (const item of items) {
    const n = bytes(item);
    if (size + n > WRITE_BYTES_PER_SYNC) {
      groups.push([]);
      size = 0;
    }
    groups[groups.length - 1].push(item);
    size += n;
  }
  return groups;
}

/** Columns of the hidden undo sheet: sheet, row, column, rows, columns (0-based indexes), formula. */
const UNDO_COLUMNS = 6;

function undoRow(r: Replacement): string[] {
  return [r.sheet, String(r.row), String(r.col), String(r.rows), String(r.cols), r.formula];
}

/** Rows of the undo sheet read per sync (six short texts a row: far under 5 MB). */
const UNDO_ROWS_PER_READ = 20_000;

export class ShareCancelled extends Error {}
export class WriteUnfinished extends Error {}
export class ShareUndoFailed extends Error {
  constructor(
    readonly cause: unknown,
    readonly detail: string,
  ) {
    super(detail);
  }
}

/**
 * Replaces the cells of `found` (from findPerfFormulas) with their current values; every other cell — including
 * formulas that do not call PERF — is left as it is. Returns how many cells were replaced (a cell edited since it
 * was found, so no longer calling PERF, is skipped).
 *
 * All or nothing (docs/reference/writes.md): the original formulas are first written to a hidden undo sheet named
 * in the journal; a failure or Cancel before every cell is replaced writes them back and deletes that sheet.
 */
export async function replacePerfFormulasWithValues(
  context: Excel.RequestContext,
  found: readonly PerfFormula[],
  signal?: AbortSignal,
): Promise<number> {
  const checkCancel = () => {
    if (signal?.aborted) throw new ShareCancelled();
  };
  if (await readJournal(context)) throw new WriteUnfinished();
  const withSpill = spillSupported();
  const batches: PerfFormula[][] = [];
  for (let i = 0; i < found.length; i += REPLACE_CELLS_PER_SYNC)
    batches.push(found.slice(i, i + REPLACE_CELLS_PER_SYNC));
  const replacements: Replacement[] = [];
  await runSteps(batches.map((b) => async () => void replacements.push(...(await loadBatch(context, b, withSpill)))));
  if (replacements.length === 0) return 0;

  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  await context.sync();
  const undoSheet = uniqueSheetName("SalesPerf undo", new Set(worksheets.items.map((w) => w.name)));
  const journal: ShareJournal = { op: "share", phase: "journaling", sheet: undoSheet, rows: replacements.length };
  const undoGroups = groupByBytes(
    replacements.map((r, i) => ({ i, row: undoRow(r) })),
    (x) => JSON.stringify(x.row).length * 2 + 40,
  );
  const writeGroups = groupByBytes(replacements, (r) => JSON.stringify(r.values).length + 200);
  try {
    checkCancel();
    queueJournal(context, journal);
    const sheet = context.workbook.worksheets.add(undoSheet);
    sheet.visibility = "Hidden";
    await context.sync();
    await runSteps(
      undoGroups.map((g) => async () => {
        checkCancel();
        const range = context.workbook.worksheets
          .getItem(undoSheet)
          .getRangeByIndexes(g[0].i, 0, g.length, UNDO_COLUMNS);
        range.numberFormat = g.map(() => Array<string>(UNDO_COLUMNS).fill("@")); // formulas kept as text
        range.values = g.map((x) => x.row);
        await context.sync();
      }),
    );
    await runSteps(
      writeGroups.map((g, i) => async () => {
        checkCancel();
        if (i === 0) queueJournal(context, { ...journal, phase: "replacing" });
        for (const r of g) {
          context.workbook.worksheets.getItem(r.sheet).getRangeByIndexes(r.row, r.col, r.rows, r.cols).values =
            r.values;
        }
        await context.sync();
      }),
    );
    checkCancel();
    queueJournal(context, { ...journal, phase: "committed" });
    context.workbook.worksheets.getItem(undoSheet).delete();
    queueJournalDelete(context);
    await context.sync();
  } catch (e) {
    const settled = await settleShareWrite(context);
    if (settled.outcome === "finished") return replacements.length; // the commit had applied
    if (settled.outcome === "failed") throw new ShareUndoFailed(e, settled.detail);
    throw e;
  }
  return replacements.length;
}

/** The undo sheet's rows (one sync per UNDO_ROWS_PER_READ rows). */
async function readUndoRows(context: Excel.RequestContext, sheet: string, rows: number): Promise<string[][]> {
  const out: string[][] = [];
  const starts = Array.from({ length: Math.ceil(rows / UNDO_ROWS_PER_READ) }, (_, i) => i * UNDO_ROWS_PER_READ);
  await runSteps(
    starts.map((start) => async () => {
      const range = context.workbook.worksheets
        .getItem(sheet)
        .getRangeByIndexes(start, 0, Math.min(UNDO_ROWS_PER_READ, rows - start), UNDO_COLUMNS);
      range.load("values");
      await context.sync();
      out.push(...range.values.map((row) => row.map((v) => String(v))));
    }),
  );
  return out;
}

/**
 * Settles a Prepare for sharing the journal describes: before "replacing", deletes the undo sheet; while
 * "replacing", first writes every original formula back (a spilled block is cleared so it spills again);
 * once "committed", only deletes the undo sheet. Then clears the journal.
 */
export async function settleShareWrite(context: Excel.RequestContext): Promise<Settled> {
  try {
    const journal = await readJournal(context);
    if (!journal || journal.op !== "share") return { outcome: "none" };
    const sheet = context.workbook.worksheets.getItemOrNullObject(journal.sheet);
    sheet.load("name");
    await context.sync();
    if (journal.phase === "replacing" && !sheet.isNullObject) {
      const rows = (await readUndoRows(context, journal.sheet, journal.rows)).filter((row) => row[0] !== "");
      const groups = groupByBytes(rows, (row) => row[5].length + Number(row[3]) * Number(row[4]) * 3 + 200);
      await runSteps(
        groups.map((g) => async () => {
          for (const [name, row, col, nRows, nCols, formula] of g) {
            const block = Array.from({ length: Number(nRows) }, (_, r) =>
              Array.from({ length: Number(nCols) }, (_, c) => (r === 0 && c === 0 ? formula : "")),
            );
            context.workbook.worksheets
              .getItem(name)
              .getRangeByIndexes(Number(row), Number(col), Number(nRows), Number(nCols)).formulas = block;
          }
          await context.sync();
        }),
      );
    }
    if (!sheet.isNullObject) context.workbook.worksheets.getItem(journal.sheet).delete();
    queueJournalDelete(context);
    await context.sync();
    return { outcome: journal.phase === "committed" ? "finished" : "undone" };
  } catch (e) {
    return { outcome: "failed", detail: describeExcelError(e) };
  }
}

/** For the pane: findPerfFormulas in its own Excel.run, the error as a value. */
export async function findPerfFormulasInWorkbook(): Promise<OfficeResult<PerfFormula[]>> {
  try {
    return { ok: true, value: await Excel.run((context) => findPerfFormulas(context)) };
  } catch (e) {
    return { ok: false, error: officeError("share.findFailed", { detail: describeExcelError(e) }) };
  }
}

/** For the pane: replacePerfFormulasWithValues in its own Excel.run; the value is the number of cells replaced. */
export async function replacePerfFormulasInWorkbook(
  found: readonly PerfFormula[],
  signal?: AbortSignal,
): Promise<OfficeResult<number>> {
  try {
    return { ok: true, value: await Excel.run((context) => replacePerfFormulasWithValues(context, found, signal)) };
  } catch (e) {
    if (e instanceof ShareCancelled) return { ok: false, error: officeError("share.replaceCancelled") };
    if (e instanceof WriteUnfinished) return { ok: false, error: officeError("writeUnfinished") };
    if (e instanceof ShareUndoFailed) {
      return {
        ok: false,
        error: officeError("share.undoFailed", { detail: describeExcelError(e.cause), cleanup: e.detail }),
      };
    }
    return { ok: false, error: officeError("share.replaceFailed", { detail: describeExcelError(e) }) };
  }
}
