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

/** `sheet` with its user columns filled from `old` (the previous tab's values from A1). */
export function fillUserColumns(sheet: ReportSheet, old: readonly (readonly unknown[])[]): ReportSheet {
  const columns = sheet.userColumns ?? [];
  if (columns.length === 0 || old.length < 2) return sheet;
  const header = sheet.rows[0] ?? [];
  let rows: (ReportCell | null)[][] | null = null;
  for (const { col, keyCol } of columns) {
    const oldCol = columnOf(old[0], header[col]?.v);
    const oldKey = columnOf(old[0], header[keyCol]?.v);
    if (oldCol < 0 || oldKey < 0) continue;
    const byKey = new Map<string, Scalar>();
    for (const row of old.slice(1)) {
      const v = row[oldCol];
      if (v === null || v === undefined || v === "") continue;
      byKey.set(String(row[oldKey]), v as Scalar);
    }
    if (byKey.size === 0) continue;
    rows ??= sheet.rows.map((r) => [...r]);
    for (let r = 1; r < rows.length; r++) {
      const key = rows[r][keyCol]?.v;
      const v = key === null || key === undefined ? undefined : byKey.get(String(key));
      if (v === undefined) continue;
      while (rows[r].length <= col) rows[r].push(null);
      rows[r][col] = carried(v);
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
