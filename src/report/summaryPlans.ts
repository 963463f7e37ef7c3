/**
 * The Summary tab with several plans (docs/reference/plan.md "A plan per role or team", tabs.md Summary): the key
 * figures count every rep of every plan — each a sum of the plans' own Scorecard ranges, since their KPI columns
 * differ — and the Top and Coaching names are listed per plan. The actual-versus-target chart by rep is the one-plan
 * Summary's only (the plans' revenue KPIs need not be alike).
 */
import type Decimal from "decimal.js";
import { dec } from "../engine/index";
import { t } from "../i18n/index";
import { absCol, formula, PCT, sheetRef, text } from "./cells";
import { scorecardCols } from "./formulas";
import type { ReportCell, ReportSheet } from "./model";
import { reconciliationLines, revenueKpi, statusNames, summaryHeading, type SummaryContext } from "./summary";

type Row = (ReportCell | null)[];

/** One plan's part: its context (plan, Plan cells, its reps scored) and its rows on the Scorecard. */
export interface SummaryPart {
  ctx: SummaryContext;
  plan: string;
  first: number;
  last: number;
}

const sum = (xs: (Decimal | null)[]): Decimal => xs.reduce<Decimal>((s, x) => (x === null ? s : s.plus(x)), dec(0));

export function buildSummaryPlans(whole: SummaryContext, parts: readonly SummaryPart[]): ReportSheet {
  const { lang, scored } = whole;
  const refs = parts.map((p) => {
    const C = scorecardCols(p.ctx.plan.kpis.length);
    const S = (col: number): string => sheetRef(whole.names.scorecard, absCol(col, p.first, p.last));
    return { ...p, C, S, k: revenueKpi(p.ctx), n: p.ctx.scored.reps.length };
  });
  const scoredParts = refs.filter((p) => p.n > 0);
  const withKpi = scoredParts.filter((p) => p.k !== null);
  const kpiName = withKpi.length > 0 ? withKpi[0].ctx.plan.kpis[withKpi[0].k!].name : "";
  const rows: Row[] = summaryHeading(lang, scored);
  const line = (key: string, cell: ReportCell, params?: Record<string, string>): void => {
    rows.push([text(t(lang, key, params)), cell]);
  };
  /** Σ over the plans with reps of `term`, or 0 when there are none. */
  const across = (parts: typeof refs, term: (p: (typeof refs)[number]) => string): string =>
    parts.length === 0 ? "0" : parts.map(term).join("+");

  if (withKpi.length > 0) {
    const kpis = withKpi.flatMap((p) => p.ctx.scored.reps.map((r) => r.kpis[p.k!]));
    const targeted = kpis.filter((x) => x.target !== null);
    const targetSum = sum(targeted.map((x) => x.target));
    const actualF = across(withKpi, (p) => `SUM(${p.S(p.C.actual(p.k!))})`);
    line("summary.kpiActual", formula(actualF, sum(kpis.map((x) => x.actual)), whole.money), { kpi: kpiName });
    const targetCell = `B${rows.length + 1}`;
    const targetF = across(withKpi, (p) => `SUM(${p.S(p.C.actual(p.k!) + 1)})`);
    line("summary.kpiTarget", formula(targetF, targetSum, whole.money), { kpi: kpiName });
    // Over the reps that have a target, as with one plan.
    const attainment = targetSum.isZero() ? "" : sum(targeted.map((x) => x.actual)).div(targetSum);
    const withTarget = across(
      withKpi,
      (p) => `SUMPRODUCT(ISNUMBER(${p.S(p.C.actual(p.k!) + 1)})*${p.S(p.C.actual(p.k!))})`,
    );
    line("summary.kpiAttainment", formula(`IF(${targetCell}=0,"",(${withTarget})/${targetCell})`, attainment, PCT), {
      kpi: kpiName,
    });
  }
  line(
    "summary.bonusPool",
    formula(
      across(scoredParts, (p) => `SUM(${p.S(p.C.bonus)})`),
      scored.totalPayout,
      whole.money,
    ),
  );
  const repCount = scoredParts.reduce((n, p) => n + p.n, 0);
  line(
    "summary.repsScored",
    formula(
      across(scoredParts, (p) => `COUNT(${p.S(p.C.score)})`),
      repCount,
      "0",
    ),
  );
  if (withKpi.length > 0) {
    const reached = withKpi.reduce(
      (n, p) => n + p.ctx.scored.reps.filter((r) => r.kpis[p.k!].attainment?.gte(1) ?? false).length,
      0,
    );
    const f = across(withKpi, (p) => `COUNTIF(${p.S(p.C.actual(p.k!) + 2)},">=1")`);
    line("summary.repsAtTarget", formula(f, reached, "0"), { kpi: kpiName });
  } else {
    const reached = scored.reps.filter((r) => r.score.gte(1)).length;
    line(
      "summary.repsAtScore",
      formula(
        across(scoredParts, (p) => `COUNTIF(${p.S(p.C.score)},">=1")`),
        reached,
        "0",
      ),
    );
  }
  // Top and Coaching per plan: each plan ranks its own reps.
  for (const p of refs) {
    rows.push([]);
    rows.push([text(t(lang, "plans.section", { plan: p.plan }), "title")]);
    const P = (ref: string): string => sheetRef(whole.names.plan, ref);
    if (p.n > 0) rows.push(...statusNames(p.ctx, p.S, P, p.C));
  }
  rows.push([]);
  rows.push(...reconciliationLines(whole));
  rows.push([]);
  return {
    key: "summary",
    name: whole.names.summary,
    rows,
    columnWidths: [44, 22, 22, 16],
    tables: [],
    charts: [],
    tabColor: "#2E75B6",
  };
}
