/**
 * Currency cells (docs/reference/input.md "Currencies"): what a Currency / 币种 cell or a Rates / 汇率 sheet names.
 * An ISO 4217 code as written ("usd" too), a symbol the amount reader knows ("$", "¥", "€", "£", "HK$", "元", "RMB"),
 * or the Chinese name a finance sheet writes ("人民币", "美元"). Anything else is no currency, and the caller says so.
 */
import { isoOfSymbol } from "../sheet";
import type { RawCell } from "../ingest/types";

const NAMES: Record<string, string> = {
  人民币: "CNY",
  美元: "USD",
  欧元: "EUR",
  英镑: "GBP",
  港币: "HKD",
  港元: "HKD",
  日元: "JPY",
};

const ISO_CODE = /^[A-Z]{3}$/;

/** The ISO code a currency text names, else null. */
export function currencyOfText(text: string): string | null {
  const t = text.normalize("NFKC").trim();
  if (t.length === 0) return null;
  const upper = t.toUpperCase();
  const named = NAMES[t] ?? isoOfSymbol(t) ?? isoOfSymbol(upper);
  if (named !== null && named !== undefined) return named;
  return ISO_CODE.test(upper) ? upper : null;
}

/** A currency cell: its ISO code, "" when blank, null when it names no currency. */
export function currencyOfCell(raw: RawCell | undefined): string | null {
  if (raw === null || raw === undefined) return "";
  if (typeof raw !== "string") return null;
  if (raw.trim().length === 0) return "";
  return currencyOfText(raw);
}

/** Headers of a currency column, compared after NFKC, trim and lower case. */
export const CURRENCY_HEADERS: readonly string[] = ["currency", "currency code", "ccy", "币种", "货币", "币别"];

export function isCurrencyHeader(header: string): boolean {
  return CURRENCY_HEADERS.includes(header.normalize("NFKC").trim().toLowerCase());
}
