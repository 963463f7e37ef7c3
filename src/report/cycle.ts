/**
 * The pay cycle on the Trends tab (docs/reference/tabs.md Trends): blocks appended under the breakdowns —
 * - the prior period's actuals that growth targets refer to (the Scorecard's target is `that cell × (1 + growth)`),
 * - score, rank and status per rep over the closed periods of the History (values, as closed) and the scored period
 *   (formulas on the Scorecard), with a line chart of the scores,
 * - the review streak (docs/reference/plan.md "Streak rule"): per period the value the rule tests and each rep's run
 *   of consecutive periods meeting it, back from the scored period — a formula on the Plan tab's "at least" cell.
 * The closed periods' figures are the History's as closed; today's data changes only the scored period's.
 */
import type Decimal from "decimal.js";
import { comparePeriodKeys, dec, periodRange, periodsBetween, priorPeriod } from "../engine/index";
import type { ClosedPeriod, ClosedRep, History } from "../history/types";
import { t, type Lang } from "../i18n/index";
import { percentFormat, streakKpiIndex, type Plan, type StreakCells } from "../plan/index";
import { normaliseWord, streakTestWord } from "../plan/vocab";
import { formatNumber } from "../sheet";
import { absAddr, formula, num, PCT, sheetRef, text } from "./cells";
import { MAX_TREND_REPS, TOP_TREND_REPS, TREND_COLORS } from "./chartPalette";
import { compareNames } from "./compare";
import { kpiFormat, scorecardCols, statusText } from "./formulas";
import type { ChartSpec, ReportCell, ReportSheet } from "./model";
import type { ScoredPeriod, ScoredRep } from "./score";
import { MAX_TREND_PERIODS } from "./trends";

/** A streak test's value is compared at 10 decimals: (c − p) / |p| in binary can miss 10 % by 1e-17. */
export const STREAK_DECIMALS = 10;

export interface CycleContext {
  lang: Lang;
  plan: Plan;
  scored: ScoredPeriod;
  /** Scorecard rows in sheet order: a rep's Scorecard row is its index + 2. */
  byName: readonly ScoredRep[];
  money: string;
  names: { trends: string; scorecard: string; plan: string };
  history?: History;
  /** The Plan tab's streak rule cells, when the plan has a rule. */
  streakCells?: StreakCells;
  /**
   * Where a scored rep's line is on the Scorecard and the plan it is scored on (several plans stack their parts,
   * docs/reference/plan.md "A plan per role or team"); absent = one plan, the rep's row is its byName index + 2.
   */
  placeOf?: (rep: string) => RepPlace | undefined;
}

/** A scored rep's Scorecard row and plan (whose KPIs its ScoredRep.kpis follow). */
export interface RepPlace {
  row: number;
  plan: Plan;
}

/** The KPI of `plan` a streak rule names (ignoring case), or -1. */
function kpiIndexOf(plan: Plan, name: string): number {
  const key = normaliseWord(name);
  return plan.kpis.findIndex((k) => normaliseWord(k.name) === key);
}

/** The closed periods of the scored period's kind before it, and the columns from the first of them to it. */
export interface ClosedColumns {
  /** Contiguous period keys, the scored period last; at most MAX_TREND_PERIODS. */
  periods: string[];
  byPeriod: Map<string, { period: ClosedPeriod; reps: Map<string, ClosedRep> }>;
  /** The latest closed period before the scored one. */
  previous: ClosedPeriod;
}

/** null when the History holds no closed period of the scored period's kind before it. */
export function closedColumns(history: History | undefined, scored: ScoredPeriod): ClosedColumns | null {
  if (!history) return null;
  const usable = history.periods
    .filter((p) => periodRange(p.period)?.kind === scored.kind && comparePeriodKeys(p.period, scored.period) < 0)
    .sort((a, b) => comparePeriodKeys(a.period, b.period));
  if (usable.length === 0) return null;
  const first = periodRange(usable[0].period)!.startSerial;
  const all = periodsBetween(first, scored.range.startSerial, scored.kind);
  const periods = all.slice(-MAX_TREND_PERIODS);
  const byPeriod = new Map(
    usable.filter((p) => periods.includes(p.period)).map((p) => [p.period, { period: p, reps: repsOf(p) }]),
  );
  return { periods, byPeriod, previous: usable[usable.length - 1] };
}

function repsOf(p: ClosedPeriod): Map<string, ClosedRep> {
  return new Map(p.reps.map((r) => [r.rep, r]));
}

/** A rep's scores in the closed periods before the scored one, oldest first: the Coaching tab's score trend. */
export function scoreHistoryOf(
  history: History | undefined,
  scored: ScoredPeriod,
): Map<string, { period: string; score: Decimal }[]> | undefined {
  const cols = closedColumns(history, scored);
  if (!cols) return undefined;
  const out = new Map<string, { period: string; score: Decimal }[]>();
  for (const key of cols.periods) {
    const closed = cols.byPeriod.get(key);
    if (!closed) continue;
    for (const r of closed.reps.values()) {
      const list = out.get(r.rep) ?? [];
      list.push({ period: key, score: dec(r.score) });
      out.set(r.rep, list);
    }
  }
  return out;
}

/** The value a streak rule tests in a closed period: the KPI's attainment, or its growth over the closed period before. */
function closedStreakValue(
  cols: ClosedColumns,
  period: string,
  rep: string,
  kpiKey: string,
  of: "growth" | "attainment",
): Decimal | null {
  const kpiOf = (p: string): ClosedRep["kpis"][number] | undefined =>
    cols.byPeriod
      .get(p)
      ?.reps.get(rep)
      ?.kpis.find((k) => normaliseWord(k.name) === kpiKey);
  const now = kpiOf(period);
  if (of === "attainment") return now?.attainment == null ? null : dec(now.attainment);
  const before = kpiOf(priorPeriod(period)!);
  if (now?.actual == null || before?.actual == null) return null;
  const p = dec(before.actual);
  return p.isZero() ? null : dec(now.actual).minus(p).div(p.abs());
}

/** The run of values meeting `atLeast` back from the last (a null ends it), compared at STREAK_DECIMALS. */
export function streakLength(values: readonly (Decimal | null)[], atLeast: Decimal): number {
  let n = 0;
  for (let i = values.length - 1; i >= 0; i--) {
    const v = values[i];
    if (v === null || v.toDecimalPlaces(STREAK_DECIMALS).lt(atLeast)) break;
    n++;
  }
  return n;
}

/**
 * The streak formula over the cells `cells` (left to right, the scored period last): nested IFs from the right, each
 * adding 1 while its cell is a number at least `threshold` — no array formula, so every engine reads it alike.
 */
export function streakFormula(cells: readonly string[], threshold: string): string {
  let f = "0";
  for (const c of cells) f = `IF(ISNUMBER(${c}),IF(ROUND(${c},${STREAK_DECIMALS})>=${threshold},1+${f},0),0)`;
  return f;
}

export interface CycleRefs {
  /** The Trends cell (with its sheet) holding the rep's prior-period actual of KPI k, when there is one. */
  priorCell(rep: string, k: number): string | undefined;
  /** The Trends cell (with its sheet) holding the rep's streak, when the plan has a streak rule. */
  streakCell(rep: string): { ref: string; value: number } | undefined;
}

/** Append the cycle's blocks to the Trends sheet (after what it holds, its charts included). */
export function appendCycleBlocks(sheet: ReportSheet, ctx: CycleContext): CycleRefs {
  const rows = sheet.rows;
  const below = Math.max(rows.length, ...(sheet.charts ?? []).map((c) => c.to.row + 1));
  while (rows.length < below + 1) rows.push([]);
  const R = (col: number, row: number): string => sheetRef(ctx.names.trends, absAddr(col, row));
  const { lang, plan, scored } = ctx;
  const byNameRow = new Map(ctx.byName.map((r, i) => [r.rep, i + 2]));
  const placeOf = (rep: string): RepPlace | undefined =>
    ctx.placeOf ? ctx.placeOf(rep) : byNameRow.has(rep) ? { row: byNameRow.get(rep)!, plan } : undefined;
  /** A cell of the rep's Scorecard line: its KPI k's actual (+0), target (+1), attainment (+2), or score, rank, status. */
  const S = (rep: string, col: (C: ReturnType<typeof scorecardCols>) => number): string => {
    const place = placeOf(rep)!;
    return sheetRef(ctx.names.scorecard, absAddr(col(scorecardCols(place.plan.kpis.length)), place.row));
  };
  const rule = plan.streak;
  /** The streak KPI in the rep's own plan (-1: that plan has no KPI of the name). */
  const streakKOf = (rep: string): number => {
    const place = placeOf(rep);
    return rule && place ? kpiIndexOf(place.plan, rule.kpi) : -1;
  };

  // The prior period's actuals: growth-target KPIs and the streak's growth KPI, by name across the plans.
  const priorNames: string[] = [];
  const needsPrior = (p: Plan, k: number): boolean =>
    p.kpis[k].target.kind === "growth" || (rule?.of === "growth" && k === kpiIndexOf(p, rule.kpi));
  for (const r of ctx.byName) {
    const p = placeOf(r.rep)?.plan ?? plan;
    p.kpis.forEach((kpi, k) => {
      if (needsPrior(p, k) && !priorNames.some((n) => normaliseWord(n) === normaliseWord(kpi.name)))
        priorNames.push(kpi.name);
    });
  }
  const priorRefs = new Map<string, string>();
  if (priorNames.length > 0) {
    rows.push([text(t(lang, "cycle.prior.title", { prior: scored.priorPeriod }), "title")]);
    rows.push([text(t(lang, "cycle.prior.note"), "note")]);
    rows.push([text(t(lang, "hdr.rep"), "header"), ...priorNames.map((n) => text(n, "header"))]);
    for (const r of ctx.byName) {
      const row = rows.length + 1;
      const p = placeOf(r.rep)?.plan ?? plan;
      rows.push([
        text(r.rep),
        ...priorNames.map((name, i) => {
          const k = kpiIndexOf(p, name);
          if (k < 0 || !needsPrior(p, k)) return null;
          priorRefs.set(`${k}\u0000${r.rep}`, R(1 + i, row));
          return r.kpis[k].prior === null ? null : num(r.kpis[k].prior, kpiFormat(p, k, ctx.money));
        }),
      ]);
    }
  }

  // Score, rank and status over the closed periods and the scored one.
  const cols = closedColumns(ctx.history, scored);
  const periods = cols?.periods ?? [scored.period];
  const P = periods.length;
  const current = new Map(scored.reps.map((r) => [r.rep, r]));
  const repNames = new Set(current.keys());
  for (const c of cols?.byPeriod.values() ?? []) for (const rep of c.reps.keys()) repNames.add(rep);
  const reps = [...repNames].sort(compareNames);
  const closedRep = (p: string, rep: string): ClosedRep | undefined => cols?.byPeriod.get(p)?.reps.get(rep);

  /** A rep × period table: title, note, header, one row per rep; returns each rep's sheet row. */
  const table = (
    title: string,
    note: string,
    cell: (rep: string, j: number, row: number) => ReportCell | null,
    extra?: { header: string; cell: (rep: string, row: number) => ReportCell | null },
  ): Map<string, number> => {
    if (rows[rows.length - 1].length > 0) rows.push([]);
    rows.push([text(title, "title")]);
    rows.push([text(note, "note")]);
    rows.push([
      text(t(lang, "hdr.rep"), "header"),
      ...periods.map((p) => text(p, "header")),
      ...(extra ? [text(extra.header, "header")] : []),
    ]);
    const rowOf = new Map<string, number>();
    for (const rep of reps) {
      const row = rows.length + 1;
      rowOf.set(rep, row);
      rows.push([text(rep), ...periods.map((_, j) => cell(rep, j, row)), ...(extra ? [extra.cell(rep, row)] : [])]);
    }
    return rowOf;
  };
  const isCurrent = (j: number): boolean => j === P - 1;
  const cycleNote = t(lang, "cycle.note", { period: scored.period });

  if (cols) {
    const titleRow = rows.length + (rows[rows.length - 1].length > 0 ? 1 : 0); // 0-based row of the title
    const scoreRows = table(t(lang, "cycle.scores.title"), cycleNote, (rep, j) => {
      if (isCurrent(j)) {
        const r = current.get(rep);
        return r
          ? formula(
              S(rep, (C) => C.score),
              r.score,
              PCT,
            )
          : null;
      }
      const cr = closedRep(periods[j], rep);
      return cr ? num(dec(cr.score), PCT) : null;
    });
    table(t(lang, "cycle.ranks.title"), cycleNote, (rep, j) => {
      if (isCurrent(j)) {
        const r = current.get(rep);
        return r
          ? formula(
              S(rep, (C) => C.rank),
              r.rank,
              "0",
            )
          : null;
      }
      const cr = closedRep(periods[j], rep);
      return cr ? num(cr.rank, "0") : null;
    });
    table(t(lang, "cycle.statuses.title"), cycleNote, (rep, j) => {
      if (isCurrent(j)) {
        const r = current.get(rep);
        return r ? formula(`${S(rep, (C) => C.status)}&""`, statusText(lang, r.status)) : null;
      }
      const cr = closedRep(periods[j], rep);
      return cr && cr.status !== null ? text(statusText(lang, cr.status)) : null;
    });
    sheet.charts = [...(sheet.charts ?? []), scoreChart(ctx, cols, reps, scoreRows, titleRow)];
  }

  // The review streak.
  const streakRefs = new Map<string, { ref: string; value: number }>();
  const streakK = streakKpiIndex(plan);
  if (rule && streakK >= 0 && ctx.streakCells) {
    const kpiKey = normaliseWord(plan.kpis[streakK].name);
    const atLeast = dec(rule.atLeast);
    const threshold = sheetRef(ctx.names.plan, ctx.streakCells.atLeast);
    const valueOf = (rep: string, j: number): Decimal | null => {
      if (!isCurrent(j)) return cols ? closedStreakValue(cols, periods[j], rep, kpiKey, rule.of) : null;
      const k = streakKOf(rep);
      const sk = k < 0 ? undefined : current.get(rep)?.kpis[k];
      if (!sk) return null;
      if (rule.of === "attainment") return sk.attainment;
      return sk.actual === null || sk.prior === null || sk.prior.isZero()
        ? null
        : sk.actual.minus(sk.prior).div(sk.prior.abs());
    };
    const title = t(lang, "cycle.streak.title", {
      kpi: plan.kpis[streakK].name,
      of: streakTestWord(rule.of, lang),
      atLeast: formatNumber(rule.atLeast, percentFormat(rule.atLeast)),
    });
    const note = t(lang, "cycle.streak.note", {
      cell: ctx.streakCells.atLeast.replace(/\$/g, ""),
      period: scored.period,
    });
    table(
      title,
      note,
      (rep, j) => {
        const v = valueOf(rep, j);
        if (!isCurrent(j)) return v === null ? null : num(v, PCT);
        const k = streakKOf(rep);
        if (k < 0 || !current.has(rep)) return null;
        const cached = v === null ? "" : v;
        if (rule.of === "attainment") {
          const a = S(rep, (C) => C.actual(k) + 2);
          return formula(`IF(ISNUMBER(${a}),${a},"")`, cached, PCT);
        }
        const cur = S(rep, (C) => C.actual(k));
        const pre = priorRefs.get(`${k}\u0000${rep}`)!;
        return formula(
          `IF(AND(ISNUMBER(${cur}),ISNUMBER(${pre})),IF(${pre}=0,"",(${cur}-${pre})/ABS(${pre})),"")`,
          cached,
          PCT,
        );
      },
      {
        header: t(lang, "cycle.streak.hdr"),
        cell: (rep, row) => {
          const n = streakLength(
            periods.map((_, j) => valueOf(rep, j)),
            atLeast,
          );
          const cells = periods.map((_, j) => absAddr(1 + j, row).replace(/\$/g, ""));
          streakRefs.set(rep, { ref: R(1 + P, row), value: n });
          return formula(streakFormula(cells, threshold), n, "0");
        },
      },
    );
  }

  return {
    priorCell: (rep, k) => priorRefs.get(`${k}\u0000${rep}`),
    streakCell: (rep) => streakRefs.get(rep),
  };
}

/**
 * The line chart of scores beside the score table: one line per rep, up to MAX_TREND_REPS; beyond that the
 * TOP_TREND_REPS best of the scored period by rank (the Trends revenue chart's rule).
 */
function scoreChart(
  ctx: CycleContext,
  cols: ClosedColumns,
  reps: readonly string[],
  rowOf: Map<string, number>,
  titleRow: number,
): ChartSpec {
  const { lang, scored } = ctx;
  const P = cols.periods.length;
  const R = (ref: string): string => sheetRef(ctx.names.trends, ref);
  const headerRow = titleRow + 3; // 1-based: title, note, then the header
  const shown =
    reps.length <= MAX_TREND_REPS
      ? [...reps]
      : scored.reps
          .map((r) => r.rep)
          .filter((rep) => rowOf.has(rep))
          .slice(0, TOP_TREND_REPS);
  const current = new Map(scored.reps.map((r) => [r.rep, r]));
  const scoreAt = (rep: string, j: number): number => {
    if (j === P - 1) return current.get(rep)?.score.toNumber() ?? 0;
    const cr = cols.byPeriod.get(cols.periods[j])?.reps.get(rep);
    return cr ? Number(cr.score) : 0;
  };
  return {
    type: "line",
    title:
      reps.length <= MAX_TREND_REPS
        ? t(lang, "cycle.chart.scores")
        : t(lang, "cycle.chart.scoresTop", { n: shown.length }),
    categories: R(`${absAddr(1, headerRow)}:${absAddr(P, headerRow)}`),
    series: shown.map((rep, i) => ({
      name: rep,
      values: R(`${absAddr(1, rowOf.get(rep)!)}:${absAddr(P, rowOf.get(rep)!)}`),
      color: TREND_COLORS[i],
    })),
    from: { col: P + 3, row: titleRow },
    to: { col: P + 11, row: titleRow + 18 },
    cache: { categories: cols.periods, values: shown.map((rep) => cols.periods.map((_, j) => scoreAt(rep, j))) },
    yAxisFormat: "0%",
    valueAxisMin: 0,
  };
}
