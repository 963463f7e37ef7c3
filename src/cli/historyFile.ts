/**
 * Reading the History sheet of a report file for the CLI (docs/reference/cli.md `report --history`, `close`): the
 * record, or a message naming every cell changed by hand. A History sheet with problems is never used or rewritten.
 */
import * as fs from "fs";
import { t, type Lang } from "../i18n";
import type { RawSheet } from "../ingest/types";
import { findNamedSheet } from "../plan";
import { readHistorySheet, type ReadHistory } from "../history/sheet";
import { failure, loadInput, type Failure } from "./pipeline";

export interface HistoryFile {
  ok: true;
  sheets: RawSheet[];
  /** The History sheet's name in the file ("History" or "历史记录"). */
  sheetName: string;
  record: ReadHistory;
}

/** The problems of a History sheet as the CLI prints them: a sentence, then one line per cell. */
export function editedMessage(lang: Lang, file: string, record: ReadHistory): string {
  const lines = record.issues.map((i) =>
    t(lang, "history.cli.problem", { sheet: i.sheet, message: t(lang, i.reasonKey, i.params) }),
  );
  return [t(lang, "history.cli.edited", { file }), ...lines].join("\n");
}

/** The report `file`'s sheets and its History record; exit 1 when the file is missing, 2 when unusable. */
export async function readHistoryFile(file: string, lang: Lang): Promise<HistoryFile | Failure> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return failure(1, t(lang, "history.cli.fileMissing", { file }));
  }
  const loaded = await loadInput(file, lang);
  if (!loaded.ok) return loaded;
  const sheet = findNamedSheet(loaded.sheets, "sheet.history");
  if (!sheet) return failure(2, t(lang, "history.cli.noSheet", { file }));
  const record = readHistorySheet(sheet, lang);
  if (record.issues.length > 0) return failure(2, editedMessage(lang, file, record));
  return { ok: true, sheets: loaded.sheets, sheetName: sheet.name, record };
}
