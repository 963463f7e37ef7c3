/**
 * The optional Targets sheet (docs/reference/plan.md "per-rep targets"): rep · KPI · target rows that
 * override the plan's target for the period. Headers in English or Chinese; errors name
 * the cell ("Targets!C5: target must be a number").
 */
import type { RawCell } from "../ingest/types";
import { sheetCellAddress } from "../sheet";
import { cellNumber, cellText, isBlank } from "./cells";
import { findHeaderRow, isBlankSheet } from "./headerRow";
import { kpiDisplayName } from "./defaults";
import { dateColumns, type PeopleReader } from "./people";
import { findPlanIndex, planNameKey, planNameList, plansOf } from "./plans";
import type { Plan, PlanError } from "./types";
import { normaliseRepName, normaliseWord, parseYesNo } from "./vocab";

/** Rep headers of docs/reference/input.md plus the sheet's own. */
export const REP_HEADERS = [
  "rep",
  "sales rep",
  "salesperson",
  "owner",
  "name",
  "销售员",
  "业务员",
  "销售人员",
  "销售",
  "姓名",
  "员工",
];
const KPI_HEADERS = ["kpi", "kpi name", "指标", "考核指标", "指标名称"];
const TARGET_HEADERS = ["target", "目标", "目标值"];
/** docs/reference/payouts.md: the optional Draw column — the rep's draw per period, or "yes" for the plan's amount. */
const DRAW_HEADERS = ["draw", "draw per period", "保底", "保底金额"];
/** Optional (docs/reference/plan.md "A plan per role or team"): the plan the rep is on. */
const PLAN_HEADERS = ["plan", "plan name", "方案", "考核方案", "方案名称"];

/** `people`: where Start / End columns of the sheet are read into (docs/reference/plan.md "Joiners and leavers"). */
export function readTargetsSheet(
  values: RawCell[][],
  sheetName: string,
  plan: Plan,
  people?: PeopleReader,
): {
  targets: Plan["repTargets"];
  errors: PlanError[];
  draws?: Record<string, number | null>;
  planOfRep?: Record<string, string>;
} {
  const targets: Plan["repTargets"] = {};
  let draws: Record<string, number | null> | undefined;
  const planOfRep: Record<string, string> = {};
  const errors: PlanError[] = [];
  const where = (r: number, c: number) => sheetCellAddress(sheetName, r, c);

  const found = findHeaderRow(
    values,
    { rep: REP_HEADERS, kpi: KPI_HEADERS, target: TARGET_HEADERS, draw: DRAW_HEADERS, plan: PLAN_HEADERS },
    ["rep", "kpi", "target"],
  );
  if (found === null) {
    // An empty Targets sheet simply overrides nothing.
    if (!isBlankSheet(values)) errors.push({ where: sheetName, messageKey: "planTargetsNoHeader" });
    return { targets, errors };
  }
  const { row: header, col } = found;
  const term = (c: number) => {
    const text = cellText(values[header][c]);
    // "Target" → "target must be a number"; "KPI" stays as written.
    return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
  };

  // A KPI is matched by its name as written, in either language for the default KPIs.
  // With several plans (docs/reference/plan.md "A plan per role or team"): a KPI of any plan, or of the row's own
  // plan when the row names one.
  const plans = plansOf(plan);
  const kpiIndex = (kpis: Plan["kpis"]) => {
    const m = new Map<string, string>();
    for (const k of kpis) {
      for (const name of [k.name, kpiDisplayName(k, "en"), kpiDisplayName(k, "zh")]) m.set(normaliseWord(name), k.name);
    }
    return m;
  };
  const kpiByName = kpiIndex(plans.flatMap((p) => p.kpis));
  const allowed = [...new Set(plans.flatMap((p) => p.kpis.map((k) => k.name)))].join(", ");
  const firstSeen = new Map<string, string>();
  const dates = people ? dateColumns(values[header]) : { start: -1, end: -1 };
  const dateCell = (r: number, c: number) => ({ col: c, cell: values[r]?.[c], header: cellText(values[header][c]) });
  const planSeen = new Map<string, { plan: string; where: string }>();

  for (let r = header + 1; r < values.length; r++) {
    const get = (c: number): RawCell => values[r]?.[c] ?? null;
    const [repCell, kpiCell, targetCell] = [get(col.rep), get(col.kpi), get(col.target)];
    const drawCell = col.draw >= 0 ? get(col.draw) : null;
    const planCell = col.plan >= 0 ? get(col.plan) : null;
    const withDates = (dates.start >= 0 && !isBlank(get(dates.start))) || (dates.end >= 0 && !isBlank(get(dates.end)));
    if ([repCell, kpiCell, targetCell, drawCell, planCell].every((c) => isBlank(c)) && !withDates) continue;
    if (people && withDates && !isBlank(repCell)) {
      people.read(sheetName, r, cellText(repCell), { start: dateCell(r, dates.start), end: dateCell(r, dates.end) });
      // A row giving only a rep's dates sets no target.
      if ([kpiCell, targetCell, drawCell, planCell].every((c) => isBlank(c))) continue;
    }
    let ok = true;
    const rep = normaliseRepName(cellText(repCell));
    if (!rep) {
      errors.push({ where: where(r, col.rep), messageKey: "planRequired", params: { field: term(col.rep) } });
      ok = false;
    }
    // The Plan column: the plan's name as on the Plan sheet; one plan per rep.
    let own: Plan | null = null;
    if (!isBlank(planCell)) {
      const name = cellText(planCell);
      const i = findPlanIndex(plan, name);
      const planWhere = where(r, col.plan);
      if (i < 0) {
        const params = { plan: name, allowed: planNameList(plan) };
        errors.push({ where: planWhere, messageKey: "planUnknownPlan", params });
        ok = false;
      } else if (rep) {
        own = plans[i];
        const planName = own.name ?? name;
        const seen = planSeen.get(rep.toLowerCase());
        if (seen && planNameKey(seen.plan) !== planNameKey(planName)) {
          const params = { rep, plan: seen.plan, first: seen.where };
          errors.push({ where: planWhere, messageKey: "planRepTwoPlans", params });
          ok = false;
        } else if (!seen) {
          planSeen.set(rep.toLowerCase(), { plan: planName, where: planWhere });
          planOfRep[rep] = planName;
        }
      }
    }
    if (!isBlank(drawCell)) {
      const read = cellNumber(drawCell);
      const yes = read.ok ? null : parseYesNo(cellText(drawCell));
      if (read.ok && read.value < 0) {
        errors.push({
          where: where(r, col.draw),
          messageKey: "planMustBeNonNegative",
          params: { field: term(col.draw) },
        });
      } else if (read.ok || yes === "yes") {
        if (rep) (draws ??= {})[rep] = read.ok ? read.value : null;
      } else if (yes === null) {
        const params = { field: term(col.draw), value: cellText(drawCell) };
        errors.push({ where: where(r, col.draw), messageKey: read.messageKey, params });
      }
      // A row that only names a draw sets no target.
      if (isBlank(kpiCell) && isBlank(targetCell)) continue;
    }
    // A row that only says which plan the rep is on.
    if (!isBlank(planCell) && isBlank(kpiCell) && isBlank(targetCell)) continue;
    const kpiText = cellText(kpiCell);
    const ownKpis = own && plans.length > 1 ? kpiIndex(own.kpis) : null;
    const kpi = (ownKpis ?? kpiByName).get(normaliseWord(kpiText));
    if (!kpiText) {
      errors.push({ where: where(r, col.kpi), messageKey: "planRequired", params: { field: term(col.kpi) } });
      ok = false;
    } else if (!kpi) {
      const kpis = own && ownKpis ? own.kpis.map((k) => k.name).join(", ") : allowed;
      errors.push({ where: where(r, col.kpi), messageKey: "planUnknownKpi", params: { kpi: kpiText, allowed: kpis } });
      ok = false;
    }
    const read = isBlank(targetCell) ? null : cellNumber(targetCell);
    const target = read?.ok ? read.value : null;
    const targetWhere = where(r, col.target);
    if (read === null) {
      errors.push({ where: targetWhere, messageKey: "planRequired", params: { field: term(col.target) } });
      ok = false;
    } else if (!read.ok) {
      const params = { field: term(col.target), value: cellText(targetCell) };
      errors.push({ where: targetWhere, messageKey: read.messageKey, params });
      ok = false;
    } else if (read.value <= 0) {
      // docs/reference/plan.md: a negative (or zero) target stops the run, like a wrong plan.
      errors.push({ where: targetWhere, messageKey: "planMustBePositive", params: { field: term(col.target) } });
      ok = false;
    }
    if (!ok || !kpi || target === null) continue;
    const key = `${rep}\u0000${kpi}`;
    const first = firstSeen.get(key);
    if (first) {
      errors.push({ where: targetWhere, messageKey: "planTargetsDuplicate", params: { rep, kpi, first } });
      continue;
    }
    firstSeen.set(key, targetWhere);
    (targets[rep] ??= {})[kpi] = target;
  }
  // Only what the sheet has: a Draw column's draws, a Plan column's plans (absent: exactly as before).
  return {
    targets,
    errors,
    ...(draws ? { draws } : {}),
    ...(Object.keys(planOfRep).length > 0 ? { planOfRep } : {}),
  };
}
