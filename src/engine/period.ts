/**
 * Period keys from Excel date serials (docs/reference/plan.md: "a row belongs to the period of its date").
 * Serials ↔ calendar days come from src/sheet/dates (docs/reference/sheet.md), integer arithmetic only.
 */
import { serialOfDay, serialToYmd } from "../sheet/dates";

/** Same union as plan/types PeriodKind (the engine depends on no other layer's types). */
export type PeriodKind = "month" | "quarter" | "year";

export interface PeriodRange {
  kind: PeriodKind;
  /** First and last day of the period, inclusive, as Excel serials. */
  startSerial: number;
  endSerial: number;
  /** Months in the period (1, 3 or 12): the factor of a per-month target. */
  months: number;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2026-03" (month), "2026-Q2" (quarter) or "2026" (year) for the day of a serial. */
export function periodKey(dateSerial: number, kind: PeriodKind): string {
  const { y, m } = serialToYmd(dateSerial);
  if (kind === "month") return `${y}-${pad2(m)}`;
  if (kind === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return String(y);
}

const KEY_RE = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])))?$/;

/** Is this a valid period key ("2026-03", "2026-Q1", "2026")? */
export function isPeriodKey(key: string): boolean {
  return KEY_RE.test(key);
}

/** Parsed key: kind, year and first month (1-based); null when the key is not one. */
function parseKey(key: string): { kind: PeriodKind; y: number; m0: number; months: number } | null {
  const g = KEY_RE.exec(key);
  if (!g) return null;
  const y = Number(g[1]);
  if (g[2]) return { kind: "month", y, m0: Number(g[2]), months: 1 };
  if (g[3]) return { kind: "quarter", y, m0: (Number(g[3]) - 1) * 3 + 1, months: 3 };
  return { kind: "year", y, m0: 1, months: 12 };
}

/** First and last serial of a period; null when the key is not a period key. */
export function periodRange(key: string): PeriodRange | null {
  const p = parseKey(key);
  if (!p) return null;
  const startSerial = serialOfDay(p.y, p.m0, 1);
  const endSerial = serialOfDay(p.y, p.m0 + p.months, 1) - 1;
  return { kind: p.kind, startSerial, endSerial, months: p.months };
}

/** The period just before (same kind): "2026-Q1" → "2025-Q4"; null for a bad key. */
export function priorPeriod(key: string): string | null {
  const r = periodRange(key);
  return r ? periodKey(r.startSerial - 1, r.kind) : null;
}

/** The period just after (same kind). */
export function nextPeriod(key: string): string | null {
  const r = periodRange(key);
  return r ? periodKey(r.endSerial + 1, r.kind) : null;
}

/** Chronological order of two keys of the same kind (by start day, then length). */
export function comparePeriodKeys(a: string, b: string): number {
  const ra = periodRange(a);
  const rb = periodRange(b);
  if (!ra || !rb) return a < b ? -1 : a > b ? 1 : 0;
  return ra.startSerial - rb.startSerial || ra.endSerial - rb.endSerial;
}

/** Every period of a kind from the one holding `fromSerial` to the one holding `toSerial`, at most `limit`. */
export function periodsBetween(fromSerial: number, toSerial: number, kind: PeriodKind, limit = 100000): string[] {
  const out: string[] = [];
  let key: string | null = periodKey(fromSerial, kind);
  const last = periodKey(toSerial, kind);
  while (key !== null && out.length < limit) {
    out.push(key);
    if (key === last) break;
    key = nextPeriod(key);
  }
  return out;
}
