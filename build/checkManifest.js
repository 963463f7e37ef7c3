// Offline manifest check (the online `npm run validate` needs Microsoft's service).
// Proves what most often breaks an add-in manifest: XML that does not parse, a resid
// with no resource, a shared runtime whose ids disagree (the pane and the functions
// would then run apart), a missing namespace or zh-CN override.
const fs = require("fs");
const path = require("path");
const { DOMParser } = require("@xmldom/xmldom");

function elements(doc, localName) {
  return Array.from(doc.getElementsByTagNameNS("*", localName));
}

/** @returns {string[]} problems, each naming the element or resid at fault; [] = valid */
function checkManifestXml(xml, { assetsDir } = {}) {
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

  if (assetsDir) {
    for (const img of elements(doc, "Image").concat(elements(doc, "IconUrl"), elements(doc, "HighResolutionIconUrl"))) {
      const url = img.getAttribute("DefaultValue");
      const m = url && url.match(/\/assets\/([^/?#]+)$/);
      if (m && !fs.existsSync(path.join(assetsDir, m[1]))) problems.push(`icon ${m[1]} is not in assets/`);
    }
    for (const size of [16, 32, 64, 80]) {
      if (!fs.existsSync(path.join(assetsDir, `icon-${size}.png`))) problems.push(`assets/icon-${size}.png is missing`);
    }
  }
  return problems;
}

module.exports = { checkManifestXml };

if (require.main === module) {
  const file = process.argv[2] || "manifest.xml";
  const problems = checkManifestXml(fs.readFileSync(file, "utf8"), { assetsDir: path.join(path.dirname(file), "assets") });
  for (const p of problems) process.stderr.write(`${file}: ${p}\n`);
  process.stdout.write(problems.length ? "" : `${file}: valid (offline check)\n`);
  process.exit(problems.length ? 1 : 0);
}
