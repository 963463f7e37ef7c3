/**
 * Worksheet names (docs/reference/sheet.md "Sheet names"): Excel's rules for a valid name, making a name unique in
 * a workbook, and writing it in a formula reference. Excel counts a name's length in UTF-16 code units (an emoji
 * or a rare CJK character outside the BMP counts as two) and compares names case-insensitively.
 */

/** Excel's limit on a sheet name's length. */
export const MAX_SHEET_NAME_LENGTH = 31;

/** Characters Excel refuses anywhere in a sheet name. */
const FORBIDDEN = /[[\]:*?/\\]/;
const FORBIDDEN_ALL = /[[\]:*?/\\]/g;

export type SheetNameProblem = "empty" | "tooLong" | "forbiddenCharacter" | "apostropheAtEdge" | "reserved";

/** Why Excel would refuse a sheet name, or null when it is valid. */
export function sheetNameProblem(name: string): SheetNameProblem | null {
  if (name.length === 0) return "empty";
  if (name.length > MAX_SHEET_NAME_LENGTH) return "tooLong";
  if (FORBIDDEN.test(name)) return "forbiddenCharacter";
  if (name.startsWith("'") || name.endsWith("'")) return "apostropheAtEdge";
  // Excel keeps "History" for its change tracking.
  if (name.toLowerCase() === "history") return "reserved";
  return null;
}

/** The first `max` UTF-16 code units of a name, one fewer when the cut would split a surrogate pair. */
export function truncateSheetName(name: string, max = MAX_SHEET_NAME_LENGTH): string {
  if (name.length <= max) return name;
  const high = name.charCodeAt(max - 1);
  const cut = high >= 0xd800 && high <= 0xdbff ? max - 1 : max;
  return name.slice(0, cut);
}

/**
 * Any text → a valid sheet name: forbidden characters become "_", apostrophes at either end go, the name is cut
 * to 31 code units (never inside a surrogate pair) and an empty or reserved result becomes `fallback`.
 */
export function toSheetName(text: string, fallback = "Sheet"): string {
  const trimApostrophes = (s: string) => s.replace(/^'+/, "").replace(/'+$/, "");
  const name = trimApostrophes(truncateSheetName(trimApostrophes(text.replace(FORBIDDEN_ALL, "_"))));
  return name.length === 0 || sheetNameProblem(name) !== null ? fallback : name;
}

/** Case-insensitive, as Excel compares sheet names. */
export function sheetNameKey(name: string): string {
  return name.toLowerCase();
}

/**
 * `name` when no sheet in `taken` has it (case-insensitively), else "name (2)", "name (3)" … with the name cut so
 * the whole stays within 31 code units.
 */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set<string>();
  for (const t of taken) used.add(sheetNameKey(t));
  if (!used.has(sheetNameKey(name))) return name;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const base = truncateSheetName(name, MAX_SHEET_NAME_LENGTH - suffix.length).replace(/'+$/, "");
    const candidate = base + suffix;
    if (!used.has(sheetNameKey(candidate))) return candidate;
  }
}

/** Names Excel would read as something else when bare: a cell (A1, XFD9), an R1C1 reference (R, C5, R2C3), TRUE/FALSE. */
const READ_AS_OTHER = /^(?:[A-Z]{1,3}\d+|R\d*C?\d*|C\d*|TRUE|FALSE)$/i;

/**
 * A sheet name as a reference writes it before "!": bare when it is a plain ASCII word that cannot be read as
 * anything else ("Plan", "Sheet_1"), else in apostrophes with inner ones doubled ("'Data issues'", "'Rep''s'",
 * "'考核方案'", "'A1'"). Excel reads either form; quoting every non-ASCII name keeps the formulas readable by
 * older Excel, WPS, LibreOffice and formula engines that only take ASCII names bare.
 */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !READ_AS_OTHER.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "'Rep''s'" → "Rep's", "Plan" → "Plan"; null for a malformed quoted name. */
export function unquoteSheetName(text: string): string | null {
  if (!text.startsWith("'")) return text.includes("'") || text.length === 0 ? null : text;
  if (text.length < 2 || !text.endsWith("'")) return null;
  const inner = text.slice(1, -1);
  if (inner.replace(/''/g, "").includes("'")) return null;
  return inner.replace(/''/g, "'");
}
