/**
 * The file-writing chunk (docs/reference/statements.md), loaded by `import()` only when the user asks for statements or a
 * report copy, so exceljs and jszip stay out of taskpane.js (pane size). The same builder and writer as the CLI.
 */
import "./nodeBuffer"; // first: jszip reads `typeof Buffer` when it is evaluated
import JSZip from "jszip";
import type { Report } from "../report/model";
import { buildStatements } from "../report/statement";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";

export { buildStatements };

/** A workbook (a statement, the report copy) as bytes; the Buffer is viewed as a plain Uint8Array for Blob and base64. */
export async function workbookBytes(report: Report): Promise<Uint8Array> {
  const buf = await writeReportXlsx(report);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

/**
 * Files in one .zip. Stored, not deflated: an .xlsx is already a deflated zip. Names are UTF-8 (jszip marks them so),
 * which Windows Explorer, macOS Archive Utility and 7-Zip read as written, Chinese included.
 */
export async function zipFiles(files: readonly { fileName: string; bytes: Uint8Array }[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.fileName, f.bytes, { binary: true });
  return zip.generateAsync({ type: "uint8array", compression: "STORE" });
}
