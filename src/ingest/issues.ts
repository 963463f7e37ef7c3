/** Data issues of one sheet (docs/reference/cleaning.md): every coercion, exclusion or merge is one entry. */
import { rawForIssue } from "./parse";
import type { DataIssue, RawCell } from "./types";

export class SheetIssues {
  constructor(
    readonly sheet: string,
    readonly list: DataIssue[],
  ) {}

  add(
    row: number | null,
    column: string | null,
    raw: RawCell | undefined,
    action: DataIssue["action"],
    reasonKey: string,
    params?: Record<string, string | number>,
  ): void {
    const i: DataIssue = { sheet: this.sheet, row, column, raw: rawForIssue(raw), action, reasonKey };
    if (params) i.params = params;
    this.list.push(i);
  }
}
