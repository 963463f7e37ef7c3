/**
 * The Excel operations the task pane needs, as one object passed to components as props
 * (STYLE §1/§5, TPR App.tsx → excel.ts): the real ones below use Office.js; tests pass fakes.
 * Every operation returns its error as a value (never swallowed, never thrown at the user).
 */
import type { RawSheet } from "../../ingest/types";
import type { Report, ReportSheet } from "../../report/model";
import { describeExcelError, officeError, type OfficeResult } from "./errors";
import { readWorkbookSheets } from "./readWorkbook";
import { renderReport, TABS_SETTING, writeSheet, type RenderOptions, type RenderResult } from "./renderReport";
import { checkRequirements } from "./requirements";

export interface WorkbookSnapshot {
  sheets: RawSheet[];
  /** Tabs the add-in made in an earlier run (they are replaced, so they don't count as taken names). */
  addinTabs: string[];
}

export interface ExcelOps {
  readSheets(): Promise<OfficeResult<WorkbookSnapshot>>;
  renderReport(report: Report, opts: RenderOptions): Promise<RenderResult>;
  /** Writes the Plan sheet with defaults (recorded, so the next report run rewrites it in place). */
  writePlanSheet(sheet: ReportSheet, lang: Report["lang"]): Promise<RenderResult>;
  activateSheet(name: string): Promise<OfficeResult<null>>;
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
  readSheets: readSnapshot,
  renderReport,
  writePlanSheet: (sheet, lang) => writeSheet(sheet, lang, "add"),
  activateSheet,
};
