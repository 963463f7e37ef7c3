/**
 * Writing the CLI's output files so that a failure leaves nothing behind (docs/reference/cli.md "Writing files safely",
 * docs/reference/statements.md "Writing the statements"): each file goes to a temporary file beside its destination
 * and is renamed onto it only when complete; a set of files (the statements) is staged in a hidden folder and moved
 * into place only when every one of them is complete. The input is never opened for writing here.
 */
import * as fs from "fs";
import * as path from "path";
import type { Writable } from "stream";

/** Bytes per write call: large files go out in several writes, so a disk that fills up fails midway. */
const WRITE_CHUNK = 64 * 1024;

/** An output that could not be written: the path the user would look for, and the system's reason. */
export class WriteError extends Error {
  /** The system error code (EACCES, EROFS, ENOSPC, ENOTDIR …), when there is one. */
  readonly code: string | undefined;
  /** The system's own message, first line: shown when the code has no plainer words. */
  readonly detail: string;

  constructor(
    readonly target: string,
    error: unknown,
  ) {
    const detail = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    super(`${target}: ${detail}`);
    this.detail = detail;
    const code = (error as { code?: unknown } | null)?.code;
    this.code = typeof code === "string" ? code : undefined;
  }
}

/** A temporary name beside `target`: same folder (so the rename stays on one disk), hidden, never a clash. */
function tempPathFor(target: string): string {
  const resolved = path.resolve(target);
  return path.join(path.dirname(resolved), `.${path.basename(resolved)}.${process.pid}.${Date.now()}.tmp`);
}

/** Create `file` (it must not exist) holding `bytes`, flushed to disk. */
function writeNewFile(file: string, bytes: Uint8Array): void {
  const fd = fs.openSync(file, "wx");
  try {
    for (let offset = 0; offset < bytes.length;) {
      offset += fs.writeSync(fd, bytes, offset, Math.min(WRITE_CHUNK, bytes.length - offset));
    }
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The path that stands where a folder is needed on the way to `folder` (a file named like a parent folder), or null
 * when the path is clear (every existing part of it is a folder).
 */
export function fileBlockingFolder(folder: string): string | null {
  for (let p = path.resolve(folder); ; p = path.dirname(p)) {
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(p);
    } catch {
      stat = undefined;
    }
    if (stat) return stat.isDirectory() ? null : p;
    if (path.dirname(p) === p) return null;
  }
}

/** Write `bytes` to `target` whole or not at all: a temp file beside it, then a rename. Throws a WriteError. */
export function writeFileAtomic(target: string, bytes: Uint8Array): void {
  const tmp = tempPathFor(target);
  try {
    writeNewFile(tmp, bytes);
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw new WriteError(target, e);
  }
}

/** Destroy a stream and wait until its file is closed, so that the file can be removed. */
async function closeStream(out: fs.WriteStream): Promise<void> {
  if (out.closed) return;
  await new Promise<void>((resolve) => {
    out.once("close", () => resolve());
    out.destroy();
  });
}

/**
 * Stream a file to `target` whole or not at all: `produce` writes to a stream on a temp file beside it and ends it;
 * the temp file is renamed onto `target` once closed. A write error rejects at once (the producer should stop when
 * `out.errored` is set); the temp file is then removed. Throws a WriteError.
 */
export async function writeStreamAtomic(target: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  const tmp = tempPathFor(target);
  const out = fs.createWriteStream(tmp, { flags: "wx" });
  // A persistent listener: a write error must reject here, never surface as an unhandled 'error' event.
  const failed = new Promise<never>((_, reject) => out.on("error", reject));
  failed.catch(() => undefined);
  const closed = new Promise<void>((resolve) => out.once("close", () => resolve()));
  try {
    await Promise.race([produce(out), failed]);
    await Promise.race([closed, failed]);
    fs.renameSync(tmp, target);
  } catch (e) {
    await closeStream(out);
    fs.rmSync(tmp, { force: true });
    throw new WriteError(target, e);
  }
}

/** One file of a set: its name in the folder and its bytes, made when it is its turn (one in memory at a time). */
export interface FolderFile {
  name: string;
  bytes: () => Promise<Uint8Array>;
}

/**
 * Write every file into `folder`, or none (docs/reference/statements.md): the folder is created when missing; the files
 * are written into a hidden staging folder inside it and, once all are complete, renamed into place — a file of the
 * same name is replaced only then. On any failure the staging folder goes, the folder too when it was created here,
 * and files already moved are taken back (the ones they replaced restored). `onFile(i)` is called before file i.
 * Returns the paths written; throws a WriteError naming the file (or folder) that could not be written.
 */
export async function writeFilesAllOrNothing(
  folder: string,
  files: readonly FolderFile[],
  onFile?: (index: number) => void,
): Promise<string[]> {
  const dir = path.resolve(folder);
  let created: string | undefined;
  try {
    created = fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new WriteError(folder, e);
  }
  let staging: string | null = null;
  let done = false;
  try {
    for (const f of files) {
      const target = path.join(dir, f.name);
      // Renaming onto a folder would fail only at the end, after every statement was made: say so now.
      if (fs.existsSync(target) && fs.statSync(target).isDirectory()) {
        throw new WriteError(target, Object.assign(new Error(`${target} is a folder`), { code: "EISDIR" }));
      }
    }
    try {
      staging = fs.mkdtempSync(path.join(dir, ".salesperf-"));
    } catch (e) {
      throw new WriteError(folder, e);
    }
    for (let i = 0; i < files.length; i++) {
      onFile?.(i);
      const bytes = await files[i].bytes();
      try {
        writeNewFile(path.join(staging, files[i].name), bytes);
      } catch (e) {
        throw new WriteError(path.join(dir, files[i].name), e);
      }
    }
    moveIntoPlace(
      staging,
      dir,
      files.map((f) => f.name),
    );
    done = true;
    return files.map((f) => path.join(dir, f.name));
  } finally {
    if (staging) fs.rmSync(staging, { recursive: true, force: true });
    if (!done && created) fs.rmSync(created, { recursive: true, force: true });
  }
}

/** Rename each staged file onto its place; on a failure undo the renames done (restoring replaced files). */
function moveIntoPlace(staging: string, dir: string, names: readonly string[]): void {
  // Replaced files wait here until every new file is in place. Statement names never start with ".", so no clash.
  const replacedDir = path.join(staging, ".replaced");
  const moved: string[] = [];
  const replaced: string[] = [];
  try {
    for (const name of names) {
      const target = path.join(dir, name);
      if (fs.existsSync(target)) {
        fs.mkdirSync(replacedDir, { recursive: true });
        fs.renameSync(target, path.join(replacedDir, name));
        replaced.push(name);
      }
      fs.renameSync(path.join(staging, name), target);
      moved.push(name);
    }
  } catch (e) {
    for (const name of moved) fs.rmSync(path.join(dir, name), { force: true });
    for (const name of replaced) fs.renameSync(path.join(replacedDir, name), path.join(dir, name));
    throw new WriteError(path.join(dir, names[moved.length]), e);
  }
}
