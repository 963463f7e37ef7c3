/**
 * State of the Share tab (docs/reference/statements.md), kept in App so a run survives switching tabs: the report copy for the
 * director (then opened and/or downloadable), the statements (progress, then one zip or opened workbooks) and, for
 * sending the whole workbook, prepare for sharing (find the PERF formulas, replace them on confirmation).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../../i18n";
import type { ExcelOps } from "../../render/office/excelOps";
import type { OfficeError } from "../../render/office/errors";
import type { PerfFormula } from "../../render/office/prepareForSharing";
import { createReportCopy, type ReportCopy, type ReportCopyProgress } from "../reportCopy";
import type { LoadReportTools } from "../reportTools";
import {
  createStatements,
  XLSX_MIME,
  ZIP_MIME,
  type LoadStatementTools,
  type ScoringInput,
  type StatementOutcome,
  type StatementProgress,
} from "../statements";

export type PrepareState =
  | { status: "idle" }
  | { status: "finding" }
  | { status: "found"; cells: PerfFormula[] }
  | { status: "replacing"; cells: PerfFormula[] }
  | { status: "replaced"; count: number }
  | { status: "failed"; error: OfficeError };

export interface DownloadLink {
  fileName: string;
  url: string;
}

export type StatementsState =
  | { status: "idle" }
  | { status: "running"; progress: StatementProgress | { stage: "reading" } }
  /** zip: the statements not opened, as one download (null when every one opened, or none, or cancelled). */
  | { status: "done"; outcome: StatementOutcome; zip: DownloadLink | null }
  | { status: "failed"; message: string };

export type ReportCopyState =
  | { status: "idle" }
  | { status: "running"; progress: ReportCopyProgress | { stage: "reading" } }
  | { status: "done"; copy: Omit<ReportCopy, "bytes">; link: DownloadLink }
  | { status: "failed"; message: string };

export type ScoringResult = { ok: true; value: ScoringInput } | { ok: false; message: string };

export interface UseShareArgs {
  lang: Lang;
  excel: ExcelOps;
  tools: LoadStatementTools;
  /** The report builder (the report copy is the report's tabs), loaded on first use. */
  reportTools: LoadReportTools;
  /** Reads the workbook afresh and returns what Generate would score, or why it cannot. */
  readScoringInput: () => Promise<ScoringResult>;
  /** Called after cells were replaced, so the pane reads the workbook again. */
  onWorkbookChanged: () => void;
}

export interface ShareControls {
  prepare: PrepareState;
  statements: StatementsState;
  reportCopy: ReportCopyState;
  /** Builds the report-only workbook for the director; opens it when the host can, and offers it for download. */
  makeReportCopy: () => Promise<void>;
  find: () => Promise<void>;
  replace: () => Promise<void>;
  /** Stops a replace under way; every formula is then put back (docs/reference/writes.md). */
  cancelReplace: () => void;
  dismiss: () => void;
  /** All statements as one zip; with `openEach` (hosts with ExcelApi 1.8), each opened as a new workbook instead. */
  createAll: (openEach?: boolean) => Promise<void>;
  cancelStatements: () => void;
  /** The host can open workbooks (ExcelApi 1.8): statements may be opened one by one instead of zipped. */
  canOpenEach: boolean;
  busy: boolean;
}

/** An unexpected exception as one line for the user (no stack). */
function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

export function useShare({
  lang,
  excel,
  tools,
  reportTools,
  readScoringInput,
  onWorkbookChanged,
}: UseShareArgs): ShareControls {
  const [prepare, setPrepare] = useState<PrepareState>({ status: "idle" });
  const [statements, setStatements] = useState<StatementsState>({ status: "idle" });
  const [reportCopy, setReportCopy] = useState<ReportCopyState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const replaceAbort = useRef<AbortController | null>(null);
  const statementUrls = useRef<string[]>([]);
  const copyUrls = useRef<string[]>([]);

  const revokeUrls = useCallback((urls: { current: string[] }) => {
    for (const u of urls.current) URL.revokeObjectURL(u);
    urls.current = [];
  }, []);
  // Object URLs hold the files in memory until revoked: on a new run (below) and when the pane goes away.
  useEffect(
    () => () => {
      revokeUrls(statementUrls);
      revokeUrls(copyUrls);
    },
    [revokeUrls],
  );

  const linkTo = (urls: { current: string[] }, fileName: string, bytes: Uint8Array, type: string): DownloadLink => {
    const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
    urls.current.push(url);
    return { fileName, url };
  };

  const find = async () => {
    setPrepare({ status: "finding" });
    const r = await excel.findPerfFormulas();
    setPrepare(r.ok ? { status: "found", cells: r.value } : { status: "failed", error: r.error });
  };

  const replace = async () => {
    if (prepare.status !== "found") return;
    const cells = prepare.cells;
    setPrepare({ status: "replacing", cells });
    const controller = new AbortController();
    replaceAbort.current = controller;
    const r = await excel.replacePerfFormulas(cells, controller.signal);
    replaceAbort.current = null;
    setPrepare(r.ok ? { status: "replaced", count: r.value } : { status: "failed", error: r.error });
    onWorkbookChanged();
  };

  const cancelReplace = () => replaceAbort.current?.abort();

  const dismiss = () => setPrepare({ status: "idle" });

  const makeReportCopy = async () => {
    revokeUrls(copyUrls);
    try {
      setReportCopy({ status: "running", progress: { stage: "reading" } });
      const input = await readScoringInput();
      if (!input.ok) return setReportCopy({ status: "failed", message: input.message });
      const { bytes, ...copy } = await createReportCopy(input.value, {
        lang,
        tools,
        reportTools,
        excel,
        onProgress: (progress) => setReportCopy({ status: "running", progress }),
      });
      setReportCopy({ status: "done", copy, link: linkTo(copyUrls, copy.fileName, bytes, XLSX_MIME) });
    } catch (e) {
      setReportCopy({ status: "failed", message: oneLine(e) });
    }
  };

  const createAll = async (openEach = false) => {
    const controller = new AbortController();
    abort.current = controller;
    revokeUrls(statementUrls);
    try {
      setStatements({ status: "running", progress: { stage: "reading" } });
      const input = await readScoringInput();
      if (!input.ok) return setStatements({ status: "failed", message: input.message });
      const outcome = await createStatements(input.value, {
        lang,
        tools,
        excel,
        openEach,
        signal: controller.signal,
        onProgress: (progress) => setStatements({ status: "running", progress }),
      });
      const zip = outcome.zip ? linkTo(statementUrls, outcome.zip.fileName, outcome.zip.bytes, ZIP_MIME) : null;
      setStatements({ status: "done", outcome, zip });
    } catch (e) {
      // e.g. the statements chunk failed to load (offline): say so in one line.
      setStatements({ status: "failed", message: oneLine(e) });
    } finally {
      abort.current = null;
    }
  };

  const cancelStatements = () => abort.current?.abort();

  const busy =
    prepare.status === "finding" ||
    prepare.status === "replacing" ||
    statements.status === "running" ||
    reportCopy.status === "running";
  return {
    prepare,
    statements,
    reportCopy,
    makeReportCopy,
    find,
    replace,
    cancelReplace,
    dismiss,
    createAll,
    cancelStatements,
    canOpenEach: excel.canCreateWorkbook(),
    busy,
  };
}
