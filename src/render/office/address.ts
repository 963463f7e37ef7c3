/**
 * A renamed tab's references follow it (docs/reference/tabs.md); names are quoted as docs/reference/sheet.md says.
 */
import { quoteSheetName } from "../../sheet";

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
        if (quoteSheetName(from) === from) {
          // A bare name ("Scorecard!") that is not the tail of a longer one ("MyScorecard!").
          const bare = new RegExp(`(^|[^\\p{L}\\p{N}_.'])${escapeRegExp(from)}!`, "gu");
          out = out.replace(bare, `$1${quoteSheetName(to)}!`);
        }
      }
      return out;
    })
    .join("");
}
