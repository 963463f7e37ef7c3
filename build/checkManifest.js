// Offline manifest check (the online `npm run validate` needs Microsoft's service).
// Proves what most often breaks an add-in manifest: XML that does not parse, a resid
// with no resource, a shared runtime whose ids disagree (the pane and the functions
// would then run apart), a missing namespace or zh-CN override.
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

/** The ExcelApi version the pane checks at run time (src/render/office/requirements.ts): the manifest must declare it. */
const REQUIRED_EXCEL_API = fs
  .readFileSync(path.join(__dirname, "../src/render/office/requirements.ts"), "utf8")
  .match(/REQUIRED_EXCEL_API = "([\d.]+)"/)[1];

function elements(doc, localName) {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

/** Width and height of a PNG file (its IHDR chunk), or null when the file is not a PNG. */
function pngSize(file) {
  const head = Buffer.alloc(24);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 24, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.readUInt32BE(0) !== 0x89504e47 || head.toString("ascii", 12, 16) !== "IHDR") return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Every URL the manifest names (DefaultValue and Override Value attributes, AppDomain), with where it stands. */
function manifestUrls(doc) {
  const urls = [];
  for (const el of elements(doc, "*")) {
    for (const attr of ["DefaultValue", "Value"]) {
      const v = el.getAttribute && el.getAttribute(attr);
      if (v && /^[a-z]+:\/\//i.test(v)) urls.push({ url: v, where: `<${el.localName}${el.getAttribute("id") ? ` id="${el.getAttribute("id")}"` : ""}>` });
    }
  }
  return urls;
}

/**
 * Pixel sizes each icon element may have (Microsoft's store rules: a 32 px icon, a 64 or 128 px high-resolution icon,
 * ribbon images at the size of every <bt:Image size="…" resid="…"> that uses them).
 */
function expectedIconSizes(doc, el) {
  if (el.localName === "IconUrl") return [32];
  if (el.localName === "HighResolutionIconUrl") return [64, 128];
  const id = el.getAttribute("id");
  const uses = elements(doc, "Image").filter((u) => id && u.getAttribute("resid") === id && u.getAttribute("size"));
  return [...new Set(uses.map((u) => Number(u.getAttribute("size"))))];
}

/**
 * @param {string} xml the manifest
 * @param {{ assetsDir?: string, site?: { url: string, dir: string } }} options assetsDir: check the icons' pixel sizes
 *   in that folder; site: a production manifest, every URL of which must be under site.url and name a file in site.dir.
 * @returns {string[]} problems, each naming the element or resid at fault; [] = valid
 */
function checkManifestXml(xml, { assetsDir, site } = {}) {
  const problems = [];
  let doc;
  try {
    doc = new DOMParser({
      onError: (level, msg) => {
        if (level !== "warning") throw new Error(msg);
      },
    }).parseFromString(xml, "text/xml");
  } catch (e) {
    return [`manifest is not well-formed XML: ${String(e.message || e).split("\n")[0]}`];
  }
  const root = doc.documentElement;
  if (!root || root.localName !== "OfficeApp") return ["root element must be OfficeApp"];

  // Resources by id.
  const resources = new Map();
  for (const kind of ["Image", "Url", "String"]) {
    for (const el of elements(doc, kind)) {
      const id = el.getAttribute("id");
      if (id) {
        if (resources.has(id)) problems.push(`resource id "${id}" is defined twice`);
        resources.set(id, el);
      }
    }
  }
  for (const el of elements(doc, "*")) {
    const resid = el.getAttribute && el.getAttribute("resid");
    if (resid && !resources.has(resid)) problems.push(`resid "${resid}" (on <${el.localName}>) has no resource`);
    if (resid && resid.length > 32) problems.push(`resid "${resid}" is longer than 32 characters`);
  }

  const text = (name) => {
    const el = elements(doc, name)[0];
    return el ? el.textContent.trim() : null;
  };
  if (text("Permissions") !== "ReadWriteDocument") problems.push("Permissions must be ReadWriteDocument");
  const hosts = elements(doc, "Host").map((h) => h.getAttribute("Name") || h.getAttribute("xsi:type"));
  if (!hosts.includes("Workbook")) problems.push("Host Workbook (Excel) is missing");

  const sets = new Map(elements(doc, "Set").map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
  if (sets.get("SharedRuntime") !== "1.1") problems.push("requirement set SharedRuntime 1.1 is missing");
  if (sets.get("CustomFunctionsRuntime") !== "1.3") problems.push("requirement set CustomFunctionsRuntime 1.3 is missing");

  // Shared runtime: the one long-lived runtime must be the page of the functions, the
  // function file and the task pane's source.
  const runtimes = elements(doc, "Runtime");
  if (runtimes.length !== 1) problems.push(`expected one <Runtime>, found ${runtimes.length}`);
  const runtimeId = runtimes[0] && runtimes[0].getAttribute("resid");
  if (runtimes[0] && runtimes[0].getAttribute("lifetime") !== "long") problems.push('<Runtime> must have lifetime="long"');
  const cf = elements(doc, "ExtensionPoint").find((e) => e.getAttribute("xsi:type") === "CustomFunctions");
  if (!cf) problems.push("the CustomFunctions extension point is missing");
  else {
    const page = elements(cf, "Page")[0];
    const pageId = page && elements(page, "SourceLocation")[0] && elements(page, "SourceLocation")[0].getAttribute("resid");
    if (pageId !== runtimeId) problems.push(`shared runtime: functions <Page> uses "${pageId}" but <Runtime> uses "${runtimeId}"`);
    const meta = elements(cf, "Metadata")[0];
    const metaId = meta && elements(meta, "SourceLocation")[0] && elements(meta, "SourceLocation")[0].getAttribute("resid");
    const metaEl = resources.get(metaId);
    if (!metaEl) problems.push("functions metadata URL is missing");
    else {
      const zh = elements(metaEl, "Override").find((o) => /^zh-cn$/i.test(o.getAttribute("Locale")));
      if (!zh || !/functions\.zh-cn\.json$/.test(zh.getAttribute("Value")))
        problems.push(`resid "${metaId}" needs a zh-cn override pointing to functions.zh-cn.json`);
    }
    const ns = elements(cf, "Namespace")[0];
    const nsEl = ns && resources.get(ns.getAttribute("resid"));
    if (!nsEl || nsEl.getAttribute("DefaultValue") !== "PERF") problems.push("the custom functions namespace must be PERF");
  }
  for (const ff of elements(doc, "FunctionFile")) {
    if (ff.getAttribute("resid") !== runtimeId)
      problems.push(`shared runtime: <FunctionFile> uses "${ff.getAttribute("resid")}" but <Runtime> uses "${runtimeId}"`);
  }
  for (const action of elements(doc, "Action").filter((a) => a.getAttribute("xsi:type") === "ShowTaskpane")) {
    const src = elements(action, "SourceLocation")[0];
    if (!src || src.getAttribute("resid") !== runtimeId)
      problems.push(`shared runtime: the ShowTaskpane action uses "${src && src.getAttribute("resid")}" but <Runtime> uses "${runtimeId}"`);
  }

  // zh-CN overrides for what a Chinese user sees first.
  for (const name of ["DisplayName", "Description"]) {
    const el = elements(doc, name).find((e) => e.parentNode === root);
    if (!el || !elements(el, "Override").some((o) => /^zh-cn$/i.test(o.getAttribute("Locale"))))
      problems.push(`<${name}> needs a zh-CN override`);
  }
  for (const el of elements(doc, "Label")) {
    const res = resources.get(el.getAttribute("resid"));
    if (res && !elements(res, "Override").some((o) => /^zh-cn$/i.test(o.getAttribute("Locale"))))
      problems.push(`label resid "${el.getAttribute("resid")}" needs a zh-cn override`);
  }

  // What Microsoft's validation asks of every add-in (checked here because `npm run validate` needs its service).
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(text("Version") || "")) problems.push("<Version> must have four numbers (1.0.0.0)");
  if (!text("ProviderName")) problems.push("<ProviderName> is empty");
  const support = elements(doc, "SupportUrl")[0];
  if (!support || !/^https:\/\//.test(support.getAttribute("DefaultValue") || "")) problems.push("<SupportUrl> must be an https address");
  if (sets.get("ExcelApi") !== REQUIRED_EXCEL_API)
    problems.push(`requirement set ExcelApi ${REQUIRED_EXCEL_API} is missing (the pane checks it at run time)`);
  for (const url of manifestUrls(doc)) {
    if (!/^https:\/\//.test(url.url)) problems.push(`${url.where} ${url.url} is not https`);
  }

  if (assetsDir) {
    const icons = elements(doc, "Image").concat(elements(doc, "IconUrl"), elements(doc, "HighResolutionIconUrl"));
    for (const img of icons) {
      const url = img.getAttribute("DefaultValue");
      const m = url && url.match(/\/assets\/([^/?#]+)$/);
      if (!m) continue;
      const file = path.join(assetsDir, m[1]);
      if (!fs.existsSync(file)) {
        problems.push(`icon ${m[1]} is not in assets/`);
        continue;
      }
      const size = pngSize(file);
      const want = expectedIconSizes(doc, img);
      if (!size) problems.push(`icon ${m[1]} is not a PNG`);
      else if (want.length && !(size.width === size.height && want.includes(size.width)))
        problems.push(
          `icon ${m[1]} is ${size.width}×${size.height} px; <${img.localName}${img.getAttribute("id") ? ` id="${img.getAttribute("id")}"` : ""}> needs ${want.join(" or ")} px square`,
        );
    }
  }

  if (site) {
    const base = site.url.replace(/\/+$/, "");
    const origin = new URL(base).origin;
    for (const d of elements(doc, "AppDomain")) {
      if (d.textContent.trim() !== origin) problems.push(`<AppDomain> ${d.textContent.trim()} is not the site's origin ${origin}`);
    }
    for (const { url, where } of manifestUrls(doc)) {
      if (!url.startsWith(base + "/")) {
        problems.push(`${where} ${url} is not under ${base}/`);
        continue;
      }
      const rel = decodeURIComponent(url.slice(base.length + 1).split(/[?#]/)[0]);
      const dir = path.resolve(site.dir);
      const file = path.join(dir, rel);
      if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile())
        problems.push(`${where} ${url} names ${rel}, which is not in the built site`);
    }
  }
  return problems;
}

module.exports = { checkManifestXml, pngSize };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  const problems = checkManifestXml(fs.readFileSync(file, "utf8"), { assetsDir: path.join(path.dirname(file), "assets") });
  for (const p of problems) process.stderr.write(`${file}: ${p}\n`);
  process.stdout.write(problems.length ? "" : `${file}: valid (offline check)\n`);
  process.exit(problems.length ? 1 : 0);
}
