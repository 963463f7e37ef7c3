/**
 * Every workbook write of the pane is all or nothing (docs/reference/writes.md), proven by fault injection on the
 * strict Excel fake: for every k, the k-th queued operation fails, or Cancel arrives before the k-th sync, or the
 * pane is lost after the k-th sync (then the pane's startup settles what was left). Afterwards the whole workbook
 * equals its state before the write, or — only once the write had committed — its state after a clean write.
 */
import { FakeExcel, installFakeExcel, parseAddress, type SeedSheet, type WorkbookDump } from "../../fakes/excelFake";
import { renderReport, writeSheet, TABS_SETTING } from "../../../src/render/office/renderReport";
import {
  findPerfFormulasInWorkbook,
  replacePerfFormulasInWorkbook,
} from "../../../src/render/office/prepareForSharing";
import { recoverInterruptedWrite } from "../../../src/render/office/recovery";
import { JOURNAL_SETTING } from "../../../src/render/office/journal";
import type { OfficeResult } from "../../../src/render/office/errors";
import { t } from "../../../src/i18n";
import { fixtureReport } from "./fixtureReport";
import { readSeed } from "../../fakes/seedXlsx";
import { SAMPLES } from "../../samples";
import { officeExcelOps } from "../../../src/render/office/excelOps";
import { analyse, defaultPeriod, sheetsToKeep } from "../../../src/taskpane/pipeline";
import { buildPaneReport } from "../../../src/taskpane/paneReport";
import type { Report } from "../../../src/report/model";
import type { RenderOptions } from "../../../src/render/office/renderReport";
import { replaceTab } from "../../../src/render/office/renderReport";
import { closeInWorkbook, workbookHistory } from "../../../src/taskpane/history";
import { EMPTY_HISTORY } from "../../../src/history/record";
import { payCycleSales } from "../../history/payCycleData";

const sales = (): SeedSheet => ({
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Amount"],
    [46023, "Grace Liu", 15370],
    [46024, "Alice Chen", 250],
  ],
  numberFormats: [[], ["yyyy-mm-dd"], ["yyyy-mm-dd"]],
});

/** A workbook and the write to try on it. */
interface Scenario {
  seed?: () => Promise<SeedSheet[]>;
  setup(fake: FakeExcel): Promise<void>;
  write(signal?: AbortSignal): Promise<OfficeResult<unknown>>;
}

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

/** The workbook each case starts from: set up once per scenario, then copied. */
const templates = new Map<Scenario, FakeExcel>();

async function prepared(scenario: Scenario): Promise<FakeExcel> {
  uninstall?.();
  let template = templates.get(scenario);
  if (!template) {
    template = new FakeExcel(scenario.seed ? await scenario.seed() : [sales()]);
    uninstall = installFakeExcel(template);
    await scenario.setup(template);
    uninstall();
    templates.set(scenario, template);
  }
  const fake = template.copy();
  uninstall = installFakeExcel(fake);
  return fake;
}

/** The clean write: its dump, how many operations it queues and how many syncs it makes. */
async function cleanRun(
  scenario: Scenario,
): Promise<{ before: WorkbookDump; after: WorkbookDump; ops: number; syncs: number }> {
  const fake = await prepared(scenario);
  const before = fake.snapshot();
  const r = await scenario.write();
  expect(r).toEqual({ ok: true, value: expect.anything() });
  const after = fake.snapshot();
  expect(after).not.toEqual(before);
  expect(after.settings.map(([k]) => k)).not.toContain(JOURNAL_SETTING);
  return { before, after, ops: fake.opsQueued, syncs: fake.stats.syncs };
}

type Outcome = "before" | "after";

/** Which of the two states the workbook is in, by its whole dump (null: neither — something was half done). */
function outcomeOf(dump: WorkbookDump, clean: { before: string; after: string }): Outcome | null {
  const now = JSON.stringify(dump);
  return now === clean.before ? "before" : now === clean.after ? "after" : null;
}

async function expectAllOrNothing(scenario: Scenario): Promise<Record<string, number>> {
  const run = await cleanRun(scenario);
  const clean = { ...run, before: JSON.stringify(run.before), after: JSON.stringify(run.after) };
  const counts: Record<string, number> = { failOp: 0, cancel: 0, lose: 0, committedBy: 0 };

  for (let k = 1; k <= clean.ops; k++) {
    const fake = await prepared(scenario);
    fake.faults = { failOp: k };
    const r = await scenario.write();
    const outcome = outcomeOf(fake.snapshot(), clean);
    // A failed write leaves the workbook exactly as before; a write that reports success is the clean result.
    expect({ k, outcome }).toEqual({ k, outcome: r.ok ? "after" : "before" });
    if (r.ok) counts.committedBy++;
    counts.failOp++;
  }
  for (let k = 1; k <= clean.syncs; k++) {
    const fake = await prepared(scenario);
    const controller = new AbortController();
    if (k === 1) controller.abort();
    else fake.afterSync = (n) => n === k - 1 && controller.abort();
    const r = await scenario.write(controller.signal);
    const outcome = outcomeOf(fake.snapshot(), clean);
    expect({ k, outcome }).toEqual({ k, outcome: r.ok ? "after" : "before" });
    counts.cancel++;
  }
  for (let k = 1; k <= clean.syncs; k++) {
    const fake = await prepared(scenario);
    fake.faults = { loseAfterSync: k };
    const lost = fake.paneLost();
    void scenario.write();
    await lost;
    const recovered = await recoverInterruptedWrite(); // the next pane's startup
    expect(recovered.ok).toBe(true);
    const outcome = outcomeOf(fake.snapshot(), clean);
    expect({ k, outcome: outcome !== null }).toEqual({ k, outcome: true });
    if (recovered.ok && recovered.value.outcome !== "none") {
      expect(recovered.value.outcome === "finished" ? "after" : "before").toBe(outcome);
    }
    counts.lose++;
  }
  return counts;
}

/** Every k was tried, and most failures came before the commit (else the suite would prove little). */
function expectCovered(counts: Record<string, number>, minOps: number): void {
  expect(counts.failOp).toBeGreaterThanOrEqual(minOps);
  expect(counts.committedBy).toBeGreaterThan(0);
  expect(counts.committedBy).toBeLessThan(counts.failOp / 2);
}

describe("Generate is all or nothing", () => {
  it("first run: every failing operation, every Cancel point, every lost-pane point", async () => {
    const firstRun = await expectAllOrNothing({
      setup: async () => {},
      write: (signal) => renderReport(fixtureReport(), { signal }),
    });
    expectCovered(firstRun, 60);
  });

  it("re-run after the user edited the Plan sheet and has a sheet of their own named like a report tab", async () => {
    const rerun = await expectAllOrNothing({
      setup: async (fake) => {
        fake.seedSheet({ name: "Scorecard", values: [["my own notes"], ["=Sales!C2*2"]] });
        expect((await renderReport(fixtureReport())).ok).toBe(true);
        const plan = fake.sheet("Plan");
        plan.cells[2][1] = { v: 0.55, f: null, fmt: "0%" }; // the user's new weight
        fake.sheet("Sales").cells[1][3] = { v: null, f: "=Plan!B3*C2", fmt: null }; // and a formula using it
        fake.model.activeSheet = "Sales";
      },
      write: (signal) => renderReport(fixtureReport(), { signal }),
    });
    expectCovered(rerun, 70);
  });

  it("creating the Plan sheet", async () => {
    const planSheet = await expectAllOrNothing({
      setup: async () => {},
      write: () => writeSheet(fixtureReport().sheets[1], "en"),
    });
    expectCovered(planSheet, 20);
  });
});

describe("Close period is all or nothing (docs/reference/history.md)", () => {
  it("every failing operation, every Cancel point, every lost-pane point", async () => {
    const counts = await expectAllOrNothing({
      seed: async () => [payCycleSales()],
      setup: async () => {
        const read = await officeExcelOps.readSheets();
        if (!read.ok) throw new Error(read.error.messageKey);
        const a = analyse(read.value.sheets, read.value.addinTabs, "en");
        const names = read.value.sheets.map((s) => s.name);
        const report = buildPaneReport(a, names, read.value.addinTabs, "2025-Q4", "en", EMPTY_HISTORY);
        expect((await renderReport(report, sheetsToKeep(read.value.sheets, a, report))).ok).toBe(true);
      },
      write: async (signal) => {
        const read = await officeExcelOps.readSheets();
        if (!read.ok) return read;
        const change = closeInWorkbook(workbookHistory(read.value.sheets, "en"), "en", "2026-01-05T09:30:00.000Z");
        if (!change.ok) throw new Error(change.message);
        return replaceTab(change.sheet, "en", { signal });
      },
    });
    expectCovered(counts, 20);
  });
});

/** sales-en.xlsx with its first 150 sales rows (every tab, chart, table and name; a few hundred operations). */
async function sampleSeed(): Promise<SeedSheet[]> {
  return (await readSeed(`${SAMPLES}/sales-en.xlsx`)).map((sheet) =>
    sheet.name === "Sales"
      ? { ...sheet, values: sheet.values.slice(0, 151), numberFormats: sheet.numberFormats?.slice(0, 151) }
      : sheet,
  );
}

describe("Generate through the pane's steps on sales-en.xlsx", () => {
  /** What the pane's Generate hands the renderer, read from the workbook as it is now. */
  async function paneRun(): Promise<{ report: Report; opts: RenderOptions }> {
    const read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error(read.error.messageKey);
    const analysis = analyse(read.value.sheets, read.value.addinTabs, "en");
    const names = read.value.sheets.map((x) => x.name);
    const report = buildPaneReport(analysis, names, read.value.addinTabs, defaultPeriod(analysis), "en");
    return { report, opts: sheetsToKeep(read.value.sheets, analysis, report) };
  }

  it("re-run after the user edited the Plan tab, with a sheet of their own named Ranking", async () => {
    let run: { report: Report; opts: RenderOptions } | null = null;
    const paneRerun = await expectAllOrNothing({
      seed: async () => [...(await sampleSeed()), { name: "Ranking", values: [["my ranking"]] }],
      setup: async (fake) => {
        const first = await paneRun();
        expect((await officeExcelOps.renderReport(first.report, first.opts)).ok).toBe(true);
        const bonus = fake
          .sheet("Plan")
          .cells.flat()
          .find((cell) => cell?.v === 5000);
        bonus!.v = 6000; // the user raises the target bonus on the Plan tab
        fake.model.activeSheet = "Ranking";
        run = await paneRun();
      },
      write: (signal) => officeExcelOps.renderReport(run!.report, { ...run!.opts, signal }),
    });
    expectCovered(paneRerun, 250);
    expect(run!.opts.planSheet).toBe("Plan");
  });
});

describe("Prepare for sharing is all or nothing", () => {
  it("every failing operation, every Cancel point, every lost-pane point", async () => {
    const put = (
      fake: FakeExcel,
      sheet: string,
      a1: string,
      cell: { v: number | string | null; f?: string; fmt?: string },
    ) => {
      const { rect } = parseAddress(a1);
      const s = fake.sheet(sheet);
      (s.cells[rect.row] ??= [])[rect.col] = { v: cell.v, f: cell.f ?? null, fmt: cell.fmt ?? null };
    };
    const share = await expectAllOrNothing({
      setup: async (fake) => {
        put(fake, "Sales", "D2", { v: 0.75, f: "=PERF.ATTAINMENT(C2,20000)", fmt: "0%" });
        put(fake, "Sales", "D3", { v: "Top", f: '=IF(PERF.SCORE(C3,1)>0.5,"Top","")' });
        put(fake, "Sales", "E2", { v: 30, f: "=C2/2" }); // not PERF: stays a formula
        fake.seedSheet({ name: "Bonus", values: [] });
        put(fake, "Bonus", "A1", { v: 4200, f: "=PERF.BONUS(Sales!C2,1,5000)", fmt: "#,##0.00" });
      },
      write: async (signal) => {
        const found = await findPerfFormulasInWorkbook();
        if (!found.ok) return found;
        return replacePerfFormulasInWorkbook(found.value, signal);
      },
    });
    expectCovered(share, 20);
  });
});

describe("what the user is told", () => {
  it("a failure and a Cancel say that nothing changed, in English and Chinese", () => {
    expect(t("en", "renderCancelled")).toBe("Cancelled. Nothing in the workbook was changed.");
    expect(t("zh", "renderCancelled")).toBe("已取消，工作簿未作任何改动。");
    expect(t("en", "renderFailed", { sheet: "Ranking", stage: "writing", detail: "GeneralException: x" })).toBe(
      "Writing “Ranking” failed (writing): GeneralException: x Nothing in the workbook was changed.",
    );
  });

  it("a second write while one is unfinished is refused, not interleaved", async () => {
    const fake = new FakeExcel([sales()]);
    uninstall = installFakeExcel(fake);
    fake.faults = { loseAfterSync: 3 };
    const lost = fake.paneLost();
    void renderReport(fixtureReport());
    await lost;
    const before = fake.snapshot();
    const r = await renderReport(fixtureReport());
    expect(r).toEqual({ ok: false, error: { kind: "officeError", messageKey: "writeUnfinished" } });
    expect(fake.snapshot()).toEqual(before);
    expect(await recoverInterruptedWrite()).toEqual({ ok: true, value: { outcome: "undone", op: "tabs" } });
    expect(fake.sheetNames()).toEqual(["Sales"]);
    expect(fake.model.settings.has(TABS_SETTING)).toBe(false);
  });
});
