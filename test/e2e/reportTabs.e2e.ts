/**
 * Generated tabs shown in headless Chromium as Excel shows them (test/e2e/sheetHtml.ts), for the README's
 * screenshots: the report is built from the samples in English and Chinese, a tab is drawn as an HTML table and
 * photographed into test-results/e2e/, and into SALESPERF_SCREENSHOTS (docs/images) when set. Checks that every
 * number shows in full (Excel would show "###" for one that does not fit) and that the tab names its reps.
 * Run with `npm run test:e2e`; skipped without Chromium (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { Browser } from "playwright-core";
import { ingest } from "../../src/ingest/index";
import { defaultPlan } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { buildReport } from "../../src/report/buildReport";
import type { Report, SheetKey } from "../../src/report/model";
import { describeWithEngine } from "../engines";
import { SAMPLES } from "../samples";
import { launchChromium } from "./browser";
import { sheetHtml } from "./sheetHtml";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-results", "e2e");
const DOC_SHOTS = process.env.SALESPERF_SCREENSHOTS ? path.resolve(ROOT, process.env.SALESPERF_SCREENSHOTS) : null;

async function report(file: string, lang: "en" | "zh"): Promise<Report> {
  const ingested = ingest(await readXlsx(path.join(SAMPLES, file)));
  if ("kind" in ingested) throw new Error(`ingest failed: ${ingested.messageKey}`);
  return buildReport(ingested, defaultPlan(lang), { lang });
}

let browser: Browser;

describeWithEngine("chromium", "generated tabs drawn in headless Chromium", (chromiumBinary) => {
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    browser = await launchChromium(chromiumBinary);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  const cases: [SheetKey, string, "en" | "zh", string][] = [
    ["coaching", "sales-en.xlsx", "en", "coaching-en"],
    ["coaching", "sales-zh.xlsx", "zh", "coaching-zh"],
  ];

  it.each(cases)("the %s tab of %s (%s) shows every value in full", async (key, file, lang, name) => {
    const built = await report(file, lang);
    const sheet = built.sheets.find((s) => s.key === key);
    expect(sheet).toBeDefined();
    const page = await browser.newPage({ viewport: { width: 1100, height: 700 } });
    await page.setContent(sheetHtml(sheet!, lang));
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).not.toContain("###");
    // Every number fits its column: Excel would show "###" (text is clipped by the next cell, as in Excel).
    const cut = await page.$$eval("td.n", (tds) =>
      tds.filter((td) => td.scrollWidth > td.clientWidth + 1).map((td) => td.textContent),
    );
    expect(cut).toEqual([]);
    for (const rep of built.summary.coaching) expect(text).toContain(rep);
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    if (DOC_SHOTS) {
      fs.mkdirSync(DOC_SHOTS, { recursive: true });
      await page.screenshot({ path: path.join(DOC_SHOTS, `${name}.png`), fullPage: true });
    }
    await page.close();
  });
});
