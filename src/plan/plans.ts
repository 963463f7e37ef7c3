/**
 * Several plans in one workbook (docs/reference/plan.md "A plan per role or team"). The Plan model keeps the first plan
 * where a one-plan workbook has it, so one plan reads, scores and writes exactly as before; further plans ride along
 * in `morePlans` and share the first plan's period, scored period, currency, payouts, per-rep targets and joiners' and leavers' dates.
 */
import type { Plan } from "./types";
import { normaliseRepName, normaliseWord } from "./vocab";

/** A plan as scored on its own: the first plan's shared settings, no further plans or assignments of its own. */
function standalone(first: Plan, p: Plan): Plan {
  const {
    morePlans: _more,
    planOfRep: _reps,
    planOfTeam: _teams,
    payouts: _payouts,
    repDraws: _draws,
    people: _people,
    ...own
  } = p;
  return {
    ...own,
    period: first.period,
    scoredPeriod: first.scoredPeriod,
    currency: first.currency,
    currencyDecimals: first.currencyDecimals,
    repTargets: first.repTargets,
    ...(first.payouts ? { payouts: first.payouts } : {}),
    ...(first.repDraws ? { repDraws: first.repDraws } : {}),
    ...(first.people ? { people: first.people } : {}),
    // The review streak is the report's, read against each plan's KPI of its name (docs/reference/plan.md).
    ...(first.streak ? { streak: first.streak } : {}),
  };
}

/** Every plan of the workbook, first first; a one-plan workbook gives `[plan]` itself (the same object). */
export function plansOf(plan: Plan): Plan[] {
  if (!plan.morePlans || plan.morePlans.length === 0) return [plan];
  return [standalone(plan, plan), ...plan.morePlans.map((p) => standalone(plan, p))];
}

/** Plan names compare as labels do: case, width and spacing aside. */
export const planNameKey = (name: string): string => normaliseWord(name);

/**
 * Which plan a rep is on (index into plansOf): their own assignment (Targets), else their team's (Teams), else the
 * first plan. Names compare as rep names do across sheets (docs/reference/plan.md): normalised, case aside.
 */
export function planAssigner(plan: Plan): (rep: string, team: string | null) => number {
  const plans = plansOf(plan);
  const index = new Map(plans.map((p, i) => [planNameKey(p.name ?? ""), i]));
  const repKey = (name: string) => normaliseRepName(name).toLowerCase();
  const byRep = new Map<string, number>();
  for (const [rep, name] of Object.entries(plan.planOfRep ?? {})) {
    const i = index.get(planNameKey(name));
    if (i !== undefined) byRep.set(repKey(rep), i);
  }
  const byTeam = new Map<string, number>();
  for (const [team, name] of Object.entries(plan.planOfTeam ?? {})) {
    const i = index.get(planNameKey(name));
    if (i !== undefined) byTeam.set(team.trim().toLowerCase(), i);
  }
  return (rep, team) =>
    byRep.get(repKey(rep)) ?? (team === null ? undefined : byTeam.get(team.trim().toLowerCase())) ?? 0;
}

/** The plan names, as the "allowed" list of an unknown-plan message. */
export function planNameList(plan: Plan): string {
  return plansOf(plan)
    .map((p) => p.name ?? "")
    .join(", ");
}

/** The plan of that name (index into plansOf), or -1. */
export function findPlanIndex(plan: Plan, name: string): number {
  const key = planNameKey(name);
  return plansOf(plan).findIndex((p) => planNameKey(p.name ?? "") === key);
}
