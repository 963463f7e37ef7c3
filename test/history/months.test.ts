/**
 * Rows per month at close (docs/reference/history.md "What a close records", payouts.md "Reasons"): a close of a
 * quarter records each rep's rows per month (ClosedRep.months, the Pay history's Rows by month records, checksummed);
 * an adjustment's reason then names the month rows were added or removed in. A Pay history from before, without
 * them, reads as it did and its reasons name no month.
 */
import { closePeriod } from "../../src/history/close";
import { pendingPeriod } from "../../src/history/pending";
import { EMPTY_HISTORY, type HistoryRecord } from "../../src/history/record";
import { historySheet, readHistorySheet } from "../../src/history/sheet";
import type { History } from "../../src/history/types";
import type { Lang } from "../../src/i18n";
import type { RawCell, RawSheet } from "../../src/ingest/types";
import { periodPayouts } from "../../src/report/payouts";
import { scorePeriod } from "../../src/report/score";
import { ingestOf, type RowSpec } from "../report/fixtures";
import { planOf, Q1, Q4_AT_CLOSE, Q4_TODAY, row } from "../report/payoutsFixtures";

const plan = planOf({ adjustments: "carry" });

function sheetOf(record: HistoryRecord, lang: Lang = "en"): RawSheet {
  const s = historySheet(lang, "Pay history", record, "x");
  return { name: s.name, values: s.rows.map((r) => r.map((c): RawCell => (c?.v === undefined ? null : c.v))) };
}

/** 2025-Q4 closed from `rows`, as the pane and the command line close it (pending period → close). */
function closedQ4(rows: RowSpec[]): History {
  const ingest = ingestOf(rows, { currency: "CNY" });
  const pending = pendingPeriod(ingest, plan, scorePeriod(ingest, plan, { period: "2025-Q4" }));
  const closed = closePeriod({ history: EMPTY_HISTORY, pending }, "2026-01-05T09:30:00.000Z");
  if (!closed.ok) throw new Error("close refused");
  // Through the sheet and back, as every later report reads it.
  const read = readHistorySheet(sheetOf(closed.record), "en");
  expect(read.issues).toEqual([]);
  return read.history;
}

/** The reasons of the adjustments to 2025-Q4 in a 2026-Q1 report on `today`'s rows, by rep. */
function reasons(history: History, today: RowSpec[], lang: Lang = "en"): Record<string, string> {
  const ingest = ingestOf([...today, ...Q1], { currency: "CNY" });
  const scored = scorePeriod(ingest, plan, { period: "2026-Q1" });
  const payouts = periodPayouts(ingest, plan, scored, history, { lang, currency: "CNY" });
  return Object.fromEntries((payouts?.adjustments ?? []).map((a) => [a.rep, a.reason]));
}

describe("rows per month recorded at close", () => {
  it("a quarter: each rep's rows per month with rows, read back exactly from the Pay history", () => {
    const q4 = closedQ4(Q4_AT_CLOSE).periods[0];
    const byRep = Object.fromEntries(q4.reps.map((r) => [r.rep, r.months]));
    expect(byRep["Li Na"]).toEqual([
      { month: "2025-10", rows: 1 },
      { month: "2025-11", rows: 1 },
      { month: "2025-12", rows: 1 },
    ]);
    expect(byRep["Wang Fang"]).toEqual([
      { month: "2025-10", rows: 1 },
      { month: "2025-12", rows: 1 },
    ]);
    // Each rep's months add up to the rep's rows.
    for (const r of q4.reps) expect((r.months ?? []).reduce((n, m) => n + m.rows, 0)).toBe(r.rows);
  });

  it("a count changed by hand fails that record's checksum, named by cell", () => {
    const ingest = ingestOf(Q4_AT_CLOSE, { currency: "CNY" });
    const pending = pendingPeriod(ingest, plan, scorePeriod(ingest, plan, { period: "2025-Q4" }));
    const sheet = sheetOf({ history: EMPTY_HISTORY, pending });
    const at = sheet.values.findIndex((r) => r[0] === "Rows by month");
    expect(at).toBeGreaterThan(0);
    expect(sheet.values[at].slice(1, 5)).toEqual(["2025-Q4", "Li Na", "2025-10", 1]);
    sheet.values[at][4] = 2;
    const { issues } = readHistorySheet(sheet, "en");
    expect(issues.map((i) => [i.row, i.reasonKey])).toEqual([[at + 1, "history.issue.checksum"]]);
  });

  it("a month records none: the month is the period", () => {
    const monthly = { ...plan, period: "month" as const };
    const ingest = ingestOf(Q4_AT_CLOSE, { currency: "CNY" });
    const pending = pendingPeriod(ingest, monthly, scorePeriod(ingest, monthly, { period: "2025-11" }));
    expect(pending.reps.every((r) => r.months === undefined)).toBe(true);
    expect(sheetOf({ history: EMPTY_HISTORY, pending }).values.some((r) => r[0] === "Rows by month")).toBe(false);
  });
});

describe("adjustment reasons name the month", () => {
  const history = closedQ4(Q4_AT_CLOSE);

  it("rows added, all in one month; a return stays as it was worded", () => {
    const why = reasons(history, Q4_TODAY);
    expect(why["Wang Fang"]).toBe("2 rows dated 2025-11 added since close (+¥25,000)");
    expect(why["Li Na"]).toBe("1 return added (−¥40,000)");
    expect(reasons(history, Q4_TODAY, "zh")["Wang Fang"]).toBe("关闭后新增 2025-11 的 2 行（+¥25,000）");
  });

  it("rows added in two months name both; a row removed names its month", () => {
    const today = [
      ...Q4_AT_CLOSE.filter((r) => !(r.rep === "Li Na" && r.date === "2025-10-10")),
      row("Wang Fang", "2025-10-03", 10000),
      row("Wang Fang", "2025-12-25", 15000),
    ];
    const why = reasons(history, today);
    expect(why["Wang Fang"]).toBe("2 rows dated 2025-10, 2025-12 added since close (+¥25,000)");
    expect(why["Li Na"]).toBe("1 row dated 2025-10 no longer in the data (−¥40,000)");
    expect(reasons(history, today, "zh")["Li Na"]).toBe("数据中已无 2025-10 的 1 行（−¥40,000）");
  });

  it("a row moved to another month besides one added: no month is named (it would not be the whole story)", () => {
    const today = [
      ...Q4_AT_CLOSE.filter((r) => !(r.rep === "Wang Fang" && r.date === "2025-10-20")),
      row("Wang Fang", "2025-11-20", 50000),
      row("Wang Fang", "2025-12-02", 10000),
    ];
    expect(reasons(history, today)["Wang Fang"]).toBe("1 row added since close (+¥10,000)");
  });
});

describe("a Pay history from before rows per month were recorded", () => {
  it("reads as it did, and its reasons name no month", () => {
    const withMonths = closedQ4(Q4_AT_CLOSE);
    const before: History = {
      ...withMonths,
      periods: withMonths.periods.map((p) => ({ ...p, reps: p.reps.map(({ months: _months, ...r }) => r) })),
    };
    // Written without the records (as an older SalesPerf wrote it) and read back: no months, no issue.
    const sheet = sheetOf({ history: before, pending: null });
    expect(sheet.values.some((r) => r[0] === "Rows by month")).toBe(false);
    const read = readHistorySheet(sheet, "en");
    expect(read.issues).toEqual([]);
    expect(read.history).toEqual(before);
    const why = reasons(read.history, Q4_TODAY);
    expect(why["Wang Fang"]).toBe("2 rows added since close (+¥25,000)");
    expect(why["Li Na"]).toBe("1 return added (−¥40,000)");
  });
});
