/**
 * Joiners and leavers (docs/reference/plan.md "Joiners and leavers", input.md "People sheet"): Start / End (入职日期 /
 * 离职日期) of reps, from columns of the Targets sheet or from a People / 人员 sheet. Dates are Excel serials or text
 * ("2026-05-11", "2026/5/11", "2026年5月11日"), read as the sales dates are (docs/reference/sheet.md).
 *
 * Two values for one rep that differ (the Targets sheet repeats a rep on each KPI row) stop the run like a wrong
 * plan, naming both cells: which one is right cannot be guessed. An unreadable date or an End before its Start is
 * listed on Data issues and the run goes on without it (an unreadable date reads as blank; End before Start: the rep
 * is not prorated).
 */
import { parseDate } from "../ingest/parse";
import type { DataIssue, RawCell } from "../ingest/types";
import { isoDateOfSerial, sheetCellAddress } from "../sheet";
import { cellText, isBlank } from "./cells";
import { HEADER_SCAN_ROWS, isBlankSheet } from "./headerRow";
import type { PeopleDates, PlanError, RepDates } from "./types";
import { normaliseRepName, normaliseWord } from "./vocab";

export const START_HEADERS = ["start", "start date", "hire date", "joined", "入职日期", "入职时间", "入职"];
export const END_HEADERS = [
  "end",
  "end date",
  "leave date",
  "left",
  "termination date",
  "离职日期",
  "离职时间",
  "离职",
];

/** The Start and End columns of a header row (-1 when absent). */
export function dateColumns(row: readonly RawCell[]): { start: number; end: number } {
  const find = (list: string[]) => row.findIndex((c) => list.includes(normaliseWord(cellText(c))));
  return { start: find(START_HEADERS), end: find(END_HEADERS) };
}

type Side = "start" | "end";

interface Seen {
  serial: number;
  /** "Targets!E5", and its sheet and 1-based row for the Data issues tab. */
  cell: string;
  sheet: string;
  row: number;
}

/** Start / End read so far from every sheet, with the cell each came from; `finish` turns them into the plan's. */
export class PeopleReader {
  private readonly seen = new Map<string, { start?: Seen; end?: Seen; sheet: string; row: number; name: string }>();
  readonly issues: DataIssue[] = [];
  readonly errors: PlanError[] = [];

  /**
   * The Start and End cells of sheet row `r` (0-based) for `rep` (as written). `headers`: the columns' header text,
   * for the messages. Blank cells say nothing (a rep's other rows may hold the date).
   */
  read(
    sheetName: string,
    r: number,
    rep: string,
    cells: Record<Side, { col: number; cell: RawCell | undefined; header: string }>,
  ): void {
    const name = normaliseRepName(rep);
    if (!name) return;
    for (const side of ["start", "end"] as const) {
      const { col, cell, header } = cells[side];
      if (col < 0 || isBlank(cell)) continue;
      const where = sheetCellAddress(sheetName, r, col);
      const parsed = parseDate(cell ?? null);
      if (!parsed.ok || parsed.month) {
        this.issues.push({
          sheet: sheetName,
          row: r + 1,
          column: header,
          raw: cellText(cell),
          action: "ignored",
          reasonKey: "peopleDateUnreadable",
          params: { rep: name, field: header, value: cellText(cell) },
        });
        continue;
      }
      const entry = this.seen.get(name) ?? { sheet: sheetName, row: r + 1, name };
      this.seen.set(name, entry);
      const first = entry[side];
      if (first === undefined) entry[side] = { serial: parsed.serial, cell: where, sheet: sheetName, row: r + 1 };
      else if (first.serial !== parsed.serial) {
        this.errors.push({
          where,
          messageKey: "planPeopleConflict",
          params: {
            rep: name,
            field: header,
            value: isoDateOfSerial(parsed.serial),
            other: isoDateOfSerial(first.serial),
            first: first.cell,
          },
        });
      }
    }
  }

  /** The reps with a Start or an End; an End before its Start is listed and the rep left unprorated. */
  finish(): PeopleDates | undefined {
    const reps: Record<string, RepDates> = {};
    for (const [name, e] of this.seen) {
      if (e.start !== undefined && e.end !== undefined && e.end.serial < e.start.serial) {
        this.issues.push({
          sheet: e.end.sheet,
          row: e.end.row,
          column: null,
          raw: isoDateOfSerial(e.end.serial),
          action: "ignored",
          reasonKey: "peopleEndBeforeStart",
          params: {
            rep: name,
            start: isoDateOfSerial(e.start.serial),
            end: isoDateOfSerial(e.end.serial),
            startCell: e.start.cell,
            endCell: e.end.cell,
          },
        });
        continue;
      }
      reps[name] = { start: e.start?.serial ?? null, end: e.end?.serial ?? null, sheet: e.sheet, row: e.row };
    }
    if (Object.keys(reps).length === 0 && this.issues.length === 0) return undefined;
    return { reps, issues: this.issues };
  }
}

/**
 * The People / 人员 sheet (docs/reference/input.md): a rep column (the Targets sheet's rep headers) and Start and/or
 * End; other columns are not read. No such header on a sheet holding values stops the run, as a Targets sheet does.
 */
export function readPeopleSheet(
  values: RawCell[][],
  sheetName: string,
  repHeaders: readonly string[],
  reader: PeopleReader,
): PlanError[] {
  for (let h = 0; h < Math.min(values.length, HEADER_SCAN_ROWS); h++) {
    const row = values[h] ?? [];
    const rep = row.findIndex((c) => repHeaders.includes(normaliseWord(cellText(c))));
    const cols = dateColumns(row);
    if (rep < 0 || (cols.start < 0 && cols.end < 0)) continue;
    const at = (r: number, c: number) => ({ col: c, cell: values[r]?.[c], header: cellText(row[c]) });
    for (let r = h + 1; r < values.length; r++) {
      const repCell = values[r]?.[rep];
      const dated = [cols.start, cols.end].some((c) => c >= 0 && !isBlank(values[r]?.[c]));
      if (!dated) continue;
      if (isBlank(repCell)) {
        reader.issues.push({
          sheet: sheetName,
          row: r + 1,
          column: cellText(row[rep]),
          raw: null,
          action: "ignored",
          reasonKey: "peopleRepBlank",
          params: { field: cellText(row[rep]) },
        });
        continue;
      }
      reader.read(sheetName, r, cellText(repCell), { start: at(r, cols.start), end: at(r, cols.end) });
    }
    return [];
  }
  return isBlankSheet(values) ? [] : [{ where: sheetName, messageKey: "planPeopleNoHeader" }];
}
