/**
 * The built task pane in headless Chromium (docs/reference/tabs.md): webpack builds it, a tiny HTTP server
 * serves the output, the office.js CDN URL is answered from node_modules/@microsoft/office-js,
 * and the strict Excel fake (holding sales-zh.xlsx) stands in for Excel. Clicks Generate in
 * Chinese and English and checks the tabs in the fake; then the Share tab (docs/reference/statements.md): the report copy for the
 * director and the statements zip, written by the lazily loaded exceljs/jszip chunk in the browser (downloads in
 * Chinese, Excel.createWorkbook in English), and PERF formulas replaced by values; What-if (docs/reference/whatif.md): a deal
 * typed with the keyboard gives the numbers the engine gives in Node, and nothing is written. Screenshots go to test-results/e2e/;
 * with SALESPERF_SCREENSHOTS=docs/images the README's pane screenshots (pane-<tab>-<lang>.png) are written there too.
 * Run with `npm run test:e2e` (not part of `npm test`); skipped without Chromium (test/engines.ts).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import * as ts from "typescript";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Browser, Page } from "playwright-core";
import { describeWithEngine } from "../engines";
import { readSeed } from "../fakes/seedXlsx";
import { SAMPLES } from "../samples";
import { ingest } from "../../src/ingest/index";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { pctText } from "../../src/report/bonusText";
import { statusText } from "../../src/report/formulas";
import { whatIf, whatIfBaseline } from "../../src/report/whatIf";
import { moneyStyle, moneyText } from "../../src/taskpane/whatIfText";
import { launchChromium, OFFICE_CDN, officeFile, serveDir } from "./browser";

const ROOT = path.resolve(__dirname, "../..");
const OUT = path.join(ROOT, "test-results", "e2e");
const BUILD = path.join(OUT, "dist");
/** Where the README's pane screenshots go when they are to be regenerated (relative to the repository), else none. */
const DOC_SHOTS = process.env.SALESPERF_SCREENSHOTS ? path.resolve(ROOT, process.env.SALESPERF_SCREENSHOTS) : null;
/** Another webpack config to build with (a wrapper trying a config change before it is committed). */
const WEBPACK_CONFIG = process.env.SALESPERF_E2E_WEBPACK_CONFIG;

const ZH_TABS = ["总览", "绩效评分", "排名", "辅导", "趋势", "奖金", "数据问题", "历史记录", "考核方案"];
const EN_TABS = [
  "Summary",
  "Scorecard",
  "Ranking",
  "Coaching",
  "Trends",
  "Bonus",
  "Data issues",
  "Pay history",
  "Plan",
];
/** A report copy of a workbook never generated has no Pay history to carry (docs/reference/statements.md). */
const withoutPayHistory = (tabs: readonly string[]): string[] =>
  tabs.filter((tab) => tab !== "历史记录" && tab !== "Pay history");

/** The fake as a browser script: excelFake.ts has no imports, so a CommonJS shim is enough. */
function fakeScript(): string {
  const source = fs.readFileSync(path.join(ROOT, "test", "fakes", "excelFake.ts"), "utf8");
  const js = ts.transpileModule(source, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  });
  return `(function(){var exports={};var module={exports:exports};\n${js.outputText}\nwindow.SalesPerfFake=exports;})();`;
}

/**
 * Appended to office.js: outside Office, Office.onReady reports no host; here it reports Excel,
 * and `Excel` is the fake seeded with the workbook (window.__seed, set by an init script).
 */
function officeShim(displayLanguage: string): string {
  return `
;(function () {
  var fake = new window.SalesPerfFake.FakeExcel(window.__seed);
  window.__fake = fake;
  window.Excel = fake;
  var info = { host: "Excel", platform: "OfficeOnline" };
  Office.HostType = Office.HostType || { Excel: "Excel" };
  Office.onReady = function (cb) { if (cb) cb(info); return Promise.resolve(info); };
  var ctx = {
    displayLanguage: ${JSON.stringify(displayLanguage)},
    requirements: { isSetSupported: function (name, v) { return name === "ExcelApi" && Number(String(v || "1.1").split(".")[1]) <= 12; } }
  };
  // office.js redefines Office.context once its (host-less) initialisation finishes; a
  // non-configurable accessor keeps the fake's context, and office.js reports the clash.
  Object.defineProperty(Office, "context", { configurable: false, get: function () { return ctx; }, set: function () {} });
})();`;
}

let browser: Browser;
let server: http.Server;
let base: string;
let fake: string;
let seed: unknown;

describeWithEngine("chromium", "the task pane in headless Chromium", (chromiumBinary) => {
  beforeAll(async () => {
    fs.mkdirSync(OUT, { recursive: true });
    // Built into test-results/ so a parallel `npm run build` in dist/ is not disturbed.
    execFileSync(
      process.execPath,
      [
        require.resolve("webpack-cli/bin/cli.js"),
        "--mode",
        "development",
        "--output-path",
        BUILD,
        ...(WEBPACK_CONFIG ? ["--config", WEBPACK_CONFIG] : []),
      ],
      {
        cwd: ROOT,
        stdio: "pipe",
      },
    );
    server = await serveDir(BUILD);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    fake = fakeScript();
    seed = await readSeed(path.join(SAMPLES, "sales-zh.xlsx"));
    browser = await launchChromium(chromiumBinary);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** A 320 px pane; office.js from node_modules plus the shim; every other outside request refused. */
  async function openPane(opts: {
    displayLanguage: string;
    withFake: boolean;
  }): Promise<{ page: Page; errors: string[] }> {
    const context = await browser.newContext({ viewport: { width: 320, height: 1000 }, locale: opts.displayLanguage });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => {
      // office.js's own attempt to replace the fake's Office.context (see officeShim) is expected.
      if (!(opts.withFake && /Cannot redefine property: context/.test(String(e)))) errors.push(String(e));
    });
    await context.route("**/*", async (route) => {
      const url = route.request().url();
      if (url.startsWith(base)) return route.continue();
      if (url.startsWith(OFFICE_CDN)) {
        const file = officeFile(url);
        if (!file) return route.fulfill({ status: 404, body: "" });
        let body = fs.readFileSync(file, "utf8");
        if (opts.withFake && path.basename(file) === "office.js") body += officeShim(opts.displayLanguage);
        return route.fulfill({ status: 200, contentType: "text/javascript", body });
      }
      return route.abort();
    });
    if (opts.withFake) {
      await page.addInitScript(`window.__seed = ${JSON.stringify(seed)};\n${fake}`);
    }
    await page.goto(`${base}/taskpane.html`);
    return { page, errors };
  }

  /** Waits for text; on timeout the error carries what the pane shows instead (and a screenshot). */
  async function waitText(page: Page, text: string, timeout = 60_000): Promise<void> {
    try {
      await page.getByText(text, { exact: false }).first().waitFor({ timeout });
    } catch (e) {
      await shot(page, "failure");
      const body = await page.evaluate(() => document.body.innerText);
      throw new Error(`"${text}" did not appear; the pane shows:\n${body.slice(0, 1500)}\n${String(e).split("\n")[0]}`);
    }
  }

  /** A screenshot in test-results/e2e; `docName` also writes it as the README's docs/images/<docName>.png. */
  async function shot(page: Page, name: string, docName?: string): Promise<void> {
    await page.screenshot({ path: path.join(OUT, `${name}.png`), fullPage: true });
    if (docName && DOC_SHOTS) {
      fs.mkdirSync(DOC_SHOTS, { recursive: true });
      // The viewport only (320 × 1000), as the pane is seen: the README lays them side by side.
      await page.screenshot({ path: path.join(DOC_SHOTS, `${docName}.png`) });
    }
  }

  async function sheetNames(page: Page): Promise<string[]> {
    return page.evaluate(() => (window as unknown as { __fake: { sheetNames(): string[] } }).__fake.sheetNames());
  }

  it("outside Excel the pane shows a friendly note", async () => {
    const { page, errors } = await openPane({ displayLanguage: "en-US", withFake: false });
    await waitText(page, "Open this pane from Excel's Home tab");
    await shot(page, "0-not-in-excel");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("generates the Chinese tabs, then the English ones, into the fake workbook", async () => {
    const { page, errors } = await openPane({ displayLanguage: "zh-CN", withFake: true });
    // Chunks (docs/reference/tabs.md "What the pane loads when"): the scripts the page loaded, from navigation on.
    const scripts = (): Promise<string[]> =>
      page.evaluate(() =>
        performance
          .getEntriesByType("resource")
          .map((e) => e.name)
          .filter((u) => /\.js$/.test(u)),
      );
    const chunk = async (name: string) => (await scripts()).filter((u) => u === `${base}/${name}.js`);

    // 1. 数据: detected table and mapping
    await waitText(page, "销售明细，表头在第 1 行");
    await shot(page, "1-data-zh", "pane-data-zh");
    // The manager rating comes from the 主管评分 sheet, and the pane says so.
    await waitText(page, "来自“主管评分”工作表");
    // The Share and What-if tabs are fetched once the data shows; the report builder and writer are not.
    await page.waitForFunction(() =>
      ["share", "whatif"].every((name) =>
        performance.getEntriesByType("resource").some((e) => e.name.endsWith(`/${name}.js`)),
      ),
    );
    expect([(await chunk("share")).length, (await chunk("whatif")).length, (await chunk("report")).length]).toEqual([
      1, 1, 0,
    ]);
    expect((await scripts()).filter((u) => !u.startsWith(OFFICE_CDN) && !u.startsWith(base))).toEqual([]);
    // 2. 方案: default plan and the latest period
    await page.getByRole("tab", { name: "方案" }).click();
    await waitText(page, "还没有考核方案工作表");
    await shot(page, "2-plan-zh");
    await page.getByRole("button", { name: "创建考核方案工作表" }).click();
    await waitText(page, "规则来自“考核方案”");
    expect(await chunk("report")).toHaveLength(1); // the writer arrived for the Plan sheet, once
    await shot(page, "2-plan-created-zh", "pane-plan-zh");
    expect(await sheetNames(page)).toEqual(["销售明细", "主管评分", "考核方案"]);
    // 3. 生成
    await page.getByRole("tab", { name: "生成" }).click();
    await waitText(page, "考核期：");
    await page.getByRole("button", { name: "生成", exact: true }).click();
    await waitText(page, "共评分", 120_000);
    await waitText(page, "详见“数据问题”工作表");
    await shot(page, "3-generate-zh", "pane-generate-zh");
    expect(await page.getByRole("button", { name: "生成", exact: true }).isEnabled()).toBe(true); // ready for a rerun
    // The Plan sheet the pane created holds the rules: it stays where it is and stands in for the Plan tab.
    expect(await sheetNames(page)).toEqual([
      "销售明细",
      "主管评分",
      "考核方案",
      ...ZH_TABS.filter((tab) => tab !== "考核方案"),
    ]);
    // 假设测算: the first rep's result, read from the rows the pane holds.
    await page.getByRole("tab", { name: "假设测算" }).click();
    await page.getByRole("combobox", { name: "销售员" }).click();
    await page.getByRole("option").first().click();
    await waitText(page, "测算结果");
    await shot(page, "6-whatif-zh");
    await page.getByRole("tab", { name: "生成" }).click();
    await page.getByRole("button", { name: "打开 排名" }).click();
    expect(
      await page.evaluate(
        () => (window as unknown as { __fake: { model: { activeSheet: string } } }).__fake.model.activeSheet,
      ),
    ).toBe("排名");

    // Switch to English and generate again: the add-in's tabs are replaced, the source and the Plan sheet kept.
    await page.getByRole("combobox", { name: "语言" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("tab", { name: "Data" }).click();
    await waitText(page, "销售明细, header in row 1");
    await shot(page, "1-data-en", "pane-data-en");
    await page.getByRole("tab", { name: "Plan" }).click();
    await shot(page, "2-plan-en", "pane-plan-en");
    await page.getByRole("tab", { name: "Generate" }).click();
    await waitText(page, "Scores ");
    await page.getByRole("button", { name: "Generate", exact: true }).click();
    await waitText(page, "reps scored for", 120_000);
    await waitText(page, "Details on the Data issues tab.");
    await shot(page, "3-generate-en", "pane-generate-en");
    await page.getByRole("tab", { name: "What-if" }).click();
    await page.getByRole("combobox", { name: "Rep" }).click();
    await page.getByRole("option").first().click();
    await waitText(page, "Result in");
    await shot(page, "6-whatif-en");
    // The rules still come from 考核方案, which is kept; the English Plan tab is written beside it.
    expect(await sheetNames(page)).toEqual(["销售明细", "主管评分", "考核方案", ...EN_TABS]);
    const stats = await page.evaluate(
      () => (window as unknown as { __fake: { stats: { maxRequestBytes: number } } }).__fake.stats,
    );
    expect(stats.maxRequestBytes).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  type PaneWindow = {
    __fake: {
      newSheet(name: string): { cells: ({ v: unknown; f: string | null; fmt: string | null } | undefined)[][] };
      cell(sheet: string, a1: string): { v: unknown; f: string | null };
    };
    Excel: { createWorkbook?: (base64: string) => Promise<void> };
    __opened?: string[];
  };

  /** The sheet names and the first sheet's text of an .xlsx (base64), to check what a file holds. */
  async function workbookOf(base64: string): Promise<{ sheets: string[]; firstSheetText: string }> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(base64, "base64") as unknown as ExcelJS.Buffer);
    const parts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((c) => parts.push(String(c.text))));
    return { sheets: wb.worksheets.map((w) => w.name), firstSheetText: parts.join("|") };
  }

  /** The download links the pane shows, and a link's file as base64 (fetched inside the page). */
  async function downloads(page: Page): Promise<{ name: string; href: string }[]> {
    return page
      .getByRole("link")
      .evaluateAll((as) =>
        as.map((a) => ({ name: a.getAttribute("download") ?? "", href: a.getAttribute("href") ?? "" })),
      );
  }
  async function fetchBase64(page: Page, href: string): Promise<string> {
    return page.evaluate(async (url) => {
      const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
      let binary = "";
      bytes.forEach((b) => (binary += String.fromCharCode(b)));
      return btoa(binary);
    }, href);
  }

  it("Share: the director's copy and the statements zip in Chinese, opened as workbooks in English; PERF formulas become values", async () => {
    const { page, errors } = await openPane({ displayLanguage: "zh-CN", withFake: true });
    const requested: string[] = [];
    page.on("request", (r) => requested.push(r.url()));
    await waitText(page, "销售明细，表头在第 1 行");
    // A sheet of the user's own with two PERF formulas and one ordinary formula (as Excel holds them).
    await page.evaluate(() => {
      const sheet = (window as unknown as PaneWindow).__fake.newSheet("奖金测算");
      sheet.cells[0] = [
        { v: 3700, f: "=PERF.BONUS(240,100,2500,{0,0;0.5,0;1,1;2,1.4;3,1.6})", fmt: "#,##0" },
        { v: 1.2, f: "=PERF.ATTAINMENT(120,100)", fmt: "0%" },
        { v: 3701, f: "=A1+1", fmt: null },
      ];
    });

    await page.getByRole("tab", { name: "分享" }).click();
    await waitText(page, "生成报表副本");
    await shot(page, "4-share-zh");

    // Send to director: the writer chunk loads only now; the fake has no Excel.createWorkbook, so it is a download.
    // (Only the tabs' own chunks, fetched once the data showed, came before.)
    const chunksBefore = requested.filter((u) => /\/(statements|report)\.js$/.test(u));
    expect(chunksBefore).toEqual([]);
    await page.getByRole("button", { name: "生成报表副本" }).click();
    await waitText(page, "的报表副本已生成", 180_000);
    expect(requested.some((u) => /statements/.test(u))).toBe(true);
    const [copyLink] = await downloads(page);
    expect(copyLink.name).toMatch(/^销售绩效报表 \d{4}-.+\.xlsx$/);
    const copy = await workbookOf(await fetchBase64(page, copyLink.href));
    // The report tabs and the Plan; neither the sales sheet nor the ratings sheet.
    expect(copy.sheets).toEqual(withoutPayHistory(ZH_TABS));

    // Statements: one zip of real workbooks, written in the browser, each holding the rep it is named after.
    await page.getByRole("button", { name: "生成个人报表" }).click();
    await waitText(page, "已打包成一个 zip 文件", 180_000);
    await shot(page, "5-share-done-zh", "pane-share-zh");
    const zipLink = (await downloads(page)).find((l) => l.name.endsWith(".zip"))!;
    expect(zipLink.name).toMatch(/^个人报表 .+\.zip$/);
    const zip = await JSZip.loadAsync(Buffer.from(await fetchBase64(page, zipLink.href), "base64"));
    const entries = Object.keys(zip.files);
    expect(entries.length).toBeGreaterThan(1);
    expect(entries.every((n) => n.endsWith(".xlsx"))).toBe(true);
    const firstStatement = await workbookOf(await zip.file(entries[0])!.async("base64"));
    expect(firstStatement.firstSheetText).toContain(entries[0].replace(/\.xlsx$/, ""));

    // Sending the whole workbook: its one step, folded away, replaces exactly the PERF formulas.
    await page.getByRole("button", { name: "要发送整个工作簿？" }).click();
    await page.getByRole("button", { name: "查找 PERF 公式" }).click();
    await page.getByRole("table", { name: "使用 PERF 公式的单元格" }).waitFor();
    await waitText(page, "2 个单元格使用了 PERF 函数。");
    await shot(page, "4-share-found-zh");
    await page.getByRole("button", { name: "替换为数值" }).click();
    await waitText(page, "2 个单元格的 PERF 公式已替换为数值。");
    const cells = await page.evaluate(() =>
      ["A1", "B1", "C1"].map((a) => (window as unknown as PaneWindow).__fake.cell("奖金测算", a)),
    );
    expect(cells.map((c) => [c.v, c.f])).toEqual([
      [3700, null],
      [1.2, null],
      [3701, "=A1+1"],
    ]);
    await shot(page, "4-share-replaced-zh");

    // English, and a host with Excel.createWorkbook (ExcelApi 1.8): the copy opens as a new workbook.
    await page.evaluate(() => {
      const w = window as unknown as PaneWindow;
      w.__opened = [];
      w.Excel.createWorkbook = async (b64: string) => void w.__opened!.push(b64);
    });
    await page.getByRole("combobox", { name: "语言" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("button", { name: "Find PERF formulas" }).click();
    await waitText(page, "No cell uses a PERF function");
    // Folded again, so the screenshot shows the two goals.
    await page.getByRole("button", { name: "Sending this whole workbook instead?" }).click();
    await page.getByRole("button", { name: "Make report copy" }).click();
    await waitText(page, "opened as a new workbook", 180_000);
    const openedCopy = await page.evaluate(() => (window as unknown as PaneWindow).__opened!);
    expect(openedCopy).toHaveLength(1);
    expect((await workbookOf(openedCopy[0])).sheets).toEqual(withoutPayHistory(EN_TABS));
    await page.getByRole("button", { name: "Create statements" }).click();
    await waitText(page, ", in one zip file:", 180_000);
    await shot(page, "5-share-done-en", "pane-share-en");
    // On request, each statement opens as a new workbook instead.
    await page.getByRole("button", { name: "Open each in Excel" }).click();
    await waitText(page, "opened as new workbooks", 180_000);
    const opened = await page.evaluate(() => (window as unknown as PaneWindow).__opened!.slice(1));
    expect(opened).toHaveLength(entries.length);
    expect(opened.every((b64) => b64.startsWith("UEsDB"))).toBe(true); // "PK\x03\x04"
    expect(errors).toEqual([]);
    await page.context().close();
  });

  /** The What-if table's column of one row label (header row excluded): [label, now, what-if]. */
  async function resultRow(page: Page, label: string): Promise<string[]> {
    return page.evaluate((l) => {
      const rows = [...document.querySelectorAll("table tr")];
      const row = rows.find((r) => r.firstElementChild?.textContent === l);
      return row ? [...row.children].map((c) => c.textContent ?? "") : [];
    }, label);
  }

  it("What-if: a deal typed for the last rep moves score, rank, status and bonus as the engine in Node does; nothing is written", async () => {
    // The same numbers computed here, in Node, from the same workbook.
    const ingested = ingest(await readXlsx(path.join(SAMPLES, "sales-zh.xlsx"))) as IngestResult;
    const base = whatIfBaseline(ingested, defaultPlan("zh"));
    const last = base.scored.reps[base.scored.reps.length - 1];
    const deal = { amount: 120000, dateSerial: base.scored.range.endSerial, newCustomer: true, customer: null };
    const expected = whatIf(base, last.rep, { deals: [deal] })!.after;
    const money = moneyStyle(ingested.currencyGuess, 2);

    const { page, errors } = await openPane({ displayLanguage: "zh-CN", withFake: true });
    await waitText(page, "销售明细，表头在第 1 行");
    const before = await sheetNames(page);
    await page.getByRole("tab", { name: "假设测算" }).click();
    // Keyboard only: open the rep list, go to the last (lowest-ranked) rep, choose it.
    await page.getByRole("combobox", { name: "销售员" }).focus();
    await page.keyboard.press("Enter");
    await page.keyboard.press("End");
    await page.keyboard.press("Enter");
    await waitText(page, "距下一个奖金节点");
    expect(await resultRow(page, "综合得分")).toEqual(["综合得分", pctText(last.score), pctText(last.score)]);

    await page.getByRole("textbox", { name: "金额" }).fill("120,000");
    await page.getByRole("checkbox", { name: "新客户" }).check();
    await page.getByRole("textbox", { name: "金额" }).press("Enter");
    await waitText(page, "新客户", 10_000);
    expect(await resultRow(page, "综合得分")).toEqual(["综合得分", pctText(last.score), pctText(expected.score)]);
    expect((await resultRow(page, "排名"))[2]).toBe(`第 ${expected.rank} 名（共 ${base.scored.reps.length} 人）`);
    expect((await resultRow(page, "状态"))[2]).toBe(statusText("zh", expected.status) || "—");
    expect((await resultRow(page, "奖金"))[2]).toBe(moneyText(expected.payout, money));
    // The pane fits 320 px: nothing wider than the window.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    // The README's What-if screenshot: a rep with a deal typed, not just the tab opened.
    await shot(page, "7-whatif-deal-zh", "pane-whatif-zh");

    await page.getByRole("combobox", { name: "语言" }).click();
    await page.getByRole("option", { name: "English" }).click();
    await waitText(page, "To the next payout point");
    expect((await resultRow(page, "Bonus"))[2]).toBe(moneyText(expected.payout, money));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await shot(page, "7-whatif-deal-en", "pane-whatif-en");

    expect(await sheetNames(page)).toEqual(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
