/**
 * A small stand-in for Excel's CustomFunctions runtime: the Error class and the
 * ErrorCode enum with Excel's own values. `installCustomFunctionsFake()` sets it on the global
 * object before the shells run; they look it up at call time.
 */
export enum FakeErrorCode {
  invalidValue = "#VALUE!",
  notAvailable = "#N/A",
  divisionByZero = "#DIV/0!",
  invalidNumber = "#NUM!",
  nullReference = "#NULL!",
  invalidName = "#NAME?",
  invalidReference = "#REF!",
}

export class FakeCustomFunctionsError {
  constructor(
    readonly code: FakeErrorCode,
    readonly message?: string,
  ) {}
}

export function installCustomFunctionsFake(): void {
  (globalThis as Record<string, unknown>).CustomFunctions = {
    Error: FakeCustomFunctionsError,
    ErrorCode: FakeErrorCode,
  };
}

/** Sets (or with null removes) a fake `Office.context.displayLanguage`. */
export function setDisplayLanguage(locale: string | null): void {
  const g = globalThis as Record<string, unknown>;
  if (locale === null) delete g.Office;
  else g.Office = { context: { displayLanguage: locale } };
}

/** What a shell returned, or the Excel error it threw (as "#VALUE!" …), with its message. */
export function call<T>(fn: () => T): { value?: T; error?: string; message?: string } {
  try {
    return { value: fn() };
  } catch (e) {
    if (e instanceof FakeCustomFunctionsError) return { error: e.code, message: e.message };
    throw e;
  }
}

/** Jest assertion: the call throws this Excel error, its message matching when given. */
export function expectExcelError(fn: () => unknown, code: string, message?: RegExp | string): void {
  const r = call(fn);
  expect(r.error).toBe(code);
  if (message !== undefined) {
    if (typeof message === "string") expect(r.message).toBe(message);
    else expect(r.message).toMatch(message);
  }
}
