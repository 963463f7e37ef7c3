/**
 * The What-if tab's numbers as text and typed text as numbers (docs/reference/whatif.md): each KPI in its own unit
 * (money with the report's currency symbol, counts, percentages), changes with their sign. No React, no Office.
 */
import type Decimal from "decimal.js";
import { dec } from "../engine/index";
import { currencyNumberFormat } from "../plan/index";
import { amountText, pctText } from "../report/bonusText";
import type { KpiUnit } from "../report/whatIf";
import { parseNumberText, ymdToSerial } from "../sheet";

export interface MoneyStyle {
  /** "¥", "$", "HK$" or "" (no currency), as the report's number format shows it. */
  symbol: string;
  decimals: number;
}

/** The symbol the report's money format uses (docs/reference/plan.md), so pane and tabs show money alike. */
export function moneyStyle(currency: string | null, decimals: number): MoneyStyle {
  const format = currencyNumberFormat(currency, decimals);
  return { symbol: format.slice(0, format.indexOf("#")).replace(/"/g, ""), decimals };
}

export function moneyText(x: Decimal, money: MoneyStyle): string {
  const text = amountText(x.abs(), money.decimals);
  return `${x.isNegative() ? "−" : ""}${money.symbol}${text}`;
}

/** A KPI value in its unit: ¥12,345.00, 14, 91.5%, 3.75. */
export function kpiValueText(x: Decimal, unit: KpiUnit, money: MoneyStyle): string {
  if (unit === "money") return moneyText(x, money);
  if (unit === "percent") return pctText(x);
  if (unit === "count") return amountText(x, 0);
  return amountText(x.toDecimalPlaces(2), null);
}

/** A change with its sign: +¥1,200.00, +3, −0.5, +4.5% (percentage points for a percentage KPI). */
export function changeText(x: Decimal, unit: KpiUnit, money: MoneyStyle): string {
  return `${x.isNegative() ? "−" : "+"}${kpiValueText(x.abs(), unit, money)}`;
}

export type Typed = { kind: "blank" } | { kind: "bad" } | { kind: "ok"; value: Decimal };

/**
 * A typed actual, read as number text (docs/reference/sheet.md: "12,500", "1.2万", "95%"). For a percentage KPI a
 * number above 1 without "%" is read as percent ("95" = 95 %), as satisfaction is never above 100 %.
 */
export function readTyped(text: string, unit: KpiUnit): Typed {
  const p = parseNumberText(text);
  if (!p.ok) return p.reason === "blank" ? { kind: "blank" } : { kind: "bad" };
  // "1e999" reads as Infinity: no cell holds it, and no score can be made of it.
  if (!Number.isFinite(p.value)) return { kind: "bad" };
  const value = dec(p.value);
  if (unit === "percent" && p.unit !== "%" && value.gt(1)) return { kind: "ok", value: value.div(100) };
  return { kind: "ok", value };
}

/** "2026-06-30" (an <input type="date"> value) → its Excel serial; null when it is no date. */
export function serialOfIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? ymdToSerial(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}
