/**
 * The Rates / 汇率 sheet (docs/reference/input.md "Rates sheet"): Currency · Rate · optional From rows. A rate is how
 * many units of the plan currency one unit buys, in force from its From date (or always, when blank) until the
 * currency's next From date. Errors name the cell ("Rates!B4: rate must be above 0") and stop the run as a wrong plan
 * does: converting with a doubtful rate would put wrong money on every row it touches.
 */
import type { RawCell } from "../ingest/types";
import { parseDate } from "../ingest/parse";
import { cellNumber, cellText, isBlank } from "../plan/cells";
import { findHeaderRow, isBlankSheet } from "../plan/headerRow";
import type { PlanError } from "../plan/types";
import { isoDateOfSerial, sheetCellAddress } from "../sheet";
import { currencyOfText } from "./codes";
import type { CurrencyRates, RateStep } from "./types";

const CURRENCY_HEADERS = ["currency", "currency code", "ccy", "币种", "货币", "币别"];
const RATE_HEADERS = ["rate", "exchange rate", "fx rate", "汇率"];
const FROM_HEADERS = ["from", "effective", "effective from", "valid from", "date", "生效日期", "起始日期", "日期"];

export interface RatesRead {
  /** Null when the sheet is empty (it then converts nothing) or has errors. */
  rates: CurrencyRates | null;
  errors: PlanError[];
}

/** Read a Rates sheet (values from A1); `planCurrency` is the plan's currency, when it sets one. */
export function readRatesSheet(values: RawCell[][], sheetName: string, planCurrency: string | null): RatesRead {
  const errors: PlanError[] = [];
  const where = (r: number, c: number) => sheetCellAddress(sheetName, r, c);

  const found = findHeaderRow(values, { currency: CURRENCY_HEADERS, rate: RATE_HEADERS, from: FROM_HEADERS }, [
    "currency",
    "rate",
  ]);
  if (found === null) {
    if (!isBlankSheet(values)) errors.push({ where: sheetName, messageKey: "ratesNoHeader" });
    return { rates: null, errors };
  }
  const { row: header, col } = found;

  const steps: Record<string, RateStep[]> = {};
  const firstSeen = new Map<string, string>();
  for (let r = header + 1; r < values.length; r++) {
    const get = (c: number): RawCell => (c < 0 ? null : (values[r]?.[c] ?? null));
    const [currencyCell, rateCell, fromCell] = [get(col.currency), get(col.rate), get(col.from)];
    if (isBlank(currencyCell) && isBlank(rateCell) && isBlank(fromCell)) continue;
    let ok = true;

    const currency = isBlank(currencyCell) ? null : currencyOfText(cellText(currencyCell));
    if (currency === null) {
      const params = { value: cellText(currencyCell) };
      errors.push({
        where: where(r, col.currency),
        messageKey: isBlank(currencyCell) ? "ratesCurrencyBlank" : "ratesCurrencyUnknown",
        params,
      });
      ok = false;
    }

    const rateWhere = where(r, col.rate);
    const read = isBlank(rateCell) ? null : cellNumber(rateCell);
    if (read === null) {
      errors.push({ where: rateWhere, messageKey: "ratesRateBlank" });
      ok = false;
    } else if (!read.ok) {
      errors.push({ where: rateWhere, messageKey: "ratesRateNotNumber", params: { value: cellText(rateCell) } });
      ok = false;
    } else if (!(read.value > 0)) {
      errors.push({ where: rateWhere, messageKey: "ratesRateNotPositive", params: { value: cellText(rateCell) } });
      ok = false;
    }

    let from: number | null = null;
    if (!isBlank(fromCell)) {
      const d = parseDate(fromCell);
      if (d.ok) from = d.serial;
      else {
        errors.push({
          where: where(r, col.from),
          messageKey: "ratesFromNotDate",
          params: { value: cellText(fromCell) },
        });
        ok = false;
      }
    }
    if (!ok || currency === null || read === null || !read.ok) continue;

    // One rate per currency and day: two would leave the row's rate to the order of the sheet.
    const key = `${currency}\u0000${from ?? ""}`;
    const first = firstSeen.get(key);
    const fromText = from === null ? "" : isoDateOfSerial(from);
    if (first !== undefined) {
      const cell = col.from >= 0 ? where(r, col.from) : rateWhere;
      errors.push({ where: cell, messageKey: "ratesDuplicateFrom", params: { currency, from: fromText, first } });
      continue;
    }
    firstSeen.set(key, col.from >= 0 ? where(r, col.from) : rateWhere);
    (steps[currency] ??= []).push({ from, rate: String(read.value), where: rateWhere });
  }
  if (errors.length > 0) return { rates: null, errors };
  for (const list of Object.values(steps)) list.sort((a, b) => (a.from ?? -Infinity) - (b.from ?? -Infinity));

  const target = targetCurrency(steps, planCurrency, sheetName, errors);
  if (target === null) return { rates: null, errors };
  return { rates: { sheet: sheetName, target, steps }, errors };
}

/**
 * The currency amounts are converted into: the plan's (whose rates, if listed, must all be 1), else the one currency
 * whose every rate is 1. None, or two, is an error: the sheet would not say what the totals are in.
 */
function targetCurrency(
  steps: Record<string, RateStep[]>,
  planCurrency: string | null,
  sheetName: string,
  errors: PlanError[],
): string | null {
  const atOne = (list: RateStep[]) => list.every((s) => Number(s.rate) === 1);
  if (planCurrency !== null) {
    const own = steps[planCurrency] ?? [];
    const wrong = own.find((s) => Number(s.rate) !== 1);
    if (wrong) {
      errors.push({ where: wrong.where, messageKey: "ratesPlanCurrencyNotOne", params: { currency: planCurrency } });
      return null;
    }
    return planCurrency;
  }
  const ones = Object.keys(steps).filter((c) => atOne(steps[c]));
  if (ones.length === 1) return ones[0];
  if (ones.length === 0) {
    if (Object.keys(steps).length > 0) errors.push({ where: sheetName, messageKey: "ratesNoBaseCurrency" });
    else return null;
  } else
    errors.push({
      where: steps[ones[1]][0].where,
      messageKey: "ratesTwoBaseCurrencies",
      params: { first: ones[0], second: ones[1] },
    });
  return null;
}
