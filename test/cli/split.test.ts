/**
 * Split credit from a workbook file, in the CLI and in the pane's pipeline (docs/reference/input.md "Split credit"):
 * a CRM split export written as .xlsx scores to the hand calculation of test/report/split.test.ts on the Scorecard;
 * the Plan tab of the report carries the count setting, and editing it there changes the counts at the next run.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import type { RawCell } from "../../src/ingest/types";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { analyse, defaultPeriod } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import { SPLIT_EXPORT, splitPlanJson } from "../report/splitFixture";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("split");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** An Excel day serial as the Date exceljs writes back as that serial (UTC midnight). */
const dateOfSerial = (serial: number): Date => new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000);

/** The export as a workbook a CRM would give: dates as date cells, the split as a percentage. */
async function writeExport(file: string, values: RawCell[][], sheet = "CRM export"): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  values.forEach((row, r) =>
    ws.addRow(row.map((v, c) => (r > 0 && c === 1 && typeof v === "number" ? dateOfSerial(v) : v))),
  );
  ws.getColumn(5).numFmt = "0%";
  await wb.xlsx.writeFile(file);
}

/** Rep → the value under `header` on a Scorecard (a value or a formula's cached result). */
async function scorecardColumn(file: string, sheet: string, repHeader: string, header: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  let head: ExcelJS.CellValue[] | null = null;
  const out: Record<string, unknown> = {};
  ws.eachRow((row) => {
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    if (head === null) {
      if (values[0] === repHeader) head = values;
      return;
    }
    const rep = values[0];
    const cell = values[head.indexOf(header)];
    if (typeof rep === "string" && cell !== undefined && cell !== null)
      out[rep] = typeof cell === "object" && "result" in cell ? cell.result : cell;
  });
  return out;
}

describe("salesperf report on a CRM split export", () => {
  it("the Scorecard credits revenue by split and counts deals for every credited rep", async () => {
    const input = path.join(dir, "split-en.xlsx");
    await writeExport(input, SPLIT_EXPORT);
    const planFile = path.join(dir, "plan.json");
    fs.writeFileSync(planFile, JSON.stringify(splitPlanJson()));
    const out = path.join(dir, "report-en.xlsx");
    const run = await runCli("report", input, "-o", out, "--plan", planFile);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    // sheet rows: 8 read, all used (the shared cell is one row)
    expect(run.out).toMatch(/^Scored 4 reps for 2026-Q2: 8 rows used, 0 rows excluded/);
    expect(await scorecardColumn(out, "Scorecard", "Rep", "Revenue actual")).toEqual({
      "Alice Chen": 9200,
      "Bob Martin": 11800,
      "Carol Li": 5500,
      "Dan Wu": 4300,
    });
    expect(await scorecardColumn(out, "Scorecard", "Rep", "Deals actual")).toEqual({
      "Alice Chen": 2,
      "Bob Martin": 3,
      "Carol Li": 2,
      "Dan Wu": 2,
    });
  });

  it("in Chinese, with the report's Plan sheet edited to 仅第一位销售员, in the CLI and in the pane", async () => {
    const zh: RawCell[][] = [
      ["商机编号", "成交日期", "销售员", "销售额", "分成比例", "是否新客户"],
      ...SPLIT_EXPORT.slice(1).map((r) => [
        r[0],
        r[1],
        String(r[2])
          .replace("Alice Chen", "张伟")
          .replace("Bob Martin", "王芳")
          .replace("Carol Li", "李娜")
          .replace("Dan Wu", "赵敏")
          .replace(" / ", "、"),
        r[3],
        r[4],
        r[5] === "Yes" ? "是" : "否",
      ]),
    ];
    const input = path.join(dir, "split-zh.xlsx");
    await writeExport(input, zh, "商机分成");
    const planFile = path.join(dir, "plan-zh.json");
    fs.writeFileSync(planFile, JSON.stringify(splitPlanJson(undefined, "zh")));
    const first = path.join(dir, "report-zh.xlsx");
    expect((await runCli("report", input, "-o", first, "--plan", planFile, "--lang", "zh", "--with-data")).code).toBe(
      0,
    );

    // The Plan sheet of the report shows the setting: change it as a user would, and run again from the workbook.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(first);
    const plan = wb.getWorksheet("考核方案")!;
    let edited = false;
    plan.eachRow((row) => {
      if (row.getCell(1).value === "分成订单计数") {
        expect(row.getCell(2).value).toBe("每位分成销售员");
        row.getCell(2).value = "仅第一位销售员";
        edited = true;
      }
    });
    expect(edited).toBe(true);
    const editedFile = path.join(dir, "split-zh-edited.xlsx");
    await wb.xlsx.writeFile(editedFile);
    const second = path.join(dir, "report-zh-2.xlsx");
    const run = await runCli("report", editedFile, "-o", second, "--lang", "zh");
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const first3 = { 张伟: 1, 王芳: 1, 李娜: 2, 赵敏: 1 };
    expect(await scorecardColumn(second, "绩效评分", "销售员", "实际订单数")).toEqual(first3);
    expect(await scorecardColumn(second, "绩效评分", "销售员", "实际销售额")).toEqual({
      张伟: 9200,
      王芳: 11800,
      李娜: 5500,
      赵敏: 4300,
    });

    // The pane reads the same workbook through its own pipeline: the same numbers.
    const sheets = await readXlsx(editedFile);
    const a = analyse(sheets, [], "zh");
    expect(a.dataError).toBeNull();
    expect(a.plan.plan?.splitDealCount).toBe("first");
    expect(a.ingested?.split).toEqual({ splitColumns: true, deals: 5, sharedRows: 1, dealsNot100: 1 });
    const report = buildPaneReport(
      a,
      sheets.map((s) => s.name),
      [],
      defaultPeriod(a),
      "zh",
    );
    expect(report.summary.period).toBe("2026-Q2");
    const scorecard = report.sheets.find((s) => s.key === "scorecard")!;
    const header = scorecard.rows.find((r) => r[0]?.v === "销售员")!.map((c) => c?.v);
    const deals = header.indexOf("实际订单数");
    const byRep = Object.fromEntries(
      scorecard.rows.filter((r) => typeof r[0]?.v === "string" && r[0]!.v in first3).map((r) => [r[0]!.v, r[deals]!.v]),
    );
    expect(byRep).toEqual(first3);
  });
});
