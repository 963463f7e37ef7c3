/** Small builders for the declarative Report: A1 addresses, quoted sheet refs, literal-safe text cells. */
import type Decimal from "decimal.js";
import { currencyNumberFormat } from "../plan/index";
import { cellAddress, quoteSheetName } from "../sheet";
import type { CellStyle, ReportCell } from "./model";

/** Relative A1 address of 0-based col and 1-based row: addr(2, 5) = "C5". */
export function addr(col: number, row: number): string {
  return cellAddress(row - 1, col);
}

/** Absolute A1 address: "$C$5". */
export function absAddr(col: number, row: number): string {
  return cellAddress(row - 1, col, true);
}

/** Absolute column range "$C$2:$C$9". */
export function absCol(col: number, firstRow: number, lastRow: number): string {
  return `${absAddr(col, firstRow)}:${absAddr(col, lastRow)}`;
}

/** A reference on another sheet: "Plan!$E$8", "'Data issues'!A1" (quoted as docs/reference/sheet.md says). */
export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheetName(sheet)}!${ref}`;
}

/** docs/reference/tabs.md: text starting with = + - @ is written as text, never as a formula. */
export function isFormulaLike(s: string): boolean {
  return /^[=+\-@]/.test(s);
}

/** A text cell; marked literal when it could be read as a formula. */
export function text(s: string, style?: CellStyle): ReportCell {
  const c: ReportCell = { v: s };
  if (style) c.style = style;
  if (isFormulaLike(s)) c.literal = true;
  return c;
}

/** Any scalar from the data as a cell (text made literal-safe). */
export function value(v: string | number | boolean | null, fmt?: string): ReportCell {
  if (typeof v === "string") return text(v);
  const c: ReportCell = { v };
  if (fmt && typeof v === "number") c.fmt = fmt;
  return c;
}

export function num(v: number | Decimal | null, fmt?: string, style?: CellStyle): ReportCell {
  const c: ReportCell = { v: v === null ? null : typeof v === "number" ? v : v.toNumber() };
  if (fmt) c.fmt = fmt;
  if (style) c.style = style;
  return c;
}

/** A formula cell with its cached value (the engine's value, docs/reference/tabs.md). */
export function formula(
  f: string,
  v: number | string | boolean | Decimal | null,
  fmt?: string,
  style?: CellStyle,
): ReportCell {
  const c: ReportCell = { f, v: v !== null && typeof v === "object" ? v.toNumber() : v };
  if (fmt) c.fmt = fmt;
  if (style) c.style = style;
  return c;
}

/** A text constant inside a formula: "Top", with inner quotes doubled as Excel writes them. */
export function excelString(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** A decimal as a formula literal: plain digits, no exponent (Excel reads 15 significant digits). */
export function decimalLiteral(d: Decimal): string {
  return d.toFixed();
}

/** Money cells use the currency's symbol (docs/reference/plan.md: "¥#,##0.00"), the same format as the Plan tab's. */
export function moneyFormat(currency: string | null, decimals: number): string {
  return currencyNumberFormat(currency, decimals);
}

export const PCT = "0.0%";
