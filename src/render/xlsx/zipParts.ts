/**
 * Low-level edits of the .xlsx package that exceljs cannot make (docs/reference/tabs.md charts, docs/reference/cli.md --with-data copies):
 * relationship files, [Content_Types].xml overrides and worksheet elements placed in CT_Worksheet order.
 */
import type JSZip from "jszip";
import { escapeXml } from "./chartXml";

const NS_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";

export interface Rel {
  id: string;
  type: string;
  target: string;
}

export async function readText(zip: JSZip, path: string): Promise<string | null> {
  const f = zip.file(path);
  return f ? f.async("string") : null;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

export function parseRels(xml: string | null): Rel[] {
  if (!xml) return [];
  const out: Rel[] = [];
  for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
    out.push({ id: attr(m[0], "Id") ?? "", type: attr(m[0], "Type") ?? "", target: attr(m[0], "Target") ?? "" });
  }
  return out;
}

export function relsXml(rels: Rel[]): string {
  const body = rels
    .map((r) => `<Relationship Id="${escapeXml(r.id)}" Type="${escapeXml(r.type)}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PKG_RELS}">${body}</Relationships>`;
}

/** An rId not used in `rels`. */
export function freeRelId(rels: Rel[]): string {
  const used = new Set(rels.map((r) => r.id));
  let n = rels.length + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** "xl/worksheets/sheet1.xml" → "xl/worksheets/_rels/sheet1.xml.rels". */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash)}/_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Worksheet part paths in workbook order (the order of <sheet> elements in xl/workbook.xml). */
export async function worksheetPaths(zip: JSZip): Promise<string[]> {
  const workbook = (await readText(zip, "xl/workbook.xml")) ?? "";
  const rels = parseRels(await readText(zip, "xl/_rels/workbook.xml.rels"));
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  const out: string[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const target = byId.get(attr(m[0], "r:id") ?? "") ?? "";
    out.push(target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return out;
}

/** Add Override entries to [Content_Types].xml (skipping part names already listed). */
export async function addContentTypes(zip: JSZip, overrides: { part: string; type: string }[]): Promise<void> {
  let xml = (await readText(zip, "[Content_Types].xml")) ?? "";
  const add = overrides
    .filter((o) => !xml.includes(`PartName="${o.part}"`))
    .map((o) => `<Override PartName="${escapeXml(o.part)}" ContentType="${escapeXml(o.type)}"/>`)
    .join("");
  xml = xml.replace("</Types>", `${add}</Types>`);
  zip.file("[Content_Types].xml", xml);
}

/**
 * CT_Worksheet children that must come AFTER <drawing> (ECMA-376 Part 1, 18.3.1.99): placing <drawing> before
 * the first of these keeps the sheet schema-valid whatever exceljs wrote before it.
 */
const AFTER_DRAWING = new Set([
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
]);

/** Offsets of the direct children of the root element (nested elements such as a cfRule's own extLst are
 * skipped: only depth-1 tags count). */
function topLevelChildren(xml: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  let depth = 0;
  const re = /<(\/?)([A-Za-z_][\w.:-]*)[^>]*?(\/?)>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, closing, name, selfClosing] = m;
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 1) out.push({ name, at: m.index });
    if (!selfClosing) depth++;
  }
  return out;
}

/** Insert `<drawing r:id="…"/>` at its schema position in a worksheet's XML. */
export function insertDrawingElement(sheetXml: string, relId: string): string {
  const after = topLevelChildren(sheetXml).find((c) => AFTER_DRAWING.has(c.name));
  const at = after ? after.at : sheetXml.lastIndexOf("</worksheet>");
  if (at < 0) throw new Error("worksheet XML has no closing tag");
  let xml = sheetXml.slice(0, at) + `<drawing r:id="${relId}"/>` + sheetXml.slice(at);
  // r: must be declared on the root; exceljs declares it, but be safe for any writer.
  if (!/<worksheet\b[^>]*xmlns:r=/.test(xml)) {
    xml = xml.replace(
      /<worksheet\b/,
      `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`,
    );
  }
  return xml;
}

/** The highest N among existing parts named `<dir>/<stem>N.xml`, so new parts never clash. */
export function maxPartNumber(zip: JSZip, dir: string, stem: string): number {
  let max = 0;
  const re = new RegExp(`^${dir.replace(/\//g, "\\/")}\\/${stem}(\\d+)\\.xml$`);
  zip.forEach((p) => {
    const m = re.exec(p);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max;
}
