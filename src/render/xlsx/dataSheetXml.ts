/**
 * Worksheet XML for a --with-data copy of an input sheet (docs/reference/cli.md: values and number formats), produced as a
 * stream of chunks so a 1,048,576-row copy never exists as one string (V8 caps strings near 512 MB).
 * Text is written as inline strings: a value like "=HYPERLINK(…)" stays text (docs/reference/tabs.md).
 */
import { Readable } from "stream";
import type { RawCell, RawSheet } from "../../ingest/types";
import { columnLetters } from "../../sheet";
import { escapeXml } from "./chartXml";

/** Excel's own error literals; anything else in an error cell is kept as its text. */
const EXCEL_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);
/** Excel refuses cells longer than 32,767 characters. */
const MAX_CELL_CHARS = 32767;
const ROWS_PER_CHUNK = 2000;

function cellXml(ref: string, v: RawCell, styleId: number | undefined): string {
  const s = styleId ? ` s="${styleId}"` : "";
  if (v === null || v === undefined) return styleId ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return `<c r="${ref}"${s} t="e"><v>#NUM!</v></c>`;
    return `<c r="${ref}"${s}><v>${String(v)}</v></c>`;
  }
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  if (typeof v === "object" && "error" in v) {
    if (EXCEL_ERRORS.has(v.error)) return `<c r="${ref}"${s} t="e"><v>${escapeXml(v.error)}</v></c>`;
    v = v.error;
  }
  const text = String(v).slice(0, MAX_CELL_CHARS);
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`;
}

/** Distinct number formats used by a sheet (excluding General), in first-seen order. */
export function distinctFormats(sheet: RawSheet): string[] {
  const seen = new Set<string>();
  for (const row of sheet.numberFormats ?? []) {
    for (const f of row ?? []) if (f && f !== "General") seen.add(f);
  }
  return [...seen];
}

/**
 * The worksheet part as a readable stream. `styleOf` maps a number format to the workbook's cellXfs index
 * (registered through exceljs so styles.xml stays exceljs's own).
 */
export function dataSheetStream(sheet: RawSheet, styleOf: Map<string, number>): Readable {
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const width = sheet.values.reduce((w, r) => Math.max(w, r ? r.length : 0), 0);
  const letters = Array.from({ length: width }, (_, c) => columnLetters(firstCol + c));
  function* chunks(): Generator<Buffer> {
    yield Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
        `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetData>`,
    );
    let buf: string[] = [];
    for (let r = 0; r < sheet.values.length; r++) {
      const row = sheet.values[r] ?? [];
      const fmts = sheet.numberFormats?.[r] ?? [];
      const rowNum = firstRow + r;
      let cells = "";
      for (let c = 0; c < row.length; c++) {
        const fmt = fmts[c];
        cells += cellXml(`${letters[c]}${rowNum}`, row[c], fmt ? styleOf.get(fmt) : undefined);
      }
      if (cells) buf.push(`<row r="${rowNum}">${cells}</row>`);
      if (buf.length >= ROWS_PER_CHUNK) {
        yield Buffer.from(buf.join(""));
        buf = [];
      }
    }
    if (buf.length) yield Buffer.from(buf.join(""));
    yield Buffer.from(
      `</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    );
  }
  return Readable.from(chunks(), { objectMode: false });
}
