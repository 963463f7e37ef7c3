/**
 * The Leaders tab recalculated and printed by LibreOffice (docs/reference/leaders.md): a CRM export with split rows
 * and a Teams sheet (test/report/leadersFixture.ts), scored by the CLI's steps with the default payout curve; every
 * formula cell — the members' count and targets summed off the Scorecard, attainment, score, bonus — comes back with
 * the value the engine cached, and the printed tab shows no ### and carries the period and page number on every
 * page. Skipped without soffice (test/engines.ts).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../src/cli/pipeline";
import { t } from "../../src/i18n";
import { defaultBonus } from "../../src/plan/defaults";
import type { Report } from "../../src/report/model";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { leadersPlan, leadersWorkbook } from "../report/leadersFixture";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-leaders-");

function report(lang: "en" | "zh"): Report {
  // The default curve (0.6 → 0.3, 1 → 1, 1.5 → 2), threshold 60 % and cap 200 %: the bonus formula's every branch.
  const plan = { ...leadersPlan(), bonus: defaultBonus(), currency: lang === "en" ? "USD" : "CNY" };
  const scored = scoreWorkbook(leadersWorkbook(), plan, { lang, inputName: "crm.xlsx" });
  if (!scored.ok) throw new Error(scored.message);
  return scored.report;
}

describeWithEngine("libreoffice", "LibreOffice recalculates and prints the Leaders tab", (soffice) => {
  const files: Record<string, string> = {};
  beforeAll(async () => {
    for (const lang of ["en", "zh"] as const) {
      files[lang] = path.join(tempDir(), `leaders-${lang}.xlsx`);
      fs.writeFileSync(files[lang], await writeReportXlsx(report(lang)));
    }
  });

  it.each(["en", "zh"] as const)(
    "%s: every formula recalculates to the engine's value",
    async (lang) => {
      const recalculated = lo.recalcWithLibreOffice(files[lang], path.join(tempDir(), `lo-${lang}`), soffice);
      const [ours, theirs] = await Promise.all([loadWorkbook(files[lang]), loadWorkbook(recalculated)]);
      const result = compareFormulaCells(ours, theirs);
      expect(result.errors).toEqual([]);
      expect(result.mismatches).toEqual([]);
      // The Leaders tab's own formulas were among them: Maya's target, 4 × 20,000, summed off the Scorecard.
      const tab = theirs.getWorksheet(t(lang, "sheet.leaders"))!;
      const target = tab.getCell("F2").value as { formula: string; result: number };
      expect(target.formula).toContain("SUMPRODUCT(");
      expect(target.result).toBe(80000);
      expect(result.checked).toBeGreaterThan(60);
    },
    120_000,
  );

  describeWithEngine("poppler", "read with pdftotext", (pdftotext) => {
    it("prints the tab with no ###, the period and the page number on every page", () => {
      const pdfs = lo.printToPdfWithLibreOffice([files.en, files.zh], path.join(tempDir(), "pdf"), soffice);
      const problems: string[] = [];
      (["en", "zh"] as const).forEach((lang, i) => {
        const pages = execFileSync(pdftotext, ["-layout", pdfs[i], "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
        const tab = t(lang, "sheet.leaders");
        const ofTab = pages
          .map((text, n) => ({ text, n }))
          .filter(({ text }) => (text.split("\n").find((l) => l.trim() !== "") ?? "").includes(` ${tab} `));
        if (ofTab.length === 0) problems.push(`${lang}: no page of ${tab}`);
        for (const { text, n } of ofTab) {
          if (text.includes("###")) problems.push(`${lang} page ${n + 1}: ###`);
          if (!text.includes(t(lang, "print.period", { period: "2026-Q2" })))
            problems.push(`${lang} page ${n + 1}: period`);
          const label = t(lang, "print.pageOf")
            .replace("&P", String(n + 1))
            .replace("&N", String(pages.length));
          if (!text.includes(label)) problems.push(`${lang} page ${n + 1}: no "${label}"`);
        }
      });
      expect(problems).toEqual([]);
    }, 180_000);
  });
});
