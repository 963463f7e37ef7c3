/**
 * The user's own columns over a re-run (ReportSheet.userColumns: the Scorecard's Notes, docs/reference/tabs.md). Before
 * the new tabs are written, the tab each one replaces is read, and each new row takes the value the old tab held in
 * that column for the same key (the rep). It happens inside the all-or-nothing write (docs/reference/writes.md): the
 * notes are written into the new tab, and the old tab is deleted only once the new ones are in place.
 */
import type { ReportCell, ReportSheet } from "../../report/model";

type Scalar = string | number | boolean;

interface Planned {
  sheet: ReportSheet;
  name: string;
}

/** Column index in the old tab's first row whose text is `header` (−1 when none). */
function columnOf(headerRow: readonly unknown[], header: unknown): number {
  return typeof header === "string" ? headerRow.findIndex((v) => v === header) : -1;
}

/** A carried value as a cell: text stays text, whatever it looks like. */
function carried(v: Scalar): ReportCell {
  return typeof v === "string" ? { v, literal: true } : { v };
}

/**
 * The parts of a tab: each row holding both header texts starts one, with those columns; the rows below it belong to
 * it. One part (header in the first row) with one plan; one per plan with several (docs/reference/tabs.md), their
 * columns differing with the plans' KPIs.
 */
function* partRows(
  rows: readonly (readonly unknown[])[],
  valueHeader: unknown,
  keyHeader: unknown,
): Generator<{ r: number; valueCol: number; keyCol: number }> {
  let at: { valueCol: number; keyCol: number } | null = null;
  for (let r = 0; r < rows.length; r++) {
    const valueCol = columnOf(rows[r], valueHeader);
    const keyCol = columnOf(rows[r], keyHeader);
    if (valueCol >= 0 && keyCol >= 0) at = { valueCol, keyCol };
    else if (at !== null) yield { r, ...at };
  }
}

/** `sheet` with its user columns filled from `old` (the previous tab's values from A1). */
export function fillUserColumns(sheet: ReportSheet, old: readonly (readonly unknown[])[]): ReportSheet {
  const columns = sheet.userColumns ?? [];
  if (columns.length === 0 || old.length < 2) return sheet;
  let rows: (ReportCell | null)[][] | null = null;
  for (const { col, keyCol, headerRow = 0 } of columns) {
    const header = sheet.rows[headerRow] ?? [];
    const valueHeader = header[col]?.v;
    const keyHeader = header[keyCol]?.v;
    const byKey = new Map<string, Scalar>();
    for (const { r, valueCol, keyCol: oldKey } of partRows(old, valueHeader, keyHeader)) {
      const v = old[r][valueCol];
      if (v === null || v === undefined || v === "") continue;
      byKey.set(String(old[r][oldKey]), v as Scalar);
    }
    if (byKey.size === 0) continue;
    rows ??= sheet.rows.map((row) => [...row]);
    const values = rows.map((row) => row.map((c) => c?.v));
    for (const { r, valueCol, keyCol: newKey } of partRows(values, valueHeader, keyHeader)) {
      const key = rows[r][newKey]?.v;
      const v = key === null || key === undefined ? undefined : byKey.get(String(key));
      if (v === undefined) continue;
      while (rows[r].length <= valueCol) rows[r].push(null);
      rows[r][valueCol] = carried(v);
    }
  }
  return rows === null ? sheet : { ...sheet, rows };
}

/**
 * The planned sheets with their user columns carried over from the tabs they replace (same name, ignoring case, as
 * Excel compares): one read of each such tab, one sync.
 */
export async function carryUserColumns(
  context: Excel.RequestContext,
  sheets: readonly Planned[],
  oldTabs: readonly string[],
): Promise<Planned[]> {
  const reads = sheets.map((p) => {
    if (!p.sheet.userColumns?.length) return null;
    const old = oldTabs.find((n) => n.toLowerCase() === p.name.toLowerCase());
    if (old === undefined) return null;
    const range = context.workbook.worksheets.getItem(old).getUsedRangeOrNullObject(true);
    range.load("values, rowIndex, columnIndex");
    return range;
  });
  if (reads.every((r) => r === null)) return [...sheets];
  await context.sync();
  return sheets.map((p, i) => {
    const range = reads[i];
    // The header row is row 1 from column A, as the add-in wrote it; a tab moved elsewhere is not guessed at.
    if (range === null || range.isNullObject || range.rowIndex !== 0 || range.columnIndex !== 0) return p;
    return { ...p, sheet: fillUserColumns(p.sheet, range.values) };
  });
}
