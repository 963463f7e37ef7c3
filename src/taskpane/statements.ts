/**
 * Statements from the pane (docs/reference/statements.md): one workbook per scored rep, built from the same cleaned data, plan and
 * period as Generate, each opened as a new workbook when the host can (ExcelApi 1.8) or kept for download.
 * The builder and xlsx writer (exceljs, jszip: ~290 KB gzipped) arrive through `import()` on first use.
 */
import type { Lang } from "../i18n";
import type { IngestResult, RawSheet } from "../ingest/types";
import type { Plan } from "../plan/types";
import type { Report } from "../report/model";
import type { Statements, StatementOptions } from "../report/statement";
import type { ExcelOps } from "../render/office/excelOps";
import type { OfficeError } from "../render/office/errors";

export interface StatementTools {
  buildStatements(ingest: IngestResult, plan: Plan, opts: StatementOptions): Statements;
  statementBytes(report: Report): Promise<Uint8Array>;
}

export type LoadStatementTools = () => Promise<StatementTools>;

/** The real tools, in their own webpack chunk ("statements" + the exceljs/jszip vendor chunk). */
export const loadStatementTools: LoadStatementTools = () =>
  import(/* webpackChunkName: "statements" */ "./statementFiles");

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ScoringInput {
  ingested: IngestResult;
  plan: Plan;
  period: string | null;
  /** The input sheets (not the add-in's tabs): an excluded row's issue goes to the rep named in it. */
  sheets: readonly RawSheet[];
}

export interface StatementFile {
  rep: string;
  fileName: string;
  bytes: Uint8Array;
}

export type StatementProgress =
  { stage: "loading" } | { stage: "building" } | { stage: "writing"; rep: string; index: number; total: number };

export interface StatementOutcome {
  period: string;
  total: number;
  /** Reps whose statement was opened as a new workbook. */
  opened: string[];
  /** Files to offer for download: all of them when the host cannot open workbooks, else those it failed to open. */
  downloads: StatementFile[];
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
 * Builds every statement, then writes them one at a time (so the progress names each rep and only one file's bytes
 * are in flight when opening them). A rep whose workbook Excel refuses to open stays available as a download.
 */
export async function createStatements(
  input: ScoringInput,
  deps: {
    lang: Lang;
    tools: LoadStatementTools;
    excel: Pick<ExcelOps, "canCreateWorkbook" | "createWorkbook">;
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
  });
  const open = deps.excel.canCreateWorkbook();
  const outcome: StatementOutcome = {
    period: built.period,
    total: built.statements.length,
    opened: [],
    downloads: [],
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
    const bytes = await tools.statementBytes(s.report);
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
  return outcome;
}
