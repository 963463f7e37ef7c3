/**
 * Smoke test of the production site (docs/en/deploy.md): the production dist/ — as `npm run build` leaves it,
 * built here when missing or older than the sources — served by a local static server, the task pane (English and
 * Chinese) and the help pages opened in headless Chromium. Requests to the site's address go to the local server,
 * office.js comes from node_modules/@microsoft/office-js; every other request is refused and counts as a failure.
 * Passes only with no failed request, no HTTP error and no console error. Every URL of the production manifest
 * is fetched too and must answer 200 with the right content type. Skipped without Chromium (test/engines.ts).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as http from "http";
import type { AddressInfo } from "net";
import * as path from "path";
import type { Browser } from "playwright-core";
import { describeWithEngine } from "../engines";
import { CONTENT_TYPES, launchChromium, OFFICE_CDN, officeFile, serveDir } from "./browser";

const { siteUrlOf } = require("../../build/package.js");

const ROOT = path.resolve(__dirname, "../..");
const DIST = path.join(ROOT, "dist");

/** dist/ is stale when any source file is newer than its manifest (the last file the build writes). */
function distIsCurrent(): boolean {
  const built = path.join(DIST, "manifest.xml");
  if (!fs.existsSync(built) || /localhost/.test(fs.readFileSync(built, "utf8"))) return false;
  const stamp = fs.statSync(built).mtimeMs;
  const newer = (dir: string): boolean =>
    fs.readdirSync(dir, { withFileTypes: true }).some((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? newer(p) : fs.statSync(p).mtimeMs > stamp;
    });
  return (
    !["src", "docs", "assets"].some((d) => newer(path.join(ROOT, d))) &&
    !["manifest.xml", "webpack.config.js", "package.json"].some((f) => fs.statSync(path.join(ROOT, f)).mtimeMs > stamp)
  );
}

describeWithEngine("chromium", "the production site in headless Chromium", (chromiumBinary) => {
  let browser: Browser;
  let server: http.Server;
  let local: string;
  let site: string;
  let manifest: string;

  beforeAll(async () => {
    if (!distIsCurrent()) {
      execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: ROOT,
        stdio: "pipe",
      });
    }
    manifest = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    site = siteUrlOf(manifest);
    server = await serveDir(DIST);
    local = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchChromium(chromiumBinary);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((r) => server?.close(r));
  });

  /** Opens url as it would be opened from the hosted site; returns every problem seen while it loads. */
  async function open(url: string, locale: string, shown: { text: string } | { selector: string }): Promise<string[]> {
    const context = await browser.newContext({ viewport: { width: 320, height: 900 }, locale });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("pageerror", (e) => problems.push(`page error: ${String(e)}`));
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console error: ${m.text()}`);
    });
    page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`));
    page.on("response", (r) => {
      if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    await context.route("**/*", async (route) => {
      const u = route.request().url();
      if (u.startsWith(site + "/")) {
        const response = await route.fetch({ url: local + "/" + u.slice(site.length + 1) });
        return route.fulfill({ response });
      }
      if (u.startsWith(OFFICE_CDN)) {
        const file = officeFile(u);
        if (!file) return route.fulfill({ status: 404, body: "" });
        return route.fulfill({ status: 200, contentType: "text/javascript", body: fs.readFileSync(file) });
      }
      problems.push(`request outside the site: ${u}`);
      return route.abort();
    });
    await page.goto(url);
    const target = "text" in shown ? page.getByText(shown.text, { exact: false }) : page.locator(shown.selector);
    await target.first().waitFor({ timeout: 60_000 });
    await page.waitForLoadState("networkidle");
    await context.close();
    return problems;
  }

  it("serves every URL of the production manifest with the right content type", async () => {
    const urls = [...manifest.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThanOrEqual(10);
    for (const url of urls) {
      expect(url.startsWith(site + "/")).toBe(true);
      const res = await fetch(local + "/" + url.slice(site.length + 1));
      expect([url, res.status]).toEqual([url, 200]);
      const ext = path.extname(new URL(url).pathname);
      expect([url, res.headers.get("content-type")]).toEqual([url, CONTENT_TYPES[ext]]);
    }
  });

  it.each([
    ["en-US", "Open this pane from Excel's Home tab"],
    ["zh-CN", "Excel"],
  ])(
    "loads the task pane and its functions script (%s) with no failed request or console error",
    async (locale, text) => {
      expect(await open(`${site}/taskpane.html`, locale, { text })).toEqual([]);
    },
  );

  it("loads the help pages the manifest and functions.json link to", async () => {
    const functions = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")).functions as {
      helpUrl: string;
    }[];
    const pages = new Set([`${site}/docs/en/index.html`, `${site}/docs/zh/index.html`, functions[0].helpUrl]);
    for (const url of pages) expect([url, await open(url, "en-US", { selector: "h1" })]).toEqual([url, []]);
  });
});
