/**
 * What the History / 历史记录 sheet holds (docs/reference/history.md): the closed periods and events of the pay cycle
 * (a History), and the results of the period the report scored, not closed yet, in the form `close` reads back
 * exactly (the pending period). Both are plain data; money and ratios are exact decimal strings.
 */
import type { ClosedPeriod, History } from "./types";

/** The report's own period, as closing it would record it (closedAt comes with the close). */
export type PendingPeriod = Omit<ClosedPeriod, "closedAt">;

export interface HistoryRecord {
  history: History;
  /** The scored period's results; null when the sheet holds none. */
  pending: PendingPeriod | null;
}

export const EMPTY_HISTORY: History = { periods: [], events: [] };
