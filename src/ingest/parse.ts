/**
 * Cell coercions of docs/reference/cleaning.md: amounts, dates, yes/no, satisfaction and rep names, plus the
 * Excel serial-date helpers. Text amounts are parsed with decimal.js so the double we return is
 * the one nearest the written decimal ("0.73万" → 7300 exactly, docs/reference/numbers.md). No rounding happens here.
 */
import Decimal from "decimal.js";
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

/*
 * sign? currency? sign? number unit? currency?  — e.g. "-$1,234.50", "¥1.2万", "1.2万元", "12.5%",
 * "USD 1,234", "1 234 €". Grouping must be standard 3-digit groups: "1,23" could be a European
 * decimal comma, so we refuse to guess and exclude the row instead (listed).
 */
const AMOUNT_RE =
  /^([+-])?\s*(US\$|HK\$|RMB|CNY|USD|EUR|GBP|[¥$€£])?\s*([+-])?\s*(\d[\d, ]*(?:\.\d*)?|\.\d+)\s*(%|万|亿)?\s*(元|RMB|CNY|USD|EUR|GBP|[¥$€£])?$/i;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_SPACE = /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

const SYMBOL_TO_ISO: Record<string, string> = {
  "¥": "CNY",
  元: "CNY",
  RMB: "CNY",
  CNY: "CNY",
  $: "USD",
  US$: "USD",
  USD: "USD",
  "€": "EUR",
  EUR: "EUR",
  "£": "GBP",
  GBP: "GBP",
  HK$: "HKD",
};

/** ISO code for a currency token found in text ("¥", "元", "RMB", "$" …), else null. */
export function isoOfSymbol(symbol: string | undefined): string | null {
  return symbol === undefined ? null : (SYMBOL_TO_ISO[symbol.toUpperCase()] ?? SYMBOL_TO_ISO[symbol] ?? null);
}

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

/** Decimal → the double nearest to it; "-0" is reported as 0. */
function toDouble(d: Decimal): number {
  const n = d.toNumber();
  return n === 0 ? 0 : n;
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
  let t = text.trim();
  if (t.length === 0) return { ok: false, reasonKey: "amountBlank" };
  if (isErrorText(t)) return { ok: false, reasonKey: "amountError" };
  // NFKC: full-width digits/commas/parens/￥ → ASCII forms; NBSP and thin spaces → " ".
  t = t
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  if (PLAIN_NUMBER.test(t)) return { ok: true, value: toDouble(new Dec(t)), coerced: true };

  let negative = false;
  if (t.length > 2 && t.charCodeAt(0) === 40 /* ( */ && t.charCodeAt(t.length - 1) === 41 /* ) */) {
    negative = true; // accounting negative: (1,234)
    t = t.slice(1, -1).trim();
  }
  const m = AMOUNT_RE.exec(t);
  if (!m) return { ok: false, reasonKey: "amountNotNumber" };
  const [, sign1, prefix, sign2, digits, unit, suffix] = m;
  if (sign1 && sign2) return { ok: false, reasonKey: "amountNotNumber" };
  const sign = sign1 ?? sign2;
  if (negative && sign) return { ok: false, reasonKey: "amountNotNumber" };
  if (sign === "-") negative = true;
  if (prefix && suffix && isoOfSymbol(prefix) !== isoOfSymbol(suffix))
    return { ok: false, reasonKey: "amountNotNumber" };

  let num = digits.trim();
  if (num.includes(",")) {
    if (!GROUPED_COMMA.test(num)) return { ok: false, reasonKey: "amountNotNumber" };
    num = num.replace(/,/g, "");
  } else if (num.includes(" ")) {
    if (!GROUPED_SPACE.test(num)) return { ok: false, reasonKey: "amountNotNumber" };
    num = num.replace(/ /g, "");
  }
  if (num.endsWith(".")) num = num.slice(0, -1);
  let d = new Dec(num);
  if (unit === "%") d = d.div(100);
  else if (unit === "万") d = d.times(1e4);
  else if (unit === "亿") d = d.times(1e8);
  if (negative) d = d.negated();
  const symbol = prefix ?? suffix;
  const value = toDouble(d);
  return symbol === undefined ? { ok: true, value, coerced: true } : { ok: true, value, coerced: true, symbol };
}

// ---------------------------------------------------------------------------------------------
// Dates — Excel serials in the 1900 date system (serial 25569 = 1970-01-01). Serials before
// 1900-03-01 are off by one because of Excel's phantom 1900-02-29; sales data never goes there.

const MS_PER_DAY = 86400000;
const UNIX_EPOCH_SERIAL = 25569;
/** 9999-12-31, Excel's last date. */
const MAX_SERIAL = 2958465;

/** A JS Date (read as UTC, as exceljs produces them) → Excel serial, time of day kept as a fraction. */
export function dateToSerial(d: Date): number {
  return d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

/** Excel serial → calendar date (time of day dropped). */
export function serialToYmd(serial: number): { y: number; m: number; d: number } {
  const dt = new Date((Math.floor(serial) - UNIX_EPOCH_SERIAL) * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

/** Calendar date → Excel serial, or null when the date does not exist (2026-02-30). */
export function ymdToSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 9999) return null;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
}

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
    if (!Number.isFinite(raw) || raw < 1 || raw >= MAX_SERIAL + 1) return { ok: false, reasonKey: "dateUnreadable" };
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
  let t = raw.trim();
  if (t.length === 0) return { kind: "blank" };
  t = t.normalize("NFKC").trim();
  if (PLAIN_NUMBER.test(t)) return { kind: "plain", value: toDouble(new Dec(t)), coerced: true };
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(t);
  if (m) return { kind: "percent", value: toDouble(new Dec(m[1]).div(100)) };
  return { kind: "unreadable" };
}

/** A plain number on a 0–100 column → fraction, through decimal so 93 → 0.93 exactly as typed. */
export function percentToFraction(v: number): number {
  return Number.isInteger(v) ? v / 100 : toDouble(new Dec(String(v)).div(100));
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
