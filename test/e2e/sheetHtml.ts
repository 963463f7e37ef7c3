/**
 * A generated tab as an HTML table, for screenshots of the report in a browser (docs/images): each cell's cached
 * value as Excel displays it under its number format (src/sheet formatNumber, the one the print layout measures),
 * the cell styles of the report model, the tab's column widths.
 */
import type { ReportCell, ReportSheet } from "../../src/report/model";
import { formatNumber } from "../../src/sheet";

const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function cellText(c: ReportCell | null): string {
  if (!c || c.v === null || c.v === undefined) return "";
  if (typeof c.v === "number") return formatNumber(c.v, c.fmt);
  if (typeof c.v === "boolean") return c.v ? "TRUE" : "FALSE";
  return c.v;
}

/** Styles with a fill: their colour stays in their own cell. */
const FILLED = new Set(["header", "top", "coaching", "warning"]);

const STYLE_CSS = `
  body { margin: 0; padding: 8px; background: #fff; font: 13px "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
  h1 { font-size: 13px; font-weight: 600; margin: 0 0 6px; color: #444; }
  table { border-collapse: collapse; table-layout: fixed; }
  td { border: 1px solid #d4d4d4; padding: 2px 6px; white-space: nowrap; overflow: hidden; text-overflow: clip; height: 20px; }
  td:last-child { overflow: visible; } /* text in the last column runs on to the right, as in Excel */
  td.n { text-align: right; font-variant-numeric: tabular-nums; }
  td.header { background: #2e75b6; color: #fff; font-weight: 600; }
  td.title { font-weight: 700; font-size: 15px; border-color: transparent; }
  td.note { color: #666; font-style: italic; }
  td.total { font-weight: 700; border-top: 2px solid #555; }
  td.top { background: #e2efda; }
  td.coaching { background: #fff2cc; }
  td.warning { background: #fce4d6; }
  td.wrap { white-space: normal; }
`;

/** The sheet as a page: its name as a caption (the tab), then the grid. */
export function sheetHtml(sheet: ReportSheet, lang: "en" | "zh"): string {
  const cols = Math.max(0, ...sheet.rows.map((r) => r.length));
  const widths = Array.from({ length: cols }, (_, c) => sheet.columnWidths?.[c] ?? 10);
  // Excel's width unit is about one digit of the default font: 7 px plus padding.
  const px = widths.map((w) => Math.round(w * 7 + 10));
  const colgroup = px.map((w) => `<col style="width:${w}px">`).join("");
  const body = sheet.rows
    .map((row) => {
      const cells: string[] = [];
      for (let c = 0; c < cols; c++) {
        const cell = row[c] ?? null;
        const text = cellText(cell);
        // Text runs on over the empty cells to its right, as in Excel; a number never does, nor a cell's fill.
        let span = 1;
        if (typeof cell?.v === "string" && text !== "" && !FILLED.has(cell.style ?? ""))
          while (c + span < cols && cellText(row[c + span] ?? null) === "" && !row[c + span]?.style) span++;
        const classes = [cell?.style ?? "", typeof cell?.v === "number" ? "n" : ""].filter(Boolean).join(" ");
        const attrs = `${classes ? ` class="${classes}"` : ""}${span > 1 ? ` colspan="${span}"` : ""}`;
        cells.push(`<td${attrs}>${escape(text)}</td>`);
        c += span - 1;
      }
      return `<tr>${cells.join("")}</tr>`;
    })
    .join("\n");
  return (
    `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8"><style>${STYLE_CSS}</style></head>` +
    `<body><h1>${escape(sheet.name)}</h1><table style="width:${px.reduce((a, b) => a + b, 0)}px"><colgroup>${colgroup}</colgroup>${body}</table></body></html>`
  );
}
