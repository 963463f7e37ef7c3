/**
 * The CLI's shared steps (SPEC §4), reused by `report`, `statements` and `demo`: read the input workbook,
 * settle the plan (JSON file, else the input's Plan sheet, else the default; `--period` on top), score.
 * Failures are values carrying the exit code (1 usage, 2 cannot be scored) and a message that says what to fix.
 */
import * as fs from "fs";
import type { Lang } from "../i18n";
import { t } from "../i18n";
import { ingest } from "../ingest";
import type { IngestResult, RawCell, RawSheet } from "../ingest/types";
import { defaultPlan, parsePlanText, parsePeriodArg, readPlanSheet, readTargetsSheet } from "../plan";
import type { Plan, PlanError } from "../plan/types";
import { readXlsx } from "../render/xlsx/readXlsx";
import { buildReport } from "../report/buildReport";
import type { Report } from "../report/model";
import { cliText } from "./messages";

export interface Failure {
  ok: false;
  code: 1 | 2;
  message: string;
}

export function failure(code: 1 | 2, message: string): Failure {
  return { ok: false, code, message };
}

function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  // One line, no stack (STYLE: never throw stack traces at users).
  return msg.split("\n")[0];
}

export type Progress = (message: string) => void;

/** Read every sheet of the input (values, number formats, tables). The file is only read. */
export async function loadInput(
  inputPath: string,
  lang: Lang = "en",
  onProgress?: Progress,
): Promise<{ ok: true; sheets: RawSheet[] } | Failure> {
  if (!fs.existsSync(inputPath) || !fs.statSync(inputPath).isFile()) {
    return failure(1, cliText(lang, "inputMissing", { input: inputPath }));
  }
  try {
    const sheets = await readXlsx(inputPath, {
      onProgress: onProgress ? (rows: number) => onProgress(progressText(rows)) : undefined,
    });
    return { ok: true, sheets };
  } catch (e) {
    // The reader may already say "Cannot read <path> as an .xlsx workbook: …"; keep only the cause.
    const reason = reasonOf(e).replace(/^Cannot read .* as an \.xlsx workbook:\s*/i, "");
    return failure(2, cliText(lang, "inputUnreadable", { input: inputPath, reason }));
  }
}

/** readXlsx reports the rows read so far (all sheets). */
function progressText(rowsRead: number): string {
  return `${rowsRead.toLocaleString("en-US")} rows`;
}

function planFailure(lang: Lang, source: string, errors: PlanError[]): Failure {
  const lines = errors.map((e) =>
    cliText(lang, "planErrorLine", { where: e.where, message: t(lang, e.messageKey, e.params) }),
  );
  return failure(2, [cliText(lang, "planInvalid", { source }), ...lines].join("\n"));
}

/** A sheet's values as a grid starting at A1 (the plan readers address cells from A1). */
export function valuesFromA1(sheet: RawSheet): RawCell[][] {
  const r0 = (sheet.firstRow ?? 1) - 1;
  const c0 = sheet.firstCol ?? 0;
  if (r0 === 0 && c0 === 0) return sheet.values;
  const pad: RawCell[] = new Array<RawCell>(c0).fill(null);
  return [...Array.from({ length: r0 }, () => [] as RawCell[]), ...sheet.values.map((row) => [...pad, ...row])];
}

/** The input's sheet named like one of the catalogue's names for `key` in either language (case-insensitive). */
function findSheet(sheets: RawSheet[], key: string): RawSheet | undefined {
  const names = new Set([t("en", key), t("zh", key)].map((n) => n.normalize("NFKC").trim().toLowerCase()));
  return sheets.find((s) => names.has(s.name.normalize("NFKC").trim().toLowerCase()));
}

/**
 * The plan to score with (SPEC §3.3, §4): `--plan` JSON, else the input's Plan/考核方案 sheet, else the default
 * plan; a Targets sheet adds per-rep targets; `--period` sets the kind and the scored period.
 */
export function resolvePlan(
  sheets: RawSheet[],
  planPath: string | undefined,
  lang: Lang,
  periodArg?: string,
): { ok: true; plan: Plan; source: string } | Failure {
  let period: { kind: Plan["period"]; key: string } | null = null;
  if (periodArg !== undefined) {
    period = parsePeriodArg(periodArg);
    if (!period) return failure(1, `--period ${periodArg}: ${cliText(lang, "badPeriod")}`);
  }
  let plan: Plan;
  let source: string;
  if (planPath !== undefined) {
    source = planPath;
    if (!fs.existsSync(planPath)) return failure(1, cliText(lang, "planMissing", { plan: planPath }));
    let text: string;
    try {
      text = fs.readFileSync(planPath, "utf8");
    } catch (e) {
      return failure(2, cliText(lang, "planUnreadable", { plan: planPath, reason: reasonOf(e) }));
    }
    const parsed = parsePlanText(text, lang);
    if (!parsed.ok) return planFailure(lang, planPath, parsed.errors);
    plan = parsed.plan;
  } else {
    const planSheet = findSheet(sheets, "planSheetName");
    if (planSheet) {
      source = planSheet.name;
      const parsed = readPlanSheet(valuesFromA1(planSheet), planSheet.name);
      if (!parsed.ok) return planFailure(lang, planSheet.name, parsed.errors);
      plan = parsed.plan;
    } else {
      source = "default";
      plan = defaultPlan(lang);
    }
  }
  const targetsSheet = findSheet(sheets, "planTargetsSheetName");
  if (targetsSheet) {
    const read = readTargetsSheet(valuesFromA1(targetsSheet), targetsSheet.name, plan);
    if (read.errors.length) return planFailure(lang, targetsSheet.name, read.errors);
    plan = { ...plan, repTargets: { ...plan.repTargets, ...read.targets } };
  }
  if (period) plan = { ...plan, period: period.kind, scoredPeriod: period.key };
  return { ok: true, plan, source };
}

export interface Scored {
  ok: true;
  ingest: IngestResult;
  plan: Plan;
  report: Report;
}

/** Ingest the sales and build the report model (SPEC §3.2–3.4). */
export function scoreWorkbook(
  sheets: RawSheet[],
  plan: Plan,
  opts: { lang: Lang; inputName: string; existingSheetNames?: string[] },
): Scored | Failure {
  const ingested = ingest(sheets);
  if ("kind" in ingested && ingested.kind === "ingestFailure") {
    const reason = t(opts.lang, ingested.messageKey, ingested.params);
    const hint = ingested.messageKey === "noSalesTable" ? ` ${cliText(opts.lang, "noSalesTableHint")}` : "";
    return failure(2, cliText(opts.lang, "notScorable", { input: opts.inputName, reason }) + hint);
  }
  const result = ingested as IngestResult;
  const report = buildReport(result, plan, {
    lang: opts.lang,
    period: plan.scoredPeriod ?? undefined,
    existingSheetNames: opts.existingSheetNames ?? [],
  });
  return { ok: true, ingest: result, plan, report };
}
