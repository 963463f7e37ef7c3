/**
 * Cell helpers for the Plan and Targets sheets (docs/reference/plan.md): reading numbers and text from raw cells
 * the way a finance user typed them ("40%", "5,000", "５０００"), and the number formats the Plan sheet writes.
 * Addresses, sheet names and number text come from src/sheet (docs/reference/sheet.md).
 */
import Decimal from "decimal.js";
import type { RawCell } from "../ingest/types";
import { parseNumberText } from "../sheet";

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

export type CellNumber =
  { ok: true; value: number } | { ok: false; messageKey: "planMustBeNumber" | "planAmbiguousNumber" };

/**
 * A number from a non-blank cell: numbers as they are; text read as ingest reads amounts (docs/reference/sheet.md),
 * so "40%", "12,500", "¥5,000" and full-width digits are read exactly, and "12,5" or "1.234,50" (a decimal comma?)
 * are refused with their own message rather than guessed.
 */
export function cellNumber(cell: RawCell | undefined): CellNumber {
  if (typeof cell === "number")
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false, messageKey: "planMustBeNumber" };
  if (typeof cell !== "string") return { ok: false, messageKey: "planMustBeNumber" };
  const p = parseNumberText(cell);
  if (p.ok) return { ok: true, value: p.value };
  return { ok: false, messageKey: p.reason === "ambiguousSeparators" ? "planAmbiguousNumber" : "planMustBeNumber" };
}

/** "0%" for whole percents, else as many decimals (up to 4) as the value needs, so 12.5 % is not shown as 13 %. */
export function percentFormat(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return "0%";
  const dp = Math.min(new D(String(fraction)).times(100).decimalPlaces(), 4);
  return dp === 0 ? "0%" : `0.${"0".repeat(dp)}%`;
}

const SYMBOLS: Record<string, string> = { CNY: "¥", JPY: "¥", USD: "$", EUR: "€", GBP: "£", HKD: "HK$" };

/** The symbol written before an amount of the currency ("¥", "$", "HK$"); "" when it has none. */
export function currencySymbol(currency: string | null): string {
  return currency ? (SYMBOLS[currency] ?? "") : "";
}

/** Money number format for a currency (docs/reference/plan.md: "¥#,##0.00"); no currency → "#,##0.00". */
export function currencyNumberFormat(currency: string | null, decimals: number): string {
  const symbol = currency ? (SYMBOLS[currency] ?? "") : "";
  const places = Number.isInteger(decimals) && decimals > 0 ? `.${"0".repeat(Math.min(decimals, 6))}` : "";
  // "HK$" holds letters, which Excel would read as format codes: quote it.
  const prefix = /^[¥$€£]$/.test(symbol) ? symbol : symbol ? `"${symbol}"` : "";
  return `${prefix}#,##0${places}`;
}
