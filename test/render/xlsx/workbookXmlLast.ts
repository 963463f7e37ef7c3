/** A copy of an .xlsx whose zip stores xl/workbook.xml after the worksheets (exceljs's own writer sometimes does). */
import * as fs from "fs";
import JSZip from "jszip";

/** Writes `input` to `output` with rels, shared strings and styles first and xl/workbook.xml last; the new order. */
export async function reorder(input: string, output: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(input));
  const names = Object.keys(zip.files).filter((n) => !zip.files[n].dir);
  const first = names.filter((n) => /rels$|sharedStrings|styles/.test(n));
  const last: string[] = names.filter((n) => n === "xl/workbook.xml");
  const rest = names.filter((n) => !first.includes(n) && !last.includes(n));
  const out = new JSZip();
  for (const n of [...first, ...rest, ...last]) out.file(n, await zip.file(n)!.async("nodebuffer"));
  fs.writeFileSync(output, await out.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
  return [...first, ...rest, ...last];
}
