/**
 * The scored period's results as `close` records them (docs/reference/history.md "What a close records"): per rep the
 * KPI actuals, targets and attainments, score, rank, status, payout factor and earned bonus, the rep's rows, amount
 * and returns in the period; the period's rows and amount; the plan of record and its fingerprint.
 *
 * KPI values and ratios (actual, target, attainment, score, factor) are kept to 15 significant digits, the precision
 * a cell holds, so the values written to the sheet read back equal. Money is exact. Without payouts (no History, no
 * payout settings) a rep's payable is the earned bonus and the draw and adjustment figures are 0.
 */
import type Decimal from "decimal.js";
import { ExactSum } from "../engine/decimal";
import type { IngestResult } from "../ingest/types";
import type { Plan } from "../plan/types";
import { payoutRecord, unscoredPayoutReps, type PeriodPayouts } from "../report/payouts";
import type { ScoredPeriod } from "../report/score";
import { planFingerprint } from "./fingerprint";
import { monthIndex, monthRecord, monthsOf, type PeriodMonths } from "./months";
import type { PendingPeriod } from "./record";
import type { ClosedRep } from "./types";

/** A ratio as the History sheet keeps it: 15 significant digits, plain notation. */
export function ratioText(d: Decimal): string {
  return d.toSignificantDigits(15).toFixed();
}

function ratioOrNull(d: Decimal | null | undefined): string | null {
  return d === null || d === undefined ? null : ratioText(d);
}

interface RepRows {
  rows: number;
  /** Rows per month of the period (monthsOf); empty for a one-month period. */
  perMonth: number[];
  amount: ExactSum;
  returnRows: number;
  returns: ExactSum;
}

function count(acc: RepRows, amount: number): void {
  acc.rows++;
  acc.amount.add(amount);
  if (amount < 0) {
    acc.returnRows++;
    acc.returns.add(amount);
  }
}

/** Rows, amount and returns per rep, and in all, of the used rows dated in the period: one pass over the rows. */
function rowsInPeriod(
  ingest: IngestResult,
  scored: ScoredPeriod,
): { byRep: Map<string, RepRows>; all: RepRows; months: PeriodMonths | null } {
  const { startSerial, endSerial } = scored.range;
  const byRep = new Map<string, RepRows>();
  const months = monthsOf(scored.range);
  const fresh = (): RepRows => ({
    rows: 0,
    perMonth: months ? months.keys.map(() => 0) : [],
    amount: new ExactSum(),
    returnRows: 0,
    returns: new ExactSum(),
  });
  const all = fresh();
  for (const row of ingest.rows) {
    if (row.dateSerial < startSerial || row.dateSerial > endSerial) continue;
    let rep = byRep.get(row.rep);
    if (rep === undefined) byRep.set(row.rep, (rep = fresh()));
    count(rep, row.amount);
    if (months) rep.perMonth[monthIndex(months, row.dateSerial)]++;
    count(all, row.amount);
  }
  return { byRep, all, months };
}

/**
 * The period the report scored, ready to be closed. `plan`: the plan the report was built with; `payouts`: its
 * payouts (docs/reference/payouts.md) — adjustments, draws, balances and the differences the close settles; a rep
 * they list who was not scored (a difference or a balance only) is recorded too, with no KPI values, so the record
 * carries on.
 */
export function pendingPeriod(
  ingest: IngestResult,
  plan: Plan,
  scored: ScoredPeriod,
  payouts?: PeriodPayouts | null,
): PendingPeriod {
  const planOfRecord: Plan = { ...plan, period: scored.kind, scoredPeriod: scored.period };
  const { byRep, all, months } = rowsInPeriod(ingest, scored);
  const reps: ClosedRep[] = scored.reps.map((r) => {
    const own = byRep.get(r.rep);
    const earned = r.payout.toFixed();
    return {
      rep: r.rep,
      team: r.team,
      rows: own?.rows ?? 0,
      amount: own ? own.amount.value().toFixed() : "0",
      returnRows: own?.returnRows ?? 0,
      returnAmount: own ? own.returns.value().toFixed() : "0",
      kpis: plan.kpis.map((k, i) => ({
        name: k.name,
        actual: ratioOrNull(r.kpis[i]?.actual),
        target: ratioOrNull(r.kpis[i]?.target),
        attainment: ratioOrNull(r.kpis[i]?.attainment),
      })),
      score: ratioText(r.score),
      rank: r.rank,
      status: r.status,
      factor: ratioText(r.factor),
      earned,
      ...payoutRecord(payouts, r.rep, r.payout),
      ...(months && own ? { months: monthRecord(months, own.perMonth) } : {}),
    };
  });
  for (const p of unscoredPayoutReps(payouts, scored)) {
    reps.push({
      rep: p.rep,
      team: null,
      rows: 0,
      amount: "0",
      returnRows: 0,
      returnAmount: "0",
      kpis: plan.kpis.map((k) => ({ name: k.name, actual: null, target: null, attainment: null })),
      score: "0",
      rank: 0,
      status: null,
      factor: "0",
      earned: p.earned.toFixed(),
      ...payoutRecord(payouts, p.rep, p.earned),
    });
  }
  return {
    period: scored.period,
    planFingerprint: planFingerprint(planOfRecord),
    plan: planOfRecord,
    input: { rows: all.rows, amount: all.amount.value().toFixed() },
    reps,
  };
}
