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
} from "./formulas";
import type { ScoredLeader } from "./leaders";
import type { ReportCell, ReportSheet } from "./model";
import { columnLetters, displayWidth } from "../sheet";

/** Excel's longest formula is 8,192 characters; a target over a larger tree of teams is written as its value. */
const MAX_FORMULA = 8000;

export interface LeadersTabContext extends FormulaContext {
  names: { plan: string; scorecard: string; leaders: string };
  /** Scorecard rows (reps) from row 2; the team is column B. */
  scorecardReps: number;
}

/** The first KPI's columns: A leader, B team, C parent team, D reps. */
const FIRST_KPI_COL = 4;

export function buildLeadersTab(ctx: LeadersTabContext, leaders: readonly ScoredLeader[]): ReportSheet {
  const { lang, plan } = ctx;
  const K = plan.kpis.length;
  const scoreCol = FIRST_KPI_COL + 3 * K;
  const bonusCol = scoreCol + 1;
  const S = (ref: string): string => sheetRef(ctx.names.scorecard, ref);
  const lastRep = ctx.scorecardReps + 1;
  const teamRange = S(absCol(1, 2, lastRep));
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
  const rows: (ReportCell | null)[][] = [header];

  leaders.forEach((l, i) => {
    const row = i + 2;
    // The Scorecard's reps of the team and the teams under it: "=" matches a team ignoring case, without wildcards.
    const terms = l.teams.map((team) => `(${teamRange}=${excelString(team)})`);
    const members = terms.length === 1 ? terms[0] : `(${terms.join("+")})`;
    const cells: (ReportCell | null)[] = [
      text(l.leader),
      text(l.entry.team),
      l.entry.parent === null ? null : text(l.entry.parent),
      formula(`SUMPRODUCT(${members}*1)`, l.members.length, "0"),
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
        cells.push(f.length <= MAX_FORMULA ? formula(f, lk.target, fmt) : num(lk.target, fmt));
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
  const n = leaders.length;
  const last = n + 1;
  const noteRow = last + 2;
  rows.push([], [text(t(lang, "leaders.note"), "note")]);
  const lastCol = columnLetters(bonusCol);
  const sc = columnLetters(scoreCol);
  return {
    key: "leaders",
    name: ctx.names.leaders,
    rows,
    columnWidths: header.map((h, c) =>
      c === 0 ? 22 : c <= 2 ? 16 : Math.max(c === 3 ? 8 : 15, Math.min(30, displayWidth(String(h.v)) + 2)),
    ),
    wrapAcross: [`A${noteRow}:${lastCol}${noteRow}`],
    freeze: { rows: 1, cols: 1 },
    tables: n > 0 ? [{ name: "SP_Leaders", ref: `A1:${lastCol}${last}`, style: TABLE_STYLE }] : [],
    conditionalFormats: n > 0 ? [dataBar(`${sc}2:${sc}${last}`)] : [],
    tabColor: "#2E75B6",
  };
}
