/**
 * What the Share tab scores (docs/reference/statements.md "In the add-in"): exactly what Generate would, from a fresh
 * read of the workbook — the same mapping, plan, period and Pay history. Pure over the read sheets, so tests drive it
 * directly; App.tsx calls it for the report copy and the statements.
 */
import type { Lang } from "../i18n";
import type { ColumnMapping } from "../ingest/types";
import type { WorkbookSnapshot } from "../render/office/excelOps";
import type { ScoringResult } from "./components/useShare";
import { workbookHistory } from "./history";
import { analyse, inputSheets, planProblems, scoringPeriod } from "./pipeline";

/**
 * The scoring input of the workbook read as `snapshot`, or why there is none: no sales table, a Plan or Targets
 * sheet it cannot read, or a Pay history changed by hand (refused as Generate refuses it, every cell named; nothing
 * is built). `chosenPeriod`: the period picked in the pane, used while it still has data.
 */
export function scoringInputOf(
  snapshot: WorkbookSnapshot,
  lang: Lang,
  mapping: ColumnMapping | undefined,
  chosenPeriod: string | null,
): ScoringResult {
  // Statements list every column of a rep's rows, not only the ones the plan measures (as the CLI).
  const fresh = analyse(snapshot.sheets, snapshot.addinTabs, lang, mapping, true);
  if (fresh.dataError || !fresh.ingested) return { ok: false, message: fresh.dataError ?? "" };
  const problems = planProblems(fresh.plan, lang);
  if (problems || !fresh.plan.plan) {
    return { ok: false, message: [problems?.title, ...(problems?.lines ?? [])].join("\n") };
  }
  const found = workbookHistory(snapshot.sheets, lang, snapshot.addinTabs);
  if (!found.ok) return { ok: false, message: [found.title, ...found.lines].join("\n") };
  return {
    ok: true,
    value: {
      ingested: fresh.ingested,
      plan: fresh.plan.plan,
      period: scoringPeriod(fresh, chosenPeriod),
      sheets: inputSheets(snapshot.sheets, snapshot.addinTabs),
      // Without a Pay history tab (never generated): none, as `salesperf statements` without --history.
      history: found.sheetName === null ? undefined : found.record.history,
    },
  };
}
