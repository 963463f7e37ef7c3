// The production build: dist/ holds the pane, both functions metadata files
// and the manifest with every localhost URL rewritten; every @customfunction in
// src/functions is in functions.json and functions.zh-cn.json with a valid zh-CN name.
import { execSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

const { isValidFunctionName, deriveLocalizedMetadata } = require("../../build/functionsLocale.js");

const { checkManifestXml } = require("../../build/checkManifest.js");

const root = path.resolve(__dirname, "../..");
const dist = path.join(root, "dist");

interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  parameters: { name: string; description?: string }[];
}

function declaredFunctionIds(): string[] {
  const dir = path.join(root, "src/functions");
  const ids: string[] = [];
  for (const f of fs.readdirSync(dir).filter((n) => /\.tsx?$/.test(n))) {
    const src = fs.readFileSync(path.join(dir, f), "utf8");
    for (const m of src.matchAll(/@customfunction(?:\s+([A-Z][A-Z0-9._]*))?/g)) ids.push(m[1]);
  }
  return ids;
}

beforeAll(() => {
  // CI runs `npm run build` before the tests; build here when run alone.
  const built = path.join(dist, "functions.zh-cn.json");
  const stale =
    !fs.existsSync(built) ||
    ["src/functions/functions.ts", "src/functions/zh-cn.json", "manifest.xml", "webpack.config.js"].some(
      (f) => fs.statSync(path.join(root, f)).mtimeMs > fs.statSync(built).mtimeMs,
    );
  if (stale) {
    execSync("npx webpack --mode production", { cwd: root, stdio: "pipe" });
  }
}, 300000);

describe("production build", () => {
  it("writes the pane, both metadata files and the manifest", () => {
    for (const f of [
      "taskpane.html",
      "taskpane.js",
      "functions.js",
      "functions.json",
      "functions.zh-cn.json",
      "manifest.xml",
    ]) {
      expect(fs.existsSync(path.join(dist, f))).toBe(true);
    }
  });

  it("keeps the report builder, the writers and the Share and What-if tabs out of taskpane.js (tabs.md, What the pane loads when)", () => {
    for (const f of ["report.js", "share.js", "whatif.js", "statements.js"]) {
      expect([f, fs.existsSync(path.join(dist, f))]).toEqual([f, true]);
    }
    const scripts = fs.readdirSync(dist).filter((f) => f.endsWith(".js"));
    const holding = (marker: string) =>
      scripts.filter((f) => fs.readFileSync(path.join(dist, f), "utf8").includes(marker));
    // paneReport.ts's own message, and the workbook setting only the tab writer (renderReport.ts) names.
    expect(holding("buildPaneReport needs a cleaned table")).toEqual(["report.js"]);
    expect(holding("salesperf.names")).toEqual(["report.js"]);
    // Fluent parts only the Share and What-if tabs use: in their chunks (or the parts those share), not the pane's.
    for (const marker of ["fui-Accordion", "fui-Checkbox", "fui-Table"]) {
      const files = holding(marker);
      expect([marker, files.length > 0, files.includes("taskpane.js")]).toEqual([marker, true, false]);
    }
  });

  it("loads office.js from Microsoft's CDN and does not bundle it", () => {
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
    expect(html).toMatch(/https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js/);
    expect(html).toMatch(/taskpane\.js/);
    expect(html).toMatch(/functions\.js/);
  });

  it("points the functions' help links at the production docs pages", () => {
    for (const file of ["functions.json", "functions.zh-cn.json"]) {
      const text = fs.readFileSync(path.join(dist, file), "utf8");
      expect(text).not.toMatch(/localhost/);
      const urls = [...text.matchAll(/"helpUrl":\s*"([^"]+)"/g)].map((m) => m[1]);
      expect(urls.length).toBeGreaterThanOrEqual(10);
      for (const url of urls) {
        const page = url.replace(/^https:\/\/[^/]+\//, "");
        expect(fs.existsSync(path.join(dist, page))).toBe(true);
      }
    }
  });

  it("rewrites every localhost URL in the production manifest, which stays valid", () => {
    const xml = fs.readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(xml).not.toMatch(/localhost/);
    expect(checkManifestXml(xml)).toEqual([]);
  });

  it("lists every @customfunction in both languages with the same ids", () => {
    const ids = declaredFunctionIds();
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect(ids.every((id) => typeof id === "string")).toBe(true);
    const en: FunctionMeta[] = JSON.parse(fs.readFileSync(path.join(dist, "functions.json"), "utf8")).functions;
    const zh: FunctionMeta[] = JSON.parse(fs.readFileSync(path.join(dist, "functions.zh-cn.json"), "utf8")).functions;
    expect(en.map((f) => f.id).sort()).toEqual([...ids].sort());
    expect(zh.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const f of zh) {
      const original = en.find((e) => e.id === f.id)!;
      expect(f.parameters.map((p) => p.name)).toEqual(original.parameters.map((p) => p.name));
      expect(isValidFunctionName(f.name)).toBe(true);
      expect(f.name).not.toEqual(original.name);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("does not bundle HyperFormula, the GPL-3.0 engine the tests use (docs/reference/verification.md)", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    expect(pkg.dependencies.hyperformula).toBeUndefined();
    expect(pkg.devDependencies.hyperformula).toBeDefined();
    // Its licence key and its name are in its own minified build, so neither being in dist/ means it is not there.
    const own = fs.readFileSync(path.join(root, "node_modules/hyperformula/dist/hyperformula.min.js"), "utf8");
    const markers = [/gpl-v3/, /hyperformula/i];
    for (const m of markers) expect(own).toMatch(m);
    const bundled = fs.readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".js"));
    expect(bundled.length).toBeGreaterThanOrEqual(2);
    for (const f of bundled) {
      const code = fs.readFileSync(path.join(dist, f), "utf8");
      for (const m of markers) expect({ file: f, bundles: m.test(code) }).toEqual({ file: f, bundles: false });
    }
  });

  it.each([
    ["销售排名", true],
    ["达成率", true],
    ["排名", false],
    ["1ST", false],
    ["AB", false],
    ["ATTAINMENT", true],
  ])("function name %s valid: %s", (name, ok) => {
    expect(isValidFunctionName(name)).toBe(ok);
  });

  it("fails the zh-CN derivation on a missing translation or a too-short name", () => {
    const meta = { functions: [{ id: "RANK", name: "RANK", description: "r", parameters: [{ name: "value" }] }] };
    expect(deriveLocalizedMetadata(meta, {}).problems.join()).toMatch(/RANK: no zh-CN translation/);
    const bad = deriveLocalizedMetadata(meta, {
      RANK: { name: "排名", description: "排", parameters: { value: "值" } },
    });
    expect(bad.problems.join()).toMatch(/must start with a letter and have at least 3 characters/);
  });
});
