/**
 * Adjustments to a closed period in the pane (docs/reference/payouts.md), on the strict Excel fake with the real
 * Office.js operations, driven as App.tsx drives them: the workbook's Plan has a Payouts section (carry, clawback cap
 * ¥3,000); close 2025-Q4; correct the sales sheet — a late return, late new-customer deals dated in Q4, a rep's name
 * fixed; generate 2026-Q1 with the workbook's Pay history: the Bonus tab's adjustments and payable equal the hand
 * calculation of test/cli/adjustments.test.ts (the same data and plan). Then, as on the command line, a recoverable
 * draw over three periods, each generated with the workbook's Pay history and closed in the pane.
 */
import { FakeExcel, installFakeExcel, type SeedSheet } from "../fakes/excelFake";
import { writePlanSheet } from "../../src/plan";
import { officeExcelOps } from "../../src/render/office/excelOps";
import { serialOfDay } from "../../src/sheet";
import { analyse, sheetsToKeep } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import { closeInWorkbook, workbookHistory } from "../../src/taskpane/history";
import { planOf, Q1, Q4_AT_CLOSE, Q4_TODAY, row } from "../report/payoutsFixtures";
import type { RowSpec } from "../report/fixtures";

function salesValues(rows: RowSpec[]): (string | number | null)[][] {
  const values: (string | number | null)[][] = [["Rep", "Team", "Date", "Amount", "New customer"]];
  for (const r of rows) {
    const [y, m, d] = r.date.split("-").map(Number);
    values.push([r.rep, "East", serialOfDay(y, m, d), r.amount, r.newCustomer ? "yes" : "no"]);
  }
  return values;
}
const sales = (rows: RowSpec[]): SeedSheet => {
  const values = salesValues(rows);
  return { name: "Sales", values, numberFormats: values.map((_, i) => (i === 0 ? [] : [null, null, "yyyy-mm-dd"])) };
};

async function read() {
  const r = await officeExcelOps.readSheets();
  if (!r.ok) throw new Error(r.error.messageKey);
  return r.value;
}

async function generate(period: string) {
  const snapshot = await read();
  const a = analyse(snapshot.sheets, snapshot.addinTabs, "en");
  const found = workbookHistory(snapshot.sheets, "en");
  if (!found.ok) throw new Error(found.title);
  const names = snapshot.sheets.map((s) => s.name);
  const report = buildPaneReport(a, names, snapshot.addinTabs, period, "en", found.record.history);
  const written = await officeExcelOps.renderReport(report, sheetsToKeep(snapshot.sheets, a, report));
  expect(written.ok).toBe(true);
}

async function close(at: string) {
  const c = closeInWorkbook(workbookHistory((await read()).sheets, "en"), "en", at);
  if (!c.ok) throw new Error(c.message);
  expect((await officeExcelOps.replaceTab(c.sheet, "en")).ok).toBe(true);
}

/** A Bonus-tab section's rows (cached values), from its header down to its total (exclusive). */
function section(fake: FakeExcel, title: string): unknown[][] {
  // A formula cell as its formula (Excel computes it; the fake does not), any other cell as its value.
  const rows = Array.from(fake.sheet("Bonus").cells, (r) =>
    Array.from(r ?? [], (c) => (c?.f ? `=${c.f.replace(/^=/, "")}` : (c?.v ?? null))),
  );
  const start = rows.findIndex((r) => r[0] === title);
  expect(start).toBeGreaterThan(0);
  const header = start + (rows[start + 1]?.[0] === "Rep" ? 1 : 2);
  const end = rows.findIndex((r, i) => i > header && r[0] === "Total");
  return rows.slice(header + 1, end);
}

let fake: FakeExcel;
let uninstall: (() => void) | null = null;
describe("adjustments to a closed period in the pane", () => {
  beforeAll(() => {
    const plan = writePlanSheet(planOf({ adjustments: "carry", clawbackCap: 3000 }), "en");
    fake = new FakeExcel([sales(Q4_AT_CLOSE), { name: "Plan", values: plan.rows }]);
    uninstall = installFakeExcel(fake);
  });
  afterAll(() => uninstall?.());

  it("close 2025-Q4, correct the sales, generate 2026-Q1: adjustments and payable as worked by hand", async () => {
    await generate("2025-Q4");
    await close("2026-01-05T09:30:00.000Z");

    // The corrections a user makes in the sales sheet after the close.
    const today = salesValues([...Q4_TODAY, ...Q1]);
    const sheet = fake.sheet("Sales");
    sheet.cells = today.map((r, i) => r.map((v, c) => ({ v, f: null, fmt: i > 0 && c === 2 ? "yyyy-mm-dd" : null })));

    await generate("2026-Q1");
    const byRep = (rows: unknown[][]) => [...rows].sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    // Chen Jei's name was fixed to Chen Jie with nothing else changed: no adjustment.
    const adjustments = section(fake, "Adjustments to closed periods");
    expect(byRep(adjustments).map((r) => r.slice(0, 5))).toEqual([
      ["Li Na", "2025-Q4", 10000, 6000, "1 return added (−¥40,000)"],
      ["Wang Fang", "2025-Q4", 8000, 10500, "2 rows dated 2025-11 added since close (+¥25,000)"],
      ["Zhao Min", "2025-Q4", 6000, 8000, "rows closed under the name Zhao Mn"],
      ["Zhao Mn", "2025-Q4", 2000, 0, "no longer in the data under this name: its rows now read as Zhao Min"],
    ]);
    // Difference = recomputed − paid, a formula on its own row.
    expect(adjustments.map((r) => r[5])).toEqual(adjustments.map(() => expect.stringMatching(/^=D(\d+)-C\1$/)));
    const payable = section(fake, "Payable this period");
    expect(payable.map((r) => r[0])).toEqual(["Chen Jie", "Li Na", "Wang Fang", "Zhao Min", "Zhao Mn"]);
    expect(payable[1][2]).toEqual(expect.stringContaining("SUMPRODUCT("));

    // What closing 2026-Q1 records: the engine's payouts (hand calculation: Li Na 5,000 − 3,000 capped = 2,000,
    // 1,000 still owed; Wang Fang 9,000 + 2,500; Zhao Min 10,000 + 2,000; Zhao Mn −2,000; Chen Jie 7,000).
    await close("2026-04-02T08:00:00.000Z");
    const found = workbookHistory((await read()).sheets, "en");
    if (!found.ok) throw new Error(found.title);
    const q1 = found.record.history.periods.find((p) => p.period === "2026-Q1")!;
    const paid = Object.fromEntries(
      q1.reps.map((r) => [r.rep, [r.earned, r.adjustments, r.payable, r.clawbackBalance]]),
    );
    expect(paid).toEqual({
      "Chen Jie": ["7000", "0", "7000", "0"],
      "Li Na": ["5000", "-3000", "2000", "1000"],
      "Wang Fang": ["9000", "2500", "11500", "0"],
      "Zhao Min": ["10000", "2000", "12000", "0"],
      "Zhao Mn": ["0", "-2000", "-2000", "0"],
    });
    expect(q1.reps.find((r) => r.rep === "Li Na")!.settled).toEqual([{ period: "2025-Q4", difference: "-4000" }]);
  });
});

describe("a recoverable draw over three periods in the pane", () => {
  beforeAll(() => {
    // ¥6,000 a quarter for the reps named on Targets (Li Na), recoverable, at most ¥1,500 recovered a quarter.
    const plan = writePlanSheet(
      planOf({ draw: 6000, drawRecoverable: true, recoveryCap: 1500, drawFor: "named" }),
      "en",
    );
    const rows = [
      row("Li Na", "2025-10-10", 20000),
      row("Li Na", "2026-01-10", 90000),
      row("Li Na", "2026-04-10", 70000),
      row("Wang Fang", "2025-10-10", 30000),
      row("Wang Fang", "2026-01-10", 30000),
      row("Wang Fang", "2026-04-10", 30000),
    ];
    fake = new FakeExcel([
      sales(rows),
      { name: "Plan", values: plan.rows },
      {
        name: "Targets",
        values: [
          ["Rep", "KPI", "Target", "Draw"],
          ["Li Na", null, null, "yes"],
        ],
      },
    ]);
    uninstall = installFakeExcel(fake);
  });
  afterAll(() => uninstall?.());

  it("tops up, recovers from the payout above the draw (capped), and the Pay history carries the balance", async () => {
    let day = 5;
    for (const period of ["2025-Q4", "2026-Q1", "2026-Q2"]) {
      await generate(period);
      // The Bonus tab's payable section lists both reps (its figures are formulas; what close records is checked below).
      expect(section(fake, "Payable this period").map((r) => r[0])).toEqual(["Li Na", "Wang Fang"]);
      await close(`2026-07-0${day++}T09:00:00.000Z`);
    }
    const found = workbookHistory((await read()).sheets, "en");
    if (!found.ok) throw new Error(found.title);
    const li = found.record.history.periods.map((p) => {
      const r = p.reps.find((x) => x.rep === "Li Na")!;
      return [p.period, r.earned, r.drawTopUp, r.drawRecovered, r.payable, r.drawBalance];
    });
    // Hand calculation, as on the command line (test/cli/adjustments.test.ts):
    //   Q4 earns 2,000: topped up 4,000 to the draw; owes 4,000.
    //   Q1 earns 9,000: 3,000 above the draw, recovers 1,500 (the cap); paid 7,500; owes 2,500.
    //   Q2 earns 7,000: 1,000 above the draw, recovers 1,000; paid 6,000; owes 1,500.
    expect(li).toEqual([
      ["2025-Q4", "2000", "4000", "0", "6000", "4000"],
      ["2026-Q1", "9000", "0", "1500", "7500", "2500"],
      ["2026-Q2", "7000", "0", "1000", "6000", "1500"],
    ]);
    // Wang Fang is not named: no draw, paid what he earned.
    const wang = found.record.history.periods.map((p) => p.reps.find((x) => x.rep === "Wang Fang")!);
    expect(wang.map((r) => [r.earned, r.drawTopUp, r.payable, r.drawBalance])).toEqual(
      wang.map(() => ["3000", "0", "3000", "0"]),
    );
  });
});
