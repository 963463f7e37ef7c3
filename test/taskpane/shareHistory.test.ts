/**
 * The Share tab with the workbook's Pay history (docs/reference/statements.md "In the add-in", payouts.md
 * "Statements"), on the strict Excel fake with the real Office.js reads: the workbook's Plan has a Payouts section;
 * 2025-Q4 is generated and closed, the sales corrected, 2026-Q1 generated. Create statements then gives each rep
 * their own adjustments, payable and closed periods — the same files as `salesperf statements --history` — and
 * nothing of anyone else; the report copy has the report's Trends across periods, Coaching follow-up and Bonus-tab
 * adjustments. A Pay history changed by hand is refused as Generate refuses it.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import { FakeExcel, installFakeExcel, type SeedSheet } from "../fakes/excelFake";
import { runStatements } from "../../src/cli/statementsCommand";
import { writePlanSheet } from "../../src/plan";
import { buildReport } from "../../src/report/buildReport";
import { officeExcelOps, type WorkbookSnapshot } from "../../src/render/office/excelOps";
import { serialOfDay } from "../../src/sheet";
import { closeInWorkbook, workbookHistory } from "../../src/taskpane/history";
import { analyse, sheetsToKeep } from "../../src/taskpane/pipeline";
import { createReportCopy } from "../../src/taskpane/reportCopy";
import { scoringInputOf } from "../../src/taskpane/scoringInput";
import { createStatements, type ScoringInput, type StatementFile } from "../../src/taskpane/statements";
import * as statementFiles from "../../src/taskpane/statementFiles";
import { planOf, Q1, Q4_AT_CLOSE, Q4_TODAY } from "../report/payoutsFixtures";
import type { RowSpec } from "../report/fixtures";

function salesValues(rows: RowSpec[]): (string | number | null)[][] {
  const values: (string | number | null)[][] = [["Rep", "Team", "Date", "Amount", "New customer"]];
  for (const r of rows) {
    const [y, m, d] = r.date.split("-").map(Number);
    values.push([r.rep, "East", serialOfDay(y, m, d), r.amount, r.newCustomer ? "yes" : "no"]);
  }
  return values;
}
const dateFormats = (values: unknown[][]) => values.map((_, i) => (i === 0 ? [] : [null, null, "yyyy-mm-dd"]));

async function read(): Promise<WorkbookSnapshot> {
  const r = await officeExcelOps.readSheets();
  if (!r.ok) throw new Error(r.error.messageKey);
  return r.value;
}

/** Generate as the pane does it: the workbook's Pay history carried forward, the tabs written through Office.js. */
async function generate(period: string): Promise<void> {
  const snapshot = await read();
  const a = analyse(snapshot.sheets, snapshot.addinTabs, "en");
  const found = workbookHistory(snapshot.sheets, "en", snapshot.addinTabs);
  if (!found.ok || !a.ingested || !a.plan.plan) throw new Error("cannot generate");
  const report = buildReport(a.ingested, a.plan.plan, { lang: "en", period, history: found.record.history });
  expect((await officeExcelOps.renderReport(report, sheetsToKeep(snapshot.sheets, a, report))).ok).toBe(true);
}

async function close(at: string): Promise<void> {
  const snapshot = await read();
  const c = closeInWorkbook(workbookHistory(snapshot.sheets, "en", snapshot.addinTabs), "en", at);
  if (!c.ok) throw new Error(c.message);
  expect((await officeExcelOps.replaceTab(c.sheet, "en")).ok).toBe(true);
}

function inputOf(snapshot: WorkbookSnapshot): ScoringInput {
  const r = scoringInputOf(snapshot, "en", undefined, "2026-Q1");
  if (!r.ok) throw new Error(r.message);
  return r.value;
}

/** Every sheet of an .xlsx as its name, each cell's text and each formula, in order (the file's content). */
async function contentOf(bytes: Uint8Array | Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const out: string[] = [];
  wb.eachSheet((ws) => {
    out.push(`# ${ws.name}`);
    ws.eachRow((row, r) =>
      row.eachCell((c, col) => out.push(`${r}:${col} ${String(c.text)}${c.formula ? ` =${c.formula}` : ""}`)),
    );
  });
  return out;
}

/** Sheets of the fake workbook as an .xlsx on disk (values and date formats), for the command line to read. */
async function saveAsXlsx(file: string, sheets: SeedSheet[]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r + 1, c + 1);
        cell.value = v as ExcelJS.CellValue;
        const fmt = s.numberFormats?.[r]?.[c];
        if (fmt) cell.numFmt = fmt;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** A sheet of the fake as plain values (what Office.js reads). */
function valuesOf(fake: FakeExcel, name: string): SeedSheet {
  const values = Array.from(fake.sheet(name).cells, (r) => Array.from(r ?? [], (c) => c?.v ?? null));
  return { name, values };
}

const tools = async () => statementFiles;
const noOpen = { canCreateWorkbook: () => false, createWorkbook: jest.fn() };
const otherReps = ["Wang Fang", "Zhao Min", "Zhao Mn", "Chen Jie"];

let fake: FakeExcel;
let uninstall: (() => void) | null = null;
let dir: string;
const today = salesValues([...Q4_TODAY, ...Q1]);
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "share-history-"));
  const plan = writePlanSheet(planOf({ adjustments: "carry", clawbackCap: 3000 }), "en");
  const atClose = salesValues(Q4_AT_CLOSE);
  fake = new FakeExcel([
    { name: "Sales", values: atClose, numberFormats: dateFormats(atClose) },
    { name: "Plan", values: plan.rows },
  ]);
  uninstall = installFakeExcel(fake);
  await generate("2025-Q4");
  await close("2026-01-05T09:30:00.000Z");
  // The corrections made in the sales sheet after the close (a late return, late deals, a name fixed).
  fake.sheet("Sales").cells = today.map((r, i) =>
    r.map((v, c) => ({ v, f: null, fmt: i > 0 && c === 2 ? "yyyy-mm-dd" : null })),
  );
  await generate("2026-Q1");
}, 120_000);
afterAll(() => {
  uninstall?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("Create statements with the workbook's Pay history", () => {
  let files: StatementFile[] = [];
  beforeAll(async () => {
    const outcome = await createStatements(inputOf(await read()), { lang: "en", tools, excel: noOpen });
    expect(outcome.period).toBe("2026-Q1");
    files = outcome.downloads;
  }, 120_000);

  it("the scoring input carries the Pay history of the workbook (2025-Q4 closed)", async () => {
    const input = inputOf(await read());
    expect(input.history?.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
    const found = workbookHistory((await read()).sheets, "en");
    expect(found.ok && input.history).toEqual(found.ok && found.record.history);
  });

  it("each statement equals the one `salesperf statements --history` writes for the same workbook", async () => {
    const sales = path.join(dir, "sales.xlsx");
    const report = path.join(dir, "report.xlsx");
    await saveAsXlsx(sales, [
      { name: "Sales", values: today, numberFormats: dateFormats(today) },
      valuesOf(fake, "Plan"),
    ]);
    await saveAsXlsx(report, [valuesOf(fake, "Pay history")]);
    const out = path.join(dir, "cli");
    const cli = await runStatements({ input: sales, output: out, lang: "en", history: report });
    expect(cli.code).toBe(0);
    expect(cli.files.map((f) => path.basename(f)).sort()).toEqual(files.map((f) => f.fileName).sort());
    for (const f of files) {
      expect(await contentOf(f.bytes)).toEqual(await contentOf(fs.readFileSync(path.join(out, f.fileName))));
    }
  }, 120_000);

  it("Li Na's statement has her adjustment, payable and closed period, and nothing of any other rep", async () => {
    const li = (await contentOf(files.find((f) => f.rep === "Li Na")!.bytes)).join("\n");
    expect(li).toContain("Adjustments to closed periods");
    expect(li).toContain("1 return added (−¥40,000)");
    expect(li).toContain("Payable this period");
    expect(li).toContain("Closed periods");
    for (const other of otherReps) expect(li).not.toContain(other);
    // Other reps' paid, recomputed, differences and payables (payouts.md): none of these figures is in her file.
    const numbers = new Set(li.split(/\s|\|/).map((x) => x.replace(/[¥,]/g, "")));
    expect([...["10000", "6000", "-4000"]].filter((n) => numbers.has(n))).toEqual(["10000", "6000", "-4000"]);
    for (const n of ["8000", "10500", "2500", "11500", "12000", "-2000"]) expect(numbers.has(n)).toBe(false);
  });

  it("no statement holds another rep's name", async () => {
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const text = (await contentOf(f.bytes)).join("\n");
      // Zhao Mn is Zhao Min's old spelling: each names the other (payouts.md), nobody else.
      const sameRep = f.rep.startsWith("Zhao ") ? ["Zhao Min", "Zhao Mn"] : [f.rep];
      for (const other of [...otherReps, "Li Na"].filter((r) => !sameRep.includes(r)))
        expect({ rep: f.rep, leaks: text.includes(other) ? other : null }).toEqual({ rep: f.rep, leaks: null });
    }
  }, 120_000);
});

describe("the report copy with the workbook's Pay history", () => {
  it("has the report's Trends across periods, Coaching follow-up and Bonus-tab adjustments", async () => {
    const snapshot = await read();
    const input = inputOf(snapshot);
    const copy = await createReportCopy(input, { lang: "en", tools, excel: noOpen });
    const text = (await contentOf(copy.bytes)).join("\n");
    // The report Generate wrote into the workbook has the same sections, from the same Pay history: Trends across
    // periods, the Coaching follow-up of 2025-Q4 and the Bonus tab's adjustment reasons.
    const written = snapshot.sheets.flatMap((s) => s.values.flat()).map(String);
    const sections = [
      "Score by period",
      "Rank by period",
      "Follow-up: Coaching reps of 2025-Q4",
      "1 return added (−¥40,000)",
      "Payable this period",
    ];
    for (const heading of sections) {
      expect(written).toContain(heading);
      expect(text).toContain(heading);
    }
    expect(text).toMatch(/# Pay history/);
    // Without the history none of them (what the copy was before the pane passed it).
    const withoutHistory = await createReportCopy(
      { ...input, history: undefined },
      { lang: "en", tools, excel: noOpen },
    );
    const plain = (await contentOf(withoutHistory.bytes)).join("\n");
    // (Payable this period stays: the plan's Payouts section makes it, with or without a history.)
    for (const heading of sections.filter((h) => h !== "Payable this period")) expect(plain).not.toContain(heading);
  }, 120_000);
});

describe("a Pay history changed by hand", () => {
  it("is refused for the statements and the report copy as Generate refuses it, naming the cell", async () => {
    const sheet = fake.sheet("Pay history");
    const row = sheet.cells.findIndex((r) => r?.[0]?.v === "Rep");
    const kept = sheet.cells[row][12];
    sheet.cells[row][12] = { v: 1, f: null, fmt: null };
    try {
      const snapshot = await read();
      const r = scoringInputOf(snapshot, "en", undefined, "2026-Q1");
      const found = workbookHistory(snapshot.sheets, "en", snapshot.addinTabs);
      expect(found.ok).toBe(false);
      if (found.ok || r.ok) throw new Error("not refused");
      expect(r.message).toBe([found.title, ...found.lines].join("\n"));
      expect(r.message).toContain("The Pay history tab was changed by hand");
      expect(r.message).toContain(`T${row + 1}: this record's checksum does not match`);
    } finally {
      sheet.cells[row][12] = kept;
    }
  });

  it("a workbook never generated has no Pay history: statements as without one", () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [{ name: "Sales", values: today }, valuesOf(fake, "Plan")],
      addinTabs: [],
    };
    const r = scoringInputOf(snapshot, "en", undefined, "2026-Q1");
    expect(r.ok && r.value.history).toBeUndefined();
  });
});
