/** Measure sheets (Ratings / 主管评分 …): rows of rep, date or month and numeric columns (docs/reference/plan.md). */
import { blockExtent, findHeaderHits, type BlockExtent, type HeaderHit } from "./findTable";
import { matchHeader } from "./headers";
import { isBlankCell, normaliseRepName, parseDate, rawForIssue, readNumber } from "./parse";
import type { DataIssue, MeasureRow, RawCell, RawSheet, StandardField } from "./types";

/**
 * A sheet with a rep and a date/month column but no amount (e.g. Ratings / 主管评分) → MeasureRows:
 * every mostly-numeric column by its header, and by its standard field when it names one
 * (Manager Rating → behaviour). Read, never scored as sales (docs/reference/plan.md).
 */
export function readMeasureSheet(sheet: RawSheet, out: MeasureRow[], issues: DataIssue[]): void {
  const hits = findHeaderHits(sheet, 0, ["rep", "date"]);
  const hit: HeaderHit | undefined = hits.find((h) => h.columns.amount === undefined);
  if (!hit) return;
  const extent: BlockExtent = blockExtent(sheet, hit);
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const repC = (hit.columns.rep as number) - firstCol;
  const dateC = (hit.columns.date as number) - firstCol;
  const header = (c: number) => hit.headers.find((h) => h.col - firstCol === c)?.header ?? null;
  const add = (
    row: number | null,
    column: string | null,
    raw: RawCell | undefined,
    action: DataIssue["action"],
    key: string,
  ) => issues.push({ sheet: sheet.name, row, column, raw: rawForIssue(raw), action, reasonKey: key });

  // Mostly-numeric columns only: a "Comment" column is not a measure.
  const cols: { c: number; header: string; field: StandardField | null }[] = [];
  for (const h of hit.headers) {
    const c = h.col - firstCol;
    if (c === repC || c === dateC) continue;
    let numeric = 0;
    let other = 0;
    for (let i = extent.start; i < extent.end; i++) {
      const r = readNumber(sheet.values[i]?.[c]);
      if (r) numeric++;
      else if (r === null) other++;
    }
    if (numeric > other) cols.push({ c, header: h.header, field: matchHeader(h.header) });
  }

  for (let i = extent.start; i < extent.end; i++) {
    const row = sheet.values[i];
    if (!row) continue;
    let blank = true;
    for (let c = hit.span[0] - firstCol; c <= hit.span[1] - firstCol && blank; c++)
      if (!isBlankCell(row[c])) blank = false;
    if (blank) continue;
    const sheetRow = firstRow + i;
    const repRaw = row[repC];
    const rep =
      typeof repRaw === "string" ? normaliseRepName(repRaw) : typeof repRaw === "number" ? String(repRaw) : "";
    const d = parseDate(row[dateC] ?? null);
    if (rep.length === 0 || !d.ok) {
      if (rep.length === 0) add(sheetRow, header(repC), repRaw, "excluded", "repMissing");
      if (!d.ok) add(sheetRow, header(dateC), row[dateC], "excluded", d.reasonKey);
      continue;
    }
    const values: Record<string, number> = {};
    for (const col of cols) {
      const r = readNumber(row[col.c]);
      if (r === null) add(sheetRow, col.header, row[col.c], "ignored", "measureNotNumber");
      else if (r !== undefined) {
        values[col.header] = r.value;
        if (col.field) values[col.field] = r.value;
      }
    }
    out.push({ sheet: sheet.name, sheetRow, rep, dateSerial: d.serial, values });
  }
}
