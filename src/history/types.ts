/**
 * The pay cycle's record (docs/reference/history.md): the periods closed so far, as the History / 历史记录 sheet holds
 * them. Plain, serialisable data. Money and ratios are exact decimal strings ("1234.5"), never doubles, so a period
 * read back from the sheet equals the period that was closed, to the cent.
 *
 * Written by src/history (close, reopen, carry forward), read by the report (adjustments to closed periods, draws,
 * trends across periods) in the CLI and the pane alike.
 */
import type { Plan } from "../plan/types";

/** One rep's results in a closed period, as paid. */
export interface ClosedRep {
  rep: string;
  team: string | null;
  /** The rep's used sales rows dated in the period at close, and their amount (exact): what an adjustment's reason
   * compares today's rows with ("3 rows added since close"). */
  rows: number;
  amount: string;
  /** Of those, the rows with a negative amount (returns) and their amount (negative or "0"). */
  returnRows: number;
  returnAmount: string;
  /** Per plan KPI of the plan of record, in plan order. null = no value (the KPI did not count for this rep). */
  kpis: { name: string; actual: string | null; target: string | null; attainment: string | null }[];
  score: string;
  rank: number;
  status: "top" | "coaching" | null;
  /** Payout factor from the bonus curve. */
  factor: string;
  /** The bonus the period earned (the Scorecard's Bonus): rounded payout. */
  earned: string;
  /** Differences for earlier closed periods carried into this period's payout (+ paid more, − clawed back). */
  adjustments: string;
  /** Draw paid on top of what was earned (0 when none). */
  drawTopUp: string;
  /** Draw recovered from this period's payout (0 when none). */
  drawRecovered: string;
  /** What was paid for the period: earned + adjustments + drawTopUp − drawRecovered. */
  payable: string;
  /** Recoverable draw still owed by the rep after this period (0 when none). */
  drawBalance: string;
  /** Clawback still to be taken after this period, as a positive amount (0 when none): the part a cap held back. */
  clawbackBalance: string;
  /**
   * The differences for earlier closed periods that this period's report showed ("Adjustments to closed periods") and
   * its close settled — carried into `adjustments` or reported only, as the plan's adjustment policy says. A later
   * report compares an earlier period's recomputed bonus with its `earned` plus the differences settled since, so each
   * difference is shown and carried once (docs/reference/payouts.md). Absent or [] = none. Exact decimal strings.
   */
  settled?: { period: string; difference: string }[];
  /**
   * `rows` per calendar month of a quarter or a year ("2025-11"), months with rows only, oldest first: an adjustment's
   * reason names the month rows were added or removed in (payouts.md). Absent for a month, and in Pay history tabs
   * closed before it was recorded: the reasons then name no month.
   */
  months?: { month: string; rows: number }[];
}

/** The input's totals for the period at close: rows used and their amount (exact). */
export interface ClosedInput {
  rows: number;
  amount: string;
}

export interface ClosedPeriod {
  /** "2025-Q4", "2026-03", "2026". */
  period: string;
  /** ISO 8601 instant of the close, UTC ("2026-01-05T09:30:00.000Z"). */
  closedAt: string;
  /** Fingerprint of the normalised plan of record (hex). */
  planFingerprint: string;
  /** The plan of record, so the period can be recomputed from today's data. */
  plan: Plan;
  input: ClosedInput;
  reps: ClosedRep[];
}

/** A close or a reopen, kept for the record even after the period is closed again. */
export interface HistoryEvent {
  kind: "close" | "reopen";
  period: string;
  at: string;
}

export interface History {
  /** Closed periods, oldest first; a period appears at most once. */
  periods: ClosedPeriod[];
  events: HistoryEvent[];
}
