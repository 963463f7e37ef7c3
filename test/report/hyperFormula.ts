/**
 * HyperFormula, the every-machine recalculation engine (docs/reference/verification.md): every sheet of a Report is
 * loaded with its real name, values and formulas, recalculated, and each formula cell's cached value (the engine's)
 * is compared with HyperFormula's at 15 significant digits. Test-only: HyperFormula is GPL-3.0 and never bundled.
 */
import Decimal from "decimal.js";
import { DetailedCellError, HyperFormula, type ConfigParams, type RawCellContent } from "hyperformula";
import { key15 } from "../../src/engine/decimal";
import { cellAddress, formatNumber } from "../../src/sheet";
import type { Report, ReportCell } from "../../src/report/model";

/**
 * - useArrayArithmetic: `(range>x)*1` inside SUMPRODUCT is an array, as in Excel.
 * - smartRounding with precisionRounding 14: results read back at 15 significant digits (the digit after the
 *   precisionRounding-th decimal of the leading digit), Excel's precision.
 * - precisionEpsilon 2^-48: "=" and ">" treat numbers within 2^-48 relative as equal, as LibreOffice does
 *   (rtl::math::approxEqual); the default 1e-13 would tie scores Excel tells apart in the 14th digit.
 * - stringifyCurrency: HyperFormula's own TEXT misreads "#,##0" and "0.0%"; plain formats go through
 *   excelNumberText below, money formats with a symbol ("¥#,##0.00") through src/sheet's formatNumber, which
 *   LibreOffice checks independently (test/libreoffice).
 */
export const HYPERFORMULA_CONFIG: Partial<ConfigParams> = {
  licenseKey: "gpl-v3",
  useArrayArithmetic: true,
  smartRounding: true,
  precisionRounding: 14,
  precisionEpsilon: 2 ** -48,
  stringifyCurrency: (value, format) => excelNumberText(value, format) ?? formatNumber(value, format),
};

/**
 * TEXT(x, format) for the number formats the report's sentences use, as Excel writes them: HyperFormula's own TEXT
 * knows "0" and "0.00" but not a thousands comma or "%". "#,##0.00" groups by three, "0.00%" and "0%" scale by 100;
 * the value is read at Excel's 15 significant digits and rounded half away from zero. Any other format is left to
 * HyperFormula (undefined). LibreOffice checks the same formulas with its own TEXT (test/libreoffice).
 */
export function excelNumberText(value: number, format: string): string | undefined {
  const m = /^(#,##)?0(?:\.(0+))?(%)?$/.exec(format);
  if (!m) return undefined;
  const [, grouped, decimals, percent] = m;
  let x = new Decimal(value.toPrecision(15));
  if (percent) x = x.times(100);
  const digits = x.abs().toFixed(decimals?.length ?? 0, Decimal.ROUND_HALF_UP);
  const [int, frac] = digits.split(".");
  const whole = grouped ? int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") : int;
  const sign = x.isNegative() && /[1-9]/.test(digits) ? "-" : "";
  return `${sign}${whole}${frac !== undefined ? `.${frac}` : ""}${percent ?? ""}`;
}

export type Recalculated = number | string | boolean | null | { error: string };

export interface Mismatch {
  sheet: string;
  cell: string;
  f: string;
  cached: unknown;
  computed: Recalculated;
}

/** What HyperFormula reads for a report cell: a formula with its "=", text always as text (a leading apostrophe). */
function content(cell: ReportCell | null): RawCellContent {
  if (!cell) return null;
  if (cell.f !== undefined) return `=${cell.f}`;
  // Without the apostrophe "=x" would be a formula, "007" a number and "2026-04-01" a date.
  if (typeof cell.v === "string") return `'${cell.v}`;
  return cell.v ?? null;
}

/** The report recalculated: `value(sheet, row, col)` with a 1-based row and a 0-based column, as the Report's. */
export function recalculate(report: Report): { value: (sheet: string, row: number, col: number) => Recalculated } {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const s of report.sheets) sheets[s.name] = s.rows.map((row) => row.map(content));
  const hf = HyperFormula.buildFromSheets(sheets, HYPERFORMULA_CONFIG);
  return {
    value(sheet, row, col) {
      const id = hf.getSheetId(sheet);
      if (id === undefined) throw new Error(`HyperFormula has no sheet ${sheet}`);
      const v = hf.getCellValue({ sheet: id, row: row - 1, col });
      return v instanceof DetailedCellError ? { error: v.value } : v;
    },
  };
}

function isError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/**
 * Equal at 15 significant digits: the same 15-digit key, or one unit of the 15th digit apart (the cached value is the
 * exact decimal, HyperFormula's a double rounded to 15 digits: neighbours may fall either side of a rounding
 * boundary). Text and booleans equal, "" and blank alike (a formula returning "" reads back as text or blank).
 */
export function same15(cached: unknown, computed: Recalculated): boolean {
  if (typeof cached === "number" && typeof computed === "number") {
    if (key15(cached) === key15(computed)) return true;
    const big = Math.max(Math.abs(cached), Math.abs(computed));
    return Math.abs(cached - computed) <= 10 ** (Math.floor(Math.log10(big)) - 14);
  }
  if (isError(computed)) return false;
  const blank = (x: unknown): boolean => x === null || x === undefined || x === "";
  if (blank(cached) && blank(computed)) return true;
  return cached === computed;
}

/** Every formula cell of the report whose cached value HyperFormula does not reproduce. */
export function checkFormulas(report: Report): { checked: number; mismatches: Mismatch[] } {
  const { value } = recalculate(report);
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const s of report.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.f === undefined) return;
        checked++;
        const computed = value(s.name, r + 1, c);
        if (!same15(cell.v, computed))
          mismatches.push({ sheet: s.name, cell: cellAddress(r, c), f: cell.f, cached: cell.v, computed });
      }),
    );
  }
  return { checked, mismatches };
}

/** Every function name a formula of the report calls (text constants and quoted sheet names left out). */
export function functionsUsed(report: Report): Set<string> {
  const out = new Set<string>();
  for (const s of report.sheets)
    for (const row of s.rows)
      for (const cell of row) {
        if (!cell?.f) continue;
        const code = cell.f.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'!/g, "S!");
        for (const m of code.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) out.add(m[1]);
      }
  return out;
}
