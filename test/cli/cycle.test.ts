/**
 * Trends and Coaching across closed periods through the command line (docs/reference/tabs.md Trends, coaching.md
 * follow-up, plan.md "Streak rule"): close 2025-Q4 and 2026-Q1 with `salesperf close`, then score 2026-Q2 with
 * `--history`; the report's Trends and Coaching tabs read the closed periods from the Pay history written to disk.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { readHistorySheet } from "../../src/history/sheet";
import { findNamedSheet } from "../../src/plan";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
const file = (name: string): string => path.join(dir, name);

/**
 * Four reps: each month of 2025-Q4 at 10 × their base, 2026-Q1 at 11 × (exactly +10 %, Dan +12.5 % over his Q4 return
 * of −400), 2026-Q2 at 13 × for Ann and Cat, 11 × for Ben, 10 × for Dan.
 */
async function writeSales(target: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Rep", "Team", "Date", "Amount"]);
  const reps: [string, string, number, number][] = [
    ["Ann", "East", 1200, 13],
    ["Ben", "East", 900, 11],
    ["Cat", "West", 1500, 13],
    ["Dan", "West", 600, 10],
  ];
  for (const [year, months, times] of [
    [2025, [10, 11, 12], () => 10],
    [2026, [1, 2, 3], () => 11],
  ] as const) {
    for (const month of months)
      for (const [rep, team, base] of reps)
        ws.addRow([rep, team, new Date(Date.UTC(year, month - 1, 10)), base * times()]);
  }
  ws.addRow(["Dan", "West", new Date(Date.UTC(2025, 11, 20)), -400]);
  for (const month of [4, 5, 6]) {
    for (const [rep, team, base, q2] of reps)
      ws.addRow([rep, team, new Date(Date.UTC(2026, month - 1, 10)), base * q2]);
  }
  ws.getColumn(3).numFmt = "yyyy-mm-dd";
  await wb.xlsx.writeFile(target);
}

const PLAN = {
  kpis: [
    { name: "Revenue", field: "amount", aggregate: "sum", target: { growth: 0.1 }, weight: 0.6 },
    { name: "Volume", field: "amount", aggregate: "sum", target: 40000, weight: 0.4 },
  ],
  ranking: { top: 1, bottom: 1 },
  streak: { kpi: "Revenue", of: "growth", atLeast: 0.1 },
};

/**
 * A cell's value, a formula's cached result. exceljs reads a cached 0 back as no result (the file holds `<v>0</v>`),
 * so a formula without one reads as 0 here.
 */
function valueOf(cell: ExcelJS.Cell): unknown {
  const v = cell.value;
  if (v !== null && typeof v === "object" && "formula" in v) return (v as { result?: unknown }).result ?? 0;
  return v;
}

/** The rows of the block titled `title`: the header, then each rep's values, up to the first blank row. */
function block(ws: ExcelJS.Worksheet, title: string): unknown[][] {
  let start = -1;
  ws.eachRow((row, n) => {
    if (start < 0 && row.getCell(1).value === title) start = n;
  });
  if (start < 0) throw new Error(`no block "${title}"`);
  const out: unknown[][] = [];
  for (let n = start + 2; ws.getRow(n).getCell(1).value !== null; n++) {
    const row = ws.getRow(n);
    const cells: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell) => cells.push(valueOf(cell)));
    out.push(cells);
  }
  return out;
}

beforeAll(async () => {
  dir = tempDir("cycle");
  await writeSales(file("sales.xlsx"));
  fs.writeFileSync(file("plan.json"), JSON.stringify(PLAN));
  const run = async (...args: string[]) => expect((await runCli(...args)).code).toBe(0);
  const plan = ["--plan", file("plan.json")];
  await run("report", file("sales.xlsx"), ...plan, "--period", "2025-Q4", "-o", file("q4.xlsx"));
  await run("close", file("q4.xlsx"));
  await run(
    "report",
    file("sales.xlsx"),
    ...plan,
    "--period",
    "2026-Q1",
    "--history",
    file("q4.xlsx"),
    "-o",
    file("q1.xlsx"),
  );
  await run("close", file("q1.xlsx"));
  await run(
    "report",
    file("sales.xlsx"),
    ...plan,
    "--period",
    "2026-Q2",
    "--history",
    file("q1.xlsx"),
    "-o",
    file("q2.xlsx"),
  );
}, 120_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("2026-Q2 with 2025-Q4 and 2026-Q1 closed", () => {
  let wb: ExcelJS.Workbook;
  let closedScores: Map<string, Map<string, number>>;
  beforeAll(async () => {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file("q2.xlsx"));
    const read = readHistorySheet(findNamedSheet(await readXlsx(file("q2.xlsx")), "sheet.history")!, "en");
    expect(read.issues).toEqual([]);
    closedScores = new Map(
      read.history.periods.map((p) => [p.period, new Map(p.reps.map((r) => [r.rep, Number(r.score)]))]),
    );
  });

  it("Trends: the closed periods' scores as the Pay history holds them, 2026-Q2's as the Scorecard's", () => {
    const scores = block(wb.getWorksheet("Trends")!, "Score by period");
    expect(scores[0]).toEqual(["Rep", "2025-Q4", "2026-Q1", "2026-Q2"]);
    const card = wb.getWorksheet("Scorecard")!;
    const scoreNow = new Map<string, unknown>();
    card.eachRow((row, n) => {
      if (n > 1) scoreNow.set(String(row.getCell(1).value), valueOf(row.getCell(9)));
    });
    expect(scores.slice(1).map((r) => r[0])).toEqual(["Ann", "Ben", "Cat", "Dan"]);
    for (const [rep, q4, q1, q2] of scores.slice(1)) {
      expect(q4).toBeCloseTo(closedScores.get("2025-Q4")!.get(String(rep))!, 12);
      expect(q1).toBeCloseTo(closedScores.get("2026-Q1")!.get(String(rep))!, 12);
      expect(q2).toBe(scoreNow.get(String(rep)));
    }
    const statuses = block(wb.getWorksheet("Trends")!, "Status by period");
    // Q1: Cat Top (109.5 %), Dan Coaching (81.2 %).
    expect(statuses.find((r) => r[0] === "Dan")![2]).toBe("Coaching");
    expect(statuses.find((r) => r[0] === "Cat")![2]).toBe("Top");
  });

  it("Trends: the streak of Revenue growth ≥ 10 % — exactly +10 % counts", () => {
    const streak = block(wb.getWorksheet("Trends")!, "Streak: Revenue growth at least 10%");
    expect(streak[0]).toEqual(["Rep", "2025-Q4", "2026-Q1", "2026-Q2", "Streak (periods)"]);
    // 2025-Q4 has no closed quarter before it. Q1: +10 %, +10 %, +10 %, +12.5 %; Q2: +18.2 %, 0 %, +18.2 %, −9.1 %.
    expect(streak.slice(1).map((r) => [r[0], r[4]])).toEqual([
      ["Ann", 2],
      ["Ben", 0],
      ["Cat", 2],
      ["Dan", 0],
    ]);
    expect(streak[1][2]).toBeCloseTo(0.1, 12);
  });

  it("Coaching: Dan, Coaching when 2026-Q1 was closed, then and now", () => {
    const followUp = block(wb.getWorksheet("Coaching")!, "Follow-up: Coaching reps of 2026-Q1");
    expect(followUp[0][0]).toBe("Rep");
    expect(followUp).toHaveLength(2);
    const [rep, then, rankThen, now, , , change, streak] = followUp[1] as [
      string,
      number,
      number,
      number,
      ...unknown[],
    ];
    expect([rep, rankThen]).toEqual(["Dan", 4]);
    expect(then).toBeCloseTo(closedScores.get("2026-Q1")!.get("Dan")!, 12);
    // Q2: revenue 18,000 against 19,800 × 1.1, volume 18,000 of 40,000: 0.6 × 0.8264 + 0.4 × 0.45.
    expect(now).toBeCloseTo(0.6 * (18000 / 21780) + 0.4 * 0.45, 12);
    expect(change).toBeCloseTo(now - then, 10);
    expect(streak).toBe(0);
  });

  it("the Scorecard's growth target refers to the prior actual on Trends", () => {
    const target = wb.getWorksheet("Scorecard")!.getCell("D2").value as { formula: string; result: number };
    expect(target.formula).toMatch(/^Trends!\$B\$\d+\*\(1\+Plan!\$E\$\d+\)$/);
    expect(target.result).toBeCloseTo(39600 * 1.1, 9);
  });
});
