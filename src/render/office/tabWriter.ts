/**
 * The writers as their own webpack chunks (docs/reference/tabs.md "What the pane loads when"): the tab writer
 * (renderReport.ts) in "report", Prepare for sharing (prepareForSharing.ts) in "share". The pane needs them only to
 * write (Generate, the Plan sheet, Close period, replacing PERF formulas) or to settle an interrupted write, so they
 * stay out of taskpane.js. A chunk that cannot be loaded comes back as an error value, never thrown.
 */
import { officeError, describeExcelError, type OfficeError } from "./errors";

export type TabWriter = typeof import("./renderReport");

export type SharingWriter = typeof import("./prepareForSharing");

export const loadTabWriter = (): Promise<TabWriter> => import(/* webpackChunkName: "report" */ "./renderReport");

export const loadSharingWriter = (): Promise<SharingWriter> =>
  import(/* webpackChunkName: "share" */ "./prepareForSharing");

/** The error shown when a lazily loaded part of the pane did not arrive (offline, blocked by a proxy). */
export function partLoadFailed(e: unknown): OfficeError {
  return officeError("partLoadFailed", { detail: describeExcelError(e).split("\n")[0] });
}

type Result<T> = { ok: true; value: T } | { ok: false; error: OfficeError };

/** Runs `use` with the loaded writer, or returns the load failure as the operation's error. */
async function withWriter<W, T>(load: () => Promise<W>, use: (writer: W) => Promise<Result<T>>): Promise<Result<T>> {
  let writer: W;
  try {
    writer = await load();
  } catch (e) {
    return { ok: false, error: partLoadFailed(e) };
  }
  return use(writer);
}

export const withTabWriter = <T>(use: (writer: TabWriter) => Promise<Result<T>>): Promise<Result<T>> =>
  withWriter(loadTabWriter, use);

export const withSharingWriter = <T>(use: (writer: SharingWriter) => Promise<Result<T>>): Promise<Result<T>> =>
  withWriter(loadSharingWriter, use);
