/**
 * The Data issues tab (docs/reference/cleaning.md): what matters first. Rows left out and possible duplicates (kept and
 * counted) come first, then the values kept with a doubt or not read, then one line counting the conversions by kind
 * ("37 values converted: 30 amounts written as text, 7 dates written as text"); each conversion is listed in a block
 * lower down, under its own heading and table, for whoever wants to fix the sheet. Within a group, the order stays
 * sheet by sheet, in row order. Plain rows in both renderers: no outline, which the add-in's Excel API level lacks.
 */
import { t, tCount, type Lang } from "../i18n/index";
import type { DataIssue } from "../ingest/types";
import { text, value } from "./cells";
import type { ReportCell, ReportSheet } from "./model";

const TABLE_STYLE = "TableStyleMedium2";

/**
 * Conversions that read the value the user meant (text holding a number or a date): harmless, counted on one line. A
 * conversion that guesses — a yes/no value not understood and counted as no, a small satisfaction score read as a
 * percentage — stays listed with the values worth a look.
 */
const HARMLESS_CONVERSIONS = new Set([
  "amountTextCoerced",
  "dateTextCoerced",
  "satisfactionTextCoerced",
  "behaviourTextCoerced",
  "splitTextCoerced",
  "amountConverted",
]);

/** 0: the numbers would differ (rows left out, a duplicate counted twice); 1: worth a look; 2: converted, harmless. */
function severity(issue: DataIssue): 0 | 1 | 2 {
  if (issue.action === "excluded" || issue.reasonKey === "possibleDuplicate") return 0;
  return issue.action === "coerced" && HARMLESS_CONVERSIONS.has(issue.reasonKey) ? 2 : 1;
}

/** The issues ordered by severity, each group in its original (sheet, row) order, and the conversions apart. */
export function issuesBySeverity(issues: readonly DataIssue[]): { listed: DataIssue[]; conversions: DataIssue[] } {
  const groups: DataIssue[][] = [[], [], []];
  for (const x of issues) groups[severity(x)].push(x);
  return { listed: [...groups[0], ...groups[1]], conversions: groups[2] };
}

/**
 * "37 values converted: 30 amounts written as text, 7 dates written as text; each one is listed from row 52": kinds
 * in order of count (then first met), each named by `issueKind.<reasonKey>`.
 */
function conversionSummary(lang: Lang, conversions: readonly DataIssue[], detailRow: number): string {
  const byKind = new Map<string, number>();
  for (const x of conversions) byKind.set(x.reasonKey, (byKind.get(x.reasonKey) ?? 0) + 1);
  const kinds = [...byKind.entries()]
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => tCount(lang, `issueKind.${key}`, n));
  return tCount(lang, "issues.conversions", conversions.length, {
    kinds: kinds.join(t(lang, "issues.kindSeparator")),
    row: detailRow,
  });
}

function headerCells(lang: Lang, keys: readonly string[]): ReportCell[] {
  return keys.map((key) => text(t(lang, key), "header"));
}

const HEADER_KEYS = ["hdr.sheet", "hdr.row", "hdr.column", "hdr.raw", "hdr.action", "hdr.reason"] as const;

/**
 * The Data issues tab: a header, the issues by severity with the conversions' count line, in a table; then, when there
 * are conversions, a blank row, a heading and the conversions one per row in a second table. `minRows`: rows under the
 * header before the conversions block at least (blank rows pad, for a block beside the list); the report appends its
 * reconciliation columns to the first rows and widths. `ratesBlock` (ratesUsed.ts: a heading, a header and rows), when
 * given, goes between the list and the conversions block, as a table of its own.
 */
export function issuesTab(
  lang: Lang,
  name: string,
  issues: readonly DataIssue[],
  minRows = 0,
  ratesBlock: (ReportCell | null)[][] | null = null,
): ReportSheet & { columnWidths: number[] } {
  const { listed, conversions } = issuesBySeverity(issues);
  const rows: (ReportCell | null)[][] = [headerCells(lang, HEADER_KEYS), ...issueRows(lang, listed)];
  const listEnd = rows.length + (conversions.length > 0 ? 1 : 0); // the last row of the first table
  // The block: after the list (padded to minRows) and a blank row; its heading, its header, then its rows.
  const ratesRows = ratesBlock === null ? 0 : ratesBlock.length + 1;
  const blockHeading = Math.max(listEnd, minRows + 1) + 2 + ratesRows;
  if (conversions.length > 0) {
    rows.push([
      null,
      null,
      null,
      null,
      text(t(lang, "action.coerced")),
      text(conversionSummary(lang, conversions, blockHeading + 2)),
    ]);
  }
  while (rows.length < minRows + 1) rows.push([null, null, null, null, null, null]);
  const tables = listEnd > 1 ? [{ name: "SP_Issues", ref: `A1:F${listEnd}`, style: TABLE_STYLE }] : [];
  if (ratesBlock !== null) {
    rows.push([], ...ratesBlock);
    // The table starts at the block's header, under its heading.
    tables.push({
      name: "SP_Rates",
      ref: `A${rows.length - ratesBlock.length + 2}:F${rows.length}`,
      style: TABLE_STYLE,
    });
  }
  if (conversions.length > 0) {
    rows.push([]);
    rows.push([text(tCount(lang, "issues.conversionsHeading", conversions.length), "title")]);
    rows.push(headerCells(lang, HEADER_KEYS));
    rows.push(...issueRows(lang, conversions));
    tables.push({ name: "SP_Conversions", ref: `A${blockHeading + 1}:F${rows.length}`, style: TABLE_STYLE });
  }
  return {
    key: "issues",
    name,
    rows,
    columnWidths: [16, 8, 18, 18, 12, 70],
    freeze: { rows: 1, cols: 0 },
    tables,
    tabColor: "#C00000",
  };
}

/** The issues as rows of the Data issues tab (each action's words translated once: a big input has many). */
function issueRows(lang: Lang, issues: readonly DataIssue[]): (ReportCell | null)[][] {
  const actions = new Map<string, string>();
  const rows: (ReportCell | null)[][] = new Array(issues.length);
  for (let i = 0; i < issues.length; i++) {
    const x = issues[i];
    let action = actions.get(x.action);
    if (action === undefined) {
      action = t(lang, `action.${x.action}`);
      actions.set(x.action, action);
    }
    rows[i] = [
      text(x.sheet),
      x.row === null ? null : { v: x.row },
      x.column === null ? null : text(x.column),
      x.raw === null ? null : value(x.raw),
      text(action),
      text(t(lang, x.reasonKey, x.params)),
    ];
  }
  return rows;
}
