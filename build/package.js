// `npm run package`: the production dist/ (built just before by `npm run build`) as one zip for IT —
// site/ to host at SALESPERF_URL, manifest.xml to upload in the Microsoft 365 admin center, and a
// README in English and Chinese. Refuses a build that points at the example address or fails the
// offline manifest check, so what IT receives is complete.
const fs = require("fs");
const path = require("path");
const JSZip = require("jszip");
const { checkManifestXml } = require("./checkManifest");
const { EXAMPLE_URL } = require("../webpack.config");

const root = path.resolve(__dirname, "..");

/** Files under dir, relative, in a stable order (the same dist/ gives the same zip). */
function filesUnder(dir, prefix = "") {
  const out = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...filesUnder(path.join(dir, entry.name), rel));
    else if (entry.isFile()) out.push(rel);
  }
  return out;
}

/** The site's address as the production manifest names it (the task pane's source location, less the file). */
function siteUrlOf(manifestXml) {
  const m = manifestXml.match(/<SourceLocation DefaultValue="([^"]+)\/taskpane\.html"\/>/);
  return m ? m[1] : null;
}

function readme(url, version) {
  return `SalesPerf ${version} — for IT / 供 IT 部署

site/          Host these files at ${url}/ (HTTPS, a certificate Office trusts).
manifest.xml   Upload in the Microsoft 365 admin center: Settings → Integrated apps → Upload custom apps → Office Add-in.

Every release: host the new site/ first, then update the add-in with the new manifest.xml (its Version changed).
Full guide: ${url}/docs/en/deploy.html

site/          将这些文件放到 ${url}/（HTTPS，证书须受 Office 信任）。
manifest.xml   在 Microsoft 365 管理中心上传：设置 → 集成应用 → 上传自定义应用 → Office 加载项。

每次发布：先替换 site/ 中的文件，再用新的 manifest.xml（版本号已更新）更新加载项。
部署说明：${url}/docs/zh/deploy.html
`;
}

/** Builds the zip from distDir; returns its path, or throws an Error whose message is for the user. */
async function packageSite(distDir = path.join(root, "dist"), outDir = path.join(root, "release")) {
  const manifestFile = path.join(distDir, "manifest.xml");
  if (!fs.existsSync(manifestFile)) throw new Error(`${distDir} has no manifest.xml: run \`npm run build\` first.`);
  const xml = fs.readFileSync(manifestFile, "utf8");
  const url = siteUrlOf(xml);
  if (!url || /localhost/.test(xml)) throw new Error("dist/ is a development build: run `npm run build` (production).");
  if (url === EXAMPLE_URL)
    throw new Error(`dist/ was built for ${EXAMPLE_URL}. Build for your address: SALESPERF_URL=https://… npm run package`);
  const problems = checkManifestXml(xml, { assetsDir: path.join(distDir, "assets"), site: { url, dir: distDir } });
  if (problems.length) throw new Error(`the built manifest is not ready:\n  ${problems.join("\n  ")}`);
  const version = xml.match(/<Version>([^<]+)<\/Version>/)[1];

  const zip = new JSZip();
  const folder = `salesperf-${version}`;
  const fixedDate = new Date("2026-01-01T00:00:00Z"); // same dist/ → same bytes
  for (const rel of filesUnder(distDir)) {
    if (rel === "manifest.xml") continue;
    zip.file(`${folder}/site/${rel}`, fs.readFileSync(path.join(distDir, rel)), { date: fixedDate, createFolders: false });
  }
  zip.file(`${folder}/manifest.xml`, xml, { date: fixedDate, createFolders: false });
  zip.file(`${folder}/README.txt`, readme(url, version), { date: fixedDate, createFolders: false });
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${folder}.zip`);
  const tmp = `${out}.tmp`;
  fs.writeFileSync(tmp, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  fs.renameSync(tmp, out);
  return out;
}

module.exports = { packageSite, siteUrlOf };

if (require.main === module) {
  packageSite().then(
    (out) => process.stdout.write(`${path.relative(process.cwd(), out)}\n`),
    (e) => {
      process.stderr.write(`salesperf package: ${e.message}\n`);
      process.exit(2);
    },
  );
}
