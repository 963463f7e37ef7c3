/**
 * Shared LibreOffice set-up for the recalculation suites (docs/reference/tabs.md report, docs/reference/statements.md statements): where soffice and the
 * samples are, whether the check was opted out of (SALESPERF_NO_LIBREOFFICE=1), and a temp folder per suite.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { SAMPLES } from "../samples";

// Plain JS used by CI and by hand (node scripts/libreoffice-recalc.js in.xlsx outDir).
export const lo = require("../../scripts/libreoffice-recalc.js") as {
  findSoffice: () => string | null;
  recalcWithLibreOffice: (input: string, outDir: string, soffice?: string) => string;
};

export { SAMPLES };
export const soffice = lo.findSoffice();
export const optedOut = process.env.SALESPERF_NO_LIBREOFFICE === "1";

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
