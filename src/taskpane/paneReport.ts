/**
 * The report the pane writes (docs/reference/tabs.md): the root of the "report" webpack chunk, loaded by `import()` on
 * the first Generate or report copy (reportTools.ts), so the report builder and its tab builders stay out of
 * taskpane.js. Pure, so tests call it directly.
 */
import { EMPTY_HISTORY } from "../history/record";
import type { History } from "../history/types";
import type { Lang } from "../i18n";
import { buildReport } from "../report/buildReport";
import type { Report } from "../report/model";
import { sameName, type Analysis } from "./pipeline";

export { buildReport };

/**
 * Builds the report. Sheet names already in the workbook count as taken, except the tabs of
 * the earlier run (they are replaced), so a user's own "Scorecard" keeps its name.
 */
export function buildPaneReport(
  analysis: Analysis,
  sheetNames: readonly string[],
  addinTabs: readonly string[],
  period: string | null,
  lang: Lang,
  /** The workbook's Pay history, carried forward (docs/reference/history.md); every report has the tab. */
  history: History = EMPTY_HISTORY,
): Report {
  if (!analysis.ingested || !analysis.plan.plan)
    throw new Error("buildPaneReport needs a cleaned table and a valid plan");
  const existingSheetNames = sheetNames.filter((n) => !addinTabs.some((a) => sameName(a, n)));
  return buildReport(analysis.ingested, analysis.plan.plan, {
    lang,
    period: period ?? undefined,
    existingSheetNames,
    teams: analysis.teams ?? null,
    history,
  });
}
