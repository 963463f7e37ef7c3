/**
 * The History tab a report carries (docs/reference/history.md): the closed periods and events carried forward from
 * the earlier report, and this report's own period not closed yet, which `close` reads back. Closed periods paid
 * under another plan are named on Data issues.
 */
import { t, type Lang } from "../i18n/index";
import type { DataIssue, IngestResult } from "../ingest/types";
import type { Plan } from "../plan/types";
import type { ReportSheet } from "../report/model";
import type { PeriodPayouts } from "../report/payouts";
import type { ScoredPeriod } from "../report/score";
import { uniqueSheetName } from "../sheet";
import { planFingerprint, shortFingerprint } from "./fingerprint";
import { pendingPeriod } from "./pending";
import { historySheet } from "./sheet";
import type { History } from "./types";

export function historyTab(
  lang: Lang,
  history: History,
  ingest: IngestResult,
  plan: Plan,
  scored: ScoredPeriod,
  takenNames: readonly string[],
  payouts?: PeriodPayouts | null,
): { sheet: ReportSheet; issues: DataIssue[] } {
  const pending = pendingPeriod(ingest, plan, scored, payouts);
  const current = pending.planFingerprint;
  const name = uniqueSheetName(t(lang, "sheet.history"), [...takenNames]);
  const sheet = historySheet(lang, name, { history, pending }, current);
  const issues: DataIssue[] = history.periods
    .filter((p) => p.planFingerprint !== current)
    .map((p) => ({
      sheet: name,
      row: null,
      column: null,
      raw: p.period,
      action: "kept",
      reasonKey: "history.otherPlanIssue",
      params: {
        period: p.period,
        fingerprint: shortFingerprint(p.planFingerprint),
        current: shortFingerprint(current),
      },
    }));
  return { sheet, issues };
}

export { planFingerprint };
