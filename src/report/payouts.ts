/**
 * Payouts of the scored period (docs/reference/payouts.md): each closed period of History recomputed from today's data
 * with its plan of record, the differences from what was paid and their reasons in words, and per rep what is payable —
 * the bonus earned, the differences the adjustment policy carries, the draw's top-up and recovery, and the balances
 * that go into History when the period is closed.
 *
 * Nothing here runs without History or payout settings: a report without them is exactly as before.
 */
import type Decimal from "decimal.js";
import {
  dec,
  ExactSum,
  payout as payoutOf,
  periodRange,
  proratedDraw,
  ZERO,
  type AdjustmentPolicy,
  type DrawRule,
  type PeriodRange,
} from "../engine/index";
import type { ClosedPeriod, ClosedRep, History } from "../history/types";
import { monthChanges, monthIndex, monthsOf, type PeriodMonths } from "../history/months";
import { t, type Lang } from "../i18n/index";
import type { IngestResult } from "../ingest/types";
import { currencySymbol, defaultPayouts, type Plan } from "../plan/index";
import { amountText } from "./bonusText";
import { compareNames } from "./compare";
import { scorePlans } from "./planSections";
import type { ScoredPeriod } from "./score";

/** One difference found in a closed period: one row of "Adjustments to closed periods". */
export interface AdjustmentRow {
  rep: string;
  period: string;
  /** The bonus as closed plus the differences settled for it since. */
  paid: Decimal;
  recomputed: Decimal;
  /** recomputed − paid. */
  difference: Decimal;
  /** In words, in the report language ("3 rows added since close (+¥120,000); 1 return added (−¥40,000)"). */
  reason: string;
}

/** One rep's payout this period: the Bonus tab's "Payable this period" row and what `close` records. */
export interface RepPayout {
  rep: string;
  earned: Decimal;
  clawbackBefore: Decimal;
  adjustments: Decimal;
  /** This period's draw (prorated); null = none. */
  draw: Decimal | null;
  drawRecoverable: boolean;
  drawBalanceBefore: Decimal;
  drawTopUp: Decimal;
  drawRecovered: Decimal;
  payable: Decimal;
  drawBalance: Decimal;
  clawbackBalance: Decimal;
  /** The differences shown for this rep, which a close of this period settles (ClosedRep.settled). */
  settled: { period: string; difference: Decimal }[];
}

export interface PeriodPayouts {
  policy: AdjustmentPolicy;
  /** The closed periods recomputed (before the scored one), oldest first. */
  periods: string[];
  adjustments: AdjustmentRow[];
  /** Every rep scored now, and any rep with a difference or a balance, in the order of the Scorecard. */
  reps: RepPayout[];
}

/** A rep's used rows of a period: count, amount, and the returns among them. */
interface RowStats {
  rows: number;
  /** Rows per month of a quarter or year (monthsOf), today's only: the record at close has ClosedRep.months. */
  perMonth?: number[];
  amount: Decimal;
  returnRows: number;
  returnAmount: Decimal;
}

const EMPTY: RowStats = { rows: 0, amount: ZERO, returnRows: 0, returnAmount: ZERO };

/** Today's rows of each rep dated in `range`: exact sums without a Decimal per row (ExactSum), one pass per closed period. */
function rowStats(ingest: IngestResult, range: PeriodRange, months: PeriodMonths | null): Map<string, RowStats> {
  const acc = new Map<
    string,
    { rows: number; perMonth: number[]; returnRows: number; amount: ExactSum; returns: ExactSum }
  >();
  for (const r of ingest.rows) {
    if (r.dateSerial < range.startSerial || r.dateSerial > range.endSerial) continue;
    let a = acc.get(r.rep);
    if (!a) {
      const perMonth = months ? months.keys.map(() => 0) : [];
      acc.set(r.rep, (a = { rows: 0, perMonth, returnRows: 0, amount: new ExactSum(), returns: new ExactSum() }));
    }
    a.rows++;
    if (months) a.perMonth[monthIndex(months, r.dateSerial)]++;
    a.amount.add(r.amount);
    if (r.amount < 0) {
      a.returnRows++;
      a.returns.add(r.amount);
    }
  }
  const out = new Map<string, RowStats>();
  for (const [rep, a] of acc)
    out.set(rep, {
      rows: a.rows,
      perMonth: a.perMonth,
      amount: a.amount.value(),
      returnRows: a.returnRows,
      returnAmount: a.returns.value(),
    });
  return out;
}

const closedStats = (c: ClosedRep): RowStats => ({
  rows: c.rows,
  amount: dec(c.amount),
  returnRows: c.returnRows,
  returnAmount: dec(c.returnAmount),
});

const sameRows = (a: RowStats, b: RowStats): boolean => a.rows === b.rows && a.amount.eq(b.amount);

/** Rows added to `now` since `then`. */
const minus = (now: RowStats, then: RowStats): RowStats => ({
  rows: now.rows - then.rows,
  amount: now.amount.minus(then.amount),
  returnRows: now.returnRows - then.returnRows,
  returnAmount: now.returnAmount.minus(then.returnAmount),
});

/** How a report writes amounts in a reason: sign, currency symbol, thousands; decimals only when there are any. */
function moneyWords(x: Decimal, currency: string | null, decimals: number, signed: boolean): string {
  const abs = amountText(x.abs(), x.isInteger() ? 0 : decimals);
  const sign = x.isNegative() ? "−" : signed && x.isPositive() ? "+" : "";
  return `${sign}${currencySymbol(currency)}${abs}`;
}

/**
 * What changed in a rep's rows since close, in words; "" when the rows and amount are the same. `months`: the months
 * whose row count went up or down (recorded at close, ClosedRep.months), named when they are exactly the months of
 * the rows added (or removed) — no return changed, no row moved the other way.
 */
function rowChanges(
  d: RowStats,
  lang: Lang,
  money: (x: Decimal) => string,
  months?: { added: string[]; removed: string[] },
): string[] {
  const parts: string[] = [];
  const sales = d.rows - d.returnRows;
  const salesAmount = d.amount.minus(d.returnAmount);
  const dated = (list: string[] | undefined, other: string[] | undefined) =>
    months && d.returnRows === 0 && list && list.length > 0 && other?.length === 0
      ? list.join(t(lang, "pay.why.monthList"))
      : null;
  if (sales > 0) {
    const inMonths = dated(months?.added, months?.removed);
    const key = sales === 1 ? "pay.why.addedOne" : "pay.why.added";
    parts.push(
      t(lang, inMonths ? `${key}In` : key, { count: sales, amount: money(salesAmount), months: inMonths ?? "" }),
    );
  } else if (sales < 0) {
    const n = -sales;
    const inMonths = dated(months?.removed, months?.added);
    const key = n === 1 ? "pay.why.removedOne" : "pay.why.removed";
    parts.push(t(lang, inMonths ? `${key}In` : key, { count: n, amount: money(salesAmount), months: inMonths ?? "" }));
  } else if (!salesAmount.isZero()) parts.push(t(lang, "pay.why.amountChanged", { amount: money(salesAmount) }));
  if (d.returnRows > 0)
    parts.push(
      t(lang, d.returnRows === 1 ? "pay.why.returnOne" : "pay.why.returns", {
        count: d.returnRows,
        amount: money(d.returnAmount),
      }),
    );
  else if (d.returnRows < 0) {
    const n = -d.returnRows;
    parts.push(
      t(lang, n === 1 ? "pay.why.removedOne" : "pay.why.removed", { count: n, amount: money(d.returnAmount) }),
    );
  }
  return parts;
}

export interface PayoutOptions {
  lang: Lang;
  currency: string | null;
  /** Each rep's share of the period (docs/reference/payouts.md: a draw is prorated); absent = 1. */
  proration?: (rep: string) => Decimal | undefined;
}

/**
 * Payouts of `scored` (scored with `plan` from `ingest`) given History. null when there is nothing to show: no closed
 * period before the scored one, no payout settings and no draws — the report is then exactly as before.
 */
export function periodPayouts(
  ingest: IngestResult,
  plan: Plan,
  scored: ScoredPeriod,
  history: History | undefined,
  opts: PayoutOptions,
): PeriodPayouts | null {
  const start = scored.range.startSerial;
  const closed = (history?.periods ?? []).filter((p) => {
    const r = periodRange(p.period);
    return r !== null && r.endSerial < start;
  });
  if (closed.length === 0 && !plan.payouts && !plan.repDraws) return null;
  const settings = plan.payouts ?? defaultPayouts();
  const { lang } = opts;
  const decimals = plan.currencyDecimals;
  const money = (x: Decimal) => moneyWords(x, opts.currency, decimals, true);

  // Differences settled so far per period and rep: by the closes after each period.
  const settled = new Map<string, Decimal>();
  const key = (period: string, rep: string) => `${period}\u0000${rep}`;
  for (const p of closed)
    for (const r of p.reps)
      for (const s of r.settled ?? [])
        settled.set(key(s.period, r.rep), (settled.get(key(s.period, r.rep)) ?? ZERO).plus(dec(s.difference)));

  /** A name changed in the data since the close: the old name's record belongs to the new one (old → new). */
  const renamed = new Map<string, string>();
  const adjustments: AdjustmentRow[] = [];
  for (const p of closed) adjustments.push(...periodDifferences(p, ingest, lang, money, settled, key, renamed));

  // Balances the rep's latest closed period left (a renamed rep's under the new name).
  const before = new Map<string, { drawBalance: Decimal; clawbackBalance: Decimal }>();
  for (const p of closed)
    for (const r of p.reps) {
      const rep = renamed.get(r.rep) ?? r.rep;
      before.set(rep, { drawBalance: dec(r.drawBalance), clawbackBalance: dec(r.clawbackBalance) });
    }

  const earned = new Map(scored.reps.map((r) => [r.rep, r.payout]));
  // The Scorecard's order (by name), then names with only a difference or a balance.
  const names = [...earned.keys()].sort(compareNames);
  for (const name of [...adjustments.map((a) => a.rep), ...before.keys()])
    if (!earned.has(name) && !names.includes(name)) names.push(name);

  const reps: RepPayout[] = [];
  for (const rep of names) {
    const diffs = adjustments.filter((a) => a.rep === rep);
    const b = before.get(rep) ?? { drawBalance: ZERO, clawbackBalance: ZERO };
    // A draw guarantees pay for a period worked: only for the reps scored in it.
    const draw = earned.has(rep) ? drawOf(plan, rep, settings, opts.proration) : null;
    const nothing = !earned.has(rep) && diffs.length === 0 && b.drawBalance.isZero() && b.clawbackBalance.isZero();
    if (nothing) continue;
    const e = earned.get(rep) ?? ZERO;
    const p = payoutOf(
      e,
      diffs.map((d) => d.difference),
      b,
      {
        policy: settings.adjustments,
        clawbackCap: settings.clawbackCap === null ? null : dec(settings.clawbackCap),
        draw,
        recoveryCap: settings.recoveryCap === null ? null : dec(settings.recoveryCap),
      },
    );
    reps.push({
      rep,
      earned: e,
      clawbackBefore: b.clawbackBalance,
      adjustments: p.adjustments,
      draw: draw ? draw.amount : null,
      drawRecoverable: draw ? draw.recoverable : true,
      drawBalanceBefore: b.drawBalance,
      drawTopUp: p.drawTopUp,
      drawRecovered: p.drawRecovered,
      payable: p.payable,
      drawBalance: p.drawBalance,
      clawbackBalance: p.clawbackBalance,
      settled: diffs.map((d) => ({ period: d.period, difference: d.difference })),
    });
  }
  return { policy: settings.adjustments, periods: closed.map((p) => p.period), adjustments, reps };

  function drawOf(
    p: Plan,
    rep: string,
    s: ReturnType<typeof defaultPayouts>,
    proration: PayoutOptions["proration"],
  ): DrawRule | null {
    const own = p.repDraws && rep in p.repDraws ? p.repDraws[rep] : undefined;
    const amount = own !== undefined && own !== null ? own : own === null || s.drawFor === "everyone" ? s.draw : null;
    if (amount === null || amount === undefined) return null;
    const factor = proration ? proration(rep) : null;
    const a = factor ? proratedDraw(dec(amount), factor, decimals) : dec(amount);
    return { amount: a, recoverable: s.drawRecoverable };
  }
}

/** One closed period recomputed: a row per rep whose bonus differs from what was paid, with the reason. */
function periodDifferences(
  p: ClosedPeriod,
  ingest: IngestResult,
  lang: Lang,
  money: (x: Decimal) => string,
  settled: Map<string, Decimal>,
  key: (period: string, rep: string) => string,
  renamed: Map<string, string>,
): AdjustmentRow[] {
  const range = periodRange(p.period)!;
  // Scored as a report of that period would be: with several plans, each rep under their own (planSections.ts).
  const now = scorePlans(ingest, p.plan, { period: p.period, lang }).scored;
  const recomputed = new Map(now.reps.map((r) => [r.rep, r.payout]));
  const months = monthsOf(range);
  const today = rowStats(ingest, range, months);
  const closedByRep = new Map(p.reps.map((r) => [r.rep, r]));
  const stats = (rep: string) => today.get(rep) ?? EMPTY;

  // A name gone from the period's rows whose rows now read under another name: renamed (the other name was not in
  // the period at close and holds exactly those rows) or merged into a rep who was (holds them on top of their own).
  const movedTo = new Map<string, string>();
  for (const c of p.reps) {
    if (stats(c.rep).rows > 0 || c.rows === 0) continue;
    const was = closedStats(c);
    for (const [rep, s] of today) {
      const other = closedByRep.get(rep);
      const added = other ? minus(s, closedStats(other)) : s;
      if (rep !== c.rep && !movedTo.has(c.rep) && sameRows(added, was)) movedTo.set(c.rep, rep);
    }
  }
  const movedFrom = new Map([...movedTo].map(([from, to]) => [to, from]));
  for (const [from, to] of movedTo) if (!closedByRep.has(to)) renamed.set(from, to);

  const rows: AdjustmentRow[] = [];
  const names = [...new Set([...p.reps.map((r) => r.rep), ...recomputed.keys()])];
  for (const name of names) {
    // A renamed rep's record is the new name's: one row under the name in the data now.
    if (renamed.has(name)) continue;
    const fromName = movedFrom.get(name);
    const renamedFrom = fromName !== undefined && renamed.get(fromName) === name ? fromName : undefined;
    const closedRep = closedByRep.get(name) ?? (renamedFrom ? closedByRep.get(renamedFrom) : undefined);
    const closedKey = closedRep?.rep ?? name;
    const paid = closedRep
      ? dec(closedRep.earned)
          .plus(settled.get(key(p.period, closedKey)) ?? ZERO)
          .plus(renamedFrom ? (settled.get(key(p.period, name)) ?? ZERO) : ZERO)
      : (settled.get(key(p.period, name)) ?? ZERO);
    const re = recomputed.get(name) ?? ZERO;
    const difference = re.minus(paid);
    if (difference.isZero()) continue;

    const parts: string[] = [];
    const s = stats(name);
    const own = closedByRep.get(name);
    if (fromName !== undefined) {
      // Renamed or merged: the rows closed under the old name are not new; only what changed besides is.
      const base = closedStats(closedByRep.get(fromName)!);
      const was = own ? closedStats(own) : EMPTY;
      parts.push(t(lang, "pay.why.renamedFrom", { name: fromName }));
      parts.push(...rowChanges(minus(minus(s, was), base), lang, money));
    } else if (!closedRep) {
      parts.push(t(lang, "pay.why.newRep"));
      parts.push(...rowChanges(s, lang, money));
    } else if (s.rows === 0 && closedRep.rows > 0) {
      const to = movedTo.get(name);
      parts.push(to ? t(lang, "pay.why.renamedTo", { name: to }) : t(lang, "pay.why.gone"));
    } else {
      // Months named only when the close recorded them (Pay history tabs from before have none).
      const inMonths =
        months && closedRep.months ? monthChanges(months, closedRep.months, s.perMonth ?? []) : undefined;
      parts.push(...rowChanges(minus(s, closedStats(closedRep)), lang, money, inMonths));
    }
    if (parts.length === 0) parts.push(t(lang, "pay.why.other"));
    rows.push({
      rep: name,
      period: p.period,
      paid,
      recomputed: re,
      difference,
      reason: parts.join(lang === "zh" ? "；" : "; "),
    });
  }
  return rows;
}

/** What a close records of a rep's payout (history/types.ts ClosedRep), as exact decimal strings. */
export type PayoutRecord = Pick<
  ClosedRep,
  "adjustments" | "drawTopUp" | "drawRecovered" | "payable" | "drawBalance" | "clawbackBalance" | "settled"
>;

/**
 * The payout fields of a rep's ClosedRep when the period `payouts` belongs to is closed. Without payouts (no History,
 * no settings) or for a rep they do not list, the rep was paid what the period earned, and owes nothing.
 */
export function payoutRecord(payouts: PeriodPayouts | null | undefined, rep: string, earned: Decimal): PayoutRecord {
  const p = payouts?.reps.find((r) => r.rep === rep);
  if (!p)
    return {
      adjustments: "0",
      drawTopUp: "0",
      drawRecovered: "0",
      payable: earned.toFixed(),
      drawBalance: "0",
      clawbackBalance: "0",
    };
  return {
    adjustments: p.adjustments.toFixed(),
    drawTopUp: p.drawTopUp.toFixed(),
    drawRecovered: p.drawRecovered.toFixed(),
    payable: p.payable.toFixed(),
    drawBalance: p.drawBalance.toFixed(),
    clawbackBalance: p.clawbackBalance.toFixed(),
    // Only when there is one, as the History sheet reads it back.
    ...(p.settled.length > 0
      ? { settled: p.settled.map((s) => ({ period: s.period, difference: s.difference.toFixed() })) }
      : {}),
  };
}

/**
 * Reps the payouts list who were not scored in the period (a name with a difference or a balance only): a close
 * records them too, with no KPI values, so their balances carry on.
 */
export function unscoredPayoutReps(payouts: PeriodPayouts | null | undefined, scored: ScoredPeriod): RepPayout[] {
  if (!payouts) return [];
  const names = new Set(scored.reps.map((r) => r.rep));
  return payouts.reps.filter((r) => !names.has(r.rep));
}
