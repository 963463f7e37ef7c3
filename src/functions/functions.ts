/**
 * The PERF custom functions (docs/reference/functions.md). The JSDoc on each function is what Excel shows
 * (custom-functions-metadata-plugin reads it; the plugin also registers the functions).
 * Each shell: coerce its declared arguments → engine → Excel error or number.
 * TIERED and BONUS try the engine's exact double fast path first (docs/reference/numbers.md; same results).
 */
import type Decimal from "decimal.js";
import * as engine from "../engine/index";
import {
  Dec,
  bonusNumber,
  dec,
  engineError,
  tieredNumber,
  type CurvePoint,
  type EngineError,
  type Tier,
  type TierMode,
} from "../engine/index";
import { t } from "../i18n/index";
import { coerceArgs, defineArgs, type ArgSpec, type CoercedArgs, type Pairs } from "./args";
import { displayLang, fail, orThrow, toExcelNumber } from "./excel";

const TIER_MODES = ["marginal", "retroactive"] as const;
const RANK_METHODS = ["competition", "dense", "average"] as const;
/** TIERED and EXPLAIN take the same mode (defineArgs copies each spec, so sharing it is safe). */
const TIER_MODE_ARG = {
  name: "mode",
  type: "choice",
  optional: true,
  default: "marginal",
  choices: TIER_MODES,
  invalidKey: "tierModeInvalid",
} as const;

/** Every function's arguments, declared once, in parameter order. */
export const ARGS = {
  ATTAINMENT: defineArgs([
    { name: "actual", type: "number" },
    { name: "target", type: "number" },
    { name: "lower_is_better", type: "boolean", optional: true, default: false },
  ]),
  TIERED: defineArgs([{ name: "amount", type: "number" }, { name: "tiers", type: "table2" }, TIER_MODE_ARG]),
  PAYCURVE: defineArgs([
    { name: "x", type: "number" },
    { name: "curve", type: "table2" },
  ]),
  BONUS: defineArgs([
    { name: "actual", type: "number" },
    { name: "target", type: "number" },
    { name: "target_bonus", type: "number" },
    { name: "curve", type: "table2", optional: true },
    { name: "threshold", type: "number", optional: true, default: 0 },
    { name: "cap", type: "number", optional: true },
  ]),
  SCORE: defineArgs([
    { name: "attainments", type: "grid" },
    { name: "weights", type: "grid" },
    { name: "caps", type: "gridOrBlank", optional: true },
  ]),
  GROWTH: defineArgs([
    { name: "current", type: "number" },
    { name: "prior", type: "number" },
  ]),
  PRORATE: defineArgs([
    { name: "value", type: "number" },
    { name: "start", type: "number", optional: true },
    { name: "end", type: "number", optional: true },
    { name: "period_start", type: "number" },
    { name: "period_end", type: "number" },
  ]),
  RANK: defineArgs([
    { name: "value", type: "number" },
    { name: "values", type: "numbers" },
    { name: "order", type: "number", optional: true, default: 0 },
    {
      name: "method",
      type: "choice",
      optional: true,
      default: "competition",
      choices: RANK_METHODS,
      invalidKey: "rankMethodInvalid",
    },
  ]),
  TOGO: defineArgs([
    { name: "amount", type: "number" },
    { name: "tiers", type: "table2" },
  ]),
  EXPLAIN: defineArgs([{ name: "amount", type: "number" }, { name: "tiers", type: "table2" }, TIER_MODE_ARG]),
};

function args<S extends readonly ArgSpec[]>(specs: S, raw: unknown[]): CoercedArgs<S> {
  const coerced = coerceArgs(specs, raw);
  return Array.isArray(coerced) ? coerced : fail(coerced as EngineError);
}

function toTiers(table: Pairs): Tier[] {
  return table.map(([lower, rate]) => ({ lower: dec(lower), rate: dec(rate) }));
}

function toCurve(table: Pairs): CurvePoint[] {
  return table.map(([x, y]) => ({ x: dec(x), y: dec(y) }));
}

/**
 * How far a target is met: actual / target, or (2 × target − actual) / target when lower is better.
 * @customfunction ATTAINMENT
 * @param actual The result achieved in the period, e.g. revenue.
 * @param target The target for the same period; must be positive.
 * @param [lower_is_better] TRUE when less is better (churn, cost, days sales outstanding). Default FALSE.
 * @returns The attainment as a fraction: 1 is 100 %.
 * @helpurl https://localhost:3000/docs/en/functions/attainment.html
 */
export function attainment(actual: number, target: number, lower_is_better?: boolean): number {
  const [a, tg, lower] = args(ARGS.ATTAINMENT, [actual, target, lower_is_better]);
  return toExcelNumber(orThrow(engine.attainment(dec(a), dec(tg), lower)));
}

/**
 * Pays an amount on a rate table (commission, accelerator): band by band, or all at one band's rate.
 * @customfunction TIERED
 * @param amount The amount to pay on, e.g. revenue or attainment.
 * @param tiers Two columns: each band's lower bound (increasing) and its rate.
 * @param [mode] "marginal" (each slice at its band's rate, the default) or "retroactive" (all at the reached band's rate).
 * @returns The payout at full precision.
 * @helpurl https://localhost:3000/docs/en/functions/tiered.html
 */
export function tiered(amount: number, tiers: any[][], mode?: string): number {
  // Indexed, not destructured: array destructuring runs the iterator protocol (~9 ns a call).
  const c = args(ARGS.TIERED, [amount, tiers, mode]);
  const a = c[0];
  const table = c[1];
  const m = c[2];
  const fast = tieredNumber(a, table, m);
  return fast !== undefined ? fast : tieredExact(a, table, m);
}

/** TIERED in decimal.js: what the fast path leaves, and every error. Apart, so the shell stays small. */
function tieredExact(a: number, table: Pairs, m: TierMode): number {
  return toExcelNumber(orThrow(engine.tiered(dec(a), toTiers(table), m)));
}

/**
 * Reads a payout curve at x, interpolating linearly between its points.
 * @customfunction PAYCURVE
 * @param x Where to read the curve, e.g. an attainment.
 * @param curve Two columns: x (increasing) and y of each point.
 * @returns The curve's y at x: the first y below the first point, the last y above the last.
 * @helpurl https://localhost:3000/docs/en/functions/paycurve.html
 */
export function paycurve(x: number, curve: any[][]): number {
  const [v, table] = args(ARGS.PAYCURVE, [x, curve]);
  return toExcelNumber(orThrow(engine.paycurve(dec(v), toCurve(table))));
}

/**
 * A bonus payout: target bonus × payout factor from the attainment, rounded to cents.
 * @customfunction BONUS
 * @param actual The result achieved in the period.
 * @param target The target for the period; must be positive.
 * @param target_bonus The bonus paid at 100 % attainment.
 * @param [curve] Payout curve: two columns, attainment and payout factor. Default: the factor is the attainment.
 * @param [threshold] Attainment below which nothing is paid. Default 0.
 * @param [cap] Highest payout factor, e.g. 2 for 200 %. Default: no cap.
 * @returns The payout, rounded half away from zero to 2 decimals.
 * @helpurl https://localhost:3000/docs/en/functions/bonus.html
 */
export function bonus(
  actual: number,
  target: number,
  target_bonus: number,
  curve?: any[][],
  threshold?: number,
  cap?: number,
): number {
  const x = args(ARGS.BONUS, [actual, target, target_bonus, curve, threshold, cap]); // indexed: see tiered
  const a = x[0];
  const tg = x[1];
  const tb = x[2];
  const c = x[3];
  const thr = x[4];
  const cp = x[5];
  const fast = bonusNumber(a, tg, tb, c, thr, cp);
  return fast !== undefined ? fast : bonusExact(a, tg, tb, c, thr, cp);
}

/** BONUS in decimal.js: what the fast path leaves, and every error. Apart, so the shell stays small. */
function bonusExact(a: number, tg: number, tb: number, c: Pairs | null, thr: number, cp: number | null): number {
  const opts = { curve: c ? toCurve(c) : null, threshold: dec(thr), cap: cp === null ? null : dec(cp) };
  return toExcelNumber(orThrow(engine.bonus(dec(a), dec(tg), dec(tb), opts)));
}

/**
 * A weighted scorecard: the sum of weight × attainment, each attainment kept between 0 and its cap.
 * @customfunction SCORE
 * @param attainments The attainment of each KPI.
 * @param weights Each KPI's weight, same shape as attainments; they must add up to 100 %.
 * @param [caps] Highest attainment counted: one per KPI (blank = no cap) or one for all. Default: no caps.
 * @returns The score as a fraction: 1 is 100 %.
 * @helpurl https://localhost:3000/docs/en/functions/score.html
 */
export function score(attainments: any[][], weights: any[][], caps?: any[][]): number {
  const [a, w, c] = args(ARGS.SCORE, [attainments, weights, caps]);
  if (w.rows !== a.rows || w.cols !== a.cols)
    fail(engineError("VALUE", "weights", "shapeMismatch", { other: "attainments" }));
  let capArg: (Decimal | null)[] | Decimal | null = null;
  if (c !== null) {
    if (c.rows === 1 && c.cols === 1) capArg = c.values[0] === null ? null : dec(c.values[0]);
    else if (c.rows === a.rows && c.cols === a.cols) capArg = c.values.map((v) => (v === null ? null : dec(v)));
    else fail(engineError("VALUE", "caps", "capsShape"));
  }
  return toExcelNumber(orThrow(engine.score(a.values.map(dec), w.values.map(dec), capArg)));
}

/**
 * Growth over the prior period: (current − prior) / |prior|.
 * @customfunction GROWTH
 * @param current This period's value.
 * @param prior The prior period's value; must not be 0.
 * @returns The growth as a fraction: 0.12 is 12 %.
 * @helpurl https://localhost:3000/docs/en/functions/growth.html
 */
export function growth(current: number, prior: number): number {
  const [c, p] = args(ARGS.GROWTH, [current, prior]);
  return toExcelNumber(orThrow(engine.growth(dec(c), dec(p))));
}

/**
 * Prorates a value by the days someone was active in the period (both ends inclusive).
 * @customfunction PRORATE
 * @param value The full-period value, e.g. a target or a bonus.
 * @param start First active day (a date); blank means the period start.
 * @param end Last active day (a date); blank means the period end.
 * @param period_start First day of the period (a date).
 * @param period_end Last day of the period (a date).
 * @returns value × active days / days in the period.
 * @helpurl https://localhost:3000/docs/en/functions/prorate.html
 */
export function prorate(
  value: number,
  start: number | null,
  end: number | null,
  period_start: number,
  period_end: number,
): number {
  const [v, s, e, ps, pe] = args(ARGS.PRORATE, [value, start, end, period_start, period_end]);
  return toExcelNumber(orThrow(engine.prorate(dec(v), s, e, ps, pe)));
}

/**
 * Ranks a value among values with an explicit tie policy (values equal to 15 digits tie).
 * @customfunction RANK
 * @param value The value to rank.
 * @param values The values to rank against; blanks and text are ignored.
 * @param [order] 0 ranks the highest first (the default), 1 the lowest first.
 * @param [method] Ties: "competition" (1,2,2,4, the default, like RANK.EQ), "dense" (1,2,2,3) or "average" (1,2.5,2.5,4, like RANK.AVG).
 * @returns The rank; #N/A when value is not among values.
 * @helpurl https://localhost:3000/docs/en/functions/rank.html
 */
export function rank(value: number, values: any[][], order?: number, method?: string): number {
  const [v, list, o, m] = args(ARGS.RANK, [value, values, order, method]);
  return orThrow(engine.rank(v, list, o === 0 ? 0 : 1, m)); // any non-zero order ranks ascending, as in Excel
}

/**
 * The amount still needed to reach the next tier of a rate table.
 * @customfunction TOGO
 * @param amount The amount reached so far.
 * @param tiers Two columns: each band's lower bound (increasing) and its rate.
 * @returns The next lower bound above amount minus amount; 0 in the last band.
 * @helpurl https://localhost:3000/docs/en/functions/togo.html
 */
export function togo(amount: number, tiers: any[][]): number {
  const [a, table] = args(ARGS.TOGO, [amount, tiers]);
  return toExcelNumber(orThrow(engine.togo(dec(a), toTiers(table))));
}

/**
 * Shows how TIERED pays an amount, band by band, with a total row (spills).
 * @customfunction EXPLAIN
 * @param amount The amount to pay on.
 * @param tiers Two columns: each band's lower bound (increasing) and its rate.
 * @param [mode] "marginal" (the default) or "retroactive", as in TIERED.
 * @returns A header row, one row per band (band, from, to, rate, amount in band, payout) and a total row.
 * @helpurl https://localhost:3000/docs/en/functions/explain.html
 */
export function explain(amount: number, tiers: any[][], mode?: string): any[][] {
  const [a, table, m] = args(ARGS.EXPLAIN, [amount, tiers, mode]);
  const result = orThrow(engine.explain(dec(a), toTiers(table), m));
  const lang = displayLang();
  const header = ["explainBand", "explainFrom", "explainTo", "explainRate", "explainAmountInBand", "explainPayout"];
  let inBands = new Dec(0);
  const rows: (string | number)[][] = result.bands.map((b) => {
    inBands = inBands.plus(b.amountInBand);
    const to = b.to === null ? "" : toExcelNumber(b.to);
    return [
      b.band,
      toExcelNumber(b.from),
      to,
      toExcelNumber(b.rate),
      toExcelNumber(b.amountInBand),
      toExcelNumber(b.payout),
    ];
  });
  const total = [t(lang, "explainTotal"), "", "", "", toExcelNumber(inBands), toExcelNumber(result.total)];
  return [header.map((key) => t(lang, key)), ...rows, total];
}
