/**
 * `salesperf report <input.xlsx> -o <output.xlsx>` (SPEC §4): score the input and write the report workbook of
 * SPEC §3.4. The input is never written to; on any failure nothing is written (temp file + rename).
 */
import { Command, InvalidArgumentError, Option } from "commander";
import * as fs from "fs";
import * as path from "path";
import type { Lang } from "../i18n";
import { parsePeriodArg } from "../plan";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";
import { cliText } from "./messages";
import { failure, loadInput, resolvePlan, scoreWorkbook, type Failure } from "./pipeline";

export interface RunReportOptions {
  input: string;
  output: string;
  lang: Lang;
  plan?: string;
  period?: string;
  withData?: boolean;
  /** Where progress goes (default process.stderr); progress is shown only when stderr is a terminal. */
  stderr?: (s: string) => void;
}

/** code 0: summary is the one-line summary; otherwise summary is the message saying what to fix. */
export interface RunReportResult {
  code: number;
  summary: string;
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

/** Check the output path before any work: .xlsx, not the input, in an existing folder. */
function checkOutput(opts: RunReportOptions): Failure | null {
  if (isSameFile(opts.input, opts.output))
    return failure(1, cliText(opts.lang, "outputIsInput", { output: opts.output }));
  if (!/\.xlsx$/i.test(opts.output)) return failure(1, cliText(opts.lang, "outputNotXlsx", { output: opts.output }));
  const folder = path.dirname(path.resolve(opts.output));
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    return failure(1, cliText(opts.lang, "outputFolderMissing", { output: opts.output, folder }));
  }
  return null;
}

/** Write bytes to `target` atomically: a temp file in the same folder, then rename (no partial report). */
export function writeFileAtomic(target: string, bytes: Buffer): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    fs.writeFileSync(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export async function runReport(opts: RunReportOptions): Promise<RunReportResult> {
  const lang = opts.lang;
  const writeErr = opts.stderr ?? ((s: string) => void process.stderr.write(s));
  // SPEC §4: progress only when stderr is a terminal, so pipes and logs stay clean.
  const progress = process.stderr.isTTY ? (s: string) => writeErr(`${s}\n`) : undefined;
  const fail = (f: Failure): RunReportResult => ({ code: f.code, summary: f.message });

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
  const scored = scoreWorkbook(loaded.sheets, planned.plan, {
    lang,
    inputName: opts.input,
    // With --with-data the input's sheets travel along, so report tabs must not take their names (SPEC §3.4).
    existingSheetNames: opts.withData ? loaded.sheets.map((s) => s.name) : [],
  });
  if (!scored.ok) return fail(scored);
  if (scored.report.summary.repsScored === 0) {
    // A report with nobody on it would be emailed as if it meant something: stop and say which dates exist.
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of scored.ingest.rows) {
      if (r.dateSerial < lo) lo = r.dateSerial;
      if (r.dateSerial > hi) hi = r.dateSerial;
    }
    // Excel serial 25569 is 1970-01-01.
    const ymd = (serial: number) =>
      Number.isFinite(serial) ? new Date((serial - 25569) * 86400000).toISOString().slice(0, 10) : "-";
    const [first, last] = [ymd(lo), ymd(hi)];
    const period = scored.report.summary.period;
    return fail(failure(2, cliText(lang, "noRepsInPeriod", { input: opts.input, period, first, last })));
  }

  progress?.(cliText(lang, "progressWrite", { output: opts.output }));
  try {
    const bytes = await writeReportXlsx(scored.report, { dataSheets: opts.withData ? loaded.sheets : undefined });
    writeFileAtomic(opts.output, bytes);
  } catch (e) {
    const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    return fail(failure(2, cliText(lang, "outputWriteFailed", { output: opts.output, reason })));
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

function parseLang(value: string): Lang {
  const v = value.trim().toLowerCase();
  if (v === "en" || v === "zh") return v;
  throw new InvalidArgumentError(cliText("en", "badLang"));
}

function parsePeriod(value: string): string {
  if (!parsePeriodArg(value)) throw new InvalidArgumentError(cliText("en", "badPeriod"));
  return value;
}

/** The `report` subcommand (a factory, joined to the program by addCommand; STYLE §3 CLI). */
export function reportCommand(): Command {
  const cmd = new Command("report")
    .description(cliText("en", "reportDescription"))
    .argument("<input>", cliText("en", "argInput"))
    .requiredOption("-o, --output <file>", cliText("en", "optOutput"))
    .option("--plan <file>", cliText("en", "optPlan"))
    .option("--period <period>", cliText("en", "optPeriod"), parsePeriod)
    .addOption(new Option("--lang <lang>", cliText("en", "optLang")).default("en").argParser(parseLang))
    .option("--with-data", cliText("en", "optWithData"), false);
  cmd.action(
    async (input: string, o: { output: string; plan?: string; period?: string; lang: Lang; withData: boolean }) => {
      const out = cmd.configureOutput();
      const result = await runReport({
        input,
        output: o.output,
        lang: o.lang,
        plan: o.plan,
        period: o.period,
        withData: o.withData,
        stderr: (s) => out.writeErr?.(s),
      });
      if (result.code !== 0) cmd.error(result.summary, { exitCode: result.code, code: "salesperf.report" });
      out.writeOut?.(`${result.summary}\n`);
    },
  );
  return cmd;
}
