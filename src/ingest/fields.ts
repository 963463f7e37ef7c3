/**
 * One reader per field of a sales row (docs/reference/cleaning.md). A reader turns one cell into the typed value
 * and lists what it changed or could not read on the sheet's issues. Built for a million rows: typeof checks
 * first, caches for repeated strings, and readers that can fail keep their last result in fields instead of
 * allocating a result object per row.
 */
import type { BlockExtent } from "./findTable";
import type { SheetIssues } from "./issues";
import {
  Dec,
  currencyOfFormat,
  isoOfSymbol,
  normaliseRepName,
  parseAmount,
  parseDate,
  parseYesNo,
  percentToFraction,
  readNumber,
  readSatisfaction,
} from "./parse";
import { isDateSerial } from "../sheet";
import { mayNameSeveral } from "./split";
import type { RawCell } from "./types";

interface RepSpelling {
  /** 1-based, in order of first appearance: the duplicate detector hashes it instead of the text. */
  id: number;
  norm: string;
  usedRows: number;
  firstUsedRow: number;
  /** The name holds a separator ("/", "、", "," …): it may name several reps (split.ts). */
  several: boolean;
}

/** Rep names, normalised once per distinct spelling; spellings that merge are listed at the end. */
export class RepField {
  private readonly spellings = new Map<string, RepSpelling>();
  /** The spelling of the cell just read; undefined when it was not text. */
  private spelling: RepSpelling | undefined;

  /** The normalised name, or null when the cell holds none. */
  read(raw: RawCell | undefined): string | null {
    this.spelling = undefined;
    if (typeof raw === "string") {
      let s = this.spellings.get(raw);
      if (s === undefined) {
        const norm = normaliseRepName(raw);
        s = { id: this.spellings.size + 1, norm, usedRows: 0, firstUsedRow: 0, several: mayNameSeveral(norm) };
        this.spellings.set(raw, s);
      }
      this.spelling = s;
      return s.norm.length > 0 ? s.norm : null;
    }
    return typeof raw === "number" ? String(raw) : null;
  }

  /** A number naming the spelling just read (0 for a number cell). */
  spellingId(): number {
    return this.spelling === undefined ? 0 : this.spelling.id;
  }

  /** Whether the cell just read may name several reps (a shared deal, docs/reference/input.md). */
  maySeveral(): boolean {
    return this.spelling !== undefined && this.spelling.several;
  }

  /** The row just read is used: counts toward its spelling's merge listing. */
  markUsed(sheetRow: number): void {
    const s = this.spelling;
    if (s !== undefined && s.usedRows++ === 0) s.firstUsedRow = sheetRow;
  }

  /**
   * Rep names that became equal after normalisation (docs/reference/cleaning.md): each raw spelling that was
   * changed is listed once, at its first used row, when its name has more than one spelling in use.
   */
  listMerges(issues: SheetIssues, column: string | null): void {
    const byNorm = new Map<string, { raw: string; s: RepSpelling }[]>();
    for (const [raw, s] of this.spellings) {
      if (s.usedRows === 0 || s.norm.length === 0) continue;
      const g = byNorm.get(s.norm);
      if (g) g.push({ raw, s });
      else byNorm.set(s.norm, [{ raw, s }]);
    }
    for (const [norm, group] of byNorm) {
      if (group.length < 2) continue;
      for (const { raw, s } of group) {
        if (raw !== norm)
          issues.add(s.firstUsedRow, column, raw, "merged", "repNamesMerged", { name: norm, rows: s.usedRows });
      }
    }
  }
}

/** Dates: an Excel serial as is, text parsed (docs/reference/cleaning.md). */
export class DateField {
  /** The whole-day serial of the cell just read (0 when it failed). */
  serial = 0;
  /** Why the cell just read is not a date, as a reason key; null when it is one. */
  failure: string | null = null;
  /** The date was written as text that is not a month name: listed as a coercion. */
  coerced = false;

  read(raw: RawCell | undefined): boolean {
    this.serial = 0;
    this.failure = null;
    this.coerced = false;
    if (typeof raw === "number" && isDateSerial(raw)) {
      this.serial = Math.floor(raw);
      return true;
    }
    const p = parseDate(raw ?? null);
    if (p.ok) {
      this.serial = p.serial;
      this.coerced = !p.month; // a month can only be written as text: nothing to fix
      return true;
    }
    this.failure = p.reasonKey;
    return false;
  }
}

/** Amounts: a number as is, text parsed exactly; the currency is counted from formats and symbols. */
export class AmountField {
  /** The amount of the cell just read (0 when it failed). */
  value = 0;
  failure: string | null = null;
  /** Read from text ("1,200", "¥0.73万"): listed as a coercion. */
  coerced = false;
  /** The currency written in the text just read ("$1,200" → USD), else null. */
  symbolIso: string | null = null;
  /**
   * The row's currency (docs/reference/input.md "Currencies"): the Currency column's when it names one, else the
   * text's symbol, else the cell's number format; null when nothing says.
   */
  iso: string | null = null;
  /** The Currency column's cell just read: its code, "" when blank, null when it names no currency. */
  columnIso: string | null = "";
  /** Currency cells that name no currency, and rows whose text names another currency than their Currency cell. */
  columnTrouble = 0;
  private readonly currencyCounts = new Map<string, number>();
  // Rows of one table usually share a format row object: its currency is looked up once per object.
  private lastFormatRow: (string | null)[] | null | undefined = undefined;
  private lastFormatIso: string | null = null;

  constructor(
    private readonly formats: (string | null)[][] | undefined,
    private readonly column: number,
    /** The Currency column (relative), with the sheet's values and a reader of its cells; null when there is none. */
    private readonly currencyColumn: {
      values: RawCell[][];
      c: number;
      read: (raw: RawCell | undefined) => string | null;
    } | null = null,
  ) {}

  /** `index` is the row's index into the sheet's values (and number formats). */
  read(raw: RawCell | undefined, index: number): boolean {
    this.value = 0;
    this.failure = null;
    this.coerced = false;
    this.symbolIso = null;
    if (typeof raw === "number" && Number.isFinite(raw)) {
      this.value = raw;
      let iso: string | null = null;
      if (this.formats !== undefined) {
        const fr = this.formats[index];
        if (fr !== this.lastFormatRow) {
          this.lastFormatRow = fr;
          this.lastFormatIso = currencyOfFormat(fr?.[this.column]);
        }
        iso = this.lastFormatIso;
      }
      this.settle(iso, index);
      return true;
    }
    const p = parseAmount(raw ?? null);
    if (p.ok) {
      this.value = p.value;
      this.coerced = p.coerced;
      this.symbolIso = isoOfSymbol(p.symbol);
      this.settle(this.symbolIso, index);
      return true;
    }
    this.failure = p.reasonKey;
    this.iso = null;
    return false;
  }

  /** The row's currency from the cell's own (`own`), unless a Currency column names one; counted. */
  private settle(own: string | null, index: number): void {
    const cc = this.currencyColumn;
    if (cc === null) {
      this.iso = own;
      this.countCurrency(own);
      return;
    }
    const col = cc.read(cc.values[index]?.[cc.c]);
    this.columnIso = col;
    if (col === null) this.columnTrouble++;
    else if (col !== "" && this.symbolIso !== null && this.symbolIso !== col) this.columnTrouble++;
    // The column wins over a number format: a CRM export formats the whole column alike.
    this.iso = col !== null && col !== "" ? col : own;
    this.countCurrency(this.iso);
  }

  private countCurrency(iso: string | null): void {
    if (iso) this.currencyCounts.set(iso, (this.currencyCounts.get(iso) ?? 0) + 1);
  }

  /** How many currencies the rows named. */
  currenciesMet(): number {
    return this.currencyCounts.size;
  }

  /** Whether the rows named this currency. */
  met(iso: string): boolean {
    return this.currencyCounts.has(iso);
  }

  /** The currency met most often (the first met on a tie), or null. */
  currencyGuess(): string | null {
    let guess: string | null = null;
    let best = 0;
    for (const [iso, n] of this.currencyCounts) {
      if (n > best) {
        best = n;
        guess = iso;
      }
    }
    return guess;
  }
}

/** Teams: normalised as rep names are, once per distinct spelling. */
export class TeamField {
  private readonly cache = new Map<string, string>();

  read(raw: RawCell | undefined): string | null {
    if (typeof raw === "string") {
      let n = this.cache.get(raw);
      if (n === undefined) {
        n = normaliseRepName(raw);
        this.cache.set(raw, n);
      }
      return n.length > 0 ? n : null;
    }
    return typeof raw === "number" ? String(raw) : null;
  }
}

/** Customers: trimmed text, or a number as its text. */
export function readCustomer(raw: RawCell | undefined): string | null {
  if (typeof raw === "string") {
    const s = raw.trim();
    return s.length > 0 ? s : null;
  }
  return typeof raw === "number" ? String(raw) : null;
}

/** New customer yes/no: unreadable is "no", listed. */
export class NewCustomerField {
  private readonly cache = new Map<string, boolean | null>();

  constructor(
    private readonly issues: SheetIssues,
    private readonly column: string | null,
  ) {}

  read(raw: RawCell | undefined, sheetRow: number): boolean {
    let b: boolean | null | undefined;
    if (typeof raw === "string") {
      b = this.cache.get(raw);
      if (b === undefined) {
        b = parseYesNo(raw);
        this.cache.set(raw, b);
      }
    } else b = parseYesNo(raw ?? null);
    if (b === null) {
      this.issues.add(sheetRow, this.column, raw, "coerced", "yesNoUnreadable");
      return false;
    }
    return b;
  }
}

/** Satisfaction as a fraction 0–1; the column's scale is judged once (docs/reference/cleaning.md). */
export class SatisfactionField {
  /** Any plain number above 1 in the column means the column is on a 0–100 scale. */
  readonly percentScale: boolean;

  constructor(
    values: RawCell[][],
    column: number,
    extent: BlockExtent,
    private readonly issues: SheetIssues,
    private readonly header: string | null,
  ) {
    let percent = false;
    for (let i = extent.start; i < extent.end && !percent; i++) {
      const v = values[i]?.[column];
      if (typeof v === "number") {
        if (v > 1) percent = true;
      } else if (typeof v === "string") {
        const s = readSatisfaction(v);
        if (s.kind === "plain" && s.value > 1) percent = true;
      }
    }
    this.percentScale = percent;
  }

  /** The fraction, or null when blank, unreadable or out of range (the latter two listed). */
  read(v: RawCell | undefined, sheetRow: number): number | null {
    const percent = this.percentScale;
    if (typeof v === "number" && v >= 0 && v <= (percent ? 100 : 1)) {
      const f = percent ? percentToFraction(v) : v;
      if (percent && v > 0 && v <= 1) this.smallInPercentColumn(sheetRow, v, v, f);
      return f;
    }
    const s = readSatisfaction(v ?? null);
    if (s.kind === "unreadable") {
      this.issues.add(sheetRow, this.header, v, "ignored", "satisfactionUnreadable");
      return null;
    }
    let f: number | null = null;
    if (s.kind === "plain") f = percent ? percentToFraction(s.value) : s.value;
    else if (s.kind === "percent") f = s.value;
    if (f === null) return null;
    if (f < 0 || f > 1) {
      this.issues.add(sheetRow, this.header, v, "ignored", "satisfactionOutOfRange");
      return null;
    }
    if (s.kind === "plain" && percent && s.value > 0 && s.value <= 1) {
      this.smallInPercentColumn(sheetRow, v, s.value, f);
    } else if (typeof v === "string") {
      this.issues.add(sheetRow, this.header, v, "coerced", "satisfactionTextCoerced", { value: String(f) });
    }
    return f;
  }

  // A plain 0 < value ≤ 1 in a column judged 0–100 is read as that many percent — by the column rule of
  // docs/reference/cleaning.md, but likely a 0–1 value (0.9 meaning 90 %): listed as a coercion. 0 is not
  // listed: it reads as nothing but 0 on either scale.
  private smallInPercentColumn(sheetRow: number, raw: RawCell | undefined, plain: number, read: number): void {
    this.issues.add(sheetRow, this.header, raw, "coerced", "satisfactionSmallInPercentColumn", {
      value: String(plain),
      read: String(read),
      suggest: new Dec(String(plain)).times(100).toString(),
    });
  }
}

/** Behaviour (a manager's rating): a number, text read as a number (listed), else nothing (listed). */
export function readBehaviour(
  v: RawCell | undefined,
  sheetRow: number,
  issues: SheetIssues,
  header: string | null,
): number | null {
  if (typeof v === "number" && Number.isFinite(v)) return v;
  const r = readNumber(v);
  if (r === null) {
    issues.add(sheetRow, header, v, "ignored", "behaviourUnreadable");
    return null;
  }
  if (r === undefined) return null;
  issues.add(sheetRow, header, v, "coerced", "behaviourTextCoerced", { value: String(r.value) });
  return r.value;
}

/** Shared, frozen: rows without extra columns do not each allocate an object. */
export const NO_EXTRA: Record<string, number | string | boolean | null> = Object.freeze({}) as Record<
  string,
  number | string | boolean | null
>;

/** Other columns carried on SalesRow.extra by header: numbers (also from text), else text, booleans or errors. */
export function readExtras(
  row: RawCell[],
  extras: readonly { key: string; c: number }[],
): Record<string, number | string | boolean | null> {
  if (extras.length === 0) return NO_EXTRA;
  const extra: Record<string, number | string | boolean | null> = {};
  for (const x of extras) {
    const v = row[x.c];
    if (v === undefined || v === null) extra[x.key] = null;
    else if (typeof v === "object") extra[x.key] = v.error;
    else if (typeof v === "string") {
      const r = readNumber(v);
      extra[x.key] = r ? r.value : v.trim().length > 0 ? v : null;
    } else extra[x.key] = v;
  }
  return extra;
}
