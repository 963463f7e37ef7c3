/**
 * Cell helpers for the Plan and Targets sheets (docs/reference/plan.md): A1 addresses, and reading
 * numbers/text from raw cells the way a finance user typed them ("40%", "5,000", "５０００").
 */
import Decimal from "decimal.js";
import type { RawCell } from "../ingest/types";

/** 0-based column → "A", "Z", "AA". */
export function colLetter(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Absolute address without sheet name, 0-based row/col → "$C$5". */
export function absAddress(row: number, col: number): string {
  return `$${colLetter(col)}$${row + 1}`;
}

/** Sheet name as Excel writes it in a reference: quoted when it holds spaces or punctuation. */
export function sheetRef(sheetName: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
}

/** "Plan!D7" — where a user finds the cell (0-based row/col). */
export function cellName(sheetName: string, row: number, col: number): string {
  return `${sheetRef(sheetName)}!${colLetter(col)}${row + 1}`;
}

export function isBlank(cell: RawCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === "string" && cell.trim() === "");
}

/** Text of a cell as shown; errors as their text (#N/A); blank → "". */
export function cellText(cell: RawCell | undefined): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return cell.error;
  return String(cell).trim();
}

const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/**
 * A number from a cell: numbers as they are; text "40%", "1,234.5", "¥5,000" or full-width
 * digits read exactly (a percent is divided by 100 in decimal, so "7%" is 0.07, not 0.07000000000000001).
 */
export function cellNumber(cell: RawCell | undefined): number | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== "string") return null;
  let text = cell.normalize("NFKC").trim().replace(/[,\s]/g, "");
  text = text.replace(/^[¥$€£]/, "");
  const percent = text.endsWith("%");
  if (percent) text = text.slice(0, -1);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(text)) return null;
  return percent ? new D(text).div(100).toNumber() : Number(text);
}

/** "0%" for whole percents, else as many decimals (up to 4) as the value needs, so 12.5 % is not shown as 13 %. */
export function percentFormat(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return "0%";
  const dp = Math.min(new D(String(fraction)).times(100).decimalPlaces(), 4);
  return dp === 0 ? "0%" : `0.${"0".repeat(dp)}%`;
}

const SYMBOLS: Record<string, string> = { CNY: "¥", JPY: "¥", USD: "$", EUR: "€", GBP: "£", HKD: "HK$" };

/** Money number format for a currency (docs/reference/plan.md: "¥#,##0.00"); no currency → "#,##0.00". */
export function currencyNumberFormat(currency: string | null, decimals: number): string {
  const symbol = currency ? (SYMBOLS[currency] ?? "") : "";
  const places = Number.isInteger(decimals) && decimals > 0 ? `.${"0".repeat(Math.min(decimals, 6))}` : "";
  // "HK$" holds letters, which Excel would read as format codes: quote it.
  const prefix = /^[¥$€£]$/.test(symbol) ? symbol : symbol ? `"${symbol}"` : "";
  return `${prefix}#,##0${places}`;
}

/** Excel serial (1900 system, with its fictitious 1900-02-29) → [year, month]. */
export function serialToYearMonth(serial: number): [number, number] {
  const days = Math.floor(serial);
  // Serials from 61 on are one day ahead because of the phantom 29 Feb 1900 (Lotus compatibility).
  const ms = Date.UTC(1899, 11, days >= 61 ? 30 : 31) + days * 86400000;
  const d = new Date(ms);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1];
}
