/**
 * Plan validation (docs/reference/plan.md: "a plan that is itself wrong … stops with a message that
 * names the cell or JSON path"). One set of rules; a locator turns a field into the
 * place the user wrote it: a JSON path ("kpis[1].weight") or a Plan-sheet cell.
 */
import Decimal from "decimal.js";
import { parsePeriodArg } from "./period";
import { isValidRankCut } from "./rankCut";
import type { Plan, PlanError } from "./types";
import {
  ADJUSTMENT_POLICY_CODES,
  AGGREGATE_CODES,
  DIRECTION_CODES,
  DRAW_FOR_CODES,
  GROUP_CODES,
  STREAK_TEST_CODES,
  PERIOD_CODES,
  choiceCodes,
  choiceList,
  normaliseWord,
  periodWord,
  type Lang,
} from "./vocab";

/** Exact sums of the weights as typed (docs/reference/numbers.md: read doubles through their shortest decimal string). */
const D = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });

/** docs/reference/functions.md SCORE: weights must add up to 100 % ± 1e-9. */
const WEIGHT_TOLERANCE = new D("1e-9");

/** The exact sum of weights as typed and whether it is 100 % ± 1e-9 (the Plan sheet's "Total weight" check too). */
export function weightTotal(weights: readonly number[]): { sum: number; ok: boolean } {
  const sum = weights.reduce((acc, w) => acc.plus(new D(String(w))), new D(0));
  return { sum: sum.toNumber(), ok: sum.minus(1).abs().lte(WEIGHT_TOLERANCE) };
}

export type PlanFieldId =
  | "period"
  | "scoredPeriod"
  | "currency"
  | "currencyDecimals"
  | "kpis"
  | "weights"
  | "kpiName"
  | "kpiMeasure"
  | "kpiAggregate"
  | "kpiTarget"
  | "kpiDirection"
  | "kpiWeight"
  | "kpiCap"
  | "kpiGroup"
  | "targetBonus"
  | "threshold"
  | "bonusCap"
  | "curve"
  | "curveX"
  | "curveY"
  | "top"
  | "bottom"
  | "repTarget"
  | "adjustments"
  | "clawbackCap"
  | "draw"
  | "recoveryCap"
  | "drawFor"
  | "repDraw"
  | "streakKpi"
  | "streakOf"
  | "streakAtLeast";

/** Where a field lives and what the user calls it (for "{field} must be a number"). */
export interface PlanLocator {
  lang: Lang;
  /** True for a JSON plan: a bad choice lists the JSON codes (count_true), not the Plan sheet's words. */
  listsCodes?: boolean;
  /** index: the KPI or curve point; keys: [rep, kpi] for repTarget, [rep, ""] for repDraw. */
  at(field: PlanFieldId, index?: number, keys?: [string, string]): { where: string; term: string };
}

/** A JSON path segment for a key: `.name` when it is an identifier, else `["some key"]`. */
export function pathKey(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

/** Locator for the CLI's JSON plan (docs/reference/plan.md format): errors name JSON paths. */
export const jsonLocator: PlanLocator = {
  lang: "en",
  listsCodes: true,
  at(field, index = 0, keys) {
    const kpi = (key: string) => ({ where: `kpis[${index}].${key}`, term: key });
    switch (field) {
      case "kpis":
      case "weights":
        return { where: "kpis", term: "kpis" };
      case "kpiName":
        return kpi("name");
      case "kpiMeasure":
        return kpi("field");
      case "kpiAggregate":
        return kpi("aggregate");
      case "kpiTarget":
        return kpi("target");
      case "kpiDirection":
        return kpi("direction");
      case "kpiWeight":
        return kpi("weight");
      case "kpiCap":
        return kpi("cap");
      case "kpiGroup":
        return kpi("group");
      case "targetBonus":
        return { where: "bonus.targetBonus", term: "targetBonus" };
      case "threshold":
        return { where: "bonus.threshold", term: "threshold" };
      case "bonusCap":
        return { where: "bonus.cap", term: "cap" };
      case "curve":
        return { where: "bonus.curve", term: "curve" };
      case "curveX":
        return { where: `bonus.curve[${index}][0]`, term: "x" };
      case "curveY":
        return { where: `bonus.curve[${index}][1]`, term: "y" };
      case "top":
        return { where: "ranking.top", term: "top" };
      case "bottom":
        return { where: "ranking.bottom", term: "bottom" };
      case "adjustments":
      case "clawbackCap":
      case "draw":
      case "recoveryCap":
      case "drawFor":
        return { where: `payouts.${field}`, term: field };
      case "repDraw":
        return { where: pathKey("payouts.drawReps", keys?.[0] ?? ""), term: "draw" };
      case "streakKpi":
        return { where: "streak.kpi", term: "kpi" };
      case "streakOf":
        return { where: "streak.of", term: "of" };
      case "streakAtLeast":
        return { where: "streak.atLeast", term: "atLeast" };
      case "repTarget": {
        const [rep, name] = keys ?? ["", ""];
        return { where: pathKey(pathKey("repTargets", rep), name), term: "target" };
      }
      default:
        return { where: field, term: field };
    }
  },
};

const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

/** "90%", "99.5%": the exact percentage of a fraction, no float noise. */
export function percentText(fraction: Decimal.Value): string {
  return `${new D(fraction).times(100).toFixed()}%`;
}

/** Validate a plan; errors name JSON paths ("kpis[1].weight"). */
export function validatePlan(plan: Plan): PlanError[] {
  return validatePlanWith(plan, jsonLocator);
}

export function validatePlanWith(plan: Plan, loc: PlanLocator): PlanError[] {
  const errors: PlanError[] = [];
  const add = (
    field: PlanFieldId,
    messageKey: string,
    params: Record<string, string | number> = {},
    index?: number,
  ) => {
    const { where, term } = loc.at(field, index);
    errors.push({ where, messageKey, params: { field: term, ...params } });
  };
  /** Number checks; returns true when the value is a finite number (already reported otherwise). */
  const num = (field: PlanFieldId, value: unknown, index?: number): value is number => {
    if (isNum(value)) return true;
    add(field, "planMustBeNumber", {}, index);
    return false;
  };
  const choice = (
    field: PlanFieldId,
    value: unknown,
    codes: readonly string[],
    kind: Parameters<typeof choiceList>[0],
    index?: number,
  ) => {
    if (typeof value !== "string" || !codes.includes(value)) {
      const allowed = loc.listsCodes ? choiceCodes(kind) : choiceList(kind, loc.lang);
      add(field, "planBadChoice", { value: String(value), allowed }, index);
    }
  };

  choice("period", plan.period, PERIOD_CODES, "period");
  if (plan.scoredPeriod !== null) {
    const parsed = typeof plan.scoredPeriod === "string" ? parsePeriodArg(plan.scoredPeriod) : null;
    if (!parsed) add("scoredPeriod", "planPeriodKey", { value: String(plan.scoredPeriod) });
    else if (PERIOD_CODES.includes(plan.period) && parsed.kind !== plan.period) {
      add("scoredPeriod", "planPeriodMismatch", { value: parsed.key, period: periodWord(plan.period, loc.lang) });
    }
  }
  if (plan.currency !== null && (typeof plan.currency !== "string" || !/^[A-Z]{3}$/.test(plan.currency))) {
    add("currency", "planCurrencyCode", { value: String(plan.currency) });
  }
  if (num("currencyDecimals", plan.currencyDecimals)) {
    const d = plan.currencyDecimals;
    if (!Number.isInteger(d) || d < 0 || d > 6) add("currencyDecimals", "planDecimalsRange");
  }

  // KPIs (docs/reference/plan.md).
  if (!Array.isArray(plan.kpis) || plan.kpis.length === 0) {
    add("kpis", "planNoKpis");
  } else {
    const seen = new Set<string>();
    let weightSum = new D(0);
    let weightsReadable = true;
    plan.kpis.forEach((k, i) => {
      const name = typeof k.name === "string" ? k.name.trim() : "";
      if (!name) add("kpiName", "planRequired", {}, i);
      else if (seen.has(normaliseWord(name))) add("kpiName", "planDuplicateKpi", { name }, i);
      seen.add(normaliseWord(name));
      if (!k.measure || (k.measure.field === null && !(k.measure.header ?? "").trim())) {
        add("kpiMeasure", "planRequired", {}, i);
      }
      choice("kpiAggregate", k.aggregate, AGGREGATE_CODES, "aggregate", i);
      choice("kpiDirection", k.direction, DIRECTION_CODES, "direction", i);
      choice("kpiGroup", k.group, GROUP_CODES, "group", i);
      const target = k.target;
      if (target?.kind === "fixed" || target?.kind === "perMonth") {
        if (num("kpiTarget", target.value, i) && target.value <= 0) add("kpiTarget", "planMustBePositive", {}, i);
      } else if (target?.kind === "growth") {
        // prior × (1 + g) must stay a positive target.
        if (num("kpiTarget", target.rate, i) && target.rate <= -1) add("kpiTarget", "planGrowthTooLow", {}, i);
      } else {
        add("kpiTarget", "planTargetShape", {}, i);
      }
      if (num("kpiWeight", k.weight, i)) {
        if (k.weight < 0 || k.weight > 1) add("kpiWeight", "planWeightRange", {}, i);
        weightSum = weightSum.plus(new D(String(k.weight)));
      } else {
        weightsReadable = false;
      }
      if (k.cap !== null && num("kpiCap", k.cap, i) && k.cap <= 0) add("kpiCap", "planMustBePositive", {}, i);
    });
    if (weightsReadable && weightSum.minus(1).abs().gt(WEIGHT_TOLERANCE)) {
      add("weights", "planWeightsSum", { sum: percentText(weightSum) });
    }
  }

  // Bonus (docs/reference/plan.md with docs/reference/functions.md BONUS semantics).
  const b = plan.bonus;
  if (num("targetBonus", b.targetBonus) && b.targetBonus < 0) add("targetBonus", "planMustBeNonNegative");
  if (num("threshold", b.threshold) && b.threshold < 0) add("threshold", "planMustBeNonNegative");
  if (b.cap !== null && num("bonusCap", b.cap) && b.cap <= 0) add("bonusCap", "planMustBePositive");
  if (b.curve !== null) {
    if (!Array.isArray(b.curve) || b.curve.length === 0) add("curve", "planCurveEmpty");
    else {
      let prev: number | null = null;
      b.curve.forEach((p, i) => {
        if (!Array.isArray(p) || p.length !== 2) {
          add("curveX", "planCurvePoint", {}, i);
          return;
        }
        const xOk = num("curveX", p[0], i);
        num("curveY", p[1], i);
        if (!xOk) return;
        if (prev !== null && !(p[0] > prev)) add("curveX", "planCurveNotIncreasing", { x: p[0], prev }, i);
        prev = p[0];
      });
    }
  }

  // Ranking (docs/reference/plan.md: top N, bottom N, each a count or a share of the team).
  for (const field of ["top", "bottom"] as const) {
    const v = plan.ranking[field];
    if (num(field, v) && !isValidRankCut(v)) add(field, "planRankCut");
  }

  // Per-rep targets (Targets sheet or JSON repTargets) override a KPI's target for the period.
  // With several plans (docs/reference/plan.md) a rep's target names a KPI of any of them.
  const kpiNames = new Set([plan, ...(plan.morePlans ?? [])].flatMap((p) => (p.kpis ?? []).map((k) => k.name)));
  for (const [rep, byKpi] of Object.entries(plan.repTargets ?? {})) {
    for (const [kpi, value] of Object.entries(byKpi)) {
      const { where, term } = loc.at("repTarget", undefined, [rep, kpi]);
      if (!kpiNames.has(kpi)) {
        errors.push({ where, messageKey: "planUnknownKpi", params: { kpi, allowed: [...kpiNames].join(", ") } });
      } else if (!isNum(value)) {
        errors.push({ where, messageKey: "planMustBeNumber", params: { field: term } });
      } else if (value <= 0) {
        errors.push({ where, messageKey: "planMustBePositive", params: { field: term } });
      }
    }
  }
  validatePayouts(plan, add, num, choice, loc, errors);
  // The review streak (docs/reference/plan.md "Streak rule"): a KPI of the plan, growth or attainment, a number.
  const streak = plan.streak;
  if (streak !== undefined) {
    const names = (plan.kpis ?? []).map((k) => k.name);
    const kpi = typeof streak.kpi === "string" ? streak.kpi : "";
    if (!kpi.trim()) add("streakKpi", "planRequired");
    else if (!names.some((n) => normaliseWord(n) === normaliseWord(kpi))) {
      const { where } = loc.at("streakKpi");
      errors.push({ where, messageKey: "planUnknownKpi", params: { kpi, allowed: names.join(", ") } });
    }
    choice("streakOf", streak.of, STREAK_TEST_CODES, "streakTest");
    if (num("streakAtLeast", streak.atLeast)) {
      if (streak.of === "growth" && streak.atLeast <= -1) add("streakAtLeast", "planStreakGrowthTooLow");
      if (streak.of === "attainment" && streak.atLeast < 0) add("streakAtLeast", "planMustBeNonNegative");
    }
  }
  return errors;
}

/** docs/reference/payouts.md: caps are positive amounts, a draw is not negative, a rep named for a draw has an amount. */
function validatePayouts(
  plan: Plan,
  add: (field: PlanFieldId, messageKey: string, params?: Record<string, string | number>) => void,
  num: (field: PlanFieldId, value: unknown) => boolean,
  choice: (
    field: PlanFieldId,
    value: unknown,
    codes: readonly string[],
    kind: Parameters<typeof choiceList>[0],
  ) => void,
  loc: PlanLocator,
  errors: PlanError[],
): void {
  const p = plan.payouts;
  if (p) {
    choice("adjustments", p.adjustments, ADJUSTMENT_POLICY_CODES, "adjustmentPolicy");
    choice("drawFor", p.drawFor, DRAW_FOR_CODES, "drawFor");
    if (p.clawbackCap !== null && num("clawbackCap", p.clawbackCap) && p.clawbackCap <= 0)
      add("clawbackCap", "planMustBePositive");
    if (p.recoveryCap !== null && num("recoveryCap", p.recoveryCap) && p.recoveryCap <= 0)
      add("recoveryCap", "planMustBePositive");
    if (p.draw !== null && num("draw", p.draw) && p.draw < 0) add("draw", "planMustBeNonNegative");
  }
  for (const [rep, amount] of Object.entries(plan.repDraws ?? {})) {
    const { where, term } = loc.at("repDraw", undefined, [rep, ""]);
    if (amount === null) {
      if (p?.draw == null) errors.push({ where, messageKey: "planDrawAmountRequired", params: { field: term } });
    } else if (!isNum(amount)) errors.push({ where, messageKey: "planMustBeNumber", params: { field: term } });
    else if (amount < 0) errors.push({ where, messageKey: "planMustBeNonNegative", params: { field: term } });
  }
}
