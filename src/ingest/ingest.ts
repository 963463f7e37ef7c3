/**
 * Raw sheets → typed sales rows, measure rows, data issues and the reconciliation block
 * (docs/reference/input.md, cleaning.md: every coercion or exclusion is listed; rows read = used + excluded; amounts
 * summed exactly). Built for 1,048,576 rows: typeof checks first, regexes only for text cells,
 * caches for repeated strings, scaled-integer sums instead of a Decimal per row.
 */
import type Decimal from "decimal.js";
import { ExactSum } from "../engine/index";
import {
  blockExtent,
  findHeaderHits,
  isReservedSheet,
  locateSalesBlock,
  type BlockExtent,
  type HeaderHit,
} from "./findTable";
import { fieldLabel, matchHeader, matchHeaderRank, normaliseHeader } from "./headers";
import {
  Dec,
  currencyOfFormat,
  isBlankCell,
  isoOfSymbol,
  normaliseRepName,
  parseAmount,
  parseDate,
  parseYesNo,
  percentToFraction,
  rawForIssue,
  readNumber,
  readSatisfaction,
  serialToYmd,
} from "./parse";
import type {
  ColumnMapping,
  DataIssue,
  IngestFailure,
  IngestResult,
  MeasureRow,
  RawCell,
  RawSheet,
  SalesRow,
  StandardField,
} from "./types";

export interface IngestOptions {
  /** A full mapping (from findSalesTable, possibly edited by the user): used exactly as given. */
  mapping?: ColumnMapping;
  /** Other columns to carry on each SalesRow.extra, by exact header (KPI measures, docs/reference/plan.md). */
  extraHeaders?: string[];
  /**
   * Carry every header of the sales block that is not mapped to a standard field on
   * SalesRow.extra, by its header text (statements show e.g. Product, docs/reference/statements.md). Off by default:
   * one object per row costs memory on a million rows.
   */
  keepAllColumns?: boolean;
}

/** Shared, frozen: rows without extra columns do not each allocate an object. */
const NO_EXTRA: Record<string, number | string | boolean | null> = Object.freeze({}) as Record<
  string,
  number | string | boolean | null
>;

const MAX_SERIAL_EXCL = 2958466;

interface RepSpelling {
  id: number;
  norm: string;
  usedRows: number;
  firstUsedRow: number;
}

function ymdText(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${y}-${m < 10 ? "0" : ""}${m}-${d < 10 ? "0" : ""}${d}`;
}

/** A well-mixed int32 hash (murmur3 finaliser) of a row's date, amount and rep spelling. */
function mix(dateSerial: number, amount: number, repId: number): number {
  let h = Math.imul(dateSerial, 0x9e3779b1) ^ Math.imul(amount | 0, 0x85ebca77) ^ Math.imul(repId, 0xc2b2ae3d);
  h ^= Math.imul(((amount * 1000) % 1000) | 0, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function sameCell(a: RawCell | undefined, b: RawCell | undefined): boolean {
  if (a === b) return true;
  const an = a === undefined || a === null || a === "";
  const bn = b === undefined || b === null || b === "";
  if (an || bn) return an && bn;
  if (typeof a === "object" && typeof b === "object") return a!.error === b!.error;
  return false;
}

function sameRow(a: RawCell[], b: RawCell[], lo: number, hi: number): boolean {
  for (let c = lo; c <= hi; c++) if (!sameCell(a[c], b[c])) return false;
  return true;
}

/** Ingest the workbook: find the sales table (or use `options.mapping`), clean it, read measure sheets. */
export function ingest(sheets: readonly RawSheet[], options: IngestOptions = {}): IngestResult | IngestFailure {
  const located = locateSalesBlock(sheets, options.mapping, options.mapping !== undefined);
  if ("kind" in located) return located;
  const { hit, extent, mapping } = located;
  const sheetIndex = hit.sheetIndex;
  const sheet = sheets[sheetIndex];
  const sheetName = sheet.name;
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const values = sheet.values;
  const formats = sheet.numberFormats;
  const rel = (f: StandardField): number => (hit.columns[f] === undefined ? -1 : (hit.columns[f] as number) - firstCol);
  const repC = rel("rep");
  const dateC = rel("date");
  const amtC = rel("amount");
  const teamC = rel("team");
  const custC = rel("customer");
  const newC = rel("newCustomer");
  const satC = rel("satisfaction");
  const behC = rel("behaviour");
  const lo = hit.span[0] - firstCol;
  const hi = hit.span[1] - firstCol;
  const headerByRel = new Map<number, string>();
  for (const h of mapping.headers) headerByRel.set(h.col - firstCol, h.header);
  const header = (c: number): string | null => headerByRel.get(c) ?? null;
  const repH = header(repC);
  const dateH = header(dateC);
  const amtH = header(amtC);
  const newH = header(newC);
  const satH = header(satC);
  const behH = header(behC);

  const issues: DataIssue[] = [];
  const issue = (
    row: number | null,
    column: string | null,
    raw: RawCell | undefined,
    action: DataIssue["action"],
    reasonKey: string,
    params?: Record<string, string | number>,
  ): void => {
    const i: DataIssue = { sheet: sheetName, row, column, raw: rawForIssue(raw), action, reasonKey };
    if (params) i.params = params;
    issues.push(i);
  };

  // Extra columns by exact header, falling back to a case-/width-insensitive match.
  const extras: { key: string; c: number }[] = [];
  for (const key of options.extraHeaders ?? []) {
    const want = key.trim();
    let h = mapping.headers.find((x) => x.header === want);
    if (!h) h = mapping.headers.find((x) => normaliseHeader(x.header) === normaliseHeader(want));
    if (h) extras.push({ key, c: h.col - firstCol });
  }
  const mappedCols = new Set<number>(Object.values(hit.columns) as number[]);
  if (options.keepAllColumns) {
    // Every unmapped header by its text; a repeated header text keeps its first (leftmost) column,
    // as a KPI's exact-header lookup does.
    const keys = new Set(extras.map((x) => x.key));
    for (const h of mapping.headers) {
      if (mappedCols.has(h.col) || keys.has(h.header)) continue;
      keys.add(h.header);
      extras.push({ key: h.header, c: h.col - firstCol });
    }
  }

  // A second column naming a mapped field ("Name" beside "Sales Rep"): findTable took the more
  // specific header; say so (docs/reference/cleaning.md, nothing changes silently).
  for (const h of mapping.headers) {
    if (mappedCols.has(h.col)) continue;
    const m = matchHeaderRank(h.header);
    const usedCol = m === null ? undefined : hit.columns[m.field];
    if (m === null || usedCol === undefined) continue;
    issue(null, h.header, null, "skipped", "otherColumnForField", {
      field: m.field,
      fieldEn: fieldLabel(m.field, "en").toLowerCase(),
      fieldZh: fieldLabel(m.field, "zh"),
      used: header(usedCol - firstCol) ?? "",
    });
  }

  // Satisfaction scale per column (docs/reference/cleaning.md): any plain number above 1 means 0–100.
  let satPercent = false;
  if (satC >= 0) {
    for (let i = extent.start; i < extent.end && !satPercent; i++) {
      const v = values[i]?.[satC];
      if (typeof v === "number") {
        if (v > 1) satPercent = true;
      } else if (typeof v === "string") {
        const s = readSatisfaction(v);
        if (s.kind === "plain" && s.value > 1) satPercent = true;
      }
    }
  }

  // A plain 0 < value ≤ 1 in a column judged 0–100 is read as that many percent — by the column
  // rule of docs/reference/cleaning.md, but likely a 0–1 value (0.9 meaning 90 %): listed as a coercion. 0 is not
  // listed: it reads as nothing but 0 on either scale.
  const smallSatisfaction = (sheetRow: number, raw: RawCell | undefined, plain: number, read: number): void => {
    issue(sheetRow, satH, raw, "coerced", "satisfactionSmallInPercentColumn", {
      value: String(plain),
      read: String(read),
      suggest: new Dec(String(plain)).times(100).toString(),
    });
  };

  // Pre-sized (and trimmed at the end): a million pushes would regrow the array ~30 times.
  const rows: SalesRow[] = new Array<SalesRow>(Math.max(0, extent.end - extent.start));
  let nUsed = 0;
  const used = new ExactSum();
  const excluded = new ExactSum();
  let rowsRead = 0;
  let rowsExcluded = 0;
  const repSpellings = new Map<string, RepSpelling>();
  const teamCache = new Map<string, string>();
  const yesNoCache = new Map<string, boolean | null>();
  const currencyCounts = new Map<string, number>();
  const countCurrency = (iso: string | null) => {
    if (iso) currencyCounts.set(iso, (currencyCounts.get(iso) ?? 0) + 1);
  };
  let lastFmtRow: (string | null)[] | null | undefined = undefined;
  let lastFmtIso: string | null = null;
  // Duplicate detection table: slot → 1 + index into rows (0 = empty); at most half full.
  let dupSize = 16;
  while (dupSize < (extent.end - extent.start) * 2) dupSize *= 2;
  // Pairs (1 + index into rows, full hash): one cache line per probe, and a row object is only
  // touched when the full hash matches.
  const dupTable = new Int32Array(dupSize * 2);
  const dupMask = dupSize - 1;

  for (let i = extent.start; i < extent.end; i++) {
    const row = values[i];
    if (!row) continue;
    const repRaw = row[repC];
    const dateRaw = row[dateC];
    const amtRaw = row[amtC];
    if (isBlankCell(repRaw) && isBlankCell(dateRaw) && isBlankCell(amtRaw)) {
      let blank = true;
      for (let c = lo; c <= hi && blank; c++) if (!isBlankCell(row[c])) blank = false;
      if (blank) continue;
    }
    rowsRead++;
    const sheetRow = firstRow + i;

    // Rep
    let rep: string | null = null;
    let spelling: RepSpelling | undefined;
    if (typeof repRaw === "string") {
      spelling = repSpellings.get(repRaw);
      if (spelling === undefined) {
        spelling = { id: repSpellings.size + 1, norm: normaliseRepName(repRaw), usedRows: 0, firstUsedRow: 0 };
        repSpellings.set(repRaw, spelling);
      }
      if (spelling.norm.length > 0) rep = spelling.norm;
    } else if (typeof repRaw === "number") {
      rep = String(repRaw);
    }

    // Date
    let dateSerial = 0;
    let dateFail: string | null = null;
    let dateCoerced = false;
    if (typeof dateRaw === "number" && dateRaw >= 1 && dateRaw < MAX_SERIAL_EXCL) {
      dateSerial = Math.floor(dateRaw);
    } else {
      const p = parseDate(dateRaw ?? null);
      if (p.ok) {
        dateSerial = p.serial;
        dateCoerced = !p.month; // a month can only be written as text: nothing to fix
      } else dateFail = p.reasonKey;
    }

    // Amount
    let amount = 0;
    let amountOk = true;
    let amountFail: string | null = null;
    let amountCoerced = false;
    if (typeof amtRaw === "number" && Number.isFinite(amtRaw)) {
      amount = amtRaw;
      if (formats !== undefined) {
        const fr = formats[i];
        if (fr !== lastFmtRow) {
          lastFmtRow = fr;
          lastFmtIso = currencyOfFormat(fr?.[amtC]);
        }
        countCurrency(lastFmtIso);
      }
    } else {
      const p = parseAmount(amtRaw ?? null);
      if (p.ok) {
        amount = p.value;
        amountCoerced = p.coerced;
        countCurrency(isoOfSymbol(p.symbol));
      } else {
        amountOk = false;
        amountFail = p.reasonKey;
      }
    }

    if (rep === null || dateFail !== null || !amountOk) {
      rowsExcluded++;
      if (amountOk) excluded.add(amount);
      if (rep === null) issue(sheetRow, repH, repRaw, "excluded", "repMissing");
      if (dateFail !== null) issue(sheetRow, dateH, dateRaw, "excluded", dateFail);
      if (amountFail !== null) issue(sheetRow, amtH, amtRaw, "excluded", amountFail);
      continue;
    }

    used.add(amount);
    if (spelling !== undefined && spelling.usedRows++ === 0) spelling.firstUsedRow = sheetRow;
    if (amountCoerced) issue(sheetRow, amtH, amtRaw, "coerced", "amountTextCoerced", { value: String(amount) });
    if (dateCoerced) issue(sheetRow, dateH, dateRaw, "coerced", "dateTextCoerced", { date: ymdText(dateSerial) });
    if (amount < 0) issue(sheetRow, amtH, amtRaw, "kept", "negativeAmount", { value: String(amount) });

    // Team, customer
    let team: string | null = null;
    if (teamC >= 0) {
      const t = row[teamC];
      if (typeof t === "string") {
        let n = teamCache.get(t);
        if (n === undefined) {
          n = normaliseRepName(t);
          teamCache.set(t, n);
        }
        team = n.length > 0 ? n : null;
      } else if (typeof t === "number") team = String(t);
    }
    let customer: string | null = null;
    if (custC >= 0) {
      const c = row[custC];
      if (typeof c === "string") {
        const s = c.trim();
        customer = s.length > 0 ? s : null;
      } else if (typeof c === "number") customer = String(c);
    }

    // New customer (yes/no)
    let newCustomer: boolean | null = null;
    if (newC >= 0) {
      const v = row[newC];
      let b: boolean | null | undefined;
      if (typeof v === "string") {
        b = yesNoCache.get(v);
        if (b === undefined) {
          b = parseYesNo(v);
          yesNoCache.set(v, b);
        }
      } else b = parseYesNo(v ?? null);
      if (b === null) {
        issue(sheetRow, newH, v, "coerced", "yesNoUnreadable");
        b = false;
      }
      newCustomer = b;
    }

    // Satisfaction
    let satisfaction: number | null = null;
    if (satC >= 0) {
      const v = row[satC];
      if (typeof v === "number" && v >= 0 && v <= (satPercent ? 100 : 1)) {
        satisfaction = satPercent ? percentToFraction(v) : v;
        if (satPercent && v > 0 && v <= 1) smallSatisfaction(sheetRow, v, v, satisfaction);
      } else {
        const s = readSatisfaction(v ?? null);
        let f: number | null = null;
        if (s.kind === "plain") f = satPercent ? percentToFraction(s.value) : s.value;
        else if (s.kind === "percent") f = s.value;
        if (s.kind === "unreadable") {
          issue(sheetRow, satH, v, "ignored", "satisfactionUnreadable");
        } else if (f !== null && (f < 0 || f > 1)) {
          issue(sheetRow, satH, v, "ignored", "satisfactionOutOfRange");
        } else if (f !== null) {
          satisfaction = f;
          if (s.kind === "plain" && satPercent && s.value > 0 && s.value <= 1) {
            smallSatisfaction(sheetRow, v, s.value, f);
          } else if (typeof v === "string") {
            issue(sheetRow, satH, v, "coerced", "satisfactionTextCoerced", { value: String(f) });
          }
        }
      }
    }

    // Behaviour
    let behaviour: number | null = null;
    if (behC >= 0) {
      const v = row[behC];
      if (typeof v === "number" && Number.isFinite(v)) behaviour = v;
      else {
        const r = readNumber(v);
        if (r === null) issue(sheetRow, behH, v, "ignored", "behaviourUnreadable");
        else if (r !== undefined) {
          behaviour = r.value;
          issue(sheetRow, behH, v, "coerced", "behaviourTextCoerced", { value: String(r.value) });
        }
      }
    }

    let extra = NO_EXTRA;
    if (extras.length > 0) {
      extra = {};
      for (const x of extras) {
        const v = row[x.c];
        if (v === undefined || v === null) extra[x.key] = null;
        else if (typeof v === "object") extra[x.key] = v.error;
        else if (typeof v === "string") {
          const r = readNumber(v);
          extra[x.key] = r ? r.value : v.trim().length > 0 ? v : null;
        } else extra[x.key] = v;
      }
    }

    // Identical duplicate rows (docs/reference/cleaning.md): kept and listed, naming the first copy. Open addressing
    // on a hash of date, amount and rep; a slot is confirmed cell by cell across the block.
    const h = mix(dateSerial, amount, spelling === undefined ? 0 : spelling.id);
    let slot = h & dupMask;
    let duplicateOf = -1;
    for (;;) {
      const k = dupTable[slot << 1];
      if (k === 0) {
        dupTable[slot << 1] = nUsed + 1;
        dupTable[(slot << 1) | 1] = h;
        break;
      }
      const other = dupTable[(slot << 1) | 1] === h ? rows[k - 1] : undefined;
      if (
        other !== undefined &&
        other.dateSerial === dateSerial &&
        other.amount === amount &&
        other.rep === rep &&
        sameRow(values[other.sheetRow - firstRow], row, lo, hi)
      ) {
        duplicateOf = other.sheetRow;
        break;
      }
      slot = (slot + 1) & dupMask;
    }
    if (duplicateOf >= 0) issue(sheetRow, null, null, "kept", "possibleDuplicate", { firstRow: duplicateOf });

    rows[nUsed++] = {
      sheet: sheetName,
      sheetRow,
      rep,
      team,
      dateSerial,
      amount,
      customer,
      newCustomer,
      satisfaction,
      behaviour,
      extra,
    };
  }
  rows.length = nUsed;

  listMerges(repSpellings, (row, raw, params) => issue(row, repH, raw, "merged", "repNamesMerged", params));

  for (const run of extent.ignored) {
    issue(run.from, null, run.firstValue, "ignored", "rowsAfterBlankIgnored", {
      from: run.from,
      to: run.to,
      count: run.count,
    });
  }
  // docs/reference/cleaning.md: SalesPerf reads one sales table; every other sales-like sheet is listed
  // with the true reason it lost (fewer rows, or as many rows but older data, or a full tie).
  const skippedKey = {
    fewerRows: "otherSalesSheetSkipped",
    olderData: "otherSalesSheetSkippedOlder",
    sameData: "otherSalesSheetSkippedSame",
  } as const;
  for (const other of located.alsoSalesLike) {
    issues.push({
      sheet: sheets[other.sheetIndex].name,
      row: null,
      column: null,
      raw: null,
      action: "skipped",
      reasonKey: skippedKey[other.reason],
      params: { used: sheetName, rows: other.dataRows, usedRows: extent.dataRows },
    });
  }
  const otherSales = new Set(located.alsoSalesLike.map((o) => o.sheetIndex));

  const measures: MeasureRow[] = [];
  sheets.forEach((s, idx) => {
    if (idx === sheetIndex || isReservedSheet(s.name) || otherSales.has(idx)) return;
    readMeasureSheet(s, measures, issues);
  });

  const order = new Map<string, number>(sheets.map((s, i) => [s.name, i]));
  issues.sort((a, b) => (order.get(a.sheet) ?? 0) - (order.get(b.sheet) ?? 0) || (a.row ?? 0) - (b.row ?? 0));

  let currencyGuess: string | null = null;
  let bestCount = 0;
  for (const [iso, n] of currencyCounts) {
    if (n > bestCount) {
      bestCount = n;
      currencyGuess = iso;
    }
  }

  const usedD = used.value();
  const excludedD = excluded.value();
  return {
    mapping,
    rows,
    measures,
    issues,
    reconciliation: {
      rowsRead,
      rowsUsed: rows.length,
      rowsExcluded,
      amountRead: decimalString(usedD.plus(excludedD)),
      amountUsed: decimalString(usedD),
      amountExcluded: decimalString(excludedD),
    },
    currencyGuess,
    satisfactionScale: satC < 0 ? null : satPercent ? "percent" : "fraction",
  };
}

/**
 * Rep names that become equal after normalisation (docs/reference/cleaning.md): each raw spelling that was changed
 * is listed once, at its first used row, when its name has more than one spelling in use.
 */
function listMerges(
  spellings: Map<string, RepSpelling>,
  emit: (row: number, raw: string, params: Record<string, string | number>) => void,
): void {
  const byNorm = new Map<string, { raw: string; s: RepSpelling }[]>();
  for (const [raw, s] of spellings) {
    if (s.usedRows === 0 || s.norm.length === 0) continue;
    const g = byNorm.get(s.norm);
    if (g) g.push({ raw, s });
    else byNorm.set(s.norm, [{ raw, s }]);
  }
  for (const [norm, group] of byNorm) {
    if (group.length < 2) continue;
    for (const { raw, s } of group) {
      if (raw !== norm) emit(s.firstUsedRow, raw, { name: norm, rows: s.usedRows });
    }
  }
}

/**
 * A sheet with a rep and a date/month column but no amount (e.g. Ratings / 主管评分) → MeasureRows:
 * every mostly-numeric column by its header, and by its standard field when it names one
 * (Manager Rating → behaviour). Read, never scored as sales (docs/reference/plan.md).
 */
function readMeasureSheet(sheet: RawSheet, out: MeasureRow[], issues: DataIssue[]): void {
  const hits = findHeaderHits(sheet, 0, ["rep", "date"]);
  const hit: HeaderHit | undefined = hits.find((h) => h.columns.amount === undefined);
  if (!hit) return;
  const extent: BlockExtent = blockExtent(sheet, hit);
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const repC = (hit.columns.rep as number) - firstCol;
  const dateC = (hit.columns.date as number) - firstCol;
  const header = (c: number) => hit.headers.find((h) => h.col - firstCol === c)?.header ?? null;
  const add = (
    row: number | null,
    column: string | null,
    raw: RawCell | undefined,
    action: DataIssue["action"],
    key: string,
  ) => issues.push({ sheet: sheet.name, row, column, raw: rawForIssue(raw), action, reasonKey: key });

  // Mostly-numeric columns only: a "Comment" column is not a measure.
  const cols: { c: number; header: string; field: StandardField | null }[] = [];
  for (const h of hit.headers) {
    const c = h.col - firstCol;
    if (c === repC || c === dateC) continue;
    let numeric = 0;
    let other = 0;
    for (let i = extent.start; i < extent.end; i++) {
      const r = readNumber(sheet.values[i]?.[c]);
      if (r) numeric++;
      else if (r === null) other++;
    }
    if (numeric > other) cols.push({ c, header: h.header, field: matchHeader(h.header) });
  }

  for (let i = extent.start; i < extent.end; i++) {
    const row = sheet.values[i];
    if (!row) continue;
    let blank = true;
    for (let c = hit.span[0] - firstCol; c <= hit.span[1] - firstCol && blank; c++)
      if (!isBlankCell(row[c])) blank = false;
    if (blank) continue;
    const sheetRow = firstRow + i;
    const repRaw = row[repC];
    const rep =
      typeof repRaw === "string" ? normaliseRepName(repRaw) : typeof repRaw === "number" ? String(repRaw) : "";
    const d = parseDate(row[dateC] ?? null);
    if (rep.length === 0 || !d.ok) {
      if (rep.length === 0) add(sheetRow, header(repC), repRaw, "excluded", "repMissing");
      if (!d.ok) add(sheetRow, header(dateC), row[dateC], "excluded", d.reasonKey);
      continue;
    }
    const values: Record<string, number> = {};
    for (const col of cols) {
      const r = readNumber(row[col.c]);
      if (r === null) add(sheetRow, col.header, row[col.c], "ignored", "measureNotNumber");
      else if (r !== undefined) {
        values[col.header] = r.value;
        if (col.field) values[col.field] = r.value;
      }
    }
    out.push({ sheet: sheet.name, sheetRow, rep, dateSerial: d.serial, values });
  }
}

/** Plain decimal notation for the reconciliation block: no exponent, "0" rather than "-0". */
function decimalString(d: Decimal): string {
  return d.isZero() ? "0" : d.toFixed();
}
