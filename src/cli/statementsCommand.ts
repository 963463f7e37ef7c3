/**
 * `salesperf statements <input.xlsx> -o <folder>` (docs/reference/statements.md, cli.md): one workbook per scored rep, named after the rep,
 * holding only that rep's results. Exit codes as `report`: 0 written, 1 usage error, 2 the input cannot be scored or
 * the statements cannot be written. Every check runs before the first file is written, and the statements are
 * written all or none (safeWrite.ts).
 */
import type { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import type { History } from "../history/types";
import { t } from "../i18n";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";
import { buildStatements } from "../report/statement";
import { cliText, writeFailureReason } from "./messages";
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
  type Failure,
  type InputCommandOptions,
  type RunInputOptions,
} from "./pipeline";
import { readHistoryFile } from "./historyFile";
import { fileBlockingFolder, writeFilesAllOrNothing, WriteError } from "./safeWrite";

/** `output` is the folder to write to; created (with its parents) when missing. */
export type RunStatementsOptions = RunInputOptions & {
  /** A report whose Pay history gives each statement the rep's adjustments, balances and closed periods. */
  history?: string;
};

export interface RunStatementsResult {
  code: number;
  /** code 0: the one-line summary; otherwise the message saying what to fix. */
  summary: string;
  /** Paths written, in rank order; none on a failure (all or none). */
  files: string[];
}

/**
 * -o must name a folder (existing or not), never the input file or another file (1: a usage error); a file standing
 * where one of its parent folders must be cannot be written (2).
 */
function checkOutput(opts: RunStatementsOptions): Failure | null {
  const { lang, output } = opts;
  if (isSameFile(opts.input, output)) return failure(1, t(lang, "statement.outputIsInput", { output }));
  if (fs.existsSync(output) && !fs.statSync(output).isDirectory()) {
    return failure(1, t(lang, "statement.outputIsFile", { output }));
  }
  const blocker = fileBlockingFolder(output);
  if (blocker) {
    const reason = cliText(lang, "reasonNotFolder", { path: blocker });
    return failure(2, t(lang, "statement.writeFailed", { file: output, reason }));
  }
  return null;
}

export async function runStatements(opts: RunStatementsOptions): Promise<RunStatementsResult> {
  const lang = opts.lang;
  const progress = progressTo(opts.stderr);
  const fail = (f: Failure): RunStatementsResult => ({ code: f.code, summary: f.message, files: [] });

  const bad = checkOutput(opts);
  if (bad) return fail(bad);
  // A Pay history changed by hand stops the run before any work (nothing written), as for `report`.
  let history: History | undefined;
  if (opts.history !== undefined) {
    const found = await readHistoryFile(opts.history, lang);
    if (!found.ok) return fail(found);
    history = found.record.history;
  }
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
    history,
  });
  // As `report`: nobody to write for is an input problem; say which dates the data has.
  if (built.statements.length === 0) return fail(noRepsFailure(lang, opts.input, built.period, rows.rows));

  const count = built.statements.length;
  let files: string[];
  try {
    files = await writeFilesAllOrNothing(
      folder,
      built.statements.map((s) => ({ name: s.fileName, bytes: () => writeReportXlsx(s.report) })),
      (i) => progress?.(t(lang, "statement.progress", { done: i + 1, count })),
    );
  } catch (e) {
    const file = e instanceof WriteError ? e.target : opts.output;
    const reason = e instanceof WriteError ? writeFailureReason(lang, e) : reasonOf(e);
    return fail(failure(2, t(lang, "statement.writeFailed", { file, reason })));
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
  ).option("--history <report>", t("en", "pay.cli.optHistory"));
  return runOnAction<InputCommandOptions & { history?: string }>(cmd, "salesperf.statements", (opts, o) =>
    runStatements({ ...opts, history: o.history }),
  );
}
