/**
 * What-if for one rep (docs/reference/whatif.md): the rep's KPI actuals typed over, or hypothetical deals added to
 * the rep's sales rows of the scored period, and the score, rank, status and bonus that a re-run of the report on
 * data changed that way would give; plus, for each point ahead (out of the bottom group, bonus threshold, next curve
 * point, Top cut-off), how much each KPI alone would have to change to reach it. Pure: nothing is written anywhere.
 *
 * The baseline is the report's own scoring (scorePeriod). A change re-aggregates only the rep's rows of the period
 * with the same accumulators, then scores and ranks through the same engine functions (rescaledScore, rankAndPay),
 * so the result is the report's to the cent without scoring every row again on each keystroke.
 */
import { planAssigner, plansOf } from "../plan/plans";
import type Decimal from "decimal.js";
import {
  aggregateByRep,
  attainment,
  bonusFromScore,
  compare15,
  dec,
  isEngineError,
  rescaledScore,
  type AggColumn,
} from "../engine/index";
import type { IngestResult, SalesRow } from "../ingest/types";
import { rankCutCount } from "../plan/rankCut";
import type { Plan, PlanKpi } from "../plan/types";
import { resolveKpiSource, type KpiSource } from "./kpiSources";
import { rankAndPay, scorePeriod, type ScoredKpi, type ScoredPeriod, type ScoredRep } from "./score";
import { countedRead } from "./splitCredit";

/** A deal that has not happened: one more sales row of the rep, dated within the scored period. */
export interface HypotheticalDeal {
  /** As a cell holds it (a double); a negative amount is a return, as on the sales sheet. */
  amount: number;
  /** Excel day serial within the scored period. */
  dateSerial: number;
  /** Counts for a KPI counting new customers (yes values); ignored when the sales table has no such column. */
  newCustomer: boolean;
  /** Counts for a KPI counting distinct customers; null = none given. */
  customer: string | null;
}

export interface WhatIfChange {
  /** Per plan KPI, in plan order: the actual to use instead of the computed one; null (or absent) = as computed. */
  actuals?: readonly (Decimal | null)[];
  deals?: readonly HypotheticalDeal[];
}

/** How a KPI's actual is counted and shown: money, whole counts, a percentage (satisfaction) or a plain number. */
export type KpiUnit = "money" | "count" | "percent" | "number";

export interface WhatIfBaseline {
  plan: Plan;
  /** The report's scoring of the period (the "before"). */
  scored: ScoredPeriod;
  /** Per plan KPI: where its values come from; hypothetical deals count only for "sales" KPIs. */
  sources: KpiSource[];
  /** Whether the sales table has a new-customer column (a deal's flag is a value only then). */
  hasNewCustomerColumn: boolean;
  /** Each rep's sales rows inside the scored period, found on first use. */
  rowsOf(rep: string): readonly SalesRow[];
}

export type PayoutPointKind = "leave" | "threshold" | "curve" | "top";

export interface PayoutPoint {
  kind: PayoutPointKind;
  /** The score to reach; for "leave" and "top", the score of the rep to overtake. */
  score: Decimal;
  /** The bonus paid at that score (threshold, curve point); null for "leave" and "top". */
  payout: Decimal | null;
  /** "top": the rep now holding the last Top place among the others; "leave": the last one above the bottom group. */
  rival: string | null;
  /**
   * Per plan KPI: the change of its actual (in the KPI's unit, a whole number of its step) that alone reaches the
   * point; null when that KPI alone cannot (its cap, it does not count for this rep, or it has no weight).
   */
  changes: (Decimal | null)[];
}

export interface WhatIfResult {
  before: ScoredRep;
  /** The rep after the change: actuals, attainments, score, rank, status, payout factor and bonus. */
  after: ScoredRep;
  /** Reps ranked in the period. */
  reps: number;
  /** Payout points ahead of `after`, nearest first. */
  next: PayoutPoint[];
}

/** The report's scoring of the period, ready for any number of what-ifs. `period` null: the report's default. */
export function whatIfBaseline(ingest: IngestResult, plan: Plan, period?: string | null): WhatIfBaseline {
  return baselineOf(ingest, plan, period, undefined);
}

/**
 * Several plans (docs/reference/plan.md "A plan per role or team"): one baseline per plan, each the scoring of that
 * plan's reps only, so a what-if re-ranks a rep among their own plan's reps, as the report does. One plan: one
 * baseline, whatIfBaseline's.
 */
export function whatIfBaselines(ingest: IngestResult, plan: Plan, period?: string | null): WhatIfBaseline[] {
  const plans = plansOf(plan);
  if (plans.length === 1) return [whatIfBaseline(ingest, plan, period)];
  const planOf = planAssigner(plan);
  return plans.map((p, i) => baselineOf(ingest, p, period, (rep, team) => planOf(rep, team) === i));
}

function baselineOf(
  ingest: IngestResult,
  plan: Plan,
  period: string | null | undefined,
  onlyReps: ((rep: string, team: string | null) => boolean) | undefined,
): WhatIfBaseline {
  const scored = scorePeriod(ingest, plan, { period: period ?? undefined, ...(onlyReps ? { onlyReps } : {}) });
  const { startSerial, endSerial } = scored.range;
  let byRep: Map<string, SalesRow[]> | null = null;
  return {
    plan,
    scored,
    sources: plan.kpis.map((k) => resolveKpiSource(k, ingest)),
    hasNewCustomerColumn: ingest.mapping.columns.newCustomer !== undefined,
    rowsOf(rep: string): readonly SalesRow[] {
      if (byRep === null) {
        // One pass over the rows for all reps: switching reps in the pane costs nothing more.
        byRep = new Map();
        for (const r of ingest.rows) {
          if (r.dateSerial < startSerial || r.dateSerial > endSerial) continue;
          let list = byRep.get(r.rep);
          if (list === undefined) byRep.set(r.rep, (list = []));
          list.push(r);
        }
      }
      return byRep.get(rep) ?? [];
    },
  };
}

/** A deal dated outside the scored period would count in another period (or change a growth target): refused. */
export function dealInPeriod(base: WhatIfBaseline, dateSerial: number): boolean {
  const { startSerial, endSerial } = base.scored.range;
  return Number.isInteger(dateSerial) && dateSerial >= startSerial && dateSerial <= endSerial;
}

/** The KPIs a hypothetical deal can move: those read from the sales rows. */
export function dealMovesKpi(base: WhatIfBaseline, k: number): boolean {
  return base.sources[k].kind === "sales";
}

export function kpiUnit(kpi: PlanKpi): KpiUnit {
  if (kpi.aggregate === "count" || kpi.aggregate === "count_unique" || kpi.aggregate === "count_true") return "count";
  if (kpi.measure.field === "amount") return "money";
  if (kpi.measure.field === "satisfaction") return "percent";
  return "number";
}

/** The smallest change the pane shows for a KPI: a cent (currency decimals), one, 0.1 percentage point, 0.01. */
export function kpiStep(kpi: PlanKpi, plan: Plan): Decimal {
  const unit = kpiUnit(kpi);
  if (unit === "money") return dec(10).pow(-plan.currencyDecimals);
  if (unit === "count") return dec(1);
  return dec(unit === "percent" ? "0.001" : "0.01");
}

function dealRow(rep: ScoredRep, deal: HypotheticalDeal, newCustomerColumn: boolean): SalesRow {
  return {
    sheet: "",
    sheetRow: 0,
    rep: rep.rep,
    team: rep.team,
    dateSerial: deal.dateSerial,
    amount: deal.amount,
    customer: deal.customer,
    newCustomer: newCustomerColumn ? deal.newCustomer : null,
    satisfaction: null,
    behaviour: null,
    extra: {},
  };
}

/** The rep's KPI actuals with the deals among their rows (the KPIs read from the sales rows are aggregated again). */
function actualsWithDeals(
  base: WhatIfBaseline,
  before: ScoredRep,
  deals: readonly HypotheticalDeal[],
): (Decimal | null)[] {
  if (deals.length === 0) return before.kpis.map((k) => k.actual);
  for (const d of deals) {
    if (!dealInPeriod(base, d.dateSerial))
      throw new RangeError(`deal dated ${d.dateSerial} is outside ${base.scored.period}`);
  }
  const columns: AggColumn<SalesRow>[] = [];
  const columnOf: number[] = [];
  base.sources.forEach((s, k) => {
    if (s.kind !== "sales") return columnOf.push(-1);
    columnOf.push(columns.length);
    const aggregate = base.plan.kpis[k].aggregate;
    columns.push({ aggregate, read: countedRead(aggregate, s.read, base.plan) });
  });
  const rows = [...base.rowsOf(before.rep), ...deals.map((d) => dealRow(before, d, base.hasNewCustomerColumn))];
  const [now] = aggregateByRep(rows, columns, [base.scored.range]);
  // Every deal is dated within the period, so the rep has rows there now.
  const cells = now.get(before.rep)!.cells;
  return before.kpis.map((k, i) => (columnOf[i] < 0 ? k.actual : cells[columnOf[i]].result()));
}

/** A KPI with another actual: its attainment against the same target (docs/reference/plan.md), counted when it has one. */
function withActual(k: ScoredKpi, kpi: PlanKpi, actual: Decimal | null): ScoredKpi {
  if (actual === null || k.target === null) return { ...k, actual, attainment: null, used: false };
  const a = attainment(actual, k.target, kpi.direction === "lower");
  // Targets of the scoring are positive (a target ≤ 0 was already dropped): an error here means no attainment.
  if (isEngineError(a)) return { ...k, actual, attainment: null, used: false };
  return { ...k, actual, attainment: a, used: true };
}

/** The rep with these KPI actuals, scored and ranked among the others as the report ranks them. */
function rescore(base: WhatIfBaseline, before: ScoredRep, actuals: readonly (Decimal | null)[]): ScoredRep {
  const plan = base.plan;
  const scoreOf = (kpis: ScoredKpi[]): Decimal =>
    rescaledScore(
      kpis.map((x) => x.attainment),
      plan.kpis.map((kpi) => dec(kpi.weight)),
      plan.kpis.map((kpi) => (kpi.cap === null ? null : dec(kpi.cap))),
    ).score;
  const kpis = before.kpis.map((k, i) => withActual(k, plan.kpis[i], actuals[i]));
  // A team KPI (docs/reference/coaching.md): the rep's change moves the team's totals, so every teammate's too.
  const teamShares = new Map<number, { attainment: Decimal; team: { actual: Decimal; target: Decimal } }>();
  before.kpis.forEach((k, i) => {
    const now = kpis[i];
    if (k.team === undefined || k.actual === null || now.actual === null || now.attainment === null) return;
    const team = { actual: k.team.actual.minus(k.actual).plus(now.actual), target: k.team.target };
    const a = attainment(team.actual, team.target, plan.kpis[i].direction === "lower");
    if (isEngineError(a)) return;
    teamShares.set(i, { attainment: a, team });
    kpis[i] = { ...now, attainment: a, team };
  });
  const changed: ScoredRep = { ...before, kpis, score: scoreOf(kpis) };
  const sameTeam = (r: ScoredRep): boolean =>
    before.team !== null && r.team !== null && r.team.toLowerCase() === before.team.toLowerCase();
  const all = base.scored.reps.map((r) => {
    if (r.rep === before.rep) return changed;
    if (teamShares.size === 0 || !sameTeam(r)) return { ...r };
    const mates = r.kpis.map((k, i) => {
      const share = teamShares.get(i);
      return share && k.team !== undefined ? { ...k, ...share } : k;
    });
    return { ...r, kpis: mates, score: scoreOf(mates) };
  });
  rankAndPay(all, plan);
  return changed;
}

function clampAttainment(a: Decimal, cap: Decimal | null): Decimal {
  const x = a.isNegative() ? dec(0) : a;
  return cap !== null && x.gt(cap) ? cap : x;
}

function reached(point: PayoutPoint, r: ScoredRep): boolean {
  if (point.kind === "top") return r.status === "top";
  if (point.kind === "leave") return r.status !== "coaching";
  // As the bonus itself compares (engine bonus.ts): the threshold at 15 digits; past a curve point, exactly.
  return point.kind === "threshold" ? compare15(r.score, point.score) >= 0 : r.score.gte(point.score);
}

/**
 * The change of KPI k alone that reaches `point`: the attainment it needs (the score is linear in each clamped
 * attainment), turned into the KPI's unit and rounded up to its step, then checked by scoring and ranking the rep
 * with it (a step more at most a few times, for a tie lost on the ranking's tie-breaks).
 */
function changeFor(
  base: WhatIfBaseline,
  before: ScoredRep,
  actuals: readonly (Decimal | null)[],
  now: ScoredRep,
  point: PayoutPoint,
  k: number,
): Decimal | null {
  const plan = base.plan;
  const kpi = plan.kpis[k];
  const x = now.kpis[k];
  const weight = dec(kpi.weight);
  if (!x.used || x.actual === null || x.target === null || x.attainment === null || weight.isZero()) return null;
  let counted = dec(0);
  now.kpis.forEach((y, i) => {
    if (y.used) counted = counted.plus(dec(plan.kpis[i].weight));
  });
  const cap = kpi.cap === null ? null : dec(kpi.cap);
  const need = clampAttainment(x.attainment, cap).plus(point.score.minus(now.score).times(counted).div(weight));
  if (cap !== null && need.gt(cap)) return null;
  const lower = kpi.direction === "lower";
  const actualNeeded = lower ? x.target.times(dec(2).minus(need)) : need.times(x.target);
  const step = kpiStep(kpi, plan);
  const raw = actualNeeded.minus(x.actual).div(step);
  let change = (lower ? raw.floor() : raw.ceil()).times(step);
  if (lower ? change.gte(0) : change.lte(0)) change = lower ? step.neg() : step;
  for (let tries = 0; tries < 4; tries++) {
    const tried = actuals.map((a, i) => (i === k ? x.actual!.plus(change) : a));
    if (reached(point, rescore(base, before, tried))) return change;
    change = lower ? change.minus(step) : change.plus(step);
  }
  return null;
}

/**
 * The points ahead of the rep, nearest first: out of the bottom group (a Coaching rep), the bonus threshold when
 * below it, the next curve point that pays more, Top — the levels of the Coaching tab (docs/reference/coaching.md).
 */
function pointsAhead(base: WhatIfBaseline, now: ScoredRep): PayoutPoint[] {
  const { plan, scored } = base;
  const rule = plan.bonus;
  const opts = {
    curve: rule.curve ? rule.curve.map(([x, y]) => ({ x: dec(x), y: dec(y) })) : null,
    threshold: dec(rule.threshold),
    cap: rule.cap === null ? null : dec(rule.cap),
    decimals: plan.currencyDecimals,
  };
  const payoutAt = (s: Decimal) => bonusFromScore(s, dec(rule.targetBonus), opts);
  const empty = (): (Decimal | null)[] => plan.kpis.map(() => null);
  const points: PayoutPoint[] = [];
  const threshold = opts.threshold;
  const below = compare15(now.score, threshold) < 0;
  if (below && threshold.gt(0)) {
    points.push({
      kind: "threshold",
      score: threshold,
      payout: payoutAt(threshold).payout,
      rival: null,
      changes: empty(),
    });
  }
  const from = below ? threshold : now.score;
  const paidFrom = below ? payoutAt(threshold).payout : now.payout;
  const nextX = (opts.curve ?? []).find((p) => p.x.gt(from) && payoutAt(p.x).payout.gt(paidFrom));
  if (nextX)
    points.push({ kind: "curve", score: nextX.x, payout: payoutAt(nextX.x).payout, rival: null, changes: empty() });
  // Top N may be a share of the team (docs/reference/plan.md ranking): the count it marks among the scored reps.
  const top = rankCutCount(plan.ranking.top, scored.reps.length);
  if (now.status !== "top" && top > 0) {
    // The others in rank order (their ranks do not depend on this rep's): the top-th of them is the one to pass.
    const others = scored.reps.filter((r) => r.rep !== now.rep);
    const rival = others[top - 1];
    if (rival) points.push({ kind: "top", score: rival.score, payout: null, rival: rival.rep, changes: empty() });
  }
  if (now.status === "coaching") {
    // Out of the bottom group: pass the others' (n − Bottom N)-th, then the rep ranks n − Bottom N at worst.
    const bottom = rankCutCount(plan.ranking.bottom, scored.reps.length);
    const others = scored.reps.filter((r) => r.rep !== now.rep);
    const rival = others[scored.reps.length - bottom - 1];
    if (rival) points.push({ kind: "leave", score: rival.score, payout: null, rival: rival.rep, changes: empty() });
  }
  // Nearest first; at the same score the order above (a stable sort).
  return points.sort((a, b) => a.score.comparedTo(b.score));
}

/**
 * The rep with the change applied. Deals are added first, then typed actuals replace the KPI's actual (a typed
 * revenue includes any deals). Null when the rep is not scored in the period.
 */
export function whatIf(base: WhatIfBaseline, rep: string, change: WhatIfChange = {}): WhatIfResult | null {
  const before = base.scored.reps.find((r) => r.rep === rep);
  if (!before) return null;
  const typed = change.actuals ?? [];
  const actuals = actualsWithDeals(base, before, change.deals ?? []).map((a, i) => typed[i] ?? a);
  const after = rescore(base, before, actuals);
  const next = pointsAhead(base, after);
  for (const p of next) p.changes = base.plan.kpis.map((_, k) => changeFor(base, before, actuals, after, p, k));
  return { before, after, reps: base.scored.reps.length, next };
}
