/**
 * The Leaders / 团队负责人 tab (docs/reference/leaders.md, tabs.md): one row per leader with the team's actuals, targets,
 * attainment, score and bonus. Targets, attainment, score and bonus are native formulas over the Scorecard and the
 * Plan tab, so an edited target or weight recalculates here too; the actuals are values, because a deal shared by
 * several of the team's reps counts once and the Scorecard holds only each rep's credit. Each formula caches the
 * engine's value.
 */
import { t } from "../i18n/index";
import { absCol, addr, excelString, formula, num, PCT, sheetRef, text } from "./cells";
import {
  bonusFormula,
  dataBar,
  factorFormula,
  kpiFormat,
  scorecardCols,
  TABLE_STYLE,
  teamAttainmentFormula,
  type FormulaContext,
  type PlanCells,
} from "./formulas";
import type { ScoredLeader } from "./leaders";
import type { ReportCell, ReportSheet } from "./model";
import type { Plan } from "../plan/types";
import { columnLetters, displayWidth } from "../sheet";

/** Excel's longest formula is 8,192 characters; a target over a larger tree of teams is written as its value. */
const MAX_FORMULA = 8000;

export interface LeadersTabContext extends FormulaContext {
  names: { plan: string; scorecard: string; leaders: string };
  /** Scorecard rows (reps) from row 2; the team is column B. */
  scorecardReps: number;
  /**
   * Several plans (docs/reference/plan.md "A plan per role or team"): every plan (plansOf) with its Plan-tab cells.
   * The tab then has one part per plan that has leaders, under its title; the Scorecard is split by plan, so the
   * members' count and targets are values there. Absent: one plan, `plan` and `cells`.
   */
  plans?: { plan: Plan; cells: PlanCells }[];
}

/** The first KPI's columns: A leader, B team, C parent team, D reps. */
const FIRST_KPI_COL = 4;

/** One part of the tab: a plan's leaders under its header (the header at sheet row `headerRow`). */
interface Part {
  header: ReportCell[];
  headerRow: number;
  rows: (ReportCell | null)[][];
  lastCol: number;
  scoreCol: number;
  n: number;
}

function headerOf(ctx: FormulaContext): ReportCell[] {
  const { lang, plan } = ctx;
  const header: ReportCell[] = [
    text(t(lang, "leaders.hdr.leader"), "header"),
    text(t(lang, "leaders.hdr.team"), "header"),
    text(t(lang, "leaders.hdr.parent"), "header"),
    text(t(lang, "leaders.hdr.reps"), "header"),
  ];
  for (const kpi of plan.kpis) {
    header.push(text(t(lang, "hdr.actual", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.target", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.attainment", { kpi: kpi.name }), "header"));
  }
  header.push(text(t(lang, "hdr.score"), "header"), text(t(lang, "hdr.bonus"), "header"));
  return header;
}

/**
 * The leaders of one plan from sheet row `headerRow` + 1. `onScorecard`: the members' count and targets as formulas on
 * the Scorecard (one plan, its reps from row 2); else values.
 */
function part(ctx: LeadersTabContext, leaders: readonly ScoredLeader[], headerRow: number, onScorecard: boolean): Part {
  const { plan } = ctx;
  const K = plan.kpis.length;
  const scoreCol = FIRST_KPI_COL + 3 * K;
  const S = (ref: string): string => sheetRef(ctx.names.scorecard, ref);
  const lastRep = ctx.scorecardReps + 1;
  const teamRange = S(absCol(1, 2, lastRep));
  const rows: (ReportCell | null)[][] = [];
  leaders.forEach((l, i) => {
    const row = headerRow + 1 + i;
    // The Scorecard's reps of the team and the teams under it: "=" matches a team ignoring case, without wildcards.
    const terms = l.teams.map((team) => `(${teamRange}=${excelString(team)})`);
    const members = terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
    const count = `SUMPRODUCT(${members}*1)`;
    const cells: (ReportCell | null)[] = [
      text(l.leader),
      text(l.entry.team),
      l.entry.parent === null ? null : text(l.entry.parent),
      onScorecard && count.length <= MAX_FORMULA ? formula(count, l.members.length, "0") : num(l.members.length, "0"),
    ];
    const scoreTerms: string[] = [];
    const weights: string[] = [];
    plan.kpis.forEach((kpi, k) => {
      const lk = l.kpis[k];
      const fmt = kpiFormat(plan, k, ctx.money);
      const a = addr(FIRST_KPI_COL + 3 * k, row);
      const tg = addr(FIRST_KPI_COL + 3 * k + 1, row);
      const at = addr(FIRST_KPI_COL + 3 * k + 2, row);
      cells.push(num(lk.actual, fmt));
      if (lk.target === null) cells.push(null);
      else {
        const T = S(absCol(scorecardCols(K).actual(k) + 1, 2, lastRep));
        const f = `SUMPRODUCT(${members}*ISNUMBER(${T}),${T})`;
        cells.push(onScorecard && f.length <= MAX_FORMULA ? formula(f, lk.target, fmt) : num(lk.target, fmt));
      }
      if (lk.attainment === null) {
        cells.push(null);
        return;
      }
      cells.push(formula(teamAttainmentFormula(kpi.direction, { actual: a, target: tg }), lk.attainment, PCT));
      const w = sheetRef(ctx.names.plan, ctx.cells.kpis[k].weight);
      const cap = sheetRef(ctx.names.plan, ctx.cells.kpis[k].cap);
      // As on the Scorecard: the KPIs that count, weights scaled back to 100 %, a blank cap meaning none.
      scoreTerms.push(`${w}*IF(${cap}="",MAX(${at},0),MIN(${cap},MAX(${at},0)))`);
      weights.push(w);
    });
    const s = addr(scoreCol, row);
    cells.push(
      scoreTerms.length === 0
        ? num(l.score, PCT)
        : formula(`(${scoreTerms.join("+")})/(${weights.join("+")})`, l.score, PCT),
      formula(bonusFormula(ctx, factorFormula(ctx, s)), l.payout, ctx.money),
    );
    rows.push(cells);
  });
  return { header: headerOf(ctx), headerRow, rows, lastCol: scoreCol + 1, scoreCol, n: leaders.length };
}

export function buildLeadersTab(ctx: LeadersTabContext, leaders: readonly ScoredLeader[]): ReportSheet {
  const { lang } = ctx;
  const rows: (ReportCell | null)[][] = [];
  const parts: Part[] = [];
  if (ctx.plans === undefined || ctx.plans.length <= 1) {
    const p = part(ctx, leaders, 1, true);
    rows.push(p.header, ...p.rows);
    parts.push(p);
  } else {
    ctx.plans.forEach(({ plan, cells }, index) => {
      const own = leaders.filter((l) => l.planIndex === index);
      if (own.length === 0) return;
      // Each plan's part: its title, its header, its leaders, a blank row.
      rows.push([text(t(lang, "plans.section", { plan: plan.name ?? "" }), "title")]);
      const p = part({ ...ctx, plan, cells }, own, rows.length + 1, false);
      rows.push(p.header, ...p.rows, []);
      parts.push(p);
    });
    if (rows.length > 0) rows.pop();
  }
  const lastCol = Math.max(...parts.map((p) => p.lastCol), FIRST_KPI_COL + 1);
  const noteRow = rows.length + 2;
  rows.push([], [text(t(lang, "leaders.note"), "note")]);
  const widths: number[] = [];
  for (const p of parts)
    p.header.forEach((h, c) => {
      const w = c === 0 ? 22 : c <= 2 ? 16 : Math.max(c === 3 ? 8 : 15, Math.min(30, displayWidth(String(h.v)) + 2));
      widths[c] = Math.max(widths[c] ?? 0, w);
    });
  const tables = parts
    .filter((p) => p.n > 0)
    .map((p, i) => ({
      name: i === 0 ? "SP_Leaders" : `SP_Leaders_${i + 1}`,
      ref: `A${p.headerRow}:${columnLetters(p.lastCol)}${p.headerRow + p.n}`,
      style: TABLE_STYLE,
    }));
  const bars = parts
    .filter((p) => p.n > 0)
    .map((p) => {
      const sc = columnLetters(p.scoreCol);
      return dataBar(`${sc}${p.headerRow + 1}:${sc}${p.headerRow + p.n}`);
    });
  return {
    key: "leaders",
    name: ctx.names.leaders,
    rows,
    columnWidths: widths,
    wrapAcross: [`A${noteRow}:${columnLetters(lastCol)}${noteRow}`],
    // One plan: its header stays on screen; several: each part has its own header.
    freeze: { rows: parts.length === 1 ? 1 : 0, cols: 1 },
    tables,
    conditionalFormats: bars,
    tabColor: "#2E75B6",
  };
}
