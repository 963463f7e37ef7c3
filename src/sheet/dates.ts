/**
 * Excel date serials in the 1900 date system (docs/reference/sheet.md "Dates"). Serial 1 is 1900-01-01 and
 * serial 61 is 1900-03-01; serial 60 is the 1900-02-29 that never was (Excel keeps Lotus 1-2-3's leap-year
 * mistake), so serials 1–59 fall one day later than a plain day count from 1899-12-30 says. Integer arithmetic
 * on calendar days (H. Hinnant's civil-date algorithms): no Date objects, no time zones.
 */

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

/** Serial of 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;
/** The phantom 1900-02-29. */
export const PHANTOM_LEAP_DAY_SERIAL = 60;
/** 1900-03-01: the first day from which serials count days without a gap. */
export const FIRST_EXACT_SERIAL = 61;
/** 9999-12-31, Excel's last date. */
export const MAX_DATE_SERIAL = 2958465;

/** Days from 1970-01-01 to a civil date (proleptic Gregorian). */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day count from 1970-01-01. */
function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/**
 * The serial of a day. The month may run over (month 13 = January of the next year, day 0 = the last day of
 * the month before), which period arithmetic uses; nothing is validated. Days before 1900-03-01 get Excel's
 * serials (1900-02-28 = 59), never the phantom 60.
 */
export function serialOfDay(y: number, m: number, d: number): number {
  const year = y + Math.floor((m - 1) / 12);
  const month = ((((m - 1) % 12) + 12) % 12) + 1;
  const continuous = daysFromCivil(year, month, 1) + d - 1 + UNIX_EPOCH_SERIAL;
  return continuous < FIRST_EXACT_SERIAL ? continuous - 1 : continuous;
}

/** Serial → the calendar day Excel shows for it (time of day dropped); serial 60 → 1900-02-29, as Excel shows it. */
export function serialToYmd(serial: number): Ymd {
  const day = Math.floor(serial);
  if (day === PHANTOM_LEAP_DAY_SERIAL) return { y: 1900, m: 2, d: 29 };
  return civilFromDays((day < PHANTOM_LEAP_DAY_SERIAL ? day + 1 : day) - UNIX_EPOCH_SERIAL);
}

/**
 * A calendar date → its serial, or null when the date does not exist (2026-02-30, 1900-02-29) or lies outside
 * what SalesPerf reads as a date: 1900-03-01 to 9999-12-31 (docs/reference/sheet.md).
 */
export function ymdToSerial(y: number, m: number, d: number): number | null {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  const serial = serialOfDay(y, m, d);
  const back = serialToYmd(serial);
  if (back.y !== y || back.m !== m || back.d !== d) return null;
  return isDateSerial(serial) ? serial : null;
}

/** Whether a number is a serial SalesPerf reads as a date: a day from 1900-03-01 to 9999-12-31, time of day allowed. */
export function isDateSerial(serial: number): boolean {
  return Number.isFinite(serial) && serial >= FIRST_EXACT_SERIAL && serial < MAX_DATE_SERIAL + 1;
}

/** "2026-03-11" for a serial's day. */
export function isoDateOfSerial(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** A JS Date's UTC day and time → serial (time of day as a fraction), with Excel's 1900 rule. */
export function dateToSerial(date: Date): number {
  const continuous = date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return continuous < FIRST_EXACT_SERIAL ? continuous - 1 : continuous;
}

/**
 * The serial a library turned into this Date by counting days from 1899-12-30 without the phantom leap day
 * (exceljs does, as most libraries): the inverse of that count, so the number in the cell comes back as it
 * was. From 1900-03-01 on it equals dateToSerial.
 */
export function serialFromDayCountDate(date: Date): number {
  return date.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}
