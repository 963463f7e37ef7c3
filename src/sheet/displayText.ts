/**
 * How a cell reads on screen and on paper (docs/reference/sheet.md "Display text"): a number under a number format
 * as Excel shows it ("¥3,360,900.00", "95.3%", "2026-04-01"), and the width of a text in Excel's column unit
 * (one digit of the default font; CJK and full-width characters take two). Used to size columns so that no number
 * is shown as "###". Covers the format codes a generated tab uses: digits with "0" and "#", a thousands ",",
 * decimals, "%", literal prefixes and suffixes (quoted, escaped or currency symbols), sections split by ";",
 * "@" and dates written with y, m, d, h, s. Rounding is half away from zero, as Excel displays.
 */
import Decimal from "decimal.js";
import { serialToYmd } from "./dates";

const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -40, toExpPos: 40 });

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A format's sections, split at ";" outside quotes and escapes. */
function sections(format: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      cur += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === "\\" && i + 1 < format.length) {
      cur += format.slice(i, i + 2);
      i++;
    } else if (ch === ";") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format with quoted text, escapes, [colour]/[$¥-804] tokens, "_x" spacers and "*x" fills replaced by what they show. */
interface Token {
  literal: boolean;
  text: string;
}

function tokens(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ literal: true, text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\" && i + 1 < section.length) {
      out.push({ literal: true, text: section[i + 1] });
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      // [$¥-804] shows "¥"; [Red], [>=100] show nothing.
      if (inner.startsWith("$")) out.push({ literal: true, text: inner.slice(1).split("-")[0] });
      i = end < 0 ? section.length : end;
    } else if (ch === "_" && i + 1 < section.length) {
      out.push({ literal: true, text: " " }); // a space as wide as the next character
      i++;
    } else if (ch === "*" && i + 1 < section.length) {
      i++; // fills the cell with the next character: no width of its own
    } else out.push({ literal: false, text: ch });
  }
  return out;
}

const DATE_CODE = /[yYmMdDhHsS]/;

function isDateSection(toks: Token[]): boolean {
  return toks.some((t) => !t.literal && DATE_CODE.test(t.text) && !/[eE]/.test(t.text));
}

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** A date serial under a date format: y, m, d (m after h or before s is minutes), h, s. */
function formatDate(serial: number, toks: Token[]): string {
  const { y, m, d } = serialToYmd(Math.floor(serial));
  const secondsOfDay = Math.round((serial - Math.floor(serial)) * 86400);
  const hh = Math.floor(secondsOfDay / 3600);
  const mi = Math.floor((secondsOfDay % 3600) / 60);
  const ss = secondsOfDay % 60;
  let out = "";
  let afterHour = false;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.literal || !DATE_CODE.test(t.text)) {
      out += t.text;
      continue;
    }
    const c = t.text.toLowerCase();
    let run = 1;
    while (i + run < toks.length && !toks[i + run].literal && toks[i + run].text.toLowerCase() === c) run++;
    i += run - 1;
    const nextCode = toks
      .slice(i + 1)
      .find((x) => !x.literal && DATE_CODE.test(x.text))
      ?.text.toLowerCase();
    if (c === "y") out += run <= 2 ? pad2(y % 100) : String(y);
    // Weekday names: the longest English one, for width.
    else if (c === "d") out += run === 1 ? String(d) : run === 2 ? pad2(d) : run === 3 ? "Wed" : "Wednesday";
    else if (c === "h") {
      out += run === 1 ? String(hh) : pad2(hh);
      afterHour = true;
      continue;
    } else if (c === "s") out += run === 1 ? String(ss) : pad2(ss);
    else if (c === "m" && (afterHour || nextCode === "s")) out += run === 1 ? String(mi) : pad2(mi);
    else if (c === "m")
      out += run === 1 ? String(m) : run === 2 ? pad2(m) : run === 3 ? MONTHS[m - 1].slice(0, 3) : MONTHS[m - 1];
    afterHour = false;
  }
  return out;
}

/** A number under one numeric section: digits, decimals, thousands, percent, literal text around them. */
function formatNumberSection(value: number, toks: Token[], withSign: boolean): string {
  const codes = toks
    .filter((t) => !t.literal)
    .map((t) => t.text)
    .join("");
  const percents = (codes.match(/%/g) ?? []).length;
  const firstDigit = toks.findIndex((t) => !t.literal && /[0#?]/.test(t.text));
  if (firstDigit < 0) return toks.map((t) => t.text).join(""); // no digits: the text alone
  let lastDigit = firstDigit;
  toks.forEach((t, i) => {
    if (!t.literal && /[0#?.,]/.test(t.text)) lastDigit = Math.max(lastDigit, i);
  });
  while (lastDigit > firstDigit && toks[lastDigit].text === ",") lastDigit--; // a trailing "," scales by 1000
  const numberCodes = toks
    .slice(firstDigit, lastDigit + 1)
    .map((t) => t.text)
    .join("");
  const scaleCommas = toks.slice(lastDigit + 1).filter((t) => !t.literal && t.text === ",").length;
  const [intPart, fracPart = ""] = numberCodes.split(".");
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const minDecimals = (fracPart.match(/[0?]/g) ?? []).length;
  const grouped = intPart.includes(",");
  const minInt = (intPart.match(/0/g) ?? []).length;

  let d = new Dec(Math.abs(value)).times(new Dec(100).pow(percents)).div(new Dec(1000).pow(scaleCommas));
  d = d.toDecimalPlaces(decimals, Decimal.ROUND_HALF_UP);
  let [whole, frac = ""] = d.toFixed(decimals).split(".");
  frac = frac.replace(new RegExp(`0{0,${decimals - minDecimals}}$`), "");
  if (whole === "0" && minInt === 0) whole = "";
  whole = whole.padStart(minInt, "0");
  if (grouped) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const digits = whole + (numberCodes.includes(".") ? "." + frac : "");
  const before = toks
    .slice(0, firstDigit)
    .map((t) => t.text)
    .join("");
  const after = toks
    .slice(lastDigit + 1)
    .filter((t) => t.literal || t.text !== ",")
    .map((t) => t.text)
    .join("");
  const negative = withSign && value < 0 && !d.isZero();
  return (negative ? "-" : "") + before + digits + after;
}

/**
 * "General": at most 11 characters, as Excel shows a number in a default-width column (it shortens the decimals
 * or switches to "1.23457E+11" rather than showing "###"). The shortened decimals are cut, not rounded: the text
 * is for widths.
 */
function formatGeneral(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e11 || (abs > 0 && abs < 1e-9)) return value.toExponential(5).toUpperCase();
  return new Dec(value).toSignificantDigits(10).toFixed().slice(0, 11);
}

/**
 * The text Excel shows for a number under `format` ("General" or null for none). Text formats ("@") show the
 * number as General. Dates need the format's y/m/d codes; elapsed-time codes ([h]) are not covered.
 */
export function formatNumber(value: number, format: string | null | undefined): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (!format || /^general$/i.test(format) || format === "@") return formatGeneral(value);
  const parts = sections(format);
  const negativeSection = value < 0 && parts.length >= 2 && parts[1] !== "";
  const zeroSection = value === 0 && parts.length >= 3;
  const section = zeroSection ? parts[2] : negativeSection ? parts[1] : parts[0];
  const toks = tokens(section);
  if (isDateSection(toks)) return formatDate(value, toks);
  return formatNumberSection(value, toks, !negativeSection);
}

/** Wide characters (CJK, Hangul, full-width forms): twice a digit's width in Excel's column unit. */
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** Width of `text` in Excel's column unit (characters of the default font's digit width): wide characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += WIDE.test(ch) ? 2 : 1;
  return w;
}

/** Whether a line may break after `ch` and before `next`: at a space, and between two wide characters. */
function breakable(ch: string, next: string): boolean {
  return ch === " " || next === " " || (WIDE.test(ch) && WIDE.test(next)) || ch === "-" || ch === "/";
}

/**
 * The narrowest width at which `text` wraps onto at most `lines` lines (word breaks at spaces, hyphens, slashes
 * and between CJK characters): the width a wrapped header needs. One line = its whole width.
 */
export function wrappedWidth(text: string, lines: number): number {
  const chars = Array.from(text.trim());
  const full = displayWidth(text.trim());
  if (lines <= 1 || chars.length < 2) return full;
  // The unbreakable pieces, each with the width it adds; a greedy fill is optimal for a given width.
  const pieces: { w: number; space: boolean }[] = [];
  let cur = 0;
  chars.forEach((ch, i) => {
    if (ch === " ") {
      if (cur > 0) pieces.push({ w: cur, space: false });
      pieces.push({ w: 1, space: true });
      cur = 0;
      return;
    }
    cur += displayWidth(ch);
    if (i + 1 < chars.length && chars[i + 1] !== " " && breakable(ch, chars[i + 1])) {
      pieces.push({ w: cur, space: false });
      cur = 0;
    }
  });
  if (cur > 0) pieces.push({ w: cur, space: false });
  const linesAt = (width: number): number => {
    let n = 1;
    let used = 0;
    for (const p of pieces) {
      if (p.space) {
        if (used > 0) used += 1;
        continue;
      }
      if (used > 0 && used + p.w > width) {
        n++;
        used = 0;
      }
      used += p.w;
    }
    return n;
  };
  const widest = Math.max(...pieces.filter((p) => !p.space).map((p) => p.w));
  for (let w = widest; w < full; w++) if (linesAt(w) <= lines) return w;
  return full;
}
