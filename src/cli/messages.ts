/**
 * The command line's own messages (docs/reference/cli.md), English and Simplified Chinese. Kept beside the CLI because the
 * shared i18n index lists one catalogue per layer and the CLI owns none; plan, ingest and report messages
 * still come from `t` in src/i18n.
 */
import { format, type Lang } from "../i18n";
import type { WriteError } from "./safeWrite";

const en = {
  summary: "Scored {reps} reps for {period}: {used} rows used, {excluded} rows excluded → {output}",
  noRepsInPeriod:
    "{input} has no sales in {period}, the scored period; its sales run from {first} to {last}. Choose a --period in that range. Nothing was written.",
  inputMissing: "{input}: file not found. Give the path of an .xlsx workbook.",
  inputUnreadable:
    "{input}: cannot be read as an .xlsx workbook ({reason}). Save it from Excel as .xlsx and try again.",
  outputIsInput: "-o {output} is the input file; the input is never written to. Choose another output file name.",
  outputNotXlsx: "-o {output}: the output file name must end in .xlsx",
  outputFolderMissing: "-o {output}: the folder {folder} does not exist",
  outputWriteFailed: "{output}: cannot write the report ({reason}). Nothing was written.",
  // Why an output cannot be written, in plain words (docs/reference/cli.md "Writing files safely").
  reasonAccess: "permission denied",
  reasonReadOnly: "the disk is read-only",
  reasonDiskFull: "the disk is full",
  reasonQuota: "the disk quota is used up",
  reasonNotFolder: "{path} is a file, not a folder",
  reasonPathNotFolder: "a part of the path is a file, not a folder",
  reasonIsFolder: "a folder of that name is in the way",
  reasonNoFolder: "the folder does not exist",
  planMissing: "--plan {plan}: file not found",
  planUnreadable: "--plan {plan}: cannot be read ({reason})",
  planInvalid: "The plan in {source} is invalid; fix it and run again (nothing was written):",
  planErrorLine: "  {where}: {message}",
  badLang: 'must be "en" or "zh"',
  badPeriod: "must look like 2026-03 (a month), 2026-Q1 (a quarter) or 2026 (a year)",
  // {reason} is an ingest message, a full sentence with its own full stop.
  notScorable: "{input} cannot be scored: {reason} Nothing was written.",
  // Appended after notScorable's "Nothing was written." for a missing sales table: where SalesPerf looked and which
  // headers it knows (docs/reference/input.md), not the reason's advice again.
  noSalesTableHint:
    "SalesPerf looks on every sheet but Plan, Targets and its own tabs, in the first 100 rows, for a header row naming at least a rep column, a date column and an amount column; it knows e.g. Rep, Salesperson, Owner · Order Date, Month · Revenue, Sales.",
  internalError: "salesperf could not finish: {reason}. Nothing was written.",
  progressRead: "Reading {input}… {done}",
  progressScore: "Scoring…",
  progressWrite: "Writing {output}…",
  reportDescription: "Score, rank and chart the sales in an .xlsx file into a new report workbook.",
  statementsDescription: "Write one workbook per scored rep holding only their own results, for emailing.",
  argInput: "the sales workbook (.xlsx); it is only read",
  optOutput: "the report workbook to write (.xlsx)",
  optPlan: "the plan as JSON (default: the input's Plan sheet, else the default plan)",
  optPeriod: "the scored period and its kind: 2026-03, 2026-Q1 or 2026",
  optLang: "language of the tabs and messages: en or zh",
  optWithData: "add a copy of the input's sheets (values and number formats)",
  programDescription: "SalesPerf: sales results into scored, ranked and charted performance tabs.",
};

const zh: Record<keyof typeof en, string> = {
  summary: "已评分 {reps} 名销售员（{period}）：使用 {used} 行，排除 {excluded} 行 → {output}",
  noRepsInPeriod:
    "{input} 在考核期 {period} 内没有销售记录；其销售数据的日期范围是 {first} 至 {last}。请在此范围内选择 --period。未写入任何文件。",
  inputMissing: "{input}：找不到文件。请给出 .xlsx 工作簿的路径。",
  inputUnreadable: "{input}：无法作为 .xlsx 工作簿读取（{reason}）。请在 Excel 中另存为 .xlsx 后重试。",
  outputIsInput: "-o {output} 就是输入文件；输入文件永远不会被改写。请换一个输出文件名。",
  outputNotXlsx: "-o {output}：输出文件名必须以 .xlsx 结尾",
  outputFolderMissing: "-o {output}：文件夹 {folder} 不存在",
  outputWriteFailed: "{output}：无法写入报表（{reason}）。未写入任何文件。",
  reasonAccess: "没有写入权限",
  reasonReadOnly: "磁盘为只读",
  reasonDiskFull: "磁盘空间已满",
  reasonQuota: "磁盘配额已用完",
  reasonNotFolder: "{path} 是文件，不是文件夹",
  reasonPathNotFolder: "路径中有一部分是文件，不是文件夹",
  reasonIsFolder: "已有同名文件夹",
  reasonNoFolder: "文件夹不存在",
  planMissing: "--plan {plan}：找不到文件",
  planUnreadable: "--plan {plan}：无法读取（{reason}）",
  planInvalid: "{source} 中的考核方案有误，请修改后重新运行（未写入任何文件）：",
  planErrorLine: "  {where}：{message}",
  badLang: "必须是 en 或 zh",
  badPeriod: "格式应为 2026-03（月）、2026-Q1（季度）或 2026（年）",
  notScorable: "{input} 无法评分：{reason}未写入任何文件。",
  noSalesTableHint:
    "SalesPerf 会在除考核方案、目标及其自身生成的报表工作表以外的每个工作表的前 100 行中查找表头行，表头至少要包含销售员列、日期列和金额列；可识别的列名还有：业务员、销售人员 · 下单日期、月份 · 金额、业绩。",
  internalError: "salesperf 未能完成：{reason}。未写入任何文件。",
  progressRead: "正在读取 {input}… {done}",
  progressScore: "正在评分…",
  progressWrite: "正在写入 {output}…",
  reportDescription: "把 .xlsx 文件中的销售数据评分、排名并制成图表，写入新的报表工作簿。",
  statementsDescription: "为每位已评分的销售员各写一个只含本人结果的工作簿，便于邮件发送。",
  argInput: "销售工作簿（.xlsx），只读不写",
  optOutput: "要写入的报表工作簿（.xlsx）",
  optPlan: "JSON 格式的考核方案（默认：输入文件的考核方案工作表，否则为默认方案）",
  optPeriod: "考核期及其类型：2026-03、2026-Q1 或 2026",
  optLang: "工作表和消息的语言：en 或 zh",
  optWithData: "附上输入文件各工作表的副本（数值和数字格式）",
  programDescription: "SalesPerf：把销售业绩变成评分、排名和图表的绩效工作表。",
};

export type CliMessageKey = keyof typeof en;

/** Both dictionaries, for the tests that read the whole zh text. */
export const cliMessages = { en, zh } as const;

export function cliText(lang: Lang, key: CliMessageKey, params?: Record<string, string | number>): string {
  return format((lang === "zh" ? zh : en)[key], params);
}

/** System error codes with plain words; any other failure shows the system's own message. */
const WRITE_REASONS: Record<string, CliMessageKey> = {
  EACCES: "reasonAccess",
  EPERM: "reasonAccess",
  EROFS: "reasonReadOnly",
  ENOSPC: "reasonDiskFull",
  EDQUOT: "reasonQuota",
  ENOTDIR: "reasonPathNotFolder",
  EISDIR: "reasonIsFolder",
  ENOENT: "reasonNoFolder",
};

/** Why an output could not be written, for the one-line message: plain words for the usual causes. */
export function writeFailureReason(lang: Lang, e: WriteError): string {
  const key = e.code === undefined ? undefined : WRITE_REASONS[e.code];
  return key ? cliText(lang, key) : e.detail;
}
