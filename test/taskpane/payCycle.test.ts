/**
 * The pay cycle scenario of issue #12 in the pane (docs/reference/history.md), on the strict Excel fake with the real
 * Office.js operations: close 2025-Q4; generate 2026-Q1 with the workbook's Pay history; close 2026-Q1, reopen it,
 * close it again. The pane's steps are driven as App.tsx drives them (a fresh read before each step).
 */
import { FakeExcel, installFakeExcel } from "../fakes/excelFake";
import { officeExcelOps } from "../../src/render/office/excelOps";
import { TABS_SETTING } from "../../src/render/office/renderReport";
import { analyse, sheetsToKeep } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import { closeInWorkbook, reopenInWorkbook, workbookHistory } from "../../src/taskpane/history";
import { payCycleSales } from "../history/payCycleData";

async function read() {
  const r = await officeExcelOps.readSheets();
  if (!r.ok) throw new Error(r.error.messageKey);
  return r.value;
}

/** Generate for `period`, carrying the workbook's Pay history forward. */
async function generate(period: string) {
  const snapshot = await read();
  const a = analyse(snapshot.sheets, snapshot.addinTabs, "en");
  const found = workbookHistory(snapshot.sheets, "en", snapshot.addinTabs);
  if (!found.ok) throw new Error(found.title);
  const report = buildPaneReport(
    a,
    snapshot.sheets.map((s) => s.name),
    snapshot.addinTabs,
    period,
    "en",
    found.record.history,
  );
  const written = await officeExcelOps.renderReport(report, sheetsToKeep(snapshot.sheets, a, report));
  expect(written.ok).toBe(true);
}

/** Close period (or Reopen `period`) as the pane does it; the change's message, or why it was refused. */
async function change(at: string, reopen?: string): Promise<{ ok: boolean; message: string }> {
  const snapshot = await read();
  const found = workbookHistory(snapshot.sheets, "en", snapshot.addinTabs);
  const c = reopen ? reopenInWorkbook(found, "en", reopen, at) : closeInWorkbook(found, "en", at);
  if (!c.ok) return c;
  const written = await officeExcelOps.replaceTab(c.sheet, "en");
  expect(written.ok).toBe(true);
  return { ok: true, message: c.message };
}

async function history() {
  const snapshot = await read();
  const found = workbookHistory(snapshot.sheets, "en", snapshot.addinTabs);
  if (!found.ok) throw new Error([found.title, ...found.lines].join("\n"));
  return found.record;
}

let fake: FakeExcel;
let uninstall: (() => void) | null = null;
beforeAll(() => {
  fake = new FakeExcel([payCycleSales()]);
  uninstall = installFakeExcel(fake);
});
afterAll(() => uninstall?.());

describe("the pay cycle in the pane", () => {
  it("1. closes 2025-Q4: only the Pay history tab changes; closing it again is refused", async () => {
    await generate("2025-Q4");
    expect(fake.sheetNames().slice(-2)).toEqual(["Pay history", "Plan"]);
    const before = fake.snapshot();
    expect((await history()).pending?.period).toBe("2025-Q4");

    expect(await change("2026-01-05T09:30:00.000Z")).toEqual({
      ok: true,
      message: "2025-Q4 is closed: the Pay history tab records its results as paid.",
    });
    const after = fake.snapshot();
    expect(after.sheets.map((s) => s.name)).toEqual(before.sheets.map((s) => s.name));
    expect(after.sheets.filter((s) => s.name !== "Pay history")).toEqual(
      before.sheets.filter((s) => s.name !== "Pay history"),
    );
    expect(after.names).toEqual(before.names);
    expect(fake.model.settings.get(TABS_SETTING)).toEqual(
      JSON.parse(before.settings.find(([k]) => k === TABS_SETTING)![1]),
    );
    const closed = await history();
    expect(closed.history.periods.map((p) => [p.period, p.closedAt])).toEqual([
      ["2025-Q4", "2026-01-05T09:30:00.000Z"],
    ]);
    expect(closed.history.periods[0].input).toEqual({ rows: 13, amount: "125600" });

    expect(await change("2026-01-06T00:00:00.000Z")).toEqual({
      ok: false,
      message:
        "2025-Q4 is closed already (closed 2026-01-05T09:30:00.000Z); closing it again is refused. To correct it, reopen it first.",
    });
  });

  it("2. generates 2026-Q1 with the Pay history of the workbook", async () => {
    const q4 = (await history()).history;
    await generate("2026-Q1");
    const record = await history();
    expect(record.history).toEqual(q4);
    expect(record.pending?.period).toBe("2026-Q1");
    expect(record.pending?.input).toEqual({ rows: 12, amount: "138600" });
  });

  it("3. closes 2026-Q1, reopens it and closes it again: every event is recorded", async () => {
    expect((await change("2026-04-02T08:00:00.000Z")).ok).toBe(true);
    expect(await change("2026-04-03T08:00:00.000Z", "2026-Q1")).toEqual({
      ok: true,
      message: "2026-Q1 is reopened; the Pay history tab records the reopen.",
    });
    expect((await history()).history.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
    expect((await change("2026-04-04T08:00:00.000Z")).ok).toBe(true);
    const final = await history();
    expect(final.history.periods.map((p) => p.period)).toEqual(["2025-Q4", "2026-Q1"]);
    expect(final.history.events).toEqual([
      { kind: "close", period: "2025-Q4", at: "2026-01-05T09:30:00.000Z" },
      { kind: "close", period: "2026-Q1", at: "2026-04-02T08:00:00.000Z" },
      { kind: "reopen", period: "2026-Q1", at: "2026-04-03T08:00:00.000Z" },
      { kind: "close", period: "2026-Q1", at: "2026-04-04T08:00:00.000Z" },
    ]);
  });

  it("a Pay history changed by hand is named by cell, and neither used nor rewritten", async () => {
    const sheet = fake.sheet("Pay history");
    const row = sheet.cells.findIndex((r) => r?.[0]?.v === "Rep");
    sheet.cells[row][12] = { v: 1, f: null, fmt: null }; // an Earned amount
    const found = workbookHistory((await read()).sheets, "en");
    expect(found.ok).toBe(false);
    if (found.ok) return;
    expect(found.title).toContain("The Pay history tab was changed by hand");
    expect(found.lines).toEqual([expect.stringContaining(`T${row + 1}: this record's checksum does not match`)]);
    expect(closeInWorkbook(found, "en", "x")).toMatchObject({ ok: false });
  });

  it("a Pay history copied in by the user under the same name: the add-in's own tab is the record after a run", async () => {
    const own = new FakeExcel([payCycleSales()]);
    uninstall?.();
    uninstall = installFakeExcel(own);
    try {
      // A stale copy of a Pay history with nothing closed, named as the add-in names its tab.
      own.seedSheet({ name: "Pay history", values: [["Pay history: the periods closed, as paid"]] });
      await generate("2025-Q4");
      expect(own.sheetNames()).toContain("Pay history (2)");
      expect((await change("2026-01-05T09:30:00.000Z")).message).toBe(
        "2025-Q4 is closed: the Pay history (2) tab records its results as paid.",
      );
      expect((await history()).history.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
      await generate("2026-Q1");
      expect((await history()).history.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
      expect(own.sheet("Pay history").cells.length).toBe(1); // the user's sheet is left as it was
    } finally {
      uninstall();
      uninstall = installFakeExcel(fake);
    }
  });
});
