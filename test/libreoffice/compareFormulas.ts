/** Compare every formula cell's cached value (our engine's) with the value LibreOffice recalculated (docs/reference/tabs.md). */
import * as ExcelJS from "exceljs";
import { serialFromDayCountDate } from "../../src/sheet";

export interface FormulaMismatch {
  sheet: string;
  cell: string;
  formula: string;
  written: unknown;
  recalculated: unknown;
}

type Plain = number | string | boolean | null | { error: string };

function plainOf(v: ExcelJS.CellValue): { formula: string | null; value: Plain } {
  if (v && typeof v === "object" && "formula" in v) {
    const r = (v as ExcelJS.CellFormulaValue).result;
    return { formula: (v as ExcelJS.CellFormulaValue).formula, value: (r ?? null) as Plain };
  }
  if (v && typeof v === "object" && "sharedFormula" in v) {
    const r = (v as ExcelJS.CellSharedFormulaValue).result;
    return { formula: (v as ExcelJS.CellSharedFormulaValue).sharedFormula, value: (r ?? null) as Plain };
  }
  if (v instanceof Date) return { formula: null, value: serialFromDayCountDate(v) };
  return { formula: null, value: (v ?? null) as Plain };
}

function asNumber(v: Plain | Date): number | null {
  if (typeof v === "number") return v;
  if (v instanceof Date) return serialFromDayCountDate(v);
  return null;
}

function isError(v: unknown): v is { error: string } {
  return typeof v === "object" && v !== null && "error" in v;
}

/** Same value: numbers within 1e-9 relative (LibreOffice saves 15 significant digits), else strict equality;
 * an empty string and an empty cell are the same (a formula returning "" is saved as an empty string). */
export function sameValue(written: Plain, recalculated: Plain | Date): boolean {
  const a = asNumber(written);
  const b = asNumber(recalculated as Plain);
  if (a !== null && b !== null) return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  const blank = (x: unknown) => x === null || x === undefined || x === "";
  if (blank(written) && blank(recalculated)) return true;
  if (isError(written) || isError(recalculated)) return false;
  return written === recalculated;
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** Every formula cell of `ours` checked against the same cell of `recalculated`. */
export function compareFormulaCells(
  ours: ExcelJS.Workbook,
  recalculated: ExcelJS.Workbook,
): { checked: number; mismatches: FormulaMismatch[]; errors: FormulaMismatch[] } {
  let checked = 0;
  const mismatches: FormulaMismatch[] = [];
  const errors: FormulaMismatch[] = [];
  for (const ws of ours.worksheets) {
    const other = recalculated.getWorksheet(ws.name);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const mine = plainOf(cell.value);
        if (mine.formula === null) return;
        checked++;
        const theirs = other ? plainOf(other.getCell(cell.address).value) : { formula: null, value: null };
        const entry = {
          sheet: ws.name,
          cell: cell.address,
          formula: mine.formula,
          written: mine.value,
          recalculated: theirs.value,
        };
        if (isError(theirs.value)) errors.push(entry);
        else if (!sameValue(mine.value, theirs.value)) mismatches.push(entry);
      });
    });
  }
  return { checked, mismatches, errors };
}
