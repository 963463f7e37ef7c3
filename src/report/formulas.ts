/**
 * Formulas and tab pieces the team report (buildReport) and the per-rep statements (statement) share (docs/reference/functions.md BONUS,
 * docs/reference/plan.md score, docs/reference/tabs.md native formulas on the Plan tab, docs/reference/statements.md): one definition, so a statement's numbers are computed by
 * the same formulas as the report's.
 */
import { t, type Lang } from "../i18n/index";
import { rankCutFormula, WEIGHT_CHECK_TOLERANCE, type PlanSheetLayout } from "../plan/index";
import type { Plan } from "../plan/types";
import { dec } from "../engine/index";
import { explanationCell } from "./bonusText";
import { absCol, addr, decimalLiteral, excelString, formula, num, PCT, sheetRef, text, value } from "./cells";
import type { ConditionalFormat, ReportCell, ReportSheet } from "./model";
import { columnLetters } from "../sheet";
import { wrappedNoteRows } from "./printLayout";
import { isProratedKpi } from "./proration";
import type { PayoutCells } from "../plan/payoutsSheet";
import type { ScoredRep } from "./score";

export const GREEN = { fill: "#C6EFCE", font: "#006100" };
export const AMBER = { fill: "#FFEB9C", font: "#9C5700" };
export const TABLE_STYLE = "TableStyleMedium2";

/** Addresses of the Plan tab's values (from writePlanSheet), e.g. "$C$5". */
export interface PlanCells {
  currencyDecimals: string;
  kpis: { target: string; weight: string; cap: string; incentive?: string }[];
  bonus: { targetBonus: string; threshold: string; cap: string; curveX?: string; curveY?: string };
  ranking: { top: string; bottom: string };
  /** The Payouts section's value cells (docs/reference/payouts.md); absent when the plan has no payout settings. */
  payouts?: PayoutCells;
}

/** What the shared builders read: language, plan, money format, the Plan tab's name and its value cells. */
export interface FormulaContext {
  lang: Lang;
  plan: Plan;
  money: string;
  names: { plan: string };
  cells: PlanCells;
  /**
   * The column of each rep's proration factor on the row (docs/reference/plan.md "Joiners and leavers"), present only
   * when someone is prorated: the targets of sums and counts are then multiplied by it.
   */
  prorationCol?: number;
  /**
   * The cell (with its sheet) that shows a rep's prior-period actual of KPI k, when the report has one (the Trends
   * tab's "Actuals of the prior period"): a growth target then refers to it instead of carrying the number.
   */
  priorCell?: (rep: string, k: number) => string | undefined;
}

/** A reference to the Plan tab: "'Plan'!$C$5". */
function planRef(ctx: FormulaContext, ref: string): string {
  return sheetRef(ctx.names.plan, ref);
}

/** Number format of a KPI's actual and target: money for amount sums/averages, % for satisfaction. */
export function kpiFormat(plan: Plan, k: number, money: string): string {
  const kpi = plan.kpis[k];
  if (kpi.aggregate === "count" || kpi.aggregate === "count_unique" || kpi.aggregate === "count_true") return "#,##0";
  if (kpi.measure.field === "amount") return money;
  if (kpi.measure.field === "satisfaction") return PCT;
  return "#,##0.00";
}

/** "Top", "Coaching" or "" in the language. */
export function statusText(lang: Lang, status: ScoredRep["status"]): string {
  return status === "top" ? t(lang, "status.top") : status === "coaching" ? t(lang, "status.coaching") : "";
}

/** BONUS steps 2–4 of docs/reference/functions.md with the score cell `s` as the driver, reading only the Plan tab. */
export function factorFormula(ctx: FormulaContext, s: string): string {
  const b = ctx.cells.bonus;
  let curve = s;
  if (ctx.plan.bonus.curve && ctx.plan.bonus.curve.length > 0 && b.curveX && b.curveY) {
    const X = planRef(ctx, b.curveX);
    const Y = planRef(ctx, b.curveY);
    const m = `MATCH(${s},${X},1)`;
    // Piecewise linear PAYCURVE: flat outside the points, interpolated between MATCH's point and the next.
    curve =
      `IF(${s}<=INDEX(${X},1),INDEX(${Y},1),IF(${s}>=INDEX(${X},COUNT(${X})),INDEX(${Y},COUNT(${X})),` +
      `INDEX(${Y},${m})+(${s}-INDEX(${X},${m}))*(INDEX(${Y},${m}+1)-INDEX(${Y},${m}))/(INDEX(${X},${m}+1)-INDEX(${X},${m}))))`;
  }
  const cap = planRef(ctx, b.cap);
  return `IF(${s}<${planRef(ctx, b.threshold)},0,MAX(0,IF(${cap}="",${curve},MIN(${cap},${curve}))))`;
}

/** The payout: target bonus × factor, rounded to the currency's decimals (docs/reference/numbers.md: rounded once, at the end). */
export function bonusFormula(ctx: FormulaContext, factorExpr: string): string {
  const c = ctx.cells;
  return `ROUND(${planRef(ctx, c.bonus.targetBonus)}*${factorExpr},${planRef(ctx, c.currencyDecimals)})`;
}

// ---------- Scorecard ----------

/** Column layout of the Scorecard: A rep, B team, then actual/target/attainment per KPI, then the rest. */
export function scorecardCols(nKpis: number): {
  actual: (k: number) => number;
  score: number;
  rank: number;
  status: number;
  bonus: number;
  /** Hidden: each rep's place in code-point order of names, the rank formula's last tie-break. */
  tieOrder: number;
} {
  const score = 2 + 3 * nKpis;
  return { actual: (k) => 2 + 3 * k, score, rank: score + 1, status: score + 2, bonus: score + 3, tieOrder: score + 4 };
}

/** The Scorecard's header row (docs/reference/cli.md headers). */
export function scorecardHeader(lang: Lang, plan: Plan): ReportCell[] {
  const header = headerCells(lang, ["hdr.rep", "hdr.team"]);
  for (const kpi of plan.kpis) {
    header.push(text(t(lang, "hdr.actual", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.target", { kpi: kpi.name }), "header"));
    header.push(text(t(lang, "hdr.attainment", { kpi: kpi.name }), "header"));
  }
  return [...header, ...headerCells(lang, ["hdr.score", "hdr.rank", "hdr.status", "hdr.bonus"])];
}

/**
 * A rep's Scorecard cells at sheet row `row` from the first KPI to the score: per KPI the actual, the target and the
 * attainment, then the score. `months`: the scored period's length (per-month targets).
 */
export function kpiAndScoreCells(
  ctx: FormulaContext,
  r: ScoredRep,
  row: number,
  months: number,
  teamRows?: TeamRows,
): (ReportCell | null)[] {
  const { plan } = ctx;
  const C = scorecardCols(plan.kpis.length);
  const P = (ref: string): string => planRef(ctx, ref);
  const cells: (ReportCell | null)[] = [];
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
    // Joiners and leavers: a sum's or a count's target times the rep's proration cell, when the column is there.
    const prorated = ctx.prorationCol !== undefined && isProratedKpi(kpi);
    const times = (f: string): string => (prorated ? `${f}*${addr(ctx.prorationCol!, row)}` : f);
    // Targets as formulas on the Plan tab so a changed target recalculates (docs/reference/tabs.md).
    if (sk.target === null) cells.push(null);
    else if (sk.targetKind === "fixed") cells.push(formula(times(P(pc.target)), sk.target, fmt));
    else if (sk.targetKind === "perMonth") cells.push(formula(times(`${P(pc.target)}*${months}`), sk.target, fmt));
    // The prior value is the rep's own (growth over their own prior period, docs/reference/plan.md), read from the
    // cell that shows it where the report has one (docs/reference/tabs.md).
    else if (sk.targetKind === "growth" && sk.prior !== null) {
      const prior = ctx.priorCell?.(r.rep, k) ?? decimalLiteral(sk.prior);
      cells.push(formula(times(`${prior}*(1+${P(pc.target)})`), sk.target, fmt));
    }
    // The rep's own override from the Targets sheet: a value, or the value times the proration cell.
    else if (prorated) cells.push(formula(times(decimalLiteral(sk.unprorated ?? sk.target)), sk.target, fmt));
    else cells.push(num(sk.target, fmt));
    if (sk.attainment === null) {
      cells.push(null);
    } else {
      const f =
        kpi.direction === "lower" ? `IF(${tg}=0,NA(),MAX(0,(2*${tg}-${a})/${tg}))` : `IF(${tg}=0,NA(),${a}/${tg})`;
      if (sk.team === undefined) cells.push(formula(f, sk.attainment, PCT));
      else if (teamRows)
        cells.push(formula(teamAttainmentFormula(kpi.direction, teamTotals(k, row, teamRows)), sk.attainment, PCT));
      // A statement holds no other rep's figures: the team's attainment is a value there (docs/reference/statements.md).
      else cells.push(num(sk.attainment, PCT));
      const w = P(pc.weight);
      const cap = P(pc.cap);
      // A blank cap cell means no cap: the clamp is skipped rather than capped at a huge sentinel number, which
      // not every engine parses (docs/reference/verification.md).
      const clamped = `MAX(${at},0)`;
      terms.push(`${w}*IF(${cap}="",${clamped},MIN(${cap},${clamped}))`);
      weights.push(w);
    }
  });
  // SCORE over the KPIs this rep has, weights scaled back to 100 % (docs/reference/plan.md).
  cells.push(
    terms.length === 0 ? num(r.score, PCT) : formula(`(${terms.join("+")})/(${weights.join("+")})`, r.score, PCT),
  );
  return cells;
}

/** The Scorecard rows of every rep (sheet rows first…last), for formulas over the team's members. */
export interface TeamRows {
  first: number;
  last: number;
}

/**
 * A team KPI's Σ actuals and Σ targets over the members of the rep's team (Scorecard row `row`) for whom the KPI counts
 * — own actual and target are numbers — as SUMPRODUCT formulas (docs/reference/coaching.md). "=" matches the team
 * ignoring case and without wildcards, as the team ranking does. `scorecardSheet`: from another tab.
 */
export function teamTotals(
  k: number,
  row: number,
  rows: TeamRows,
  scorecardSheet?: string,
): { actual: string; target: string } {
  const on = (ref: string): string => (scorecardSheet === undefined ? ref : sheetRef(scorecardSheet, ref));
  // The actual and target columns do not depend on how many KPIs follow k.
  const actualCol = scorecardCols(k + 1).actual(k);
  const teams = on(absCol(1, rows.first, rows.last));
  const A = on(absCol(actualCol, rows.first, rows.last));
  const T = on(absCol(actualCol + 1, rows.first, rows.last));
  const members = `(${teams}=${on(addr(1, row))})*ISNUMBER(${A})*ISNUMBER(${T})`;
  return { actual: `SUMPRODUCT(${members},${A})`, target: `SUMPRODUCT(${members},${T})` };
}

/** ATTAINMENT over a team's totals, as the Scorecard writes it for one rep. */
export function teamAttainmentFormula(
  direction: Plan["kpis"][number]["direction"],
  tot: { actual: string; target: string },
): string {
  const { actual: A, target: T } = tot;
  return direction === "lower" ? `IF(${T}=0,NA(),MAX(0,(2*${T}-${A})/${T}))` : `IF(${T}=0,NA(),${A}/${T})`;
}

/**
 * Status from the rank cell `rk`: Top for the Plan's top n, Coaching for its bottom n of `count` reps, each n a count or
 * a share of the team (docs/reference/plan.md ranking).
 */
export function statusCell(ctx: FormulaContext, r: ScoredRep, rk: string, count: string): ReportCell {
  const rc = ctx.cells.ranking;
  const top = excelString(t(ctx.lang, "status.top"));
  const coaching = excelString(t(ctx.lang, "status.coaching"));
  const topN = rankCutFormula(planRef(ctx, rc.top), count);
  const bottomN = rankCutFormula(planRef(ctx, rc.bottom), count);
  return formula(
    `IF(${rk}<=${topN},${top},IF(${rk}>${count}-${bottomN},${coaching},""))`,
    statusText(ctx.lang, r.status),
  );
}

/** The Scorecard's bonus: BONUS (docs/reference/functions.md) straight from the rep's score cell `s`. */
export function payoutCell(ctx: FormulaContext, r: ScoredRep, s: string): ReportCell {
  return formula(bonusFormula(ctx, factorFormula(ctx, s)), r.payout, ctx.money);
}

const BAR_COLOR = "#5B9BD5";

/** A data bar over `ref` starting at 0, so a bar's length is its value: 95 % fills 95 % of a 100 % bar, not nothing. */
export function dataBar(ref: string): ConditionalFormat {
  return { type: "dataBar", ref, color: BAR_COLOR, min: 0 };
}

/** Top rows green, Coaching rows amber over `ref`, read from the status cell `st` of the first row ("$E2"). */
export function statusHighlights(lang: Lang, ref: string, st: string): ConditionalFormat[] {
  return [
    {
      type: "formula",
      ref,
      formula: `${st}=${excelString(t(lang, "status.top"))}`,
      fill: GREEN.fill,
      fontColor: GREEN.font,
    },
    {
      type: "formula",
      ref,
      formula: `${st}=${excelString(t(lang, "status.coaching"))}`,
      fill: AMBER.fill,
      fontColor: AMBER.font,
    },
  ];
}

// ---------- Bonus ----------

/** Header cells of the catalogue's `keys`, in order. */
function headerCells(lang: Lang, keys: readonly string[]): ReportCell[] {
  return keys.map((key) => text(t(lang, key), "header"));
}

export function bonusHeader(lang: Lang): ReportCell[] {
  return headerCells(lang, ["hdr.rep", "hdr.score", "hdr.factor", "hdr.bonus", "hdr.explanation"]);
}

/**
 * A rep's Bonus row at sheet row `row` (docs/reference/functions.md BONUS): name and score read from the same row of the Scorecard
 * (both list the reps by name), then the payout factor, the bonus and the explanation in words, a formula too.
 */
export function bonusRow(ctx: FormulaContext, scorecardSheet: string, r: ScoredRep, row: number): ReportCell[] {
  const S = (ref: string): string => sheetRef(scorecardSheet, ref);
  const C = scorecardCols(ctx.plan.kpis.length);
  return [
    formula(`${S(addr(0, row))}&""`, r.rep),
    formula(S(addr(C.score, row)), r.score, PCT),
    formula(factorFormula(ctx, addr(1, row)), r.factor, PCT),
    formula(bonusFormula(ctx, addr(2, row)), r.payout, ctx.money),
    explanationCell(
      {
        lang: ctx.lang,
        planSheet: ctx.names.plan,
        cells: { ...ctx.cells.bonus, currencyDecimals: ctx.cells.currencyDecimals },
        targetBonus: dec(ctx.plan.bonus.targetBonus),
        threshold: dec(ctx.plan.bonus.threshold),
        cap: ctx.plan.bonus.cap === null ? null : dec(ctx.plan.bonus.cap),
        curve: (ctx.plan.bonus.curve ?? []).map(([x, y]) => [dec(x), dec(y)]),
        decimals: ctx.plan.currencyDecimals,
        score: r.score,
        factor: r.factor,
        payout: r.payout,
      },
      row,
    ),
  ];
}

// ---------- Data issues and Plan ----------

export { issuesTab } from "./issuesTab";

/**
 * The Plan tab = writePlanSheet's layout as report cells (user-typed text kept literal). The layout's formula cells
 * (the "Total weight" sum and its check) stay formulas with their cached values; the check turns amber while the
 * weights miss 100 %.
 */
export function planTab(name: string, layout: PlanSheetLayout): ReportSheet {
  const headers = new Set(layout.headerRows);
  // Hints read as notes: they run on over the empty cells beside them instead of widening their column.
  const hints = new Set(layout.hints.map((h) => `${h.row},${h.col}`));
  // Every plan's "Total weight" row and its check (several plans, docs/reference/plan.md): the first plan's alone
  // with one plan.
  const checks = layout.plans ?? [{ cells: layout.cells, totalRow: layout.totalRow }];
  const totalRows = new Set(checks.map((p) => p.totalRow));
  const rows = layout.rows.map((row, r) =>
    row.map((v, c): ReportCell | null => {
      const fmt = layout.formats[r]?.[c] ?? null;
      const f = layout.formulas[r]?.[c] ?? null;
      if (v === null && fmt === null && f === null) return null;
      const cell: ReportCell = f !== null ? formula(f, v) : v === null ? { v: null } : value(v);
      if (fmt !== null) cell.fmt = fmt;
      if (r === layout.titleRow) cell.style = "title";
      else if (r === layout.noteRow || hints.has(`${r},${c}`)) cell.style = "note";
      else if (headers.has(r)) cell.style = "header";
      else if (totalRows.has(r)) cell.style = "total";
      return cell;
    }),
  );
  const amber = checks.map(({ cells: { weightCheck, weightTotal } }): ConditionalFormat => ({
    type: "formula",
    ref: weightCheck.replace(/\$/g, ""),
    formula: `ABS(${weightTotal}-1)>${WEIGHT_CHECK_TOLERANCE}`,
    fill: AMBER.fill,
    fontColor: AMBER.font,
  }));
  // The note under the title spans the table's width, each hint the columns from its own to the last: wrapped
  // there, not cut off at the window's or the page's edge.
  const lastCol = columnLetters(layout.columnWidths.length - 1);
  const wrapAcross = [
    `A${layout.noteRow + 1}:${lastCol}${layout.noteRow + 1}`,
    ...layout.hints.map((h) => `${columnLetters(h.col)}${h.row + 1}:${lastCol}${h.row + 1}`),
  ];
  const sheet: ReportSheet = {
    key: "plan",
    name,
    rows,
    columnWidths: layout.columnWidths,
    wrapAcross,
    conditionalFormats: amber,
    tabColor: "#7F7F7F",
  };
  // Tall enough at these widths where the tab is written as it is (the pane's Create Plan sheet); the report's
  // print layout redoes them for its fitted widths.
  sheet.rowHeights = wrappedNoteRows(sheet, layout.columnWidths);
  return sheet;
}
