/**
 * "Send to director" (docs/reference/statements.md): a workbook holding only the report tabs and the Plan — no sales
 * rows, native formulas only (the Report never holds a PERF call) — built from the same cleaned data, plan and period
 * as Generate and written by the same xlsx writer as the CLI's `report`. The user's workbook is only read.
 * It opens as a new workbook when the host can (ExcelApi 1.8), from which Excel makes a PDF; it is always
 * offered for download too.
 */
import { t, type Lang } from "../i18n";
import type { Report } from "../report/model";
import type { ExcelOps } from "../render/office/excelOps";
import type { OfficeError } from "../render/office/errors";
import { loadReportTools, type LoadReportTools } from "./reportTools";
import { toBase64, type LoadStatementTools, type ScoringInput } from "./statements";

export interface ReportCopy {
  period: string;
  fileName: string;
  bytes: Uint8Array;
  /** True when it opened as a new workbook. */
  opened: boolean;
  /** Excel's error when opening it failed (it is still offered for download). */
  openError: OfficeError | null;
}

export type ReportCopyProgress =
  { stage: "loading" } | { stage: "building" } | { stage: "writing" } | { stage: "opening" };

/** The report's tabs without any sheet of sales rows (a statement's "My sales" is the only such sheet). */
export function reportOnly(report: Report): Report {
  return { ...report, sheets: report.sheets.filter((s) => s.key !== "data") };
}

export async function createReportCopy(
  input: ScoringInput,
  deps: {
    lang: Lang;
    tools: LoadStatementTools;
    /** The report builder, in its own chunk (reportTools.ts); the real one unless a test passes its own. */
    reportTools?: LoadReportTools;
    excel: Pick<ExcelOps, "canCreateWorkbook" | "createWorkbook">;
    onProgress?: (p: ReportCopyProgress) => void;
  },
): Promise<ReportCopy> {
  deps.onProgress?.({ stage: "loading" });
  const [tools, reports] = await Promise.all([deps.tools(), (deps.reportTools ?? loadReportTools)()]);
  deps.onProgress?.({ stage: "building" });
  const report = reportOnly(
    reports.buildReport(input.ingested, input.plan, {
      lang: deps.lang,
      period: input.period ?? undefined,
      // As Generate: Trends across periods, Coaching follow-up and the Bonus tab's adjustments (history.md).
      history: input.history,
    }),
  );
  deps.onProgress?.({ stage: "writing" });
  const bytes = await tools.workbookBytes(report);
  const copy: ReportCopy = {
    period: report.summary.period,
    fileName: t(deps.lang, "share.director.fileName", { period: report.summary.period }),
    bytes,
    opened: false,
    openError: null,
  };
  if (deps.excel.canCreateWorkbook()) {
    deps.onProgress?.({ stage: "opening" });
    const r = await deps.excel.createWorkbook(toBase64(bytes));
    if (r.ok) copy.opened = true;
    else copy.openError = r.error;
  }
  return copy;
}
