/**
 * Printed output (docs/reference/tabs.md "Printing", statements.md "Printing"): the report of each sample, in English
 * and in Chinese, and every rep statement are printed to PDF by LibreOffice in one run; their text (pdftotext)
 * holds no "###", every page carries the period and "Page x of y", the Scorecard is at most two pages across, and
 * no text is under 8 points (the sizes in the PDF's text operators). Needs soffice and poppler-utils (test/engines.ts).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import * as zlib from "zlib";
import { runReport } from "../../src/cli/reportCommand";
import { runStatements } from "../../src/cli/statementsCommand";
import { t } from "../../src/i18n";
import { describeWithEngine } from "../engines";
import { lo, SAMPLES, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-print-");
const LANGS = ["en", "zh"] as const;
const PERIOD = "2026-Q2";

interface Printed {
  lang: "en" | "zh";
  label: string;
  pdf: string;
}

/**
 * The font sizes a PDF's text is drawn at: LibreOffice writes each run as "/F1 8.1 Tf" inside BT … ET, the page
 * scale already applied, in Flate-compressed content streams.
 */
function fontSizes(pdf: string): number[] {
  const bytes = fs.readFileSync(pdf);
  const sizes: number[] = [];
  const text = bytes.toString("latin1");
  for (const m of text.matchAll(/stream\r?\n/g)) {
    const start = m.index! + m[0].length;
    const end = text.indexOf("endstream", start);
    let content: string;
    try {
      content = zlib.inflateSync(bytes.subarray(start, end)).toString("latin1");
    } catch {
      continue; // not a Flate stream (or a font program): no text operators
    }
    if (!/\bBT\b/.test(content)) continue;
    for (const f of content.matchAll(/\/\w+ ([\d.]+) Tf/g)) sizes.push(Number(f[1]));
  }
  return sizes;
}

/** The page labels of a PDF as printed: page i of n, in the printout's language. */
function pageLabel(lang: "en" | "zh", page: number, pages: number): string {
  return t(lang, "print.pageOf").replace("&P", String(page)).replace("&N", String(pages));
}

describeWithEngine("libreoffice", "printed report and statements (LibreOffice PDF)", (soffice) => {
  describeWithEngine("poppler", "read with pdftotext", (pdftotext) => {
    const printed: Printed[] = [];
    const pagesOf = (pdf: string): string[] =>
      execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);

    beforeAll(async () => {
      const inputs: { lang: "en" | "zh"; label: string; file: string }[] = [];
      for (const lang of LANGS) {
        const report = path.join(tempDir(), `report-${lang}.xlsx`);
        const input = path.join(SAMPLES, `sales-${lang}.xlsx`);
        expect((await runReport({ input, output: report, lang, stderr: () => undefined })).code).toBe(0);
        inputs.push({ lang, label: `report ${lang}`, file: report });
        const folder = path.join(tempDir(), `statements-${lang}`);
        const st = await runStatements({ input, output: folder, lang, stderr: () => undefined });
        expect(st.code).toBe(0);
        for (const file of st.files) inputs.push({ lang, label: `statement ${path.basename(file)}`, file });
      }
      // One soffice run for all of them: its start-up is most of the time.
      const pdfs = lo.printToPdfWithLibreOffice(
        inputs.map((x) => x.file),
        path.join(tempDir(), "pdf"),
        soffice,
      );
      inputs.forEach((x, i) => printed.push({ lang: x.lang, label: x.label, pdf: pdfs[i] }));
    }, 900_000);

    it("printed both reports and every statement (10 English reps, 12 Chinese)", () => {
      expect(printed.filter((p) => p.label.startsWith("statement")).map((p) => p.lang)).toEqual([
        ...Array<string>(10).fill("en"),
        ...Array<string>(12).fill("zh"),
      ]);
    });

    it("no page shows ### for a number too wide for its column", () => {
      const hashes = printed.filter((p) => pagesOf(p.pdf).some((page) => page.includes("###")));
      expect(hashes.map((p) => p.label)).toEqual([]);
    });

    it("every page carries the period and its page number of the total", () => {
      const missing: string[] = [];
      for (const p of printed) {
        const pages = pagesOf(p.pdf);
        const period = t(p.lang, "print.period", { period: PERIOD });
        pages.forEach((text, i) => {
          if (!text.includes(period)) missing.push(`${p.label} page ${i + 1}: no "${period}"`);
          const label = pageLabel(p.lang, i + 1, pages.length);
          if (!text.includes(label)) missing.push(`${p.label} page ${i + 1}: no "${label}"`);
        });
      }
      expect(missing).toEqual([]);
    });

    it("the Scorecard takes at most two pages across (one page down for the samples' reps)", () => {
      for (const p of printed.filter((x) => x.label.startsWith("report"))) {
        const tab = t(p.lang, "sheet.scorecard");
        // The page header names the tab (&A) between the report's title and the period.
        const headers = pagesOf(p.pdf).map((page) => page.split("\n").find((line) => line.trim() !== "") ?? "");
        const scorecardPages = headers.filter((line) => line.includes(` ${tab} `)).length;
        expect(scorecardPages).toBeGreaterThanOrEqual(1);
        expect(scorecardPages).toBeLessThanOrEqual(2);
      }
    });

    it("no text is printed under 8 points", () => {
      const small: string[] = [];
      for (const p of printed) {
        const sizes = fontSizes(p.pdf);
        expect(sizes.length).toBeGreaterThan(0);
        const smallest = Math.min(...sizes);
        if (smallest < 7.95) small.push(`${p.label}: ${smallest} pt`);
      }
      // LibreOffice lays pages out with Calibri's widths only when Carlito is installed (fonts-crosextra-carlito,
      // .ci/run): with a wider stand-in every column, and so every page, comes out wider and prints smaller.
      expect(small).toEqual([]);
    });
  });
});
