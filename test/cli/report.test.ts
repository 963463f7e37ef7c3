/** `salesperf report` (docs/reference/cli.md): exit codes, summary, tabs and charts, --lang zh headers, --with-data, input safety. */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { runReport } from "../../src/cli/reportCommand";
import { SAMPLES, chartsBySheet, runCli, sha256, tempDir } from "./cliHelpers";

const EN = path.join(SAMPLES, "sales-en.xlsx");
const ZH = path.join(SAMPLES, "sales-zh.xlsx");
let dir: string;
beforeAll(() => {
  dir = tempDir("cli");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** The row of a sheet whose first cell is `first` (the header row may sit under a title). */
function rowStartingWith(ws: ExcelJS.Worksheet, first: string): ExcelJS.CellValue[] | null {
  let found: ExcelJS.CellValue[] | null = null;
  ws.eachRow((row) => {
    if (!found && row.getCell(1).value === first) found = (row.values as ExcelJS.CellValue[]).slice(1);
  });
  return found;
}

function dataRowCount(file: string, sheet: string): Promise<number> {
  return load(file).then((wb) => wb.getWorksheet(sheet)!.actualRowCount - 1);
}

function writeJson(name: string, value: unknown): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, typeof value === "string" ? value : JSON.stringify(value));
  return p;
}

const kpis = (weights: number[], satisfactionTarget = 0.9) => [
  { name: "Revenue", field: "amount", aggregate: "sum", target: { growth: 0.1 }, weight: weights[0], cap: 1.5 },
  {
    name: "New customers",
    field: "new customer",
    aggregate: "count_true",
    target: { perMonth: 20 },
    weight: weights[1],
  },
  {
    name: "Customer satisfaction",
    field: "satisfaction",
    aggregate: "average",
    target: satisfactionTarget,
    weight: weights[2],
  },
  { name: "Manager rating", field: "behaviour", aggregate: "average", target: 4, weight: weights[3] },
];

describe("salesperf report — success", () => {
  let out: string;
  let run: { code: number; out: string; err: string };
  let inputHash: string;
  beforeAll(async () => {
    out = path.join(dir, "report-en.xlsx");
    inputHash = sha256(EN);
    run = await runCli("report", EN, "-o", out);
  });

  it("exits 0 with a one-line summary: reps scored, rows used, rows excluded, output path", async () => {
    expect(run.code).toBe(0);
    expect(run.err).toBe(""); // stderr is not a terminal here: no progress
    const m = /^Scored (\d+) reps for (\d{4}-Q[1-4]): (\d+) rows used, (\d+) rows excluded → (.+)\n$/.exec(run.out);
    expect(m).not.toBeNull();
    const [, reps, period, used, excluded, shown] = m!;
    expect(shown).toBe(out);
    expect(period).toBe("2026-Q2"); // the latest period in the sample (docs/reference/plan.md)
    // docs/reference/cleaning.md reconciliation: every data row of the sales sheet is used or excluded.
    expect(Number(used) + Number(excluded)).toBe(await dataRowCount(EN, "Sales"));
    const wb = await load(out);
    const scorecard = wb.getWorksheet("Scorecard")!;
    let repRows = 0;
    const header = rowStartingWith(scorecard, "Rep")!;
    scorecard.eachRow((row, r) => {
      const status = row.getCell(header.indexOf("Status") + 1).value;
      if (r > 1 && row.getCell(header.indexOf("Rank") + 1).value !== null && status !== "Status") repRows++;
    });
    expect(Number(reps)).toBe(repRows);
  });

  it("writes the eight tabs of docs/reference/tabs.md in order, the Pay history before Plan (history.md)", async () => {
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Scorecard",
      "Ranking",
      "Coaching",
      "Trends",
      "Bonus",
      "Data issues",
      "Pay history",
      "Plan",
    ]);
  });

  it("draws a bar chart on Ranking and a line chart on Trends (chart parts referenced from the sheets)", async () => {
    const charts = await chartsBySheet(out);
    expect(charts.Ranking.length).toBeGreaterThanOrEqual(1);
    expect(charts.Trends.length).toBeGreaterThanOrEqual(1);
    expect(charts.Scorecard).toEqual([]);
    expect(charts.Summary.length).toBe(1);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const summaryChart = await zip.file(charts.Summary[0])!.async("string");
    expect(summaryChart).toContain('<c:barDir val="bar"/>');
    expect(summaryChart.match(/<c:ser>/g)).toHaveLength(2); // actual and target
    expect(await zip.file(charts.Ranking[0])!.async("string")).toContain('<c:barDir val="bar"/>');
    expect(await zip.file(charts.Trends[0])!.async("string")).toContain("<c:lineChart>");
  });

  it("the en Scorecard header row holds exactly the docs/reference/cli.md cells", async () => {
    const wb = await load(out);
    expect(rowStartingWith(wb.getWorksheet("Scorecard")!, "Rep")).toEqual([
      "Rep",
      "Team",
      ...["Revenue", "New customers", "Customer satisfaction", "Manager rating"].flatMap((k) => [
        `${k} actual`,
        `${k} target`,
        `${k} attainment`,
      ]),
      "Score",
      "Rank",
      "Status",
      "Bonus",
      "Tie order (name)",
      "Notes",
    ]);
  });

  it("never modifies the input file", () => {
    expect(sha256(EN)).toBe(inputHash);
  });

  it('keeps data text that starts with "=" as text: no formula in the file mentions HYPERLINK', async () => {
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    for (const p of Object.keys(zip.files).filter((f) => f.startsWith("xl/worksheets/sheet"))) {
      expect(await zip.file(p)!.async("string")).not.toMatch(/<f>[^<]*HYPERLINK/i);
    }
  });

  it("leaves no temporary file beside the output", () => {
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });
});

describe("salesperf report --lang zh", () => {
  it("writes Chinese tabs and exactly the docs/reference/cli.md Scorecard header; status is 优秀, 待辅导 or blank", async () => {
    const out = path.join(dir, "report-zh.xlsx");
    const run = await runCli("report", ZH, "-o", out, "--lang", "zh");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^已评分 \d+ 名销售员（2026-Q2）：使用 \d+ 行，排除 \d+ 行 → .+\n$/);
    const wb = await load(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "总览",
      "绩效评分",
      "排名",
      "辅导",
      "趋势",
      "奖金",
      "数据问题",
      "历史记录",
      "考核方案",
    ]);
    const ws = wb.getWorksheet("绩效评分")!;
    const header = rowStartingWith(ws, "销售员")!;
    expect(header).toEqual([
      "销售员",
      "团队",
      ...["销售额", "新客户", "客户满意度", "主管评分"].flatMap((k) => [`实际${k}`, `目标${k}`, `${k}达成率`]),
      "综合得分",
      "排名",
      "状态",
      "奖金",
      "同分排序（按姓名）",
      "备注",
    ]);
    const statusCol = header.indexOf("状态") + 1;
    const statuses = new Set<string>();
    let seenHeader = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "销售员") seenHeader = true;
      else if (seenHeader && row.getCell(header.indexOf("排名") + 1).value !== null) {
        const v = row.getCell(statusCol).value;
        // A formula whose cached result is "" reads back without a result.
        const s = v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
        statuses.add(s === null || s === undefined ? "" : String(s));
      }
    });
    expect([...statuses].every((s) => ["优秀", "待辅导", ""].includes(s))).toBe(true);
    expect(statuses.has("优秀")).toBe(true);
    expect(statuses.has("待辅导")).toBe(true);
    const charts = await chartsBySheet(out);
    expect(charts["排名"].length).toBeGreaterThanOrEqual(1);
    expect(charts["趋势"].length).toBeGreaterThanOrEqual(1);
  });
});

describe("salesperf report --with-data", () => {
  it("adds copies of the input's sheets with values and number formats; formula-like text stays text", async () => {
    const out = path.join(dir, "with-data.xlsx");
    const run = await runCli("report", EN, "-o", out, "--with-data");
    expect(run.code).toBe(0);
    const [mine, input] = await Promise.all([load(out), load(EN)]);
    expect(mine.worksheets.map((w) => w.name)).toEqual([
      "Summary",
      "Scorecard",
      "Ranking",
      "Coaching",
      "Trends",
      "Bonus",
      "Data issues",
      "Pay history",
      "Plan",
      ...input.worksheets.map((w) => w.name),
    ]);
    let compared = 0;
    let formulaLike = 0;
    for (const src of input.worksheets) {
      const copy = mine.getWorksheet(src.name)!;
      src.eachRow((row, r) => {
        row.eachCell((cell, c) => {
          const got = copy.findCell(r, c)!; // findCell: exceljs, not Office.js (the office-addins lint rule keys on getCell)
          const v = cell.value;
          if (v && typeof v === "object" && !(v instanceof Date) && "formula" in v) return;
          expect(got.value).toEqual(v);
          if (cell.numFmt && cell.numFmt !== "General") expect(got.numFmt).toBe(cell.numFmt);
          if (typeof v === "string" && /^[=+\-@]/.test(v)) {
            formulaLike++;
            expect(got.type).toBe(ExcelJS.ValueType.String);
          }
          compared++;
        });
      });
    }
    expect(compared).toBeGreaterThan(10000);
    expect(formulaLike).toBeGreaterThanOrEqual(1); // the sample's "=HYPERLINK(…)" customer
  });
});

describe("salesperf report — period and plan sources", () => {
  it.each([
    ["2026-Q1", /for 2026-Q1:/],
    ["2026-03", /for 2026-03:/],
    ["2026", /for 2026:/],
  ])("--period %s sets the kind and the scored period", async (period, expected) => {
    const out = path.join(dir, `period-${period}.xlsx`);
    const run = await runCli("report", EN, "-o", out, "--period", period);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(expected);
  });

  it("exits 2 and writes nothing when no rep has sales in the chosen period, naming the data's date range", async () => {
    const out = path.join(dir, "empty-period.xlsx");
    const run = await runCli("report", EN, "-o", out, "--period", "2030-Q1");
    expect(run.code).toBe(2);
    expect(run.err).toContain("has no sales in 2030-Q1, the scored period; its sales run from 2026-01-");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("reads the plan from the input's Plan sheet when no --plan is given (an error names the cell)", async () => {
    const first = path.join(dir, "round-1.xlsx");
    expect((await runCli("report", EN, "-o", first, "--with-data")).code).toBe(0);
    // Break the Plan sheet: the Revenue weight 40% → 50% makes the weights add up to 110%.
    const wb = await load(first);
    const plan = wb.getWorksheet("Plan")!;
    let changed = "";
    plan.eachRow((row) => {
      if (changed || row.getCell(1).value !== "Revenue") return;
      row.eachCell((cell) => {
        if (!changed && cell.value === 0.4) {
          cell.value = 0.5;
          changed = cell.address;
        }
      });
    });
    expect(changed).not.toBe("");
    const edited = path.join(dir, "round-1-edited.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = path.join(dir, "round-2.xlsx");
    const run = await runCli("report", edited, "-o", out);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/Plan!/);
    expect(run.err).toMatch(/weights add up to 110%, not 100%/);
    expect(fs.existsSync(out)).toBe(false);
    // The unedited round-trip scores with its own Plan sheet.
    const again = await runCli("report", first, "-o", out);
    expect(again.code).toBe(0);
  });
});

describe("salesperf report — Targets sheet", () => {
  async function withTargets(rows: (string | number)[][]): Promise<string> {
    const wb = await load(EN);
    const ws = wb.addWorksheet("Targets");
    ws.addRow(["Rep", "KPI", "Target"]);
    rows.forEach((r) => ws.addRow(r));
    const file = path.join(dir, `targets-${rows.length}-${String(rows[0]?.[2])}.xlsx`);
    await wb.xlsx.writeFile(file);
    return file;
  }

  it("a Targets sheet in the input overrides the plan's target for that rep (docs/reference/plan.md)", async () => {
    const input = await withTargets([["Alice Chen", "Revenue", 123456]]);
    const out = path.join(dir, "targets-report.xlsx");
    expect((await runCli("report", input, "-o", out)).code).toBe(0);
    const ws = (await load(out)).getWorksheet("Scorecard")!;
    const header = rowStartingWith(ws, "Rep")!;
    const targetCol = header.indexOf("Revenue target") + 1;
    let alice: unknown = undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === "Alice Chen") {
        const v = row.getCell(targetCol).value;
        alice = v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
      }
    });
    expect(alice).toBe(123456);
  });

  it("a wrong Targets sheet stops with exit 2 naming the cell", async () => {
    const input = await withTargets([["Alice Chen", "Revenue", -5]]);
    const out = path.join(dir, "targets-bad.xlsx");
    const run = await runCli("report", input, "-o", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain("Targets!C2: target must be greater than 0");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("salesperf report — a Plan or Targets sheet it cannot read stops the run (exit 2, nothing written)", () => {
  it("Targets: 12,5 is refused naming the cell, 12,500 is twelve thousand five hundred", async () => {
    const wb = await load(EN);
    const ws = wb.addWorksheet("Targets");
    [
      ["Rep", "KPI", "Target"],
      ["Alice Chen", "Revenue", "12,5"],
    ].forEach((r) => ws.addRow(r));
    const bad = path.join(dir, "targets-decimal-comma.xlsx");
    await wb.xlsx.writeFile(bad);
    const out = path.join(dir, "targets-decimal-comma-report.xlsx");
    fs.writeFileSync(out, "an earlier report");
    const before = sha256(out);
    const run = await runCli("report", bad, "-o", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      'Targets!C2: target "12,5" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
    );
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(sha256(out)).toBe(before);

    ws.getCell("C2").value = "12,500";
    const good = path.join(dir, "targets-thousands.xlsx");
    await wb.xlsx.writeFile(good);
    const okOut = path.join(dir, "targets-thousands-report.xlsx");
    expect((await runCli("report", good, "-o", okOut)).code).toBe(0);
    const scorecard = (await load(okOut)).getWorksheet("Scorecard")!;
    const targetCol = rowStartingWith(scorecard, "Rep")!.indexOf("Revenue target") + 1;
    let alice: unknown;
    scorecard.eachRow((row) => {
      if (row.getCell(1).value !== "Alice Chen") return;
      const v = row.getCell(targetCol).value;
      alice = v && typeof v === "object" && "formula" in v ? (v as ExcelJS.CellFormulaValue).result : v;
    });
    expect(alice).toBe(12500);
  });

  it("a Chinese Plan sheet edited into nonsense: every problem listed by cell, in Chinese", async () => {
    const first = path.join(dir, "zh-plan-round-1.xlsx");
    expect((await runCli("report", ZH, "-o", first, "--lang", "zh", "--with-data")).code).toBe(0);
    const wb = await load(first);
    const plan = wb.getWorksheet("考核方案")!;
    plan.getCell("G21").value = "四成"; // a weight as words
    plan.getCell("E22").value = -30; // a negative target
    plan.getCell("A23").value = null; // a blank KPI name
    plan.getCell("E24").value = "1.234,50"; // a decimal comma
    plan.getCell("A31").value = 0.5; // the curve's x goes back
    plan.spliceRows(16, 1); // the 前 N 名 row deleted: everything below moves up one row
    const edited = path.join(dir, "zh-plan-nonsense.xlsx");
    await wb.xlsx.writeFile(edited);
    const out = path.join(dir, "zh-plan-nonsense-report.xlsx");
    const run = await runCli("report", edited, "-o", out, "--lang", "zh");
    expect(run.code).toBe(2);
    for (const line of [
      "考核方案：A 列中找不到“前 N 名”这一行",
      "'考核方案'!G20：权重必须是数字",
      "'考核方案'!E21：目标必须大于 0",
      "'考核方案'!A22：缺少指标",
      "'考核方案'!E23：目标“1.234,50”无法识别：逗号只能作千位分隔符（如 12,500），小数请用小数点（如 12.5）",
      "'考核方案'!A30：曲线的 x 值必须严格递增：0.5 排在 1 之后",
    ]) {
      expect(run.err).toContain(line);
    }
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("salesperf report — failures", () => {
  it.each([
    ["no arguments", []],
    ["no -o", ["report", EN]],
    ["an unknown option", ["report", EN, "-o", "x.xlsx", "--colour"]],
    ["--lang fr", ["report", EN, "-o", "x.xlsx", "--lang", "fr"]],
    ["--period Q5", ["report", EN, "-o", "x.xlsx", "--period", "Q5"]],
    ["an output that is not .xlsx", ["report", EN, "-o", "x.csv"]],
    ["a missing input file", ["report", "no-such-file.xlsx", "-o", "x.xlsx"]],
  ])("exits 1 on a usage error: %s", async (_name, args) => {
    const run = await runCli(...(args as string[]));
    expect(run.code).toBe(1);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
  });

  it("refuses -o equal to the input (also spelled differently) and leaves the input untouched", async () => {
    const input = path.join(dir, "input-copy.xlsx");
    fs.copyFileSync(EN, input);
    const before = sha256(input);
    for (const o of [input, path.join(dir, ".", "..", path.basename(dir), "input-copy.xlsx")]) {
      const run = await runCli("report", input, "-o", o);
      expect(run.code).toBe(1);
      expect(run.err).toContain("the input is never written to");
    }
    fs.symlinkSync(input, path.join(dir, "link.xlsx"));
    expect((await runCli("report", input, "-o", path.join(dir, "link.xlsx"))).code).toBe(1);
    expect(sha256(input)).toBe(before);
  });

  it.each([
    ["weights adding up to 90%", { kpis: kpis([0.4, 0.3, 0.1, 0.1]) }, "kpis: weights add up to 90%, not 100%"],
    [
      "a negative target",
      { kpis: kpis([0.4, 0.3, 0.15, 0.15], -0.9) },
      "kpis[2].target: target must be greater than 0",
    ],
    [
      "a non-increasing curve",
      {
        kpis: kpis([0.4, 0.3, 0.15, 0.15]),
        bonus: {
          curve: [
            [1, 1],
            [0.5, 2],
          ],
        },
      },
      "bonus.curve",
    ],
    ["broken JSON", '{ "kpis": [ ', "the plan is not valid JSON"],
  ])("exits 2 on an invalid plan (%s), naming the JSON path, writing nothing", async (name, plan, expected) => {
    const planPath = writeJson(`plan-${name.replace(/\W+/g, "-")}.json`, plan);
    const out = path.join(dir, "never.xlsx");
    const run = await runCli("report", EN, "-o", out, "--plan", planPath);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`The plan in ${planPath} is invalid`);
    expect(run.err).toContain(expected);
    expect(run.err).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("exits 2 when the input has no sales table, with a message that says what to fix", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Notes");
    ws.addRow(["Quarterly notes"]);
    ws.addRow(["Call the accountant", 42]);
    const input = path.join(dir, "no-sales.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "no-sales-report.xlsx");
    const run = await runCli("report", input, "-o", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`${input} cannot be scored`);
    expect(run.err).toContain("header row naming at least a rep column");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("exits 2 when the input is not an .xlsx workbook", async () => {
    const input = path.join(dir, "fake.xlsx");
    fs.writeFileSync(input, "Rep,Amount\nAnn,5\n");
    const run = await runCli("report", input, "-o", path.join(dir, "fake-out.xlsx"));
    expect(run.code).toBe(2);
    expect(run.err).toContain("cannot be read as an .xlsx workbook");
  });

  it("shows progress on stderr only when stderr is a terminal", async () => {
    const lines: string[] = [];
    const wasTTY = process.stderr.isTTY;
    try {
      process.stderr.isTTY = true;
      const r = await runReport({
        input: EN,
        output: path.join(dir, "tty.xlsx"),
        lang: "en",
        stderr: (s) => lines.push(s),
      });
      expect(r.code).toBe(0);
    } finally {
      process.stderr.isTTY = wasTTY;
    }
    expect(lines.join("")).toContain(`Reading ${EN}`);
    expect(lines.join("")).toContain("Scoring…");
    expect(lines.join("")).toContain(`Writing ${path.join(dir, "tty.xlsx")}`);
  });

  it("runReport returns the failure message as its summary (for demo/statements) and writes nothing", async () => {
    const out = path.join(dir, "api.xlsx");
    const r = await runReport({ input: EN, output: out, lang: "zh", period: "2026-Q9" });
    expect(r.code).toBe(1);
    expect(r.summary).toContain("--period 2026-Q9");
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe("a KPI measured by a column's exact header (docs/reference/input.md)", () => {
  it("reads that column: distinct products per rep in the quarter", async () => {
    const plan = writeJson("products.json", {
      kpis: [
        { name: "Revenue", field: "amount", aggregate: "sum", target: 1000000, weight: 0.5 },
        { name: "Products sold", field: "Product", aggregate: "count_unique", target: 4, weight: 0.5 },
      ],
    });
    const out = path.join(dir, "products.xlsx");
    const run = await runCli("report", EN, "-o", out, "--plan", plan, "--period", "2026-Q2");
    expect(run.code).toBe(0);

    // Expected from the sample itself: distinct Product values per rep among Q2 rows.
    const input = await load(EN);
    const sales = input.getWorksheet("Sales")!;
    const products = new Map<string, Set<string>>();
    sales.eachRow((row, r) => {
      const date = row.getCell(1).value;
      if (r === 1 || !(date instanceof Date) || date < new Date("2026-04-01") || date >= new Date("2026-07-01")) return;
      const rep = String(row.getCell(2).value).trim().replace(/\s+/g, " ");
      if (!products.has(rep)) products.set(rep, new Set());
      products.get(rep)!.add(String(row.getCell(6).value));
    });

    const scorecard = (await load(out)).getWorksheet("Scorecard")!;
    const header = (scorecard.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    const col = header.indexOf("Products sold actual") + 1;
    expect(col).toBeGreaterThan(0);
    let checked = 0;
    scorecard.eachRow((row, r) => {
      if (r === 1) return;
      const rep = String(row.getCell(1).value);
      expect(row.getCell(col).value).toBe(products.get(rep)!.size);
      checked++;
    });
    expect(checked).toBe(10);
  });
});
