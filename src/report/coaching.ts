/**
 * The Coaching tab (docs/reference/coaching.md): one block per Coaching rep (or per rep, Plan setting "Coaching tab
 * for"), with the rep's score, rank, status and bonus, the score levels that matter (out of the bottom group, bonus
 * threshold, next curve point, Top cut-off), and per KPI — in order of score points lost — the gap to target and
 * what this KPI alone must deliver to reach each level, in the KPI's own unit, plus one sentence a manager can read
 * out. Every figure is a native formula on the Scorecard and Plan tabs; the cached values come from
 * src/engine/coaching.ts.
 */
import type Decimal from "decimal.js";
import {
  changeToReach,
  compare15,
  dec,
  gapToTarget,
  nextCurvePoint,
  NEED_NOISE_DECIMALS,
  pointsLost,
  roundUpNeed,
  targetMet,
  type CoachingKpi,
  type KpiChange,
} from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { Plan } from "../plan/types";
import { absCol, addr, excelString, formula, PCT, sheetRef, text } from "./cells";
import { kpiFormat, scorecardCols, statusText, teamTotals, type FormulaContext } from "./formulas";
import type { ReportCell, ReportSheet } from "./model";
import type { ScoredPeriod, ScoredRep } from "./score";
import { formatNumber } from "../sheet";

export interface CoachingContext extends FormulaContext {
  names: { plan: string; scorecard: string; coaching: string };
  scored: ScoredPeriod;
  /** Scorecard rows in sheet order: a rep's Scorecard row is its index + 2. */
  byName: readonly ScoredRep[];
  /**
   * The score trend hook: a rep's scores of earlier periods, oldest first. Nothing supplies it yet (the report keeps
   * no history); when given, each block gets a "Score trend" line.
   */
  scoreHistory?: ReadonlyMap<string, readonly { period: string; score: Decimal }[]>;
  /** Several plans (docs/reference/plan.md): the plan's name and the Scorecard row of its first rep (else row 2). */
  section?: { first: number; plan: string };
}

/** The Scorecard row of a rep, and the plan's rows (first…last): its section's with several plans. */
function scorecardRows(ctx: CoachingContext): { first: number; last: number } {
  const first = ctx.section?.first ?? 2;
  return { first, last: first + ctx.byName.length - 1 };
}

/** Columns of a KPI row; the level row puts each level above its own "to …" column. */
const COL = {
  kpi: 0,
  actual: 1,
  target: 2,
  attainment: 3,
  lost: 4,
  gap: 5,
  leave: 6,
  threshold: 7,
  curve: 8,
  top: 9,
  sentence: 10,
} as const;
const LEVELS = ["leave", "threshold", "curve", "top"] as const;
type Level = (typeof LEVELS)[number];
/** Score points lost are rounded to 10 decimals (far below the 0.1 % shown). */
const POINTS_DECIMALS = 10;
const WIDTHS = [24, 16, 16, 12, 12, 18, 20, 20, 20, 20, 90];

/** How a KPI's change reads and rounds: up to the precision its number format shows. */
interface KpiUnit {
  fmt: string;
  /** Decimals a need is rounded up to: those the KPI's number format shows (whole customers, cents, 0.1 %). */
  decimals: number;
  /** "more"/"less" for totals and counts, "plus"/"minus" for averages. */
  phrase: "more" | "less" | "plus" | "minus";
}

function unitOf(plan: Plan, k: number, money: string): KpiUnit {
  const kpi = plan.kpis[k];
  const fmt = kpiFormat(plan, k, money);
  const lower = kpi.direction === "lower";
  const phrase = kpi.aggregate === "average" ? (lower ? "minus" : "plus") : lower ? "less" : "more";
  return { fmt, decimals: shownDecimals(fmt), phrase };
}

/** The decimals a number format shows of the value: "#,##0" 0, "¥#,##0.00" 2, "0.0%" 3 (a percent shows hundredths). */
function shownDecimals(fmt: string): number {
  const m = /\.(0+)/.exec(fmt);
  const places = m ? m[1].length : 0;
  return fmt.endsWith("%") ? places + 2 : places;
}

/** A catalogue template as a formula: literal pieces quoted, each {name} replaced by its expression, joined by &. */
function templateFormula(lang: Lang, key: string, exprs: Record<string, string>): string {
  const template = t(lang, key);
  const parts: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(excelString(template.slice(last, m.index)));
    parts.push(exprs[m[1]] ?? excelString(m[0]));
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(excelString(template.slice(last)));
  return parts.length === 0 ? '""' : parts.join("&");
}

/**
 * The need rounded up as the unit shows it, `ROUNDUP(ROUND(x,6),d)` written as `ROUND(ROUND(x,6)+h,d)` with
 * h = 5·10^−(d+1) − 5·10^−7: the same for a number of at most 6 decimals (an exact multiple of 10^−d stays, anything
 * above goes up), and every engine agrees on it — HyperFormula's ROUNDUP(1.1,2) gives 1.11 (1.1·100 is
 * 110.00000000000001 in binary).
 */
function roundedNeedFormula(x: string, unit: KpiUnit): string {
  const six = `ROUND(${x},${NEED_NOISE_DECIMALS})`;
  if (unit.decimals >= NEED_NOISE_DECIMALS) return six;
  const half = dec(5)
    .times(dec(10).pow(-(unit.decimals + 1)))
    .minus(dec(5).times(dec(10).pow(-(NEED_NOISE_DECIMALS + 1))));
  return `ROUND(${six}+${half.toFixed()},${unit.decimals})`;
}

function roundedNeed(x: Decimal, unit: KpiUnit): Decimal {
  return roundUpNeed(x, unit.decimals);
}

/** "¥120,000.00 more" / "还差 ¥120,000.00", for a need > 0. */
function changeText(lang: Lang, amount: Decimal, unit: KpiUnit): string {
  return t(lang, `coach.change.${unit.phrase}`, { amount: formatNumber(amount.toNumber(), unit.fmt) });
}

function changeFormula(lang: Lang, amountExpr: string, unit: KpiUnit): string {
  return templateFormula(lang, `coach.change.${unit.phrase}`, {
    amount: `TEXT(${amountExpr},${excelString(unit.fmt)})`,
  });
}

/** Per rep: the score levels, as engine values (null = none) for the cached cells. */
interface Levels {
  leave: Decimal | null;
  threshold: Decimal | null;
  curve: Decimal | null;
  top: Decimal | null;
}

/** References of one rep's Scorecard row and the Plan cells of each KPI. */
class RepRefs {
  constructor(
    private readonly ctx: CoachingContext,
    private readonly row: number,
  ) {}
  private readonly C = scorecardCols(this.ctx.plan.kpis.length);
  private S(col: number): string {
    return sheetRef(this.ctx.names.scorecard, addr(col, this.row));
  }
  get score(): string {
    return this.S(this.C.score);
  }
  get rank(): string {
    return this.S(this.C.rank);
  }
  get status(): string {
    return this.S(this.C.status);
  }
  get bonus(): string {
    return this.S(this.C.bonus);
  }
  actual(k: number): string {
    return this.S(this.C.actual(k));
  }
  target(k: number): string {
    return this.S(this.C.actual(k) + 1);
  }
  attainment(k: number): string {
    return this.S(this.C.actual(k) + 2);
  }
  plan(ref: string): string {
    return sheetRef(this.ctx.names.plan, ref);
  }
}

export function buildCoaching(ctx: CoachingContext): ReportSheet {
  return buildCoachingSections([ctx]);
}

/**
 * The Coaching tab of one plan, or of several (docs/reference/plan.md "A plan per role or team"): a titled part per
 * plan, each with its own Coaching tab setting and its reps' blocks on their own section of the Scorecard.
 */
export function buildCoachingSections(ctxs: readonly CoachingContext[]): ReportSheet {
  const ctx = ctxs[0];
  const { lang, scored } = ctx;
  const rows: (ReportCell | null)[][] = [
    [text(t(lang, "coach.title", { period: scored.period }), "title")],
    [text(t(lang, "coach.note"), "note")],
    [],
  ];
  for (const section of ctxs) {
    const forAll = section.plan.coachingTab === "all";
    const reps = section.scored.reps.filter((r) => forAll || r.status === "coaching");
    if (section.section) rows.push([text(t(lang, "plans.section", { plan: section.section.plan }), "header")]);
    if (reps.length === 0) rows.push([text(t(lang, "coach.noReps"))], ...(section.section ? [[]] : []));
    for (const r of reps) rows.push(...repBlock(section, r, rows.length + 1), []);
  }
  return {
    key: "coaching",
    name: ctx.names.coaching,
    rows,
    columnWidths: WIDTHS,
    tabColor: "#ED7D31",
  };
}

/** The score levels of one rep (docs/reference/coaching.md), as the level row's formulas compute them. */
function levelsOf(ctx: CoachingContext, r: ScoredRep): Levels {
  const { plan, scored } = ctx;
  const n = scored.reps.length;
  const tops = scored.reps.filter((x) => x.status === "top").length;
  const coaching = scored.reps.filter((x) => x.status === "coaching").length;
  const curve = plan.bonus.curve && plan.bonus.curve.length > 0 ? plan.bonus.curve.map(([x]) => dec(x)) : null;
  return {
    // The score of the lowest rep outside the bottom group (reps are in rank order): reaching it leaves the group.
    leave: r.status === "coaching" && n - coaching >= 1 ? scored.reps[n - coaching - 1].score : null,
    threshold: dec(plan.bonus.threshold),
    curve: curve ? nextCurvePoint(r.score, curve) : null,
    top: tops >= 1 ? scored.reps[tops - 1].score : null,
  };
}

function levelFormulas(ctx: CoachingContext, refs: RepRefs): Record<Level, string | null> {
  const { lang, plan } = ctx;
  const C = scorecardCols(plan.kpis.length);
  const { first, last } = scorecardRows(ctx);
  const col = (c: number): string => sheetRef(ctx.names.scorecard, absCol(c, first, last));
  const scores = col(C.score);
  const statuses = col(C.status);
  const coachingText = excelString(t(lang, "status.coaching"));
  const topCount = `COUNTIF(${statuses},${excelString(t(lang, "status.top"))})`;
  const outside = `COUNT(${scores})-COUNTIF(${statuses},${coachingText})`;
  const s = refs.score;
  const b = ctx.cells.bonus;
  let curve: string | null = null;
  if (plan.bonus.curve && plan.bonus.curve.length > 0 && b.curveX) {
    const X = refs.plan(b.curveX);
    curve = `IF(${s}>=INDEX(${X},COUNT(${X})),"",IF(${s}<INDEX(${X},1),INDEX(${X},1),INDEX(${X},MATCH(${s},${X},1)+1)))`;
  }
  return {
    leave: `IF(${refs.status}<>${coachingText},"",IF(${outside}<1,"",LARGE(${scores},${outside})))`,
    threshold: refs.plan(b.threshold),
    curve,
    top: `IF(${topCount}<1,"",LARGE(${scores},${topCount}))`,
  };
}

function repBlock(ctx: CoachingContext, r: ScoredRep, firstRow: number): (ReportCell | null)[][] {
  const { lang, plan } = ctx;
  const scRow = ctx.byName.indexOf(r) + scorecardRows(ctx).first;
  const refs = new RepRefs(ctx, scRow);
  const levels = levelsOf(ctx, r);
  const levelF = levelFormulas(ctx, refs);
  const H = (key: string): ReportCell => text(t(lang, key), "header");

  const title: (ReportCell | null)[] = [text(r.rep, "title"), r.team === null ? null : text(r.team)];
  const levelHeader: (ReportCell | null)[] = [
    H("coach.hdr.score"),
    H("coach.hdr.rank"),
    H("coach.hdr.status"),
    H("coach.hdr.bonus"),
    null,
    null,
    H("coach.hdr.leaveLevel"),
    H("coach.hdr.thresholdLevel"),
    H("coach.hdr.curveLevel"),
    H("coach.hdr.topLevel"),
  ];
  const levelRow = firstRow + 2;
  const levelCells: (ReportCell | null)[] = [
    formula(refs.score, r.score, PCT),
    formula(refs.rank, r.rank, "0"),
    formula(`${refs.status}&""`, statusText(lang, r.status)),
    formula(refs.bonus, r.payout, ctx.money),
    null,
    null,
    ...LEVELS.map((lv) => {
      const f = levelF[lv];
      return f === null ? null : formula(f, levels[lv] ?? "", PCT);
    }),
  ];
  const kpiHeader: ReportCell[] = [
    "coach.hdr.kpi",
    "coach.hdr.actual",
    "coach.hdr.target",
    "coach.hdr.attainment",
    "coach.hdr.pointsLost",
    "coach.hdr.gap",
    "coach.hdr.toLeave",
    "coach.hdr.toThreshold",
    "coach.hdr.toCurve",
    "coach.hdr.toTop",
    "coach.hdr.sentence",
  ].map(H);

  // The KPIs that count for this rep, most points lost first (ties: plan order).
  const counted = plan.kpis.map((_, k) => k).filter((k) => r.kpis[k].attainment !== null);
  const weightCounted = counted.reduce((sum, k) => sum.plus(dec(plan.kpis[k].weight)), dec(0));
  const coachingKpi = (k: number): CoachingKpi => {
    const sk = r.kpis[k];
    const pk = plan.kpis[k];
    // A team KPI (docs/reference/coaching.md): the team's totals move its attainment, so the needs are the team's.
    return {
      actual: sk.team?.actual ?? sk.actual!,
      target: sk.team?.target ?? sk.target!,
      attainment: sk.attainment!,
      weight: dec(pk.weight),
      cap: pk.cap === null ? null : dec(pk.cap),
      lowerIsBetter: pk.direction === "lower",
    };
  };
  const lost = new Map(counted.map((k) => [k, pointsLost(coachingKpi(k), weightCounted)]));
  const order = [...counted].sort((a, b) => compare15(lost.get(b)!, lost.get(a)!) || a - b);
  const W = counted.map((k) => refs.plan(ctx.cells.kpis[k].weight)).join("+");

  const kpiRows = order.map((k, i) =>
    kpiRow(ctx, r, k, refs, {
      kpi: coachingKpi(k),
      lost: lost.get(k)!,
      weightCounted,
      W: counted.length > 0 ? `(${W})` : "0",
      levels,
      levelRow,
      row: firstRow + 4 + i,
    }),
  );
  const block: (ReportCell | null)[][] = [title, levelHeader, levelCells, kpiHeader, ...kpiRows];
  const history = ctx.scoreHistory?.get(r.rep);
  if (history && history.length > 0) {
    const trend = [...history, { period: ctx.scored.period, score: r.score }];
    block.push([
      text(t(lang, "coach.trend"), "header"),
      ...trend.map((h) => text(`${h.period} ${formatNumber(h.score.toNumber(), PCT)}`)),
    ]);
  }
  return block;
}

interface KpiRowInput {
  kpi: CoachingKpi;
  lost: Decimal;
  weightCounted: Decimal;
  /** The sum of the counted KPIs' Plan weight cells, parenthesised. */
  W: string;
  levels: Levels;
  levelRow: number;
  row: number;
}

function kpiRow(ctx: CoachingContext, r: ScoredRep, k: number, refs: RepRefs, x: KpiRowInput): (ReportCell | null)[] {
  const { lang, plan } = ctx;
  const unit = unitOf(plan, k, ctx.money);
  const pc = ctx.cells.kpis[k];
  const team = r.kpis[k].team !== undefined;
  const totals = team
    ? teamTotals(k, ctx.byName.indexOf(r) + scorecardRows(ctx).first, scorecardRows(ctx), ctx.names.scorecard)
    : null;
  const A = totals ? totals.actual : refs.actual(k);
  const T = totals ? totals.target : refs.target(k);
  const a = refs.attainment(k);
  const S = refs.score;
  const w = refs.plan(pc.weight);
  const cap = refs.plan(pc.cap);
  const lower = x.kpi.lowerIsBetter;
  const kpiName = team ? t(lang, "coach.teamKpi", { kpi: plan.kpis[k].name }) : plan.kpis[k].name;
  const c = `IF(${cap}="",MAX(${a},0),MIN(${cap},MAX(${a},0)))`;
  const reached = excelString(t(lang, "coach.reached"));
  const unreachable = excelString(t(lang, "coach.unreachable"));

  // Gap to target in the KPI's unit, rounded up as a need is.
  const gapExpr = lower ? `${A}-${T}` : `${T}-${A}`;
  const gap = gapToTarget(x.kpi);
  const gapCell = formula(
    `IF(${gapExpr}<=0,${excelString(t(lang, "coach.targetMet"))},${changeFormula(lang, roundedNeedFormula(gapExpr, unit), unit)})`,
    gap.lte(0) ? t(lang, "coach.targetMet") : changeText(lang, roundedNeed(gap, unit), unit),
  );

  const toLevel = (lv: Level, col: number): ReportCell | null => {
    const L = addr(col, x.levelRow);
    const level = x.levels[lv];
    if (lv === "curve" && !(plan.bonus.curve && plan.bonus.curve.length > 0)) return null;
    const need = `(${c}+(${L}-${S})*${x.W}/${w})`;
    const most = lower ? `IF(${cap}="",2,MIN(${cap},2))` : `IF(${cap}="",${need},${cap})`;
    const change = roundedNeedFormula(lower ? `${A}-${T}*(2-${need})` : `${T}*${need}-${A}`, unit);
    const f =
      `IF(${L}="","",IF(${S}>=${L},${reached},IF(${w}=0,${unreachable},` +
      `IF(${need}>${most},${unreachable},${change}))))`;
    const v = level === null ? null : changeToReach(x.kpi, r.score, x.weightCounted, level);
    return formula(f, cachedChange(lang, v, unit), v?.kind === "change" ? unit.fmt : undefined);
  };
  const leave = toLevel("leave", COL.leave);
  const threshold = toLevel("threshold", COL.threshold);

  // The sentence: leaving the bottom group (when the rep is in it) and the bonus threshold.
  const part = (cell: string, key: string): string =>
    `IF(ISNUMBER(${cell}),${templateFormula(lang, key, { change: changeFormula(lang, cell, unit) })},` +
    `IF(${cell}=${reached},${excelString(t(lang, `${key}Reached`))},${excelString(t(lang, `${key}Unreachable`))}))`;
  const G = addr(COL.leave, x.row);
  const Hc = addr(COL.threshold, x.row);
  const sentenceF =
    `${templateFormula(lang, "coach.sentence.kpi", { kpi: `${addr(COL.kpi, x.row)}` })}` +
    `&IF(${G}="","",${part(G, "coach.sentence.leave")}&${excelString(t(lang, "coach.sentence.separator"))})` +
    `&${part(Hc, "coach.sentence.threshold")}&${excelString(t(lang, "coach.sentence.end"))}`;
  const sentence = sentenceText(lang, kpiName, unit, leave?.v ?? "", threshold?.v ?? "");

  return [
    text(kpiName),
    formula(A, x.kpi.actual, unit.fmt),
    formula(T, x.kpi.target, unit.fmt),
    formula(a, x.kpi.attainment, PCT),
    // Rounded to 10 decimals: 1 − c cancels digits when c is near 100 %, and engines then differ in the 15th.
    formula(`ROUND(${w}/${x.W}*(1-${c}),${POINTS_DECIMALS})`, x.lost.toDecimalPlaces(POINTS_DECIMALS), PCT),
    gapCell,
    leave,
    threshold,
    toLevel("curve", COL.curve),
    toLevel("top", COL.top),
    formula(sentenceF, sentence),
  ];
}

/** The cached value of a "to …" cell: the rounded need, "reached", "not reachable …", or "" for no level. */
function cachedChange(lang: Lang, v: KpiChange | null, unit: KpiUnit): number | string {
  if (v === null) return "";
  if (v.kind === "met") return t(lang, "coach.reached");
  if (v.kind === "unreachable") return t(lang, "coach.unreachable");
  return roundedNeed(v.amount, unit).toNumber();
}

/** The sentence as the formula builds it, from the cached "to leave" and "to the threshold" values. */
function sentenceText(
  lang: Lang,
  kpi: string,
  unit: KpiUnit,
  leave: ReportCell["v"],
  threshold: ReportCell["v"],
): string {
  const part = (v: ReportCell["v"], key: string): string => {
    if (typeof v === "number") return t(lang, key, { change: changeText(lang, dec(v), unit) });
    return t(lang, v === t(lang, "coach.reached") ? `${key}Reached` : `${key}Unreachable`);
  };
  return (
    t(lang, "coach.sentence.kpi", { kpi }) +
    (leave === "" || leave === null ? "" : part(leave, "coach.sentence.leave") + t(lang, "coach.sentence.separator")) +
    part(threshold, "coach.sentence.threshold") +
    t(lang, "coach.sentence.end")
  );
}

/**
 * The Scorecard's "Incentives earned" cell of the rep at sheet row `row` (docs/reference/coaching.md): the Plan's
 * Incentive of each KPI whose attainment is 100 % or more, in plan order, joined by "; " (zh "、"). A formula on the
 * attainment cells and the Plan's Incentive cells, so a changed target or incentive text recalculates.
 */
export function incentivesCell(ctx: FormulaContext, r: ScoredRep, row: number): ReportCell {
  const { lang, plan } = ctx;
  const C = scorecardCols(plan.kpis.length);
  const sep = t(lang, "coach.incentiveSeparator");
  const parts: string[] = [];
  const earned: string[] = [];
  plan.kpis.forEach((kpi, k) => {
    const cell = ctx.cells.kpis[k].incentive;
    if (!kpi.incentive || cell === undefined) return;
    const at = addr(C.actual(k) + 2, row);
    const inc = sheetRef(ctx.names.plan, cell);
    parts.push(`IF(ISNUMBER(${at}),IF(${at}>=1,IF(${inc}="","",${excelString(sep)}&${inc}),""),"")`);
    if (targetMet(r.kpis[k].attainment)) earned.push(kpi.incentive);
  });
  return formula(`MID(${parts.join("&")},${sep.length + 1},999)`, earned.join(sep));
}
