/** Helpers for CLI tests: run main() in-process with captured output (exitOverride, configureOutput). */
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";
import { main } from "../../src/cli/main";
import { SAMPLES } from "../samples";

export { SAMPLES };

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export async function runCli(...args: string[]): Promise<CliRun> {
  let out = "";
  let err = "";
  const code = await main(["node", "salesperf", ...args], {
    writeOut: (s) => (out += s),
    writeErr: (s) => (err += s),
  });
  return { code, out, err };
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `salesperf-${prefix}-`));
}

export function sha256(file: string): string {
  return crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** Sheet name → the chart parts drawn on it, following workbook.xml → sheet rels → drawing rels. */
export async function chartsBySheet(file: string): Promise<Record<string, string[]>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (p: string) => (zip.file(p) ? await zip.file(p)!.async("string") : "");
  const rels = (xml: string) =>
    [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: /Id="([^"]*)"/.exec(m[0])![1],
      type: /Type="([^"]*)"/.exec(m[0])![1],
      target: /Target="([^"]*)"/.exec(m[0])![1],
    }));
  const unescape = (s: string) =>
    s
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const wbRels = rels(await text("xl/_rels/workbook.xml.rels"));
  const out: Record<string, string[]> = {};
  for (const m of (await text("xl/workbook.xml")).matchAll(/<sheet\b[^>]*>/g)) {
    const name = unescape(/name="([^"]*)"/.exec(m[0])![1]);
    const rid = /r:id="([^"]*)"/.exec(m[0])![1];
    const sheetPath = "xl/" + wbRels.find((r) => r.id === rid)!.target.replace(/^\/?xl\//, "");
    const sheetXml = await text(sheetPath);
    const drawingRid = /<drawing r:id="([^"]*)"\/>/.exec(sheetXml)?.[1];
    out[name] = [];
    if (!drawingRid) continue;
    const sheetRels = rels(await text(sheetPath.replace(/([^/]+)$/, "_rels/$1.rels")));
    const drawingPath = path.posix.normalize(
      path.posix.join(path.posix.dirname(sheetPath), sheetRels.find((r) => r.id === drawingRid)!.target),
    );
    const drawingXml = await text(drawingPath);
    const dRels = rels(await text(drawingPath.replace(/([^/]+)$/, "_rels/$1.rels")));
    for (const c of drawingXml.matchAll(/<c:chart [^>]*r:id="([^"]*)"/g)) {
      const chartPath = path.posix.normalize(
        path.posix.join(path.posix.dirname(drawingPath), dRels.find((r) => r.id === c[1])!.target),
      );
      if (zip.file(chartPath)) out[name].push(chartPath);
    }
  }
  return out;
}
