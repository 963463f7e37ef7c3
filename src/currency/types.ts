/** The rates of a Rates / 汇率 sheet (docs/reference/input.md "Rates sheet"), read once with the plan. */

/** One rate of one currency, in force from `from` (an Excel date serial; null = from the start) until the next. */
export interface RateStep {
  from: number | null;
  /** Units of the plan currency per unit, as exact decimal text ("7.1234"). */
  rate: string;
  /** The rate's cell, e.g. "Rates!B3": named on Data issues next to what it converted. */
  where: string;
}

export interface CurrencyRates {
  /** The sheet the rates came from, as named in the workbook. */
  sheet: string;
  /** The currency every amount is converted into: the plan's, else the one whose rate is 1. */
  target: string;
  /** Each currency's rates, oldest first (a rate without a From date first). */
  steps: Record<string, RateStep[]>;
}
