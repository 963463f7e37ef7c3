/** CellStyle (report model) → exceljs style objects for the .xlsx writer (docs/reference/tabs.md tabs). */
import type * as ExcelJS from "exceljs";
import type { CellStyle } from "../../report/model";

/** Excel wants ARGB; the model speaks "#RRGGBB" (or "RRGGBB"). */
export function argb(hex: string): string {
  const h = hex.replace(/^#/, "").toUpperCase();
  return h.length === 8 ? h : `FF${h.padStart(6, "0")}`;
}

function solid(hex: string): ExcelJS.Fill {
  return { type: "pattern", pattern: "solid", fgColor: { argb: argb(hex) }, bgColor: { argb: argb(hex) } };
}

const thin: ExcelJS.Border = { style: "thin", color: { argb: argb("#7F7F7F") } };

/**
 * The workbook's default font, spelled out in every styled font: a font with only <b/> leaves the name and size
 * to the reader, and LibreOffice then draws a wider serif, showing "###" where Excel fits the number.
 */
const BODY_FONT: Partial<ExcelJS.Font> = { name: "Calibri", size: 11, family: 2, scheme: "minor" };

/** The look of each CellStyle. Colours follow Excel's own "Good"/"Neutral"/"Bad" cell styles so recipients read
 * them the way they read Excel's built-ins. */
const looks: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14, color: { argb: argb("#1F4E78") } } },
  header: {
    font: { bold: true, color: { argb: argb("#FFFFFF") } },
    fill: solid("#1F4E78"),
    alignment: { vertical: "middle", wrapText: true },
  },
  note: { font: { italic: true, color: { argb: argb("#595959") } } },
  total: { font: { bold: true }, border: { top: thin } },
  top: { font: { color: { argb: argb("#006100") } }, fill: solid("#C6EFCE") },
  coaching: { font: { color: { argb: argb("#9C5700") } }, fill: solid("#FFEB9C") },
  warning: { font: { color: { argb: argb("#9C0006") } }, fill: solid("#FFC7CE") },
  paragraph: { alignment: { vertical: "top", wrapText: true } },
};

export const cellStyles = Object.fromEntries(
  Object.entries(looks).map(([style, look]) => [style, { ...look, font: { ...BODY_FONT, ...look.font } }]),
) as Record<CellStyle, Partial<ExcelJS.Style>>;
