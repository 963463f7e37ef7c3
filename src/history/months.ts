/**
 * A rep's rows of a period per calendar month (docs/reference/history.md "What a close records", payouts.md
 * "Reasons"): recorded at close for a quarter or a year (ClosedRep.months), so an adjustment's reason can say in which
 * month rows were added or removed since ("8 rows dated 2025-11 added since close"). Counts only: a small array per
 * rep, filled in the pass over the rows that already counts them.
 */
import { periodKey, periodRange, type PeriodRange } from "../engine/period";

/** The months of a period: their keys ("2025-10") and the serial each ends on, oldest first. */
export interface PeriodMonths {
  keys: string[];
  ends: number[];
}

/** The months of `range`; null for a one-month period (a month names itself: nothing to record). */
export function monthsOf(range: PeriodRange): PeriodMonths | null {
  if (range.months <= 1) return null;
  const keys: string[] = [];
  const ends: number[] = [];
  for (let s = range.startSerial; s <= range.endSerial;) {
    const key = periodKey(s, "month");
    const end = periodRange(key)!.endSerial;
    keys.push(key);
    ends.push(end);
    s = end + 1;
  }
  return { keys, ends };
}

/** The index of the month holding `serial` (within the period): at most 12 comparisons, no allocation. */
export function monthIndex(months: PeriodMonths, serial: number): number {
  let i = 0;
  while (i < months.ends.length - 1 && serial > months.ends[i]) i++;
  return i;
}

/** Counts per month as recorded: months with rows only, oldest first. */
export function monthRecord(months: PeriodMonths, counts: readonly number[]): { month: string; rows: number }[] {
  const out: { month: string; rows: number }[] = [];
  counts.forEach((rows, i) => {
    if (rows > 0) out.push({ month: months.keys[i], rows });
  });
  return out;
}

/**
 * The months whose row count went up (`added`) and down (`removed`) from the record at close to today, oldest first.
 * `today`: today's counts per month of the period (the index of `months`).
 */
export function monthChanges(
  months: PeriodMonths,
  atClose: readonly { month: string; rows: number }[],
  today: readonly number[],
): { added: string[]; removed: string[] } {
  const then = new Map(atClose.map((m) => [m.month, m.rows]));
  const added: string[] = [];
  const removed: string[] = [];
  months.keys.forEach((key, i) => {
    const d = (today[i] ?? 0) - (then.get(key) ?? 0);
    if (d > 0) added.push(key);
    else if (d < 0) removed.push(key);
  });
  return { added, removed };
}
