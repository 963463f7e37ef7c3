/**
 * The rates used, on the Data issues tab (docs/reference/cleaning.md "Currencies"): one line per rate that converted
 * used rows — its currency, From date, rate, how many rows, their Amount cells as written and converted (each row
 * rounded as docs/reference/numbers.md says). With split columns these are the deals' amounts, before the split.
 */
import type { CurrencyConversion } from "../currency/convert";
import { dec } from "../engine/decimal";
import { t, type Lang } from "../i18n/index";
import { num, text } from "./cells";
import type { ReportCell } from "./model";

const DATE_FORMAT = "yyyy-mm-dd";
const RATE_FORMAT = "0.######";
const AMOUNT_FORMAT = "#,##0.00##";

/** An amount as a number when the double holds it exactly, else its exact digits as text. */
function amount(s: string, fmt: string): ReportCell {
  const n = Number(s);
  return dec(n).eq(dec(s)) ? num(n, fmt) : text(s);
}

/** The block's rows (a heading, a header, one row per rate), or null when no rate converted a used row. */
export function ratesUsedBlock(
  lang: Lang,
  conversion: CurrencyConversion | undefined,
  money: string,
): (ReportCell | null)[][] | null {
  if (conversion === undefined || conversion.uses.length === 0) return null;
  const target = conversion.target;
  const header = ["rates.currency", "rates.from", "rates.rate", "rates.rows", "rates.original", "rates.converted"].map(
    (key) => text(t(lang, key, { target }), "header"),
  );
  const rows: (ReportCell | null)[][] = [[text(t(lang, "rates.heading", { target }), "title")], header];
  for (const u of conversion.uses) {
    rows.push([
      text(u.currency),
      u.from === null ? null : num(u.from, DATE_FORMAT),
      num(Number(u.rate), RATE_FORMAT),
      num(u.rows),
      amount(u.original, AMOUNT_FORMAT),
      amount(u.converted, money),
    ]);
  }
  return rows;
}
