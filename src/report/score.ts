/**
 * Scoring one period (docs/reference/plan.md): per rep and KPI the actual, target, attainment; weights
 * rescaled when a KPI cannot count; score, rank with the docs/reference/plan.md tie-break, Top / Coaching,
 * bonus from the score; team ranking; revenue by rep and period for Trends.
 * Exact decimals throughout (docs/reference/numbers.md); only the payout is rounded (by the engine).
 */
import type Decimal from "decimal.js";
import {
  aggregateByRep,
  attainment,
  bonusFromScore,
  compare15,
  dec,
  growth,
  isEngineError,
  sumByRepAndPeriod,
  comparePeriodKeys,
  isPeriodKey,
  periodKey,
  periodRange,
  periodsBetween,
  priorPeriod,
  type AggColumn,
  type PeriodRange,
  type RepAggregate,
} from "../engine/index";
import { fieldLabel } from "../ingest/index";
import type { DataIssue, IngestResult, MeasureRow, SalesRow, StandardField } from "../ingest/types";
import { normaliseRepName, type Plan, type PlanKpi, type PeriodKind } from "../plan/index";

/** Where a KPI's values come from: the sales table, another sheet's measure rows, or nowhere. */
export type KpiSource =
  { kind: "sales"; read: (row: SalesRow) => unknown } | { kind: "measures"; key: string } | { kind: "missing" };

export type TargetKind = "fixed" | "perMonth" | "growth" | "override" | "none";

export interface ScoredKpi {
  /** Aggregated value for the period; null = no values (an average over no rows) or no column. */
  actual: Decimal | null;
  /** Target for the period; null = none (growth without a positive prior, missing column). */
  target: Decimal | null;
  targetKind: TargetKind;
  /** Growth targets: the rep's value in the prior period (null when none). */
  prior: Decimal | null;
  /** ATTAINMENT(actual, target, lower); null when the KPI does not count for this rep. */
  attainment: Decimal | null;
  /** Counted in the score (weight rescaled over the counted KPIs). */
  used: boolean;
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
}

export interface TeamScore {
  team: string;
  averageScore: Decimal;
  reps: number;
  rank: number;
}

export interface TrendRow {
  rep: string;
  /** Revenue per period of `ScoredPeriod.trendPeriods`; null = no sales that period. */
  values: (Decimal | null)[];
  /** Growth of the scored period over its prior; null when either is missing or the prior is 0. */
  growth: Decimal | null;
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
}

export interface ScoreOptions {
  /** "2026-Q2", "2026-03", "2026": overrides the plan's period kind and scored period. */
  period?: string;
  /** Language of names written into data issues (a missing field is named by its header words). */
  lang?: "en" | "zh";
}

/** Compare strings by Unicode code point (not UTF-16 units), as docs/reference/plan.md asks for ties. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) encodes a code point ≥ 0x10000: above every BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** A standard field's value on a typed sales row: the KPI readers and the statements' Sales tab read through these. */
export const SALES_FIELDS: Record<StandardField, (r: SalesRow) => number | string | boolean | null> = {
  rep: (r) => r.rep,
  team: (r) => r.team,
  date: (r) => r.dateSerial,
  amount: (r) => r.amount,
  customer: (r) => r.customer,
  newCustomer: (r) => r.newCustomer,
  satisfaction: (r) => r.satisfaction,
  behaviour: (r) => r.behaviour,
};

/** Find a KPI's column: a mapped sales field, a sales header, else a measure sheet's column. */
export function resolveKpiSource(kpi: PlanKpi, ingest: IngestResult): KpiSource {
  const { field, header } = kpi.measure;
  const cols = ingest.mapping.columns;
  if (field !== null) {
    if (cols[field] !== undefined) return { kind: "sales", read: SALES_FIELDS[field] };
    if (ingest.measures.some((m) => m.values[field] !== undefined)) return { kind: "measures", key: field };
    return { kind: "missing" };
  }
  if (header !== null) {
    const h = ingest.mapping.headers.find((x) => x.header === header);
    if (h !== undefined) {
      // A header that is also a mapped standard column is read through its typed field.
      const std = (Object.keys(cols) as StandardField[]).find((f) => cols[f] === h.col);
      if (std !== undefined) return { kind: "sales", read: SALES_FIELDS[std] };
      return { kind: "sales", read: (r) => r.extra[header] };
    }
    if (ingest.measures.some((m) => m.values[header] !== undefined)) return { kind: "measures", key: header };
  }
  return { kind: "missing" };
}

function latestSerial(ingest: IngestResult): number | null {
  let max = -Infinity;
  for (const r of ingest.rows) if (r.dateSerial > max) max = r.dateSerial;
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

/** A rep name as compared across sheets: docs/reference/cleaning.md's normalisation, then case-insensitive (Excel users expect
 * "carl" on a Ratings or Targets sheet to be the "Carl" of the sales table; Excel's own "=" ignores case). */
export function repNameKey(name: string): string {
  return normaliseRepName(name).toLowerCase();
}

/**
 * Finds the sales rep a name on another sheet means: the same spelling, else the same name ignoring case (the
 * first spelling met in the sales rows when the sales table itself holds several), else null.
 */
export class RepMatcher {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(rows: readonly SalesRow[]) {
    let last: string | undefined;
    for (const r of rows) {
      // Sales rows come in runs of one rep: skip the lookups on a repeat.
      if (r.rep === last) continue;
      last = r.rep;
      if (this.exact.has(r.rep)) continue;
      this.exact.add(r.rep);
      const k = repNameKey(r.rep);
      if (!this.folded.has(k)) this.folded.set(k, r.rep);
    }
  }

  /** The sales rep's spelling for a normalised name, or null when no sales rep has that name. */
  match(name: string): string | null {
    if (this.exact.has(name)) return name;
    return this.folded.get(repNameKey(name)) ?? null;
  }
}

/** Score the chosen period (default: the plan's, else the latest in the data). */
export function scorePeriod(ingest: IngestResult, plan: Plan, opts: ScoreOptions = {}): ScoredPeriod {
  const chosen = opts.period ?? plan.scoredPeriod ?? null;
  let period: string;
  if (chosen !== null && isPeriodKey(chosen)) {
    period = chosen;
  } else {
    const last = latestSerial(ingest);
    // No dated row at all: ingest would have failed first; score an empty current period.
    period = periodKey(last ?? 46023, plan.period);
  }
  const range = periodRange(period)!;
  const kind = range.kind;
  const prior = priorPeriod(period)!;
  const priorRange = periodRange(prior)!;
  const issues: DataIssue[] = [];
  const sheet = ingest.mapping.sheet;

  // Aggregate sales KPIs and measure KPIs for the period and its prior, one pass each.
  const sources = plan.kpis.map((k) => resolveKpiSource(k, ingest));
  const salesCols: AggColumn<SalesRow>[] = [];
  const measureCols: AggColumn<MeasureRow>[] = [];
  const colIndex: { from: "sales" | "measures"; i: number }[] = [];
  const measureKeys: string[] = [];
  sources.forEach((s, k) => {
    const aggregate = plan.kpis[k].aggregate;
    if (s.kind === "sales") {
      colIndex.push({ from: "sales", i: salesCols.length });
      salesCols.push({ aggregate, read: s.read });
    } else if (s.kind === "measures") {
      const key = s.key;
      measureKeys.push(key);
      colIndex.push({ from: "measures", i: measureCols.length });
      measureCols.push({ aggregate, read: (m) => m.values[key] });
    } else {
      colIndex.push({ from: "sales", i: -1 });
      const kpi = plan.kpis[k];
      const field = kpi.measure.field;
      const column = kpi.measure.header ?? (field ? fieldLabel(field, opts.lang ?? "en") : "");
      issues.push(issue(sheet, column, null, "kpiColumnMissing", { kpi: kpi.name, column }));
    }
  });
  const needPrior = plan.kpis.some((k) => k.target.kind === "growth");
  const ranges = needPrior ? [range, priorRange] : [range];
  const [salesNow, salesPrior] = aggregateByRep(ingest.rows, salesCols, ranges, (r) => r.team);

  // Names on Targets and measure sheets find their sales rep ignoring case (no phantom "carl" beside "Carl").
  const matcher = new RepMatcher(ingest.rows);
  const repAliases = new Map<string, string>();
  const repTargets = targetsBySalesRep(plan, matcher, repAliases, (name, rep, sales) =>
    issues.push(issue(sheet, null, name, sales ? "targetRepMatched" : "targetNamesMerged", { name, rep }, "merged")),
  );
  const measures =
    measureCols.length > 0 ? measuresBySalesRep(ingest.measures, matcher, repTargets, repAliases, issues) : [];
  const [measNow, measPrior] =
    measureCols.length > 0 ? aggregateByRep(measures, measureCols, ranges) : [new Map(), new Map()];

  // Scored reps: a used sales row in the period, or named on the Targets sheet (docs/reference/plan.md).
  const names = new Set<string>(salesNow.keys());
  for (const name of repTargets.keys()) names.add(name);
  for (const rep of repTargets.keys()) {
    if (salesNow.has(rep)) continue;
    // Kept (docs/reference/plan.md scores them) but listed: a name only on Targets is often a misspelt one.
    const known = matcher.match(rep) !== null;
    issues.push(
      issue(sheet, null, rep, known ? "targetRepNoSalesInPeriod" : "targetRepNotFound", { rep, period }, "kept"),
    );
  }
  issues.push(...unmatchedMeasureRows(measures, measureKeys, period, range, names, matcher));
  // A rep known only from Targets takes the team of their latest row anywhere.
  const teamAnywhere = new Map<string, string>();
  if ([...repTargets.keys()].some((n) => !salesNow.has(n))) {
    const serials = new Map<string, number>();
    for (const r of ingest.rows) {
      if (r.team && r.dateSerial >= (serials.get(r.rep) ?? -Infinity)) {
        serials.set(r.rep, r.dateSerial);
        teamAnywhere.set(r.rep, r.team);
      }
    }
  }

  const valueOf = (
    k: number,
    rep: string,
    sales: Map<string, RepAggregate> | undefined,
    meas: Map<string, RepAggregate> | undefined,
  ): Decimal | null => {
    const c = colIndex[k];
    if (c.i < 0) return null;
    const agg = (c.from === "sales" ? sales : meas)?.get(rep);
    if (agg) return agg.cells[c.i].result();
    // No rows for this rep: a sum/count is 0, an average has no values.
    return plan.kpis[k].aggregate === "average" ? null : dec(0);
  };

  const scored: ScoredRep[] = [];
  for (const rep of names) {
    const now = salesNow.get(rep);
    const override = repTargets.get(rep);
    const kpis: ScoredKpi[] = plan.kpis.map((kpi, k) => {
      const missing = sources[k].kind === "missing";
      const actual = missing ? null : valueOf(k, rep, salesNow, measNow);
      let target: Decimal | null = null;
      let targetKind: TargetKind = "none";
      let priorValue: Decimal | null = null;
      const own = override?.[kpi.name];
      if (missing) {
        // skipped for everyone, reported once above
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
        priorValue = valueOf(k, rep, salesPrior, measPrior);
        const hadPriorRows = (colIndex[k].from === "sales" ? salesPrior : measPrior)?.has(rep) ?? false;
        if (!hadPriorRows) priorValue = null;
        if (priorValue !== null && priorValue.gt(0)) {
          target = priorValue.times(dec(1).plus(dec(kpi.target.rate)));
          targetKind = "growth";
        } else {
          issues.push(
            issue(sheet, kpi.name, rep, priorValue === null ? "growthNoPrior" : "growthPriorNotPositive", {
              rep,
              kpi: kpi.name,
              prior,
              value: priorValue === null ? "" : priorValue.toString(),
            }),
          );
        }
      }
      let att: Decimal | null = null;
      if (!missing && target !== null) {
        if (actual === null) {
          issues.push(issue(sheet, kpi.name, rep, "kpiNoValues", { rep, kpi: kpi.name }));
        } else {
          const a = attainment(actual, target, kpi.direction === "lower");
          if (isEngineError(a)) {
            issues.push(
              issue(sheet, kpi.name, rep, "kpiTargetNotPositive", { rep, kpi: kpi.name, target: target.toString() }),
            );
            target = null;
            targetKind = "none";
          } else {
            att = a;
          }
        }
      }
      return { actual, target, targetKind, prior: priorValue, attainment: att, used: att !== null };
    });
    // docs/reference/plan.md: score over the KPIs that count for this rep, their weights scaled back to 100 %.
    let wSum = dec(0);
    let weighted = dec(0);
    plan.kpis.forEach((kpi, k) => {
      const a = kpis[k].attainment;
      if (a === null) return;
      const w = dec(kpi.weight);
      let c = a.lt(0) ? dec(0) : a;
      if (kpi.cap !== null && c.gt(dec(kpi.cap))) c = dec(kpi.cap);
      wSum = wSum.plus(w);
      weighted = weighted.plus(w.times(c));
    });
    const allUsed = kpis.every((x, k) => x.used || sources[k].kind === "missing");
    if (!allUsed && wSum.gt(0)) {
      issues.push(issue(sheet, null, rep, "weightsRescaled", { rep, weight: wSum.times(100).toString() + "%" }));
    }
    if (wSum.isZero()) issues.push(issue(sheet, null, rep, "noKpiScored", { rep }));
    const score = wSum.isZero() ? dec(0) : weighted.div(wSum);
    const team = now?.team ?? teamAnywhere.get(rep) ?? null;
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
    });
  }

  // docs/reference/plan.md ranking: score desc; ties by the first KPI's actual desc, then rep name (code points).
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
  let totalPayout = dec(0);
  scored.forEach((r, i) => {
    r.rank = i + 1;
    r.status = r.rank <= plan.ranking.top ? "top" : r.rank > n - plan.ranking.bottom ? "coaching" : null;
    const b = bonusFromScore(r.score, dec(bonus.targetBonus), bonusOpts);
    r.factor = b.factor;
    r.payout = b.payout;
    totalPayout = totalPayout.plus(b.payout);
  });

  return {
    period,
    kind,
    range,
    priorPeriod: prior,
    sources: sources.map((s) => s.kind),
    reps: scored,
    teams: rankTeams(scored),
    issues,
    ...trendsOf(ingest, kind, period, prior),
    totalPayout,
    repAliases,
  };
}

/**
 * The per-rep targets by the sales rep they name (docs/reference/plan.md). A name matching a sales rep only ignoring case is that
 * rep (reported through `onAlias`); where both spellings set one KPI, the rep's own spelling wins. A name matching no
 * sales rep stays a rep of its own (scored per docs/reference/plan.md), spellings of it that differ in case joined (and reported).
 */
function targetsBySalesRep(
  plan: Plan,
  matcher: RepMatcher,
  aliases: Map<string, string>,
  onAlias: (name: string, rep: string, salesRep: boolean) => void,
): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const targetsOnly = new Map<string, string>();
  for (const [given, targets] of Object.entries(plan.repTargets ?? {})) {
    const name = normaliseRepName(given);
    let rep = matcher.match(name);
    const salesRep = rep !== null;
    if (rep === null) {
      const key = repNameKey(name);
      rep = targetsOnly.get(key) ?? name;
      targetsOnly.set(key, rep);
    }
    if (rep !== name && !aliases.has(name)) {
      aliases.set(name, rep);
      onAlias(name, rep, salesRep);
    }
    const own = out.get(rep) ?? {};
    for (const [kpi, value] of Object.entries(targets)) if (rep === name || !(kpi in own)) own[kpi] = value;
    out.set(rep, own);
  }
  return out;
}

/**
 * Measure rows (a Ratings sheet …) under the sales rep (or Targets rep) their name means, ignoring case; each such
 * spelling is listed once per sheet ("merged", docs/reference/cleaning.md: merges are listed). Unmatched names stay as they are.
 */
function measuresBySalesRep(
  rows: readonly MeasureRow[],
  matcher: RepMatcher,
  repTargets: ReadonlyMap<string, unknown>,
  aliases: Map<string, string>,
  issues: DataIssue[],
): MeasureRow[] {
  const targetsByKey = new Map<string, string>();
  for (const rep of repTargets.keys()) if (!targetsByKey.has(repNameKey(rep))) targetsByKey.set(repNameKey(rep), rep);
  const resolved = new Map<string, string>();
  const merged = new Map<string, DataIssue>();
  return rows.map((m) => {
    let rep = resolved.get(m.rep);
    if (rep === undefined) {
      rep = matcher.match(m.rep) ?? targetsByKey.get(repNameKey(m.rep)) ?? m.rep;
      resolved.set(m.rep, rep);
    }
    if (rep === m.rep) return m;
    if (!aliases.has(m.rep)) aliases.set(m.rep, rep);
    const key = `${m.sheet}\u0000${m.rep}`;
    const seen = merged.get(key);
    if (seen) seen.params!.rows = (seen.params!.rows as number) + 1;
    else {
      const x: DataIssue = {
        sheet: m.sheet,
        row: m.sheetRow,
        column: null,
        raw: m.rep,
        action: "merged",
        reasonKey: "measureRepMatched",
        params: { name: m.rep, rep, rows: 1 },
      };
      merged.set(key, x);
      issues.push(x);
    }
    return { ...m, rep };
  });
}

/**
 * Measure rows of the scored period whose rep is not scored (docs/reference/cleaning.md: nothing dropped silently): a name no sales
 * rep has (a typo, someone who sold nothing) or a rep with no sales in the period. Only rows holding a value a KPI
 * reads count; the rows are listed one by one with their sheet and row.
 */
function unmatchedMeasureRows(
  rows: readonly MeasureRow[],
  keys: readonly string[],
  period: string,
  range: PeriodRange,
  scored: ReadonlySet<string>,
  matcher: RepMatcher,
): DataIssue[] {
  const out: DataIssue[] = [];
  if (keys.length === 0) return out;
  for (const m of rows) {
    if (scored.has(m.rep) || m.dateSerial < range.startSerial || m.dateSerial > range.endSerial) continue;
    if (!keys.some((k) => m.values[k] !== undefined)) continue;
    const known = matcher.match(m.rep) !== null;
    out.push({
      sheet: m.sheet,
      row: m.sheetRow,
      column: null,
      raw: m.rep,
      action: "ignored",
      reasonKey: known ? "measureRepNotScored" : "measureRepNotFound",
      params: { rep: m.rep, period },
    });
  }
  return out;
}

/** Team ranking by average score (docs/reference/plan.md). Teams match case-insensitively, as Excel's "=" does
 * in the Ranking tab's formulas; the first spelling met names the team. */
export function rankTeams(reps: readonly ScoredRep[]): TeamScore[] {
  const byKey = new Map<string, { team: string; sum: Decimal; reps: number }>();
  const ordered = [...reps].sort((a, b) => compareCodePoints(a.rep, b.rep));
  for (const r of ordered) {
    if (r.team === null || r.team === "") continue;
    const key = r.team.toLowerCase();
    const t = byKey.get(key) ?? { team: r.team, sum: dec(0), reps: 0 };
    t.sum = t.sum.plus(r.score);
    t.reps++;
    byKey.set(key, t);
  }
  const teams = [...byKey.values()].map((t) => ({
    team: t.team,
    averageScore: t.sum.div(t.reps),
    reps: t.reps,
    rank: 0,
  }));
  teams.sort((a, b) => compare15(b.averageScore, a.averageScore) || compareCodePoints(a.team, b.team));
  teams.forEach((t, i) => (t.rank = i + 1));
  return teams;
}

function trendsOf(
  ingest: IngestResult,
  kind: PeriodKind,
  period: string,
  prior: string,
): { trendPeriods: string[]; trends: TrendRow[] } {
  const sums = sumByRepAndPeriod(
    ingest.rows,
    (r) => r.amount,
    (s) => periodKey(s, kind),
  );
  let min = Infinity;
  let max = -Infinity;
  for (const byKey of sums.values()) {
    for (const key of byKey.keys()) {
      const r = periodRange(key)!;
      if (r.startSerial < min) min = r.startSerial;
      if (r.startSerial > max) max = r.startSerial;
    }
  }
  const scored = periodRange(period)!;
  if (scored.startSerial > max) max = scored.startSerial;
  if (min === Infinity) min = scored.startSerial;
  // Contiguous, chronological periods so the line chart's x axis has no holes.
  const periods = periodsBetween(min, max, kind).sort(comparePeriodKeys);
  const trends: TrendRow[] = [...sums.keys()].sort(compareCodePoints).map((rep) => {
    const byKey = sums.get(rep)!;
    const values = periods.map((p) => byKey.get(p) ?? null);
    // GROWTH (docs/reference/functions.md) of the scored period over its prior: a prior with sales but none now is −100 %.
    const cur = byKey.get(period) ?? dec(0);
    const pre = byKey.get(prior) ?? null;
    const x = pre === null ? null : growth(cur, pre);
    const g = x === null || isEngineError(x) ? null : x;
    return { rep, values, growth: g };
  });
  return { trendPeriods: periods, trends };
}
