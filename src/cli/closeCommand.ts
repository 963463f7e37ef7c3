/**
 * `salesperf close REPORT.xlsx [--reopen PERIOD]` (docs/reference/cli.md, history.md): close the period the report
 * scored — its results, as the report's History sheet holds them not closed yet, are recorded as paid — or reopen a
 * closed period. The report is the record: its History tab is rewritten in place, atomically (a temp file renamed
 * onto it), and nothing else in the file changes. Closing a closed period, a History sheet changed by hand or a file
 * that is no report is refused with exit 2 and nothing written.
 */
import { Command, Option } from "commander";
import * as fs from "fs";
import { Dec } from "../engine/decimal";
import { closePeriod, reopenPeriod } from "../history/close";
import type { HistoryRecord } from "../history/record";
import { historySheet } from "../history/sheet";
import { t, type Lang } from "../i18n";
import { replaceSheetInXlsx } from "../render/xlsx/replaceSheet";
import { layOutForPrint } from "../report/printLayout";
import { readHistoryFile } from "./historyFile";
import { cliText, writeFailureReason } from "./messages";
import { failure, reasonOf, type Failure } from "./pipeline";
import { writeFileAtomic, WriteError } from "./safeWrite";

export interface RunCloseOptions {
  report: string;
  lang: Lang;
  /** Reopen this period instead of closing the report's. */
  reopen?: string;
  /** The clock (tests pass their own). */
  now?: () => Date;
}

export interface RunCloseResult {
  code: number;
  message: string;
}

/** The language a History sheet is written in, from its name ("历史记录" or "History", possibly " (2)"). */
function sheetLang(name: string): Lang {
  return name.startsWith(t("zh", "sheet.history")) ? "zh" : "en";
}

/** Writes `record` as the report's History tab, in place and atomically. */
async function rewriteHistory(file: string, sheetName: string, record: HistoryRecord): Promise<void> {
  const lang = sheetLang(sheetName);
  const fingerprint = record.pending?.planFingerprint ?? record.history.periods.at(-1)?.planFingerprint ?? "";
  const sheet = layOutForPrint(historySheet(lang, sheetName, record, fingerprint), {
    lang,
    title: t(lang, "print.reportTitle"),
    period: record.pending?.period ?? null,
  });
  const bytes = await replaceSheetInXlsx(fs.readFileSync(file), sheet, lang);
  writeFileAtomic(file, bytes);
}

export async function runClose(opts: RunCloseOptions): Promise<RunCloseResult> {
  const { lang, report: file } = opts;
  const fail = (f: Failure): RunCloseResult => ({ code: f.code, message: f.message });
  const at = (opts.now ?? (() => new Date()))().toISOString();
  const found = await readHistoryFile(file, lang);
  if (!found.ok) return fail(found);

  let record: HistoryRecord;
  let message: string;
  if (opts.reopen !== undefined) {
    const reopened = reopenPeriod(found.record, opts.reopen, at);
    if (!reopened.ok) {
      const closed = reopened.closed.length > 0 ? reopened.closed.join(", ") : t(lang, "history.cli.noneClosed");
      return fail(failure(2, t(lang, "history.cli.notClosed", { period: opts.reopen, file, closed })));
    }
    record = reopened.record;
    message = t(lang, "history.cli.reopened", { period: reopened.period, file });
  } else {
    const closed = closePeriod(found.record, at);
    if (!closed.ok) {
      if (closed.reason === "nothingToClose") return fail(failure(2, t(lang, "history.cli.nothingToClose", { file })));
      const params = { period: closed.period, at: closed.closedAt, file };
      return fail(failure(2, t(lang, "history.cli.alreadyClosed", params)));
    }
    record = closed.record;
    const pending = closed.record.pending!;
    const payable = pending.reps.reduce((sum, r) => sum.plus(r.payable), new Dec(0));
    const decimals = pending.plan.currencyDecimals ?? 2;
    message = t(lang, "history.cli.closed", {
      period: closed.period,
      file,
      reps: pending.reps.length,
      payable: payable.toFixed(decimals),
    });
  }
  try {
    await rewriteHistory(file, found.sheetName, record);
  } catch (e) {
    const reason = e instanceof WriteError ? writeFailureReason(lang, e) : reasonOf(e);
    return fail(failure(2, t(lang, "history.cli.writeFailed", { file, reason })));
  }
  return { code: 0, message };
}

/** The `close` subcommand (a factory, joined to the program by addCommand). */
export function closeCommand(): Command {
  const cmd = new Command("close")
    .description(t("en", "history.cli.closeDescription"))
    .argument("<report>", t("en", "history.cli.argReport"))
    .option("--reopen <period>", t("en", "history.cli.optReopen"))
    .addOption(new Option("--lang <lang>", cliText("en", "optLang")).default("en").choices(["en", "zh"]));
  return cmd.action(async (report: string, o: { reopen?: string; lang: Lang }) => {
    const out = cmd.configureOutput();
    const result = await runClose({ report, lang: o.lang, reopen: o.reopen });
    if (result.code !== 0) cmd.error(result.message, { exitCode: result.code, code: "salesperf.close" });
    out.writeOut?.(`${result.message}\n`);
  });
}
