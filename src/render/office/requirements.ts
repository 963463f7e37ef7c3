/**
 * Requirement-set check (docs/reference/tabs.md needs ExcelApi 1.9: charts' series API, conditional formats,
 * suspendApiCalculationUntilNextSync). Returns an error value with the message key when too old.
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
