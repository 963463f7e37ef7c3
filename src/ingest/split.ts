/**
 * Split credit (docs/reference/input.md "Split credit", cleaning.md "Split deals"): a deal credited to several reps.
 *
 * - Rows: a Split % column (with a Deal ID column) holds one row per rep per deal, as CRM split exports do. The
 *   Amount column holds the deal's amount; the rep is credited amount × split, exactly; a blank split is 100 %. A
 *   Split amount column, when its cell is filled, is the credited amount itself.
 * - Shared cells: a rep cell naming several reps ("Alice Chen / Bob Martin", "张三、李四") credits each an equal part
 *   of the row's credit, in cents, the first-named taking what rounding leaves, so the parts add up exactly.
 *
 * Nothing here runs, and nothing is allocated per row, when the table has neither a split column nor a shared cell:
 * `SplitReader.of` returns null and the rep field flags a shared cell once per distinct spelling.
 */
import type Decimal from "decimal.js";
import { compare15 } from "../engine/decimal";
import type { SheetIssues } from "./issues";
import { Dec, isBlankCell, isErrorText, normaliseRepName, readNumber, readSatisfaction } from "./parse";
import type { RawCell, SalesRow, SplitCredit, SplitSummary } from "./types";

/**
 * Separators that always list several people (full-width forms are folded by NFKC): "、" and ";", and "/" with a
 * space beside it ("Alice Chen / Bob Martin") or between Chinese names ("张三/李四").
 */
const LIST_SEPARATORS = /\s*[、;]\s*|\s+\/\s*|\/\s+|(?<=\p{Script=Han})\/(?=\p{Script=Han})/u;
/**
 * Separators that may belong to one name: "Chen, Alice", "Johnson & Johnson", "R&D", "Ann/Lee". A cell is split on
 * them only when every part is a rep of the table on their own (docs/reference/input.md "Split credit").
 */
const MAYBE_SEPARATORS = /\s*[,&/]\s*/;
const ANY_SEPARATOR = /[/、;,&]/;

/** Whether a normalised rep name holds a separator: checked once per distinct spelling (RepField). */
export function mayNameSeveral(norm: string): boolean {
  return ANY_SEPARATOR.test(norm);
}

/** The table's split columns, relative to the sheet's values (-1 = none), and their headers. */
export interface SplitColumns {
  deal: number;
  split: number;
  splitAmount: number;
  dealHeader: string | null;
  splitHeader: string | null;
  splitAmountHeader: string | null;
}

/** The Deal ID cell as text: trimmed text, a number as its text; null when blank or an error. */
export function readDealId(raw: RawCell | undefined): string | null {
  if (typeof raw === "string") {
    const s = raw.trim();
    return s.length > 0 && !isErrorText(s) ? s : null;
  }
  return typeof raw === "number" && Number.isFinite(raw) ? String(raw) : null;
}

/**
 * Reads a row's credit from the Split % and Split amount columns. One per table, and only when one of them exists:
 * the last row's result is kept in fields (no object per row).
 */
export class SplitReader {
  /** The row's credited amount (before a shared rep cell divides it). */
  credited = 0;
  /** The row's split as an exact fraction; null when a Split amount gave the credit. */
  split: string | null = "1";
  /** Why the row cannot be credited (a reason key), the column and the raw cell; null when it can. */
  failure: string | null = null;
  failureColumn: string | null = null;
  failureRaw: RawCell | undefined = undefined;
  /** The split was written as text ("60%"): listed as a conversion. */
  splitText = false;
  /** Plain numbers in the Split % column are percentages (some value is above 1): 60 means 60 %. */
  private readonly percentScale: boolean;

  private constructor(
    readonly columns: SplitColumns,
    values: RawCell[][],
    formats: (string | null)[][] | undefined,
    start: number,
    end: number,
  ) {
    this.percentScale = columns.split >= 0 && percentColumn(values, formats, columns.split, start, end);
  }

  /** A reader when the table has a Split % or Split amount column, else null (the table is read as today). */
  static of(
    columns: SplitColumns,
    values: RawCell[][],
    formats: (string | null)[][] | undefined,
    start: number,
    end: number,
  ): SplitReader | null {
    if (columns.split < 0 && columns.splitAmount < 0) return null;
    return new SplitReader(columns, values, formats, start, end);
  }

  /** Whether the Split % column is read as 0–100 (docs/reference/cleaning.md). */
  get percent(): boolean {
    return this.percentScale;
  }

  /** Reads the row's credit of a deal of `dealAmount`; false when the split cannot be read (the row is excluded). */
  read(row: readonly RawCell[], dealAmount: number): boolean {
    this.failure = null;
    this.splitText = false;
    this.split = "1";
    this.credited = dealAmount;
    const { split: sc, splitAmount: ac } = this.columns;
    if (ac >= 0) {
      const raw = row[ac];
      const r = readNumber(raw);
      if (r === null) return this.fail("splitAmountUnreadable", this.columns.splitAmountHeader, raw);
      if (r !== undefined) {
        this.credited = r.value;
        this.split = null;
        return true;
      }
    }
    if (sc < 0) return true;
    const raw = row[sc];
    if (isBlankCell(raw)) return true;
    const fraction = this.readSplit(raw);
    if (fraction === null) {
      // "60% / 40%" beside "Alice / Bob": one split per row is read, never matched to names by position.
      const several = typeof raw === "string" && /\d\s*%?\s*[/、;,]\s*\d/.test(raw.normalize("NFKC"));
      return this.fail(several ? "splitSeveralValues" : "splitUnreadable", this.columns.splitHeader, raw);
    }
    if (fraction.isNegative()) return this.fail("splitNegative", this.columns.splitHeader, raw);
    this.split = fraction.toString();
    this.credited = exactNumber(new Dec(String(dealAmount)).times(fraction));
    return true;
  }

  private readSplit(raw: RawCell): Decimal | null {
    if (typeof raw === "number") {
      if (!Number.isFinite(raw)) return null;
      const d = new Dec(String(raw));
      return this.percentScale ? d.div(100) : d;
    }
    if (typeof raw === "string" && isErrorText(raw.trim())) return null;
    const s = readSatisfaction(raw);
    if (s.kind === "plain") {
      this.splitText = true;
      const d = new Dec(String(s.value));
      return this.percentScale ? d.div(100) : d;
    }
    if (s.kind === "percent") {
      this.splitText = true;
      return new Dec(String(s.value));
    }
    return null;
  }

  private fail(key: string, column: string | null, raw: RawCell | undefined): false {
    this.failure = key;
    this.failureColumn = column;
    this.failureRaw = raw;
    return false;
  }
}

/**
 * The Split % column's scale: any plain number above 1 (a number cell not formatted as a percentage, or text without
 * "%") makes it 0–100, as for satisfaction (docs/reference/cleaning.md).
 */
function percentColumn(
  values: RawCell[][],
  formats: (string | null)[][] | undefined,
  c: number,
  start: number,
  end: number,
): boolean {
  for (let i = start; i < end; i++) {
    const v = values[i]?.[c];
    if (typeof v === "number") {
      if (v > 1 && !(formats?.[i]?.[c] ?? "").includes("%")) return true;
    } else if (typeof v === "string") {
      const s = readSatisfaction(v);
      if (s.kind === "plain" && s.value > 1) return true;
    }
  }
  return false;
}

/** A decimal as the double that holds it (exact up to 15 significant digits, as Excel holds numbers). */
function exactNumber(d: Decimal): number {
  const n = Number(d.toSignificantDigits(15).toString());
  return n === 0 ? 0 : n;
}

/** A credit before the deal pass sets `firstNamed`. */
export function rowCredit(dealAmount: number, split: string | null): SplitCredit {
  return { dealAmount, split, names: 1, place: 0, firstNamed: true };
}

/** What the ingest loop hands over for the pass after it. */
export interface SplitPass {
  rows: SalesRow[];
  /** Indexes into `rows` of rows whose rep cell may name several reps, ascending. */
  sharedAt: readonly number[];
  /** The table has a Split % or Split amount column. */
  splitColumns: boolean;
  columns: SplitColumns;
  repHeader: string | null;
  amountHeader: string | null;
  issues: SheetIssues;
}

/**
 * After the rows are read: rep cells naming several reps become one row per rep, and the deals are checked (splits
 * that do not add up to 100 %, one deal with several amounts). Returns the rows (a new array only when a cell was
 * shared) and what was found (null: nothing was credited in parts, the rows are as without split credit).
 */
export function creditSplits(pass: SplitPass): { rows: SalesRow[]; summary: SplitSummary | null } {
  const shared = pass.sharedAt.length > 0 ? shareCells(pass) : null;
  const rows = shared === null ? pass.rows : shared.rows;
  const sharedRows = shared === null ? 0 : shared.count;
  if (pass.splitColumns && pass.columns.deal < 0)
    pass.issues.add(null, pass.columns.splitHeader ?? pass.columns.splitAmountHeader, null, "kept", "splitWithoutDeal");
  if (!pass.splitColumns && sharedRows === 0) return { rows, summary: null };
  const deals = checkDeals(rows, pass);
  return { rows, summary: { splitColumns: pass.splitColumns, sharedRows, ...deals } };
}

/** What a rep cell names: the reps when more than one (else null), and the parts kept whole though they hold a comma, & or /. */
interface CellNames {
  names: string[] | null;
  doubtful: string[];
}

function namesOf(rep: string, alone: ReadonlySet<string>): CellNames {
  const names: string[] = [];
  const doubtful: string[] = [];
  for (const part of rep.split(LIST_SEPARATORS)) {
    const p = normaliseRepName(part);
    if (p.length === 0) continue;
    const sub = p.split(MAYBE_SEPARATORS).map(normaliseRepName);
    if (sub.length > 1 && sub.every((s) => s.length > 0 && alone.has(s))) names.push(...sub);
    else {
      if (sub.length > 1) doubtful.push(p);
      names.push(p);
    }
  }
  const distinct = [...new Set(names)];
  return { names: distinct.length > 1 ? distinct : null, doubtful };
}

/** Rows whose rep cell names several reps, one row per rep; names kept whole when a separator may be part of one. */
function shareCells(pass: SplitPass): { rows: SalesRow[]; count: number } {
  const { rows, sharedAt, issues } = pass;
  const candidates = new Set(sharedAt);
  const alone = new Set<string>();
  for (let i = 0; i < rows.length; i++) if (!candidates.has(i)) alone.add(rows[i].rep);
  // A rep cell is read once per distinct text; a name kept whole is listed once, at its first row, with its rows.
  const cells = new Map<string, CellNames>();
  const doubtful = new Map<string, { firstRow: number; rows: number }>();
  const out: SalesRow[] = [];
  let count = 0;
  let next = 0;
  for (const i of sharedAt) {
    while (next < i) out.push(rows[next++]);
    next = i + 1;
    const row = rows[i];
    let cell = cells.get(row.rep);
    if (cell === undefined) {
      cell = namesOf(row.rep, alone);
      cells.set(row.rep, cell);
    }
    for (const name of cell.doubtful) {
      const d = doubtful.get(name);
      if (d === undefined) doubtful.set(name, { firstRow: row.sheetRow, rows: 1 });
      else d.rows++;
    }
    const names = cell.names;
    if (names === null) {
      out.push(row);
      continue;
    }
    count++;
    const parts = equalParts(row.amount, names.length);
    const base = row.credit ?? rowCredit(row.amount, "1");
    names.forEach((rep, place) => {
      out.push({ ...row, rep, amount: parts[place], credit: { ...base, names: names.length, place } });
    });
    issues.add(row.sheetRow, pass.repHeader, row.rep, "kept", "repCellShared", {
      count: names.length,
      names: names.join(", "),
      amount: String(parts[1]),
      first: String(parts[0]),
    });
  }
  while (next < rows.length) out.push(rows[next++]);
  for (const [name, d] of doubtful)
    issues.add(d.firstRow, pass.repHeader, name, "kept", "repCellOneName", { name, rows: d.rows });
  return { rows: out, count };
}

/**
 * `amount` in `n` equal parts to the cent (or to the amount's own decimals, when it has more), half away from zero;
 * the first part takes what rounding leaves, so the parts add up to the amount exactly.
 */
export function equalParts(amount: number, n: number): number[] {
  const total = new Dec(String(amount));
  const places = Math.max(2, total.decimalPlaces());
  const each = total.div(n).toDecimalPlaces(places, Dec.ROUND_HALF_UP);
  const first = total.minus(each.times(n - 1));
  const parts = [exactNumber(first)];
  for (let k = 1; k < n; k++) parts.push(exactNumber(each));
  return parts;
}

interface Deal {
  /** Deal ID, or null for a row that is a deal of its own. */
  id: string | null;
  rows: SalesRow[];
  share: Decimal;
  /** The row's credit divided by its deal amount cannot be summed (a deal amount of 0). */
  unknownShare: boolean;
}

/**
 * One pass over the credited rows: the first-named rep of each deal, and a listing for each deal whose splits do not
 * add up to 100 % (at each of its rows) and each row whose amount differs from the deal's first row. Nothing is
 * rescaled (docs/reference/cleaning.md).
 */
function checkDeals(rows: readonly SalesRow[], pass: SplitPass): { deals: number; dealsNot100: number } {
  let dealsNot100 = 0;
  const deals = new Map<string, Deal>();
  for (const r of rows) {
    const c = r.credit;
    if (c === undefined) continue;
    // Without a split column a Deal ID / 订单号 groups order lines, not splits: each shared row is a deal of its own.
    const id = pass.splitColumns && pass.columns.deal >= 0 ? (r.dealId ?? null) : null;
    const key = id === null ? `\u0000${r.sheetRow}` : id;
    let deal = deals.get(key);
    if (deal === undefined) {
      deal = { id, rows: [], share: new Dec(0), unknownShare: false };
      deals.set(key, deal);
      c.firstNamed = c.place === 0;
    } else c.firstNamed = false;
    deal.rows.push(r);
    // Every credited part counts: a shared cell's parts add up to the row's credit exactly.
    if (c.dealAmount === 0) deal.unknownShare = true;
    else deal.share = deal.share.plus(new Dec(String(r.amount)).div(String(c.dealAmount)));
  }
  const amountH = pass.amountHeader;
  const splitH = pass.columns.splitHeader ?? pass.columns.splitAmountHeader ?? pass.repHeader;
  for (const deal of deals.values()) {
    const sheetRows = [...new Set(deal.rows.map((r) => r.sheetRow))];
    const first = deal.rows[0];
    if (deal.id !== null) {
      for (const r of deal.rows) {
        if (r.credit!.place > 0 || r.credit!.dealAmount === first.credit!.dealAmount) continue;
        pass.issues.add(r.sheetRow, amountH, r.credit!.dealAmount, "kept", "dealAmountsDiffer", {
          deal: deal.id,
          firstRow: first.sheetRow,
          first: String(first.credit!.dealAmount),
        });
      }
    }
    if (deal.unknownShare || compare15(deal.share, new Dec(1)) === 0) continue;
    dealsNot100++;
    const total = deal.share.times(100).toSignificantDigits(15).toString() + "%";
    for (const sheetRow of sheetRows) {
      pass.issues.add(sheetRow, splitH, null, "kept", deal.id === null ? "splitNotHundredRow" : "splitsNotHundred", {
        deal: deal.id ?? "",
        total,
        rows: sheetRows.join(", "),
      });
    }
  }
  return { deals: deals.size, dealsNot100 };
}
