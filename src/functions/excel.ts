/**
 * The functions layer's edge to Excel: the display language, EngineError → CustomFunctions.Error
 * (the only place that builds one), and Decimal → the double Excel stores.
 * `CustomFunctions` and `Office` are looked up at call time: tests and benches install fakes.
 */
import type Decimal from "decimal.js";
import { isEngineError, type EngineError } from "../engine/index";
import { langFromLocale, t, type Lang } from "../i18n/index";

/** Excel's display language (zh-CN → zh), English when Office is not there (tests, CLI). */
export function displayLang(): Lang {
  try {
    return langFromLocale(typeof Office !== "undefined" ? Office.context?.displayLanguage : undefined);
  } catch {
    return "en";
  }
}

/** Custom messages show only for #VALUE! and #N/A; #DIV/0! and #NUM! carry none (docs/reference/functions.md). */
export function excelError(err: EngineError): CustomFunctions.Error {
  const codes = CustomFunctions.ErrorCode;
  if (err.code === "DIV0") return new CustomFunctions.Error(codes.divisionByZero);
  if (err.code === "NUM") return new CustomFunctions.Error(codes.invalidNumber);
  const message = t(displayLang(), err.messageKey, { arg: err.arg, ...err.params });
  return new CustomFunctions.Error(err.code === "NA" ? codes.notAvailable : codes.invalidValue, message);
}

/** Throws the error for Excel to show. */
export function fail(err: EngineError): never {
  throw excelError(err);
}

/** The value, or the Excel error thrown for Excel to show. */
export function orThrow<T>(x: T | EngineError): T {
  return isEngineError(x) ? fail(x) : x;
}

/** The double nearest the exact decimal (−0 shown as 0). */
export function toExcelNumber(x: Decimal): number {
  const n = x.toNumber();
  return n === 0 ? 0 : n;
}
