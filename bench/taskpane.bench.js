// Task pane bench (docs/reference/tabs.md): the production taskpane.js gzipped (KB, goal ≤ 250) and
// the time from navigation to the first rendered Data step in headless Chromium with the Excel
// fake holding sales-en.xlsx (ms, goal ≤ 1000). Builds into bench/out/taskpane-dist.
const { execFileSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");
const zlib = require("zlib");
const { findChromium } = require("../scripts/engines.js");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(__dirname, "out", "taskpane-dist");
const OFFICE_DIST = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";

function build() {
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production", "--output-path", DIST], {
    cwd: ROOT,
    stdio: "pipe",
  });
}

/** The Excel fake as a browser script (it has no imports, so a CommonJS shim is enough). */
function fakeScript() {
  const ts = require("typescript");
  const source = fs.readFileSync(path.join(ROOT, "test", "fakes", "excelFake.ts"), "utf8");
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } });
  return `(function(){var exports={};var module={exports:exports};\n${js.outputText}\nwindow.SalesPerfFake=exports;})();`;
}

/** Same shim as test/e2e: Office.onReady reports Excel, Office.context stays the fake's. */
const OFFICE_SHIM = `
;(function () {
  var fake = new window.SalesPerfFake.FakeExcel(window.__seed);
  window.Excel = fake;
  var info = { host: "Excel", platform: "OfficeOnline" };
  Office.HostType = Office.HostType || { Excel: "Excel" };
  Office.onReady = function (cb) { if (cb) cb(info); return Promise.resolve(info); };
  var ctx = { displayLanguage: "en-US",
    requirements: { isSetSupported: function (name, v) { return name === "ExcelApi" && Number(String(v || "1.1").split(".")[1]) <= 12; } } };
  Object.defineProperty(Office, "context", { configurable: false, get: function () { return ctx; }, set: function () {} });
})();`;

/** sales-en.xlsx as seed sheets (values as Office.js returns them: dates as serials, errors as text). */
async function seed() {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(require("path").join(__dirname, "../samples/sales-en.xlsx"));
  const epoch = Date.UTC(1899, 11, 30);
  const conv = (v) => {
    if (v === null || v === undefined) return null;
    if (v instanceof Date) return (v.getTime() - epoch) / 86400000;
    if (typeof v === "object") {
      if ("error" in v) return String(v.error);
      if ("richText" in v) return v.richText.map((r) => r.text).join("");
      if ("result" in v) return conv(v.result);
      if ("text" in v) return String(v.text);
    }
    return v;
  };
  return wb.worksheets.map((ws) => {
    const rows = ws.rowCount;
    const cols = ws.columnCount;
    const values = [];
    const numberFormats = [];
    for (let r = 1; r <= rows; r++) {
      const row = ws.getRow(r);
      const vr = [];
      const fr = [];
      for (let c = 1; c <= cols; c++) {
        const cell = row.getCell(c);
        vr.push(conv(cell.value));
        fr.push(cell.numFmt || null);
      }
      values.push(vr);
      numberFormats.push(fr);
    }
    return { name: ws.name, values, numberFormats };
  });
}

function serve(dir) {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return res.writeHead(404).end();
    res.writeHead(200, { "content-type": file.endsWith(".html") ? "text/html" : "text/javascript" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function firstRenderMs(seedSheets, chromiumBinary) {
  const { chromium } = require("playwright-core");
  const server = await serve(DIST);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: chromiumBinary,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const times = [];
    for (let i = 0; i < 3; i++) {
      const context = await browser.newContext({ viewport: { width: 320, height: 900 } });
      await context.route("**/*", (route) => {
        const url = route.request().url();
        if (url.startsWith(base)) return route.continue();
        if (url.startsWith(CDN)) {
          const name = url.slice(CDN.length).split("?")[0];
          const file = path.join(OFFICE_DIST, name);
          if (!file.startsWith(OFFICE_DIST) || !fs.existsSync(file)) return route.fulfill({ status: 404, body: "" });
          let body = fs.readFileSync(file, "utf8");
          if (name === "office.js") body += OFFICE_SHIM;
          return route.fulfill({ status: 200, contentType: "text/javascript", body });
        }
        return route.abort();
      });
      const page = await context.newPage();
      await page.addInitScript(`window.__seed = ${JSON.stringify(seedSheets)};\n${fakeScript()}`);
      await page.goto(`${base}/taskpane.html`);
      await page.getByText("header in row").first().waitFor({ timeout: 60000 });
      // performance.now() counts from navigation start: page load, office.js, bundle, read + clean, first paint of Data.
      times.push(await page.evaluate(() => performance.now()));
      await context.close();
    }
    times.sort((a, b) => a - b);
    return times[1];
  } finally {
    await browser.close();
    server.close();
  }
}

async function run(report) {
  build();
  const bundle = fs.readFileSync(path.join(DIST, "taskpane.js"));
  report("taskpane_bundle_gzip_kb", zlib.gzipSync(bundle, { level: 9 }).length / 1024);
  const chromiumBinary = findChromium();
  report(
    "taskpane_first_render_ms",
    chromiumBinary ? await firstRenderMs(await seed(), chromiumBinary) : "skipped (Chromium not found)",
  );
}

module.exports = { run };

if (require.main === module) {
  run((name, value) => process.stdout.write(`${name}: ${typeof value === "number" ? Number(value.toPrecision(4)) : value}\n`)).catch(
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
      process.exit(1);
    },
  );
}
