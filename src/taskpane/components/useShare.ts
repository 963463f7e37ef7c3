/**
 * State of the Share tab (docs/reference/statements.md), kept in App so a run survives switching tabs: prepare for sharing (find the
 * PERF formulas, then replace them on confirmation) and statements (progress, then the opened or downloadable files).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Lang } from "../../i18n";
import type { ExcelOps } from "../../render/office/excelOps";
import type { OfficeError } from "../../render/office/errors";
import type { PerfFormula } from "../../render/office/prepareForSharing";
import {
  createStatements,
  XLSX_MIME,
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
  rep: string;
  fileName: string;
  url: string;
}

export type StatementsState =
  | { status: "idle" }
  | { status: "running"; progress: StatementProgress | { stage: "reading" } }
  | { status: "done"; outcome: StatementOutcome; links: DownloadLink[] }
  | { status: "failed"; message: string };

export type ScoringResult = { ok: true; value: ScoringInput } | { ok: false; message: string };

export interface UseShareArgs {
  lang: Lang;
  excel: ExcelOps;
  tools: LoadStatementTools;
  /** Reads the workbook afresh and returns what Generate would score, or why it cannot. */
  readScoringInput: () => Promise<ScoringResult>;
  /** Called after cells were replaced, so the pane reads the workbook again. */
  onWorkbookChanged: () => void;
}

export interface ShareControls {
  prepare: PrepareState;
  statements: StatementsState;
  find: () => Promise<void>;
  replace: () => Promise<void>;
  /** Stops a replace under way; every formula is then put back (docs/reference/writes.md). */
  cancelReplace: () => void;
  dismiss: () => void;
  createAll: () => Promise<void>;
  cancelStatements: () => void;
  busy: boolean;
}

/** An unexpected exception as one line for the user (no stack). */
function oneLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split("\n")[0];
}

export function useShare({ lang, excel, tools, readScoringInput, onWorkbookChanged }: UseShareArgs): ShareControls {
  const [prepare, setPrepare] = useState<PrepareState>({ status: "idle" });
  const [statements, setStatements] = useState<StatementsState>({ status: "idle" });
  const abort = useRef<AbortController | null>(null);
  const replaceAbort = useRef<AbortController | null>(null);
  const urls = useRef<string[]>([]);

  const revokeUrls = useCallback(() => {
    for (const u of urls.current) URL.revokeObjectURL(u);
    urls.current = [];
  }, []);
  // Object URLs hold the files in memory until revoked: on a new run (below) and when the pane goes away.
  useEffect(() => revokeUrls, [revokeUrls]);

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

  const createAll = async () => {
    const controller = new AbortController();
    abort.current = controller;
    revokeUrls();
    try {
      setStatements({ status: "running", progress: { stage: "reading" } });
      const input = await readScoringInput();
      if (!input.ok) return setStatements({ status: "failed", message: input.message });
      const outcome = await createStatements(input.value, {
        lang,
        tools,
        excel,
        signal: controller.signal,
        onProgress: (progress) => setStatements({ status: "running", progress }),
      });
      const links = outcome.downloads.map((f) => {
        const url = URL.createObjectURL(new Blob([f.bytes as BlobPart], { type: XLSX_MIME }));
        urls.current.push(url);
        return { rep: f.rep, fileName: f.fileName, url };
      });
      setStatements({ status: "done", outcome, links });
    } catch (e) {
      // e.g. the statements chunk failed to load (offline): say so in one line.
      setStatements({ status: "failed", message: oneLine(e) });
    } finally {
      abort.current = null;
    }
  };

  const cancelStatements = () => abort.current?.abort();

  const busy = prepare.status === "finding" || prepare.status === "replacing" || statements.status === "running";
  return { prepare, statements, find, replace, cancelReplace, dismiss, createAll, cancelStatements, busy };
}
