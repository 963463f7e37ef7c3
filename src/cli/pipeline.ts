/**
 * The CLI's shared steps (docs/reference/cli.md), reused by `report`, `statements` and `demo`: the common options, read the input
 * workbook, settle the plan (JSON file, else the input's Plan sheet, else the default; `--period` on top), ingest,
 * score (writing the output: safeWrite.ts). Failures are values carrying the exit code (1 usage, 2 cannot be scored
 * or written) and a message that says what to fix.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../i18n";
import { t } from "../i18n";
import { currencyOptions } from "../currency/convert";
import { ingest } from "../ingest";
import type { IngestResult, RawSheet } from "../ingest/types";
import { parsePlanText, parsePeriodArg, readWorkbookPlan, readWorkbookTeams } from "../plan";
import type { Plan, PlanError } from "../plan/types";
import type { History } from "../history/types";
import { readXlsx } from "../render/xlsx/readXlsx";
import { buildReport } from "../report/buildReport";
import { PRODUCT_HEADERS } from "../report/breakdowns";
import type { Report } from "../report/model";
import { isoDateOfSerial } from "../sheet";
import { cliText } from "./messages";

export interface Failure {
  ok: false;
  code: 1 | 2;
  message: string;
}

export function failure(code: 1 | 2, message: string): Failure {
  return { ok: false, code, message };
}

/** An error's first line: the reason shown to the user. */
export function reasonOf(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  // One line, no stack (never throw stack traces at users).
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

/**
 * The plan to score with (docs/reference/plan.md, cli.md): `--plan` JSON, else the input's Plan/考核方案 sheet, else the default
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
  let given: Plan | undefined;
  if (planPath !== undefined) {
    if (!fs.existsSync(planPath)) return failure(1, cliText(lang, "planMissing", { plan: planPath }));
    let text: string;
    try {
      text = fs.readFileSync(planPath, "utf8");
    } catch (e) {
      return failure(2, cliText(lang, "planUnreadable", { plan: planPath, reason: reasonOf(e) }));
    }
    const parsed = parsePlanText(text, lang);
    if (!parsed.ok) return planFailure(lang, planPath, parsed.errors);
    given = parsed.plan;
  }
  const read = readWorkbookPlan(sheets, lang, given);
  if (!read.ok) return planFailure(lang, read.sheet, read.errors);
  let plan = read.plan;
  const source = planPath ?? read.planSheet ?? "default";
  if (period) plan = { ...plan, period: period.kind, scoredPeriod: period.key };
  return { ok: true, plan, source };
}

/** Options every input-reading command takes (`report`, `statements`). */
export interface RunInputOptions {
  input: string;
  output: string;
  lang: Lang;
  plan?: string;
  period?: string;
  /** Where progress goes (default process.stderr); progress is shown only when stderr is a terminal. */
  stderr?: (s: string) => void;
}

/** docs/reference/cli.md: progress only when stderr is a terminal, so pipes and logs stay clean. */
export function progressTo(stderr: ((s: string) => void) | undefined): Progress | undefined {
  const writeErr = stderr ?? ((s: string) => void process.stderr.write(s));
  return process.stderr.isTTY ? (s: string) => writeErr(`${s}\n`) : undefined;
}

/** Check `--period`, read the input (with progress) and settle the plan: the steps before scoring. */
export async function readInputAndPlan(
  opts: RunInputOptions,
  progress: Progress | undefined,
): Promise<{ ok: true; sheets: RawSheet[]; plan: Plan } | Failure> {
  const lang = opts.lang;
  if (opts.period !== undefined && !parsePeriodArg(opts.period)) {
    return failure(1, `--period ${opts.period}: ${cliText(lang, "badPeriod")}`);
  }
  progress?.(cliText(lang, "progressRead", { input: opts.input, done: "" }));
  const loaded = await loadInput(
    opts.input,
    lang,
    progress ? (p) => progress(cliText(lang, "progressRead", { input: opts.input, done: p })) : undefined,
  );
  if (!loaded.ok) return loaded;
  const planned = resolvePlan(loaded.sheets, opts.plan, lang, opts.period);
  if (!planned.ok) return planned;
  return { ok: true, sheets: loaded.sheets, plan: planned.plan };
}

/** Ingest the sales (docs/reference/input.md, cleaning.md); no sales table is an input problem (exit 2) with a hint. */
export function ingestSales(
  sheets: RawSheet[],
  plan: Plan,
  opts: { lang: Lang; inputName: string; keepAllColumns?: boolean },
): { ok: true; ingest: IngestResult } | Failure {
  // A KPI may be measured by any column's exact header (docs/reference/input.md): ingest keeps those columns' values.
  // The product column, when there is one, for the product mix on Trends (docs/reference/tabs.md).
  const extraHeaders = [...plan.kpis.flatMap((k) => (k.measure.header ? [k.measure.header] : [])), ...PRODUCT_HEADERS];
  // Statements show each rep every column of their rows (docs/reference/statements.md); the report needs only the KPIs' columns.
  const ingested = ingest(sheets, {
    extraHeaders,
    keepAllColumns: opts.keepAllColumns ?? false,
    currency: currencyOptions(plan),
  });
  if ("kind" in ingested && ingested.kind === "ingestFailure") {
    const reason = t(opts.lang, ingested.messageKey, ingested.params);
    // Chinese sentences follow one another without a space.
    const gap = opts.lang === "zh" ? "" : " ";
    const hint = ingested.messageKey === "noSalesTable" ? gap + cliText(opts.lang, "noSalesTableHint") : "";
    return failure(2, cliText(opts.lang, "notScorable", { input: opts.inputName, reason }) + hint);
  }
  return { ok: true, ingest: ingested as IngestResult };
}

/** "2026-01-05" from an Excel serial, "-" when none. */
function ymd(serial: number): string {
  return Number.isFinite(serial) ? isoDateOfSerial(serial) : "-";
}

/**
 * Nobody scored in the period: a report (or statements) with nobody on it would be emailed as if it meant
 * something, so stop (exit 2) and say which dates the data has.
 */
export function noRepsFailure(lang: Lang, input: string, period: string, rows: IngestResult["rows"]): Failure {
  let lo = Infinity;
  let hi = -Infinity;
  for (const r of rows) {
    if (r.dateSerial < lo) lo = r.dateSerial;
    if (r.dateSerial > hi) hi = r.dateSerial;
  }
  return failure(2, cliText(lang, "noRepsInPeriod", { input, period, first: ymd(lo), last: ymd(hi) }));
}

export interface Scored {
  ok: true;
  ingest: IngestResult;
  plan: Plan;
  report: Report;
}

/** Ingest the sales and build the report model (docs/reference/cleaning.md, plan.md, tabs.md). */
export function scoreWorkbook(
  sheets: RawSheet[],
  plan: Plan,
  opts: { lang: Lang; inputName: string; existingSheetNames?: string[]; history?: History },
): Scored | Failure {
  const ingested = ingestSales(sheets, plan, opts);
  if (!ingested.ok) return ingested;
  const report = buildReport(ingested.ingest, plan, {
    lang: opts.lang,
    period: plan.scoredPeriod ?? undefined,
    existingSheetNames: opts.existingSheetNames ?? [],
    history: opts.history,
    teams: readWorkbookTeams(sheets),
  });
  return { ok: true, ingest: ingested.ingest, plan, report };
}

/** True when `output` names the same file as `input` (same path, or a link to it). */
export function isSameFile(input: string, output: string): boolean {
  const a = path.resolve(input);
  const b = path.resolve(output);
  if (a === b) return true;
  try {
    const sa = fs.statSync(a);
    const sb = fs.statSync(b);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

// ---------- the commands' common options ----------

function parseLang(value: string): Lang {
  const v = value.trim().toLowerCase();
  if (v === "en" || v === "zh") return v;
  throw new InvalidArgumentError(cliText("en", "badLang"));
}

function parsePeriod(value: string): string {
  if (!parsePeriodArg(value)) throw new InvalidArgumentError(cliText("en", "badPeriod"));
  return value;
}

/** The options commander parses for an input-reading command. */
export interface InputCommandOptions {
  output: string;
  plan?: string;
  period?: string;
  lang: Lang;
}

/** `<name> <input> -o <output> [--plan] [--period] [--lang]`: the subcommand shell `report` and `statements` share. */
export function inputCommand(name: string, description: string, outputFlag: string, outputHelp: string): Command {
  return new Command(name)
    .description(description)
    .argument("<input>", cliText("en", "argInput"))
    .requiredOption(outputFlag, outputHelp)
    .option("--plan <file>", cliText("en", "optPlan"))
    .option("--period <period>", cliText("en", "optPeriod"), parsePeriod)
    .addOption(new Option("--lang <lang>", cliText("en", "optLang")).default("en").argParser(parseLang));
}

/**
 * The command's action: run with the parsed options (progress to the program's error sink), then print the one-line
 * summary, or end with the run's message and exit code (1 usage, 2 cannot be scored).
 */
export function runOnAction<O extends InputCommandOptions>(
  cmd: Command,
  errorCode: string,
  run: (opts: RunInputOptions, parsed: O) => Promise<{ code: number; summary: string }>,
): Command {
  return cmd.action(async (input: string, o: O) => {
    const out = cmd.configureOutput();
    const base = { input, output: o.output, lang: o.lang, plan: o.plan, period: o.period };
    const result = await run({ ...base, stderr: (s) => out.writeErr?.(s) }, o);
    if (result.code !== 0) cmd.error(result.summary, { exitCode: result.code, code: errorCode });
    out.writeOut?.(`${result.summary}\n`);
  });
}
