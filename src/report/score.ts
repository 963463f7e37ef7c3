/**
 * Scoring one period (docs/reference/plan.md): per rep and KPI the actual, target, attainment; weights
 * rescaled when a KPI cannot count; score, rank with the docs/reference/plan.md tie-break, Top / Coaching,
 * bonus from the score; team ranking (teams.ts); revenue by rep and period for Trends (trends.ts).
 * Exact decimals throughout (docs/reference/numbers.md); only the payout is rounded (by the engine).
 */
import type Decimal from "decimal.js";
import {
  aggregateByRep,
  attainment,
  bonusFromScore,
  compare15,
  dec,
  isEngineError,
  isPeriodKey,
  periodKey,
  periodRange,
  priorPeriod,
  rescaledScore,
  teamTotal,
  type AggColumn,
  type PeriodRange,
  type RepAggregate,
} from "../engine/index";
import { fieldLabel, usualDatesAndSpan, type DatesAndSpan } from "../ingest/index";
import type { DataIssue, IngestResult, MeasureRow, SalesRow } from "../ingest/types";
import { rankCutCount, streakKpiIndex, type Plan, type PlanKpi, type PeriodKind } from "../plan/index";
import { compareCodePoints } from "./compare";
import { resolveKpiSource, type KpiSource } from "./kpiSources";
import {
  datesBySalesRep,
  isProratedKpi,
  notActiveIssue,
  NOT_PRORATED,
  activeWindow,
  proratedIssue,
  prorationFactor,
} from "./proration";
import { measuresBySalesRep, RepMatcher, targetsBySalesRep, unmatchedMeasureRows } from "./repNames";
import { countedRead } from "./splitCredit";
import { rankTeams, type TeamScore } from "./teams";
import { trendsOf, type TrendRow } from "./trends";

export { compareCodePoints } from "./compare";
export { resolveKpiSource, SALES_FIELDS, type KpiSource } from "./kpiSources";
export { RepMatcher, repNameKey } from "./repNames";
export { rankTeams, type TeamScore } from "./teams";
export type { TrendRow } from "./trends";

export type TargetKind = "fixed" | "perMonth" | "growth" | "override" | "none";

export interface ScoredKpi {
  /** Aggregated value for the period; null = no values (an average over no rows) or no column. */
  actual: Decimal | null;
  /** Target for the period; null = none (growth without a positive prior, missing column). */
  target: Decimal | null;
  targetKind: TargetKind;
  /** Growth targets and the streak rule's growth: the rep's value in the prior period (null when none). */
  prior: Decimal | null;
  /** ATTAINMENT(actual, target, lower); null when the KPI does not count for this rep. */
  attainment: Decimal | null;
  /** Counted in the score (weight rescaled over the counted KPIs). */
  used: boolean;
  /** A team KPI (docs/reference/coaching.md): the team's Σ actuals and Σ targets; `attainment` is then the team's. */
  team?: { actual: Decimal; target: Decimal };
  /** A prorated target (docs/reference/plan.md "Joiners and leavers"): the target before proration. */
  unprorated?: Decimal;
}

export type RepStatus = "top" | "coaching" | null;

export interface ScoredRep {
  rep: string;
  team: string | null;
  /** Used sales rows of the rep in the period. */
  rows: number;
  kpis: ScoredKpi[];
  score: Decimal;
  rank: number;
  status: RepStatus;
  /** Payout factor and rounded payout from bonusFromScore (docs/reference/functions.md BONUS with the score). */
  factor: Decimal;
  payout: Decimal;
  /**
   * Proration factor (docs/reference/plan.md "Joiners and leavers"): the rep's active days in the period ÷ the
   * period's days, exact; 1 when not prorated. The rep's targets (sums and counts) are multiplied by it, and a draw is
   * prorated by it too.
   */
  proration: Decimal;
  /** A prorated rep's first and last active day inside the period (Excel serials): the factor's days. */
  active?: { from: number; to: number };
}

export interface ScoredPeriod {
  period: string;
  kind: PeriodKind;
  range: PeriodRange;
  priorPeriod: string;
  /** Per plan KPI: where its values come from ("missing" = skipped for everyone). */
  sources: KpiSource["kind"][];
  /** Ranked reps (rank 1 first). */
  reps: ScoredRep[];
  teams: TeamScore[];
  /** Issues found while scoring (KPI missing, weights rescaled …), for the Data issues tab. */
  issues: DataIssue[];
  trendPeriods: string[];
  trends: TrendRow[];
  /** Sum of the rounded payouts (docs/reference/numbers.md: totals are sums of rounded payouts). */
  totalPayout: Decimal;
  /**
   * Names on a measure sheet or the Targets that matched a sales rep only ignoring case ("neg" → "Neg"): the name
   * as normalised (trim, collapse spaces, NFKC) → the sales rep's spelling. Rows of such names belong to that rep.
   */
  repAliases: Map<string, string>;
  /** The rows' usual dates and span, found once per run (a pass over every row) for the period, Trends and the
   * breakdowns below Trends (docs/reference/robustness.md). */
  dates: DatesAndSpan;
}

export interface ScoreOptions {
  /** "2026-Q2", "2026-03", "2026": overrides the plan's period kind and scored period. */
  period?: string;
  /** Language of names written into data issues (a missing field is named by its header words). */
  lang?: "en" | "zh";
  /** Several plans (scorePlans): score only the reps this says are on the plan, ranked among themselves. */
  onlyReps?: (rep: string, team: string | null) => boolean;
}

/** The latest date of the sales rows, leaving out dates far from the others (docs/reference/robustness.md). */
function latestSerial(ingest: IngestResult, dates: DatesAndSpan): number | null {
  const { usual, span } = dates;
  // Every row within the usual dates (known from usualDatesAndSpan's pass): the latest is the latest row's.
  if (span !== null && (usual === null || span.max <= usual.last)) return span.max;
  let max = -Infinity;
  for (const r of ingest.rows)
    if (r.dateSerial > max && (usual === null || r.dateSerial <= usual.last)) max = r.dateSerial;
  if (max === -Infinity) for (const m of ingest.measures) if (m.dateSerial > max) max = m.dateSerial;
  return max === -Infinity ? null : max;
}

function issue(
  sheet: string,
  column: string | null,
  raw: string | null,
  reasonKey: string,
  params: Record<string, string | number>,
  action: DataIssue["action"] = "skipped",
): DataIssue {
  return { sheet, row: null, column, raw, action, reasonKey, params };
}

/** The period asked for (option, else the plan's), else the one holding the latest date of the data. */
function choosePeriod(ingest: IngestResult, plan: Plan, opts: ScoreOptions, dates: DatesAndSpan): string {
  const chosen = opts.period ?? plan.scoredPeriod ?? null;
  if (chosen !== null && isPeriodKey(chosen)) return chosen;
  // No dated row at all: ingest would have failed first; score an empty current period.
  return periodKey(latestSerial(ingest, dates) ?? 46023, plan.period);
}

/** Per-rep aggregates of every KPI in the scored period and its prior, from the sales rows and measure rows. */
class KpiValues {
  readonly salesNow: Map<string, RepAggregate>;
  readonly salesPrior: Map<string, RepAggregate> | undefined;
  readonly measNow: Map<string, RepAggregate> | undefined;
  readonly measPrior: Map<string, RepAggregate> | undefined;
  /** Measure rows under the sales rep they name. */
  readonly measures: MeasureRow[];
  readonly measureKeys: string[] = [];
  /** Per KPI: which aggregate column holds it (-1: the KPI's column is missing). */
  private readonly columnOf: { from: "sales" | "measures"; i: number }[] = [];

  constructor(
    ingest: IngestResult,
    private readonly plan: Plan,
    readonly sources: KpiSource[],
    ranges: PeriodRange[],
    matcher: RepMatcher,
    repTargets: ReadonlyMap<string, unknown>,
    aliases: Map<string, string>,
    issues: DataIssue[],
  ) {
    const salesCols: AggColumn<SalesRow>[] = [];
    const measureCols: AggColumn<MeasureRow>[] = [];
    this.sources.forEach((s, k) => {
      const kpi = plan.kpis[k];
      if (s.kind === "sales") {
        this.columnOf.push({ from: "sales", i: salesCols.length });
        salesCols.push({ aggregate: kpi.aggregate, read: countedRead(kpi.aggregate, s.read, plan) });
      } else if (s.kind === "measures") {
        const key = s.key;
        this.measureKeys.push(key);
        this.columnOf.push({ from: "measures", i: measureCols.length });
        measureCols.push({ aggregate: kpi.aggregate, read: (m) => m.values[key] });
      } else {
        this.columnOf.push({ from: "sales", i: -1 });
      }
    });
    [this.salesNow, this.salesPrior] = aggregateByRep(ingest.rows, salesCols, ranges, (r) => r.team);
    this.measures =
      measureCols.length > 0 ? measuresBySalesRep(ingest.measures, matcher, repTargets, aliases, issues) : [];
    [this.measNow, this.measPrior] =
      measureCols.length > 0 ? aggregateByRep(this.measures, measureCols, ranges) : [new Map(), new Map()];
  }

  missing(k: number): boolean {
    return this.sources[k].kind === "missing";
  }

  /** KPI k of a rep in the scored period (or its prior); a sum/count over no rows is 0, an average has none. */
  value(k: number, rep: string, prior = false): Decimal | null {
    const c = this.columnOf[k];
    if (c.i < 0) return null;
    const agg = this.aggregates(k, prior)?.get(rep);
    if (agg) return agg.cells[c.i].result();
    return this.plan.kpis[k].aggregate === "average" ? null : dec(0);
  }

  /** The rep has rows for KPI k in the prior period. */
  hadPriorRows(k: number, rep: string): boolean {
    return this.aggregates(k, true)?.has(rep) ?? false;
  }

  private aggregates(k: number, prior: boolean): Map<string, RepAggregate> | undefined {
    if (this.columnOf[k].from === "sales") return prior ? this.salesPrior : this.salesNow;
    return prior ? this.measPrior : this.measNow;
  }
}

/** Score the chosen period (default: the plan's, else the latest in the data). */
export function scorePeriod(ingest: IngestResult, plan: Plan, opts: ScoreOptions = {}): ScoredPeriod {
  // The usual dates (a pass over every row) are found once here for both the period and Trends.
  const dates = usualDatesAndSpan(ingest.rows);
  const period = choosePeriod(ingest, plan, opts, dates);
  const range = periodRange(period)!;
  const prior = priorPeriod(period)!;
  const issues: DataIssue[] = [];
  const sheet = ingest.mapping.sheet;

  const sources = plan.kpis.map((k) => resolveKpiSource(k, ingest));
  sources.forEach((s, k) => {
    if (s.kind !== "missing") return;
    const kpi = plan.kpis[k];
    const field = kpi.measure.field;
    const column = kpi.measure.header ?? (field ? fieldLabel(field, opts.lang ?? "en") : "");
    issues.push(issue(sheet, column, null, "kpiColumnMissing", { kpi: kpi.name, column }));
  });
  // Names on Targets and measure sheets find their sales rep ignoring case (no phantom "carl" beside "Carl").
  const matcher = new RepMatcher(ingest.rows);
  const repAliases = new Map<string, string>();
  const repTargets = targetsBySalesRep(plan, matcher, repAliases, (name, rep, sales) =>
    issues.push(issue(sheet, null, name, sales ? "targetRepMatched" : "targetNamesMerged", { name, rep }, "merged")),
  );
  // The streak rule's growth (docs/reference/plan.md "Streak rule") also needs the prior period's actual.
  const streakK = plan.streak?.of === "growth" ? streakKpiIndex(plan) : -1;
  const needPrior = plan.kpis.some((k) => k.target.kind === "growth") || streakK >= 0;
  const ranges = needPrior ? [range, periodRange(prior)!] : [range];
  const values = new KpiValues(ingest, plan, sources, ranges, matcher, repTargets, repAliases, issues);

  // Scored reps: a used sales row in the period, or named on the Targets sheet (docs/reference/plan.md).
  const names = new Set<string>(values.salesNow.keys());
  for (const name of repTargets.keys()) names.add(name);
  const teamAnywhere = latestTeams(ingest, repTargets, values.salesNow);
  const only = opts.onlyReps;
  const inPlan = (rep: string): boolean =>
    only === undefined || only(rep, values.salesNow.get(rep)?.team ?? teamAnywhere.get(rep) ?? null);
  // Joiners and leavers: a rep with no active day in the period is not scored (listed, their rows still reconciled).
  const prorations = new Map<string, { factor: Decimal; active: { from: number; to: number } }>();
  if (plan.people !== undefined) {
    issues.push(...plan.people.issues);
    for (const [rep, dates] of datesBySalesRep(plan.people, matcher, repTargets, issues)) {
      const factor = prorationFactor(dates, range);
      if (factor.isZero() && names.delete(rep)) issues.push(notActiveIssue(rep, dates, period, range, ingest.rows));
      else if (!factor.isZero() && !factor.eq(NOT_PRORATED) && names.has(rep)) {
        prorations.set(rep, { factor, active: activeWindow(dates, range) });
        issues.push(proratedIssue(rep, dates, period, range));
      }
    }
  }
  for (const rep of repTargets.keys()) {
    if (values.salesNow.has(rep) || !names.has(rep) || !inPlan(rep)) continue;
    // Kept (docs/reference/plan.md scores them) but listed: a name only on Targets is often a misspelt one.
    const known = matcher.match(rep) !== null;
    issues.push(
      issue(sheet, null, rep, known ? "targetRepNoSalesInPeriod" : "targetRepNotFound", { rep, period }, "kept"),
    );
  }
  issues.push(...unmatchedMeasureRows(values.measures, values.measureKeys, period, range, names, matcher));
  if (only !== undefined) for (const rep of names) if (!inPlan(rep)) names.delete(rep);

  const scored: ScoredRep[] = [];
  // Per rep the KPIs first (their issues kept in rep order), then team KPIs share their team's attainment, then scores.
  const entries = [...names].map((rep) => {
    const now = values.salesNow.get(rep);
    const kpiIssues: DataIssue[] = [];
    const proration = prorations.get(rep)?.factor ?? null;
    const kpis = plan.kpis.map((kpi, k) =>
      scoreKpi(kpi, k, rep, values, repTargets.get(rep)?.[kpi.name], range, prior, proration, (reasonKey, params) =>
        kpiIssues.push(issue(sheet, kpi.name, rep, reasonKey, params)),
      ),
    );
    if (streakK >= 0) {
      const sk = kpis[streakK];
      if (sk.prior === null && values.hadPriorRows(streakK, rep)) sk.prior = values.value(streakK, rep, true);
    }
    return { rep, now, kpis, kpiIssues, team: now?.team ?? teamAnywhere.get(rep) ?? null };
  });
  shareTeamAttainments(plan, entries);
  for (const { rep, now, kpis, kpiIssues, team } of entries) {
    issues.push(...kpiIssues);
    // docs/reference/plan.md: score over the KPIs that count for this rep, their weights scaled back to 100 %.
    const { score, weight } = rescaledScore(
      kpis.map((x) => x.attainment),
      plan.kpis.map((kpi) => dec(kpi.weight)),
      plan.kpis.map((kpi) => (kpi.cap === null ? null : dec(kpi.cap))),
    );
    const allUsed = kpis.every((x, k) => x.used || values.missing(k));
    if (!allUsed && weight.gt(0)) {
      issues.push(issue(sheet, null, rep, "weightsRescaled", { rep, weight: weight.times(100).toString() + "%" }));
    }
    if (weight.isZero()) issues.push(issue(sheet, null, rep, "noKpiScored", { rep }));
    scored.push({
      rep,
      team,
      rows: now?.rows ?? 0,
      kpis,
      score,
      rank: 0,
      status: null,
      factor: dec(0),
      payout: dec(0),
      proration: prorations.get(rep)?.factor ?? NOT_PRORATED,
      ...(prorations.has(rep) ? { active: prorations.get(rep)!.active } : {}),
    });
  }
  const totalPayout = rankAndPay(scored, plan);

  return {
    period,
    kind: range.kind,
    range,
    priorPeriod: prior,
    sources: sources.map((s) => s.kind),
    reps: scored,
    teams: rankTeams(scored),
    issues,
    ...trendsOf(ingest, dates, range.kind, period, prior),
    totalPayout,
    repAliases,
    dates,
  };
}

/**
 * Team KPIs (docs/reference/coaching.md): for a KPI scored on the team, every member for whom it counts takes the
 * team's attainment — Σ actuals ÷ Σ targets of those members; teams match ignoring case, as the Scorecard's "=" does.
 * A rep without a team keeps their own.
 */
function shareTeamAttainments(plan: Plan, entries: readonly { team: string | null; kpis: ScoredKpi[] }[]): void {
  plan.kpis.forEach((kpi, k) => {
    if (kpi.scope !== "team") return;
    const byTeam = new Map<string, ScoredKpi[]>();
    for (const e of entries) {
      const sk = e.kpis[k];
      if (e.team === null || e.team === "" || sk.attainment === null) continue;
      const key = e.team.toLowerCase();
      byTeam.set(key, [...(byTeam.get(key) ?? []), sk]);
    }
    for (const members of byTeam.values()) {
      const total = teamTotal(
        members.map((m) => ({ actual: m.actual!, target: m.target! })),
        kpi.direction === "lower",
      );
      if (total === null) continue;
      for (const m of members) {
        m.attainment = total.attainment;
        m.team = { actual: total.actual, target: total.target };
      }
    }
  });
}

/** A rep known only from Targets takes the team of their latest row anywhere. */
function latestTeams(
  ingest: IngestResult,
  repTargets: ReadonlyMap<string, unknown>,
  salesNow: ReadonlyMap<string, unknown>,
): Map<string, string> {
  const teams = new Map<string, string>();
  if (![...repTargets.keys()].some((n) => !salesNow.has(n))) return teams;
  const serials = new Map<string, number>();
  for (const r of ingest.rows) {
    if (r.team && r.dateSerial >= (serials.get(r.rep) ?? -Infinity)) {
      serials.set(r.rep, r.dateSerial);
      teams.set(r.rep, r.team);
    }
  }
  return teams;
}

/** One KPI of one rep: actual, the target that applies (own, fixed, per month, growth) and the attainment. */
function scoreKpi(
  kpi: PlanKpi,
  k: number,
  rep: string,
  values: KpiValues,
  own: number | null | undefined,
  range: PeriodRange,
  prior: string,
  proration: Decimal | null,
  report: (reasonKey: string, params: Record<string, string | number>) => void,
): ScoredKpi {
  const missing = values.missing(k);
  const actual = missing ? null : values.value(k, rep);
  let target: Decimal | null = null;
  let targetKind: TargetKind = "none";
  let priorValue: Decimal | null = null;
  if (missing) {
    // skipped for everyone, reported once by KpiValues
  } else if (own !== undefined && own !== null && Number.isFinite(own)) {
    target = dec(own);
    targetKind = "override";
  } else if (kpi.target.kind === "fixed") {
    target = dec(kpi.target.value);
    targetKind = "fixed";
  } else if (kpi.target.kind === "perMonth") {
    target = dec(kpi.target.value).times(range.months);
    targetKind = "perMonth";
  } else {
    priorValue = values.hadPriorRows(k, rep) ? values.value(k, rep, true) : null;
    if (priorValue !== null && priorValue.gt(0)) {
      target = priorValue.times(dec(1).plus(dec(kpi.target.rate)));
      targetKind = "growth";
    } else {
      report(priorValue === null ? "growthNoPrior" : "growthPriorNotPositive", {
        rep,
        kpi: kpi.name,
        prior,
        value: priorValue === null ? "" : priorValue.toString(),
      });
    }
  }
  // Joiners and leavers (docs/reference/plan.md): every kind of target, the rep's own too, for the days active.
  let unprorated: Decimal | undefined;
  if (target !== null && proration !== null && isProratedKpi(kpi)) {
    unprorated = target;
    target = target.times(proration);
  }
  let att: Decimal | null = null;
  if (!missing && target !== null) {
    if (actual === null) {
      report("kpiNoValues", { rep, kpi: kpi.name });
    } else {
      const a = attainment(actual, target, kpi.direction === "lower");
      if (isEngineError(a)) {
        report("kpiTargetNotPositive", { rep, kpi: kpi.name, target: target.toString() });
        target = null;
        targetKind = "none";
      } else {
        att = a;
      }
    }
  }
  const scoredKpi: ScoredKpi = { actual, target, targetKind, prior: priorValue, attainment: att, used: att !== null };
  if (unprorated !== undefined && target !== null) scoredKpi.unprorated = unprorated;
  return scoredKpi;
}

/**
 * docs/reference/plan.md ranking: score desc; ties by the first KPI's actual desc, then rep name (code points);
 * Top / Coaching by rank; the bonus from the score. Sorts `scored` in place and returns the sum of the rounded
 * payouts. Exported for the pane's what-if (whatIf.ts), which re-ranks with one rep changed.
 */
export function rankAndPay(scored: ScoredRep[], plan: Plan): Decimal {
  const firstActual = (r: ScoredRep): Decimal => r.kpis[0]?.actual ?? dec(0);
  scored.sort(
    (a, b) =>
      compare15(b.score, a.score) || compare15(firstActual(b), firstActual(a)) || compareCodePoints(a.rep, b.rep),
  );
  const n = scored.length;
  const bonus = plan.bonus;
  const bonusOpts = {
    curve: bonus.curve ? bonus.curve.map(([x, y]) => ({ x: dec(x), y: dec(y) })) : null,
    threshold: dec(bonus.threshold),
    cap: bonus.cap === null ? null : dec(bonus.cap),
    decimals: plan.currencyDecimals,
  };
  // Counts or shares of the team (docs/reference/plan.md: "20%" of 9 reps is 1).
  const top = rankCutCount(plan.ranking.top, n);
  const bottom = rankCutCount(plan.ranking.bottom, n);
  let totalPayout = dec(0);
  scored.forEach((r, i) => {
    r.rank = i + 1;
    r.status = r.rank <= top ? "top" : r.rank > n - bottom ? "coaching" : null;
    const b = bonusFromScore(r.score, dec(bonus.targetBonus), bonusOpts);
    r.factor = b.factor;
    r.payout = b.payout;
    totalPayout = totalPayout.plus(b.payout);
  });
  return totalPayout;
}
