/**
 * The pay cycle scenario of issue #12 on the command line (docs/reference/history.md): close 2025-Q4; generate
 * 2026-Q1 with history; close 2026-Q1, reopen it, close it again. Each step reads the report files back as a user's
 * next step would.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { readHistorySheet } from "../../src/history/sheet";
import { findNamedSheet } from "../../src/plan";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { chartsBySheet, runCli, sha256, tempDir } from "./cliHelpers";

/** The workbook's defined names: name, sheet index (localSheetId) and reference. */
async function definedNames(report: string): Promise<{ name: string; sheet: string | null; ref: string }[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(report));
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  return [...xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
    name: /name="([^"]*)"/.exec(m[1])![1],
    sheet: /localSheetId="(\d+)"/.exec(m[1])?.[1] ?? null,
    ref: m[2],
  }));
}

let dir: string;
let sales: string;
const file = (name: string): string => path.join(dir, name);

/** Four reps over 2025-Q4 and 2026-Q1; Dan has a return in Q4. */
async function writeSales(target: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Rep", "Team", "Date", "Amount", "New customer"]);
  const reps: [string, string, number][] = [
    ["Ann", "East", 1200],
    ["Ben", "East", 900],
    ["Cat", "West", 1500],
    ["Dan", "West", 600],
  ];
  for (const month of [10, 11, 12]) {
    for (const [rep, team, amount] of reps)
      ws.addRow([rep, team, new Date(Date.UTC(2025, month - 1, 10)), amount * 10, "yes"]);
  }
  ws.addRow(["Dan", "West", new Date(Date.UTC(2025, 11, 20)), -400, "no"]);
  for (const month of [1, 2, 3]) {
    for (const [rep, team, amount] of reps)
      ws.addRow([rep, team, new Date(Date.UTC(2026, month - 1, 12)), amount * 11, "no"]);
  }
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(target);
}

async function historyOf(report: string) {
  const sheets = await readXlsx(report);
  const sheet = findNamedSheet(sheets, "sheet.history")!;
  return readHistorySheet(sheet, "en");
}

/** Every formula of the workbook with its sheet and cell. */
async function formulas(report: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(report);
  const out: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.formula) out.push(`${ws.name}!${cell.address}=${cell.formula}`);
      }),
    ),
  );
  return out;
}

beforeAll(async () => {
  dir = tempDir("paycycle");
  sales = file("sales.xlsx");
  await writeSales(sales);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("the pay cycle on the command line", () => {
  it("1. closes 2025-Q4: the report's History records it, and closing it again is refused", async () => {
    const made = await runCli("report", sales, "--period", "2025-Q4", "-o", file("q4.xlsx"));
    expect(made.code).toBe(0);
    const before = await historyOf(file("q4.xlsx"));
    expect(before.issues).toEqual([]);
    expect(before.history.periods).toEqual([]);
    expect(before.pending?.period).toBe("2025-Q4");
    expect(before.pending?.input).toEqual({ rows: 13, amount: "125600" });
    expect(before.pending?.reps.find((r) => r.rep === "Dan")).toMatchObject({
      rows: 4,
      amount: "17600",
      returnRows: 1,
      returnAmount: "-400",
    });

    const closed = await runCli("close", file("q4.xlsx"));
    expect(closed).toMatchObject({ code: 0, err: "" });
    expect(closed.out).toContain("Closed 2025-Q4 in");
    const after = await historyOf(file("q4.xlsx"));
    expect(after.issues).toEqual([]);
    expect(after.history.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
    expect(after.history.periods[0]).toMatchObject({
      ...before.pending,
      closedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(after.history.events.map((e) => [e.kind, e.period])).toEqual([["close", "2025-Q4"]]);

    const hash = sha256(file("q4.xlsx"));
    const again = await runCli("close", file("q4.xlsx"));
    expect(again.code).toBe(2);
    expect(again.err).toContain("2025-Q4 is closed already");
    expect(again.err).toContain("Nothing was written.");
    expect(sha256(file("q4.xlsx"))).toBe(hash);
  });

  it("closing leaves every other tab as it was: charts, formulas and values", async () => {
    await runCli("report", sales, "--period", "2025-Q4", "-o", file("q4-copy.xlsx"));
    const charts = await chartsBySheet(file("q4-copy.xlsx"));
    const formulasBefore = await formulas(file("q4-copy.xlsx"));
    const namesBefore = await definedNames(file("q4-copy.xlsx"));
    const before = (await readXlsx(file("q4-copy.xlsx"))).filter((s) => s.name !== "Pay history");
    expect((await runCli("close", file("q4-copy.xlsx"))).code).toBe(0);
    expect(await chartsBySheet(file("q4-copy.xlsx"))).toEqual(charts);
    const after = (await readXlsx(file("q4-copy.xlsx"))).filter((s) => s.name !== "Pay history");
    expect(after).toEqual(before);
    expect(after.map((s) => s.name)).toEqual(before.map((s) => s.name));
    const formulasAfter = await formulas(file("q4-copy.xlsx"));
    expect(formulasAfter.length).toBeGreaterThan(50);
    expect(formulasAfter).toEqual(formulasBefore);
    // The print names: every other tab's as they were; the Pay history's print area covers its new last row.
    const namesAfter = await definedNames(file("q4-copy.xlsx"));
    const all = await readXlsx(file("q4-copy.xlsx"));
    const historyIndex = String(all.findIndex((x) => x.name === "Pay history"));
    const others = (names: typeof namesAfter) =>
      names
        .filter((n) => n.sheet !== historyIndex)
        .sort((a, b) => `${a.sheet}${a.name}`.localeCompare(`${b.sheet}${b.name}`));
    expect(others(namesAfter)).toEqual(others(namesBefore));
    const area = namesAfter.filter((n) => n.sheet === historyIndex && n.name === "_xlnm.Print_Area");
    expect(area).toHaveLength(1);
    const rows = all.find((x) => x.name === "Pay history")!.values.length;
    expect(area[0].ref).toMatch(new RegExp(`\\$${rows}$`));
  });

  it("report --history may name its own output: the report is rewritten with its history carried", async () => {
    await runCli("report", sales, "--period", "2025-Q4", "-o", file("same.xlsx"));
    expect((await runCli("close", file("same.xlsx"))).code).toBe(0);
    const closed = (await historyOf(file("same.xlsx"))).history;
    const again = await runCli(
      "report",
      sales,
      "--period",
      "2026-Q1",
      "--history",
      file("same.xlsx"),
      "-o",
      file("same.xlsx"),
    );
    expect(again.code).toBe(0);
    const now = await historyOf(file("same.xlsx"));
    expect(now.history).toEqual(closed);
    expect(now.pending?.period).toBe("2026-Q1");
  });

  it("2. generates 2026-Q1 with the history of the closed Q4 report", async () => {
    const made = await runCli(
      "report",
      sales,
      "--period",
      "2026-Q1",
      "--history",
      file("q4.xlsx"),
      "-o",
      file("q1.xlsx"),
    );
    expect(made.code).toBe(0);
    const q4 = await historyOf(file("q4.xlsx"));
    const q1 = await historyOf(file("q1.xlsx"));
    expect(q1.issues).toEqual([]);
    expect(q1.history).toEqual(q4.history);
    expect(q1.pending?.period).toBe("2026-Q1");
  });

  it("3. closes 2026-Q1, reopens it and closes it again: every event is recorded", async () => {
    expect((await runCli("close", file("q1.xlsx"))).code).toBe(0);
    const reopened = await runCli("close", file("q1.xlsx"), "--reopen", "2026-Q1");
    expect(reopened).toMatchObject({ code: 0, err: "" });
    expect(reopened.out).toContain("Reopened 2026-Q1");
    const open = await historyOf(file("q1.xlsx"));
    expect(open.issues).toEqual([]);
    expect(open.history.periods.map((p) => p.period)).toEqual(["2025-Q4"]);
    expect((await runCli("close", file("q1.xlsx"))).code).toBe(0);
    const final = await historyOf(file("q1.xlsx"));
    expect(final.issues).toEqual([]);
    expect(final.history.periods.map((p) => p.period)).toEqual(["2025-Q4", "2026-Q1"]);
    expect(final.history.events.map((e) => `${e.kind} ${e.period}`)).toEqual([
      "close 2025-Q4",
      "close 2026-Q1",
      "reopen 2026-Q1",
      "close 2026-Q1",
    ]);
    const q1 = final.history.periods[1];
    expect(q1.input).toEqual({ rows: 12, amount: "138600" });
    expect(q1.reps.map((r) => r.payable)).toEqual(q1.reps.map((r) => r.earned));
  });
});
