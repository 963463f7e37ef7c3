/**
 * The repository stands on its own: no file points outside it, every docs/reference page that anything cites exists,
 * and every relative link in README.md and docs/ resolves to a file here. Each failure is listed as file:line.
 * Files are the ones git knows (tracked, plus new files not ignored), so a violation is caught before it is committed.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const THIS_FILE = path.relative(ROOT, __filename).split(path.sep).join("/");
const BINARY = /\.(png|jpe?g|gif|ico|xlsx|zip|pdf|woff2?|ttf)$/i;

/** Every repository file (relative, "/" separators) present in the work tree. */
function repoFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(listed.split("\0").filter(Boolean))].filter((file) => {
    const full = path.join(ROOT, file);
    return fs.existsSync(full) && fs.statSync(full).isFile();
  });
}

const ALL_PATHS = new Set(repoFiles());
/** The text files among them, with their text; binaries and the lock file left out. */
const FILES = [...ALL_PATHS]
  .filter((file) => file !== "package-lock.json" && !BINARY.test(file))
  .map((file) => ({ file, text: fs.readFileSync(path.join(ROOT, file), "utf8") }))
  .filter(({ text }) => !text.includes("\0"));

/** [1-based line, line text] of every line of a text. */
function lines(text: string): [number, string][] {
  return text.split(/\r?\n/).map((line, i) => [i + 1, line]);
}

/**
 * Text that points outside the repository or at the old source documents. This file itself is skipped: it has to
 * spell these patterns out.
 */
const FORBIDDEN: { pattern: RegExp; why: string }[] = [
  { pattern: /\.\.\/shared/, why: "refers to the shared folder beside the repository" },
  { pattern: /\/(work|home|Users|root)\//, why: "an absolute path outside the repository" },
  { pattern: /\b[A-Z]:\\/i, why: "an absolute Windows path" },
  { pattern: /\b(SPEC|STYLE) §/, why: "cites a section of a document outside the repository" },
  { pattern: /\b(SPEC|STYLE)\.md\b/, why: "cites a document outside the repository" },
];

/** "docs/reference/plan.md", and in lists such as "docs/reference/plan.md, tabs.md" the bare names after commas. */
const REFERENCE_MENTION = /docs\/reference\/([\w-]+\.md)((?:\s*,\s*[\w-]+\.md\b)*)/g;

function referencePagesMentioned(line: string): string[] {
  const pages: string[] = [];
  for (const m of line.matchAll(REFERENCE_MENTION)) {
    pages.push(m[1]);
    for (const more of m[2].split(",").map((s) => s.trim())) if (more) pages.push(more);
  }
  return pages;
}

/** Markdown link targets with their line: code blocks and inline code left out (they show commands, not links). */
function markdownLinks(text: string): { line: number; target: string }[] {
  const out: { line: number; target: string }[] = [];
  let inFence = false;
  for (const [n, raw] of lines(text)) {
    if (/^\s*```/.test(raw)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;
    const prose = raw.replace(/`[^`]*`/g, "");
    for (const m of prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) out.push({ line: n, target: m[1] });
  }
  return out;
}

/** GitHub's heading anchor: lower case, punctuation dropped (letters of any script kept), spaces to "-". */
function anchorOf(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  let inFence = false;
  for (const [, raw] of lines(markdown)) {
    if (/^\s*```/.test(raw)) inFence = !inFence;
    const m = inFence ? null : /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(raw);
    if (!m) continue;
    const base = anchorOf(m[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

const isExternal = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

function linkProblem(file: string, target: string): string | null {
  const [rawPath, anchor] = target.split("#", 2);
  const relPath = decodeURI(rawPath);
  const resolved = relPath === "" ? file : path.posix.normalize(path.posix.join(path.posix.dirname(file), relPath));
  if (resolved.startsWith("../") || path.posix.isAbsolute(resolved)) return `link ${target} leaves the repository`;
  const isFile = ALL_PATHS.has(resolved);
  const isFolder = !isFile && [...ALL_PATHS].some((p) => p.startsWith(`${resolved.replace(/\/$/, "")}/`));
  if (!isFile && !isFolder) return `link ${target} does not resolve to a file in the repository`;
  if (anchor && isFile && resolved.endsWith(".md")) {
    const text = FILES.find((f) => f.file === resolved)!.text;
    if (!anchorsOf(text).has(anchor)) return `link ${target}: no heading with the anchor #${anchor}`;
  }
  return null;
}

describe("the repository stands on its own", () => {
  it("lists the repository's files", () => {
    expect(FILES.length).toBeGreaterThan(100);
    expect(ALL_PATHS).toContain("README.md");
  });

  it("no file refers to the shared folder beside it, an absolute path outside it, or the old source documents", () => {
    const problems: string[] = [];
    for (const { file, text } of FILES) {
      if (file === THIS_FILE) continue;
      for (const [n, line] of lines(text)) {
        for (const { pattern, why } of FORBIDDEN) {
          if (pattern.test(line)) problems.push(`${file}:${n}: ${why}: ${line.trim().slice(0, 120)}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it("every docs/reference page mentioned anywhere (code comments too) exists", () => {
    const problems: string[] = [];
    let mentions = 0;
    for (const { file, text } of FILES) {
      if (file === THIS_FILE) continue;
      for (const [n, line] of lines(text)) {
        for (const page of referencePagesMentioned(line)) {
          mentions++;
          if (!ALL_PATHS.has(`docs/reference/${page}`))
            problems.push(`${file}:${n}: docs/reference/${page} does not exist`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(mentions).toBeGreaterThan(100);
  });

  it("every relative link in README.md and docs/**/*.md resolves to a file in the repository", () => {
    const pages = FILES.filter(
      ({ file }) => file === "README.md" || (file.startsWith("docs/") && file.endsWith(".md")),
    );
    expect(pages.map((p) => p.file)).toContain("docs/reference/README.md");
    const problems: string[] = [];
    for (const { file, text } of pages) {
      for (const { line, target } of markdownLinks(text)) {
        if (isExternal(target)) continue;
        const problem = linkProblem(file, target);
        if (problem) problems.push(`${file}:${line}: ${problem}`);
      }
    }
    expect(problems).toEqual([]);
  });
});

describe("the reference's own checks", () => {
  it("reads the bare page names of a comma list", () => {
    expect(referencePagesMentioned("(docs/reference/input.md, cleaning.md, plan.md, tabs.md): six tabs")).toEqual([
      "input.md",
      "cleaning.md",
      "plan.md",
      "tabs.md",
    ]);
    expect(referencePagesMentioned("docs/reference/tabs.md report, docs/reference/statements.md statements")).toEqual([
      "tabs.md",
      "statements.md",
    ]);
  });

  it("makes GitHub's anchors", () => {
    expect(anchorOf("The Scorecard header")).toBe("the-scorecard-header");
    expect(anchorOf("`report`")).toBe("report");
    expect(anchorOf("BONUS(actual, target, [cap])")).toBe("bonusactual-target-cap");
    expect(anchorOf("考核方案 · Plan")).toBe("考核方案--plan");
  });

  it("finds links outside code", () => {
    const md = "See [a](a.md) and `[b](b.md)`.\n```\n[c](c.md)\n```\n![img](x.png#top)";
    expect(markdownLinks(md)).toEqual([
      { line: 1, target: "a.md" },
      { line: 5, target: "x.png#top" },
    ]);
  });
});
