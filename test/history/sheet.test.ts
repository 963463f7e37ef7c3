import type { RawCell, RawSheet } from "../../src/ingest/types";
import { closePeriod, reopenPeriod } from "../../src/history/close";
import { planFingerprint } from "../../src/history/fingerprint";
import { pendingPeriod } from "../../src/history/pending";
import { EMPTY_HISTORY, type HistoryRecord } from "../../src/history/record";
import { CHECKSUM_COL, historySheet, readHistorySheet } from "../../src/history/sheet";
import { t } from "../../src/i18n";
import { defaultPlan } from "../../src/plan";
import { buildReport } from "../../src/report/buildReport";
import type { ReportSheet } from "../../src/report/model";
import { scorePeriod } from "../../src/report/score";
import { defaultExample, ingestOf } from "../report/fixtures";

function raw(sheet: ReportSheet): RawSheet {
  return {
    name: sheet.name,
    values: sheet.rows.map((row) => row.map((c): RawCell => (c?.v === undefined ? null : c.v))),
  };
}

function q2(): HistoryRecord {
  const ingest = ingestOf(defaultExample());
  const plan = defaultPlan("en");
  const scored = scorePeriod(ingest, plan, { period: "2026-Q2" });
  return { history: EMPTY_HISTORY, pending: pendingPeriod(ingest, plan, scored) };
}

function written(record: HistoryRecord, lang: "en" | "zh" = "en"): RawSheet {
  return raw(historySheet(lang, t(lang, "sheet.history"), record, record.pending!.planFingerprint));
}

/** The 1-based sheet row of the first record of `kind` (its column A label) after `from`. */
function rowOf(sheet: RawSheet, label: string, from = 0): number {
  return sheet.values.findIndex((r, i) => i >= from && r[0] === label) + 1;
}

describe("the report's pending period", () => {
  it("holds each rep as scored: the hand-computed bonuses of the default example, rows, amount, returns 0", () => {
    const { pending } = q2();
    expect(pending!.period).toBe("2026-Q2");
    const alice = pending!.reps.find((r) => r.rep === "Alice")!;
    expect(alice).toMatchObject({ score: "0.935", factor: "0.88625", earned: "4431.25", payable: "4431.25" });
    expect(alice).toMatchObject({ rows: 44, amount: "121000", returnRows: 0, returnAmount: "0", adjustments: "0" });
    expect(pending!.reps.find((r) => r.rep === "Bob")).toMatchObject({ score: "1.3875", earned: "8875", rank: 1 });
    expect(pending!.input).toEqual({ rows: 154, amount: "501000" });
    expect(pending!.planFingerprint).toBe(planFingerprint(pending!.plan));
    expect(pending!.plan.scoredPeriod).toBe("2026-Q2");
  });

  it("counts returns per rep", () => {
    const ingest = ingestOf([
      { rep: "Ann", date: "2026-05-01", amount: 1000 },
      { rep: "Ann", date: "2026-05-02", amount: -40.1 },
      { rep: "Ann", date: "2026-05-03", amount: -0.2 },
      { rep: "Ben", date: "2026-05-01", amount: 500 },
    ]);
    const plan = defaultPlan("en");
    const p = pendingPeriod(ingest, plan, scorePeriod(ingest, plan, { period: "2026-Q2" }));
    expect(p.reps.find((r) => r.rep === "Ann")).toMatchObject({
      rows: 3,
      amount: "959.7",
      returnRows: 2,
      returnAmount: "-40.3",
    });
    expect(p.input).toEqual({ rows: 4, amount: "1459.7" });
  });
});

describe("History sheet: written, read back", () => {
  it("reads back exactly what was written, in either language", () => {
    const record = q2();
    for (const lang of ["en", "zh"] as const) {
      const back = readHistorySheet(written(record, lang), "en");
      expect(back.issues).toEqual([]);
      expect(back.pending).toEqual(record.pending);
      expect(back.history).toEqual(EMPTY_HISTORY);
    }
  });

  it("carries closed periods, events and the pending period through close and reopen", () => {
    const closed = closePeriod(q2(), "2026-07-02T08:00:00.000Z");
    if (!closed.ok) throw new Error("close refused");
    const back = readHistorySheet(written(closed.record), "en");
    expect(back.issues).toEqual([]);
    expect(back.history.periods).toEqual([{ ...q2().pending, closedAt: "2026-07-02T08:00:00.000Z" }]);
    expect(back.history.events).toEqual([{ kind: "close", period: "2026-Q2", at: "2026-07-02T08:00:00.000Z" }]);

    const again = closePeriod(back, "2026-07-03T08:00:00.000Z");
    expect(again).toEqual({
      ok: false,
      reason: "alreadyClosed",
      period: "2026-Q2",
      closedAt: "2026-07-02T08:00:00.000Z",
    });

    const reopened = reopenPeriod(back, "2026-q2", "2026-07-03T09:00:00.000Z");
    if (!reopened.ok) throw new Error("reopen refused");
    const after = readHistorySheet(written(reopened.record), "en");
    expect(after.history.periods).toEqual([]);
    expect(after.history.events.map((e) => e.kind)).toEqual(["close", "reopen"]);
    expect(reopenPeriod(after, "2026-Q2", "x")).toMatchObject({ ok: false, reason: "notClosed" });
  });

  it("cuts a plan longer than a cell holds into parts under 32,767 characters", () => {
    const record = q2();
    const plan = { ...record.pending!.plan };
    plan.kpis = plan.kpis.map((k, i) => (i === 0 ? { ...k, incentive: "长".repeat(70000) } : k));
    const pending = { ...record.pending!, plan, planFingerprint: planFingerprint(plan) };
    const sheet = written({ history: EMPTY_HISTORY, pending });
    const parts = sheet.values.filter((r) => r[0] === "Plan");
    expect(parts).toHaveLength(3);
    for (const r of parts) expect(String(r[3]).length).toBeLessThanOrEqual(32767);
    expect(readHistorySheet(sheet, "en").pending).toEqual(pending);
  });
});

describe("History sheet edited by hand: found and named by cell", () => {
  function closedSheet(): RawSheet {
    const closed = closePeriod(q2(), "2026-07-02T08:00:00.000Z");
    if (!closed.ok) throw new Error("close refused");
    return written(closed.record);
  }

  it("a changed value fails that record's checksum", () => {
    const sheet = closedSheet();
    const row = rowOf(sheet, "Rep");
    sheet.values[row - 1][12] = 99999; // Earned
    const { issues } = readHistorySheet(sheet, "en");
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      sheet: "Pay history",
      row,
      column: "Checksum",
      reasonKey: "history.issue.checksum",
    });
    expect(t("en", issues[0].reasonKey, issues[0].params)).toContain(`T${row}:`);
  });

  it("a deleted rep row fails the record under it and the period's count of reps", () => {
    const sheet = closedSheet();
    const row = rowOf(sheet, "Rep");
    const deleted = sheet.values[row - 1][2];
    sheet.values.splice(row - 1, 1);
    const { issues, history } = readHistorySheet(sheet, "en");
    // The deleted rep's Rows by month record (in the closed period) is left with no rep: it is named too.
    const orphan = rowOf(sheet, "Rows by month");
    expect(sheet.values[orphan - 1][2]).toBe(deleted);
    expect(issues.map((i) => [i.row, i.reasonKey])).toEqual([
      [row, "history.issue.checksum"],
      [rowOf(sheet, "End"), "history.issue.endCount"],
      [orphan, "history.issue.orphan"],
      [rowOf(sheet, "Period"), "history.issue.count"],
    ]);
    expect(history.periods).toEqual([]);
  });

  it("a duplicated row is found, and so is a period closed twice", () => {
    const sheet = closedSheet();
    const row = rowOf(sheet, "Rep");
    sheet.values.splice(row, 0, [...sheet.values[row - 1]]);
    const dup = readHistorySheet(sheet, "en").issues;
    expect(dup.map((i) => i.reasonKey)).toEqual(
      expect.arrayContaining(["history.issue.checksum", "history.issue.repTwice"]),
    );
    expect(dup.find((i) => i.reasonKey === "history.issue.checksum")!.row).toBe(row + 1);

    const twice = closedSheet();
    const start = rowOf(twice, "Period") - 2; // its header row, 0-based
    const end = rowOf(twice, "Event") - 3; // up to the events' heading
    twice.values.splice(end, 0, ...twice.values.slice(start, end).map((r) => [...r]));
    const issues = readHistorySheet(twice, "en").issues;
    expect(issues.map((i) => i.reasonKey)).toContain("history.issue.periodTwice");
  });

  it("records deleted at the end: the End record is missing", () => {
    const sheet = closedSheet();
    sheet.values.splice(rowOf(sheet, "End") - 1);
    expect(readHistorySheet(sheet, "en").issues.map((i) => i.reasonKey)).toEqual(["history.issue.noEnd"]);
  });

  it("an unreadable value is named with its column", () => {
    const sheet = closedSheet();
    const row = rowOf(sheet, "Rep");
    sheet.values[row - 1][9] = "first"; // Rank
    const issues = readHistorySheet(sheet, "zh").issues;
    expect(issues.find((i) => i.reasonKey === "history.issue.value")).toMatchObject({ row, column: "排名" });
  });

  it("the checksum is column T", () => {
    expect(CHECKSUM_COL).toBe(19);
    const sheet = closedSheet();
    expect(sheet.values[rowOf(sheet, "End") - 1][CHECKSUM_COL]).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe("buildReport with history", () => {
  it("adds the Pay history tab before the Plan tab, and names periods closed under another plan on Data issues", () => {
    const ingest = ingestOf(defaultExample());
    const plan = defaultPlan("en");
    const closed = closePeriod(q2(), "2026-07-02T08:00:00.000Z");
    if (!closed.ok) throw new Error("close refused");
    const other = { ...closed.record.history.periods[0], planFingerprint: "ab".repeat(32), period: "2026-Q1" };
    const history = { periods: [other, ...closed.record.history.periods], events: closed.record.history.events };
    const report = buildReport(ingest, plan, { lang: "en", period: "2026-Q2", history });
    expect(report.sheets.map((s) => s.key).slice(-3)).toEqual(["issues", "history", "plan"]);
    const tab = report.sheets.find((s) => s.key === "history")!;
    expect(tab.name).toBe("Pay history");
    expect(tab.print?.footer).toBeDefined();
    const issues = report.sheets.find((s) => s.key === "issues")!;
    const texts = issues.rows.flat().map((c) => String(c?.v ?? ""));
    expect(texts.some((s) => s.includes("2026-Q1 was closed under another plan (fingerprint abababababab)"))).toBe(
      true,
    );
    expect(texts.some((s) => s.includes("2026-Q2 was closed under another plan"))).toBe(false);
    const headings = tab.rows.map((r) => String(r[0]?.v ?? ""));
    expect(headings).toContain("2026-Q1 · closed 2026-07-02 08:00 UTC · plan of record: another plan (abababababab)");
    expect(headings).toContain("2026-Q2 · closed 2026-07-02 08:00 UTC · plan of record: this report's plan");
  });

  it("without history: no History tab", () => {
    const report = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en", period: "2026-Q2" });
    expect(report.sheets.some((s) => s.key === "history")).toBe(false);
  });
});

describe("History sheet: the differences a close settled (docs/reference/payouts.md)", () => {
  it("are written as Settled records under their rep and read back exactly; an edit breaks the chain", () => {
    const record = q2();
    const alice = record.pending!.reps.find((r) => r.rep === "Alice")!;
    alice.settled = [
      { period: "2025-Q4", difference: "-4000" },
      { period: "2026-Q1", difference: "1250.5" },
    ];
    const sheet = written(record);
    const row = rowOf(sheet, "Settled");
    expect(sheet.values[row - 1].slice(0, 5)).toEqual(["Settled", "2026-Q2", "Alice", "2025-Q4", -4000]);
    const back = readHistorySheet(sheet, "en");
    expect(back.issues).toEqual([]);
    expect(back.pending).toEqual(record.pending);
    sheet.values[row - 1][4] = -3000;
    expect(readHistorySheet(sheet, "en").issues.map((i) => i.reasonKey)).toContain("history.issue.checksum");
  });
});
