/**
 * Outputs that cannot be written (docs/reference/cli.md "Writing files safely", docs/reference/statements.md "Writing the
 * statements"): exit 2 with one line naming the path and the cause, no partial or temporary file left, an existing
 * output and the input untouched. We run as root, where permissions do not stop a write, so EACCES, EROFS and ENOSPC
 * are injected into the fs calls the writers use — after some bytes of the file were written.
 */
import fs from "fs";
import * as path from "path";
import { runDemo } from "../../src/cli/demo";
import { SAMPLES, runCli, sha256, tempDir } from "./cliHelpers";

const CODES = [
  ["EACCES", "permission denied"],
  ["EROFS", "the disk is read-only"],
  ["ENOSPC", "the disk is full"],
] as const;

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected failure, write`), { code, errno: -1, syscall: "write" });
}

/**
 * fs.writeSync fails with `code` in the `failingFile`-th file opened for writing: its first write puts only part of
 * the bytes on disk (as a filling disk does), the next one throws. Earlier files are written in full.
 */
function failSyncWrites(code: string, failingFile = 1): void {
  const realOpen = fs.openSync;
  const realWrite = fs.writeSync;
  let opened = 0;
  let writesInFailingFile = 0;
  jest.spyOn(fs, "openSync").mockImplementation(((...args: Parameters<typeof fs.openSync>) => {
    const fd = realOpen(...args);
    if (args[1] === "wx") opened++;
    return fd;
  }) as typeof fs.openSync);
  type WriteBytes = (fd: number, buffer: Uint8Array, offset?: number | null, length?: number | null) => number;
  const writeBytes = realWrite as WriteBytes;
  const injected: WriteBytes = (fd, buffer, offset, length) => {
    if (fd <= 2 || opened !== failingFile) return writeBytes(fd, buffer, offset, length);
    if (++writesInFailingFile > 1) throw systemError(code);
    const from = offset ?? 0;
    return writeBytes(fd, buffer, from, Math.min(length ?? buffer.length - from, 2000));
  };
  jest.spyOn(fs, "writeSync").mockImplementation(injected as typeof fs.writeSync);
}

/** Stream writes (fs.write / fs.writev, what a file stream calls) fail with `code` after the first one went through. */
function failStreamWrites(code: string): void {
  const realWrite = fs.write;
  const realWritev = fs.writev;
  let calls = 0;
  const inject =
    <F extends (...args: never[]) => void>(real: F) =>
    (...args: unknown[]) => {
      const callback = args[args.length - 1] as (e: Error | null) => void;
      if (typeof args[0] === "number" && args[0] > 2 && ++calls > 1)
        return process.nextTick(callback, systemError(code));
      return (real as unknown as (...a: unknown[]) => void)(...args);
    };
  jest.spyOn(fs, "write").mockImplementation(inject(realWrite) as unknown as typeof fs.write);
  jest.spyOn(fs, "writev").mockImplementation(inject(realWritev) as unknown as typeof fs.writev);
}

/** Every entry under a folder (hidden ones too) with its bytes' hash: "nothing changed" means equal snapshots. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!fs.existsSync(dir)) return out;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    out[path.relative(dir, full)] = entry.isFile() ? sha256(full) : "folder";
  }
  return out;
}

let dir: string;
let input: string;
let inputMtime: number;
let inputHash: string;

beforeEach(() => {
  dir = tempDir("writes");
  input = path.join(dir, "sales.xlsx");
  fs.copyFileSync(path.join(SAMPLES, "sales-en.xlsx"), input);
  inputMtime = fs.statSync(input).mtimeMs;
  inputHash = sha256(input);
});

afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function expectInputUntouched(): void {
  expect(sha256(input)).toBe(inputHash);
  expect(fs.statSync(input).mtimeMs).toBe(inputMtime);
}

/** One line on stderr, nothing on stdout. */
function expectOneLine(run: { out: string; err: string }): void {
  expect(run.out).toBe("");
  expect(run.err.trimEnd().split("\n")).toHaveLength(1);
}

describe("report: an output that cannot be written", () => {
  it.each(CODES)(
    "%s while writing: exit 2 naming the path, no file left, an older report kept",
    async (code, words) => {
      const output = path.join(dir, "report.xlsx");
      fs.writeFileSync(output, "last month's report");
      const before = snapshot(dir);
      failSyncWrites(code);
      const run = await runCli("report", input, "-o", output);
      expect(run.code).toBe(2);
      expect(run.err).toBe(`${output}: cannot write the report (${words}). Nothing was written.\n`);
      expectOneLine(run);
      expect(snapshot(dir)).toEqual(before);
      expectInputUntouched();
    },
  );

  it("in Chinese too", async () => {
    const output = path.join(dir, "报表.xlsx");
    failSyncWrites("ENOSPC");
    const run = await runCli("report", input, "-o", output, "--lang", "zh");
    expect(run.code).toBe(2);
    expect(run.err).toBe(`${output}：无法写入报表（磁盘空间已满）。未写入任何文件。\n`);
    expect(fs.readdirSync(dir)).toEqual(["sales.xlsx"]);
  });

  it("a folder on the path that is a file: exit 2 before any work, naming the file", async () => {
    const blocker = path.join(dir, "reports");
    fs.writeFileSync(blocker, "a file, not a folder");
    const output = path.join(blocker, "2026", "report.xlsx");
    const before = snapshot(dir);
    const run = await runCli("report", input, "-o", output);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${output}: cannot write the report (${blocker} is a file, not a folder). Nothing was written.\n`,
    );
    expect(snapshot(dir)).toEqual(before);
    expectInputUntouched();
  });

  it("a folder where the report must go: exit 2, the folder untouched", async () => {
    const output = path.join(dir, "report.xlsx");
    fs.mkdirSync(output);
    const run = await runCli("report", input, "-o", output);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${output}: cannot write the report (a folder of that name is in the way). Nothing was written.\n`,
    );
    expect(fs.readdirSync(output)).toEqual([]);
  });

  it("a folder that does not exist stays a usage error (exit 1)", async () => {
    const run = await runCli("report", input, "-o", path.join(dir, "missing", "report.xlsx"));
    expect(run.code).toBe(1);
    expect(run.err).toMatch(/the folder .*missing does not exist/);
  });
});

describe("statements: all or none", () => {
  it.each(CODES)("%s on the second statement: exit 2, no statement and no folder left", async (code, words) => {
    const folder = path.join(dir, "statements", "2026-Q1");
    failSyncWrites(code, 2);
    const run = await runCli("statements", input, "-o", folder, "--period", "2026-Q1");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      new RegExp(`^${escape(folder)}.[^\\n]+\\.xlsx: cannot write the statements \\(${words}\\)\\. `),
    );
    expect(run.err).toMatch(/No statement was written\.\n$/);
    expectOneLine(run);
    // The folder (and its parent) were created by the run, so they go too.
    expect(fs.readdirSync(dir)).toEqual(["sales.xlsx"]);
    expectInputUntouched();
  });

  it("into an existing folder: its files stay exactly as they were (older statements not replaced)", async () => {
    const folder = path.join(dir, "out");
    const first = await runCli("statements", input, "-o", folder, "--period", "2026-Q1");
    expect(first).toMatchObject({ code: 0, err: "" });
    fs.writeFileSync(path.join(folder, "notes.txt"), "mine");
    const before = snapshot(folder);
    expect(Object.keys(before).length).toBeGreaterThan(3);
    failSyncWrites("ENOSPC", 3);
    const run = await runCli("statements", input, "-o", folder, "--period", "2026-Q2");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/cannot write the statements \(the disk is full\)\. No statement was written\.\n$/);
    expect(snapshot(folder)).toEqual(before);
    expectInputUntouched();
  });

  it("a move that fails midway puts back the statements it replaced", async () => {
    const folder = path.join(dir, "out");
    expect((await runCli("statements", input, "-o", folder, "--period", "2026-Q1")).code).toBe(0);
    const before = snapshot(folder);
    const realRename = fs.renameSync;
    let moves = 0;
    jest.spyOn(fs, "renameSync").mockImplementation((from, to) => {
      // Old statements are set aside into the staging folder; new ones moved out of it: fail the third move out.
      if (path.dirname(String(to)) === folder && ++moves === 3) throw systemError("EACCES");
      return realRename(from, to);
    });
    const run = await runCli("statements", input, "-o", folder, "--period", "2026-Q2");
    expect(run.code).toBe(2);
    expect(run.err).toMatch(
      /\.xlsx: cannot write the statements \(permission denied\)\. No statement was written\.\n$/,
    );
    expect(snapshot(folder)).toEqual(before);
  });

  it("a file standing where a parent folder must be: exit 2 before any work", async () => {
    const blocker = path.join(dir, "team");
    fs.writeFileSync(blocker, "x");
    const folder = path.join(blocker, "statements");
    const run = await runCli("statements", input, "-o", folder);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${folder}: cannot write the statements (${blocker} is a file, not a folder). No statement was written.\n`,
    );
    expect(fs.readdirSync(dir).sort()).toEqual(["sales.xlsx", "team"]);
  });
});

describe("demo: both files or neither", () => {
  const quiet = { stdout: () => undefined, stderr: () => undefined, isTTY: false };
  const small = { lang: "en" as const, reps: 3, months: 3, rows: 3000 };

  it.each(CODES)("%s while streaming the demo workbook: exit 2, the folder it made removed", async (code, words) => {
    const folder = path.join(dir, "demo");
    failStreamWrites(code);
    const result = await runDemo({ folder, ...small }, quiet);
    expect(result.code).toBe(2);
    expect(result.message).toBe(
      `Cannot write the demo workbook in ${folder}: ${words}. Choose another folder with -o.`,
    );
    expect(fs.readdirSync(dir)).toEqual(["sales.xlsx"]);
  });

  it.each(CODES)(
    "%s while writing the report: exit 2 naming the report, no demo workbook left",
    async (code, words) => {
      const folder = path.join(dir, "demo");
      // The demo workbook is streamed (fs.write); the report, the only file written with fs.writeSync, fails.
      failSyncWrites(code);
      const result = await runDemo({ folder, ...small }, quiet);
      expect(result.code).toBe(2);
      expect(result.message).toBe(`${result.reportPath}: cannot write the report (${words}). Nothing was written.`);
      expect(fs.readdirSync(dir)).toEqual(["sales.xlsx"]);
    },
  );

  it("in a folder that already exists: its own files stay, and no temporary file is left", async () => {
    const folder = path.join(dir, "mine");
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, "keep.txt"), "mine");
    failStreamWrites("ENOSPC");
    const result = await runDemo({ folder, ...small }, quiet);
    expect(result.code).toBe(2);
    expect(fs.readdirSync(folder)).toEqual(["keep.txt"]);
  });

  it("the command exits 2 with the message on stderr", async () => {
    const folder = path.join(dir, "demo");
    failSyncWrites("EROFS");
    const run = await runCli("demo", "-o", folder, "--reps", "3", "--months", "3", "--rows", "3000");
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `${path.join(folder, "salesperf-demo-report.xlsx")}: cannot write the report (the disk is read-only). Nothing was written.\n`,
    );
    expect(run.out).toBe("");
    expect(fs.readdirSync(dir)).toEqual(["sales.xlsx"]);
  });
});

/** A path as a literal inside a RegExp. */
function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
