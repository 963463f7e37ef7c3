/**
 * Statements recalculate to the engine's numbers in an independent spreadsheet (docs/reference/statements.md statements are opened
 * without the add-in): headless LibreOffice recalculates every formula of a few statements and each cached value
 * must come back unchanged. Needs `soffice`, as test/libreoffice does (skipped without it, see test/engines.ts).
 */
import * as path from "path";
import { runStatements } from "../../src/cli/statementsCommand";
import { describeWithEngine } from "../engines";
import { compareFormulaCells, loadWorkbook } from "../libreoffice/compareFormulas";
import { lo, SAMPLES, suiteTempDir } from "../libreoffice/libreOffice";

const tempDir = suiteTempDir("salesperf-st-lo-");

describeWithEngine("libreoffice", "statements recalculated by LibreOffice", (soffice) => {
  it.each([
    ["sales-en.xlsx", "en"],
    ["sales-zh.xlsx", "zh"],
  ] as const)(
    "%s --lang %s: the top and the last rep's formulas recalculate to the engine's values",
    async (file, lang) => {
      const out = path.join(tempDir(), lang);
      const r = await runStatements({ input: path.join(SAMPLES, file), output: out, lang, stderr: () => undefined });
      expect(r.code).toBe(0);
      // Rank order: the first is "Top", the last "Coaching" — both status branches, the curve and the threshold.
      for (const statement of [r.files[0], r.files[r.files.length - 1]]) {
        const recalculated = lo.recalcWithLibreOffice(statement, path.join(tempDir(), `lo-${lang}`), soffice);
        const [ours, theirs] = await Promise.all([loadWorkbook(statement), loadWorkbook(recalculated)]);
        const result = compareFormulaCells(ours, theirs);
        expect(result.checked).toBeGreaterThanOrEqual(15);
        expect(result.errors).toEqual([]);
        expect(result.mismatches).toEqual([]);
      }
    },
  );
});
