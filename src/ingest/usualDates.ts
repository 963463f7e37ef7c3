/**
 * Dates that do not belong (docs/reference/robustness.md): a 9999-12-31 placeholder or a 2062 typed for 2026
 * sits far from the rest of the sheet. The usual dates are the run of months around the median sale in which
 * no two months that hold sales are more than a year apart; a sale outside it is kept and counted, but listed,
 * and left out of the default period and of Trends.
 */
import { MAX_DATE_SERIAL, serialOfDay, serialToYmd } from "../sheet";

/** Months between two months holding sales that still belong to one run: a year apart, not more. */
export const USUAL_GAP_MONTHS = 12;

/** The usual dates, as whole Excel serials (first and last day, inclusive). */
export interface UsualDates {
  first: number;
  last: number;
}

function monthIndex(serial: number): number {
  const { y, m } = serialToYmd(serial);
  return y * 12 + (m - 1);
}

function monthStart(index: number): number {
  return serialOfDay(Math.floor(index / 12), (index % 12) + 1, 1);
}

/** The day before the next month's first (9999-12 has no next month in Excel). */
function monthEnd(index: number): number {
  return Math.min(monthStart(index + 1) - 1, MAX_DATE_SERIAL);
}

/** From this many rows on, whole-day dates are counted in a table over all of Excel's days instead of a Map. */
const DAY_TABLE_ROWS = 4096;

/** The rows per day, days ascending (`days[i]` holds `counts[i]` rows), and whether every date is a whole day. */
interface RowsPerDay {
  days: number[];
  counts: number[];
  /** min and max of the dates when all are whole-day serials in Excel's range, else null. */
  span: { min: number; max: number } | null;
}

/**
 * Called on every report run over up to 1,048,576 rows, where each pass over the row objects costs more than
 * the counting: whole-day serials (what ingest produces) are counted in one pass into an Int32Array over every
 * Excel day — no Map, no sort. A time of day or a serial outside Excel's range takes the Map and the sort, as
 * do small sheets (the 12 MB table would cost more than it saves). Both give the same months: a month depends
 * only on the whole day (serialToYmd).
 */
function rowsPerDay(rows: readonly { dateSerial: number }[]): RowsPerDay {
  const days: number[] = [];
  const counts: number[] = [];
  if (rows.length >= DAY_TABLE_ROWS) {
    const table = new Int32Array(MAX_DATE_SERIAL + 1);
    let min = Infinity;
    let max = -Infinity;
    let i = 0;
    for (; i < rows.length; i++) {
      const d = rows[i].dateSerial;
      if (!Number.isInteger(d) || d < 0 || d > MAX_DATE_SERIAL) break;
      table[d]++;
      if (d < min) min = d;
      if (d > max) max = d;
    }
    if (i === rows.length) {
      for (let d = min; d <= max; d++) {
        if (table[d] === 0) continue;
        days.push(d);
        counts.push(table[d]);
      }
      return { days, counts, span: { min, max } };
    }
  }
  const perDay = new Map<number, number>();
  for (const r of rows) perDay.set(r.dateSerial, (perDay.get(r.dateSerial) ?? 0) + 1);
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    days.push(day);
    counts.push(perDay.get(day)!);
  }
  return { days, counts, span: null };
}

/** The usual dates of some rows, or null when there are none. Rows are counted per day first: days repeat. */
export function usualDates(rows: readonly { dateSerial: number }[]): UsualDates | null {
  return usualDatesAndSpan(rows).usual;
}

/** The usual dates of some rows and, when every date is a whole day, the earliest and latest. */
export interface DatesAndSpan {
  usual: UsualDates | null;
  span: { min: number; max: number } | null;
}

/**
 * usualDates, and the earliest and latest date when all are whole days found in the same pass (else null), so
 * callers can tell without another pass over the rows whether any row lies outside the usual dates.
 */
export function usualDatesAndSpan(rows: readonly { dateSerial: number }[]): DatesAndSpan {
  if (rows.length === 0) return { usual: null, span: null };
  const { days, counts, span } = rowsPerDay(rows);
  const perMonth = new Map<number, number>();
  let medianMonth = 0;
  let seen = 0;
  for (let i = 0; i < days.length; i++) {
    const n = counts[i];
    const month = monthIndex(days[i]);
    perMonth.set(month, (perMonth.get(month) ?? 0) + n);
    if (seen < rows.length / 2 && seen + n >= rows.length / 2) medianMonth = month;
    seen += n;
  }
  const months = [...perMonth.keys()]; // ascending: days were
  let lo = months.indexOf(medianMonth);
  let hi = lo;
  while (lo > 0 && months[lo] - months[lo - 1] <= USUAL_GAP_MONTHS) lo--;
  while (hi < months.length - 1 && months[hi + 1] - months[hi] <= USUAL_GAP_MONTHS) hi++;
  return { usual: { first: monthStart(months[lo]), last: monthEnd(months[hi]) }, span };
}
