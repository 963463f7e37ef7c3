/**
 * Statements (docs/reference/statements.md, cli.md `statements`): one declarative Report per scored rep — their Scorecard line, how
 * their bonus was reached, their own sales rows of the period, their data issues and the Plan — holding no other
 * rep's name or number. Formulas reference only the rep's own cells and the Plan tab: the rank is a value
 * ("rank k of n"), team averages and the reconciliation (team totals) are left out. No I/O.
 */
import { dec, periodRange } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import { normaliseRepName, parseDate } from "../ingest/index";
import type { DataIssue, IngestResult, RawCell, RawSheet, SalesRow, StandardField } from "../ingest/types";
import { writePlanSheet, type PlanSheetLayout } from "../plan/index";
import type { Plan } from "../plan/types";
import { pctText } from "./bonusText";
import { sheetNames } from "./buildReport";
import { addr, formula, moneyFormat, num, PCT, sheetRef, text, value } from "./cells";
import { columnLetters } from "../sheet";
import {
  bonusHeader,
  bonusRow,
  issuesTab,
  kpiAndScoreCells,
  payoutCell,
  planTab,
  scorecardCols,
  scorecardHeader,
  statusCell,
  statusHighlights,
  TABLE_STYLE,
  type FormulaContext,
} from "./formulas";
import type { Report, ReportCell, ReportSheet } from "./model";
import { compareNames } from "./compare";
import { layOutForPrint } from "./printLayout";
import { prorationCell } from "./proration";
import { compareCodePoints, SALES_FIELDS, type ScoredPeriod, type ScoredRep } from "./score";
import { scorePlans } from "./planSections";
import { planShowingSplits } from "./splitCredit";
import type { History } from "../history/types";
import { periodPayouts, type PeriodPayouts } from "./payouts";
import { statementPayoutRows } from "./payoutsTab";

export interface StatementOptions {
  lang: Lang;
  /** "2026-Q2" etc.: overrides the plan's period kind and scored period (CLI --period). */
  period?: string;
  /**
   * The input's sheets as read. Optional: with them, a sales row that was excluded (so has no typed row) is
   * attributed to the rep named in its rep cell, and its issue appears on that rep's statement.
   */
  sheets?: readonly RawSheet[];
  /** File names the statements must not take (e.g. the input workbook when it sits in the output folder). */
  reservedFileNames?: readonly string[];
  /**
   * The closed periods (a report's Pay history): each statement's Bonus tab then shows the rep's own adjustments to
   * closed periods, payable and balances, and the rep's closed periods (docs/reference/payouts.md "Statements").
   */
  history?: History;
}

export interface RepStatement {
  rep: string;
  /** "<rep>.xlsx" with characters not allowed in file names replaced by "_", unique in the folder. */
  fileName: string;
  /** The rep's scoring, exactly as on the team report (scorePeriod). */
  scored: ScoredRep;
  report: Report;
}

export interface Statements {
  period: string;
  /** Scored reps in name order (compareNames: pinyin for Chinese). */
  statements: RepStatement[];
}

const DATE_FORMAT = "yyyy-mm-dd";

// ---------- file names ----------

const FORBIDDEN = new Set(["\\", "/", ":", "*", "?", '"', "<", ">", "|"]);

/** Not allowed in a Windows file name: the reserved punctuation and control characters (C0, DEL, C1). */
function isForbiddenInFileName(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return FORBIDDEN.has(ch) || code < 0x20 || (code >= 0x7f && code <= 0x9f);
}

/** Windows device names: "CON.xlsx" cannot be created there even with an extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/** Bytes left for the name before ".xlsx" and a " (n)" suffix: most file systems allow 255 bytes per name. */
const MAX_NAME_BYTES = 200;
const UTF8 = new TextEncoder();

/**
 * A rep name as a file name stem (docs/reference/statements.md): `\ / : * ? " < > |` and control characters become "_"; trailing
 * dots and spaces (dropped by Windows) and a leading dot (a hidden file on macOS/Linux) too; device names and an
 * empty result get a "_" so the file can always be created; very long names are cut at a character boundary.
 */
export function sanitiseFileName(name: string): string {
  let s = Array.from(name.normalize("NFC"), (ch) => (isForbiddenInFileName(ch) ? "_" : ch)).join("");
  s = s.replace(/^\./, "_").replace(/[. ]+$/, (m) => "_".repeat(m.length));
  if (s.trim() === "") s = "_";
  if (RESERVED.test(s)) s = `${s}_`;
  const bytes = (x: string): number => UTF8.encode(x).length;
  if (bytes(s) > MAX_NAME_BYTES) {
    const chars = Array.from(s);
    while (bytes(chars.join("")) > MAX_NAME_BYTES) chars.pop();
    s = chars.join("");
  }
  return s;
}

/**
 * One ".xlsx" file name per rep, in the given order. Names are compared case-insensitively (Windows and macOS
 * folders are), so two reps whose names map to the same file get "Name.xlsx" and "Name (2).xlsx".
 */
export function statementFileNames(reps: readonly string[], reserved: readonly string[] = []): string[] {
  const stems = reps.map(sanitiseFileName);
  // `reserved`: names already in the folder that must not be overwritten (the input workbook itself).
  const taken = new Set<string>(reserved.map((r) => r.toLowerCase()));
  // A stem that is itself someone's plain name keeps it; suffixed ones must avoid those too ("A (2)" rep).
  const plain = new Set(stems.map((s) => `${s}.xlsx`.toLowerCase()));
  return stems.map((stem) => {
    let name = `${stem}.xlsx`;
    for (let i = 2; taken.has(name.toLowerCase()) || (i > 2 && plain.has(name.toLowerCase())); i++) {
      name = `${stem} (${i}).xlsx`;
    }
    taken.add(name.toLowerCase());
    return name;
  });
}

// ---------- tabs ----------

interface Ctx extends FormulaContext {
  scored: ScoredPeriod;
  layout: PlanSheetLayout;
  names: { scorecard: string; bonus: string; sales: string; issues: string; plan: string };
}

const P = (ctx: Ctx, ref: string): string => sheetRef(ctx.names.plan, ref);

/** The rep's Scorecard line: the report's columns (docs/reference/cli.md headers), formulas on own cells and the Plan only. */
function buildScorecard(ctx: Ctx, r: ScoredRep): ReportSheet {
  const { lang, plan, scored } = ctx;
  const K = plan.kpis.length;
  const C = scorecardCols(K);
  const n = scored.reps.length;
  const header = scorecardHeader(lang, plan);
  // A prorated rep's statement shows the factor their targets are multiplied by, last (docs/reference/statements.md).
  const prorationCol = r.active !== undefined ? header.length : undefined;
  if (prorationCol !== undefined) header.push(text(t(lang, "hdr.proration"), "header"));

  const row = 2;
  const cells: (ReportCell | null)[] = [
    text(r.rep),
    r.team === null ? null : text(r.team),
    ...kpiAndScoreCells({ ...ctx, prorationCol }, r, row, scored.range.months),
  ];
  const s = addr(C.score, row);
  const rk = addr(C.rank, row);
  // The report ranks with SUMPRODUCT over every rep's score: here the rank is a value (docs/reference/statements.md: no range
  // holding other reps), and Status reads only this rank, the rep count and the Plan's top/bottom.
  cells.push(num(r.rank, "0"));
  cells.push(statusCell(ctx, r, rk, String(n)));
  cells.push(payoutCell(ctx, r, s));
  if (prorationCol !== undefined) cells.push(prorationCell(r, scored.range));

  const rows: (ReportCell | null)[][] = [header, cells, []];
  rows.push([text(t(lang, "statement.rankOf", { rank: r.rank, count: n, period: scored.period }), "note")]);
  rows.push([text(t(lang, "statement.note", { rep: r.rep, period: scored.period }), "note")]);

  const lastCol = columnLetters(header.length - 1);
  return {
    key: "scorecard",
    name: ctx.names.scorecard,
    rows,
    columnWidths: header.map((h, c) =>
      c === 0 ? 22 : c === 1 ? 14 : Math.max(10, Math.min(28, String(h.v).length + 2)),
    ),
    freeze: { rows: 1, cols: 1 },
    tables: [{ name: "SP_Scorecard", ref: `A1:${lastCol}2`, style: TABLE_STYLE }],
    conditionalFormats: statusHighlights(lang, `A2:${lastCol}2`, `$${columnLetters(C.status)}2`),
    tabColor: "#2E75B6",
  };
}

/** How the bonus was reached: score → payout factor (curve, threshold, cap from the Plan) → bonus. */
function buildBonus(ctx: Ctx, r: ScoredRep, payouts: PeriodPayouts | null, history?: History): ReportSheet {
  const { lang, plan } = ctx;
  const c = ctx.cells;
  const rule = plan.bonus;
  const rows: (ReportCell | null)[][] = [
    bonusHeader(lang),
    bonusRow(ctx, ctx.names.scorecard, r, 2),
    [],
    [text(t(lang, "statement.rules"), "header"), text(t(lang, "statement.ruleValue"), "header")],
    [text(t(lang, "statement.targetBonus")), formula(P(ctx, c.bonus.targetBonus), rule.targetBonus, ctx.money)],
    [text(t(lang, "statement.threshold")), formula(P(ctx, c.bonus.threshold), rule.threshold, PCT)],
    [
      text(t(lang, "statement.cap")),
      rule.cap === null
        ? text(t(lang, "statement.noCap"))
        : formula(`IF(${P(ctx, c.bonus.cap)}="","",${P(ctx, c.bonus.cap)})`, rule.cap, PCT),
    ],
    [text(t(lang, "statement.curve")), text(curveText(ctx))],
  ];
  // docs/reference/payouts.md "Statements": the rep's own adjustments, payable, balances and closed periods.
  if (payouts && history) {
    const input = {
      lang,
      money: ctx.money,
      decimals: plan.currencyDecimals,
      planSheet: ctx.names.plan,
      planCells: c.payouts,
      bonusRow: new Map([[r.rep, 2]]),
    };
    rows.push(...statementPayoutRows(payouts, r.rep, history, input, rows.length));
  }
  return {
    key: "bonus",
    name: ctx.names.bonus,
    rows,
    columnWidths: [22, 14, 14, 14, 100],
    freeze: { rows: 1, cols: 1 },
    tables: [{ name: "SP_Bonus", ref: "A1:E2", style: TABLE_STYLE }],
    tabColor: "#FFC000",
  };
}

/** "(60%, 30%) · (100%, 100%) · (150%, 200%)": the Plan's payout curve in words. */
function curveText(ctx: Ctx): string {
  const curve = ctx.plan.bonus.curve;
  if (!curve || curve.length === 0) return t(ctx.lang, "statement.noCurve");
  return curve.map(([x, y]) => `(${pctOf(x)}, ${pctOf(y)})`).join(" · ");
}

function pctOf(x: number): string {
  return pctText(dec(x));
}

/** The sales columns in the input's order, with how to read each from a typed row. */
interface SalesColumn {
  header: string;
  read: (row: SalesRow) => number | string | boolean | null;
  fmt?: string;
}

const FIELD_FORMAT: Partial<Record<StandardField, string>> = { date: DATE_FORMAT, satisfaction: PCT, split: PCT };

function salesColumns(ctx: Ctx, ingest: IngestResult): SalesColumn[] {
  const cols = ingest.mapping.columns;
  const byCol = new Map<number, StandardField>();
  for (const f of Object.keys(cols) as StandardField[]) byCol.set(cols[f]!, f);
  return [...ingest.mapping.headers]
    .sort((a, b) => a.col - b.col)
    .map((h) => {
      const f = byCol.get(h.col);
      if (f !== undefined)
        return {
          header: h.header,
          read: SALES_FIELDS[f],
          fmt: f === "amount" || f === "splitAmount" ? ctx.money : FIELD_FORMAT[f],
        };
      return { header: h.header, read: (r: SalesRow) => r.extra[h.header] ?? null };
    });
}

/** The rep's own used sales rows in the period, cleaned (docs/reference/cleaning.md), with their sheet row numbers and a total. */
function buildSales(ctx: Ctx, ingest: IngestResult, rows: readonly SalesRow[]): ReportSheet {
  const { lang } = ctx;
  const cols = salesColumns(ctx, ingest);
  const header: ReportCell[] = [text(t(lang, "hdr.row"), "header"), ...cols.map((c) => text(c.header, "header"))];
  const out: (ReportCell | null)[][] = [header];
  for (const r of rows) {
    out.push([
      { v: r.sheetRow },
      ...cols.map((c) => {
        const v = c.read(r);
        return v === null || v === undefined ? null : value(v, c.fmt);
      }),
    ]);
  }
  const n = rows.length;
  const amountAt = cols.findIndex((c) => c.header === headerOf(ingest, "amount"));
  const tables = [
    { name: "SP_Sales", ref: `A1:${columnLetters(cols.length)}${Math.max(n + 1, 2)}`, style: TABLE_STYLE },
  ];
  if (amountAt >= 0) {
    const col = columnLetters(amountAt + 1);
    // docs/reference/numbers.md: exact sum of the rep's own rows (the engine's decimal sum, cached); Excel's SUM recomputes it.
    const total = rows.reduce((s, r) => s.plus(dec(String(r.amount))), dec(0));
    const totalRow: (ReportCell | null)[] = [text(t(lang, "total"), "total")];
    for (let c = 0; c < cols.length; c++) totalRow.push(null);
    totalRow[amountAt + 1] = formula(n > 0 ? `SUM(${col}2:${col}${n + 1})` : "0", total, ctx.money, "total");
    if (n === 0) out.push([]);
    out.push(totalRow);
  }
  out.push([]);
  out.push([text(t(lang, "statement.rowsNote", { period: ctx.scored.period }), "note")]);
  return {
    key: "data",
    name: ctx.names.sales,
    rows: out,
    columnWidths: [8, ...cols.map((c) => Math.max(12, Math.min(30, c.header.length + 4)))],
    freeze: { rows: 1, cols: 0 },
    tables,
    tabColor: "#70AD47",
  };
}

function headerOf(ingest: IngestResult, field: StandardField): string | undefined {
  const col = ingest.mapping.columns[field];
  return ingest.mapping.headers.find((h) => h.col === col)?.header;
}

/** The Data issues tab for one rep: the report's columns, only their issues, no reconciliation (team totals). */
function buildIssues(ctx: Ctx, issues: readonly DataIssue[]): ReportSheet {
  return issuesTab(ctx.lang, ctx.names.issues, issues);
}

// ---------- whose issue is it ----------

const rowKey = (sheet: string, row: number): string => `${sheet}\u0000${row}`;

/**
 * Sorts the data issues by rep: an issue on a row goes to the rep of that row (a used sales or measure row; an
 * excluded sales row by its rep cell, when the raw sheets are given); a scoring issue goes to the rep it names.
 * Row issues are kept when the row is in the period (an excluded row whose date cannot be read is kept too: it
 * may be). Issues naming no rep (a missing KPI column) are on every statement; a run of ignored rows (which can
 * hold several reps) and rows of no rep are on none.
 */
function issuesByRep(
  ingest: IngestResult,
  scoredIssues: readonly DataIssue[],
  sheets: readonly RawSheet[] | undefined,
  range: { startSerial: number; endSerial: number },
  aliases: ReadonlyMap<string, string>,
): { byRep: Map<string, DataIssue[]>; general: DataIssue[] } {
  const inPeriod = (serial: number): boolean => serial >= range.startSerial && serial <= range.endSerial;
  // Owners of the rows that have issues only: a million-row input has a few hundred such rows.
  const wanted = new Map<string, Set<number>>();
  for (const x of ingest.issues) {
    if (x.row === null) continue;
    const rows = wanted.get(x.sheet) ?? new Set<number>();
    rows.add(x.row);
    wanted.set(x.sheet, rows);
  }
  const owner = new Map<string, { rep: string; inPeriod: boolean }>();
  // A rep cell naming several reps credits each of them (docs/reference/statements.md): the row is on each one's.
  const coOwners = new Map<string, string[]>();
  const note = (r: { sheet: string; sheetRow: number; rep: string; dateSerial: number }): void => {
    if (wanted.get(r.sheet)?.has(r.sheetRow)) {
      // A measure row whose name matched a sales rep ignoring case ("neg" → "Neg") is that rep's row.
      const key = rowKey(r.sheet, r.sheetRow);
      const rep = aliases.get(r.rep) ?? r.rep;
      const first = owner.get(key);
      if (first !== undefined && first.rep !== rep && "credit" in r)
        coOwners.set(key, [...(coOwners.get(key) ?? []), rep]);
      else owner.set(key, { rep, inPeriod: inPeriod(r.dateSerial) });
    }
  };
  for (const r of ingest.rows) note(r);
  for (const m of ingest.measures) note(m);

  const map = ingest.mapping;
  const raw = sheets?.find((s) => s.name === map.sheet);
  const cellOf = (row: number, col: number | undefined): RawCell | undefined => {
    if (!raw || col === undefined) return undefined;
    return raw.values[row - (raw.firstRow ?? 1)]?.[col - (raw.firstCol ?? 0)];
  };
  const excludedOwner = (row: number): { rep: string; inPeriod: boolean } | null => {
    const name = cellOf(row, map.columns.rep);
    if (typeof name !== "string" && typeof name !== "number") return null;
    const rep = normaliseRepName(String(name));
    if (rep === "") return null;
    const d = parseDate(cellOf(row, map.columns.date) ?? null);
    return { rep, inPeriod: d.ok ? inPeriod(d.serial) : true };
  };

  const byRep = new Map<string, DataIssue[]>();
  const general: DataIssue[] = [];
  const add = (rep: string, x: DataIssue): void => {
    const list = byRep.get(rep) ?? [];
    list.push(x);
    byRep.set(rep, list);
  };
  for (const x of ingest.issues) {
    if (x.row === null) {
      if (x.params?.rep === undefined) general.push(x);
      continue;
    }
    // Rows that hold several reps are on no statement: a run of ignored rows, and the line naming a shared rep cell
    // (its reps' names); the shared row's other lines go to each rep it credits (docs/reference/statements.md).
    if (x.reasonKey === "rowsAfterBlankIgnored" || x.reasonKey === "repCellShared") continue;
    const o =
      owner.get(rowKey(x.sheet, x.row)) ??
      (x.sheet === map.sheet && x.action === "excluded" ? excludedOwner(x.row) : null);
    if (o && o.inPeriod) {
      add(o.rep, x);
      for (const rep of coOwners.get(rowKey(x.sheet, x.row)) ?? []) add(rep, x);
    }
  }
  for (const x of scoredIssues) {
    const rep = x.params?.rep;
    if (typeof rep === "string") add(rep, x);
    else if (x.row === null) general.push(x);
  }
  return { byRep, general };
}

// ---------- entry point ----------

/** Build every scored rep's statement (rank order) with its file name. */
export function buildStatements(ingest: IngestResult, plan: Plan, opts: StatementOptions): Statements {
  const lang = opts.lang;
  const { scored, sections } = scorePlans(ingest, plan, { period: opts.period, lang: opts.lang });
  const names = sheetNames(lang);
  // The Plan tab shows the "Split deals count for" setting when the rows credit split deals (docs/reference/plan.md).
  const layout = writePlanSheet(planShowingSplits(plan, ingest), lang);
  const ctx: Ctx = {
    lang,
    plan,
    scored,
    layout,
    cells: layout.cells,
    money: moneyFormat(plan.currency ?? ingest.currencyGuess, plan.currencyDecimals),
    names: {
      scorecard: names.scorecard,
      bonus: names.bonus,
      sales: t(lang, "statement.sheetSales"),
      issues: names.issues,
      plan: names.plan,
    },
  };
  const prorations = new Map(scored.reps.map((x) => [x.rep, x.proration]));
  const payouts = opts.history
    ? periodPayouts(ingest, plan, scored, opts.history, {
        lang,
        currency: plan.currency ?? ingest.currencyGuess,
        proration: (rep) => prorations.get(rep),
      })
    : null;
  const range = periodRange(scored.period)!;
  const rowsByRep = new Map<string, SalesRow[]>();
  for (const r of ingest.rows) {
    if (r.dateSerial < range.startSerial || r.dateSerial > range.endSerial) continue;
    const list = rowsByRep.get(r.rep) ?? [];
    list.push(r);
    rowsByRep.set(r.rep, list);
  }
  const { byRep, general } = issuesByRep(ingest, scored.issues, opts.sheets, range, scored.repAliases);
  // Statements are listed (files, the pane's downloads, CLI output) in name order, pinyin for Chinese.
  const byName = [...scored.reps].sort((a, b) => compareNames(a.rep, b.rep));
  const fileNames = statementFileNames(
    byName.map((r) => r.rep),
    opts.reservedFileNames,
  );
  // Several plans (docs/reference/plan.md "A plan per role or team"): a rep's statement is their own plan's — its KPIs,
  // Plan cells, and rank among its reps.
  const sectionOf = new Map(sections.flatMap((s, i) => s.scored.reps.map((r) => [r.rep, i] as const)));
  const ctxOf = (rep: string): Ctx => {
    const i = sectionOf.get(rep) ?? 0;
    if (sections.length === 1) return ctx;
    const s = sections[i];
    return { ...ctx, plan: s.plan, scored: s.scored, cells: (layout.plans?.[i] ?? layout).cells };
  };
  const statements = byName.map((r, i): RepStatement => {
    const own = ctxOf(r.rep);
    const rows = (rowsByRep.get(r.rep) ?? []).sort(
      (a, b) => a.dateSerial - b.dateSerial || compareCodePoints(a.sheet, b.sheet) || a.sheetRow - b.sheetRow,
    );
    const issues = [...general, ...(byRep.get(r.rep) ?? [])];
    // Widths and print settings as on the report's tabs (docs/reference/statements.md "Printing").
    const heading = { lang, title: t(lang, "print.statementTitle", { rep: r.rep }), period: scored.period };
    const report: Report = {
      lang,
      sheets: [
        buildScorecard(own, r),
        buildBonus(own, r, payouts, opts.history),
        buildSales(ctx, ingest, rows),
        buildIssues(ctx, issues),
        // The Plan tab never lists per-rep targets, so it names no rep.
        planTab(ctx.names.plan, ctx.layout),
      ].map((sheet) => layOutForPrint(sheet, heading)),
      summary: {
        period: scored.period,
        repsScored: 1,
        rowsUsed: rows.length,
        rowsExcluded: new Set(issues.filter((x) => x.action === "excluded").map((x) => rowKey(x.sheet, x.row ?? 0)))
          .size,
        top: r.status === "top" ? [r.rep] : [],
        coaching: r.status === "coaching" ? [r.rep] : [],
        issues: issues.length,
      },
    };
    return { rep: r.rep, fileName: fileNames[i], scored: r, report };
  });
  return { period: scored.period, statements };
}
