/**
 * Requirement-set check. The renderer needs ExcelApi 1.6 (conditional formats, suspendApiCalculationUntilNextSync),
 * 1.7 (chart series, freeze panes, tab colours) and 1.8 (Excel.createWorkbook for statements); SalesPerf asks for
 * 1.9, the oldest set we have tested against, and manifest.xml declares the same version so that Office does not
 * offer the add-in where this check would refuse it (build/checkManifest.js compares the two).
 * Returns an error value with the message key when too old.
 */
import { officeError, type OfficeError } from "./errors";

export const REQUIRED_EXCEL_API = "1.9";

export type IsSetSupported = (name: string, minVersion?: string) => boolean;

function officeIsSetSupported(): IsSetSupported | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? (name, v) => requirements.isSetSupported(name, v) : null;
}

export function checkRequirements(isSetSupported: IsSetSupported | null = officeIsSetSupported()): OfficeError | null {
  if (!isSetSupported || !isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) {
    return officeError("excelTooOld", { version: REQUIRED_EXCEL_API });
  }
  return null;
}
