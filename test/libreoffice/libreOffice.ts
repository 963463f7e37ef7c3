/**
 * Shared LibreOffice set-up for the recalculation suites (SPEC §3.4 report, §3.5 statements): where soffice and the
 * samples are, whether the check was opted out of (SALESPERF_NO_LIBREOFFICE=1), and a temp folder per suite.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// Plain JS shared with CI and humans (node scripts/libreoffice-recalc.js in.xlsx outDir).
export const lo = require("../../scripts/libreoffice-recalc.js") as {
  findSoffice: () => string | null;
  recalcWithLibreOffice: (input: string, outDir: string, soffice?: string) => string;
};

// In CI the shared folder sits next to the repo (../shared); here that is /work/shared.
export const SAMPLES = path.resolve(__dirname, "../../../shared/samples");
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
