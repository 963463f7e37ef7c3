/**
 * Cell coercions of docs/reference/cleaning.md: amounts, dates, yes/no, satisfaction and rep names. Number text and
 * date serials are read by src/sheet (docs/reference/sheet.md), so the double we return is the one nearest the
 * written decimal ("0.73万" → 7300 exactly, docs/reference/numbers.md). No rounding happens here.
 */
import Decimal from "decimal.js";
import { isDateSerial, isoOfSymbol, parseNumberText, ymdToSerial } from "../sheet";
import type { RawCell } from "./types";

/** Enough digits for any amount a sheet can hold; never the global Decimal config. */
export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

export type AmountParse =
  { ok: true; value: number; coerced: boolean; symbol?: string } | { ok: false; reasonKey: string };
export type DateParse =
  { ok: true; serial: number; month: boolean; coerced: boolean } | { ok: false; reasonKey: string };

/** Excel's error literals; typed as text (or pasted as values) they still mean "no value". */
const ERROR_LITERALS = new Set([
  "#N/A",
  "#VALUE!",
  "#REF!",
  "#DIV/0!",
  "#NUM!",
  "#NAME?",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
  "#FIELD!",
  "#BLOCKED!",
  "#UNKNOWN!",
  "#CONNECT!",
  "#BUSY!",
  "#N/A!",
]);

/** "#N/A" typed into a cell (or a CSV) is an error value, not a text amount. */
export function isErrorText(s: string): boolean {
  return s.length > 1 && s.charCodeAt(0) === 35 /* # */ && ERROR_LITERALS.has(s.toUpperCase());
}

/** null, undefined, "" and whitespace-only text are blank (Excel's ISBLANK is stricter, users are not). */
export function isBlankCell(raw: RawCell | undefined): boolean {
  if (raw === null || raw === undefined) return true;
  return typeof raw === "string" && (raw.length === 0 || raw.trim().length === 0);
}

/** The raw value as the Data issues tab shows it: errors as their text. */
export function rawForIssue(raw: RawCell | undefined): string | number | boolean | null {
  if (raw === undefined || raw === null) return null;
  if (typeof raw === "object") return raw.error;
  return raw;
}

/** Trim, collapse inner whitespace, Unicode NFKC (full-width letters and spaces become ASCII). docs/reference/cleaning.md. */
export function normaliseRepName(s: string): string {
  return s.normalize("NFKC").trim().replace(/\s+/g, " ");
}

// ---------------------------------------------------------------------------------------------
// Amounts

export { isoOfSymbol };

const formatCurrencyCache = new Map<string, string | null>();

/**
 * ISO code of the currency a number format shows ("¥#,##0", "[$€-407]#,##0.00", '"$"#,##0'),
 * else null. "[$-409]" tags only pick a locale and carry no symbol, so they are removed first.
 */
export function currencyOfFormat(fmt: string | null | undefined): string | null {
  if (!fmt) return null;
  const cached = formatCurrencyCache.get(fmt);
  if (cached !== undefined) return cached;
  const f = fmt.replace(/\[\$-[0-9A-Fa-f]+\]/g, "").toUpperCase();
  let iso: string | null = null;
  if (f.includes("€") || f.includes("EUR")) iso = "EUR";
  else if (f.includes("£") || f.includes("GBP")) iso = "GBP";
  else if (f.includes("¥") || f.includes("￥") || f.includes("元") || f.includes("RMB") || f.includes("CNY"))
    iso = "CNY";
  else if (f.includes("HK$")) iso = "HKD";
  else if (f.includes("$") || f.includes("USD")) iso = "USD";
  formatCurrencyCache.set(fmt, iso);
  return iso;
}

/**
 * An amount cell → a number (docs/reference/cleaning.md). Numbers pass through; text is read as a decimal
 * with separators, a currency symbol, "(…)" for negatives, %, 万 (10⁴) and 亿 (10⁸).
 * Blank, error values and text that is no number fail with a catalogue reason key.
 */
export function parseAmount(raw: RawCell): AmountParse {
  if (typeof raw === "number") {
    return Number.isFinite(raw)
      ? { ok: true, value: raw, coerced: false }
      : { ok: false, reasonKey: "amountNotNumber" };
  }
  if (raw === null || raw === undefined) return { ok: false, reasonKey: "amountBlank" };
  if (typeof raw === "boolean") return { ok: false, reasonKey: "amountNotNumber" };
  if (typeof raw === "object") return { ok: false, reasonKey: "amountError" };
  return parseAmountText(raw);
}

function parseAmountText(text: string): AmountParse {
  if (isErrorText(text.trim())) return { ok: false, reasonKey: "amountError" };
  const p = parseNumberText(text);
  if (!p.ok) return { ok: false, reasonKey: p.reason === "blank" ? "amountBlank" : "amountNotNumber" };
  return p.symbol === undefined
    ? { ok: true, value: p.value, coerced: true }
    : { ok: true, value: p.value, coerced: true, symbol: p.symbol };
}

// ---------------------------------------------------------------------------------------------
// Dates — Excel serials (docs/reference/sheet.md): a date is a day from 1900-03-01 to 9999-12-31.

const ISO_DATE_RE = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
const ISO_MONTH_RE = /^(\d{4})[-/.](\d{1,2})$/;
const ZH_DATE_RE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(?:(\d{1,2})\s*[日号])?$/;

/**
 * A date cell → Excel serial (integer day). Serial numbers and date cells pass through; text
 * "2026-03-11", "2026/3/11", "2026.3.11", "2026年3月11日" is read, and a month ("2026-03",
 * "2026年3月") becomes its 1st day with month = true. Day-first / month-first text such as
 * "3/11/2026" is ambiguous and is refused rather than guessed (docs/reference/cleaning.md: anything else → excluded).
 */
export function parseDate(raw: RawCell): DateParse {
  if (typeof raw === "number") {
    if (!isDateSerial(raw)) return { ok: false, reasonKey: "dateUnreadable" };
    return { ok: true, serial: Math.floor(raw), month: false, coerced: false };
  }
  if (raw === null || raw === undefined) return { ok: false, reasonKey: "dateBlank" };
  if (typeof raw === "boolean") return { ok: false, reasonKey: "dateUnreadable" };
  if (typeof raw === "object") return { ok: false, reasonKey: "dateError" };
  let t = raw.trim();
  if (t.length === 0) return { ok: false, reasonKey: "dateBlank" };
  if (isErrorText(t)) return { ok: false, reasonKey: "dateError" };
  t = t.normalize("NFKC");
  let m = ISO_DATE_RE.exec(t);
  if (m) return fromYmd(+m[1], +m[3], +m[4], false);
  m = ISO_MONTH_RE.exec(t);
  if (m) return fromYmd(+m[1], +m[2], 1, true);
  m = ZH_DATE_RE.exec(t);
  if (m) return m[3] === undefined ? fromYmd(+m[1], +m[2], 1, true) : fromYmd(+m[1], +m[2], +m[3], false);
  return { ok: false, reasonKey: "dateUnreadable" };
}

function fromYmd(y: number, m: number, d: number, month: boolean): DateParse {
  const serial = ymdToSerial(y, m, d);
  return serial === null ? { ok: false, reasonKey: "dateUnreadable" } : { ok: true, serial, month, coerced: true };
}

// ---------------------------------------------------------------------------------------------
// Yes / no

const YES_NO = new Map<string, boolean>([
  ["yes", true],
  ["y", true],
  ["true", true],
  ["1", true],
  ["是", true],
  ["no", false],
  ["n", false],
  ["false", false],
  ["0", false],
  ["否", false],
]);

/**
 * yes/no, y/n, true/false, 1/0, 是/否 (any case, full-width too) and real booleans. A blank cell is
 * "no" (an unticked column is normal, so it is not listed); anything else is null = unreadable,
 * which ingest counts as not true and lists (docs/reference/cleaning.md).
 */
export function parseYesNo(raw: RawCell): boolean | null {
  if (typeof raw === "boolean") return raw;
  if (raw === null || raw === undefined) return false;
  if (typeof raw === "number") return raw === 1 ? true : raw === 0 ? false : null;
  if (typeof raw === "object") return null;
  const direct = YES_NO.get(raw);
  if (direct !== undefined) return direct;
  const t = raw.normalize("NFKC").trim().toLowerCase();
  if (t.length === 0) return false;
  return YES_NO.get(t) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Satisfaction — 0–1, 0–100 or "93%"; the scale is decided per column (docs/reference/cleaning.md).

export type SatisfactionRead =
  | { kind: "blank" }
  | { kind: "unreadable" }
  /** A plain number (cell or text without %), still on the column's scale. */
  | { kind: "plain"; value: number; coerced: boolean }
  /** Written with %, already a fraction. */
  | { kind: "percent"; value: number };

export function readSatisfaction(raw: RawCell): SatisfactionRead {
  if (typeof raw === "number")
    return Number.isFinite(raw) ? { kind: "plain", value: raw, coerced: false } : { kind: "unreadable" };
  if (raw === null || raw === undefined) return { kind: "blank" };
  if (typeof raw !== "string") return { kind: "unreadable" };
  const p = parseNumberText(raw);
  if (!p.ok) return { kind: p.reason === "blank" ? "blank" : "unreadable" };
  if (p.symbol !== undefined) return { kind: "unreadable" };
  if (p.unit === undefined) return { kind: "plain", value: p.value, coerced: true };
  return p.unit === "%" ? { kind: "percent", value: p.value } : { kind: "unreadable" };
}

/** A plain number on a 0–100 column → fraction, through decimal so 93 → 0.93 exactly as typed. */
export function percentToFraction(v: number): number {
  return Number.isInteger(v) ? v / 100 : new Dec(String(v)).div(100).toNumber() || 0;
}

/**
 * A numeric measure cell (behaviour, KPI columns, ratings): numbers pass through, numeric text is
 * read (coerced); anything else is null. Blank → undefined.
 */
export function readNumber(raw: RawCell | undefined): { value: number; coerced: boolean } | null | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? { value: raw, coerced: false } : null;
  if (raw === null || raw === undefined) return undefined;
  if (typeof raw !== "string") return null;
  const t = raw.trim();
  if (t.length === 0) return undefined;
  const p = parseAmountText(t);
  return p.ok ? { value: p.value, coerced: true } : null;
}
