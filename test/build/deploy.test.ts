/**
 * What IT receives (docs/en/deploy.md): `SALESPERF_URL=… npm run build` for a sample address in a folder, then
 * `npm run package`. Every URL of the production manifest is under that address and names a file of the site, the
 * manifest passes the offline review checks, its Version follows package.json, and the zip holds the whole site
 * plus the manifest. Wrong addresses and incomplete builds are refused with one line each.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import JSZip from "jszip";

const { checkManifestXml } = require("../../build/checkManifest.js");
const { packageSite } = require("../../build/package.js");
const { EXAMPLE_URL, manifestVersion } = require("../../webpack.config.js");

const ROOT = path.resolve(__dirname, "../..");
const SITE = "https://intranet.contoso.test/tools/salesperf";
const OUT = path.join(ROOT, "test-results", "deploy");
const DIST = path.join(OUT, "dist");
const WEBPACK = require.resolve("webpack-cli/bin/cli.js");

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? filesUnder(p).map((f) => `${e.name}/${f}`) : [e.name];
  });
}

beforeAll(() => {
  fs.rmSync(OUT, { recursive: true, force: true });
  execFileSync(process.execPath, [WEBPACK, "--mode", "production", "--output-path", DIST], {
    cwd: ROOT,
    env: { ...process.env, SALESPERF_URL: SITE + "/" },
    stdio: "pipe",
  });
}, 600_000);

describe("a production build for a company's address", () => {
  const manifest = (): string => fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");

  it("names only files of the site, all under that address, and passes the review checks", () => {
    const xml = manifest();
    expect(xml).not.toMatch(/localhost/);
    expect(checkManifestXml(xml, { assetsDir: path.join(DIST, "assets"), site: { url: SITE, dir: DIST } })).toEqual([]);
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(https:[^"]+)"/g)].map((m) => m[1]);
    // pane, functions script, both metadata files, three ribbon icons, icon, high-res icon, support and help pages
    expect(urls.length).toBeGreaterThanOrEqual(12);
    for (const url of urls) {
      expect(url.startsWith(SITE + "/")).toBe(true);
      expect([url, fs.existsSync(path.join(DIST, url.slice(SITE.length + 1)))]).toEqual([url, true]);
    }
    expect(xml).toContain("<AppDomain>https://intranet.contoso.test</AppDomain>");
  });

  it("carries package.json's version as the manifest Version", () => {
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(manifestVersion()).toBe(`${version}.0`);
    expect(manifest()).toContain(`<Version>${version}.0</Version>`);
  });

  it("points help links and docs pages at the same address", () => {
    for (const file of ["functions.json", "functions.zh-cn.json"]) {
      const urls = [...fs.readFileSync(path.join(DIST, file), "utf8").matchAll(/"helpUrl":\s*"([^"]+)"/g)].map(
        (m) => m[1],
      );
      expect(urls.length).toBeGreaterThanOrEqual(10);
      for (const url of urls) expect(fs.existsSync(path.join(DIST, url.slice(SITE.length + 1)))).toBe(true);
    }
    for (const page of filesUnder(path.join(DIST, "docs")).filter((f) => f.endsWith(".html"))) {
      expect([page, /localhost/.test(fs.readFileSync(path.join(DIST, "docs", page), "utf8"))]).toEqual([page, false]);
    }
    expect(fs.existsSync(path.join(DIST, "docs/en/deploy.html"))).toBe(true);
    expect(fs.existsSync(path.join(DIST, "docs/zh/deploy.html"))).toBe(true);
  });

  it("packages the whole site and the manifest into one zip", async () => {
    const zipFile = await packageSite(DIST, path.join(OUT, "release"));
    const { version } = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));
    expect(path.basename(zipFile)).toBe(`salesperf-${version}.0.zip`);
    const zip = await JSZip.loadAsync(fs.readFileSync(zipFile));
    const folder = `salesperf-${version}.0/`;
    const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
    const site = filesUnder(DIST).filter((f) => f !== "manifest.xml");
    expect(names.sort()).toEqual(
      [`${folder}manifest.xml`, `${folder}README.txt`, ...site.map((f) => `${folder}site/${f}`)].sort(),
    );
    expect(await zip.file(`${folder}manifest.xml`)!.async("string")).toBe(manifest());
    const readme = await zip.file(`${folder}README.txt`)!.async("string");
    expect(readme).toContain(`${SITE}/`);
    expect(readme).toContain("管理中心");
    for (const f of site) {
      const inZip = await zip.file(`${folder}site/${f}`)!.async("nodebuffer");
      expect([f, inZip.equals(fs.readFileSync(path.join(DIST, f)))]).toEqual([f, true]);
    }
    // The same site gives the same bytes (IT can compare two packages).
    const again = await packageSite(DIST, path.join(OUT, "release2"));
    expect(fs.readFileSync(again).equals(fs.readFileSync(zipFile))).toBe(true);
  });
});

describe("refusals", () => {
  const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-deploy-"));

  it.each([
    ["http://intranet.contoso.test", /must start with https:\/\//],
    ["intranet.contoso.test", /is not a web address/],
    ["https://intranet.contoso.test/?v=2", /without \?query/],
  ])("the build refuses SALESPERF_URL=%s in one line", (url, message) => {
    const run = spawnSync(process.execPath, [WEBPACK, "--mode", "production", "--output-path", tmp()], {
      cwd: ROOT,
      env: { ...process.env, SALESPERF_URL: url },
      encoding: "utf8",
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it("package refuses a folder with no build, the example address and a manifest that fails its checks", async () => {
    const empty = tmp();
    await expect(packageSite(empty, tmp())).rejects.toThrow(/no manifest.xml: run `npm run build` first/);

    const example = tmp();
    fs.cpSync(DIST, example, { recursive: true });
    const xml = fs.readFileSync(path.join(DIST, "manifest.xml"), "utf8");
    fs.writeFileSync(path.join(example, "manifest.xml"), xml.split(SITE).join(EXAMPLE_URL));
    await expect(packageSite(example, tmp())).rejects.toThrow(/built for https:\/\/salesperf.example.com/);

    const missing = tmp();
    fs.cpSync(DIST, missing, { recursive: true });
    fs.rmSync(path.join(missing, "functions.zh-cn.json"));
    await expect(packageSite(missing, tmp())).rejects.toThrow(
      /names functions.zh-cn.json, which is not in the built site/,
    );
  });
});
