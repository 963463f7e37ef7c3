/**
 * `salesperf statements <input.xlsx> -o <folder>` (SPEC §3.5, §4): one workbook per scored rep, named after the rep,
 * holding only that rep's results. Exit codes as `report`: 0 written, 1 usage error, 2 the input cannot be scored.
 * Every check runs before the first file is written; each file is written atomically (temp file + rename).
 */
import { Command, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import { t, type Lang } from "../i18n";
import { ingest } from "../ingest";
import type { IngestResult } from "../ingest/types";
import { parsePeriodArg } from "../plan";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";
import { buildStatements } from "../report/statement";
import { cliText } from "./messages";
import { failure, loadInput, resolvePlan, type Failure } from "./pipeline";
import { isSameFile, writeFileAtomic } from "./reportCommand";

export interface RunStatementsOptions {
  input: string;
  /** The folder to write to; created (with its parents) when missing. */
  output: string;
  lang: Lang;
  plan?: string;
  period?: string;
  /** Where progress goes (default process.stderr); progress is shown only when stderr is a terminal. */
  stderr?: (s: string) => void;
}

export interface RunStatementsResult {
  code: number;
  /** code 0: the one-line summary; otherwise the message saying what to fix. */
  summary: string;
  /** Paths written, in rank order (also on failure: the statements written before it). */
  files: string[];
}

function reasonOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

/** -o must name a folder (existing or not), never the input file or another file. */
function checkOutput(opts: RunStatementsOptions): Failure | null {
  if (isSameFile(opts.input, opts.output)) {
    return failure(1, t(opts.lang, "statement.outputIsInput", { output: opts.output }));
  }
  if (fs.existsSync(opts.output) && !fs.statSync(opts.output).isDirectory()) {
    return failure(1, t(opts.lang, "statement.outputIsFile", { output: opts.output }));
  }
  return null;
}

/** "2026-01-05" from an Excel serial (25569 = 1970-01-01), "-" when none. */
function ymd(serial: number): string {
  return Number.isFinite(serial) ? new Date((serial - 25569) * 86400000).toISOString().slice(0, 10) : "-";
}

export async function runStatements(opts: RunStatementsOptions): Promise<RunStatementsResult> {
  const lang = opts.lang;
  const writeErr = opts.stderr ?? ((s: string) => void process.stderr.write(s));
  // SPEC §4: progress only when stderr is a terminal, so pipes and logs stay clean.
  const progress = process.stderr.isTTY ? (s: string) => writeErr(`${s}\n`) : undefined;
  const fail = (f: Failure, files: string[] = []): RunStatementsResult => ({ code: f.code, summary: f.message, files });

  const bad = checkOutput(opts);
  if (bad) return fail(bad);
  if (opts.period !== undefined && !parsePeriodArg(opts.period)) {
    return fail(failure(1, `--period ${opts.period}: ${cliText(lang, "badPeriod")}`));
  }

  progress?.(cliText(lang, "progressRead", { input: opts.input, done: "" }));
  const loaded = await loadInput(
    opts.input,
    lang,
    progress ? (p) => progress(cliText(lang, "progressRead", { input: opts.input, done: p })) : undefined,
  );
  if (!loaded.ok) return fail(loaded);
  const planned = resolvePlan(loaded.sheets, opts.plan, lang, opts.period);
  if (!planned.ok) return fail(planned);

  progress?.(cliText(lang, "progressScore"));
  const ingested = ingest(loaded.sheets);
  if ("kind" in ingested && ingested.kind === "ingestFailure") {
    const reason = t(lang, ingested.messageKey, ingested.params);
    const hint = ingested.messageKey === "noSalesTable" ? ` ${cliText(lang, "noSalesTableHint")}` : "";
    return fail(failure(2, cliText(lang, "notScorable", { input: opts.input, reason }) + hint));
  }
  const rows = ingested as IngestResult;
  const folder = path.resolve(opts.output);
  // The input may sit in the output folder: no statement may take its name (it is never written to).
  const inputHere = path.dirname(path.resolve(opts.input)) === folder ? [path.basename(opts.input)] : [];
  const built = buildStatements(rows, planned.plan, {
    lang,
    period: planned.plan.scoredPeriod ?? undefined,
    sheets: loaded.sheets,
    reservedFileNames: inputHere,
  });
  if (built.statements.length === 0) {
    // As `report`: nobody to write for is an input problem; say which dates the data has.
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of rows.rows) {
      if (r.dateSerial < lo) lo = r.dateSerial;
      if (r.dateSerial > hi) hi = r.dateSerial;
    }
    const params = { input: opts.input, period: built.period, first: ymd(lo), last: ymd(hi) };
    return fail(failure(2, cliText(lang, "noRepsInPeriod", params)));
  }

  try {
    fs.mkdirSync(folder, { recursive: true });
  } catch (e) {
    return fail(failure(2, t(lang, "statement.folderFailed", { output: opts.output, reason: reasonOf(e) })));
  }
  const files: string[] = [];
  const count = built.statements.length;
  for (const s of built.statements) {
    const target = path.join(folder, s.fileName);
    progress?.(t(lang, "statement.progress", { done: files.length + 1, count }));
    try {
      writeFileAtomic(target, await writeReportXlsx(s.report));
    } catch (e) {
      const params = { file: target, reason: reasonOf(e), written: files.length, count };
      return fail(failure(2, t(lang, "statement.writeFailed", params)), files);
    }
    files.push(target);
  }
  return { code: 0, summary: t(lang, "statement.summary", { count, folder: opts.output }), files };
}

function parseLang(value: string): Lang {
  const v = value.trim().toLowerCase();
  if (v === "en" || v === "zh") return v;
  throw new InvalidArgumentError(cliText("en", "badLang"));
}

function parsePeriod(value: string): string {
  if (!parsePeriodArg(value)) throw new InvalidArgumentError(cliText("en", "badPeriod"));
  return value;
}

/** The `statements` subcommand (a factory, joined to the program by addCommand; STYLE §3 CLI). */
export function statementsCommand(): Command {
  const cmd = new Command("statements")
    .description(t("en", "statement.description"))
    .argument("<input>", cliText("en", "argInput"))
    .requiredOption("-o, --output <folder>", t("en", "statement.optOutput"))
    .option("--plan <file>", cliText("en", "optPlan"))
    .option("--period <period>", cliText("en", "optPeriod"), parsePeriod)
    .addOption(new Option("--lang <lang>", cliText("en", "optLang")).default("en").argParser(parseLang));
  cmd.action(async (input: string, o: { output: string; plan?: string; period?: string; lang: Lang }) => {
    const out = cmd.configureOutput();
    const result = await runStatements({
      input,
      output: o.output,
      lang: o.lang,
      plan: o.plan,
      period: o.period,
      stderr: (s) => out.writeErr?.(s),
    });
    if (result.code !== 0) cmd.error(result.summary, { exitCode: result.code, code: "salesperf.statements" });
    out.writeOut?.(`${result.summary}\n`);
  });
  return cmd;
}
