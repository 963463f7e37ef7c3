/**
 * Report → .xlsx bytes (docs/reference/tabs.md tabs, docs/reference/cli.md `report`): exceljs writes cells, formulas with their cached results,
 * styles, tables, conditional formats and defined names; the package is then post-processed to add the charts
 * (DrawingML, which exceljs cannot write) and the --with-data copies (streamed, for million-row inputs).
 * A translator only: every decision (names, formats, formulas, literal text) is already in the Report.
 */
import * as ExcelJS from "exceljs";
import JSZip from "jszip";
import type { RawSheet } from "../../ingest/types";
import type {
  ChartSpec,
  HeaderFooterText,
  PrintSetup,
  ReportCell,
  ReportSheet,
  Report,
  TableSpec,
} from "../../report/model";
import { argb, cellStyles } from "./cellStyles";
import { chartSpaceXml, CT_CHART, CT_DRAWING, drawingXml, REL_CHART, REL_DRAWING, xmlText } from "./chartXml";
import { cellAddress, columnLetters, parseRange, rangeBox } from "../../sheet";
import { dataSheetStream, distinctFormats } from "./dataSheetXml";
import {
  addContentTypes,
  freeRelId,
  insertDrawingElement,
  maxPartNumber,
  parseRels,
  readText,
  relsPathOf,
  relsXml,
  worksheetPaths,
} from "./zipParts";

export interface WriteXlsxOptions {
  /** Copies of the input's sheets (values and number formats), added after the report tabs (`--with-data`). */
  dataSheets?: RawSheet[];
}

/** "A1:K13" (or "$A$1:$K$13", or a single cell) of the Report → its 0-based box. */
function boxOf(ref: string): { c1: number; r1: number; c2: number; r2: number } {
  const range = parseRange(ref);
  if (!range) throw new Error(`not a cell reference: ${ref}`);
  return rangeBox(range);
}

/** The exceljs value for one model cell. Formula cells carry their cached result (docs/reference/tabs.md: equal to the
 * engine's value), so a viewer that does not recalculate still shows the right numbers. */
function cellValue(cell: ReportCell): ExcelJS.CellValue {
  if (cell.f !== undefined && !cell.literal) {
    const formula = cell.f.startsWith("=") ? cell.f.slice(1) : cell.f;
    const v = cell.v;
    const result =
      v === null || v === undefined
        ? undefined
        : typeof v === "number" && !Number.isFinite(v)
          ? undefined
          : typeof v === "string"
            ? xmlText(v)
            : v;
    return { formula, result } as ExcelJS.CellFormulaValue;
  }
  const v = cell.v;
  if (v === undefined || v === null) return null;
  if (typeof v === "number" && !Number.isFinite(v)) return { error: "#NUM!" } as ExcelJS.CellErrorValue;
  // Strings are always written as strings (shared strings), never parsed: "=HYPERLINK(…)" stays text.
  return typeof v === "string" ? xmlText(v) : v;
}

function headerText(cell: ReportCell | null | undefined, col: number): string {
  const v = cell?.v;
  const s = v === null || v === undefined ? "" : xmlText(String(v)).trim();
  return s === "" ? `Column${col + 1}` : s;
}

/** Excel table column names must be unique (case-insensitively) and equal to the header cells' text. */
function uniqueHeaders(names: string[]): string[] {
  const seen = new Set<string>();
  return names.map((n) => {
    let name = n;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${n}${k}`;
    seen.add(name.toLowerCase());
    return name;
  });
}

/** Table names: letters, digits, underscores, not a cell reference, unique in the workbook. */
function tableName(wanted: string, used: Set<string>): string {
  let base = wanted.replace(/[^\p{L}\p{N}_]/gu, "_");
  if (!/^[\p{L}_]/u.test(base)) base = `_${base}`;
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[RrCc]$/.test(base)) base = `_${base}`;
  let name = base;
  for (let k = 2; used.has(name.toLowerCase()); k++) name = `${base}_${k}`;
  used.add(name.toLowerCase());
  return name;
}

function addTable(ws: ExcelJS.Worksheet, sheet: ReportSheet, spec: TableSpec, usedNames: Set<string>): void {
  const box = boxOf(spec.ref);
  const headerRow = sheet.rows[box.r1] ?? [];
  const names = uniqueHeaders(
    Array.from({ length: box.c2 - box.c1 + 1 }, (_, j) => headerText(headerRow[box.c1 + j], box.c1 + j)),
  );
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = box.r1 + 1; r <= box.r2; r++) {
    const row = sheet.rows[r] ?? [];
    rows.push(names.map((_, j) => (row[box.c1 + j] ? cellValue(row[box.c1 + j] as ReportCell) : null)));
  }
  // exceljs needs at least one data row; an empty table is written as header + one blank row, which Excel accepts.
  if (rows.length === 0) rows.push(names.map(() => null));
  const name = tableName(spec.name, usedNames);
  ws.addTable({
    name,
    displayName: name,
    ref: cellAddress(box.r1, box.c1),
    headerRow: true,
    totalsRow: false,
    style: {
      theme: (spec.style ?? "TableStyleMedium2") as ExcelJS.TableStyleProperties["theme"],
      showRowStripes: true,
    },
    columns: names.map((n) => ({ name: n, filterButton: true })),
    rows,
  });
  // Header cells hold exactly the column names (Excel repairs a table whose header text differs).
  names.forEach((n, j) => {
    ws.getCell(box.r1 + 1, box.c1 + j + 1).value = n;
  });
}

/** OOXML paper codes (ECMA-376 pageSetup@paperSize): 1 Letter, 9 A4. */
const PAPER_CODE = { letter: 1, a4: 9 } as const;

/** One header or footer line in Excel's form: "&L…&C…&R…". */
function headerFooterCode(text: HeaderFooterText | undefined): string | undefined {
  if (!text) return undefined;
  const parts = [
    ["&L", text.left],
    ["&C", text.center],
    ["&R", text.right],
  ].filter(([, s]) => s);
  return parts.length ? parts.map(([code, s]) => `${code}${s}`).join("") : undefined;
}

/** The model's print settings as exceljs page setup: paper, orientation, fit to pages across, print titles. */
function pageSetup(print: PrintSetup): Partial<ExcelJS.PageSetup> {
  const setup: Partial<ExcelJS.PageSetup> = {};
  if (print.orientation) setup.orientation = print.orientation;
  if (print.paper) setup.paperSize = PAPER_CODE[print.paper] as ExcelJS.PaperSize;
  if (print.pagesWide !== undefined) {
    // fitToHeight 0: as many pages down as the rows need.
    Object.assign(setup, { fitToPage: true, fitToWidth: print.pagesWide, fitToHeight: 0 });
  }
  // exceljs writes the defined name as "$" + each corner: "A$1" becomes the absolute "$A$1".
  if (print.area) setup.printArea = print.area.replace(/([A-Z]+)(\d+)/g, "$1$$$2");
  if (print.titleRows) setup.printTitlesRow = `${print.titleRows.first}:${print.titleRows.last}`;
  if (print.titleColumns)
    setup.printTitlesColumn = `${columnLetters(print.titleColumns.first)}:${columnLetters(print.titleColumns.last)}`;
  return setup;
}

function writeSheet(wb: ExcelJS.Workbook, sheet: ReportSheet, usedTableNames: Set<string>): void {
  const ws = wb.addWorksheet(sheet.name, {
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : undefined,
    views: sheet.freeze
      ? [
          {
            state: "frozen",
            xSplit: sheet.freeze.cols,
            ySplit: sheet.freeze.rows,
            topLeftCell: cellAddress(sheet.freeze.rows, sheet.freeze.cols),
          },
        ]
      : undefined,
    pageSetup: sheet.print ? pageSetup(sheet.print) : undefined,
  });
  const header = headerFooterCode(sheet.print?.header);
  const footer = headerFooterCode(sheet.print?.footer);
  if (header) ws.headerFooter.oddHeader = header;
  if (footer) ws.headerFooter.oddFooter = footer;
  (sheet.columnWidths ?? []).forEach((w, i) => {
    if (w > 0) ws.getColumn(i + 1).width = w;
  });
  for (const { row, points } of sheet.rowHeights ?? []) ws.getRow(row + 1).height = points;
  for (const c of sheet.hiddenColumns ?? []) ws.getColumn(c + 1).hidden = true;
  // Tables first: exceljs's addTable writes its rows into the cells; the loop below then sets values and styles.
  const tableHeaderCells = new Set<string>();
  for (const spec of sheet.tables ?? []) {
    addTable(ws, sheet, spec, usedTableNames);
    const box = boxOf(spec.ref);
    for (let c = box.c1; c <= box.c2; c++) tableHeaderCells.add(cellAddress(box.r1, c));
  }
  sheet.rows.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (!cell) return;
      const target = ws.getCell(r + 1, c + 1);
      if (!tableHeaderCells.has(cellAddress(r, c))) target.value = cellValue(cell);
      if (cell.style) Object.assign(target, { style: { ...cellStyles[cell.style] } });
      if (cell.fmt) target.numFmt = cell.fmt;
    });
  });
  for (const ref of sheet.wrapAcross ?? []) {
    ws.mergeCells(ref);
    ws.getCell(ref.split(":")[0]).alignment = { wrapText: true, vertical: "top" };
  }
  let priority = 1;
  for (const cf of sheet.conditionalFormats ?? []) {
    if (cf.type === "dataBar") {
      // gradient: true keeps the Excel 2007 <dataBar> form, with no x14 extension for exceljs to get wrong.
      ws.addConditionalFormatting({
        ref: cf.ref,
        rules: [
          {
            type: "dataBar",
            priority: priority++,
            gradient: true,
            // The bar starts at the model's number (0), not at the lowest value in the range.
            cfvo: [{ type: "num", value: cf.min }, { type: "max" }],
            color: { argb: argb(cf.color) },
          } as unknown as ExcelJS.ConditionalFormattingRule,
        ],
      });
    } else {
      const style: Partial<ExcelJS.Style> = {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill) } },
      };
      if (cf.fontColor) style.font = { color: { argb: argb(cf.fontColor) } };
      ws.addConditionalFormatting({
        ref: cf.ref,
        rules: [{ type: "expression", priority: priority++, formulae: [cf.formula.replace(/^=/, "")], style }],
      });
    }
  }
}

/** Registers each distinct number format of the data copies through exceljs (on a placeholder sheet that is
 * replaced later) and returns, per data sheet, format → cellXfs index, read back from the written sheet XML. */
function addDataPlaceholders(wb: ExcelJS.Workbook, dataSheets: RawSheet[]): string[][] {
  return dataSheets.map((sheet) => {
    const ws = wb.addWorksheet(sheet.name);
    const formats = distinctFormats(sheet);
    formats.forEach((fmt, i) => {
      const cell = ws.getCell(1, i + 1);
      cell.value = 0;
      cell.numFmt = fmt;
    });
    return formats;
  });
}

async function readStyleIds(zip: JSZip, path: string, formats: string[]): Promise<Map<string, number>> {
  const xml = (await readText(zip, path)) ?? "";
  const map = new Map<string, number>();
  formats.forEach((fmt, i) => {
    const m = new RegExp(`<c r="${columnLetters(i)}1"[^>]*\\ss="(\\d+)"`).exec(xml);
    if (m) map.set(fmt, Number(m[1]));
  });
  return map;
}

async function addCharts(zip: JSZip, sheetPath: string, charts: ChartSpec[]): Promise<void> {
  const drawingN = maxPartNumber(zip, "xl/drawings", "drawing") + 1;
  let chartN = maxPartNumber(zip, "xl/charts", "chart");
  const drawingPath = `xl/drawings/drawing${drawingN}.xml`;
  const drawingRels: { id: string; type: string; target: string }[] = [];
  const overrides: { part: string; type: string }[] = [{ part: `/${drawingPath}`, type: CT_DRAWING }];
  for (const chart of charts) {
    chartN++;
    zip.file(`xl/charts/chart${chartN}.xml`, chartSpaceXml(chart));
    drawingRels.push({ id: `rId${drawingRels.length + 1}`, type: REL_CHART, target: `../charts/chart${chartN}.xml` });
    overrides.push({ part: `/xl/charts/chart${chartN}.xml`, type: CT_CHART });
  }
  zip.file(
    drawingPath,
    drawingXml(
      charts,
      drawingRels.map((r) => r.id),
    ),
  );
  zip.file(relsPathOf(drawingPath), relsXml(drawingRels));

  const sheetRelsPath = relsPathOf(sheetPath);
  const sheetRels = parseRels(await readText(zip, sheetRelsPath));
  const relId = freeRelId(sheetRels);
  sheetRels.push({ id: relId, type: REL_DRAWING, target: `../drawings/drawing${drawingN}.xml` });
  zip.file(sheetRelsPath, relsXml(sheetRels));
  zip.file(sheetPath, insertDrawingElement((await readText(zip, sheetPath)) ?? "", relId));
  await addContentTypes(zip, overrides);
}

/**
 * Two exceljs quirks Excel may "repair": a 2007-style data bar still gets an extLst pointing at an empty x14 id
 * (no x14 rule exists), and tables without a totals row are marked totalsRowShown="1" with a "Total" label.
 */
async function tidyExceljsParts(zip: JSZip, sheetPaths: string[]): Promise<void> {
  for (const path of sheetPaths) {
    const xml = await readText(zip, path);
    if (xml && xml.includes("<x14:id/>")) {
      zip.file(
        path,
        xml.replace(
          /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g,
          "",
        ),
      );
    }
  }
  const tables: string[] = [];
  zip.forEach((p) => {
    if (/^xl\/tables\/table\d+\.xml$/.test(p)) tables.push(p);
  });
  for (const path of tables) {
    const xml = (await readText(zip, path)) ?? "";
    zip.file(
      path,
      xml
        .replace(' totalsRowShown="1"', ' totalsRowShown="0"')
        .replace(/ totalsRowLabel="[^"]*"/g, "")
        .replace(/ totalsRowFunction="none"/g, ""),
    );
  }
}

/** The parts a streaming reader needs before any worksheet, in the order Excel itself writes them. */
const LEADING_PARTS = [
  "[Content_Types].xml",
  "_rels/.rels",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/sharedStrings.xml",
  "xl/styles.xml",
];

/**
 * exceljs stores xl/workbook.xml last. A streaming reader (exceljs's own, our readXlsx) then meets the worksheets
 * before their names and the shared strings, parks them in temp files and can lose sheets and names (seen with
 * eight tabs or more). The zip's entries are reordered in place — JSZip writes them in its `files` order — so
 * no part is copied.
 */
function workbookPartsFirst(zip: JSZip): JSZip {
  const entries = Object.entries(zip.files);
  const rank = (name: string) => {
    const i = LEADING_PARTS.indexOf(name);
    return i < 0 ? LEADING_PARTS.length : i;
  };
  const ordered = entries.map((e, i) => ({ e, i })).sort((a, b) => rank(a.e[0]) - rank(b.e[0]) || a.i - b.i);
  for (const [name] of entries) delete zip.files[name];
  for (const { e } of ordered) zip.files[e[0]] = e[1];
  return zip;
}

/** Write the report (and optional data copies) as .xlsx bytes. */
export async function writeReportXlsx(report: Report, opts: WriteXlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "SalesPerf";
  wb.created = new Date();
  const usedTableNames = new Set<string>((report.definedNames ?? []).map((d) => d.name.toLowerCase()));
  for (const sheet of report.sheets) writeSheet(wb, sheet, usedTableNames);
  const dataSheets = opts.dataSheets ?? [];
  const dataFormats = addDataPlaceholders(wb, dataSheets);
  for (const dn of report.definedNames ?? []) wb.definedNames.add(dn.ref, dn.name);

  // exceljs stores its parts uncompressed (STORE): they are compressed once, below, after the post-processing.
  const stored = await wb.xlsx.writeBuffer({
    zip: { compression: "STORE" },
  } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  const zip = workbookPartsFirst(await JSZip.loadAsync(stored as ArrayBuffer));
  const paths = await worksheetPaths(zip);
  await tidyExceljsParts(zip, paths.slice(0, report.sheets.length));
  for (let i = 0; i < report.sheets.length; i++) {
    const charts = report.sheets[i].charts ?? [];
    if (charts.length) await addCharts(zip, paths[i], charts);
  }
  for (let d = 0; d < dataSheets.length; d++) {
    const path = paths[report.sheets.length + d];
    const styleOf = await readStyleIds(zip, path, dataFormats[d]);
    zip.file(path, dataSheetStream(dataSheets[d], styleOf));
  }
  return zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
    // Sizes go in the local headers (no data descriptors): the most conservative zip layout for Excel.
    // Parts are still compressed one at a time, streamed ones chunk by chunk.
    streamFiles: false,
  });
}
