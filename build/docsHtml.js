// Renders docs/**/*.md to standalone HTML pages for dist/docs (the functions' @helpurl
// targets and the manifest's support URL). Relative .md links become .html links.
const fs = require("fs");
const path = require("path");
const { marked } = require("marked");

function listMarkdown(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return listMarkdown(full);
    return e.name.endsWith(".md") ? [full] : [];
  });
}

function renderPage(markdown, lang) {
  const body = marked.parse(markdown.replace(/\]\(([^)#:]+)\.md(#[^)]*)?\)/g, "]($1.html$2)"));
  const title = (markdown.match(/^#\s+(.+)$/m) || [null, "SalesPerf"])[1];
  return `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body{font-family:"Segoe UI","Microsoft YaHei",system-ui,sans-serif;max-width:820px;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#242424}
code,pre{font-family:Consolas,monospace;background:#f5f5f5}pre{padding:.75rem;overflow:auto}table{border-collapse:collapse}
td,th{border:1px solid #d1d1d1;padding:.25rem .5rem}h1,h2{color:#107c41}</style></head><body>${body}</body></html>`;
}

/** @returns {{ file: string, html: string }[]} paths relative to docsDir, with .html */
function renderDocs(docsDir) {
  return listMarkdown(docsDir).map((file) => {
    const rel = path.relative(docsDir, file);
    const lang = rel.split(path.sep)[0] === "zh" ? "zh" : "en";
    return {
      file: rel.replace(/\.md$/, ".html").split(path.sep).join("/"),
      html: renderPage(fs.readFileSync(file, "utf8"), lang),
    };
  });
}

module.exports = { renderDocs, renderPage };
