/**
 * Closing and reopening a period (docs/reference/history.md): pure steps on the record read from a History sheet.
 * Closing records the report's period as paid, with the time of the close, and an event; a period closed already is
 * refused. Reopening removes the period from the closed ones and records that it did; the events keep both.
 */
import { comparePeriodKeys } from "../engine/period";
import type { HistoryRecord } from "./record";
import type { History } from "./types";

export type CloseResult =
  | { ok: true; record: HistoryRecord; period: string }
  | { ok: false; reason: "nothingToClose" }
  | { ok: false; reason: "alreadyClosed"; period: string; closedAt: string };

/** Closes the pending period at `at` (ISO 8601, UTC). */
export function closePeriod(record: HistoryRecord, at: string): CloseResult {
  const pending = record.pending;
  if (!pending) return { ok: false, reason: "nothingToClose" };
  const closed = record.history.periods.find((p) => p.period === pending.period);
  if (closed) return { ok: false, reason: "alreadyClosed", period: closed.period, closedAt: closed.closedAt };
  const periods = [...record.history.periods, { ...pending, closedAt: at }].sort((a, b) =>
    comparePeriodKeys(a.period, b.period),
  );
  const history: History = {
    periods,
    events: [...record.history.events, { kind: "close", period: pending.period, at }],
  };
  return { ok: true, record: { history, pending }, period: pending.period };
}

export type ReopenResult =
  | { ok: true; record: HistoryRecord; period: string }
  | { ok: false; reason: "notClosed"; period: string; closed: string[] };

/** Reopens `period` at `at`: it is no longer closed; the close and the reopen stay among the events. */
export function reopenPeriod(record: HistoryRecord, period: string, at: string): ReopenResult {
  const key = period.trim().toUpperCase();
  const found = record.history.periods.find((p) => p.period.toUpperCase() === key);
  if (!found) return { ok: false, reason: "notClosed", period, closed: record.history.periods.map((p) => p.period) };
  const history: History = {
    periods: record.history.periods.filter((p) => p !== found),
    events: [...record.history.events, { kind: "reopen", period: found.period, at }],
  };
  return { ok: true, record: { history, pending: record.pending }, period: found.period };
}
