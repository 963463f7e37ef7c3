/**
 * `salesperf demo`: writes a demo sales workbook, then runs the report pipeline on it (docs/reference/cli.md),
 * so a new user sees the seven tabs of docs/reference/tabs.md without Excel or their own data.
 */
import * as fs from "fs";
import * as path from "path";
import { Command, InvalidArgumentError, Option, type OutputConfiguration } from "commander";
import { DEFAULTS, MAX_DATA_ROWS, writeDemoWorkbook, type DemoLang } from "./demoData";
import { cliText, writeFailureReason } from "./messages";
import { runReport, type RunReportOptions, type RunReportResult } from "./reportCommand";
import { fileBlockingFolder, WriteError } from "./safeWrite";

export const DEMO_FOLDER = "salesperf-demo";
export const DEMO_SALES_FILE = "salesperf-demo-sales.xlsx";
export const DEMO_REPORT_FILE = "salesperf-demo-report.xlsx";

export type { RunReportOptions };
/** The report pipeline of src/cli/reportCommand.ts: exit code 0/1/2 of docs/reference/cli.md and a one-line summary. */
export type RunReport = (opts: RunReportOptions) => Promise<RunReportResult>;

/** Seams for tests and for main.ts: where text goes, whether stderr is a terminal, which pipeline runs. */
export interface DemoIo {
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  /** Progress is shown only on a terminal (docs/reference/cli.md); default: process.stderr.isTTY. */
  isTTY?: boolean;
  runReport?: RunReport;
}

export interface DemoRunOptions {
  folder: string;
  lang: DemoLang;
  reps?: number;
  months?: number;
  rows?: number;
  seed?: number;
}

// The few demo-only lines, in both languages (src/cli/messages.ts belongs to the report command).
const MESSAGES: Record<DemoLang, Record<string, string>> = {
  en: {
    writing: "Writing demo data: {done} of {total} rows",
    sales: "Demo data: {path}",
    report: "Report:    {path}",
    cannotWrite: "Cannot write the demo workbook in {folder}: {reason}. Choose another folder with -o.",
    reportFailed: "The demo data was written ({path}) but the report failed: {summary}",
  },
  zh: {
    writing: "正在生成演示数据：{done} / {total} 行",
    sales: "演示数据：{path}",
    report: "绩效报表：{path}",
    cannotWrite: "无法在 {folder} 中写入演示工作簿：{reason}。请用 -o 指定其他文件夹。",
    reportFailed: "演示数据已生成（{path}），但报表生成失败：{summary}",
  },
};

function say(lang: DemoLang, key: string, params: Record<string, string | number>): string {
  return MESSAGES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
}

/** Writes the demo workbook and its report. Returns the exit code of docs/reference/cli.md and the two paths. */
export async function runDemo(
  opts: DemoRunOptions,
  io: DemoIo = {},
): Promise<{ code: number; salesPath: string; reportPath: string; message?: string }> {
  const stdout = io.stdout ?? ((s: string) => void process.stdout.write(s));
  const stderr = io.stderr ?? ((s: string) => void process.stderr.write(s));
  const isTTY = io.isTTY ?? Boolean(process.stderr.isTTY);
  const folder = path.resolve(opts.folder);
  const salesPath = path.join(folder, DEMO_SALES_FILE);
  const reportPath = path.join(folder, DEMO_REPORT_FILE);
  const { lang } = opts;
  const cannotWrite = (reason: string) => ({
    code: 2,
    salesPath,
    reportPath,
    message: say(lang, "cannotWrite", { folder, reason }),
  });

  // The two files are one result (docs/reference/cli.md): on a failure to write, neither stays, nor a folder made here.
  const blocker = fileBlockingFolder(folder);
  if (blocker) return cannotWrite(cliText(lang, "reasonNotFolder", { path: blocker }));
  let created: string | undefined;
  const removeCreatedFolder = () => {
    if (created) fs.rmSync(created, { recursive: true, force: true });
  };
  try {
    created = fs.mkdirSync(folder, { recursive: true });
    await writeDemoWorkbook(salesPath, {
      lang,
      reps: opts.reps,
      months: opts.months,
      rows: opts.rows,
      seed: opts.seed,
      onProgress: isTTY ? (done, total) => stderr(`\r${say(lang, "writing", { done, total })}`) : undefined,
    });
    if (isTTY) stderr("\n");
  } catch (e) {
    if (isTTY) stderr("\n");
    // The demo workbook is written whole or not at all: an older one stays as it was.
    removeCreatedFolder();
    return cannotWrite(writeFailureReason(lang, e instanceof WriteError ? e : new WriteError(folder, e)));
  }
  const result = await (io.runReport ?? runReport)({ input: salesPath, output: reportPath, lang, stderr });
  if (result.cannotWrite) {
    // The report's message names the report and why; the demo workbook goes too, so nothing is left half done.
    fs.rmSync(salesPath, { force: true });
    removeCreatedFolder();
    return { code: result.code, salesPath, reportPath, message: result.summary };
  }
  if (result.code !== 0) {
    return {
      code: result.code,
      salesPath,
      reportPath,
      message: say(lang, "reportFailed", { path: salesPath, summary: result.summary }),
    };
  }
  // Both paths once both files are there.
  stdout(say(lang, "sales", { path: salesPath }) + "\n");
  stdout(say(lang, "report", { path: reportPath }) + "\n");
  if (result.summary) stdout(result.summary.replace(/\n$/, "") + "\n");
  return { code: 0, salesPath, reportPath };
}

function wholeNumber(min: number, max: number) {
  return (value: string): number => {
    const n = Number(value);
    if (!/^\d+$/.test(value.trim()) || n < min || n > max) {
      throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}, got "${value}".`);
    }
    return n;
  };
}

/** The `demo` subcommand; main.ts joins it with `program.addCommand(demoCommand())`. */
export function demoCommand(io: DemoIo = {}): Command {
  return new Command("demo")
    .description("write a demo sales workbook and its performance report (no Excel needed)")
    .option("-o, --output <folder>", "folder for the two files", `./${DEMO_FOLDER}`)
    .addOption(new Option("--lang <lang>", "language of the data and the report").choices(["en", "zh"]).default("en"))
    .option("--reps <n>", "number of sales reps", wholeNumber(1, 10_000), DEFAULTS.reps)
    .option("--months <n>", "months of sales, ending with a full quarter", wholeNumber(1, 120), DEFAULTS.months)
    .option(
      "--rows <n>",
      `sales rows (default reps × months × ${DEFAULTS.dealsPerRepMonth}; at most ${MAX_DATA_ROWS})`,
      wholeNumber(1, Number.MAX_SAFE_INTEGER),
    )
    .option("--seed <n>", "random seed: the same seed gives the same data", wholeNumber(0, 0xffffffff), DEFAULTS.seed)
    .action(async function (this: Command) {
      const o = this.opts<{
        output: string;
        lang: DemoLang;
        reps: number;
        months: number;
        rows?: number;
        seed: number;
      }>();
      // Output goes where the program's output is configured (main.ts sets every subcommand's sinks).
      const sinks = this.configureOutput() as OutputConfiguration;
      const result = await runDemo(
        { folder: o.output, lang: o.lang, reps: o.reps, months: o.months, rows: o.rows, seed: o.seed },
        { ...io, stdout: io.stdout ?? sinks.writeOut, stderr: io.stderr ?? sinks.writeErr },
      );
      if (result.code !== 0) this.error(result.message ?? "", { exitCode: result.code, code: "salesperf.demo" });
    });
}
