/**
 * The one reader of numbers written as text (docs/reference/sheet.md "Number text"), used by ingest for amounts
 * and measures, by the Plan and Targets sheets and by the PERF functions' numeric-text arguments. Read with
 * decimal.js, so the double returned is the one nearest the written decimal ("0.73万" → 7300 exactly, "7%" →
 * 0.07). A comma is a thousands separator only in groups of three ("12,500"): "12,5" or "1.234,50" could be a
 * decimal comma, so they are refused as ambiguous rather than guessed.
 */
import Decimal from "decimal.js";

/** Enough digits for any number a sheet can hold; never the global Decimal config. */
const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

export type NumberTextParse =
  | {
      ok: true;
      value: number;
      /** The currency symbol or code as written ("¥", "元", "USD"), when there is one. */
      symbol?: string;
      /** "%" (÷100), "万" (×10⁴) or "亿" (×10⁸), when written. */
      unit?: NumberUnit;
    }
  | { ok: false; reason: "blank" | "notNumber" | "ambiguousSeparators" };

export type NumberUnit = "%" | "万" | "亿";

/** "12", "-0.5", ".5", "1E-9": plain digits with an optional exponent. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/*
 * sign? currency? sign? number unit? currency?  — e.g. "-$1,234.50", "¥1.2万", "1.2万元", "12.5%", "USD 1,234",
 * "1 234 €". Inside parentheses the whole is negative: "(1,234)".
 */
const NUMBER_RE =
  /^([+-])?\s*(US\$|HK\$|RMB|CNY|USD|EUR|GBP|[¥$€£])?\s*([+-])?\s*(\d[\d, ]*(?:\.\d*)?|\.\d+)\s*(%|万|亿)?\s*(元|RMB|CNY|USD|EUR|GBP|[¥$€£])?$/i;
const GROUPED_COMMA = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const GROUPED_SPACE = /^\d{1,3}(?: \d{3})+(?:\.\d*)?$/;
/** Digits mixed with commas and dots in a way that reads differently in other countries: "12,5", "1.234,50", "1.234.567". */
const SEPARATED_DIGITS = /^\D{0,4}?\d[\d.,\s]*\d\D{0,4}$/;

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

/** ISO code for a currency token found in number text ("¥", "元", "RMB", "$" …), else null. */
export function isoOfSymbol(symbol: string | undefined): string | null {
  return symbol === undefined ? null : (SYMBOL_TO_ISO[symbol.toUpperCase()] ?? SYMBOL_TO_ISO[symbol] ?? null);
}

/** Decimal → the double nearest to it; "-0" is reported as 0. */
function toDouble(d: Decimal): number {
  const n = d.toNumber();
  return n === 0 ? 0 : n;
}

const NOT_NUMBER = { ok: false, reason: "notNumber" } as const;

/** Why text that is no number was refused: ambiguous separators are named apart, as a user can fix them. */
function refused(text: string): NumberTextParse {
  const ambiguous = SEPARATED_DIGITS.test(text) && (text.includes(",") || text.split(".").length > 2);
  return ambiguous ? { ok: false, reason: "ambiguousSeparators" } : NOT_NUMBER;
}

/**
 * Number text → its value. Full-width digits and signs are read (NFKC), "−" is a minus sign, thousands go in
 * groups of three separated by commas or spaces, "(…)" is negative, and %, 万, 亿 scale the number. Blank text
 * is "blank"; anything else that is no number is "notNumber" or "ambiguousSeparators".
 */
export function parseNumberText(text: string): NumberTextParse {
  let t = text.trim();
  if (t.length === 0) return { ok: false, reason: "blank" };
  // NFKC: full-width digits/commas/parens/￥ → ASCII forms; NBSP and thin spaces → " ".
  t = t
    .normalize("NFKC")
    .replace(/\u2212/g, "-")
    .trim();
  if (PLAIN_NUMBER.test(t)) return { ok: true, value: toDouble(new Dec(t)) };

  let negative = false;
  let inner = t;
  if (t.length > 2 && t.charCodeAt(0) === 40 /* ( */ && t.charCodeAt(t.length - 1) === 41 /* ) */) {
    negative = true; // accounting negative: (1,234)
    inner = t.slice(1, -1).trim();
  }
  const m = NUMBER_RE.exec(inner);
  if (!m) return refused(t);
  const [, sign1, prefix, sign2, digits, unit, suffix] = m;
  if (sign1 && sign2) return NOT_NUMBER;
  const sign = sign1 ?? sign2;
  if (negative && sign) return NOT_NUMBER;
  if (sign === "-") negative = true;
  if (prefix && suffix && isoOfSymbol(prefix) !== isoOfSymbol(suffix)) return NOT_NUMBER;

  let num = digits.trim();
  if (num.includes(",")) {
    if (!GROUPED_COMMA.test(num)) return refused(t);
    num = num.replace(/,/g, "");
  } else if (num.includes(" ")) {
    if (!GROUPED_SPACE.test(num)) return NOT_NUMBER;
    num = num.replace(/ /g, "");
  }
  if (num.endsWith(".")) num = num.slice(0, -1);
  let d = new Dec(num);
  if (unit === "%") d = d.div(100);
  else if (unit === "万") d = d.times(1e4);
  else if (unit === "亿") d = d.times(1e8);
  if (negative) d = d.negated();
  const result: NumberTextParse = { ok: true, value: toDouble(d) };
  const symbol = prefix ?? suffix;
  if (symbol !== undefined) result.symbol = symbol;
  if (unit !== undefined) result.unit = unit as NumberUnit;
  return result;
}
