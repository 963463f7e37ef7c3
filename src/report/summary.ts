/**
 * The Summary tab (docs/reference/tabs.md): the one page a manager takes to the review meeting. The period, the team's
 * revenue against target, the bonus pool, how many reps reached 100 %, the Top and Coaching names, an actual-versus-
 * target chart by rep and the reconciliation of the scored period. Every number is a native formula on the other
 * tabs (Scorecard, Data issues, Plan), so an edit of the Plan tab updates it; each caches the engine's value.
 */
import type Decimal from "decimal.js";
import { dec } from "../engine/index";
import { rankCutCount, rankCutFormula } from "../plan/index";
import { isoDateOfSerial } from "../sheet";
import { t } from "../i18n/index";
import { absCol, formula, PCT, sheetRef, text } from "./cells";
import { scorecardCols, TABLE_STYLE, type FormulaContext } from "./formulas";
import type { ChartSpec, ReportCell, ReportSheet, SheetKey } from "./model";
import { RECON, reconAddress, type ReconLine } from "./reconciliation";
import type { ScoredPeriod } from "./score";

export interface SummaryContext extends FormulaContext {
  scored: ScoredPeriod;
  names: Record<SheetKey, string>;
  /** The Data issues tab's reconciliation block as built (header first), for the cached values. */
  recon: (ReportCell | null)[][];
}

type Row = (ReportCell | null)[];

/** The KPI the summary reports as revenue: the first that sums the amount column and has that column. */
export function revenueKpi(ctx: SummaryContext): number | null {
  const k = ctx.plan.kpis.findIndex(
    (kpi, i) => kpi.measure.field === "amount" && kpi.aggregate === "sum" && ctx.scored.sources[i] !== "missing",
  );
  return k < 0 ? null : k;
}

const sum = (xs: (Decimal | null)[]): Decimal => xs.reduce<Decimal>((s, x) => (x === null ? s : s.plus(x)), dec(0));

/** The Summary's first rows, one plan or several: title, the period with its dates, the key figures' header. */
export function summaryHeading(lang: SummaryContext["lang"], scored: ScoredPeriod): Row[] {
  const range = scored.range;
  return [
    [text(t(lang, "summary.title", { period: scored.period }), "title")],
    [
      text(t(lang, "summary.period")),
      text(
        t(lang, "summary.periodValue", {
          period: scored.period,
          from: isoDateOfSerial(range.startSerial),
          to: isoDateOfSerial(range.endSerial),
        }),
      ),
    ],
    [],
    [text(t(lang, "summary.keyFigures"), "header"), text(t(lang, "summary.value"), "header")],
  ];
}

export function buildSummary(ctx: SummaryContext): ReportSheet {
  const { lang, scored, plan } = ctx;
  const reps = scored.reps; // rank order
  const n = reps.length;
  const C = scorecardCols(plan.kpis.length);
  const S = (col: number): string => sheetRef(ctx.names.scorecard, absCol(col, 2, n + 1));
  const P = (ref: string): string => sheetRef(ctx.names.plan, ref);
  const k = revenueKpi(ctx);
  const kpiName = k === null ? "" : plan.kpis[k].name;
  const rows: Row[] = summaryHeading(lang, scored);
  // With no reps the ranges would be empty: the figures are plain zeros then.
  const f = (expr: string, v: number | string | Decimal, fmt?: string): ReportCell =>
    formula(n > 0 ? expr : "0", n > 0 ? v : 0, fmt);
  const line = (key: string, cell: ReportCell, params?: Record<string, string>): void => {
    rows.push([text(t(lang, key, params)), cell]);
  };

  if (k !== null) {
    const kpis = reps.map((r) => r.kpis[k]);
    const targeted = kpis.filter((x) => x.target !== null);
    const targetSum = sum(targeted.map((x) => x.target));
    line("summary.kpiActual", f(`SUM(${S(C.actual(k))})`, sum(kpis.map((x) => x.actual)), ctx.money), {
      kpi: kpiName,
    });
    const targetCell = `B${rows.length + 1}`;
    line("summary.kpiTarget", f(`SUM(${S(C.actual(k) + 1)})`, targetSum, ctx.money), { kpi: kpiName });
    // Over the reps that have a target: a rep without one (no prior period for a growth target) would inflate it.
    const attainment = targetSum.isZero() ? "" : sum(targeted.map((x) => x.actual)).div(targetSum);
    line(
      "summary.kpiAttainment",
      formula(
        n > 0
          ? `IF(${targetCell}=0,"",SUMPRODUCT(ISNUMBER(${S(C.actual(k) + 1)})*${S(C.actual(k))})/${targetCell})`
          : `""`,
        n > 0 ? attainment : "",
        PCT,
      ),
      { kpi: kpiName },
    );
  }
  line("summary.bonusPool", f(`SUM(${S(C.bonus)})`, scored.totalPayout, ctx.money));
  line("summary.repsScored", f(`COUNT(${S(C.score)})`, n, "0"));
  if (k !== null) {
    const reached = reps.filter((r) => r.kpis[k].attainment?.gte(1) ?? false).length;
    line("summary.repsAtTarget", f(`COUNTIF(${S(C.actual(k) + 2)},">=1")`, reached, "0"), { kpi: kpiName });
  } else {
    const reached = reps.filter((r) => r.score.gte(1)).length;
    line("summary.repsAtScore", f(`COUNTIF(${S(C.score)},">=1")`, reached, "0"));
  }
  rows.push([]);
  rows.push(...statusNames(ctx, S, P, C));
  rows.push([]);
  rows.push(...reconciliationLines(ctx));
  rows.push([]);
  const sheet: ReportSheet = {
    key: "summary",
    name: ctx.names.summary,
    rows,
    columnWidths: [44, 22, 22, 16],
    tables: [],
    charts: [],
    tabColor: "#2E75B6",
  };
  if (k !== null && n > 0) addByRep(ctx, sheet, k, S);
  return sheet;
}

/**
 * Top and Coaching names side by side, one row per name, in rank order: Top are ranks 1…top, Coaching the bottom
 * ranks that are not Top — the Scorecard's status rule, on the Plan tab's counts. As many rows as the Plan's counts
 * had when the report was built (a larger count on the Plan tab shows more names after the next run).
 */
export function statusNames(
  ctx: SummaryContext,
  S: (col: number) => string,
  P: (ref: string) => string,
  C: ReturnType<typeof scorecardCols>,
): Row[] {
  const { lang, scored } = ctx;
  const reps = scored.reps;
  const n = reps.length;
  // Counts or shares of the team, as the Scorecard's status (docs/reference/plan.md ranking).
  const top = rankCutCount(ctx.plan.ranking.top, n);
  const bottom = rankCutCount(ctx.plan.ranking.bottom, n);
  const count = `COUNT(${S(C.score)})`;
  const topN = rankCutFormula(P(ctx.cells.ranking.top), count);
  const bottomN = rankCutFormula(P(ctx.cells.ranking.bottom), count);
  const nameOfRank = (rank: string): string => `INDEX(${S(0)},MATCH(${rank},${S(C.rank)},0))&""`;
  const topCells: ReportCell[] = [];
  for (let i = 1; i <= Math.min(top, n); i++)
    topCells.push(formula(`IF(${i}>MIN(${topN},${count}),"",${nameOfRank(String(i))})`, reps[i - 1].rep));
  const coachingCells: ReportCell[] = [];
  for (let i = 1; i <= Math.min(bottom, n); i++) {
    const rank = n - bottom + i;
    const r = `(${count}-${bottomN}+${i})`;
    coachingCells.push(
      formula(`IF(OR(${r}<=${topN},${r}<1),"",${nameOfRank(r)})`, rank > top && rank >= 1 ? reps[rank - 1].rep : ""),
    );
  }
  const out: Row[] = [[text(t(lang, "summary.topReps"), "header"), text(t(lang, "summary.coachingReps"), "header")]];
  for (let i = 0; i < Math.max(topCells.length, coachingCells.length); i++)
    out.push([topCells[i] ?? null, coachingCells[i] ?? null]);
  return out;
}

/** The scored period beside the whole file, read from the Data issues tab's block. */
export function reconciliationLines(ctx: SummaryContext): Row[] {
  const { lang, scored } = ctx;
  const lines: ReconLine[] = ["rowsRead", "rowsUsed", "rowsExcluded", "amountRead", "amountUsed", "amountExcluded"];
  const D = (ref: string): string => sheetRef(ctx.names.issues, ref);
  const cached = (line: ReconLine, col: number): ReportCell | null =>
    ctx.recon[RECON.rows[line] - 1]?.[col - RECON.labelCol] ?? null;
  const ref = (line: ReconLine, column: "whole" | "period", col: number): ReportCell => {
    const c = cached(line, col);
    const v = c?.v ?? null;
    return formula(D(reconAddress(line, column)), typeof v === "boolean" ? null : v, c?.fmt);
  };
  const out: Row[] = [
    [
      text(t(lang, "summary.reconTitle"), "header"),
      text(t(lang, "recon.scoredPeriod", { period: scored.period }), "header"),
      text(t(lang, "recon.wholeFile"), "header"),
    ],
  ];
  for (const line of lines)
    out.push([
      text(t(lang, `recon.${line}`)),
      ref(line, "period", RECON.periodCol),
      ref(line, "whole", RECON.wholeCol),
    ]);
  return out;
}

/**
 * Per rep in rank order: name, actual, target and attainment of the revenue KPI, looked up on the Scorecard by rank
 * (ranks are 1…n without gaps), and a clustered bar chart of actual against target beside the figures.
 */
function addByRep(ctx: SummaryContext, sheet: ReportSheet, k: number, S: (col: number) => string): void {
  const { lang, scored, plan } = ctx;
  const reps = scored.reps;
  const n = reps.length;
  const C = scorecardCols(plan.kpis.length);
  const kpi = plan.kpis[k].name;
  const rows = sheet.rows;
  rows.push([text(t(lang, "summary.byRep", { kpi }), "header")]);
  const headerRow = rows.length + 1;
  rows.push([
    text(t(lang, "hdr.rep"), "header"),
    text(t(lang, "hdr.actual", { kpi }), "header"),
    text(t(lang, "hdr.target", { kpi }), "header"),
    text(t(lang, "hdr.attainment", { kpi }), "header"),
  ]);
  const blankOr = (col: number, m: string): string => `IF(INDEX(${S(col)},${m})="","",INDEX(${S(col)},${m}))`;
  reps.forEach((r, i) => {
    const m = `MATCH(${i + 1},${S(C.rank)},0)`;
    const x = r.kpis[k];
    rows.push([
      formula(`INDEX(${S(0)},${m})&""`, r.rep),
      formula(`INDEX(${S(C.actual(k))},${m})`, x.actual, ctx.money),
      formula(blankOr(C.actual(k) + 1, m), x.target ?? "", ctx.money),
      formula(blankOr(C.actual(k) + 2, m), x.attainment ?? "", PCT),
    ]);
  });
  const first = headerRow + 1;
  const last = headerRow + n;
  const own = (col: number): string => sheetRef(sheet.name, absCol(col, first, last));
  sheet.tables!.push({ name: "SP_Summary", ref: `A${headerRow}:D${last}`, style: TABLE_STYLE });
  const chart: ChartSpec = {
    type: "bar",
    title: t(lang, "summary.chart", { kpi, period: scored.period }),
    categories: own(0),
    series: [
      { name: t(lang, "summary.series.actual"), values: own(1) },
      { name: t(lang, "summary.series.target"), values: own(2) },
    ],
    from: { col: 5, row: 1 },
    to: { col: 14, row: 1 + Math.max(20, Math.min(60, 2 * n + 4)) },
    cache: {
      categories: reps.map((r) => r.rep),
      values: [reps.map((r) => r.kpis[k].actual?.toNumber() ?? 0), reps.map((r) => r.kpis[k].target?.toNumber() ?? 0)],
    },
    yAxisFormat: ctx.money.replace(/\.0+/, ""), // whole units read better on an axis
    valueAxisMin: 0, // bars start at 0 (docs/reference/tabs.md): their lengths compare
  };
  sheet.charts!.push(chart);
}
