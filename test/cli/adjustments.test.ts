/**
 * Issue #12's adjustments and draws on the command line (docs/reference/payouts.md): close 2025-Q4; add a late
 * return and late new-customer deals dated in Q4 and fix a rep's name; generate 2026-Q1 with history — the
 * adjustments on the Bonus tab equal the hand calculation below; then a recoverable draw over three periods, each
 * report made with the history of the closed one before it.
 *
 * The plan: one KPI, Revenue against ¥100,000, weight 100 %, no curve, no threshold, target bonus ¥10,000 — a rep's
 * bonus is a tenth of their revenue.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { RawCell } from "../../src/ingest/types";
import { readHistorySheet } from "../../src/history/sheet";
import { findNamedSheet } from "../../src/plan";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
const file = (name: string): string => path.join(dir, name);

type Row = [rep: string, date: string, amount: number, newCustomer?: boolean];

async function writeSales(target: string, rows: Row[], targets?: (string | number | null)[][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Rep", "Team", "Date", "Amount", "New customer"]);
  for (const [rep, date, amount, isNew] of rows) {
    const [y, m, d] = date.split("-").map(Number);
    ws.addRow([rep, "East", new Date(Date.UTC(y, m - 1, d)), amount, isNew ? "yes" : "no"]);
  }
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  if (targets) {
    const t = wb.addWorksheet("Targets");
    for (const r of targets) t.addRow(r);
  }
  await wb.xlsx.writeFile(target);
}

function writePlan(target: string, payouts: Record<string, unknown>): void {
  const plan = {
    period: "quarter",
    currency: "CNY",
    kpis: [{ name: "Revenue", field: "amount", aggregate: "sum", target: 100000, weight: 1 }],
    bonus: { targetBonus: 10000, curve: null, threshold: 0, cap: null },
    payouts,
  };
  fs.writeFileSync(target, JSON.stringify(plan));
}

/** The rows of a section of the Bonus tab, from its header down to its total (exclusive), as cached values. */
async function bonusSection(report: string, title: string): Promise<RawCell[][]> {
  const bonus = (await readXlsx(report)).find((s) => s.name === "Bonus")!;
  const rows = bonus.values;
  const start = rows.findIndex((r) => r[0] === title);
  expect(start).toBeGreaterThan(0);
  const header = start + (rows[start + 1]?.[0] === "Rep" ? 1 : 2);
  const end = rows.findIndex((r, i) => i > header && r[0] === "Total");
  return rows.slice(header, end).map((r) => r.slice(0, 12));
}

async function historyOf(report: string) {
  const sheet = findNamedSheet(await readXlsx(report), "sheet.history")!;
  return readHistorySheet(sheet, "en");
}

const Q4_AT_CLOSE: Row[] = [
  ["Li Na", "2025-10-10", 40000],
  ["Li Na", "2025-11-10", 30000],
  ["Li Na", "2025-12-10", 30000],
  ["Wang Fang", "2025-10-20", 50000],
  ["Wang Fang", "2025-12-01", 30000],
  ["Zhao Min", "2025-10-05", 30000],
  ["Zhao Min", "2025-11-05", 30000],
  ["Zhao Mn", "2025-12-15", 20000], // a typo, fixed after the close
];
const Q4_TODAY: Row[] = [
  ...Q4_AT_CLOSE.filter((r) => r[0] !== "Zhao Mn"),
  ["Zhao Min", "2025-12-15", 20000],
  ["Li Na", "2025-12-20", -40000], // a late return
  ["Wang Fang", "2025-11-03", 10000, true], // late new-customer deals
  ["Wang Fang", "2025-11-25", 15000, true],
];
const Q1: Row[] = [
  ["Li Na", "2026-01-15", 50000],
  ["Wang Fang", "2026-02-15", 90000],
  ["Zhao Min", "2026-03-15", 100000],
];

beforeAll(() => {
  dir = tempDir("adjustments");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("adjustments to a closed period on the command line", () => {
  it("close 2025-Q4, correct its data, generate 2026-Q1 with history: the adjustments equal the hand calculation", async () => {
    writePlan(file("plan.json"), { adjustments: "carry", clawbackCap: 3000 });
    await writeSales(file("sales-q4.xlsx"), [...Q4_AT_CLOSE]);
    const q4 = await runCli(
      "report",
      file("sales-q4.xlsx"),
      "--plan",
      file("plan.json"),
      "--period",
      "2025-Q4",
      "-o",
      file("q4.xlsx"),
    );
    expect(q4.code).toBe(0);
    expect((await runCli("close", file("q4.xlsx"))).code).toBe(0);

    await writeSales(file("sales.xlsx"), [...Q4_TODAY, ...Q1]);
    const q1 = await runCli(
      "report",
      file("sales.xlsx"),
      "--plan",
      file("plan.json"),
      "--period",
      "2026-Q1",
      "--history",
      file("q4.xlsx"),
      "-o",
      file("q1.xlsx"),
    );
    expect(q1).toMatchObject({ code: 0 });

    // Hand calculation. At close: Li Na 100,000 → 10,000; Wang Fang 80,000 → 8,000; Zhao Min 60,000 → 6,000;
    // Zhao Mn 20,000 → 2,000. Today: Li Na 100,000 − 40,000 = 60,000 → 6,000 (−4,000); Wang Fang 80,000 + 25,000
    // = 105,000 → 10,500 (+2,500); Zhao Min 80,000 → 8,000 (+2,000); Zhao Mn no rows → 0 (−2,000).
    const adjustments = await bonusSection(file("q1.xlsx"), "Adjustments to closed periods");
    expect(adjustments[0]).toEqual(["Rep", "Period", "Paid", "Recomputed", "Reason", "Difference"]);
    expect(adjustments.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["Li Na", "2025-Q4", 10000, 6000, "1 return added (−¥40,000)", -4000],
      ["Wang Fang", "2025-Q4", 8000, 10500, "2 rows dated 2025-11 added since close (+¥25,000)", 2500],
      ["Zhao Min", "2025-Q4", 6000, 8000, "rows closed under the name Zhao Mn", 2000],
      ["Zhao Mn", "2025-Q4", 2000, 0, "no longer in the data under this name: its rows now read as Zhao Min", -2000],
    ]);

    // Q1 earned: Li Na 5,000, Wang Fang 9,000, Zhao Min 10,000. Carried, the clawback capped at 3,000 a period:
    // Li Na 5,000 − 3,000 = 2,000 (1,000 still owed); Wang Fang 11,500; Zhao Min 12,000; Zhao Mn −2,000.
    const payable = await bonusSection(file("q1.xlsx"), "Payable this period");
    expect(payable.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[6]])).toEqual([
      ["Li Na", 5000, -3000, 2000, 1000],
      ["Wang Fang", 9000, 2500, 11500, 0],
      ["Zhao Min", 10000, 2000, 12000, 0],
      ["Zhao Mn", 0, -2000, -2000, 0],
    ]);

    // Closing Q1 records what was paid and what it settled; the Q4 differences are not shown again in Q2.
    expect((await runCli("close", file("q1.xlsx"))).code).toBe(0);
    const history = await historyOf(file("q1.xlsx"));
    expect(history.issues).toEqual([]);
    const li = history.history.periods[1].reps.find((r) => r.rep === "Li Na")!;
    expect(li).toMatchObject({ earned: "5000", adjustments: "-3000", payable: "2000", clawbackBalance: "1000" });
    expect(li.settled).toEqual([{ period: "2025-Q4", difference: "-4000" }]);
    await writeSales(file("sales-q2.xlsx"), [...Q4_TODAY, ...Q1, ["Li Na", "2026-04-10", 80000]]);
    const q2 = await runCli(
      "report",
      file("sales-q2.xlsx"),
      "--plan",
      file("plan.json"),
      "--period",
      "2026-Q2",
      "--history",
      file("q1.xlsx"),
      "-o",
      file("q2.xlsx"),
    );
    expect(q2.code).toBe(0);
    const bonus = (await readXlsx(file("q2.xlsx"))).find((s) => s.name === "Bonus")!;
    const noneAt = bonus.values.findIndex(
      (r) => r[0] === "No differences: every closed period recomputes to what was paid.",
    );
    expect(noneAt).toBeGreaterThan(0);
    const payableQ2 = await bonusSection(file("q2.xlsx"), "Payable this period");
    // Li Na: earned 8,000, the 1,000 still owed taken: 7,000.
    expect(payableQ2.find((r) => r[0] === "Li Na")!.slice(0, 4)).toEqual(["Li Na", 8000, -1000, 7000]);
  });
});

describe("a recoverable draw over three periods on the command line", () => {
  it("tops up, recovers from the payout above the draw (capped), and History carries the balance", async () => {
    // ¥6,000 a quarter for the reps named on Targets (Li Na), recoverable, at most ¥1,500 recovered a quarter.
    writePlan(file("draw.json"), { draw: 6000, drawRecoverable: true, recoveryCap: 1500, drawFor: "named" });
    const rows: Row[] = [
      ["Li Na", "2025-10-10", 20000],
      ["Li Na", "2026-01-10", 90000],
      ["Li Na", "2026-04-10", 70000],
      ["Wang Fang", "2025-10-10", 30000],
      ["Wang Fang", "2026-01-10", 30000],
      ["Wang Fang", "2026-04-10", 30000],
    ];
    await writeSales(file("draw-sales.xlsx"), rows, [
      ["Rep", "KPI", "Target", "Draw"],
      ["Li Na", null, null, "yes"],
    ]);
    const seen: RawCell[][] = [];
    let previous: string | null = null;
    for (const period of ["2025-Q4", "2026-Q1", "2026-Q2"]) {
      const out = file(`draw-${period}.xlsx`);
      const args = ["report", file("draw-sales.xlsx"), "--plan", file("draw.json"), "--period", period, "-o", out];
      const run = await runCli(...args, ...(previous ? ["--history", previous] : []));
      expect(run).toMatchObject({ code: 0 });
      const payable = await bonusSection(out, "Payable this period");
      expect(payable[0].slice(7)).toEqual([
        "Draw",
        "Draw balance before",
        "Draw top-up",
        "Draw recovered",
        "Draw balance after",
      ]);
      const li = payable.find((r) => r[0] === "Li Na")!;
      seen.push([period, li[1], li[9], li[10], li[3], li[11]]);
      // Wang Fang is not named: no draw, paid what he earned.
      expect(payable.find((r) => r[0] === "Wang Fang")!.slice(0, 4)).toEqual(["Wang Fang", 3000, 0, 3000]);
      expect((await runCli("close", out)).code).toBe(0);
      previous = out;
    }
    // Hand calculation (earned, top-up, recovered, payable, balance after):
    //   Q4 earns 2,000: topped up 4,000 to the draw; owes 4,000.
    //   Q1 earns 9,000: 3,000 above the draw, recovers 1,500 (the cap); paid 7,500; owes 2,500.
    //   Q2 earns 7,000: 1,000 above the draw, recovers 1,000; paid 6,000; owes 1,500.
    expect(seen).toEqual([
      ["2025-Q4", 2000, 4000, 0, 6000, 4000],
      ["2026-Q1", 9000, 0, 1500, 7500, 2500],
      ["2026-Q2", 7000, 0, 1000, 6000, 1500],
    ]);
    const history = await historyOf(previous!);
    expect(history.issues).toEqual([]);
    expect(history.history.periods.map((p) => p.reps.find((r) => r.rep === "Li Na")!.drawBalance)).toEqual([
      "4000",
      "2500",
      "1500",
    ]);
  });
});
