// Dates that do not belong (docs/reference/robustness.md): a sales row dated 9999-12-31 or 2062 (typed for 2026)
// gives a normal report that lists the row on Data issues, in English and Chinese, and a bounded Trends tab.
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { SAMPLES, runCli, tempDir } from "./cliHelpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("far-dates");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A copy of a sample whose sales sheet gains two rows like its last one, dated 9999-12-31 and 2062-04-15. */
async function withFarDates(sample: string, out: string): Promise<{ rows: number[]; dataRows: number }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(SAMPLES, sample));
  const ws = wb.worksheets[0];
  const header = (ws.getRow(1).values as ExcelJS.CellValue[]).map((v) => String(v ?? ""));
  const dateCol = header.findIndex((h) => /^(date|日期)/i.test(h));
  expect(dateCol).toBeGreaterThan(0);
  const last = ws.getRow(ws.rowCount).values as ExcelJS.CellValue[];
  const rows: number[] = [];
  for (const day of [Date.UTC(9999, 11, 31), Date.UTC(2062, 3, 15)]) {
    const values = [...last];
    values[dateCol] = new Date(day);
    const row = ws.addRow(values.slice(1));
    row.getCell(dateCol).numFmt = "yyyy-mm-dd";
    rows.push(row.number);
  }
  await wb.xlsx.writeFile(out);
  return { rows, dataRows: ws.rowCount - 1 };
}

describe.each([
  [
    "en",
    "sales-en.xlsx",
    "Data issues",
    "Trends",
    /^Scored \d+ reps for (\d{4}-Q[1-4]): (\d+) rows used, (\d+) rows excluded/,
  ],
  ["zh", "sales-zh.xlsx", "数据问题", "趋势", /(\d{4}-Q[1-4]).*?(\d+) 行.*?(\d+) 行/],
] as const)("salesperf report --lang %s with far dates", (lang, sample, issuesTab, trendsTab, summary) => {
  let input: string;
  let added: { rows: number[]; dataRows: number };
  beforeAll(async () => {
    input = path.join(dir, `far-${sample}`);
    added = await withFarDates(sample, input);
  });

  it("exits 0, scores the latest usual period, counts the rows as used and lists them", async () => {
    const out = path.join(dir, `far-${lang}.xlsx`);
    const run = await runCli("report", input, "-o", out, "--lang", lang);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const m = summary.exec(run.out)!;
    expect(m).not.toBeNull();
    expect(m[1]).toBe("2026-Q2");
    expect(Number(m[2]) + Number(m[3])).toBe(added.dataRows);

    const sheets = await readXlsx(out);
    const issues = sheets.find((s) => s.name === issuesTab)!.values;
    for (const row of added.rows) {
      const line = issues.find((r) => r.includes(row) && r.some((c) => typeof c === "string" && /9999|2062/.test(c)));
      expect(line).toBeDefined();
      const text = line!.filter((c) => typeof c === "string").join(" ");
      expect(text).toMatch(lang === "en" ? /far from the other sales/ : /远离其他销售日期/);
    }
    // Trends: the usual months only, not one column per quarter up to 9999.
    const trendsHeader = sheets.find((s) => s.name === trendsTab)!.values[0];
    const periods = trendsHeader.filter((c) => typeof c === "string" && /^\d{4}-Q\d$/.test(c));
    expect(periods.length).toBeGreaterThan(0);
    expect(periods.length).toBeLessThanOrEqual(8);
    expect(periods.every((p) => String(p).startsWith("202"))).toBe(true);
  });

  it("--period 9999-Q4 scores that period and shows it on Trends", async () => {
    const out = path.join(dir, `far-9999-${lang}.xlsx`);
    const run = await runCli("report", input, "-o", out, "--lang", lang, "--period", "9999-Q4");
    expect(run.code).toBe(0);
    const sheets = await readXlsx(out);
    const trendsHeader = sheets.find((s) => s.name === trendsTab)!.values[0];
    expect(trendsHeader).toContain("9999-Q4");
    expect(trendsHeader.length).toBeLessThanOrEqual(40);
  });
});
