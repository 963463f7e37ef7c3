/**
 * `salesperf report` on workbooks shaped like real ones (docs/reference/cleaning.md, plan.md): a Targets name that differs from a sales rep
 * only in case and spacing is that rep (no phantom rep scored 0 and marked Top), a rep named only on Targets is
 * still scored, and a Ratings row whose rep sold nothing is listed on Data issues with its sheet and row.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("repnames");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const d = (m: number, day: number): Date => new Date(Date.UTC(2026, m - 1, day));

async function input(lang: "en" | "zh"): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet("Sales");
  sales.addRow(["Date", "Rep", "Amount", "New customer"]);
  sales.addRow([d(4, 5), "Carl", 100, "yes"]);
  sales.addRow([d(4, 5), "Dora", 200, "no"]);
  sales.addRow([d(1, 5), "Carl", 100, "yes"]);
  sales.addRow([d(1, 5), "Dora", 100, "yes"]);
  const ratings = wb.addWorksheet("Ratings");
  ratings.addRow(["Rep", "Month", "Manager rating"]);
  ratings.addRow(["CARL", "2026-04", 4]);
  ratings.addRow(["Dora", "2026-05", 4]);
  ratings.addRow(["Hidden Person", "2026-05", 5]);
  const targets = wb.addWorksheet(lang === "en" ? "Targets" : "目标");
  targets.addRow(["Rep", "KPI", "Target"]);
  targets.addRow([" carl ", "revenue", 50]);
  targets.addRow(["Olga", "Revenue", 1000]);
  const file = path.join(dir, `t-${lang}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function rows(file: string, sheet: string, width: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  wb.getWorksheet(sheet)!.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    // row.values is sparse (index 0 and empty cells are holes).
    out.push(
      Array.from({ length: width }, (_, c) => {
        const v = values[c + 1];
        return v && typeof v === "object" && "formula" in v ? v.result : (v ?? null);
      }),
    );
  });
  return out;
}

const EN_LISTED = [
  [
    "Sales",
    null,
    "carl",
    "Merged",
    'Per-rep target for "carl" applied to the sales rep "Carl" (names compared ignoring case)',
  ],
  ["Ratings", 2, "CARL", "Merged", '"CARL" matched the sales rep "Carl" (names compared ignoring case); 1 row(s)'],
  [
    "Sales",
    null,
    "Olga",
    "Kept",
    "Olga: named on Targets but not found among the sales reps; scored with no sales (check the spelling)",
  ],
  ["Ratings", 4, "Hidden Person", "Ignored", "Hidden Person: rep not found among the sales reps; this row is not used"],
];
const ZH_LISTED = [
  ["Sales", null, "carl", "已归入", "“carl”的个人目标已用于销售员“Carl”（姓名比较不区分大小写）"],
  ["Ratings", 2, "CARL", "已归入", "“CARL”已对应销售员“Carl”（姓名比较不区分大小写）；共 1 行"],
  ["Sales", null, "Olga", "已保留", "Olga：列在目标表中，但在销售员中找不到此人；按无销售评分（请检查姓名拼写）"],
  ["Ratings", 4, "Hidden Person", "已忽略", "Hidden Person：在销售员中找不到此人；该行未使用"],
];

describe.each([
  ["en", "Scorecard", "Data issues", EN_LISTED],
  ["zh", "绩效评分", "数据问题", ZH_LISTED],
] as const)("report --lang %s", (lang, scorecard, issuesTab, expected) => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, `out-${lang}.xlsx`);
    const run = await runCli("report", await input(lang), "-o", out, "--lang", lang);
    expect([run.code, run.err]).toEqual([0, ""]);
  });

  it("scores Carl with the target set for ' carl ', Olga (Targets only), and no 'carl'", async () => {
    const card = await rows(out, scorecard, 4);
    // Rep, Team, Revenue actual, Revenue target; Carl: 100 against 50.
    expect(card.slice(1).sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      ["Carl", null, 100, 50],
      ["Dora", null, 200, 110],
      ["Olga", null, 0, 1000],
    ]);
  });

  it("lists the name matches, the rating of nobody scored and the Targets-only rep on Data issues", async () => {
    // (Olga's scoring notes — no rating, weights rescaled — are "Skipped" rows, as for any rep.)
    const skipped = lang === "en" ? "Skipped" : "已跳过";
    const listed = (await rows(out, issuesTab, 6)).filter(
      (r) => ["carl", "CARL", "Hidden Person", "Olga"].includes(String(r[3])) && r[4] !== skipped,
    );
    // Sheet, Row, Raw value, Action, Reason (the Column cell is empty: a name is the whole row's).
    expect(listed.map((r) => r[2])).toEqual([null, null, null, null]);
    expect(listed.map((r) => [r[0], r[1], r[3], r[4], r[5]])).toEqual(expected);
  });
});
