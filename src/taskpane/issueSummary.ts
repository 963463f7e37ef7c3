/**
 * The Data issues in words for the pane (docs/reference/cleaning.md): what was corrected, left out, worth a check or
 * not read, so "96 values corrected automatically, 6 rows left out" informs where a bare count of 102 alarms.
 */
import { t, tCount, type Lang } from "../i18n";
import type { Report } from "../report/model";

/** One count per kind of issue, each part of the sentence; zero parts are not said. */
export interface IssueCounts {
  /** Values read from text or another scale, rep spellings joined ("coerced", "merged"). */
  corrected: number;
  /** Sales rows not used at all. */
  rowsExcluded: number;
  /** Used as they are but doubtful: returns, possible duplicates, far dates ("kept"). */
  toCheck: number;
  /** Values, rows after the table, second columns or missing KPI columns that were not read ("ignored", "skipped"). */
  notRead: number;
}

export function issueCounts(summary: Report["summary"]): IssueCounts {
  const by = summary.issuesByAction ?? {};
  return {
    corrected: (by.coerced ?? 0) + (by.merged ?? 0),
    rowsExcluded: summary.rowsExcluded,
    toCheck: by.kept ?? 0,
    notRead: (by.ignored ?? 0) + (by.skipped ?? 0),
  };
}

/** "96 values corrected automatically, 6 rows left out. Details on the Data issues tab." — or "No data issues." */
export function issueSentence(lang: Lang, counts: IssueCounts): string {
  const parts = [
    counts.corrected > 0 ? tCount(lang, "ui.issues.corrected", counts.corrected) : null,
    counts.rowsExcluded > 0 ? tCount(lang, "ui.issues.excluded", counts.rowsExcluded) : null,
    counts.toCheck > 0 ? tCount(lang, "ui.issues.toCheck", counts.toCheck) : null,
    counts.notRead > 0 ? tCount(lang, "ui.issues.notRead", counts.notRead) : null,
  ].filter((p): p is string => p !== null);
  if (parts.length === 0) return t(lang, "ui.issues.none");
  return t(lang, "ui.issues.sentence", { parts: parts.join(t(lang, "ui.issues.separator")) });
}
