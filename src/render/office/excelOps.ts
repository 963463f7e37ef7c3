/**
 * The Excel operations the task pane needs, as one object passed to components as props
 * (TPR App.tsx → excel.ts): the real ones below use Office.js; tests pass fakes.
 * Every operation returns its error as a value (never swallowed, never thrown at the user).
 */
import type { RawSheet } from "../../ingest/types";
import type { Report, ReportSheet } from "../../report/model";
import { describeExcelError, officeError, type OfficeResult } from "./errors";
import type { PerfFormula } from "./prepareForSharing";
import { readWorkbookSheets } from "./readWorkbook";
import { recoverInterruptedWrite, type Recovery } from "./recovery";
import type { RenderOptions, RenderResult } from "./renderReport";
import { TABS_SETTING } from "./settings";
import { withSharingWriter, withTabWriter } from "./tabWriter";
import { checkRequirements } from "./requirements";

export interface WorkbookSnapshot {
  sheets: RawSheet[];
  /** Tabs the add-in made in an earlier run (they are replaced, so they don't count as taken names). */
  addinTabs: string[];
}

export interface ExcelOps {
  /** At the pane's start: undoes or finishes a write a closed or reloaded pane left unfinished (docs/reference/writes.md). */
  recover(): Promise<OfficeResult<Recovery>>;
  readSheets(): Promise<OfficeResult<WorkbookSnapshot>>;
  renderReport(report: Report, opts: RenderOptions): Promise<RenderResult>;
  /** Writes the Plan sheet with defaults (recorded, so the next report run rewrites it in place). */
  writePlanSheet(sheet: ReportSheet, lang: Report["lang"]): Promise<RenderResult>;
  activateSheet(name: string): Promise<OfficeResult<null>>;
  /** Replaces the earlier run's tab of the same name (the Pay history after Close period or Reopen). */
  replaceTab(sheet: ReportSheet, lang: Report["lang"], opts?: RenderOptions): Promise<RenderResult>;
  /** Prepare for sharing (docs/reference/statements.md): every cell whose formula calls a PERF function. */
  findPerfFormulas(): Promise<OfficeResult<PerfFormula[]>>;
  /** Replaces those cells (and nothing else) with their current values; the value is how many were replaced. */
  replacePerfFormulas(found: readonly PerfFormula[], signal?: AbortSignal): Promise<OfficeResult<number>>;
  /** True when the host can open a workbook from bytes (`Excel.createWorkbook`, ExcelApi 1.8). */
  canCreateWorkbook(): boolean;
  /** Opens an .xlsx file (base64) as a new, unsaved workbook (a statement, docs/reference/statements.md). */
  createWorkbook(base64: string): Promise<OfficeResult<null>>;
}

/** ExcelApi 1.8 brought `Excel.createWorkbook`; older hosts (and Office.js builds without it) cannot open files. */
export function canCreateWorkbook(): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const excel = (globalThis as { Excel?: { createWorkbook?: unknown } }).Excel;
  try {
    return (
      office?.context?.requirements?.isSetSupported?.("ExcelApi", "1.8") === true &&
      typeof excel?.createWorkbook === "function"
    );
  } catch {
    return false; // outside Office, Office.context may throw
  }
}

export async function createWorkbook(base64: string): Promise<OfficeResult<null>> {
  try {
    await Excel.createWorkbook(base64);
    return { ok: true, value: null };
  } catch (e) {
    return { ok: false, error: officeError("share.openFailed", { detail: describeExcelError(e) }) };
  }
}

export async function readSnapshot(): Promise<OfficeResult<WorkbookSnapshot>> {
  const unsupported = checkRequirements();
  if (unsupported) return { ok: false, error: unsupported };
  try {
    return await Excel.run(async (context) => {
      const setting = context.workbook.settings.getItemOrNullObject(TABS_SETTING);
      setting.load("value");
      await context.sync();
      const raw: unknown = setting.isNullObject ? [] : setting.value;
      let tabs: unknown = raw;
      if (typeof raw === "string") {
        try {
          tabs = JSON.parse(raw);
        } catch {
          tabs = [];
        }
      }
      const addinTabs = Array.isArray(tabs) ? tabs.filter((x): x is string => typeof x === "string") : [];
      const sheets = await readWorkbookSheets(context);
      return { ok: true as const, value: { sheets, addinTabs } };
    });
  } catch (e) {
    return { ok: false, error: officeError("readFailed", { detail: describeExcelError(e) }) };
  }
}

export async function activateSheet(name: string): Promise<OfficeResult<null>> {
  try {
    return await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(name);
      sheet.load("name");
      await context.sync();
      if (sheet.isNullObject) return { ok: false as const, error: officeError("sheetMissing", { sheet: name }) };
      sheet.activate();
      await context.sync();
      return { ok: true as const, value: null };
    });
  } catch (e) {
    return { ok: false, error: officeError("activateFailed", { sheet: name, detail: describeExcelError(e) }) };
  }
}

/** The real operations, for index.tsx once Office.onReady reports Excel. */
export const officeExcelOps: ExcelOps = {
  recover: recoverInterruptedWrite,
  readSheets: readSnapshot,
  // The writers are loaded on first use (tabWriter.ts): they are not part of taskpane.js.
  renderReport: (report, opts) => withTabWriter((w) => w.renderReport(report, opts)),
  writePlanSheet: (sheet, lang) => withTabWriter((w) => w.writeSheet(sheet, lang, "add")),
  activateSheet,
  replaceTab: (sheet, lang, opts) => withTabWriter((w) => w.replaceTab(sheet, lang, opts)),
  findPerfFormulas: () => withSharingWriter((w) => w.findPerfFormulasInWorkbook()),
  replacePerfFormulas: (found, signal) => withSharingWriter((w) => w.replacePerfFormulasInWorkbook(found, signal)),
  canCreateWorkbook,
  createWorkbook,
};
