/**
 * The plan layer (docs/reference/plan.md): default plan, JSON plans (CLI --plan), the Plan and
 * Targets sheets, validation and period keys (docs/reference/cli.md --period).
 */
import { t } from "../i18n";
import type { PlanError } from "./types";
import type { Lang } from "./vocab";

export * from "./types";
export { defaultPlan, kpiDisplayName, DEFAULT_KPI_NAMES } from "./defaults";
export { parsePlanJson, parsePlanText } from "./json";
export { validatePlan } from "./validate";
export { writePlanSheet, readPlanSheet, PLAN_SHEET_NAMES, WEIGHT_CHECK_TOLERANCE, type PlanSheetLayout } from "./sheet";
export { readTargetsSheet } from "./targets";
export { readTeamsSheet, readWorkbookTeams, teamKey, teamPlans, type TeamEntry, type TeamsSheet } from "./teams";
export { streakKpiIndex, type StreakCells } from "./streakSheet";
export { parsePeriodArg } from "./period";
export { currencyNumberFormat, currencySymbol, percentFormat } from "./cells";
export { isRankShare, isValidRankCut, rankCutCount, rankCutFormula } from "./rankCut";
export { normaliseRepName } from "./vocab";
export { readWorkbookPlan, valuesFromA1, findNamedSheet, type WorkbookPlan } from "./workbook";

/** "Plan!G21: weight must be a number" — one plan error as the user reads it. */
export function formatPlanError(error: PlanError, lang: Lang): string {
  return `${error.where}: ${t(lang, error.messageKey, error.params)}`;
}
export { defaultPayouts } from "./payoutsSheet";
