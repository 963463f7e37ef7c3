/**
 * What the pane does when it starts (docs/reference/writes.md): a write that a closed or reloaded pane left
 * unfinished is settled before anything is read — undone when it had not reached its commit, finished when it
 * had — without asking the user, who is then told which of the two happened.
 */
import { describeExcelError, officeError, type OfficeResult } from "./errors";
import { readJournal, type Settled } from "./journal";
import { loadSharingWriter, loadTabWriter } from "./tabWriter";

/** "none": nothing was left; "undone": the workbook is as before the interrupted write; "finished": as after it. */
export type Recovery = { outcome: "none" } | { outcome: "undone" | "finished"; op: "tabs" | "share" };

export async function settleInterruptedWrite(context: Excel.RequestContext): Promise<OfficeResult<Recovery>> {
  const journal = await readJournal(context);
  if (!journal) return { ok: true, value: { outcome: "none" } };
  // The writer is loaded only when a write was interrupted (tabWriter.ts); a failed load is a failed recovery.
  const settled: Settled =
    journal.op === "tabs"
      ? await (await loadTabWriter()).settleTabsWrite(context)
      : await (await loadSharingWriter()).settleShareWrite(context);
  if (settled.outcome === "failed")
    return { ok: false, error: officeError("recoveryFailed", { detail: settled.detail }) };
  if (settled.outcome === "none") return { ok: true, value: { outcome: "none" } };
  return { ok: true, value: { outcome: settled.outcome, op: journal.op } };
}

/** For the pane's startup: settleInterruptedWrite in its own Excel.run, the error as a value. */
export async function recoverInterruptedWrite(): Promise<OfficeResult<Recovery>> {
  try {
    return await Excel.run((context) => settleInterruptedWrite(context));
  } catch (e) {
    return { ok: false, error: officeError("recoveryFailed", { detail: describeExcelError(e) }) };
  }
}
