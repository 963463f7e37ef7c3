/** Closed periods for the cycle tests (src/history/types.ts), built by hand as the History sheet would hold them. */
import type { ClosedPeriod, ClosedRep, History } from "../../src/history/types";
import { defaultPlan } from "../../src/plan/index";

export interface RepAtClose {
  rep: string;
  score: string;
  rank: number;
  status?: "top" | "coaching" | null;
  /** Revenue (the default plan's first KPI) actual and attainment. */
  revenue?: { actual: string; attainment: string | null };
}

/** One closed period of the default plan: each rep's score, rank, status and revenue; other figures zero. */
export function closed(period: string, reps: RepAtClose[], lang: "en" | "zh" = "en"): ClosedPeriod {
  const plan = defaultPlan(lang);
  return {
    period,
    closedAt: "2026-01-05T09:30:00.000Z",
    planFingerprint: "0",
    plan,
    input: { rows: 0, amount: "0" },
    reps: reps.map((r): ClosedRep => ({
      rep: r.rep,
      team: "East",
      rows: 1,
      amount: r.revenue?.actual ?? "0",
      returnRows: 0,
      returnAmount: "0",
      kpis: plan.kpis.map((k, i) =>
        i === 0 && r.revenue
          ? { name: k.name, actual: r.revenue.actual, target: null, attainment: r.revenue.attainment }
          : { name: k.name, actual: null, target: null, attainment: null },
      ),
      score: r.score,
      rank: r.rank,
      status: r.status ?? null,
      factor: "0",
      earned: "0",
      adjustments: "0",
      drawTopUp: "0",
      drawRecovered: "0",
      payable: "0",
      drawBalance: "0",
      clawbackBalance: "0",
    })),
  };
}

export function historyOf(...periods: ClosedPeriod[]): History {
  return { periods, events: periods.map((p) => ({ kind: "close", period: p.period, at: p.closedAt })) };
}
