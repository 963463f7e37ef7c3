/**
 * `salesperf report <input.xlsx> -o <output.xlsx>` (docs/reference/cli.md): score the input and write the report workbook of
 * docs/reference/tabs.md. The input is never written to; on any failure nothing is written (safeWrite.ts: temp file + rename).
 */
import type { Command } from "commander";
import * as fs from "fs";
import * as path from "path";
import { EMPTY_HISTORY } from "../history/record";
import { t } from "../i18n";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";
import { readHistoryFile } from "./historyFile";
import { cliText, writeFailureReason } from "./messages";
import {
  failure,
  inputCommand,
  isSameFile,
  noRepsFailure,
  progressTo,
  readInputAndPlan,
  runOnAction,
  reasonOf,
  scoreWorkbook,
  type Failure,
  type InputCommandOptions,
  type RunInputOptions,
} from "./pipeline";
import { fileBlockingFolder, writeFileAtomic, WriteError } from "./safeWrite";

export interface RunReportOptions extends RunInputOptions {
  withData?: boolean;
  /** An earlier report whose History sheet the new report carries forward (docs/reference/history.md). */
  history?: string;
}

/** code 0: summary is the one-line summary; otherwise summary is the message saying what to fix. */
export interface RunReportResult {
  code: number;
  summary: string;
  /** The report could not be written (exit 2, nothing written): `demo` then removes its demo workbook too. */
  cannotWrite?: boolean;
}

/**
 * Check the output path before any work: .xlsx, not the input, in an existing folder (1 otherwise: a usage error);
 * a file where a folder must be, or a folder where the report must go, cannot be written (2).
 */
function checkOutput(opts: RunReportOptions): Failure | null {
  const { lang, output } = opts;
  if (isSameFile(opts.input, output)) return failure(1, cliText(lang, "outputIsInput", { output }));
  if (!/\.xlsx$/i.test(output)) return failure(1, cliText(lang, "outputNotXlsx", { output }));
  const folder = path.dirname(path.resolve(output));
  const blocker = fileBlockingFolder(folder);
  if (blocker) {
    const reason = cliText(lang, "reasonNotFolder", { path: blocker });
    return failure(2, cliText(lang, "outputWriteFailed", { output, reason }));
  }
  if (!fs.existsSync(folder)) return failure(1, cliText(lang, "outputFolderMissing", { output, folder }));
  if (fs.existsSync(output) && fs.statSync(output).isDirectory()) {
    return failure(2, cliText(lang, "outputWriteFailed", { output, reason: cliText(lang, "reasonIsFolder") }));
  }
  return null;
}

export async function runReport(opts: RunReportOptions): Promise<RunReportResult> {
  const lang = opts.lang;
  const progress = progressTo(opts.stderr);
  const fail = (f: Failure): RunReportResult => ({ code: f.code, summary: f.message });

  const bad = checkOutput(opts);
  if (bad) return fail(bad);
  // The earlier report's History first: a History changed by hand stops the run before any work (nothing written).
  let history = EMPTY_HISTORY;
  if (opts.history !== undefined) {
    const found = await readHistoryFile(opts.history, lang);
    if (!found.ok) return fail(found);
    history = found.record.history;
  }
  const read = await readInputAndPlan(opts, progress);
  if (!read.ok) return fail(read);

  progress?.(cliText(lang, "progressScore"));
  const scored = scoreWorkbook(read.sheets, read.plan, {
    lang,
    inputName: opts.input,
    // With --with-data the input's sheets travel along, so report tabs must not take their names (docs/reference/tabs.md).
    existingSheetNames: opts.withData ? read.sheets.map((s) => s.name) : [],
    // Every report carries its History tab, so that it can be closed and be the record for the next one.
    history,
  });
  if (!scored.ok) return fail(scored);
  if (scored.report.summary.repsScored === 0) {
    return fail(noRepsFailure(lang, opts.input, scored.report.summary.period, scored.ingest.rows));
  }

  progress?.(cliText(lang, "progressWrite", { output: opts.output }));
  try {
    const bytes = await writeReportXlsx(scored.report, { dataSheets: opts.withData ? read.sheets : undefined });
    writeFileAtomic(opts.output, bytes);
  } catch (e) {
    const cannotWrite = e instanceof WriteError;
    const reason = cannotWrite ? writeFailureReason(lang, e) : reasonOf(e);
    return { ...fail(failure(2, cliText(lang, "outputWriteFailed", { output: opts.output, reason }))), cannotWrite };
  }
  const s = scored.report.summary;
  const params = {
    reps: s.repsScored,
    period: s.period,
    used: s.rowsUsed,
    excluded: s.rowsExcluded,
    output: opts.output,
  };
  return { code: 0, summary: cliText(lang, "summary", params) };
}

/** The `report` subcommand (a factory, joined to the program by addCommand). */
export function reportCommand(): Command {
  const cmd = inputCommand(
    "report",
    cliText("en", "reportDescription"),
    "-o, --output <file>",
    cliText("en", "optOutput"),
  )
    .option("--with-data", cliText("en", "optWithData"), false)
    .option("--history <report>", t("en", "history.cli.optHistory"));
  return runOnAction<InputCommandOptions & { withData: boolean; history?: string }>(
    cmd,
    "salesperf.report",
    (opts, o) => runReport({ ...opts, withData: o.withData, history: o.history }),
  );
}
