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

/** The usual dates of some rows, or null when there are none. Rows are counted per day first: days repeat. */
export function usualDates(rows: readonly { dateSerial: number }[]): UsualDates | null {
  if (rows.length === 0) return null;
  const perDay = new Map<number, number>();
  for (const r of rows) perDay.set(r.dateSerial, (perDay.get(r.dateSerial) ?? 0) + 1);
  const perMonth = new Map<number, number>();
  let medianMonth = 0;
  let seen = 0;
  for (const day of [...perDay.keys()].sort((a, b) => a - b)) {
    const n = perDay.get(day)!;
    const month = monthIndex(day);
    perMonth.set(month, (perMonth.get(month) ?? 0) + n);
    if (seen < rows.length / 2 && seen + n >= rows.length / 2) medianMonth = month;
    seen += n;
  }
  const months = [...perMonth.keys()]; // ascending: days were
  let lo = months.indexOf(medianMonth);
  let hi = lo;
  while (lo > 0 && months[lo] - months[lo - 1] <= USUAL_GAP_MONTHS) lo--;
  while (hi < months.length - 1 && months[hi + 1] - months[hi] <= USUAL_GAP_MONTHS) hi++;
  return { first: monthStart(months[lo]), last: monthEnd(months[hi]) };
}
