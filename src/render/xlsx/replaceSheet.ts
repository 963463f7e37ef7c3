/**
 * Rewriting one tab of an existing report file in place (docs/reference/cli.md `close`): the History tab of a report
 * holds values only, so it is rendered on its own (writeReportXlsx) and its worksheet part is put in place of the old
 * one. Everything else in the file — the other tabs, their formulas, charts, tables and names — is left byte for
 * byte as it was, which exceljs could not do (it drops charts when it loads a workbook).
 *
 * The new worksheet's shared strings become inline strings and its styles are appended to the file's styles
 * (fonts, fills, borders, number formats and cell formats, indexes shifted), so no other part changes meaning. Its
 * print area and print titles replace the old tab's.
 */
import JSZip from "jszip";
import type { Report, ReportSheet } from "../../report/model";
import { readText, worksheetPaths } from "./zipParts";
import { writeReportXlsx } from "./writeXlsx";

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** The inner XML of each direct `<tag>` child of `<parent>` (self-closing ones as empty strings). */
function listItems(xml: string, parent: string, tag: string): { whole: string[]; from: number; to: number } | null {
  const open = new RegExp(`<${parent}\\b[^>]*?(/?)>`).exec(xml);
  if (!open) return null;
  if (open[1] === "/") return { whole: [], from: open.index, to: open.index + open[0].length };
  const close = xml.indexOf(`</${parent}>`, open.index);
  const body = xml.slice(open.index + open[0].length, close);
  const re = new RegExp(`<${tag}\\b[^>]*?/>|<${tag}\\b[^>]*?>[\\s\\S]*?</${tag}>`, "g");
  return { whole: body.match(re) ?? [], from: open.index, to: close + parent.length + 3 };
}

function setList(xml: string, parent: string, tag: string, items: string[]): string {
  const found = listItems(xml, parent, tag);
  const element = `<${parent} count="${items.length}">${items.join("")}</${parent}>`;
  if (!found) throw new Error(`styles.xml has no <${parent}>`);
  return xml.slice(0, found.from) + element + xml.slice(found.to);
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? m[1] : null;
}

function withAttr(tag: string, name: string, value: string): string {
  return new RegExp(`\\s${name}="`).test(tag)
    ? tag.replace(new RegExp(`(\\s${name}=")[^"]*"`), `$1${value}"`)
    : tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

/**
 * Appends the source styles to the target's; returns the new styles.xml and the source cell format index → the
 * target's.
 */
function mergeStyles(target: string, source: string): { xml: string; xfIndex: (i: number) => number } {
  let xml = target;
  const shifted = (parent: string, tag: string): number => {
    const own = listItems(xml, parent, tag)?.whole ?? [];
    const theirs = listItems(source, parent, tag)?.whole ?? [];
    xml = setList(xml, parent, tag, [...own, ...theirs]);
    return own.length;
  };
  const fontOffset = shifted("fonts", "font");
  const fillOffset = shifted("fills", "fill");
  const borderOffset = shifted("borders", "border");

  // Number formats: the same format code keeps the target's id; a new one gets the next free id (≥ 164).
  const ownFormats = listItems(xml, "numFmts", "numFmt")?.whole ?? [];
  const byCode = new Map(ownFormats.map((f) => [attr(f, "formatCode"), attr(f, "numFmtId")]));
  let next = Math.max(163, ...ownFormats.map((f) => Number(attr(f, "numFmtId")))) + 1;
  const formatId = new Map<string, string>();
  const added: string[] = [];
  for (const f of listItems(source, "numFmts", "numFmt")?.whole ?? []) {
    const code = attr(f, "formatCode");
    let id = byCode.get(code);
    if (!id) {
      id = String(next++);
      byCode.set(code, id);
      added.push(withAttr(f, "numFmtId", id));
    }
    formatId.set(attr(f, "numFmtId")!, id);
  }
  if (added.length > 0) {
    if (listItems(xml, "numFmts", "numFmt")) xml = setList(xml, "numFmts", "numFmt", [...ownFormats, ...added]);
    else xml = xml.replace(/(<styleSheet\b[^>]*>)/, `$1<numFmts count="${added.length}">${added.join("")}</numFmts>`);
  }

  const ownXfs = listItems(xml, "cellXfs", "xf")?.whole ?? [];
  const theirXfs = (listItems(source, "cellXfs", "xf")?.whole ?? []).map((xf) => {
    const head = /^<xf\b[^>]*?\/?>/.exec(xf)![0];
    let h = head;
    const shift = (name: string, by: number): void => {
      const v = attr(h, name);
      if (v !== null) h = withAttr(h, name, String(Number(v) + by));
    };
    shift("fontId", fontOffset);
    shift("fillId", fillOffset);
    shift("borderId", borderOffset);
    const fmt = attr(h, "numFmtId");
    if (fmt !== null && formatId.has(fmt)) h = withAttr(h, "numFmtId", formatId.get(fmt)!);
    h = withAttr(h, "xfId", "0");
    return h + xf.slice(head.length);
  });
  xml = setList(xml, "cellXfs", "xf", [...ownXfs, ...theirXfs]);
  return { xml, xfIndex: (i) => ownXfs.length + i };
}

/** The worksheet XML with shared strings written inline and styles renumbered for the target. */
function portableSheet(sheetXml: string, strings: string[], xfIndex: (i: number) => number): string {
  if (/\br:id="/.test(sheetXml)) throw new Error("a tab with tables, charts or links cannot be replaced in place");
  return sheetXml
    .replace(/<c\b([^>]*?)\st="s"([^>]*)>\s*<v>(\d+)<\/v>\s*<\/c>/g, (_, a: string, b: string, n: string) => {
      return `<c${a} t="inlineStr"${b}><is>${strings[Number(n)] ?? ""}</is></c>`;
    })
    .replace(
      /<(c|row)\b([^>]*?)\ss="(\d+)"/g,
      (_, tag: string, a: string, s: string) => `<${tag}${a} s="${xfIndex(Number(s))}"`,
    )
    .replace(/<col\b([^>]*?)\sstyle="(\d+)"/g, (_, a: string, s: string) => `<col${a} style="${xfIndex(Number(s))}"`)
    .replace(/\stabSelected="1"/g, "");
}

/** Replaces the print area and titles of sheet `index` with the source's (of its only sheet). */
function mergeDefinedNames(targetWorkbook: string, sourceWorkbook: string, index: number): string {
  const names = (xml: string): string[] => xml.match(/<definedName\b[^>]*>[\s\S]*?<\/definedName>/g) ?? [];
  const mine = names(targetWorkbook).filter(
    (d) => !(attr(d, "localSheetId") === String(index) && /name="_xlnm\.Print_(Area|Titles)"/.test(d)),
  );
  const theirs = names(sourceWorkbook)
    .filter((d) => attr(d, "localSheetId") === "0" && /name="_xlnm\.Print_(Area|Titles)"/.test(d))
    .map((d) => withAttr(d, "localSheetId", String(index)));
  const all = [...mine, ...theirs];
  let xml = targetWorkbook.replace(/<definedNames\b[^>]*>[\s\S]*?<\/definedNames>|<definedNames\/>/, "");
  if (all.length > 0) xml = xml.replace("</sheets>", `</sheets><definedNames>${all.join("")}</definedNames>`);
  return xml;
}

/** The index of the sheet named `name` in the workbook (workbook order), or -1. */
async function sheetIndex(zip: JSZip, name: string): Promise<number> {
  const workbook = (await readText(zip, "xl/workbook.xml")) ?? "";
  const sheets = workbook.match(/<sheet\b[^>]*>/g) ?? [];
  return sheets.findIndex((s) => unescapeXml(attr(s, "name") ?? "") === name);
}

/**
 * The report file `bytes` with its tab `sheet.name` replaced by `sheet` (values and styles only: no tables, charts or
 * formulas). Throws when the file has no tab of that name.
 */
export async function replaceSheetInXlsx(bytes: Uint8Array, sheet: ReportSheet, lang: Report["lang"]): Promise<Buffer> {
  const target = await JSZip.loadAsync(bytes);
  const index = await sheetIndex(target, sheet.name);
  if (index < 0) throw new Error(`the workbook has no sheet named ${sheet.name}`);
  const targetPath = (await worksheetPaths(target))[index];

  const alone: Report = {
    lang,
    sheets: [sheet],
    summary: { period: "", repsScored: 0, rowsUsed: 0, rowsExcluded: 0, top: [], coaching: [], issues: 0 },
  };
  const source = await JSZip.loadAsync(await writeReportXlsx(alone));
  const sourcePath = (await worksheetPaths(source))[0];
  const sharedXml = (await readText(source, "xl/sharedStrings.xml")) ?? "";
  const strings = (sharedXml.match(/<si>[\s\S]*?<\/si>/g) ?? []).map((si) => si.slice(4, -5));

  const styles = mergeStyles((await readText(target, "xl/styles.xml"))!, (await readText(source, "xl/styles.xml"))!);
  target.file("xl/styles.xml", styles.xml);
  target.file(targetPath, portableSheet((await readText(source, sourcePath))!, strings, styles.xfIndex));
  target.file(
    "xl/workbook.xml",
    mergeDefinedNames(
      (await readText(target, "xl/workbook.xml"))!,
      (await readText(source, "xl/workbook.xml"))!,
      index,
    ),
  );
  return target.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    streamFiles: false,
  });
}
