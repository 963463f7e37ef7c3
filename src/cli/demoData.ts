/**
 * Demo sales workbook generator for `salesperf demo` and benchmarks: a deterministic
 * (seeded) sales sheet shaped like the samples, with a few deliberately messy values of
 * the docs/reference/cleaning.md kinds, plus a manager-rating sheet (docs/reference/plan.md "a measure from another sheet").
 */
import * as fs from "fs";
import * as nodePath from "path";
import ExcelJS from "exceljs";
import type { Writable } from "stream";
import type { RawCell, RawSheet } from "../ingest/types";
import { isoDateOfSerial, serialOfDay, serialToYmd } from "../sheet";
import { writeStreamAtomic } from "./safeWrite";

export type DemoLang = "en" | "zh";

export interface DemoOptions {
  lang?: DemoLang;
  /** Number of sales reps (default 12). */
  reps?: number;
  /** Number of months of sales, ending with the last month of a quarter (default 6). */
  months?: number;
  /** Data rows on the sales sheet (default reps × months × 40); capped at Excel's 1,048,575. */
  rows?: number;
  /** PRNG seed (default 1): the same options always give the same workbook. */
  seed?: number;
}

export interface WriteDemoOptions extends DemoOptions {
  /** Called every PROGRESS_EVERY rows while writing, and once at the end. */
  onProgress?: (rowsWritten: number, rowsTotal: number) => void;
}

/** The kinds of messy values planted on purpose (docs/reference/cleaning.md), so the Data issues tab has something to say. */
export type MessyKind =
  | "currencyText" // "$15,370" / "¥11,060"
  | "thousandsText" // "13,020.00"
  | "wanText" // "1.537万" (zh) — 万 = 10,000
  | "fullWidthText" // "１５３７０" (zh) — full-width digits from a Chinese IME
  | "slashDate" // "2026/5/14" as text
  | "textDate" // "2026-05-14" (en) / "2026年5月14日" (zh) as text
  | "paddedRep" // " Grace Liu  "
  | "naAmount" // #N/A error cell → row excluded
  | "blankAmount" // empty amount → row excluded
  | "return" // negative amount: a return
  | "duplicate" // an identical copy of the row above
  | "percentSatisfaction" // "90%" as text
  | "formulaText"; // text that looks like a formula (docs/reference/tabs.md: must stay text)

export interface MessyCell {
  /** 1-based sheet row on the sales sheet. */
  row: number;
  kind: MessyKind;
}

export interface DemoWorkbook {
  /** Sheet "Sales" / "销售明细": header row + data rows; dates are Excel serials formatted yyyy-mm-dd. */
  sales: RawSheet;
  /** Sheet "Ratings" / "主管评分": rep, month ("2026-01" text), manager rating 1–5. */
  ratings: RawSheet;
  /** Where the messy values are, in sheet-row order. */
  messy: MessyCell[];
}

/** Excel's last row (docs/reference/cli.md benchmarks fill a sheet): 1,048,576 including the header. */
export const EXCEL_MAX_ROWS = 1_048_576;
export const MAX_DATA_ROWS = EXCEL_MAX_ROWS - 1;
/** The demo always ends with Q2 2026 (a full quarter) so that a seed alone fixes the file — never today's date. */
export const DEMO_END = { year: 2026, month: 6 } as const;
export const DEFAULTS = { lang: "en" as DemoLang, reps: 12, months: 6, seed: 1, dealsPerRepMonth: 40 };
const PROGRESS_EVERY = 50_000;

const HEADERS: Record<DemoLang, { sales: string[]; ratings: string[]; salesSheet: string; ratingsSheet: string }> = {
  en: {
    salesSheet: "Sales",
    ratingsSheet: "Ratings",
    sales: ["Date", "Sales Rep", "Team", "Customer", "New Customer", "Product", "Amount", "Satisfaction"],
    ratings: ["Sales Rep", "Month", "Manager Rating"],
  },
  zh: {
    salesSheet: "销售明细",
    ratingsSheet: "主管评分",
    sales: ["日期", "销售员", "团队", "客户", "是否新客户", "产品", "销售额", "客户满意度"],
    ratings: ["销售员", "月份", "主管评分"],
  },
};

const NAMES: Record<DemoLang, string[]> = {
  en: [
    "Alice Chen",
    "Bob Martin",
    "Carla Diaz",
    "Dev Patel",
    "Erin Walsh",
    "Farid Khan",
    "Grace Liu",
    "Hugo Berg",
    "Ines Costa",
    "Jon Park",
    "Kara Novak",
    "Liam Byrne",
    "Maya Singh",
    "Noah Fischer",
    "Olga Ivanova",
    "Pedro Alves",
    "Quinn Murphy",
    "Rosa Moreno",
    "Sam Okafor",
    "Tara Nolan",
    "Umar Sheikh",
    "Vera Lindqvist",
    "Will Carter",
    "Yuki Tanaka",
  ],
  zh: [
    "张伟",
    "王芳",
    "李娜",
    "刘洋",
    "陈静",
    "杨磊",
    "赵敏",
    "黄强",
    "周杰",
    "吴婷",
    "徐涛",
    "孙丽",
    "马超",
    "朱琳",
    "胡斌",
    "郭敏",
    "何平",
    "高翔",
    "林晓",
    "罗佳",
    "郑凯",
    "梁雪",
    "谢宁",
    "宋涛",
  ],
};
// Beyond the curated names, first × last combinations (then a number) keep every rep name unique.
const FIRST: Record<DemoLang, string[]> = {
  en: [
    "Ada",
    "Ben",
    "Cleo",
    "Dan",
    "Eva",
    "Finn",
    "Gia",
    "Hal",
    "Ivy",
    "Jack",
    "Kim",
    "Leo",
    "Mia",
    "Ned",
    "Opal",
    "Paul",
  ],
  zh: ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"],
};
const LAST: Record<DemoLang, string[]> = {
  en: ["Adams", "Brooks", "Cole", "Dunn", "Ellis", "Ford", "Gray", "Hayes", "Irwin", "James", "Kerr", "Lowe"],
  zh: ["建国", "秀英", "志强", "丽华", "海燕", "国强", "春梅", "文博", "晓东", "雅琴", "子涵", "宇航"],
};
const TEAMS: Record<DemoLang, string[]> = {
  en: ["East", "West", "Central", "North", "South", "Online"],
  zh: ["华东", "华北", "华南", "华中", "西南", "线上"],
};
const PRODUCTS: Record<DemoLang, string[]> = {
  en: ["Starter", "Pro", "Enterprise", "Services", "Support"],
  zh: ["标准版", "专业版", "企业版", "实施服务", "年度维保"],
};
const PRODUCT_FACTOR = [0.6, 1, 1.8, 1.3, 0.8];
const YES_NO: Record<DemoLang, [string, string]> = { en: ["Yes", "No"], zh: ["是", "否"] };
const CUSTOMERS = 400;

const KINDS: Record<DemoLang, MessyKind[]> = {
  en: [
    "currencyText",
    "slashDate",
    "paddedRep",
    "naAmount",
    "return",
    "duplicate",
    "thousandsText",
    "percentSatisfaction",
    "textDate",
    "blankAmount",
    "formulaText",
  ],
  zh: [
    "currencyText",
    "wanText",
    "textDate",
    "paddedRep",
    "naAmount",
    "return",
    "duplicate",
    "slashDate",
    "thousandsText",
    "percentSatisfaction",
    "fullWidthText",
    "blankAmount",
    "formulaText",
  ],
};

export const DATE_FORMAT = "yyyy-mm-dd";
export const AMOUNT_FORMAT = "#,##0";

/** mulberry32: a small, fast 32-bit PRNG; good enough for demo data and fully reproducible. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rep {
  name: string;
  team: string;
  weight: number; // share of deals (productivity)
  baseAmount: number;
  growthPerMonth: number;
  newRate: number;
  satisfaction: number;
  rating: number;
}

interface Resolved {
  lang: DemoLang;
  reps: number;
  months: number;
  rows: number;
  seed: number;
}

function checkInt(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  const v = value ?? fallback;
  if (!Number.isInteger(v) || v < min || v > max) {
    throw new RangeError(`demo option "${name}" must be a whole number from ${min} to ${max}, got ${String(value)}`);
  }
  return v;
}

/** Defaults, bounds, and the Excel row cap (rows ≥ 1,048,575 → 1,048,575). */
export function resolveDemoOptions(opts: DemoOptions = {}): Resolved {
  const lang = opts.lang ?? DEFAULTS.lang;
  if (lang !== "en" && lang !== "zh")
    throw new RangeError(`demo option "lang" must be "en" or "zh", got ${String(lang)}`);
  const reps = checkInt("reps", opts.reps, DEFAULTS.reps, 1, 10_000);
  const months = checkInt("months", opts.months, DEFAULTS.months, 1, 120);
  const seed = checkInt("seed", opts.seed, DEFAULTS.seed, 0, 0xffffffff);
  const wanted = opts.rows ?? reps * months * DEFAULTS.dealsPerRepMonth;
  if (!Number.isInteger(wanted) || wanted < 1) {
    throw new RangeError(`demo option "rows" must be a whole number of at least 1, got ${String(opts.rows)}`);
  }
  return { lang, reps, months, seed, rows: Math.min(wanted, MAX_DATA_ROWS) };
}

function makeReps(r: Resolved, rand: () => number): Rep[] {
  const { lang } = r;
  const teams = TEAMS[lang].slice(0, Math.min(TEAMS[lang].length, Math.max(1, Math.ceil(r.reps / 4))));
  const used = new Set<string>();
  const reps: Rep[] = [];
  for (let i = 0; i < r.reps; i++) {
    let name: string;
    if (i < NAMES[lang].length) {
      name = NAMES[lang][i];
    } else {
      const j = i - NAMES[lang].length;
      const f = FIRST[lang][j % FIRST[lang].length];
      const l = LAST[lang][Math.floor(j / FIRST[lang].length) % LAST[lang].length];
      name = lang === "zh" ? f + l : `${f} ${l}`;
    }
    for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, "")} ${n}`;
    used.add(name);
    reps.push({
      name,
      team: teams[Math.floor((i * teams.length) / r.reps)],
      weight: 0.7 + 0.6 * rand(),
      baseAmount: 12000 + 18000 * rand(),
      // −3 % … +5 % a month: some reps beat the default +10 % quarter-over-quarter target, some miss it.
      growthPerMonth: -0.03 + 0.08 * rand(),
      // New-customer share 30–65 %: around the default target of 20 a month at 40 deals a month.
      newRate: 0.3 + 0.35 * rand(),
      satisfaction: 0.82 + 0.14 * rand(),
      rating: 3 + 1.6 * rand(),
    });
  }
  return reps;
}

function monthStart(r: Resolved, index: number): { year: number; month: number } {
  const m0 = DEMO_END.year * 12 + (DEMO_END.month - 1) - (r.months - 1) + index;
  return { year: Math.floor(m0 / 12), month: (m0 % 12) + 1 };
}

function textOfSerial(serial: number, style: "iso" | "slash" | "zh"): string {
  const { y, m, d } = serialToYmd(serial);
  if (style === "slash") return `${y}/${m}/${d}`;
  if (style === "zh") return `${y}年${m}月${d}日`;
  return isoDateOfSerial(serial);
}

function groupThousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The sheet rows (1-based) that get a messy value, and which kind: evenly spread, jittered, never adjacent. */
function planMessy(r: Resolved, rand: () => number): Map<number, MessyKind> {
  const kinds = KINDS[r.lang];
  // A demo-sized sheet gets ~1.5 % messy rows (each kind several times); a benchmark-sized one keeps
  // them to a tiny fraction (≈ 0.05 % at a million rows) so cleaning does not dominate the timing.
  let count = Math.max(kinds.length, Math.min(Math.round(r.rows * 0.015), 300 + Math.round(r.rows * 0.0002)));
  count = Math.min(count, Math.floor(r.rows / 2)); // spacing ≥ 2 keeps "duplicate" next to a clean row
  const out = new Map<number, MessyKind>();
  const spacing = r.rows / Math.max(count, 1);
  for (let k = 0; k < count; k++) {
    const index = Math.min(r.rows - 1, Math.max(1, Math.floor((k + 0.25 + 0.5 * rand()) * spacing)));
    if (!out.has(index + 2)) out.set(index + 2, kinds[k % kinds.length]); // +2: header row, 1-based
  }
  return out;
}

interface Generator {
  resolved: Resolved;
  reps: Rep[];
  messy: Map<number, MessyKind>;
  /** Calls emit(values) for each data row in order; emit returns nothing. */
  salesRows(emit: (values: RawCell[], sheetRow: number) => void | Promise<void>): Promise<void> | void;
  ratingRows(): RawCell[][];
}

function makeGenerator(opts: DemoOptions): Generator {
  const r = resolveDemoOptions(opts);
  const lang = r.lang;
  // Separate streams: the reps, the messy plan and the rows never shift one another.
  const reps = makeReps(r, mulberry32(r.seed ^ 0x5eed0001));
  const messy = planMessy(r, mulberry32(r.seed ^ 0x5eed0002));
  const monthStarts: number[] = [];
  for (let i = 0; i <= r.months; i++) {
    const m = monthStart(r, i);
    monthStarts.push(serialOfDay(m.year, m.month, 1));
  }
  const firstDay = monthStarts[0];
  const totalDays = monthStarts[r.months] - firstDay;
  const totalWeight = reps.reduce((s, rep) => s + rep.weight, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const rep of reps) cumulative.push((acc += rep.weight / totalWeight));
  const [yes, no] = YES_NO[lang];
  const products = PRODUCTS[lang];
  const customerPrefix = lang === "zh" ? "客户" : "Customer ";

  function pickRep(u: number): Rep {
    let lo = 0;
    let hi = reps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return reps[lo];
  }

  function messUp(kind: MessyKind, row: RawCell[], rep: Rep, previous: RawCell[] | null): RawCell[] {
    const amount = row[6] as number;
    const date = row[0] as number;
    const out = row.slice();
    switch (kind) {
      case "currencyText":
        out[6] = (lang === "zh" ? "¥" : "$") + groupThousands(amount);
        break;
      case "thousandsText":
        out[6] = `${groupThousands(amount)}.00`;
        break;
      case "wanText":
        out[6] = `${String(amount / 10_000)}万`; // amounts are multiples of 10, so this is exact
        break;
      case "fullWidthText":
        out[6] = String(amount).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
        break;
      case "slashDate":
        out[0] = textOfSerial(date, "slash");
        break;
      case "textDate":
        out[0] = textOfSerial(date, lang === "zh" ? "zh" : "iso");
        break;
      case "paddedRep":
        out[1] = ` ${rep.name}  `;
        break;
      case "naAmount":
        out[6] = { error: "#N/A" };
        break;
      case "blankAmount":
        out[6] = null;
        break;
      case "return":
        out[6] = -amount;
        break;
      case "duplicate":
        return previous ? previous.slice() : out;
      case "percentSatisfaction":
        out[7] = lang === "zh" ? `${String(row[7])}%` : `${Math.round((row[7] as number) * 100)}%`;
        break;
      case "formulaText":
        out[3] = '=HYPERLINK("http://example.invalid","click")';
        break;
    }
    return out;
  }

  return {
    resolved: r,
    reps,
    messy,
    salesRows(emit) {
      const rand = mulberry32(r.seed);
      let previous: RawCell[] | null = null;
      let i = 0;
      // A plain loop when emit is synchronous; an async one (for streaming) only when emit returns a promise.
      const step = (): Promise<void> | void => {
        for (; i < r.rows; i++) {
          const day = firstDay + Math.floor((i * totalDays) / r.rows);
          let monthIndex = 0;
          while (monthIndex < r.months - 1 && monthStarts[monthIndex + 1] <= day) monthIndex++;
          const rep = pickRep(rand());
          const productIndex = Math.floor(rand() * products.length);
          const noise = 0.4 + 1.2 * rand();
          const raw = rep.baseAmount * PRODUCT_FACTOR[productIndex] * (1 + rep.growthPerMonth) ** monthIndex * noise;
          const amount = Math.max(500, Math.round(raw / 10) * 10);
          const isNew = rand() < rep.newRate;
          const customer = customerPrefix + String(1 + Math.floor(rand() * CUSTOMERS)).padStart(3, "0");
          const satisfaction = Math.min(1, Math.max(0.6, rep.satisfaction + (rand() - 0.5) * 0.16));
          const satCell = lang === "zh" ? Math.round(satisfaction * 100) : Math.round(satisfaction * 100) / 100;
          let row: RawCell[] = [
            day,
            rep.name,
            rep.team,
            customer,
            isNew ? yes : no,
            products[productIndex],
            amount,
            satCell,
          ];
          const kind = messy.get(i + 2);
          if (kind) row = messUp(kind, row, rep, previous);
          previous = row;
          const done = emit(row, i + 2);
          if (done) {
            i++;
            return done.then(step);
          }
        }
      };
      return step();
    },
    ratingRows() {
      const rand = mulberry32(r.seed ^ 0x5eed0003);
      const rows: RawCell[][] = [];
      for (const rep of reps) {
        for (let m = 0; m < r.months; m++) {
          const { year, month } = monthStart(r, m);
          const value = Math.min(5, Math.max(2, Math.round((rep.rating + (rand() - 0.5) * 1.6) * 2) / 2));
          rows.push([rep.name, `${year}-${String(month).padStart(2, "0")}`, value]);
        }
      }
      return rows;
    },
  };
}

/** The whole demo workbook in memory (for tests and in-process runs; use writeDemoWorkbook for big sheets). */
export function generateDemoRows(opts: DemoOptions = {}): DemoWorkbook {
  const g = makeGenerator(opts);
  const h = HEADERS[g.resolved.lang];
  const values: RawCell[][] = [h.sales.slice()];
  const formats: (string | null)[][] = [h.sales.map(() => null)];
  const rowFormats = [DATE_FORMAT, null, null, null, null, null, AMOUNT_FORMAT, null];
  void g.salesRows((row) => {
    values.push(row);
    formats.push(rowFormats);
  });
  const ratings: RawCell[][] = [h.ratings.slice(), ...g.ratingRows()];
  return {
    sales: { name: h.salesSheet, firstRow: 1, firstCol: 0, values, numberFormats: formats },
    ratings: { name: h.ratingsSheet, firstRow: 1, firstCol: 0, values: ratings },
    messy: [...g.messy.entries()].sort((a, b) => a[0] - b[0]).map(([row, kind]) => ({ row, kind })),
  };
}

/**
 * Writes the demo workbook with exceljs's streaming writer, so a full sheet (1,048,575 data rows)
 * needs little memory: rows are committed as they are made and the event loop is given a turn
 * every few thousand rows so the zip stream can drain to disk. The file appears whole or not at all
 * (docs/reference/cli.md "Writing files safely"); a failure throws safeWrite's WriteError.
 */
export async function writeDemoWorkbook(
  path: string,
  opts: WriteDemoOptions = {},
): Promise<{ path: string; rows: number }> {
  fs.mkdirSync(nodePath.dirname(nodePath.resolve(path)), { recursive: true });
  let rows = 0;
  await writeStreamAtomic(path, async (out) => {
    rows = await streamDemoWorkbook(out, opts);
  });
  return { path, rows };
}

/** The demo workbook into `out` (ended when done); the number of sales rows written. */
async function streamDemoWorkbook(out: Writable, opts: WriteDemoOptions): Promise<number> {
  const g = makeGenerator(opts);
  const h = HEADERS[g.resolved.lang];
  // Shared strings: the sheet repeats a few hundred strings (reps, teams, customers, products), so the
  // table stays small while the file is far smaller and faster to deflate than inline strings.
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: true });
  wb.creator = "SalesPerf demo";
  const frozen: Partial<ExcelJS.WorksheetView>[] = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
  const sales = wb.addWorksheet(h.salesSheet, { views: frozen });
  sales.columns = [12, 14, 10, 14, 13, 12, 11, 12].map((width) => ({ width }));
  // One style object per format: exceljs caches style ids by object identity (a WeakMap), so sharing
  // the object avoids re-hashing a style for each of a million cells.
  const dateStyle: Partial<ExcelJS.Style> = { numFmt: DATE_FORMAT };
  const amountStyle: Partial<ExcelJS.Style> = { numFmt: AMOUNT_FORMAT };
  const boldStyle: Partial<ExcelJS.Style> = { font: { bold: true } };
  const header = sales.addRow(h.sales);
  header.eachCell((c) => (c.style = boldStyle));
  header.commit();
  const total = g.resolved.rows;
  let written = 0;
  await g.salesRows((values) => {
    const row = sales.addRow(values.map(toExcelValue));
    row.getCell(1).style = dateStyle;
    row.getCell(7).style = amountStyle;
    row.commit();
    written++;
    if (written % PROGRESS_EVERY === 0) opts.onProgress?.(written, total);
    if (written % 5_000 === 0) return waitForZip(sales, out);
  });
  sales.commit();
  const ratings = wb.addWorksheet(h.ratingsSheet, { views: frozen });
  ratings.columns = [14, 10, 14].map((width) => ({ width }));
  const rh = ratings.addRow(h.ratings);
  rh.eachCell((c) => (c.style = boldStyle));
  rh.commit();
  for (const values of g.ratingRows()) ratings.addRow(values).commit();
  ratings.commit();
  await wb.commit();
  opts.onProgress?.(written, total);
  return written;
}

/**
 * exceljs quirk: the streaming worksheet pipes into the zip without honouring back-pressure, so a
 * tight loop queues the whole uncompressed sheet (≈ 300 MB at a million rows) in the zip's input.
 * Pause while that queue is above a few MB; the fields read are Node stream internals, and when
 * they are missing this degrades to a plain yield.
 */
async function waitForZip(sheet: ExcelJS.Worksheet, out: Writable): Promise<void> {
  type Queue = { _writableState?: { length?: number }; _readableState?: { length?: number } };
  const pipe = (sheet as unknown as { stream?: { pipes?: Queue[] } }).stream?.pipes?.[0];
  const queued = () => (pipe?._writableState?.length ?? 0) + (pipe?._readableState?.length ?? 0);
  // The file cannot take more (disk full …): stop making rows, the queue would never drain.
  const stopIfFailed = () => {
    if (out.errored) throw out.errored;
  };
  await new Promise<void>((resolve) => setImmediate(resolve));
  stopIfFailed();
  while (queued() > 4_000_000) {
    await new Promise<void>((resolve) => setTimeout(resolve, 2));
    stopIfFailed();
  }
}

/** RawCell → exceljs value: error cells become exceljs error values, everything else is as is. */
function toExcelValue(cell: RawCell): ExcelJS.CellValue {
  if (cell === null || typeof cell !== "object") return cell;
  return { error: cell.error as ExcelJS.CellErrorValue["error"] };
}
