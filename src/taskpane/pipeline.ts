/**
 * The pane's steps without React or Office (docs/reference/input.md, cleaning.md, plan.md, tabs.md): find and clean the sales table,
 * read the Plan (and Targets) sheet, list the periods, and turn the default plan into a sheet to write. Building the
 * Report is in paneReport.ts (loaded on the first Generate, reportTools.ts). Pure functions over RawSheets, so tests drive
 * them directly.
 */
import { comparePeriodKeys, periodKey, periodRange } from "../engine/period";
import { t, type Lang } from "../i18n";
import { currencyOptions } from "../currency/convert";
import { findSalesTable, ingest, usualDates } from "../ingest";
import type { ColumnMapping, IngestResult, RawCell, RawSheet, StandardField } from "../ingest/types";
import {
  defaultPlan,
  findNamedSheet,
  readWorkbookPlan,
  readWorkbookTeams,
  valuesFromA1,
  writePlanSheet,
  type TeamsSheet,
} from "../plan";
import type { Plan, PlanError } from "../plan/types";
import { PRODUCT_HEADERS } from "../report/breakdowns";
import { planTab } from "../report/formulas";
import { layOutForPrint } from "../report/printLayout";
import type { Report, ReportCell, ReportSheet } from "../report/model";

export const STANDARD_FIELDS: readonly StandardField[] = [
  "rep",
  "team",
  "date",
  "amount",
  "customer",
  "newCustomer",
  "satisfaction",
  "behaviour",
];

export interface PlanInfo {
  /** Name of the Plan sheet the rules came from; null = no Plan sheet, default plan. */
  sheetName: string | null;
  plan: Plan | null;
  errors: PlanError[];
  /** The sheet the errors are on (the Plan or the Targets sheet); null when there are none. */
  errorSheet: string | null;
}

export interface Analysis {
  mapping: ColumnMapping | null;
  ingested: IngestResult | null;
  /** Why there is no sales table, already in the pane's language. */
  dataError: string | null;
  plan: PlanInfo;
  /** Period keys present in the used rows, oldest first ("2026-Q1", "2026-Q2"). */
  periods: string[];
  /** The latest of `periods` that is not only rows dated far from the others (docs/reference/robustness.md). */
  latestUsualPeriod: string | null;
  /** The Teams sheet, read; null without one (docs/reference/leaders.md). Absent in analyses made before it existed. */
  teams?: TeamsSheet | null;
}

export { valuesFromA1 } from "../plan";

/** Sheet names are compared as Excel does: case and width do not matter. */
export function sameName(a: string, b: string): boolean {
  const n = (s: string) => s.normalize("NFKC").trim().toLowerCase();
  return n(a) === n(b);
}

/** Plan from the Plan sheet (else the default), plus per-rep targets from a Targets sheet. */
export function readPlan(sheets: readonly RawSheet[], lang: Lang): PlanInfo {
  const read = readWorkbookPlan(sheets, lang);
  return read.ok
    ? { sheetName: read.planSheet, plan: read.plan, errors: [], errorSheet: null }
    : { sheetName: read.planSheet, plan: null, errors: read.errors, errorSheet: read.sheet };
}

/**
 * Why Generate (or a statement) cannot run on these rules: a title naming the sheet and one line per problem,
 * each naming its cell, in the words the CLI uses (docs/reference/plan.md); null when the rules are readable.
 */
export function planProblems(plan: PlanInfo, lang: Lang): { title: string; lines: string[] } | null {
  if (plan.errors.length === 0) return null;
  return {
    title: t(lang, "ui.plan.invalid", { sheet: plan.errorSheet ?? "", count: plan.errors.length }),
    lines: plan.errors.map((e) =>
      t(lang, "ui.plan.error", { where: e.where, message: t(lang, e.messageKey, e.params) }),
    ),
  };
}

/** An analysis without sales rows has no periods. */
export function noPeriods(): Pick<Analysis, "periods" | "latestUsualPeriod"> {
  return { periods: [], latestUsualPeriod: null };
}

/** Every period key of the plan's kind that has a used row, oldest first. */
export function periodsOf(ingested: IngestResult | null, plan: Plan | null): string[] {
  if (!ingested || !plan) return [];
  const keys = new Set<string>();
  for (const row of ingested.rows) keys.add(periodKey(row.dateSerial, plan.period));
  return [...keys].sort(comparePeriodKeys);
}

/** The latest period holding a row within the usual dates: a 9999-12-31 placeholder does not pick the period. */
function latestUsualPeriod(ingested: IngestResult, periods: readonly string[]): string | null {
  const usual = usualDates(ingested.rows);
  const usualPeriods = usual === null ? periods : periods.filter((p) => periodRange(p)!.startSerial <= usual.last);
  return usualPeriods[usualPeriods.length - 1] ?? null;
}

/** The sheets read as input: all but the add-in's own tabs of an earlier run (they are output, docs/reference/tabs.md). */
export function inputSheets(sheets: readonly RawSheet[], addinTabs: readonly string[]): RawSheet[] {
  return sheets.filter((s) => !addinTabs.some((n) => sameName(n, s.name)));
}

/**
 * Everything the pane shows before Generate. The add-in's own tabs from an earlier run are
 * not offered to ingest (they are output, docs/reference/tabs.md); the Plan sheet is still read for rules.
 */
export function analyse(
  sheets: readonly RawSheet[],
  addinTabs: readonly string[],
  lang: Lang,
  mapping?: ColumnMapping,
  /** Statements list every column of a rep's rows, not only the ones the plan measures. */
  keepAllColumns = false,
): Analysis {
  const inputs = inputSheets(sheets, addinTabs);
  const plan = readPlan(sheets, lang);
  // The product column, when there is one, for the product mix on Trends (docs/reference/tabs.md).
  const extraHeaders = [
    ...(plan.plan?.kpis ?? []).flatMap((k) => (k.measure.header ? [k.measure.header] : [])),
    ...PRODUCT_HEADERS,
  ];
  const found = mapping ?? findSalesTable(inputs);
  if ("kind" in found) {
    return { mapping: null, ingested: null, dataError: t(lang, found.messageKey, found.params), plan, ...noPeriods() };
  }
  const currency = plan.plan === null ? undefined : currencyOptions(plan.plan);
  const result = ingest(inputs, { mapping: found, extraHeaders, keepAllColumns, currency });
  if ("kind" in result) {
    return {
      mapping: found,
      ingested: null,
      dataError: t(lang, result.messageKey, result.params),
      plan,
      ...noPeriods(),
    };
  }
  const periods = periodsOf(result, plan.plan);
  return {
    mapping: result.mapping,
    ingested: result,
    dataError: null,
    plan,
    periods,
    latestUsualPeriod: latestUsualPeriod(result, periods),
    teams: readWorkbookTeams(sheets),
  };
}

/**
 * The sheets other than the sales table that supply a standard field the table has no column for: a Ratings /
 * 主管评分 sheet feeds the manager rating (docs/reference/input.md "Measure sheets"), as the scoring reads it.
 */
export function fieldsFromOtherSheets(ingested: IngestResult | null): Partial<Record<StandardField, string[]>> {
  const out: Partial<Record<StandardField, string[]>> = {};
  if (!ingested) return out;
  for (const field of STANDARD_FIELDS) {
    if (ingested.mapping.columns[field] !== undefined) continue;
    const sheets = [...new Set(ingested.measures.filter((m) => m.values[field] !== undefined).map((m) => m.sheet))];
    if (sheets.length > 0) out[field] = sheets;
  }
  return out;
}

/** The latest usual period unless the plan names one that has data. */
export function defaultPeriod(analysis: Analysis): string | null {
  const chosen = analysis.plan.plan?.scoredPeriod;
  if (chosen && analysis.periods.includes(chosen)) return chosen;
  return analysis.latestUsualPeriod;
}

/** The period to score: the one chosen on the Plan tab while it still has data, else the default. */
export function scoringPeriod(analysis: Analysis, chosen: string | null): string | null {
  return chosen && analysis.periods.includes(chosen) ? chosen : defaultPeriod(analysis);
}

/** A mapping with one field moved to another column (or dropped with null). */
export function remap(mapping: ColumnMapping, field: StandardField, col: number | null): ColumnMapping {
  const columns = { ...mapping.columns };
  if (col === null) delete columns[field];
  else columns[field] = col;
  return { ...mapping, columns };
}

/** A value the report writes and the one in the workbook are the same (numbers to rounding noise). */
function sameValue(written: ReportCell["v"], found: RawCell | undefined): boolean {
  if (typeof written === "number" && typeof found === "number") {
    return Math.abs(written - found) <= 1e-9 * Math.max(1, Math.abs(written));
  }
  return written === found;
}

/** Every value the report's Plan tab writes is in `sheet` at the same cell (its formulas' results aside). */
function holdsPlanTab(planTab: ReportSheet, sheet: RawSheet): boolean {
  const grid = valuesFromA1(sheet);
  return planTab.rows.every((row, r) =>
    row.every(
      (cell, c) => !cell || cell.f !== undefined || cell.v === null || cell.v === "" || sameValue(cell.v, grid[r]?.[c]),
    ),
  );
}

/**
 * What a Generate run leaves alone (docs/reference/writes.md): the Plan and Targets sheets the rules were read from
 * are never deleted or rewritten. When the Plan sheet holds exactly the cells of the report's Plan tab (it was
 * made by the pane or an earlier run, and the user only changed values), it stands in for that tab: the report's
 * formulas refer to the sheet the user edits. Otherwise the report's Plan tab is written beside it.
 */
export function sheetsToKeep(
  sheets: readonly RawSheet[],
  analysis: Analysis,
  report: Report,
): { keep: string[]; planSheet: string | null } {
  const planName = analysis.plan.sheetName;
  const planSheet = planName ? sheets.find((s) => s.name === planName) : undefined;
  const targets = findNamedSheet(sheets, "planTargetsSheetName");
  const planTab = report.sheets.find((s) => s.key === "plan");
  return {
    keep: [planSheet?.name, targets?.name].filter((n): n is string => !!n),
    planSheet: planSheet && planTab && holdsPlanTab(planTab, planSheet) ? planSheet.name : null,
  };
}

/**
 * The default plan as a sheet (docs/reference/plan.md "created with defaults when absent"), named for the language:
 * the report's own Plan tab, so it has the same Total weight check, total-row style, amber warning and tab colour.
 */
export function defaultPlanSheet(lang: Lang): ReportSheet {
  const sheet = planTab(t(lang, "planSheetName"), writePlanSheet(defaultPlan(lang), lang));
  // Laid out for print as the report's Plan tab is (docs/reference/tabs.md "Printing"), without a period: the
  // sheet is the user's plan, read by every later run whatever period it scores.
  return layOutForPrint(sheet, { lang, title: t(lang, "print.reportTitle"), period: null });
}
