/**
 * The report builder as the pane reaches it (docs/reference/tabs.md "What the pane loads when"): loaded with
 * `import()` on the first Generate or report copy, in its own webpack chunk ("report"), and handed to the components
 * as a prop like the Excel operations and the statement tools, so tests can pass their own.
 */
import type { buildPaneReport, buildReport } from "./paneReport";

export interface ReportTools {
  buildPaneReport: typeof buildPaneReport;
  buildReport: typeof buildReport;
}

export type LoadReportTools = () => Promise<ReportTools>;

/** The real builder, in the "report" chunk (with the tab writer, render/office/tabWriter.ts). */
export const loadReportTools: LoadReportTools = () => import(/* webpackChunkName: "report" */ "./paneReport");
