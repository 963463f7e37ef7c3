/**
 * Amounts in several currencies (docs/reference/input.md "Currencies", cleaning.md "Currencies"): each sales row's
 * amount converted into one currency at the rate in force on the row's date, exactly, then rounded to the plan
 * currency's decimals (docs/reference/numbers.md "Converted amounts"). Made only when the workbook has a Rates sheet
 * or rows in more than one currency: a workbook in one currency never meets this code.
 */
import Decimal from "decimal.js";
import { Dec, ExactSum } from "../engine/decimal";
import type { SheetIssues } from "../ingest/issues";
import type { RawCell } from "../ingest/types";
import { isoDateOfSerial } from "../sheet";
import type { Plan } from "../plan/types";
import type { CurrencyRates, RateStep } from "./types";

/** One rate as used: the rows it converted and their totals before and after (the Data issues tab lists it). */
export interface RateUse {
  currency: string;
  rate: string;
  /** The rate's From date (Excel serial); null = a rate without one. */
  from: number | null;
  /** The rate's cell on the Rates sheet. */
  where: string;
  rows: number;
  /** The rows' amounts as written, in `currency` (exact decimal text). */
  original: string;
  /** The same rows converted, in the target currency (exact decimal text: the sum of the rounded amounts). */
  converted: string;
}

export interface CurrencyConversion {
  /** What every used amount is in. */
  target: string;
  /** The Rates sheet's name; null when there is none (rows in other currencies were left out). */
  ratesSheet: string | null;
  /** The rates that converted used rows, by currency then date. */
  uses: RateUse[];
}

interface UseTotals {
  rows: number;
  original: ExactSum;
  converted: ExactSum;
}

/** The row's currency as the amount reader settled it (fields.ts AmountField). */
export interface RowCurrencySource {
  iso: string | null;
  symbolIso: string | null;
  columnIso: string | null;
}

/**
 * Converts one row at a time: `read` sets `value` (the amount in the target currency), `known` (whether that amount
 * could be found) and `failure` (why the row cannot be used, as a reason key with `params`); `markUsed` counts a used
 * row toward its rate and lists the conversion.
 */
export class RowCurrencies {
  value = 0;
  known = true;
  failure: string | null = null;
  params: Record<string, string | number> = {};
  /** The row's currency was not given (blank Currency cell, no symbol) and taken to be the target. */
  private assumed = false;
  private step: RateStep | null = null;
  private currency = "";
  private original = 0;
  private readonly totals = new Map<RateStep, UseTotals>();

  constructor(
    readonly target: string,
    /** Null: no Rates sheet; rows in another currency than `target` cannot be used. */
    private readonly rates: CurrencyRates | null,
    private readonly decimals: number,
    /** The sales table's Currency column header, null when it has none (a blank cell in it is worth a look). */
    private readonly columnHeader: string | null,
  ) {}

  /** The row's amount in the target currency; `dateSerial` null when the row's date could not be read. */
  read(amount: number, src: RowCurrencySource, dateSerial: number | null): boolean {
    this.value = amount;
    this.original = amount;
    this.known = true;
    this.failure = null;
    this.step = null;
    this.assumed = false;
    if (src.columnIso === null) return this.fail("currencyUnreadable", {});
    if (src.columnIso !== "" && src.symbolIso !== null && src.symbolIso !== src.columnIso)
      return this.fail("currencyConflict", { column: src.columnIso, written: src.symbolIso });
    const iso = src.iso ?? this.target;
    this.assumed = src.iso === null && this.columnHeader !== null;
    if (iso === this.target) return true;
    this.currency = iso;
    if (this.rates === null) return this.fail("currencyNoRatesSheet", { currency: iso, main: this.target });
    const steps = this.rates.steps[iso];
    if (steps === undefined)
      return this.fail("currencyNoRate", { currency: iso, sheet: this.rates.sheet, target: this.target });
    if (dateSerial === null) {
      // The row is left out for its date (listed as such); its amount cannot be put in the target currency.
      this.known = false;
      return true;
    }
    const step = stepOn(steps, dateSerial);
    if (step === null) {
      const first = isoDateOfSerial(steps[0].from as number);
      return this.fail("currencyRateNotYet", { currency: iso, date: isoDateOfSerial(dateSerial), first });
    }
    const exact = new Dec(String(amount)).times(step.rate);
    const rounded = exact.toDecimalPlaces(this.decimals, Decimal.ROUND_HALF_UP);
    const n = rounded.toNumber() || 0;
    // The double must carry the rounded amount through its shortest decimal string (docs/reference/numbers.md).
    if (!new Dec(String(n)).eq(rounded)) return this.fail("currencyTooManyDigits", { value: rounded.toFixed() });
    this.value = n;
    this.step = step;
    return true;
  }

  /**
   * Another amount of the row just read (its Split amount), converted at the row's rate and rounded alike; as it is
   * when the row is in the target currency. The same digits as the row's amount, so it fits a double as that did.
   */
  convertAlso(x: number): number {
    const step = this.step;
    if (step === null) return x;
    return new Dec(String(x)).times(step.rate).toDecimalPlaces(this.decimals, Decimal.ROUND_HALF_UP).toNumber() || 0;
  }

  private fail(key: string, params: Record<string, string | number>): false {
    this.known = false;
    this.failure = key;
    this.params = params;
    return false;
  }

  /** The row just read is used: its rate counts it; the conversion (or a blank currency taken as the target) is listed. */
  markUsed(issues: SheetIssues, sheetRow: number, amountHeader: string | null, amountRaw: RawCell | undefined): void {
    const step = this.step;
    if (step === null) {
      if (this.assumed && this.target !== "")
        issues.add(sheetRow, this.columnHeader, null, "kept", "currencyBlankAssumed", { currency: this.target });
      return;
    }
    let t = this.totals.get(step);
    if (t === undefined) {
      t = { rows: 0, original: new ExactSum(), converted: new ExactSum() };
      this.totals.set(step, t);
    }
    t.rows++;
    t.original.add(this.original);
    t.converted.add(this.value);
    issues.add(sheetRow, amountHeader, amountRaw, "coerced", "amountConverted", {
      amount: String(this.original),
      currency: this.currency,
      rate: step.rate,
      converted: String(this.value),
      target: this.target,
      cell: step.where,
    });
  }

  /** The rates used, by currency then From date. */
  conversion(): CurrencyConversion {
    const uses: RateUse[] = [];
    for (const [currency, steps] of Object.entries(this.rates?.steps ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      for (const step of steps) {
        const t = this.totals.get(step);
        if (t === undefined) continue;
        uses.push({
          currency,
          rate: step.rate,
          from: step.from,
          where: step.where,
          rows: t.rows,
          original: plain(t.original.value()),
          converted: plain(t.converted.value()),
        });
      }
    }
    return { target: this.target, ratesSheet: this.rates?.sheet ?? null, uses };
  }
}

/** The step in force on a day: the last one whose From is on or before it (a step without From is in force always). */
function stepOn(steps: readonly RateStep[], day: number): RateStep | null {
  let found: RateStep | null = null;
  for (const s of steps) {
    if (s.from === null || s.from <= day) found = s;
    else break;
  }
  return found;
}

function plain(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}

/** What ingest needs of a plan to read its amounts (docs/reference/input.md "Currencies"): the CLI and the pane alike. */
export function currencyOptions(plan: Pick<Plan, "rates" | "currency" | "currencyDecimals">): {
  rates: CurrencyRates | null;
  planCurrency: string | null;
  decimals: number;
} {
  return { rates: plan.rates ?? null, planCurrency: plan.currency, decimals: plan.currencyDecimals };
}
