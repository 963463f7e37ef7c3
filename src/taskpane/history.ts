/**
 * The pane's Pay history steps without React or Office (docs/reference/history.md): read the workbook's Pay history,
 * say what is wrong with it by cell, and make the tab that Close period or Reopen writes. Pure functions over
 * RawSheets, so tests drive them directly.
 */
import { closePeriod, reopenPeriod } from "../history/close";
import { EMPTY_HISTORY, type HistoryRecord } from "../history/record";
import { historySheet, readHistorySheet } from "../history/sheet";
import { t, type Lang } from "../i18n";
import type { RawSheet } from "../ingest/types";
import { findNamedSheet } from "../plan";
import type { ReportSheet } from "../report/model";
import { layOutForPrint } from "../report/printLayout";

export type WorkbookHistory =
  /** sheetName null: the workbook has no Pay history yet (a first run). */
  { ok: true; sheetName: string | null; record: HistoryRecord } | { ok: false; title: string; lines: string[] };

/** "Pay history (2)" → "pay history": a tab name as the add-in may have made it unique. */
function baseName(name: string): string {
  return name
    .normalize("NFKC")
    .trim()
    .toLowerCase()
    .replace(/\s*\(\d+\)$/, "");
}

/**
 * The Pay history to use: the add-in's own tab from the last run ("Pay history", or "Pay history (2)" when the user
 * had a sheet of that name), else a sheet named Pay history / 历史记录 (one copied in from a report).
 */
function historySheetOf(sheets: readonly RawSheet[], addinTabs: readonly string[]): RawSheet | undefined {
  const names = new Set([t("en", "sheet.history"), t("zh", "sheet.history")].map(baseName));
  const own = new Set(addinTabs.map((n) => n.toLowerCase()));
  return (
    sheets.find((s) => own.has(s.name.toLowerCase()) && names.has(baseName(s.name))) ??
    findNamedSheet(sheets, "sheet.history")
  );
}

/** The workbook's Pay history, or every problem of one changed by hand (each naming its cell). */
export function workbookHistory(
  sheets: readonly RawSheet[],
  lang: Lang,
  addinTabs: readonly string[] = [],
): WorkbookHistory {
  const sheet = historySheetOf(sheets, addinTabs);
  if (!sheet) return { ok: true, sheetName: null, record: { history: EMPTY_HISTORY, pending: null } };
  const read = readHistorySheet(sheet, lang);
  if (read.issues.length > 0) {
    return {
      ok: false,
      title: t(lang, "ui.history.edited", { sheet: sheet.name }),
      lines: read.issues.map((i) => t(lang, i.reasonKey, i.params)),
    };
  }
  return { ok: true, sheetName: sheet.name, record: { history: read.history, pending: read.pending } };
}

/** The Pay history tab holding `record`, named `name`, in the language of its name. */
function tabOf(name: string, record: HistoryRecord): ReportSheet {
  const lang: Lang = baseName(name) === baseName(t("zh", "sheet.history")) ? "zh" : "en";
  const fingerprint = record.pending?.planFingerprint ?? record.history.periods.at(-1)?.planFingerprint ?? "";
  return layOutForPrint(historySheet(lang, name, record, fingerprint), {
    lang,
    title: t(lang, "print.reportTitle"),
    period: record.pending?.period ?? null,
  });
}

export type HistoryChange = { ok: true; sheet: ReportSheet; message: string } | { ok: false; message: string };

/** Close period: the tab to write, or why not (nothing to close, closed already). `at`: ISO 8601 UTC. */
export function closeInWorkbook(found: WorkbookHistory, lang: Lang, at: string): HistoryChange {
  if (!found.ok || found.sheetName === null) return { ok: false, message: t(lang, "ui.history.nothingToClose") };
  const closed = closePeriod(found.record, at);
  if (!closed.ok) {
    return closed.reason === "nothingToClose"
      ? { ok: false, message: t(lang, "ui.history.nothingToClose") }
      : { ok: false, message: t(lang, "ui.history.alreadyClosed", { period: closed.period, at: closed.closedAt }) };
  }
  return {
    ok: true,
    sheet: tabOf(found.sheetName, closed.record),
    message: t(lang, "ui.history.closed", { period: closed.period, sheet: found.sheetName }),
  };
}

/** Reopen `period`: the tab to write, or why not. */
export function reopenInWorkbook(found: WorkbookHistory, lang: Lang, period: string, at: string): HistoryChange {
  if (!found.ok || found.sheetName === null) return { ok: false, message: t(lang, "ui.history.notClosed", { period }) };
  const reopened = reopenPeriod(found.record, period, at);
  if (!reopened.ok) return { ok: false, message: t(lang, "ui.history.notClosed", { period }) };
  return {
    ok: true,
    sheet: tabOf(found.sheetName, reopened.record),
    message: t(lang, "ui.history.reopened", { period: reopened.period, sheet: found.sheetName }),
  };
}
