/**
 * The Data issues tab by severity (docs/reference/cleaning.md): rows left out and duplicates first, then what is worth a
 * look, then one line counting the harmless conversions by kind, whose rows follow in a block of their own.
 */
import ExcelJS from "exceljs";
import type { DataIssue } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { buildReport } from "../../src/report/buildReport";
import { issuesTab } from "../../src/report/issuesTab";
import type { ReportSheet } from "../../src/report/model";
import { defaultExample, ingestOf } from "./fixtures";

const issue = (row: number, action: DataIssue["action"], reasonKey: string, raw: string | number = "x"): DataIssue => ({
  sheet: "Sales",
  row,
  column: "Amount",
  raw,
  action,
  reasonKey,
  params: { value: "1", date: "2026-01-02", firstRow: 3, name: "Ann", rows: 1 },
});

/** As ingest lists them: sheet order, row order — the duplicate found last, near the bottom of the sheet. */
const ISSUES: DataIssue[] = [
  issue(3, "coerced", "amountTextCoerced", "1,000"),
  issue(4, "coerced", "dateTextCoerced", "2026/1/2"),
  issue(5, "kept", "negativeAmount", -50),
  issue(6, "coerced", "amountTextCoerced", "¥200"),
  issue(7, "excluded", "amountNotNumber", "n/a"),
  issue(8, "coerced", "yesNoUnreadable", "maybe"),
  issue(9, "coerced", "amountTextCoerced", "3万"),
  issue(40, "kept", "possibleDuplicate", 120),
];

const cells = (s: ReportSheet, row: number) => s.rows[row - 1].map((c) => c?.v ?? null);

describe("Data issues by severity (docs/reference/cleaning.md)", () => {
  const tab = issuesTab("en", "Data issues", ISSUES);

  it("exclusions and the duplicate first, then the values worth a look, then the conversions' count", () => {
    expect(tab.rows.slice(1, 6).map((r) => [r[1]?.v ?? null, r[5]?.v])).toEqual([
      [7, "Amount is not a number; row excluded."],
      [40, "Identical to row 3; kept, possible duplicate."],
      [5, "Negative amount (a return?); counted as negative."],
      [8, "Not a yes/no value; counted as no."], // a guess, not a harmless conversion: listed
      [null, "4 values converted: 3 amounts written as text, 1 date written as text; each is listed from row 10"],
    ]);
    expect(cells(tab, 6)[4]).toBe("Converted");
    expect(tab.tables).toEqual([
      { name: "SP_Issues", ref: "A1:F6", style: "TableStyleMedium2" },
      { name: "SP_Conversions", ref: "A9:F13", style: "TableStyleMedium2" },
    ]);
  });

  it("the conversions follow in their own block, in sheet order, under a heading and a header row", () => {
    expect(tab.rows[6]).toEqual([]); // row 7 blank, row 8 the heading, row 9 the header
    expect(tab.rows[7][0]).toMatchObject({ v: "The 4 converted values", style: "title" });
    expect(cells(tab, 9)).toEqual(["Sheet", "Row", "Column", "Raw value", "Action", "Reason"]);
    expect(tab.rows.slice(9).map((r) => [r[1]?.v, r[3]?.v])).toEqual([
      [3, "1,000"],
      [4, "2026/1/2"],
      [6, "¥200"],
      [9, "3万"],
    ]);
  });

  it("zh: the count line in Chinese, kinds joined with 、", () => {
    const zh = issuesTab("zh", "数据问题", ISSUES);
    expect(zh.rows[5][5]!.v).toBe("已转换 4 个数值：3 个金额为文本、1 个日期为文本；明细见第 10 行起");
    expect(zh.rows[7][0]!.v).toBe("已转换数值明细（4 个）");
  });

  it("one conversion; none at all; padding for the block beside the list comes before the conversions", () => {
    const one = issuesTab("en", "Data issues", [issue(3, "coerced", "dateTextCoerced")], 10);
    expect(one.rows[1][5]!.v).toBe("1 value converted: 1 date written as text; it is listed from row 15");
    expect(one.rows).toHaveLength(15);
    expect(one.rows[12][0]!.v).toBe("The converted value");
    expect(one.tables!.map((t) => t.ref)).toEqual(["A1:F2", "A14:F15"]);
    const none = issuesTab("en", "Data issues", [issue(7, "excluded", "amountNotNumber")]);
    expect(none.rows).toHaveLength(2);
    expect(none.tables!.map((t) => t.ref)).toEqual(["A1:F2"]);
    expect(issuesTab("en", "Data issues", []).tables).toEqual([]);
  });

  it("in the report: the reconciliation beside, both tables written to the .xlsx", async () => {
    const report = buildReport(ingestOf(defaultExample(), { issues: ISSUES }), defaultPlan("en"), { lang: "en" });
    const s = report.sheets.find((x) => x.key === "issues")!;
    expect(s.rows[1][1]!.v).toBe(7);
    expect(s.rows[1][7]!.v).toBe("Rows read");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeReportXlsx(report)) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(s.name)!;
    const tables = (ws as unknown as { model: { tables: { name: string; tableRef: string }[] } }).model.tables;
    expect(tables.map((t) => t.name).sort()).toEqual(["SP_Conversions", "SP_Issues"]);
    const conversions = s.tables!.find((t) => t.name === "SP_Conversions")!;
    const first = Number(/A(\d+):/.exec(conversions.ref)![1]) + 1;
    expect(ws.getCell(`D${first}`).value).toBe("1,000");
  });
});
