/** Spreadsheet primitives (docs/reference/sheet.md): A1 addresses, sheet names, date serials, number text. */
export * from "./address";
export * from "./dates";
export * from "./numberText";
export * from "./sheetNames";
export * from "./displayText";
