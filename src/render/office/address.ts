/** A1 helpers for the Office.js renderer (docs/reference/tabs.md): column letters, sheet-qualified references. */

export function columnLetters(col: number): string {
  let s = "";
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based { col, row } → "B3". */
export function cellA1(col: number, row: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** Quotes a sheet name for a formula reference when Excel needs it: 'Data issues'!A1. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

/** "'Ranking'!$C$2:$C$13" → { sheet: "Ranking", address: "$C$2:$C$13" }; no sheet → null. */
export function splitSheetRef(ref: string): { sheet: string | null; address: string } {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return { sheet: null, address: ref };
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("=")) sheet = sheet.slice(1);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, address: ref.slice(bang + 1) };
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Rewrites references to renamed sheets in a formula or reference ("Scorecard!B2" or
 * "'Scorecard'!B2" → "'Scorecard (2)'!B2"). Text inside string literals is left alone.
 */
export function renameSheetRefs(formula: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0) return formula;
  const parts = formula.split(/("(?:[^"]|"")*")/); // odd indexes are string literals
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      let out = part;
      for (const [from, to] of renames) {
        const quoted = `'${from.replace(/'/g, "''")}'!`;
        out = out.split(quoted).join(`${quoteSheetName(to)}!`);
        if (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(from)) {
          out = out.replace(new RegExp(`(^|[^A-Za-z0-9_.'])${escapeRegExp(from)}!`, "g"), `$1${quoteSheetName(to)}!`);
        }
      }
      return out;
    })
    .join("");
}
