/**
 * The write journal (docs/reference/writes.md): one workbook setting that says which SalesPerf write is under way
 * and how far it got, so that a failure, a Cancel or a closed pane never leaves half a change behind. Each write
 * records, before its first change, what it will do; the step that makes the change visible records "committed".
 * Before that step the write is undone, after it the write is finished — by the pane that ran it, or by the next
 * pane to start on this workbook.
 */

/** Workbook setting holding the journal of the write under way (absent when none is). */
export const JOURNAL_SETTING = "salesperf.journal";

/** A Generate run or a Plan sheet write: new tabs under temporary names, swapped in at the end. */
export interface TabsJournal {
  op: "tabs";
  /** "writing": new tabs under `temps`; "swapping": ids known, tabs being renamed; "committed": finish it. */
  phase: "writing" | "swapping" | "committed";
  /** The new tabs' temporary names, in report order. */
  temps: string[];
  /** Their final names, in the same order. */
  finals: string[];
  /** From "swapping": the new tabs' ids, in the same order. */
  added: string[];
  /** From "swapping": the previous run's tabs (id, name before the run, backup name while swapping). */
  replaced: { id: string; name: string; backup: string }[];
  /**
   * Table names are workbook-wide: the new tables are written under `temp` names; the swap gives the replaced
   * tabs' tables `backup` names, then the new ones their `final` names.
   */
  tables: {
    added: { name: string; temp: string; final: string }[];
    replaced: { name: string; backup: string }[];
  };
  /** Defined names the finish removes (the previous run's), and adds (this run's, references to final names). */
  dropNames: string[];
  addNames: { name: string; ref: string }[];
  /** The tab and name lists the finish records (null: left as they are). */
  tabs: string[] | null;
  names: string[] | null;
  /** The tab shown at the end. */
  activate: string | null;
}

/** Prepare for sharing: the original formulas are kept on a hidden sheet until every cell is replaced. */
export interface ShareJournal {
  op: "share";
  /**
   * "journaling": the hidden sheet is being written (undo: delete it); "replacing": cells are being replaced
   * (undo: write the formulas back from it); "committed": every cell is replaced, only the hidden sheet remains.
   */
  phase: "journaling" | "replacing" | "committed";
  /** The hidden sheet: one row per replaced block (sheet, address of its first cell, formula, rows, columns). */
  sheet: string;
  rows: number;
}

export type Journal = TabsJournal | ShareJournal;

/** The journal as stored, or null; a value that is not a journal of this add-in is treated as none. */
export function parseJournal(value: unknown): Journal | null {
  let v = value;
  if (typeof v === "string") {
    try {
      v = JSON.parse(v);
    } catch {
      return null;
    }
  }
  if (!v || typeof v !== "object") return null;
  const op = (v as { op?: unknown }).op;
  return op === "tabs" || op === "share" ? (v as Journal) : null;
}

/** Queues the journal's new state (applied with the batch it is queued in, in queue order). */
export function queueJournal(context: Excel.RequestContext, journal: Journal): void {
  context.workbook.settings.add(JOURNAL_SETTING, JSON.stringify(journal));
}

/** Reads the journal (one sync). */
export async function readJournal(context: Excel.RequestContext): Promise<Journal | null> {
  const setting = context.workbook.settings.getItemOrNullObject(JOURNAL_SETTING);
  setting.load("value");
  await context.sync();
  return setting.isNullObject ? null : parseJournal(setting.value);
}

/** Queues the journal's removal, the last step of every write and of every undo. */
export function queueJournalDelete(context: Excel.RequestContext): void {
  context.workbook.settings.getItem(JOURNAL_SETTING).delete();
}

/** How settling a journal went: nothing to do, undone, finished, or Excel's message when that failed too. */
export type Settled = { outcome: "none" | "undone" | "finished" } | { outcome: "failed"; detail: string };
