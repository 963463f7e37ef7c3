/**
 * The History / 历史记录 sheet (docs/reference/history.md): the pay cycle's record written as values, and read back.
 *
 * Layout. Each record is one row: column A names its kind (Period, Plan, Rep, KPI, Event, End — or Not closed for the
 * report's own period), column B its period, then its values, and column T its checksum: the first 16 hex digits of
 * SHA-256 over the checksum of the record above and this record's values. A value changed by hand fails its own row;
 * a record deleted, added, duplicated or moved fails the row under it; records deleted at the end fail the End
 * record's count (or leave no End record). Heading, header and blank rows are for the reader and are not records.
 *
 * Numbers are written as numbers when the double holds the decimal exactly (money to the cent, ratios to 15
 * significant digits), else as their digits; either reads back as the same decimal string.
 */
import Decimal from "decimal.js";
import { t, type Lang } from "../i18n/index";
import type { DataIssue, RawCell, RawSheet } from "../ingest/types";
import type { Plan } from "../plan/types";
import { moneyFormat, PCT, text } from "../report/cells";
import type { ReportCell, ReportSheet } from "../report/model";
import { cellAddress } from "../sheet";
import { canonicalJson, planFingerprint, shortFingerprint } from "./fingerprint";
import type { HistoryRecord, PendingPeriod } from "./record";
import { sha256Hex } from "./sha256";
import type { ClosedPeriod, ClosedRep, History, HistoryEvent } from "./types";

/** Column of the checksum (T): after the widest record, a rep's. */
export const CHECKSUM_COL = 19;
/** Plan JSON per cell: under Excel's 32,767 characters a cell holds. */
export const PLAN_CHUNK = 30000;
/** The chain's start: the checksum "above" the first record. */
const CHAIN_SEED = "salesperf-history-1";

export type RecordKind = "period" | "current" | "plan" | "rep" | "settled" | "months" | "kpi" | "event" | "end";
const KINDS: RecordKind[] = ["period", "current", "plan", "rep", "settled", "months", "kpi", "event", "end"];

/** The kind of a column A label, in either language (a History sheet may be read by a report in the other one). */
function kindOfLabel(label: RawCell): RecordKind | null {
  if (typeof label !== "string") return null;
  const l = label.trim().normalize("NFKC").toLowerCase();
  for (const kind of KINDS) {
    for (const lang of ["en", "zh"] as const) {
      if (t(lang, `history.kind.${kind}`).normalize("NFKC").toLowerCase() === l) return kind;
    }
  }
  return null;
}

/** The checksum of a record: 16 hex digits over the record above's checksum, its kind and its values. */
export function recordChecksum(previous: string, kind: RecordKind, fields: readonly string[]): string {
  return sha256Hex([previous, kind, ...fields].join("\u001f")).slice(0, 16);
}

// ---------- values ----------

/** "1234.50", "1.2345e3" → "1234.5": one text per decimal value. null when `s` is not a decimal. */
function canonicalDecimal(s: string): string | null {
  const trimmed = s.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return null;
  return new Decimal(trimmed).toFixed();
}

/** A decimal string as a cell: a number when the double holds it exactly, else its digits as text. */
function decimalCell(s: string | null, fmt?: string): ReportCell | null {
  if (s === null) return null;
  const n = Number(s);
  if (Number.isFinite(n) && new Decimal(String(n)).toFixed() === s) {
    const c: ReportCell = { v: n };
    if (fmt) c.fmt = fmt;
    return c;
  }
  return text(s);
}

function intCell(n: number): ReportCell {
  return { v: n, fmt: "0" };
}

/** A field's text for the checksum: what the cell reads back as. */
type Field = string;

// ---------- writing ----------

interface Writer {
  lang: Lang;
  rows: (ReportCell | null)[][];
  previous: string;
  count: number;
}

/** A record row: kind label, its cells, checksum over `fields` (the values as read back). */
function pushRecord(w: Writer, kind: RecordKind, cells: (ReportCell | null)[], fields: Field[]): void {
  const checksum = recordChecksum(w.previous, kind, fields);
  w.previous = checksum;
  w.count++;
  const row: (ReportCell | null)[] = [text(t(w.lang, `history.kind.${kind}`)), ...cells];
  while (row.length < CHECKSUM_COL) row.push(null);
  row.push(text(checksum));
  w.rows.push(row);
}

const PERIOD_HEADER = ["record", "period", "closedAt", "fingerprint", "rows", "amount", "reps", "planParts"];
const PLAN_HEADER = ["record", "period", "part", "planJson"];
const REP_HEADER = [
  "record",
  "period",
  "rep",
  "team",
  "rows",
  "amount",
  "returnRows",
  "returnAmount",
  "score",
  "rank",
  "status",
  "factor",
  "earned",
  "adjustments",
  "drawTopUp",
  "drawRecovered",
  "payable",
  "drawBalance",
  "clawbackBalance",
];
const KPI_HEADER = ["record", "period", "rep", "kpi", "actual", "target", "attainment"];
/** docs/reference/payouts.md: a difference for an earlier period that this period's close settled (ClosedRep.settled). */
const SETTLED_HEADER = ["record", "period", "rep", "forPeriod", "difference"];
const EVENT_HEADER = ["record", "period", "event", "at"];
/** A rep's rows per month of a quarter or year at close (ClosedRep.months); absent in tabs closed before it was kept. */
const MONTHS_HEADER = ["record", "period", "rep", "month", "rows"];
// Headers taken from the report's own catalogue where the thing has a name already.
const SHARED_HEADERS: Record<string, string> = {
  rep: "hdr.rep",
  team: "hdr.team",
  score: "hdr.score",
  rank: "hdr.rank",
  status: "hdr.status",
  factor: "hdr.factor",
};

function headerText(lang: Lang, key: string): string {
  return t(lang, SHARED_HEADERS[key] ?? `history.hdr.${key}`);
}

function headerRow(w: Writer, keys: string[]): void {
  const row: (ReportCell | null)[] = keys.map((k) => text(headerText(w.lang, k), "header"));
  while (row.length < CHECKSUM_COL) row.push(null);
  row.push(text(t(w.lang, "history.hdr.checksum"), "header"));
  w.rows.push(row);
}

function statusLabel(lang: Lang, status: ClosedRep["status"]): string {
  return status === "top" ? t(lang, "status.top") : status === "coaching" ? t(lang, "status.coaching") : "";
}

/** The plan as canonical JSON cut into cells. */
function planChunks(plan: Plan): string[] {
  const json = canonicalJson(plan);
  const out: string[] = [];
  for (let i = 0; i < json.length; i += PLAN_CHUNK) out.push(json.slice(i, i + PLAN_CHUNK));
  return out.length > 0 ? out : ["{}"];
}

/** A period's records: its Period (or Not closed) row, plan parts, reps and their KPIs, each group under a header. */
function writePeriod(w: Writer, p: PendingPeriod, closedAt: string | null): void {
  const money = moneyFormat(p.plan.currency ?? null, p.plan.currencyDecimals ?? 2);
  const chunks = planChunks(p.plan);
  const kind: RecordKind = closedAt === null ? "current" : "period";
  headerRow(w, PERIOD_HEADER);
  pushRecord(
    w,
    kind,
    [
      text(p.period),
      closedAt === null ? null : text(closedAt),
      text(p.planFingerprint),
      intCell(p.input.rows),
      decimalCell(p.input.amount, money),
      intCell(p.reps.length),
      intCell(chunks.length),
    ],
    [
      p.period,
      closedAt ?? "",
      p.planFingerprint,
      String(p.input.rows),
      p.input.amount,
      String(p.reps.length),
      String(chunks.length),
    ],
  );
  headerRow(w, PLAN_HEADER);
  chunks.forEach((chunk, i) =>
    pushRecord(w, "plan", [text(p.period), intCell(i + 1), text(chunk)], [p.period, String(i + 1), chunk]),
  );
  headerRow(w, REP_HEADER);
  for (const r of p.reps) {
    const moneyFields = [
      r.earned,
      r.adjustments,
      r.drawTopUp,
      r.drawRecovered,
      r.payable,
      r.drawBalance,
      r.clawbackBalance,
    ];
    pushRecord(
      w,
      "rep",
      [
        text(p.period),
        text(r.rep),
        r.team === null ? null : text(r.team),
        intCell(r.rows),
        decimalCell(r.amount, money),
        intCell(r.returnRows),
        decimalCell(r.returnAmount, money),
        decimalCell(r.score, PCT),
        intCell(r.rank),
        r.status === null ? null : text(statusLabel(w.lang, r.status)),
        decimalCell(r.factor, PCT),
        ...moneyFields.map((m) => decimalCell(m, money)),
      ],
      [
        p.period,
        r.rep,
        r.team ?? "",
        String(r.rows),
        r.amount,
        String(r.returnRows),
        r.returnAmount,
        r.score,
        String(r.rank),
        r.status ?? "",
        r.factor,
        ...moneyFields,
      ],
    );
  }
  if (p.reps.some((r) => (r.settled ?? []).length > 0)) {
    headerRow(w, SETTLED_HEADER);
    for (const r of p.reps) {
      for (const s of r.settled ?? []) {
        pushRecord(
          w,
          "settled",
          [text(p.period), text(r.rep), text(s.period), decimalCell(s.difference, money)],
          [p.period, r.rep, s.period, s.difference],
        );
      }
    }
  }
  if (p.reps.some((r) => (r.months ?? []).length > 0)) {
    headerRow(w, MONTHS_HEADER);
    for (const r of p.reps) {
      for (const m of r.months ?? []) {
        pushRecord(
          w,
          "months",
          [text(p.period), text(r.rep), text(m.month), intCell(m.rows)],
          [p.period, r.rep, m.month, String(m.rows)],
        );
      }
    }
  }
  headerRow(w, KPI_HEADER);
  for (const r of p.reps) {
    for (const k of r.kpis) {
      pushRecord(
        w,
        "kpi",
        [
          text(p.period),
          text(r.rep),
          text(k.name),
          decimalCell(k.actual),
          decimalCell(k.target),
          decimalCell(k.attainment, PCT),
        ],
        [p.period, r.rep, k.name, k.actual ?? "", k.target ?? "", k.attainment ?? ""],
      );
    }
  }
}

function heading(w: Writer, s: string): void {
  w.rows.push([], [text(s, "total")]);
}

/** "2026-01-05T09:30:00.000Z" → "2026-01-05 09:30 UTC" for a heading. */
function readableInstant(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/**
 * The History tab of a report: the closed periods (oldest first), the closes and reopens, then the report's own
 * period not closed yet. `currentFingerprint`: this report's plan, against which each closed period is labelled.
 */
export function historySheet(lang: Lang, name: string, record: HistoryRecord, currentFingerprint: string): ReportSheet {
  const w: Writer = { lang, rows: [], previous: CHAIN_SEED, count: 0 };
  w.rows.push([text(t(lang, "history.title"), "title")]);
  w.rows.push([text(t(lang, "history.note", { fingerprint: shortFingerprint(currentFingerprint) }), "note")]);
  const { history, pending } = record;
  if (history.periods.length === 0) w.rows.push([], [text(t(lang, "history.none"), "note")]);
  for (const p of history.periods) {
    const plan =
      p.planFingerprint === currentFingerprint
        ? t(lang, "history.samePlan")
        : t(lang, "history.otherPlan", { fingerprint: shortFingerprint(p.planFingerprint) });
    heading(w, t(lang, "history.closedHeading", { period: p.period, at: readableInstant(p.closedAt), plan }));
    writePeriod(w, p, p.closedAt);
  }
  if (history.events.length > 0) {
    heading(w, t(lang, "history.eventsHeading"));
    headerRow(w, EVENT_HEADER);
    for (const e of history.events) {
      pushRecord(
        w,
        "event",
        [text(e.period), text(t(lang, `history.event.${e.kind}`)), text(e.at)],
        [e.period, e.kind, e.at],
      );
    }
  }
  if (pending) {
    const closed = history.periods.some((p) => p.period === pending.period);
    heading(w, t(lang, closed ? "history.pendingClosedHeading" : "history.pendingHeading", { period: pending.period }));
    writePeriod(w, pending, null);
  }
  w.rows.push([]);
  const count = w.count;
  headerRow(w, ["record", "records"]);
  pushRecord(w, "end", [intCell(count)], [String(count)]);
  return {
    key: "history",
    name,
    rows: w.rows,
    columnWidths: [12, 11, 22, 16, 10, 16, 12, 14, 10, 8, 10, 12, 14, 14, 14, 14, 14, 14, 16, 18],
    freeze: { rows: 0, cols: 2 },
    tabColor: "#7F7F7F",
  };
}

// ---------- reading ----------

export interface ReadHistory extends HistoryRecord {
  /** Problems found, each naming its cell; when there are any, the record must not be used or rewritten. */
  issues: DataIssue[];
}

interface RawRecord {
  kind: RecordKind;
  /** 1-based sheet row. */
  row: number;
  fields: Field[];
}

/** A cell as the text its checksum was computed over: numbers as their decimal, text trimmed, empty as "". */
function fieldText(cell: RawCell | undefined): Field {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return new Decimal(String(cell)).toFixed();
  if (typeof cell === "string") return cell.trim();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return cell.error;
}

/** Number of value fields per kind (after the period, which every kind but End has). */
const FIELD_COUNT: Record<RecordKind, number> = {
  period: 7,
  current: 7,
  plan: 3,
  rep: 18,
  settled: 4,
  months: 4,
  kpi: 6,
  event: 3,
  end: 1,
};

/** The status label of a rep record back to its code, either language. */
function statusOf(label: string): ClosedRep["status"] | undefined {
  if (label === "") return null;
  for (const lang of ["en", "zh"] as const) {
    if (label === t(lang, "status.top")) return "top";
    if (label === t(lang, "status.coaching")) return "coaching";
  }
  return undefined;
}

function eventOf(label: string): HistoryEvent["kind"] | undefined {
  for (const lang of ["en", "zh"] as const) {
    if (label === t(lang, "history.event.close")) return "close";
    if (label === t(lang, "history.event.reopen")) return "reopen";
  }
  return undefined;
}

/**
 * Reads a History sheet back (docs/reference/history.md): the closed periods, the events and the period not closed
 * yet, with every problem found named by cell. `lang` is the language the problems are reported in.
 */
export function readHistorySheet(sheet: RawSheet, lang: Lang): ReadHistory {
  const firstRow = sheet.firstRow ?? 1;
  const firstCol = sheet.firstCol ?? 0;
  const issues: DataIssue[] = [];
  const cellName = (row: number, col: number): string => cellAddress(row - 1, col);
  // `col`: the 0-based column of the cell at fault (its header names it), null for the sheet as a whole.
  const issue = (
    row: number | null,
    col: number | null,
    raw: RawCell | undefined,
    key: string,
    params: Record<string, string | number> = {},
    field?: string,
  ): void => {
    issues.push({
      sheet: sheet.name,
      row,
      column: field ? headerText(lang, field) : col === CHECKSUM_COL ? headerText(lang, "checksum") : null,
      raw: raw === undefined || raw === null ? null : typeof raw === "object" ? raw.error : raw,
      action: "excluded",
      reasonKey: key,
      params: {
        ...params,
        ...(row === null ? {} : { row }),
        ...(row !== null && col !== null ? { cell: cellName(row, col) } : {}),
      },
    });
  };

  // 1. The records in sheet order, each checked against the chain.
  const records: RawRecord[] = [];
  let previous = CHAIN_SEED;
  sheet.values.forEach((cells, i) => {
    const at = (col: number): RawCell | undefined => cells[col - firstCol];
    const kind = kindOfLabel(at(0) ?? null);
    if (kind === null) return;
    const row = firstRow + i;
    const n = FIELD_COUNT[kind];
    const fields = kind === "end" ? [fieldText(at(1))] : Array.from({ length: n }, (_, j) => fieldText(at(1 + j)));
    // Labels in the sheet's language are checksummed as their codes, so a sheet reads the same in either language.
    if (kind === "rep") fields[9] = statusOf(fields[9]) ?? fields[9];
    if (kind === "event") fields[1] = eventOf(fields[1]) ?? fields[1];
    const stored = fieldText(at(CHECKSUM_COL));
    const expected = recordChecksum(previous, kind, fields);
    if (stored !== expected) issue(row, CHECKSUM_COL, at(CHECKSUM_COL), "history.issue.checksum");
    previous = stored;
    records.push({ kind, row, fields });
  });

  // 2. The End record: last, counting the records above it.
  const endAt = records.findIndex((r) => r.kind === "end");
  if (endAt < 0) {
    if (records.length > 0) issue(null, null, null, "history.issue.noEnd");
  } else {
    for (const r of records.slice(endAt + 1)) issue(r.row, 0, null, "history.issue.afterEnd");
    const end = records[endAt];
    if (end.fields[0] !== String(endAt)) {
      issue(end.row, 1, end.fields[0], "history.issue.endCount", { expected: end.fields[0], found: endAt }, "records");
    }
  }
  const body = endAt < 0 ? records : records.slice(0, endAt);

  // 3. Periods, their plan parts, reps and KPIs; events.
  const history: History = { periods: [], events: [] };
  let pending: PendingPeriod | null = null;
  interface Block {
    record: RawRecord;
    period: string;
    closedAt: string | null;
    fingerprint: string;
    rows: number;
    amount: string;
    repCount: number;
    partCount: number;
    parts: string[];
    reps: ClosedRep[];
    kpiRecords: Map<
      string,
      { name: string; actual: string | null; target: string | null; attainment: string | null }[]
    >;
  }
  const blocks: Block[] = [];
  let block: Block | null = null;

  const intAt = (r: RawRecord, j: number, field: string): number | null => {
    const s = r.fields[j];
    if (/^\d+$/.test(s)) return Number(s);
    issue(r.row, 1 + j, s, "history.issue.value", { value: s === "" ? "—" : s, field: headerText(lang, field) }, field);
    return null;
  };
  const decAt = (r: RawRecord, j: number, field: string, optional = false): string | null | undefined => {
    const s = r.fields[j];
    if (optional && s === "") return null;
    const d = canonicalDecimal(s);
    if (d !== null) return d;
    issue(r.row, 1 + j, s, "history.issue.value", { value: s === "" ? "—" : s, field: headerText(lang, field) }, field);
    return undefined;
  };

  for (const r of body) {
    const period = r.fields[0];
    if (r.kind === "period" || r.kind === "current") {
      const rows = intAt(r, 3, "rows");
      const amount = decAt(r, 4, "amount");
      const repCount = intAt(r, 5, "reps");
      const partCount = intAt(r, 6, "planParts");
      if (rows === null || amount == null || repCount === null || partCount === null) {
        block = null;
        continue;
      }
      block = {
        record: r,
        period,
        closedAt: r.kind === "period" ? r.fields[1] : null,
        fingerprint: r.fields[2],
        rows,
        amount,
        repCount,
        partCount,
        parts: [],
        reps: [],
        kpiRecords: new Map(),
      };
      blocks.push(block);
      continue;
    }
    if (r.kind === "event") {
      const kind = r.fields[1] === "close" || r.fields[1] === "reopen" ? r.fields[1] : undefined;
      if (kind === undefined)
        issue(
          r.row,
          2,
          r.fields[1],
          "history.issue.value",
          { value: r.fields[1], field: headerText(lang, "event") },
          "event",
        );
      else history.events.push({ kind, period, at: r.fields[2] });
      continue;
    }
    if (block === null || block.period !== period) {
      issue(r.row, 0, null, "history.issue.orphan");
      continue;
    }
    if (r.kind === "plan") {
      block.parts.push(r.fields[2]);
    } else if (r.kind === "rep") {
      const f = r.fields;
      const status = f[9] === "top" || f[9] === "coaching" ? f[9] : f[9] === "" ? null : undefined;
      if (status === undefined)
        issue(r.row, 10, f[9], "history.issue.value", { value: f[9], field: headerText(lang, "status") }, "status");
      const ints = [intAt(r, 3, "rows"), intAt(r, 5, "returnRows"), intAt(r, 8, "rank")];
      const moneyKeys = [
        "amount",
        "returnAmount",
        "score",
        "factor",
        "earned",
        "adjustments",
        "drawTopUp",
        "drawRecovered",
        "payable",
        "drawBalance",
        "clawbackBalance",
      ];
      const moneyIdx = [4, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17];
      const decs = moneyIdx.map((j, k) => decAt(r, j, moneyKeys[k]));
      if (status === undefined || ints.some((x) => x === null) || decs.some((x) => x == null)) continue;
      if (block.reps.some((x) => x.rep === f[1])) {
        issue(r.row, 2, f[1], "history.issue.repTwice", { rep: f[1], period }, "rep");
        continue;
      }
      const [
        amount,
        returnAmount,
        score,
        factor,
        earned,
        adjustments,
        drawTopUp,
        drawRecovered,
        payable,
        drawBalance,
        clawbackBalance,
      ] = decs as string[];
      block.reps.push({
        rep: f[1],
        team: f[2] === "" ? null : f[2],
        rows: ints[0]!,
        amount,
        returnRows: ints[1]!,
        returnAmount,
        kpis: [],
        score,
        rank: ints[2]!,
        status,
        factor,
        earned,
        adjustments,
        drawTopUp,
        drawRecovered,
        payable,
        drawBalance,
        clawbackBalance,
      });
    } else if (r.kind === "settled") {
      const rep = block.reps.find((x) => x.rep === r.fields[1]);
      const difference = decAt(r, 3, "difference");
      if (rep === undefined) issue(r.row, 2, r.fields[1], "history.issue.orphan");
      else if (difference != null) (rep.settled ??= []).push({ period: r.fields[2], difference });
    } else if (r.kind === "months") {
      const rep = block.reps.find((x) => x.rep === r.fields[1]);
      const rows = intAt(r, 3, "rows");
      if (rep === undefined) issue(r.row, 2, r.fields[1], "history.issue.orphan");
      else if (rows !== null) (rep.months ??= []).push({ month: r.fields[2], rows });
    } else if (r.kind === "kpi") {
      const values = [decAt(r, 3, "actual", true), decAt(r, 4, "target", true), decAt(r, 5, "attainment", true)];
      if (values.some((v) => v === undefined)) continue;
      const list = block.kpiRecords.get(r.fields[1]) ?? [];
      list.push({ name: r.fields[2], actual: values[0]!, target: values[1]!, attainment: values[2]! });
      block.kpiRecords.set(r.fields[1], list);
    }
  }

  // 4. Each period whole: counts, plan, KPIs; a period closed once, one period not closed.
  for (const b of blocks) {
    const row = b.record.row;
    if (b.reps.length !== b.repCount) {
      issue(
        row,
        6,
        b.repCount,
        "history.issue.count",
        { period: b.period, expected: b.repCount, found: b.reps.length, what: t(lang, "history.what.reps") },
        "reps",
      );
      continue;
    }
    if (b.parts.length !== b.partCount) {
      issue(
        row,
        7,
        b.partCount,
        "history.issue.count",
        { period: b.period, expected: b.partCount, found: b.parts.length, what: t(lang, "history.what.planParts") },
        "planParts",
      );
      continue;
    }
    let plan: Plan;
    try {
      plan = JSON.parse(b.parts.join("")) as Plan;
      if (!plan || typeof plan !== "object" || !Array.isArray(plan.kpis)) throw new Error("not a plan");
    } catch {
      issue(row, 0, null, "history.issue.plan", { period: b.period });
      continue;
    }
    if (planFingerprint(plan) !== b.fingerprint) {
      issue(row, 3, b.fingerprint, "history.issue.fingerprint", { period: b.period }, "fingerprint");
      continue;
    }
    let kpisOk = true;
    for (const rep of b.reps) {
      const kpis = b.kpiRecords.get(rep.rep) ?? [];
      if (kpis.length !== plan.kpis.length || kpis.some((k, i) => k.name !== plan.kpis[i].name)) {
        issue(row, 0, null, "history.issue.kpis", { period: b.period, rep: rep.rep });
        kpisOk = false;
      }
      rep.kpis = kpis;
    }
    const orphanKpis = [...b.kpiRecords.keys()].filter((rep) => !b.reps.some((x) => x.rep === rep));
    if (orphanKpis.length > 0) {
      issue(row, 0, null, "history.issue.kpis", { period: b.period, rep: orphanKpis[0] });
      kpisOk = false;
    }
    if (!kpisOk) continue;
    const period: PendingPeriod = {
      period: b.period,
      planFingerprint: b.fingerprint,
      plan,
      input: { rows: b.rows, amount: b.amount },
      reps: b.reps,
    };
    if (b.closedAt === null) {
      if (pending !== null) issue(row, 0, null, "history.issue.pendingTwice");
      else pending = period;
    } else if (history.periods.some((p) => p.period === b.period)) {
      issue(row, 1, b.period, "history.issue.periodTwice", { period: b.period }, "period");
    } else {
      history.periods.push({ ...period, closedAt: b.closedAt } as ClosedPeriod);
    }
  }
  return { history, pending, issues };
}
