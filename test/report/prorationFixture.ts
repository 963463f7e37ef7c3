/**
 * A quarter with a joiner, a leaver, a rep active throughout and one who left before it (docs/reference/plan.md
 * "Joiners and leavers"). 2026-Q2 is 1 April – 30 June: 91 days. Jo joins on 1 May (61 days), Lee leaves on 15 May
 * (45 days), Gus left on 20 March and still has a row booked in April.
 */
import { defaultPlan } from "../../src/plan/index";
import type { Plan, PlanKpi, RepDates } from "../../src/plan/types";
import { repeat, serial, type RowSpec } from "./fixtures";

export function kpi(k: Partial<PlanKpi>): PlanKpi {
  return {
    name: "Revenue",
    measure: { field: "amount", header: null },
    aggregate: "sum",
    target: { kind: "fixed", value: 91000 },
    direction: "higher",
    weight: 1,
    cap: null,
    group: "results",
    ...k,
  };
}

export const dates = (start: string | null, end: string | null, row = 2): RepDates => ({
  start: start === null ? null : serial(start),
  end: end === null ? null : serial(end),
  sheet: "People",
  row,
});

/** Revenue 91 000 (50 %), Deals 91 (30 %), Satisfaction 90 % on average (20 %, not prorated). */
export function planWith(people: Record<string, RepDates> | undefined, over: Partial<Plan> = {}): Plan {
  return {
    ...defaultPlan("en"),
    period: "quarter",
    scoredPeriod: "2026-Q2",
    kpis: [
      kpi({ weight: 0.5 }),
      kpi({ name: "Deals", aggregate: "count", target: { kind: "fixed", value: 91 }, weight: 0.3 }),
      kpi({
        name: "Satisfaction",
        measure: { field: "satisfaction", header: null },
        aggregate: "average",
        target: { kind: "fixed", value: 0.9 },
        weight: 0.2,
      }),
    ],
    bonus: { targetBonus: 1000, curve: null, threshold: 0, cap: null },
    ranking: { top: 1, bottom: 1 },
    repTargets: {},
    ...(people ? { people: { reps: people, issues: [] } } : {}),
    ...over,
  };
}

export const ROWS: RowSpec[] = [
  ...repeat(61, { rep: "Jo", date: "2026-05-20", amount: 500, satisfaction: 0.9 }), // 30 500, 61 deals
  ...repeat(45, { rep: "Lee", date: "2026-04-20", amount: 1200, satisfaction: 0.9 }), // 54 000, 45 deals
  ...repeat(91, { rep: "Fay", date: "2026-05-02", amount: 1000, satisfaction: 0.9 }), // 91 000, 91 deals
  { rep: "Gus", date: "2026-04-02", amount: 5000, satisfaction: 0.9 }, // booked after he left
  { rep: "Gus", date: "2026-03-02", amount: 7000, satisfaction: 0.9 },
];

export const PEOPLE: Record<string, RepDates> = {
  Jo: dates("2026-05-01", null), // joins: 1 May – 30 June = 31 + 30 = 61 days
  Lee: dates(null, "2026-05-15", 3), // leaves: 1 April – 15 May = 30 + 15 = 45 days
  Gus: dates("2025-01-06", "2026-03-20", 4), // left before the quarter
  Fay: dates("2024-02-01", null, 5), // active all quarter
};
