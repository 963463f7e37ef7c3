/**
 * `salesperf statements <input.xlsx> -o <folder>` (docs/reference/statements.md, cli.md): one workbook per scored rep, named after the rep,
 * holding only that rep's results. Exit codes as `report`: 0 written, 1 usage error, 2 the input cannot be scored.
 * Every check runs before the first file is written; each file is written atomically (temp file + rename).
 */
import type { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { t } from "../i18n";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";
import { buildStatements } from "../report/statement";
import { cliText } from "./messages";
import {
  failure,
  ingestSales,
  inputCommand,
  isSameFile,
  noRepsFailure,
  progressTo,
  readInputAndPlan,
  runOnAction,
  reasonOf,
  writeFileAtomic,
  type Failure,
  type RunInputOptions,
} from "./pipeline";

/** `output` is the folder to write to; created (with its parents) when missing. */
export type RunStatementsOptions = RunInputOptions;

export interface RunStatementsResult {
  code: number;
  /** code 0: the one-line summary; otherwise the message saying what to fix. */
  summary: string;
  /** Paths written, in rank order (also on failure: the statements written before it). */
  files: string[];
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

export async function runStatements(opts: RunStatementsOptions): Promise<RunStatementsResult> {
  const lang = opts.lang;
  const progress = progressTo(opts.stderr);
  const fail = (f: Failure, files: string[] = []): RunStatementsResult => ({ code: f.code, summary: f.message, files });

  const bad = checkOutput(opts);
  if (bad) return fail(bad);
  const read = await readInputAndPlan(opts, progress);
  if (!read.ok) return fail(read);

  progress?.(cliText(lang, "progressScore"));
  // "My sales" shows every column of the rep's rows (Product, Region …), not only the KPIs' ones.
  const ingested = ingestSales(read.sheets, read.plan, { lang, inputName: opts.input, keepAllColumns: true });
  if (!ingested.ok) return fail(ingested);
  const rows = ingested.ingest;
  const folder = path.resolve(opts.output);
  // The input may sit in the output folder: no statement may take its name (it is never written to).
  const inputHere = path.dirname(path.resolve(opts.input)) === folder ? [path.basename(opts.input)] : [];
  const built = buildStatements(rows, read.plan, {
    lang,
    period: read.plan.scoredPeriod ?? undefined,
    sheets: read.sheets,
    reservedFileNames: inputHere,
  });
  // As `report`: nobody to write for is an input problem; say which dates the data has.
  if (built.statements.length === 0) return fail(noRepsFailure(lang, opts.input, built.period, rows.rows));

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
  // docs/reference/cli.md: the one-line summary says the rows used and excluded, as `report`'s does.
  const { rowsUsed: used, rowsExcluded: excluded } = rows.reconciliation;
  const params = { count, period: built.period, used, excluded, folder: opts.output };
  return { code: 0, summary: t(lang, "statement.summary", params), files };
}

/** The `statements` subcommand (a factory, joined to the program by addCommand). */
export function statementsCommand(): Command {
  const cmd = inputCommand(
    "statements",
    cliText("en", "statementsDescription"),
    "-o, --output <folder>",
    t("en", "statement.optOutput"),
  );
  return runOnAction(cmd, "salesperf.statements", runStatements);
}
