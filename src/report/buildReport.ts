/**
 * rows + plan → the declarative Report (SPEC §3.3–§3.4, §4 header cells): six tabs whose computed
 * columns are native Excel formulas pointing at the Plan tab, each with the engine's value cached.
 * No I/O. Formulas use only functions Excel 2007+, WPS and LibreOffice know (no XLOOKUP/LET/IFS).
 */
import { dec } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { DataIssue, IngestResult } from "../ingest/types";
import { writePlanSheet, type PlanSheetLayout } from "../plan/index";
import type { Plan } from "../plan/types";
import { explainBonus } from "./bonusText";
import {
  absAddr,
  absCol,
  addr,
  colName,
  decimalLiteral,
  excelString,
  formula,
  moneyFormat,
  num,
  PCT,
  sheetRef,
  text,
  value,
} from "./cells";
import type { ChartSpec, ConditionalFormat, Report, ReportCell, ReportSheet, SheetKey } from "./model";
import { compareCodePoints, scorePeriod, type ScoredPeriod, type ScoredRep } from "./score";

export interface BuildOptions {
  lang: Lang;
  /** "2026-Q2" etc.: overrides the plan's period kind and scored period (CLI --period). */
  period?: string;
  /** Sheets already in the workbook: a taken name gets " (2)", " (3)" … (SPEC §3.4). */
  existingSheetNames?: string[];
}

/** Addresses of the Plan tab's values (from writePlanSheet), e.g. "$C$5". */
export interface PlanCells {
  currencyDecimals: string;
  kpis: { target: string; weight: string; cap: string }[];
  bonus: { targetBonus: string; threshold: string; cap: string; curveX?: string; curveY?: string };
  ranking: { top: string; bottom: string };
}

const GREEN = { fill: "#C6EFCE", font: "#006100" };
const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
const BAR_COLOR = "#5B9BD5";
const TABLE_STYLE = "TableStyleMedium2";
/** Excel's largest number stands in for "no cap" inside MIN (a blank cap cell means no cap). */
const NO_CAP = "9.99E+307";
const MAX_TREND_SERIES = 15;

const SHEET_ORDER: SheetKey[] = ["scorecard", "ranking", "trends", "bonus", "issues", "plan"];

/** Tab names in the language, made unique against the workbook's sheets (case-insensitive, as Excel). */
/** Characters as Excel columns count them: CJK and full-width take two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
      ? 2
      : 1;
  return w;
}

export function sheetNames(lang: Lang, existing: readonly string[] = []): Record<SheetKey, string> {
  const taken = new Set(existing.map((s) => s.toLowerCase()));
  const out = {} as Record<SheetKey, string>;
  for (const key of SHEET_ORDER) {
    const base = t(lang, `sheet.${key}`);
    let name = base;
    for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base} (${i})`;
    taken.add(name.toLowerCase());
    out[key] = name;
  }
  out.data = "";
  return out;
}

/** Number format of a KPI's actual and target: money for amount sums/averages, % for satisfaction. */
function kpiFormat(plan: Plan, k: number, money: string): string {
  const kpi = plan.kpis[k];
  if (kpi.aggregate === "count" || kpi.aggregate === "count_unique" || kpi.aggregate === "count_true") return "#,##0";
  if (kpi.measure.field === "amount") return money;
  if (kpi.measure.field === "satisfaction") return PCT;
  return "#,##0.00";
}

interface Ctx {
  lang: Lang;
  plan: Plan;
  scored: ScoredPeriod;
  names: Record<SheetKey, string>;
  cells: PlanCells;
  money: string;
  /** Scorecard rows in sheet order (rep name, code-point order: the rank formula's ROW() tie-break). */
  byName: ScoredRep[];
}

/** Column layout of the Scorecard: A rep, B team, then actual/target/attainment per KPI, then the rest. */
function scorecardCols(nKpis: number): {
  actual: (k: number) => number;
  score: number;
  rank: number;
  status: number;
  bonus: number;
} {
  const score = 2 + 3 * nKpis;
  return { actual: (k) => 2 + 3 * k, score, rank: score + 1, status: score + 2, bonus: score + 3 };
}

/** BONUS steps 2–4 of SPEC §2 with the score cell `s` as the driver, reading the Plan tab. */
function factorFormula(ctx: Ctx, s: string): string {
  const P = (ref: string): string => sheetRef(ctx.names.plan, ref);
  const b = ctx.cells.bonus;
  let curve = s;
  if (ctx.plan.bonus.curve && ctx.plan.bonus.curve.length > 0 && b.curveX && b.curveY) {
    const X = P(b.curveX);
    const Y = P(b.curveY);
    const m = `MATCH(${s},${X},1)`;
    // Piecewise linear PAYCURVE: flat outside the points, interpolated between MATCH's point and the next.
    curve =
      `IF(${s}<=INDEX(${X},1),INDEX(${Y},1),IF(${s}>=INDEX(${X},COUNT(${X})),INDEX(${Y},COUNT(${X})),` +
      `INDEX(${Y},${m})+(${s}-INDEX(${X},${m}))*(INDEX(${Y},${m}+1)-INDEX(${Y},${m}))/(INDEX(${X},${m}+1)-INDEX(${X},${m}))))`;
  }
  const cap = P(b.cap);
  return `IF(${s}<${P(b.threshold)},0,MAX(0,IF(${cap}="",${curve},MIN(${cap},${curve}))))`;
}

function bonusFormula(ctx: Ctx, factorExpr: string): string {
  const P = (ref: string): string => sheetRef(ctx.names.plan, ref);
  return `ROUND(${P(ctx.cells.bonus.targetBonus)}*${factorExpr},${P(ctx.cells.currencyDecimals)})`;
}

function statusText(ctx: Ctx, status: ScoredRep["status"]): string {
  return status === "top" ? t(ctx.lang, "status.top") : status === "coaching" ? t(ctx.lang, "status.coaching") : "";
}

function buildScorecard(ctx: Ctx): ReportSheet {
  const { lang, plan, byName } = ctx;
  const P = (ref: string): string => sheetRef(ctx.names.plan, ref);
  const K = plan.kpis.length;
  const C = scorecardCols(K);
  const n = byName.length;
  const last = n + 1;
  const header: ReportCell[] = [text(t(lang, "hdr.rep"), "header"), text(t(lang, "hdr.team"), "header")];
  for (const kpi of plan.kpis) {
    header.push(text(t(lang, "hdr.actual", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.target", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.attainment", { kpi: kpi.name }), "header"));
  }
  for (const key of ["hdr.score", "hdr.rank", "hdr.status", "hdr.bonus"]) header.push(text(t(lang, key), "header"));
  const rows: (ReportCell | null)[][] = [header];
  const scoreRange = absCol(C.score, 2, last);
  const firstActualRange = absCol(C.actual(0), 2, last);
  const months = ctx.scored.range.months;
  byName.forEach((r, i) => {
    const row = i + 2;
    const cells: (ReportCell | null)[] = [text(r.rep), r.team === null ? null : text(r.team)];
    const terms: string[] = [];
    const weights: string[] = [];
    plan.kpis.forEach((kpi, k) => {
      const sk = r.kpis[k];
      const fmt = kpiFormat(plan, k, ctx.money);
      const pc = ctx.cells.kpis[k];
      const a = addr(C.actual(k), row);
      const tg = addr(C.actual(k) + 1, row);
      const at = addr(C.actual(k) + 2, row);
      cells.push(num(sk.actual, fmt));
      // Targets as formulas on the Plan tab so a changed target recalculates (SPEC §3.4).
      if (sk.target === null) cells.push(null);
      else if (sk.targetKind === "fixed") cells.push(formula(P(pc.target), sk.target, fmt));
      else if (sk.targetKind === "perMonth") cells.push(formula(`${P(pc.target)}*${months}`, sk.target, fmt));
      else if (sk.targetKind === "growth" && sk.prior !== null)
        cells.push(formula(`${decimalLiteral(sk.prior)}*(1+${P(pc.target)})`, sk.target, fmt));
      else cells.push(num(sk.target, fmt)); // per-rep override from the Targets sheet
      if (sk.attainment === null) {
        cells.push(null);
      } else {
        const f =
          kpi.direction === "lower" ? `IF(${tg}=0,NA(),MAX(0,(2*${tg}-${a})/${tg}))` : `IF(${tg}=0,NA(),${a}/${tg})`;
        cells.push(formula(f, sk.attainment, PCT));
        const w = P(pc.weight);
        const cap = P(pc.cap);
        terms.push(`${w}*MIN(MAX(${at},0),IF(${cap}="",${NO_CAP},${cap}))`);
        weights.push(w);
      }
    });
    const s = addr(C.score, row);
    const rk = addr(C.rank, row);
    // SCORE over the KPIs this rep has, weights scaled back to 100 % (SPEC §3.3).
    cells.push(
      terms.length === 0 ? num(r.score, PCT) : formula(`(${terms.join("+")})/(${weights.join("+")})`, r.score, PCT),
    );
    // Rank: score desc, then first KPI actual desc, then row order = rep name code-point order (SPEC §3.3).
    // Not COUNTIF(range,">"&score): "&" turns the score into 15-digit text, and the top score can then
    // exceed its own rounded text (0.62952380952380948 > 0.629523809523809): ranks with a gap.
    const fa = addr(C.actual(0), row);
    cells.push(
      formula(
        `1+SUMPRODUCT((${scoreRange}>${s})*1)+SUMPRODUCT((${scoreRange}=${s})*(${firstActualRange}>${fa}))` +
          `+SUMPRODUCT((${scoreRange}=${s})*(${firstActualRange}=${fa})*(ROW(${scoreRange})<ROW(${s})))`,
        r.rank,
        "0",
      ),
    );
    const top = excelString(t(lang, "status.top"));
    const coaching = excelString(t(lang, "status.coaching"));
    cells.push(
      formula(
        `IF(${rk}<=${P(ctx.cells.ranking.top)},${top},IF(${rk}>COUNT(${scoreRange})-${P(ctx.cells.ranking.bottom)},${coaching},""))`,
        statusText(ctx, r.status),
      ),
    );
    cells.push(formula(bonusFormula(ctx, factorFormula(ctx, s)), r.payout, ctx.money));
    rows.push(cells);
  });
  const lastCol = colName(C.bonus);
  const cf: ConditionalFormat[] = [];
  if (n > 0) {
    for (let k = 0; k < K; k++) {
      const c = colName(C.actual(k) + 2);
      cf.push({ type: "dataBar", ref: `${c}2:${c}${last}`, color: BAR_COLOR });
    }
    const sc = colName(C.score);
    cf.push({ type: "dataBar", ref: `${sc}2:${sc}${last}`, color: BAR_COLOR });
    const st = `$${colName(C.status)}2`;
    cf.push({
      type: "formula",
      ref: `A2:${lastCol}${last}`,
      formula: `${st}=${excelString(t(lang, "status.top"))}`,
      fill: GREEN.fill,
      fontColor: GREEN.font,
    });
    cf.push({
      type: "formula",
      ref: `A2:${lastCol}${last}`,
      formula: `${st}=${excelString(t(lang, "status.coaching"))}`,
      fill: AMBER.fill,
      fontColor: AMBER.font,
    });
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
    tables: n > 0 ? [{ name: "SP_Scorecard", ref: `A1:${lastCol}${last}`, style: TABLE_STYLE }] : [],
    conditionalFormats: cf,
    tabColor: "#2E75B6",
  };
}

function buildRanking(ctx: Ctx): ReportSheet {
  const { lang, scored } = ctx;
  const S = (ref: string): string => sheetRef(ctx.names.scorecard, ref);
  const R = (ref: string): string => sheetRef(ctx.names.ranking, ref);
  const C = scorecardCols(ctx.plan.kpis.length);
  const n = scored.reps.length;
  const last = n + 1;
  const sc = (col: number): string => S(absCol(col, 2, last));
  const rows: (ReportCell | null)[][] = [
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
    const row = i + 2;
    const match = `MATCH(${addr(3, row)},${sc(C.rank)},0)`;
    rows.push([
      formula(`INDEX(${sc(0)},${match})&""`, r.rep),
      formula(`INDEX(${sc(1)},${match})&""`, r.team ?? ""),
      formula(`INDEX(${sc(C.score)},${match})`, r.score, PCT),
      num(r.rank, "0"),
      formula(`INDEX(${sc(C.status)},${match})&""`, statusText(ctx, r.status)),
    ]);
  });
  const teams = scored.teams;
  const tLast = teams.length + 1;
  const teamCol = sc(1);
  const scoreCol = sc(C.score);
  teams.forEach((tm, i) => {
    const row = i + 2;
    while (rows.length <= row - 1) rows.push([]);
    const cells = rows[row - 1];
    while (cells.length < 6) cells.push(null);
    const h = addr(7, row);
    // SUMPRODUCT with "=": exact (case-insensitive) team match, no COUNTIF wildcards in team names.
    const count = `SUMPRODUCT((${teamCol}=${h})*1)`;
    const avgRange = absCol(8, 2, tLast);
    cells.push(
      formula(
        `1+SUMPRODUCT((${avgRange}>${addr(8, row)})*1)+SUMPRODUCT((${avgRange}=${addr(8, row)})*(ROW(${avgRange})<ROW(${addr(8, row)})))`,
        tm.rank,
        "0",
      ),
      text(tm.team),
      formula(`SUMPRODUCT((${teamCol}=${h})*${scoreCol})/${count}`, tm.averageScore, PCT),
      formula(count, tm.reps, "0"),
    );
  });
  const charts: ChartSpec[] = [];
  const tables = [];
  if (n > 0) {
    tables.push({ name: "SP_Ranking", ref: `A1:E${last}`, style: TABLE_STYLE });
    charts.push({
      type: "bar",
      title: t(lang, "chart.repScore", { period: scored.period }),
      categories: R(absCol(0, 2, last)),
      series: [{ name: t(lang, "hdr.score"), values: R(absCol(2, 2, last)) }],
      from: { col: 11, row: 1 },
      to: { col: 19, row: Math.max(16, Math.min(60, n + 4)) },
      cache: { categories: scored.reps.map((r) => r.rep), values: [scored.reps.map((r) => r.score.toNumber())] },
      yAxisFormat: PCT,
    });
  }
  if (teams.length > 0) {
    tables.push({ name: "SP_Teams", ref: `G1:J${tLast}`, style: TABLE_STYLE });
    const top = charts.length > 0 ? charts[0].to.row + 2 : 1;
    charts.push({
      type: "bar",
      title: t(lang, "chart.teamScore", { period: scored.period }),
      categories: R(absCol(7, 2, tLast)),
      series: [{ name: t(lang, "hdr.averageScore"), values: R(absCol(8, 2, tLast)) }],
      from: { col: 11, row: top },
      to: { col: 19, row: top + Math.max(12, teams.length + 4) },
      cache: { categories: teams.map((x) => x.team), values: [teams.map((x) => x.averageScore.toNumber())] },
      yAxisFormat: PCT,
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
      n > 0
        ? [
            { type: "dataBar", ref: `C2:C${last}`, color: BAR_COLOR },
            {
              type: "formula",
              ref: `A2:E${last}`,
              formula: `$E2=${excelString(t(lang, "status.top"))}`,
              fill: GREEN.fill,
              fontColor: GREEN.font,
            },
            {
              type: "formula",
              ref: `A2:E${last}`,
              formula: `$E2=${excelString(t(lang, "status.coaching"))}`,
              fill: AMBER.fill,
              fontColor: AMBER.font,
            },
          ]
        : [],
    charts,
    tabColor: "#2E75B6",
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
    const c = colName(1 + j);
    totalCells.push(formula(nReps > 0 ? `SUM(${c}2:${c}${lastRep})` : "0", sums[j], ctx.money, "total"));
  });
  if (hasGrowth) {
    const p = sums[pre];
    totalCells.push(formula(growthFormula(totalRow), p.isZero() ? "" : sums[cur].minus(p).div(p.abs()), PCT, "total"));
  }
  rows.push(totalCells);
  const lastCol = colName(P + (hasGrowth ? 1 : 0));
  const categories = R(`${absAddr(1, 1)}:${absAddr(P, 1)}`);
  // One line per rep reads well up to ~15 reps; beyond that the team total alone.
  const perRep = nReps > 0 && nReps <= MAX_TREND_SERIES;
  const series = perRep
    ? scored.trends.map((tr, i) => ({ name: tr.rep, values: R(`${absAddr(1, i + 2)}:${absAddr(P, i + 2)}`) }))
    : [{ name: t(lang, "chart.teamTotal"), values: R(`${absAddr(1, totalRow)}:${absAddr(P, totalRow)}`) }];
  const seriesCache = perRep
    ? scored.trends.map((tr) => tr.values.map((v) => (v === null ? 0 : v.toNumber())))
    : [sums.map((s) => s.toNumber())];
  const chartTop = totalRow + 1;
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
              title: t(lang, "chart.revenue"),
              categories,
              series,
              from: { col: 0, row: chartTop },
              to: { col: Math.max(8, Math.min(P + 2, 16)), row: chartTop + 18 },
              cache: { categories: periods, values: seriesCache },
              yAxisFormat: ctx.money.replace(/\.0+/, ""), // whole units read better on an axis
            },
          ]
        : [],
    tabColor: "#70AD47",
  };
}

function buildBonus(ctx: Ctx): ReportSheet {
  const { lang, plan, byName } = ctx;
  const S = (ref: string): string => sheetRef(ctx.names.scorecard, ref);
  const P = (ref: string): string => sheetRef(ctx.names.plan, ref);
  const C = scorecardCols(plan.kpis.length);
  const rows: (ReportCell | null)[][] = [
    [
      text(t(lang, "hdr.rep"), "header"),
      text(t(lang, "hdr.score"), "header"),
      text(t(lang, "hdr.factor"), "header"),
      text(t(lang, "hdr.bonus"), "header"),
      text(t(lang, "hdr.explanation"), "header"),
    ],
  ];
  byName.forEach((r, i) => {
    const row = i + 2;
    rows.push([
      formula(`${S(addr(0, row))}&""`, r.rep),
      formula(S(addr(C.score, row)), r.score, PCT),
      formula(factorFormula(ctx, addr(1, row)), r.factor, PCT),
      formula(
        `ROUND(${P(ctx.cells.bonus.targetBonus)}*${addr(2, row)},${P(ctx.cells.currencyDecimals)})`,
        r.payout,
        ctx.money,
      ),
      text(explainBonus(lang, r.score, plan.bonus, r.factor, r.payout, plan.currencyDecimals)),
    ]);
  });
  const n = byName.length;
  // SPEC §1: the total is the sum of the rounded payouts.
  rows.push([
    text(t(lang, "total"), "total"),
    null,
    null,
    formula(n > 0 ? `SUM(D2:D${n + 1})` : "0", ctx.scored.totalPayout, ctx.money, "total"),
    null,
  ]);
  return {
    key: "bonus",
    name: ctx.names.bonus,
    rows,
    columnWidths: [22, 10, 14, 14, 100],
    freeze: { rows: 1, cols: 1 },
    tables: n > 0 ? [{ name: "SP_Bonus", ref: `A1:E${n + 1}`, style: TABLE_STYLE }] : [],
    conditionalFormats: n > 0 ? [{ type: "dataBar", ref: `C2:C${n + 1}`, color: BAR_COLOR }] : [],
    tabColor: "#FFC000",
  };
}

function buildIssues(ctx: Ctx, issues: readonly DataIssue[], ingest: IngestResult): ReportSheet {
  const { lang } = ctx;
  const rows: (ReportCell | null)[][] = new Array(Math.max(issues.length, 9) + 1);
  rows[0] = [
    text(t(lang, "hdr.sheet"), "header"),
    text(t(lang, "hdr.row"), "header"),
    text(t(lang, "hdr.column"), "header"),
    text(t(lang, "hdr.raw"), "header"),
    text(t(lang, "hdr.action"), "header"),
    text(t(lang, "hdr.reason"), "header"),
  ];
  const actions = new Map<string, string>();
  for (let i = 0; i < issues.length; i++) {
    const x = issues[i];
    let action = actions.get(x.action);
    if (action === undefined) {
      action = t(lang, `action.${x.action}`);
      actions.set(x.action, action);
    }
    rows[i + 1] = [
      text(x.sheet),
      x.row === null ? null : { v: x.row },
      x.column === null ? null : text(x.column),
      x.raw === null ? null : value(x.raw),
      text(action),
      text(t(lang, x.reasonKey, x.params)),
    ];
  }
  for (let i = issues.length + 1; i < rows.length; i++) rows[i] = [null, null, null, null, null, null];
  // Reconciliation block beside the list (SPEC §3.2): read = used + excluded, rows and amounts.
  const rc = ingest.reconciliation;
  // Amounts are exact decimal strings (SPEC §1): a number cell when the double holds the value exactly,
  // else the exact digits as text (a total beyond 15 significant digits).
  const isExactDouble = (s: string): boolean => dec(Number(s)).eq(dec(s));
  const exactAmounts = [rc.amountRead, rc.amountUsed, rc.amountExcluded].every(isExactDouble);
  const amount = (s: string): ReportCell => (isExactDouble(s) ? num(Number(s), ctx.money) : text(s));
  const block: [string, ReportCell][] = [
    ["recon.rowsRead", num(rc.rowsRead, "#,##0")],
    ["recon.rowsUsed", num(rc.rowsUsed, "#,##0")],
    ["recon.rowsExcluded", num(rc.rowsExcluded, "#,##0")],
    ["recon.rowsCheck", formula("I3+I4", rc.rowsUsed + rc.rowsExcluded, "#,##0")],
    ["recon.amountRead", amount(rc.amountRead)],
    ["recon.amountUsed", amount(rc.amountUsed)],
    ["recon.amountExcluded", amount(rc.amountExcluded)],
    [
      "recon.amountCheck",
      exactAmounts
        ? formula("I7+I8", Number(rc.amountUsed) + Number(rc.amountExcluded), ctx.money)
        : text(dec(rc.amountUsed).plus(dec(rc.amountExcluded)).toFixed()),
    ],
  ];
  rows[0].push(null, text(t(lang, "recon.title"), "header"), text(t(lang, "recon.value"), "header"));
  block.forEach(([key, cell], i) => {
    const r = rows[i + 1]!;
    r.push(null, text(t(lang, key)), cell);
  });
  const m = issues.length;
  return {
    key: "issues",
    name: ctx.names.issues,
    rows,
    columnWidths: [16, 8, 18, 18, 12, 70, 3, 24, 16],
    freeze: { rows: 1, cols: 0 },
    tables: m > 0 ? [{ name: "SP_Issues", ref: `A1:F${m + 1}`, style: TABLE_STYLE }] : [],
    tabColor: "#C00000",
  };
}

/** The Plan tab = writePlanSheet's layout as report cells (user-typed text kept literal). */
function buildPlan(ctx: Ctx, layout: PlanSheetLayout): ReportSheet {
  const headers = new Set(layout.headerRows);
  const rows = layout.rows.map((row, r) =>
    row.map((v, c): ReportCell | null => {
      const fmt = layout.formats[r]?.[c] ?? null;
      if (v === null && fmt === null) return null;
      const cell: ReportCell = v === null ? { v: null } : value(v);
      if (fmt !== null) cell.fmt = fmt;
      if (r === layout.titleRow) cell.style = "title";
      else if (r === layout.noteRow) cell.style = "note";
      else if (headers.has(r)) cell.style = "header";
      return cell;
    }),
  );
  return { key: "plan", name: ctx.names.plan, rows, columnWidths: layout.columnWidths, tabColor: "#7F7F7F" };
}

export function buildReport(ingest: IngestResult, plan: Plan, opts: BuildOptions): Report {
  const lang = opts.lang;
  const scored = scorePeriod(ingest, plan, { period: opts.period });
  const names = sheetNames(lang, opts.existingSheetNames ?? []);
  const layout = writePlanSheet(plan, lang);
  const currency = plan.currency ?? ingest.currencyGuess;
  const byName = [...scored.reps].sort((a, b) => compareCodePoints(a.rep, b.rep));
  const ctx: Ctx = {
    lang,
    plan,
    scored,
    names,
    cells: layout.cells,
    money: moneyFormat(currency, plan.currencyDecimals),
    byName,
  };
  const issues: DataIssue[] = scored.issues.length > 0 ? [...ingest.issues, ...scored.issues] : ingest.issues;
  const sheets = [
    buildScorecard(ctx),
    buildRanking(ctx),
    buildTrends(ctx),
    buildBonus(ctx),
    buildIssues(ctx, issues, ingest),
    buildPlan(ctx, layout),
  ];
  return {
    lang,
    sheets,
    summary: {
      period: scored.period,
      repsScored: scored.reps.length,
      rowsUsed: ingest.reconciliation.rowsUsed,
      rowsExcluded: ingest.reconciliation.rowsExcluded,
      top: scored.reps.filter((r) => r.status === "top").map((r) => r.rep),
      coaching: scored.reps.filter((r) => r.status === "coaching").map((r) => r.rep),
      issues: issues.length,
    },
  };
}
