/**
 * Shared LibreOffice set-up for the recalculation suites (docs/reference/tabs.md report, docs/reference/statements.md
 * statements): the recalculation script, where the samples are, and a temp folder per suite. Whether soffice is
 * there is test/engines.ts's question.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLES } from "../samples";

// Plain JS used by CI and by hand (node scripts/libreoffice-recalc.js in.xlsx outDir).
export const lo = require("../../scripts/libreoffice-recalc.js") as {
  recalcWithLibreOffice: (input: string, outDir: string, soffice?: string) => string;
  printToPdfWithLibreOffice: (inputs: string[], outDir: string, soffice?: string) => string[];
};

export { SAMPLES };

/** A fresh temp folder for the suite (made in beforeAll, removed in afterAll); call the result inside tests. */
export function suiteTempDir(prefix: string): () => string {
  let dir = "";
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });
  return () => dir;
}
