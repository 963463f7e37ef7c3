/**
 * Two plans from the workbook alone (docs/reference/plan.md "A plan per role or team"): a Plan sheet with a field-sales
 * and an inside-sales plan and a Teams sheet's Plan column; the command line's report and the pane's Generate score
 * each plan's reps on its own KPIs, ranks and bonus, the same hand-calculated figures.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { RawSheet } from "../../src/ingest/types";
import { analyse, defaultPeriod } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import { planSheetOf, teamsAssigning, twoPlans } from "../report/twoPlans";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("plans");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The two-plan fixture's rows as a sales sheet: Alice and Bob (North, field), Carol and Dan (Phone, inside). */
function salesRows(): (string | number | boolean)[][] {
  const rows: (string | number | boolean)[][] = [["Date", "Rep", "Team", "Amount", "New customer"]];
  rows.push(["2026-04-10", "Alice", "North", 60000, "yes"], ["2026-05-10", "Alice", "North", 60000, "no"]);
  for (let i = 0; i < 4; i++) rows.push(["2026-05-03", "Bob", "North", 20000, "yes"]);
  for (let i = 0; i < 12; i++) rows.push(["2026-06-01", "Carol", "Phone", 5000, "no"]);
  for (let i = 0; i < 5; i++) rows.push(["2026-04-20", "Dan", "Phone", 4000, "no"]);
  return rows;
}

const EXPECTED = [
  ["Plan: Field sales", null, null, null],
  ["Rep", "Rank", "Status", "Bonus"],
  ["Alice", 1, "Top", 915],
  ["Bob", 2, "Coaching", 860],
  [null, null, null, null],
  [null, null, null, null],
  ["Plan: Inside sales", null, null, null],
  ["Rep", "Rank", "Status", "Bonus"],
  ["Carol", 1, "Top", 600],
  ["Dan", 2, "Coaching", 230],
];

/** Rep, rank, status and bonus of each Scorecard row, found by the headers of each plan's part. */
function pick(rows: unknown[][]): unknown[][] {
  let header: unknown[] = [];
  return rows.map((r) => {
    if (r[0] === "Rep") header = r;
    const at = (h: string) => (header.indexOf(h) >= 0 ? (r[header.indexOf(h)] ?? null) : null);
    return [r[0] ?? null, at("Rank"), at("Status"), at("Bonus")];
  });
}

describe("two plans assigned on the Teams sheet", () => {
  it("the CLI report groups the Scorecard by plan with the hand-calculated ranks and bonuses", async () => {
    const wb = new ExcelJS.Workbook();
    for (const sheet of [{ name: "Sales", values: salesRows() }, planSheetOf(twoPlans()), teamsAssigning]) {
      const ws = wb.addWorksheet(sheet.name);
      for (const row of sheet.values) ws.addRow(row);
    }
    const input = path.join(dir, "two-plans.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "two-plans-report.xlsx");
    const run = await runCli("report", input, "-o", out);
    expect([run.code, run.err]).toEqual([0, ""]);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(out);
    const ws = report.getWorksheet("Scorecard")!;
    const rows: unknown[][] = [];
    for (let r = 1; r <= 10; r++) {
      const values = ws.getRow(r).values as ExcelJS.CellValue[];
      rows.push(
        Array.from({ length: ws.columnCount }, (_, c) => {
          const v = values[c + 1];
          return v && typeof v === "object" && "formula" in v ? v.result : (v ?? null);
        }),
      );
    }
    expect(pick(rows)).toEqual(EXPECTED);
  });

  it("the pane's Generate builds the same Scorecard", () => {
    const sheets: RawSheet[] = [{ name: "Sales", values: salesRows() }, planSheetOf(twoPlans()), teamsAssigning];
    const a = analyse(sheets, [], "en");
    expect(a.plan.errors).toEqual([]);
    const report = buildPaneReport(
      a,
      sheets.map((s) => s.name),
      [],
      defaultPeriod(a),
      "en",
    );
    const card = report.sheets.find((s) => s.key === "scorecard")!;
    const rows = card.rows.slice(0, 10).map((r) => (r ?? []).map((c) => (c?.v ?? null) as unknown));
    const picked = pick(rows).map((r) => r.map((v) => (typeof v === "object" && v !== null ? Number(v) : v)));
    expect(picked).toEqual(EXPECTED);
  });
});
