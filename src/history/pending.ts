/**
 * The scored period's results as `close` records them (docs/reference/history.md "What a close records"): per rep the
 * KPI actuals, targets and attainments, score, rank, status, payout factor and earned bonus, the rep's rows, amount
 * and returns in the period; the period's rows and amount; the plan of record and its fingerprint.
 *
 * KPI values and ratios (actual, target, attainment, score, factor) are kept to 15 significant digits, the precision
 * a cell holds, so the values written to the sheet read back equal. Money is exact. Until draws and adjustments are computed, a rep's payable is
 * the earned bonus and the draw and adjustment figures are 0.
 */
import type Decimal from "decimal.js";
import { ExactSum } from "../engine/decimal";
import type { IngestResult } from "../ingest/types";
import type { Plan } from "../plan/types";
import type { ScoredPeriod } from "../report/score";
import { planFingerprint } from "./fingerprint";
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
  amount: ExactSum;
  returnRows: number;
  returns: ExactSum;
}

/** Rows, amount and returns per rep, and in all, of the used rows dated in the period: one pass over the rows. */
function rowsInPeriod(ingest: IngestResult, scored: ScoredPeriod): { byRep: Map<string, RepRows>; all: RepRows } {
  const { startSerial, endSerial } = scored.range;
  const byRep = new Map<string, RepRows>();
  const fresh = (): RepRows => ({ rows: 0, amount: new ExactSum(), returnRows: 0, returns: new ExactSum() });
  const all = fresh();
  for (const row of ingest.rows) {
    if (row.dateSerial < startSerial || row.dateSerial > endSerial) continue;
    let rep = byRep.get(row.rep);
    if (rep === undefined) byRep.set(row.rep, (rep = fresh()));
    for (const acc of [rep, all]) {
      acc.rows++;
      acc.amount.add(row.amount);
      if (row.amount < 0) {
        acc.returnRows++;
        acc.returns.add(row.amount);
      }
    }
  }
  return { byRep, all };
}

/** The period the report scored, ready to be closed. `plan`: the plan the report was built with. */
export function pendingPeriod(ingest: IngestResult, plan: Plan, scored: ScoredPeriod): PendingPeriod {
  const planOfRecord: Plan = { ...plan, period: scored.kind, scoredPeriod: scored.period };
  const { byRep, all } = rowsInPeriod(ingest, scored);
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
      adjustments: "0",
      drawTopUp: "0",
      drawRecovered: "0",
      payable: earned,
      drawBalance: "0",
      clawbackBalance: "0",
    };
  });
  return {
    period: scored.period,
    planFingerprint: planFingerprint(planOfRecord),
    plan: planOfRecord,
    input: { rows: all.rows, amount: all.amount.value().toFixed() },
    reps,
  };
}
