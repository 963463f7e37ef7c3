/**
 * Scoring with several plans (docs/reference/plan.md "A plan per role or team"): each plan scores its own reps
 * (scorePeriod on them alone, so ranks, Top / Coaching and the bonus are within the plan), and the whole period
 * holds every rep for the Summary's counts. One plan scores exactly as scorePeriod does.
 */
import type Decimal from "decimal.js";
import type { DataIssue, IngestResult } from "../ingest/types";
import { planAssigner, plansOf } from "../plan/plans";
import type { Plan } from "../plan/types";
import { rankTeams, scorePeriod, type ScoredPeriod, type ScoreOptions } from "./score";

/** One plan's part of the report: the plan (with the shared settings) and its reps, scored and ranked among themselves. */
export interface PlanSection {
  plan: Plan;
  /** Its place among the plans, 0 = the first. */
  index: number;
  scored: ScoredPeriod;
}

export interface ScoredPlans {
  /** Every rep of every plan; ranks are each plan's. With one plan: that plan's scoring itself. */
  scored: ScoredPeriod;
  sections: PlanSection[];
}

export function scorePlans(ingest: IngestResult, plan: Plan, opts: Omit<ScoreOptions, "onlyReps"> = {}): ScoredPlans {
  const plans = plansOf(plan);
  if (plans.length === 1) {
    const scored = scorePeriod(ingest, plan, opts);
    return { scored, sections: [{ plan, index: 0, scored }] };
  }
  const planOf = planAssigner(plan);
  const sections = plans.map((p, index) => ({
    plan: p,
    index,
    scored: scorePeriod(ingest, p, { ...opts, onlyReps: (rep, team) => planOf(rep, team) === index }),
  }));
  const first = sections[0].scored;
  const reps = sections.flatMap((s) => s.scored.reps);
  const totalPayout = sections.reduce((sum: Decimal, s) => sum.plus(s.scored.totalPayout), first.totalPayout.times(0));
  return {
    scored: {
      ...first,
      reps,
      teams: rankTeams(reps),
      issues: onceEach(sections.flatMap((s) => s.scored.issues)),
      totalPayout,
    },
    sections,
  };
}

/** Issues every plan's scoring finds alike (a name matched ignoring case, a row of no rep) are listed once. */
function onceEach(issues: DataIssue[]): DataIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = JSON.stringify([i.sheet, i.row, i.column, i.raw, i.action, i.reasonKey, i.params]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
