/**
 * The header row of a side sheet the user keeps (Targets, Teams, Rates, People: docs/reference/input.md): headers in
 * English or Chinese, matched as words (normaliseWord), looked for in the first rows only since a title may sit above.
 */
import type { RawCell } from "../ingest/types";
import { cellText, isBlank } from "./cells";
import { normaliseWord } from "./vocab";

export const HEADER_SCAN_ROWS = 20;

/** Whether `cell` is one of the headers of `list`. */
export function isHeader(list: readonly string[], cell: RawCell | undefined): boolean {
  return list.includes(normaliseWord(cellText(cell)));
}

/**
 * The first row (0-based, from A1) holding a header of each `required` field, and each field's column there
 * (−1 for an optional field the row lacks); null when no row within the first rows has them all.
 */
export function findHeaderRow<K extends string>(
  values: readonly (readonly RawCell[] | undefined)[],
  headers: Record<K, readonly string[]>,
  required: readonly NoInfer<K>[],
): { row: number; col: Record<K, number> } | null {
  const fields = Object.keys(headers) as K[];
  for (let r = 0; r < Math.min(values.length, HEADER_SCAN_ROWS); r++) {
    const row = values[r] ?? [];
    const col = {} as Record<K, number>;
    for (const f of fields) col[f] = row.findIndex((c) => isHeader(headers[f], c));
    if (required.every((f) => col[f] >= 0)) return { row: r, col };
  }
  return null;
}

/** A sheet with no value at all: it says nothing, so it is no error to find no header on it. */
export function isBlankSheet(values: readonly (readonly RawCell[] | undefined)[]): boolean {
  return values.every((row) => (row ?? []).every((c) => isBlank(c)));
}
