// `salesperf demo` (docs/reference/cli.md): writes the demo workbook, hands it to the report pipeline, prints both paths.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { CommanderError } from "commander";
import ExcelJS from "exceljs";
import { DEMO_REPORT_FILE, DEMO_SALES_FILE, demoCommand, runDemo, type RunReportOptions } from "../../src/cli/demo";

describe("demo command", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-demo-cmd-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function setup(result = { code: 0, summary: "12 reps scored, 100 rows used, 3 rows excluded" }) {
    const out: string[] = [];
    const err: string[] = [];
    const calls: RunReportOptions[] = [];
    // No stdout/stderr in the io: the command must write where its output is configured, as main.ts sets it.
    const cmd = demoCommand({
      isTTY: false,
      runReport: async (opts) => {
        calls.push(opts);
        return result;
      },
    });
    cmd.exitOverride().configureOutput({ writeOut: (s) => out.push(s), writeErr: (s) => err.push(s) });
    return { cmd, out, err, calls };
  }

  it("writes the demo workbook, runs the report on it and prints both paths", async () => {
    const folder = path.join(dir, "zh-run");
    const { cmd, out, err, calls } = setup();
    await cmd.parseAsync(["-o", folder, "--lang", "zh", "--reps", "4", "--months", "3", "--rows", "120"], {
      from: "user",
    });
    const sales = path.join(folder, DEMO_SALES_FILE);
    const report = path.join(folder, DEMO_REPORT_FILE);
    expect(calls).toEqual([{ input: sales, output: report, lang: "zh", stderr: expect.any(Function) }]);
    expect(out.join("")).toBe(
      `演示数据：${sales}\n绩效报表：${report}\n12 reps scored, 100 rows used, 3 rows excluded\n`,
    );
    expect(err).toEqual([]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(sales);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["销售明细", "主管评分"]);
    expect(wb.getWorksheet("销售明细")!.rowCount).toBe(121);
    expect(wb.getWorksheet("主管评分")!.rowCount).toBe(1 + 4 * 3);
  });

  it("passes the report's exit code on, with a message naming the demo file", async () => {
    const folder = path.join(dir, "failing");
    const { cmd, err } = setup({ code: 2, summary: "no sales table found" });
    const run = cmd.parseAsync(["-o", folder, "--rows", "50"], { from: "user" });
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(err.join("")).toBe(
      `The demo data was written (${path.join(folder, DEMO_SALES_FILE)}) but the report failed: no sales table found\n`,
    );
  });

  it.each([
    [["--reps", "0"], /--reps <n>.*expected a whole number from 1 to 10000, got "0"/],
    [["--months", "two"], /--months <n>.*got "two"/],
    [["--rows", "1.5"], /--rows <n>.*got "1.5"/],
    [["--lang", "fr"], /--lang.*fr.*en, zh/],
  ])("rejects %p as a usage error (exit 1)", async (args, message) => {
    const { cmd, err, calls } = setup();
    const run = cmd.parseAsync(["-o", path.join(dir, "never"), ...args], { from: "user" });
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    await run.catch((e: CommanderError) => expect(e.exitCode).toBe(1));
    expect(err.join("")).toMatch(message);
    expect(calls).toEqual([]);
    expect(fs.existsSync(path.join(dir, "never"))).toBe(false);
  });

  it("reports a folder it cannot write to with exit 2", async () => {
    const blocker = path.join(dir, "a-file");
    fs.writeFileSync(blocker, "not a folder");
    const { cmd, err, calls } = setup();
    const run = cmd.parseAsync(["-o", path.join(blocker, "sub"), "--rows", "10"], { from: "user" });
    await expect(run).rejects.toMatchObject({ exitCode: 2 });
    expect(err.join("")).toMatch(
      /^Cannot write the demo workbook in .*a-file.sub: .*Choose another folder with -o\.\n$/,
    );
    expect(calls).toEqual([]);
  });

  it("defaults to ./salesperf-demo, English, 12 reps, 6 months, seed 1", () => {
    const { cmd } = setup();
    cmd.parseOptions([]);
    expect(cmd.opts()).toEqual({ output: "./salesperf-demo", lang: "en", reps: 12, months: 6, seed: 1 });
  });

  // The real report pipeline (src/cli/reportCommand.ts) on the demo data: the eight tabs of docs/reference/tabs.md and
  // the Pay history (docs/reference/history.md), the Scorecard header of docs/reference/cli.md, and the messy rows reported on the Data issues tab.
  it.each([
    [
      "en",
      ["Summary", "Scorecard", "Ranking", "Coaching", "Trends", "Bonus", "Data issues", "Pay history", "Plan"],
      ["Rep", "Team", "Revenue actual"],
    ],
    [
      "zh",
      ["总览", "绩效评分", "排名", "辅导", "趋势", "奖金", "数据问题", "历史记录", "考核方案"],
      ["销售员", "团队", "实际销售额"],
    ],
  ] as const)("%s: the real report runs on the demo data", async (lang, tabs, header) => {
    const out: string[] = [];
    const folder = path.join(dir, `real-${lang}`);
    const result = await runDemo(
      { folder, lang, reps: 8, months: 6, seed: 2 },
      { stdout: (s) => out.push(s), stderr: () => undefined, isTTY: false },
    );
    expect(result).toEqual({
      code: 0,
      salesPath: path.join(folder, DEMO_SALES_FILE),
      reportPath: path.join(folder, DEMO_REPORT_FILE),
    });
    expect(out[0]).toContain(result.salesPath);
    expect(out[1]).toContain(result.reportPath);
    expect(out).toHaveLength(3); // the two paths and the report's one-line summary
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(result.reportPath);
    const names = wb.worksheets.map((w) => w.name);
    for (const tab of tabs) expect(names).toContain(tab);
    const scorecard = wb.getWorksheet(tabs[1])!;
    expect((scorecard.getRow(1).values as unknown[]).slice(1, 4)).toEqual([...header]);
    const issues: string[] = [];
    wb.getWorksheet(tabs.find((n) => n === "Data issues" || n === "数据问题")!)!.eachRow((row) =>
      issues.push(JSON.stringify(row.values)),
    );
    expect(issues.join("\n")).toContain("#N/A");
  });
});
