/**
 * Statements from the pane (docs/reference/statements.md): one workbook per scored rep, built from the same cleaned data, plan and
 * period as Generate, offered as one .zip — or, when the user asks and the host can (ExcelApi 1.8), each opened
 * as a new workbook. The builder, xlsx writer and zip (exceljs, jszip: ~290 KB gzipped) arrive through `import()`.
 */
import { t, type Lang } from "../i18n";
import type { IngestResult, RawSheet } from "../ingest/types";
import type { History } from "../history/types";
import type { Plan } from "../plan/types";
import type { Report } from "../report/model";
import type { Statements, StatementOptions } from "../report/statement";
import type { ExcelOps } from "../render/office/excelOps";
import type { OfficeError } from "../render/office/errors";

export interface StatementTools {
  buildStatements(ingest: IngestResult, plan: Plan, opts: StatementOptions): Statements;
  workbookBytes(report: Report): Promise<Uint8Array>;
  zipFiles(files: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Uint8Array>;
}

export type LoadStatementTools = () => Promise<StatementTools>;

/** The real tools, in their own webpack chunk ("statements" + the exceljs/jszip vendor chunk). */
export const loadStatementTools: LoadStatementTools = () =>
  import(/* webpackChunkName: "statements" */ "./statementFiles");

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
export const ZIP_MIME = "application/zip";

export interface ScoringInput {
  ingested: IngestResult;
  plan: Plan;
  period: string | null;
  /** The input sheets (not the add-in's tabs): an excluded row's issue goes to the rep named in it. */
  sheets: readonly RawSheet[];
  /**
   * The open workbook's Pay history, as Generate carries it forward (docs/reference/history.md): each statement then
   * has the rep's own adjustments, draw balance and closed periods, as `salesperf statements --history`.
   * Absent = none (a workbook never closed): the statements are as without one.
   */
  history?: History;
}

export interface StatementFile {
  rep: string;
  fileName: string;
  bytes: Uint8Array;
}

export type StatementProgress =
  | { stage: "loading" }
  | { stage: "building" }
  | { stage: "writing"; rep: string; index: number; total: number }
  | { stage: "zipping" };

export interface StatementOutcome {
  period: string;
  total: number;
  /** Reps whose statement was opened as a new workbook. */
  opened: string[];
  /** The statements not opened: all of them when they were not to be opened, else those Excel failed to open. */
  downloads: StatementFile[];
  /** `downloads` as one .zip named for the period; null when there is none (all opened, none, or cancelled). */
  zip: { fileName: string; bytes: Uint8Array } | null;
  /** The first error Excel gave when opening a workbook (the file is then among the downloads). */
  openError: OfficeError | null;
  /** Stopped by Cancel after this many statements (the rest were not written). */
  cancelled: boolean;
}

/** Bytes as base64 for Excel.createWorkbook, in slices (String.fromCharCode takes a bounded argument list). */
export function toBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = "";
  for (let i = 0; i < bytes.length; i += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(i, i + SLICE));
  }
  return btoa(binary);
}

/**
 * Builds every statement, then writes them one at a time (so the progress names each rep and, when opening them,
 * only one file's bytes are in flight), then packs the ones not opened into one .zip. A rep whose workbook Excel
 * refuses to open goes into the zip. Cancel stops before the next rep and offers no zip: a partial set is not sent.
 */
export async function createStatements(
  input: ScoringInput,
  deps: {
    lang: Lang;
    tools: LoadStatementTools;
    excel: Pick<ExcelOps, "canCreateWorkbook" | "createWorkbook">;
    /** Open each as a new workbook (when the host can) instead of packing them into the zip. */
    openEach?: boolean;
    onProgress?: (p: StatementProgress) => void;
    signal?: AbortSignal;
  },
): Promise<StatementOutcome> {
  deps.onProgress?.({ stage: "loading" });
  const tools = await deps.tools();
  deps.onProgress?.({ stage: "building" });
  const built = tools.buildStatements(input.ingested, input.plan, {
    lang: deps.lang,
    period: input.period ?? undefined,
    sheets: input.sheets,
    history: input.history,
  });
  const open = deps.openEach === true && deps.excel.canCreateWorkbook();
  const outcome: StatementOutcome = {
    period: built.period,
    total: built.statements.length,
    opened: [],
    downloads: [],
    zip: null,
    openError: null,
    cancelled: false,
  };
  for (const [i, s] of built.statements.entries()) {
    if (deps.signal?.aborted) {
      outcome.cancelled = true;
      break;
    }
    deps.onProgress?.({ stage: "writing", rep: s.rep, index: i + 1, total: built.statements.length });
    // One file at a time on purpose: each is written, then opened, before the next (memory, progress).
    const bytes = await tools.workbookBytes(s.report);
    const file = { rep: s.rep, fileName: s.fileName, bytes };
    if (!open) {
      outcome.downloads.push(file);
      continue;
    }
    const r = await deps.excel.createWorkbook(toBase64(bytes));
    if (r.ok) outcome.opened.push(s.rep);
    else {
      outcome.openError ??= r.error;
      outcome.downloads.push(file);
    }
  }
  if (!outcome.cancelled && outcome.downloads.length > 0) {
    deps.onProgress?.({ stage: "zipping" });
    outcome.zip = {
      fileName: t(deps.lang, "share.statements.zipName", { period: built.period }),
      bytes: await tools.zipFiles(outcome.downloads),
    };
  }
  return outcome;
}
