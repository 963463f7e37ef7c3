// Several currencies from an .xlsx file on the command line (docs/reference/input.md "Currencies", cli.md): the
// amount cells' number formats and text symbols say the currency, a 汇率 sheet converts them, the report's Scorecard
// and Data issues carry the converted totals and the rates used; a bad rate stops the run naming its cell (exit 2).
import * as ExcelJS from "exceljs";
import * as path from "path";
import { runCli, tempDir } from "../cli/cliHelpers";
import { readXlsx } from "../../src/render/xlsx/readXlsx";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

async function writeBook(file: string, rate: number | string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet("销售明细");
  sales.addRow(["销售员", "日期", "金额"]);
  sales.addRow(["张伟", day("2026-04-02"), 1000]).getCell(3).numFmt = "$#,##0.00"; // USD by format: × 7.15 = 7150
  sales.addRow(["张伟", day("2026-04-03"), "€200.10"]); // EUR by symbol: × 7.8 = 1560.78
  sales.addRow(["王芳", day("2026-04-05"), 5000]).getCell(3).numFmt = "¥#,##0"; // CNY: 5000
  sales.addRow(["王芳", day("2026-04-06"), "1,000.5 USD"]); // × 7.15 = 7153.575 → 7153.58
  sales.getColumn(2).numFmt = "yyyy-mm-dd";
  const rates = wb.addWorksheet("汇率");
  rates.addRow(["币种", "汇率", "生效日期"]);
  rates.addRow(["人民币", 1, null]);
  rates.addRow(["美元", rate, "2026-01-01"]);
  rates.addRow(["欧元", 7.8, "2026-01-01"]);
  await wb.xlsx.writeFile(file);
}

describe("salesperf report with a 汇率 sheet", () => {
  const dir = tempDir("currency");

  it("scores the converted totals and lists the rates used", async () => {
    const input = path.join(dir, "sales.xlsx");
    const out = path.join(dir, "report.xlsx");
    await writeBook(input, 7.15);
    const run = await runCli("report", input, "-o", out, "--lang", "zh", "--period", "2026-Q2");
    expect(run.code).toBe(0);
    const sheets = await readXlsx(out);
    const scorecard = sheets.find((s) => s.name === "绩效评分")!;
    const revenue = (rep: string) => scorecard.values.find((r) => r[0] === rep)?.[2];
    // 张伟 7150 + 1560.78 = 8710.78; 王芳 5000 + 7153.58 = 12153.58
    expect(revenue("张伟")).toBe(8710.78);
    expect(revenue("王芳")).toBe(12153.58);
    const issues = sheets.find((s) => s.name === "数据问题")!;
    const heading = issues.values.findIndex((r) => r[0] === "所用汇率：金额折算为 CNY");
    expect(heading).toBeGreaterThan(0);
    expect(issues.values.slice(heading + 1, heading + 4).map((r) => r.slice(0, 6))).toEqual([
      ["币种", "生效日期", "汇率", "行数", "原币金额", "折算金额（CNY）"],
      ["EUR", 46023, 7.8, 1, 200.1, 1560.78],
      ["USD", 46023, 7.15, 2, 2000.5, 14303.58],
    ]);
  });

  it("stops on a bad rate, naming its cell, and writes nothing", async () => {
    const input = path.join(dir, "bad.xlsx");
    const out = path.join(dir, "bad-report.xlsx");
    await writeBook(input, "七");
    const run = await runCli("report", input, "-o", out, "--lang", "zh");
    expect(run.code).toBe(2);
    expect(run.err).toContain("'汇率'!B3：汇率“七”不是数字");
    const fs = await import("fs");
    expect(fs.existsSync(out)).toBe(false);
  });
});
