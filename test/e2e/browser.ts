/** What the browser suites share: a static file server on loopback, headless Chromium, office.js from node_modules. */
import * as fs from "fs";
import * as http from "http";
import * as path from "path";
import { chromium, type Browser } from "playwright-core";

/** Microsoft's CDN address of office.js, which taskpane.html loads; tests answer it from OFFICE_DIST. */
export const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/";
export const OFFICE_DIST = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");

/** The content types a static host must send for the add-in's files (docs/en/deploy.md). */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves dir's files on 127.0.0.1 (a free port); anything outside dir or missing is 404. */
export function serveDir(dir: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const file = path.join(dir, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    if (!file.startsWith(dir) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** The office.js file a CDN URL names, or null when the package has no such file. */
export function officeFile(url: string): string | null {
  const file = path.join(OFFICE_DIST, url.slice(OFFICE_CDN.length).split("?")[0]);
  return file.startsWith(OFFICE_DIST) && fs.existsSync(file) ? file : null;
}

/** Headless Chromium with no outside traffic of its own (updates, sync, first-run pages). */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}
