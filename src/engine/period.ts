/**
 * Period keys from Excel date serials (docs/reference/plan.md: "a row belongs to the period of its date").
 * Excel 1900 date system: serial 25569 = 1970-01-01; Excel's fake 1900-02-29 (serial 60) only
 * matters below serial 61, and all dates here are ≥ 1900-03-01, so serial − 25569 is a plain
 * day count since 1970-01-01. Integer arithmetic only (no Date objects, no time zones).
 */
/** Same union as plan/types PeriodKind (the engine imports only decimal.js). */
export type PeriodKind = "month" | "quarter" | "year";

/** Serial of 1970-01-01 in Excel's 1900 date system. */
export const EPOCH_SERIAL = 25569;

export interface PeriodRange {
  kind: PeriodKind;
  /** First and last day of the period, inclusive, as Excel serials. */
  startSerial: number;
  endSerial: number;
  /** Months in the period (1, 3 or 12): the factor of a per-month target. */
  months: number;
}

/** Civil date from days since 1970-01-01 (H. Hinnant's days_from_civil inverse). */
export function civilFromSerial(serial: number): { y: number; m: number; d: number } {
  const z = Math.floor(serial) - EPOCH_SERIAL + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** Excel serial of a civil date (month may overflow: month 13 = January of the next year). */
export function serialFromCivil(y: number, m: number, d: number): number {
  y += Math.floor((m - 1) / 12);
  m = ((((m - 1) % 12) + 12) % 12) + 1;
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468 + EPOCH_SERIAL;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "2026-03" (month), "2026-Q2" (quarter) or "2026" (year) for the day of a serial. */
export function periodKey(dateSerial: number, kind: PeriodKind): string {
  const { y, m } = civilFromSerial(dateSerial);
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
  const startSerial = serialFromCivil(p.y, p.m0, 1);
  const endSerial = serialFromCivil(p.y, p.m0 + p.months, 1) - 1;
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
