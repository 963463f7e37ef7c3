/**
 * The statements chunk (docs/reference/statements.md), loaded by `import()` only when the user asks for statements, so exceljs and
 * jszip stay out of taskpane.js (pane size). The same builder and writer as the CLI's `statements`.
 */
import "./nodeBuffer"; // first: jszip reads `typeof Buffer` when it is evaluated
import type { Report } from "../report/model";
import { buildStatements } from "../report/statement";
import { writeReportXlsx } from "../render/xlsx/writeXlsx";

export { buildStatements };

/** One statement's workbook as bytes; the Buffer is viewed as a plain Uint8Array for Blob and base64. */
export async function statementBytes(report: Report): Promise<Uint8Array> {
  const buf = await writeReportXlsx(report);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
