/**
 * rows + plan → the declarative Report (docs/reference/plan.md, tabs.md, cli.md header cells): seven tabs whose computed
 * columns are native Excel formulas pointing at the Plan tab, each with the engine's value cached.
 * No I/O. Formulas use only functions Excel 2007+, WPS and LibreOffice know (no XLOOKUP/LET/IFS).
 */
import { compare15 } from "../engine/index";
import type Decimal from "decimal.js";
import { t, type Lang } from "../i18n/index";
import type { DataIssue, IngestResult } from "../ingest/types";
import { historyTab } from "../history/reportTab";
import type { History } from "../history/types";
import { writePlanSheet, type PlanSheetLayout } from "../plan/index";
import { plansOf } from "../plan/plans";
import type { TeamsSheet } from "../plan/teams";
import type { Plan } from "../plan/types";
import { absAddr, absCol, addr, formula, moneyFormat, num, PCT, sheetRef, text } from "./cells";
import { buildCoaching, buildCoachingSections, incentivesCell, type CoachingContext } from "./coaching";
import { rankCutNote } from "./rankCutNote";
import { columnLetters, displayWidth, uniqueSheetName } from "../sheet";
import {
  bonusHeader,
  bonusRow,
  dataBar,
  issuesTab,
  kpiAndScoreCells,
  payoutCell,
  planTab,
  scorecardCols,
  scorecardHeader,
  statusCell,
  statusHighlights,
  statusText,
  TABLE_STYLE,
  type FormulaContext,
  type PlanCells,
} from "./formulas";
import { MAX_TREND_REPS, TEAM_AVERAGE_COLOR, TOP_TREND_REPS, TREND_COLORS } from "./chartPalette";
import type { ChartSeries, ChartSpec, ConditionalFormat, Report, ReportCell, ReportSheet, SheetKey } from "./model";
import { scoreLeaders } from "./leaders";
import { buildLeadersTab } from "./leadersTab";
import { layOutForPrint } from "./printLayout";
import { anyProrated, prorationCell } from "./proration";
import { ratesUsedBlock } from "./ratesUsed";
import { periodReconciliation, reconciliationBlock, RECON_LINES, undatedExclusions } from "./reconciliation";
import { appendBreakdowns, breakdownsOf } from "./breakdowns";
import { periodPayouts, type PeriodPayouts } from "./payouts";
import { payoutSections } from "./payoutsTab";
import { buildSummary } from "./summary";
import { compareCodePoints, compareNames } from "./compare";
import { type ScoredPeriod, type ScoredRep, type TeamScore } from "./score";
import { appendCycleBlocks, scoreHistoryOf, type CycleRefs, type RepPlace } from "./cycle";
import { appendCoachingFollowUp } from "./coachingFollowUp";
import { planShowingSplits } from "./splitCredit";
import { scorePlans, type PlanSection } from "./planSections";
import { sectionPlaces, stackSections } from "./sectionSheets";
import { buildSummaryPlans } from "./summaryPlans";

export interface BuildOptions {
  lang: Lang;
  /** "2026-Q2" etc.: overrides the plan's period kind and scored period (CLI --period). */
  period?: string;
  /** Sheets already in the workbook: a taken name gets " (2)", " (3)" … (docs/reference/tabs.md). */
  existingSheetNames?: string[];
  /** Earlier scores per rep, oldest first: the Coaching tab's score trend; absent = taken from `history`. */
  scoreHistory?: CoachingContext["scoreHistory"];
  /**
   * The pay cycle's record so far (docs/reference/history.md): when given, the report carries a History tab with
   * its closed periods and this report's period, not closed yet. Absent: no History tab. The closed periods also give
   * the Bonus tab its adjustments to closed periods and balances (docs/reference/payouts.md), Trends score, rank and
   * status across them and the streak, and the Coaching tab its follow-up of the last closed period's Coaching reps.
   */
  history?: History;
  /** The workbook's Teams sheet, read (readWorkbookTeams): a Leaders tab scores each leader (docs/reference/leaders.md). */
  teams?: TeamsSheet | null;
}

export type { PlanCells };

const SHEET_ORDER: SheetKey[] = [
  "summary",
  "scorecard",
  "ranking",
  "leaders",
  "coaching",
  "trends",
  "bonus",
  "issues",
  "plan",
];

/** Tab names in the language, made unique against the workbook's sheets (docs/reference/sheet.md: case-insensitive, 31 code units). */
export function sheetNames(lang: Lang, existing: readonly string[] = []): Record<SheetKey, string> {
  const taken = [...existing];
  const out = {} as Record<SheetKey, string>;
  for (const key of SHEET_ORDER) {
    const name = uniqueSheetName(t(lang, `sheet.${key}`), taken);
    taken.push(name);
    out[key] = name;
  }
  out.data = "";
  return out;
}

/** Column `col` from the first data row down to sheet row `row`: "$I$2:I5" for row 5 (an expanding range). */
function rowsDownTo(col: number, row: number, first = 2): string {
  return `${absAddr(col, first)}:${addr(col, row)}`;
}

/**
 * Each rep's place in code-point order of the names, 1…n: the tie rule's last key (docs/reference/plan.md), kept
 * apart from the order the Scorecard lists reps in (pinyin, compareNames).
 */
function tieOrder(reps: readonly ScoredRep[]): Map<string, number> {
  const sorted = reps.map((r) => r.rep).sort(compareCodePoints);
  return new Map(sorted.map((rep, i) => [rep, i + 1]));
}

interface Ctx extends FormulaContext {
  scored: ScoredPeriod;
  names: Record<SheetKey, string>;
  /** Scorecard rows in sheet order: rep names in listing order (pinyin for Chinese, compareNames). */
  byName: ScoredRep[];
  scoreHistory?: CoachingContext["scoreHistory"];
  /**
   * Several plans (docs/reference/plan.md "A plan per role or team"): the sheet row of the section's first rep and the
   * plan's name, the Scorecard, Ranking and Bonus being built once per plan (planSections.ts stacks them). Absent: one
   * plan, its header in row 1 and its reps from row 2.
   */
  section?: { first: number; plan: string };
}

/** The sheet row of the first rep (2 with one plan: the header is row 1). */
const firstRow = (ctx: Ctx): number => ctx.section?.first ?? 2;

/** Empty rows above the section's header, so that a row's index is its sheet row − 1 in every section. */
const rowsAbove = (first: number): (ReportCell | null)[][] => Array.from({ length: first - 2 }, () => []);

function buildScorecard(ctx: Ctx): ReportSheet {
  const { lang, plan, byName } = ctx;
  const K = plan.kpis.length;
  const C = scorecardCols(K);
  const n = byName.length;
  const first = firstRow(ctx);
  const last = first + n - 1;
  // The Notes column is the manager's, for the coaching conversation: left empty, and carried over from the tab a
  // re-run replaces (userColumns). Not in the reps' statements (docs/reference/statements.md).
  const notesCol = C.tieOrder + 1;
  // Incentives earned (docs/reference/coaching.md) after Notes, only when the plan names an incentive.
  const withIncentives = plan.kpis.some((k) => k.incentive);
  // Proration (docs/reference/plan.md "Joiners and leavers") last, only when someone is prorated: no column moves.
  const prorationCol = anyProrated(byName) ? notesCol + (withIncentives ? 2 : 1) : undefined;
  const header = [
    ...scorecardHeader(lang, plan),
    text(t(lang, "hdr.tieOrder"), "header"),
    text(t(lang, "hdr.notes"), "header"),
    ...(withIncentives ? [text(t(lang, "coach.hdr.incentives"), "header")] : []),
    ...(prorationCol !== undefined ? [text(t(lang, "hdr.proration"), "header")] : []),
  ];
  const rows: (ReportCell | null)[][] = [...rowsAbove(first), header];
  const scoreRange = absCol(C.score, first, last);
  const firstActualRange = absCol(C.actual(0), first, last);
  const tieOrderRange = absCol(C.tieOrder, first, last);
  const order = tieOrder(byName);
  const months = ctx.scored.range.months;
  byName.forEach((r, i) => {
    const row = i + first;
    const cells: (ReportCell | null)[] = [
      text(r.rep),
      r.team === null ? null : text(r.team),
      ...kpiAndScoreCells({ ...ctx, prorationCol }, r, row, months, { first, last }),
    ];
    const s = addr(C.score, row);
    const rk = addr(C.rank, row);
    // Rank (docs/reference/plan.md): the reps with a higher score, plus those with the same score and a higher first
    // KPI actual, plus those tied on both whose name comes first in code-point order, itself included — that order
    // is the hidden tie-order column, since the rows are listed in pinyin order (docs/reference/verification.md).
    // Not COUNTIF(range,">"&score): "&" turns the score into 15-digit text, and the top score can then
    // exceed its own rounded text (0.62952380952380948 > 0.629523809523809): ranks with a gap.
    const fa = addr(C.actual(0), row);
    const key = addr(C.tieOrder, row);
    cells.push(
      formula(
        `SUMPRODUCT((${scoreRange}>${s})*1)+SUMPRODUCT((${scoreRange}=${s})*(${firstActualRange}>${fa}))` +
          `+SUMPRODUCT((${scoreRange}=${s})*(${firstActualRange}=${fa})*(${tieOrderRange}<=${key}))`,
        r.rank,
        "0",
      ),
    );
    cells.push(statusCell(ctx, r, rk, `COUNT(${scoreRange})`));
    cells.push(payoutCell(ctx, r, s));
    cells.push(num(order.get(r.rep)!, "0"));
    if (withIncentives) cells.push(null, incentivesCell(ctx, r, row));
    if (prorationCol !== undefined) {
      while (cells.length < prorationCol) cells.push(null);
      cells.push(prorationCell(r, ctx.scored.range));
    }
    rows.push(cells);
  });
  const lastCol = columnLetters(C.bonus);
  const tableLastCol = columnLetters(header.length - 1);
  const cf: ConditionalFormat[] = [];
  if (n > 0) {
    for (let k = 0; k < K; k++) {
      const c = columnLetters(C.actual(k) + 2);
      cf.push(dataBar(`${c}${first}:${c}${last}`));
    }
    const sc = columnLetters(C.score);
    cf.push(dataBar(`${sc}${first}:${sc}${last}`));
    cf.push(...statusHighlights(lang, `A${first}:${lastCol}${last}`, `$${columnLetters(C.status)}${first}`));
  }
  return {
    key: "scorecard",
    name: ctx.names.scorecard,
    rows,
    // Wide enough for "¥1,234,567.00"; CJK characters take two columns.
    columnWidths: header.map((h, c) =>
      c === 0 ? 22 : c === 1 ? 14 : Math.max(15, Math.min(30, displayWidth(String(h.v)) + 2)),
    ),
    freeze: { rows: 1, cols: 1 },
    // The tie-order column is in the table, so sorting the table moves it with its row, and hidden.
    tables: n > 0 ? [{ name: "SP_Scorecard", ref: `A${first - 1}:${tableLastCol}${last}`, style: TABLE_STYLE }] : [],
    hiddenColumns: [C.tieOrder],
    conditionalFormats: cf,
    userColumns: [{ col: notesCol, keyCol: 0 }],
    tabColor: "#2E75B6",
  };
}

/** Row `row` (1-based) of a sheet being built, padded to six cells so the team columns start at G. */
function rowAt(rows: (ReportCell | null)[][], row: number): (ReportCell | null)[] {
  while (rows.length < row) rows.push([]);
  const cells = rows[row - 1];
  while (cells.length < 6) cells.push(null);
  return cells;
}

/**
 * "Best team" under the team ranking (docs/reference/coaching.md): the team ranked 1 — the highest average score, ties
 * as the team ranking breaks them — looked up by rank, so a changed weight on the Plan tab names the new one.
 */
function bestTeamCells(lang: Lang, teams: readonly TeamScore[], tFirst: number, tLast: number): ReportCell[] {
  const best = teams.find((x) => x.rank === 1)!;
  const first = `MATCH(1,${absCol(6, tFirst, tLast)},0)`;
  return [
    text(t(lang, "ranking.bestTeam"), "header"),
    formula(`INDEX(${absCol(7, tFirst, tLast)},${first})&""`, best.team),
    formula(`INDEX(${absCol(8, tFirst, tLast)},${first})`, best.averageScore, PCT),
  ];
}

function buildRanking(ctx: Ctx): ReportSheet {
  const { lang, scored } = ctx;
  const S = (ref: string): string => sheetRef(ctx.names.scorecard, ref);
  const R = (ref: string): string => sheetRef(ctx.names.ranking, ref);
  const C = scorecardCols(ctx.plan.kpis.length);
  const n = scored.reps.length;
  const first = firstRow(ctx);
  const last = first + n - 1;
  const sc = (col: number): string => S(absCol(col, first, last));
  const rows: (ReportCell | null)[][] = [
    ...rowsAbove(first),
    [
      text(t(lang, "hdr.rep"), "header"),
      text(t(lang, "hdr.team"), "header"),
      text(t(lang, "hdr.score"), "header"),
      text(t(lang, "hdr.rank"), "header"),
      text(t(lang, "hdr.status"), "header"),
      null,
      text(t(lang, "hdr.teamRank"), "header"),
      text(t(lang, "hdr.team"), "header"),
      text(t(lang, "hdr.averageScore"), "header"),
      text(t(lang, "hdr.reps"), "header"),
    ],
  ];
  // Reps in rank order, looked up by rank on the Scorecard: ranks are 1…n without gaps, so a changed
  // weight on the Plan tab re-sorts this list too.
  scored.reps.forEach((r, i) => {
    const row = i + first;
    const match = `MATCH(${addr(3, row)},${sc(C.rank)},0)`;
    rows.push([
      formula(`INDEX(${sc(0)},${match})&""`, r.rep),
      formula(`INDEX(${sc(1)},${match})&""`, r.team ?? ""),
      formula(`INDEX(${sc(C.score)},${match})`, r.score, PCT),
      num(r.rank, "0"),
      formula(`INDEX(${sc(C.status)},${match})&""`, statusText(lang, r.status)),
    ]);
  });
  const teams = scored.teams;
  const tLast = first + teams.length - 1;
  const teamCol = sc(1);
  const scoreCol = sc(C.score);
  teams.forEach((tm, i) => {
    const row = i + first;
    while (rows.length <= row - 1) rows.push([]);
    const cells = rows[row - 1];
    while (cells.length < 6) cells.push(null);
    const h = addr(7, row);
    // SUMPRODUCT with "=": exact (case-insensitive) team match, no COUNTIF wildcards in team names.
    const count = `SUMPRODUCT((${teamCol}=${h})*1)`;
    const avgRange = absCol(8, first, tLast);
    cells.push(
      formula(
        // Ties: the teams listed above (in team-name order among equals) come first, as on the Scorecard.
        `SUMPRODUCT((${avgRange}>${addr(8, row)})*1)+SUMPRODUCT((${rowsDownTo(8, row, first)}=${addr(8, row)})*1)`,
        tm.rank,
        "0",
      ),
      text(tm.team),
      formula(`SUMPRODUCT((${teamCol}=${h})*${scoreCol})/${count}`, tm.averageScore, PCT),
      formula(count, tm.reps, "0"),
    );
  });
  if (teams.length > 0) rowAt(rows, tLast + 2).push(...bestTeamCells(lang, teams, first, tLast));
  const chartTitle = (key: string): string =>
    ctx.section
      ? t(lang, `plans.${key === "chart.repScore" ? "chartRepScore" : "chartTeamScore"}`, {
          plan: ctx.section.plan,
          period: scored.period,
        })
      : t(lang, key, { period: scored.period });
  const charts: ChartSpec[] = [];
  const tables = [];
  if (n > 0) {
    tables.push({ name: "SP_Ranking", ref: `A${first - 1}:E${last}`, style: TABLE_STYLE });
    charts.push({
      type: "bar",
      title: chartTitle("chart.repScore"),
      categories: R(absCol(0, first, last)),
      series: [{ name: t(lang, "hdr.score"), values: R(absCol(2, first, last)) }],
      from: { col: 11, row: first - 1 },
      to: { col: 19, row: first - 2 + Math.max(16, Math.min(60, n + 4)) },
      cache: { categories: scored.reps.map((r) => r.rep), values: [scored.reps.map((r) => r.score.toNumber())] },
      yAxisFormat: PCT,
      valueAxisMin: 0, // a 4-point spread of scores must not look like a gulf
    });
  }
  if (teams.length > 0) {
    tables.push({ name: "SP_Teams", ref: `G${first - 1}:J${tLast}`, style: TABLE_STYLE });
    const top = charts.length > 0 ? charts[0].to.row + 2 : first - 1;
    charts.push({
      type: "bar",
      title: chartTitle("chart.teamScore"),
      categories: R(absCol(7, first, tLast)),
      series: [{ name: t(lang, "hdr.averageScore"), values: R(absCol(8, first, tLast)) }],
      from: { col: 11, row: top },
      to: { col: 19, row: top + Math.max(12, teams.length + 4) },
      cache: { categories: teams.map((x) => x.team), values: [teams.map((x) => x.averageScore.toNumber())] },
      yAxisFormat: PCT,
      valueAxisMin: 0, // a 4-point spread of scores must not look like a gulf
    });
  }
  return {
    key: "ranking",
    name: ctx.names.ranking,
    rows,
    columnWidths: [22, 14, 10, 8, 12, 3, 10, 16, 14, 8],
    freeze: { rows: 1, cols: 0 },
    tables,
    conditionalFormats:
      n > 0 ? [dataBar(`C${first}:C${last}`), ...statusHighlights(lang, `A${first}:E${last}`, `$E${first}`)] : [],
    charts,
    tabColor: "#2E75B6",
  };
}

/**
 * The Trends chart's lines (docs/reference/tabs.md Trends): one per rep, each its own colour, up to MAX_TREND_REPS reps;
 * beyond that the best TOP_TREND_REPS by rank and the average per rep, a dashed line read from an "Average per rep" row
 * added under the total (AVERAGE skips the blank cells of reps without sales that period). `rows`: the tab's rows so
 * far (header, reps from row 2 to `lastRep`, total), extended here.
 */
function trendLines(
  ctx: Ctx,
  rows: (ReportCell | null)[][],
  lastRep: number,
): { title: string; series: ChartSeries[]; cache: number[][] } {
  const { lang, scored } = ctx;
  const R = (ref: string): string => sheetRef(ctx.names.trends, ref);
  const P = scored.trendPeriods.length;
  const line = (row: number): string => R(`${absAddr(1, row)}:${absAddr(P, row)}`);
  const cacheOf = (values: (Decimal | null)[]): number[] => values.map((v) => (v === null ? 0 : v.toNumber()));
  const trends = scored.trends;
  if (trends.length <= MAX_TREND_REPS) {
    return {
      title: t(lang, "chart.revenue"),
      series: trends.map((tr, i) => ({ name: tr.rep, values: line(i + 2), color: TREND_COLORS[i] })),
      cache: trends.map((tr) => cacheOf(tr.values)),
    };
  }
  const rowOf = new Map(trends.map((tr, i) => [tr.rep, i + 2]));
  // Several plans (docs/reference/plan.md): ranks are each plan's, so the best are the highest scores of all plans.
  const ranked = ctx.plan.morePlans?.length
    ? [...scored.reps].sort((a, b) => compare15(b.score, a.score) || compareCodePoints(a.rep, b.rep))
    : scored.reps;
  const best = ranked.filter((r) => rowOf.has(r.rep)).slice(0, TOP_TREND_REPS);
  const averageRow = rows.length + 1;
  const averages = scored.trendPeriods.map((_, j) => {
    const sold = trends.map((tr) => tr.values[j]).filter((v): v is Decimal => v !== null);
    return sold.length === 0 ? null : sold.reduce((a, b) => a.plus(b)).div(sold.length);
  });
  rows.push([
    text(t(lang, "trends.average"), "total"),
    ...averages.map((avg, j) => {
      const c = columnLetters(1 + j);
      return formula(`IFERROR(AVERAGE(${c}2:${c}${lastRep}),"")`, avg === null ? "" : avg, ctx.money, "total");
    }),
  ]);
  return {
    title: t(lang, "chart.revenueTop", { n: best.length }),
    series: [
      ...best.map((r, i) => ({ name: r.rep, values: line(rowOf.get(r.rep)!), color: TREND_COLORS[i] })),
      { name: t(lang, "trends.average"), values: line(averageRow), color: TEAM_AVERAGE_COLOR, dashed: true },
    ],
    cache: [
      ...best.map((r) => cacheOf(trends[rowOf.get(r.rep)! - 2].values)),
      averages.map((v) => (v === null ? 0 : v.toNumber())),
    ],
  };
}

function buildTrends(ctx: Ctx): ReportSheet {
  const { lang, scored } = ctx;
  const R = (ref: string): string => sheetRef(ctx.names.trends, ref);
  const periods = scored.trendPeriods;
  const P = periods.length;
  const cur = periods.indexOf(scored.period);
  const pre = periods.indexOf(scored.priorPeriod);
  const hasGrowth = cur >= 0 && pre >= 0;
  const header: (ReportCell | null)[] = [text(t(lang, "hdr.rep"), "header"), ...periods.map((p) => text(p, "header"))];
  if (hasGrowth) header.push(text(t(lang, "hdr.growth", { period: scored.period }), "header"));
  const rows: (ReportCell | null)[][] = [header];
  const growthFormula = (row: number): string => {
    const c = addr(1 + cur, row);
    const p = addr(1 + pre, row);
    return `IF(${p}=0,"",(${c}-${p})/ABS(${p}))`;
  };
  for (const tr of scored.trends) {
    const row = rows.length + 1;
    const cells: (ReportCell | null)[] = [text(tr.rep), ...tr.values.map((v) => num(v, ctx.money))];
    if (hasGrowth) cells.push(formula(growthFormula(row), tr.growth === null ? "" : tr.growth, PCT));
    rows.push(cells);
  }
  const nReps = scored.trends.length;
  const lastRep = nReps + 1;
  const totalRow = lastRep + 1;
  const sums = periods.map((_, j) =>
    scored.trends.reduce((s, tr) => (tr.values[j] === null ? s : s.plus(tr.values[j]!)), scored.totalPayout.times(0)),
  );
  const totalCells: (ReportCell | null)[] = [text(t(lang, "total"), "total")];
  periods.forEach((_, j) => {
    const c = columnLetters(1 + j);
    totalCells.push(formula(nReps > 0 ? `SUM(${c}2:${c}${lastRep})` : "0", sums[j], ctx.money, "total"));
  });
  if (hasGrowth) {
    const p = sums[pre];
    totalCells.push(formula(growthFormula(totalRow), p.isZero() ? "" : sums[cur].minus(p).div(p.abs()), PCT, "total"));
  }
  rows.push(totalCells);
  const lastCol = columnLetters(P + (hasGrowth ? 1 : 0));
  const categories = R(`${absAddr(1, 1)}:${absAddr(P, 1)}`);
  const line = trendLines(ctx, rows, lastRep);
  const chartTop = rows.length + 1; // 0-based: one blank row under the last row
  return {
    key: "trends",
    name: ctx.names.trends,
    rows,
    columnWidths: [22, ...periods.map(() => 17), ...(hasGrowth ? [16] : [])],
    freeze: { rows: 1, cols: 1 },
    tables: nReps > 0 ? [{ name: "SP_Trends", ref: `A1:${lastCol}${lastRep}`, style: TABLE_STYLE }] : [],
    charts:
      P > 0
        ? [
            {
              type: "line",
              title: line.title,
              categories,
              series: line.series,
              from: { col: 0, row: chartTop },
              to: { col: Math.max(8, Math.min(P + 2, 16)), row: chartTop + 18 },
              cache: { categories: periods, values: line.cache },
              yAxisFormat: ctx.money.replace(/\.0+/, ""), // whole units read better on an axis
            },
          ]
        : [],
    tabColor: "#70AD47",
  };
}

/** Trends with the team × period table and, when there is a product column, the product mix below its chart. */
function withBreakdowns(trends: ReportSheet, ctx: Ctx, ingest: IngestResult): ReportSheet {
  appendBreakdowns(trends, breakdownsOf(ingest, ctx.scored, ctx.lang), ctx.lang, ctx.scored.period, ctx.money);
  return trends;
}

/** Coaching with the follow-up of the last closed period's Coaching reps (docs/reference/coaching.md). */
function withFollowUp(
  coaching: ReportSheet,
  ctx: Ctx,
  history: History | undefined,
  refs: CycleRefs,
  placeOf?: (rep: string) => RepPlace | undefined,
): ReportSheet {
  appendCoachingFollowUp(coaching, {
    placeOf,
    lang: ctx.lang,
    scored: ctx.scored,
    byName: ctx.byName,
    kpiCount: ctx.plan.kpis.length,
    names: ctx.names,
    history,
    refs,
    withStreak: ctx.plan.streak !== undefined,
  });
  return coaching;
}

function buildBonus(ctx: Ctx, payouts: PeriodPayouts | null): ReportSheet {
  const { lang, byName } = ctx;
  const first = firstRow(ctx);
  const rows: (ReportCell | null)[][] = [...rowsAbove(first), bonusHeader(lang)];
  byName.forEach((r, i) => rows.push(bonusRow(ctx, ctx.names.scorecard, r, i + first)));
  const n = byName.length;
  const last = first + n - 1;
  // docs/reference/numbers.md: the total is the sum of the rounded payouts.
  const total = ctx.section ? t(lang, "plans.bonusTotal", { plan: ctx.section.plan }) : t(lang, "total");
  rows.push([
    text(total, "total"),
    null,
    null,
    formula(n > 0 ? `SUM(D${first}:D${last})` : "0", ctx.scored.totalPayout, ctx.money, "total"),
    null,
  ]);
  // docs/reference/payouts.md: adjustments to closed periods and what is payable, below the bonus table.
  if (payouts) {
    const bonusRow = new Map(byName.map((r, i) => [r.rep, i + first]));
    const input = {
      lang,
      money: ctx.money,
      decimals: ctx.plan.currencyDecimals,
      planSheet: ctx.names.plan,
      planCells: ctx.cells.payouts,
      bonusRow,
    };
    rows.push(...payoutSections(payouts, input, rows.length));
  }
  return {
    key: "bonus",
    name: ctx.names.bonus,
    rows,
    columnWidths: [22, 10, 14, 14, 100],
    freeze: { rows: 1, cols: 1 },
    tables: n > 0 ? [{ name: "SP_Bonus", ref: `A${first - 1}:E${last}`, style: TABLE_STYLE }] : [],
    conditionalFormats: n > 0 ? [dataBar(`C${first}:C${last}`)] : [],
    tabColor: "#FFC000",
  };
}

/** docs/reference/cleaning.md: read = used + excluded, rows and amounts, the whole file and the scored period. */
function reconciliationOf(ctx: Ctx, ingest: IngestResult): (ReportCell | null)[][] {
  return reconciliationBlock(
    ctx.lang,
    ctx.money,
    ctx.scored.period,
    ingest.reconciliation,
    periodReconciliation(ingest, ctx.scored.range),
    undatedExclusions(ingest),
  );
}

function buildIssues(
  ctx: Ctx,
  issues: readonly DataIssue[],
  block: (ReportCell | null)[][],
  ingest: IngestResult,
): ReportSheet {
  // The reconciliation block sits beside the list: at least as many rows under the header as it has lines.
  const rates = ratesUsedBlock(ctx.lang, ingest.currencyConversion, ctx.money);
  const sheet = issuesTab(ctx.lang, ctx.names.issues, issues, RECON_LINES, rates);
  const rows = sheet.rows;
  block.forEach((cells, i) => rows[i].push(null, ...cells));
  sheet.columnWidths.push(3, 30, 16, 18);
  return sheet;
}

/**
 * Several plans (docs/reference/plan.md "A plan per role or team"): the Scorecard, Ranking, Coaching and Bonus built
 * once per plan on its own reps, its Plan cells and its rows, stacked under a title per plan; the Summary over all.
 */
function planParts(
  ctx: Ctx,
  sections: readonly PlanSection[],
  layout: PlanSheetLayout,
  recon: (ReportCell | null)[][],
  payouts: PeriodPayouts | null,
): { summary: ReportSheet; scorecard: ReportSheet; ranking: ReportSheet; coaching: ReportSheet; bonus: ReportSheet } {
  const places = sectionPlaces(sections.map((s) => ({ plan: s.plan.name ?? "", reps: s.scored.reps.length })));
  const ctxs: Ctx[] = sections.map((s, i) => ({
    ...ctx,
    plan: s.plan,
    cells: layout.plans![i].cells,
    scored: s.scored,
    byName: [...s.scored.reps].sort((a, b) => compareNames(a.rep, b.rep)),
    section: { first: places[i].first, plan: places[i].plan },
  }));
  const stack = (build: (c: Ctx) => ReportSheet) => stackSections(ctx.lang, ctxs.map(build), places);
  const bonus = stack((c) => buildBonus(c, null));
  // docs/reference/numbers.md: the total of all plans is the sum of their totals (each a sum of rounded payouts).
  const totals = places.map((p) => `D${p.last + 1}`);
  bonus.rows.push([
    text(t(ctx.lang, "total"), "total"),
    null,
    null,
    formula(`SUM(${totals.join(",")})`, ctx.scored.totalPayout, ctx.money, "total"),
    null,
  ]);
  // docs/reference/payouts.md: adjustments and what is payable, below the plans, each rep's bonus read from its row.
  if (payouts) {
    const bonusRow = new Map(ctxs.flatMap((c) => c.byName.map((r, i) => [r.rep, i + c.section!.first] as const)));
    const input = {
      lang: ctx.lang,
      money: ctx.money,
      decimals: ctx.plan.currencyDecimals,
      planSheet: ctx.names.plan,
      planCells: ctx.cells.payouts,
      bonusRow,
    };
    bonus.rows.push(...payoutSections(payouts, input, bonus.rows.length));
  }
  const parts = ctxs.map((c, i) => ({
    ctx: { ...c, recon },
    plan: places[i].plan,
    first: places[i].first,
    last: places[i].last,
  }));
  return {
    summary: buildSummaryPlans({ ...ctx, recon }, parts),
    scorecard: stack(buildScorecard),
    ranking: stack(buildRanking),
    coaching: buildCoachingSections(ctxs),
    bonus,
  };
}

/** Several plans: each rep's Scorecard row in its plan's part (stacked as planParts stacks them) and its plan. */
function scorecardPlaces(sections: readonly PlanSection[]): (rep: string) => RepPlace | undefined {
  const places = sectionPlaces(sections.map((s) => ({ plan: s.plan.name ?? "", reps: s.scored.reps.length })));
  const byRep = new Map<string, RepPlace>();
  sections.forEach((s, i) =>
    [...s.scored.reps]
      .sort((a, b) => compareNames(a.rep, b.rep))
      .forEach((r, j) => byRep.set(r.rep, { row: places[i].first + j, plan: s.plan })),
  );
  return (rep) => byRep.get(rep);
}

function countByAction(issues: readonly DataIssue[]): Partial<Record<DataIssue["action"], number>> {
  const counts: Partial<Record<DataIssue["action"], number>> = {};
  for (const i of issues) counts[i.action] = (counts[i.action] ?? 0) + 1;
  return counts;
}

/** Every plan with its Plan-tab cells, for the Leaders tab (docs/reference/leaders.md); one plan: just it. */
function leaderPlans(plan: Plan, layout: PlanSheetLayout): { plan: Plan; cells: PlanCells }[] {
  const plans = plansOf(plan);
  return plans.map((p, i) => ({ plan: p, cells: layout.plans?.[i]?.cells ?? layout.cells }));
}

export function buildReport(ingest: IngestResult, plan: Plan, opts: BuildOptions): Report {
  const lang = opts.lang;
  const { scored, sections } = scorePlans(ingest, plan, { period: opts.period, lang: opts.lang });
  const names = sheetNames(lang, opts.existingSheetNames ?? []);
  // The Plan tab shows the "Split deals count for" setting when the rows credit split deals (docs/reference/plan.md).
  const layout = writePlanSheet(planShowingSplits(plan, ingest), lang);
  const currency = plan.currency ?? ingest.currencyGuess;
  const byName = [...scored.reps].sort((a, b) => compareNames(a.rep, b.rep));
  const ctx: Ctx = {
    lang,
    plan,
    scored,
    names,
    cells: layout.cells,
    money: moneyFormat(currency, plan.currencyDecimals),
    byName,
    scoreHistory: opts.scoreHistory ?? scoreHistoryOf(opts.history, scored),
  };
  // Each plan's Top / Bottom N against its own reps (docs/reference/plan.md).
  const rankNotes = sections.flatMap((s, i) => {
    const note = rankCutNote(
      lang,
      s.plan,
      s.scored.reps.length,
      names.plan,
      (layout.plans?.[i] ?? layout).cells.ranking,
    );
    return note === null ? [] : [note];
  });
  const prorations = new Map(scored.reps.map((r) => [r.rep, r.proration]));
  const payouts = periodPayouts(ingest, plan, scored, opts.history, {
    lang,
    currency,
    proration: (rep) => prorations.get(rep),
  });
  const history = opts.history
    ? historyTab(
        lang,
        opts.history,
        ingest,
        plan,
        scored,
        [...(opts.existingSheetNames ?? []), ...Object.values(names).filter((n) => n !== "")],
        payouts,
      )
    : null;
  // Leaders only with a Teams sheet (docs/reference/leaders.md): without one the report is as it always was.
  const leaders = opts.teams ? scoreLeaders(ingest, plan, scored, opts.teams) : null;
  const extra = [...scored.issues, ...rankNotes, ...(history?.issues ?? []), ...(leaders?.issues ?? [])];
  const issues: DataIssue[] = extra.length > 0 ? [...ingest.issues, ...extra] : ingest.issues;
  const recon = reconciliationOf(ctx, ingest);
  // Trends first: the Scorecard's growth targets refer to its prior-period actuals (docs/reference/tabs.md).
  const trends = withBreakdowns(buildTrends(ctx), ctx, ingest);
  const placeOf = sections.length > 1 ? scorecardPlaces(sections) : undefined;
  const cycle = appendCycleBlocks(trends, {
    ...ctx,
    history: opts.history,
    streakCells: layout.cells.streak,
    ...(placeOf ? { placeOf } : {}),
  });
  ctx.priorCell = cycle.priorCell;
  const leadersTab = leaders
    ? [
        buildLeadersTab(
          { ...ctx, names, scorecardReps: byName.length, plans: leaderPlans(plan, layout) },
          leaders.leaders,
        ),
      ]
    : [];
  const perPlan = sections.length > 1 ? planParts(ctx, sections, layout, recon, payouts) : null;
  const sheets = [
    perPlan?.summary ?? buildSummary({ ...ctx, recon }),
    perPlan?.scorecard ?? buildScorecard(ctx),
    perPlan?.ranking ?? buildRanking(ctx),
    ...leadersTab,
    // Under the blocks, the follow-up of last period's Coaching reps (docs/reference/coaching.md).
    withFollowUp(perPlan?.coaching ?? buildCoaching(ctx), ctx, opts.history, cycle, placeOf),
    trends,
    perPlan?.bonus ?? buildBonus(ctx, payouts),
    buildIssues(ctx, issues, recon, ingest),
    // Before the Plan tab: a re-run in the pane keeps an edited Plan sheet where it is and puts the new tabs where
    // the old ones were, so the order stays the same run after run.
    ...(history ? [history.sheet] : []),
    planTab(names.plan, layout),
  ];
  // Widths and print settings for every tab, decided in one place (docs/reference/tabs.md "Printing").
  const heading = { lang, title: t(lang, "print.reportTitle"), period: scored.period };
  return {
    lang,
    sheets: sheets.map((sheet) => layOutForPrint(sheet, heading)),
    ...(payouts ? { payouts } : {}),
    summary: {
      period: scored.period,
      repsScored: scored.reps.length,
      rowsUsed: ingest.reconciliation.rowsUsed,
      rowsExcluded: ingest.reconciliation.rowsExcluded,
      top: scored.reps.filter((r) => r.status === "top").map((r) => r.rep),
      coaching: scored.reps.filter((r) => r.status === "coaching").map((r) => r.rep),
      issues: issues.length,
      issuesByAction: countByAction(issues),
    },
  };
}
