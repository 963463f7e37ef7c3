/**
 * Errors of the Office.js layer as values: a catalogue key
 * (src/i18n/catalogues/ui.ts) plus parameters naming the sheet, step and Excel's own message.
 */

export interface OfficeError {
  readonly kind: "officeError";
  readonly messageKey: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

export type OfficeResult<T> = { ok: true; value: T } | { ok: false; error: OfficeError };

export function officeError(messageKey: string, params?: Record<string, string | number>): OfficeError {
  return { kind: "officeError", messageKey, params };
}

/** Excel's error text: RichApi errors carry a code ("ItemNotFound") and a message. */
export function describeExcelError(e: unknown): string {
  if (e && typeof e === "object") {
    const o = e as { code?: unknown; message?: unknown };
    const code = typeof o.code === "string" ? o.code : "";
    const message = typeof o.message === "string" ? o.message : String(e);
    return code && !message.includes(code) ? `${code}: ${message}` : message;
  }
  return String(e);
}
