/** Plans, data and closes for the payouts tests (docs/reference/payouts.md): test/report and test/libreoffice. */
import { dec } from "../../src/engine/index";
import type { ClosedPeriod, History } from "../../src/history/types";
import { parsePlanJson, type Plan } from "../../src/plan";
import { buildReport } from "../../src/report/buildReport";
import { payoutRecord, unscoredPayoutReps } from "../../src/report/payouts";
import { scorePeriod } from "../../src/report/score";
import { ingestOf, serial, type RowSpec } from "./fixtures";

/** One KPI, Revenue against ¥100,000, no curve, target bonus ¥10,000: a bonus is a tenth of revenue. */
export function planOf(payouts?: Record<string, unknown>): Plan {
  const r = parsePlanJson({
    period: "quarter",
    currency: "CNY",
    kpis: [{ name: "Revenue", field: "amount", aggregate: "sum", target: 100000, weight: 1 }],
    bonus: { targetBonus: 10000, curve: null, threshold: 0, cap: null },
    ...(payouts ? { payouts } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.plan;
}

/** A close as the History sheet records it, from the rows given (counted here, independently of src/report). */
export function close(rows: RowSpec[], plan: Plan, period: string, history?: History): ClosedPeriod {
  const ingest = ingestOf(rows, { currency: "CNY" });
  const scored = scorePeriod(ingest, plan, { period });
  const report = history ? buildReport(ingest, plan, { lang: "en", period, history }) : null;
  const [y, q] = period.split("-Q").map(Number);
  const from = serial(`${y}-${String(q * 3 - 2).padStart(2, "0")}-01`);
  const to = q === 4 ? serial(`${y + 1}-01-01`) : serial(`${y}-${String(q * 3 + 1).padStart(2, "0")}-01`);
  const inPeriod = (r: RowSpec) => serial(r.date) >= from && serial(r.date) < to;
  const closed: ClosedPeriod = {
    period,
    closedAt: "2026-01-05T09:30:00.000Z",
    planFingerprint: "test",
    plan,
    input: { rows: rows.filter(inPeriod).length, amount: "0" },
    reps: scored.reps.map((r) => {
      const own = rows.filter((x) => x.rep === r.rep && inPeriod(x));
      const returns = own.filter((x) => x.amount < 0);
      return {
        rep: r.rep,
        team: r.team,
        rows: own.length,
        amount: own.reduce((s, x) => s.plus(x.amount), dec(0)).toFixed(),
        returnRows: returns.length,
        returnAmount: returns.reduce((s, x) => s.plus(x.amount), dec(0)).toFixed(),
        kpis: [],
        score: r.score.toFixed(),
        rank: r.rank,
        status: r.status,
        factor: r.factor.toFixed(),
        earned: r.payout.toFixed(),
        ...payoutRecord(report?.payouts, r.rep, r.payout),
      };
    }),
  };
  // A name with only a difference or a balance (not scored this period) is recorded too, so its record carries on.
  for (const p of unscoredPayoutReps(report?.payouts, scored))
    closed.reps.push({
      rep: p.rep,
      team: null,
      rows: 0,
      amount: "0",
      returnRows: 0,
      returnAmount: "0",
      kpis: [],
      score: "0",
      rank: 0,
      status: null,
      factor: "0",
      earned: "0",
      ...payoutRecord(report?.payouts, p.rep, p.earned),
    });
  return closed;
}

export const row = (rep: string, date: string, amount: number, newCustomer = false): RowSpec => ({
  rep,
  date,
  amount,
  newCustomer,
});

/** 2025-Q4 as closed: Li Na 100,000, Wang Fang 80,000, Zhao Min 60,000 + a row typed "Zhao Mn" 20,000, "Chen Jei" 50,000. */
export const Q4_AT_CLOSE: RowSpec[] = [
  row("Li Na", "2025-10-10", 40000),
  row("Li Na", "2025-11-10", 30000),
  row("Li Na", "2025-12-10", 30000),
  row("Wang Fang", "2025-10-20", 50000),
  row("Wang Fang", "2025-12-01", 30000),
  row("Zhao Min", "2025-10-05", 30000),
  row("Zhao Min", "2025-11-05", 30000),
  row("Zhao Mn", "2025-12-15", 20000),
  row("Chen Jei", "2025-11-11", 50000),
];

/** Today's Q4: a late return for Li Na, two late new-customer deals for Wang Fang, both names fixed. */
export const Q4_TODAY: RowSpec[] = [
  ...Q4_AT_CLOSE.filter((r) => r.rep !== "Zhao Mn" && r.rep !== "Chen Jei"),
  row("Zhao Min", "2025-12-15", 20000),
  row("Chen Jie", "2025-11-11", 50000),
  row("Li Na", "2025-12-20", -40000),
  row("Wang Fang", "2025-11-03", 10000, true),
  row("Wang Fang", "2025-11-25", 15000, true),
];

export const Q1: RowSpec[] = [
  row("Li Na", "2026-01-15", 50000),
  row("Wang Fang", "2026-02-15", 90000),
  row("Zhao Min", "2026-03-15", 100000),
  row("Chen Jie", "2026-02-01", 70000),
];
