/**
 * Joiners and leavers from the command line (docs/reference/plan.md "Joiners and leavers", input.md "People sheet"):
 * `report` and `statements` read Start / End from the Targets sheet or a People / 人员 sheet of the workbook alone.
 * 2026-Q2 has 91 days; Dora joins on 1 May (61 days), Ed left on 31 March and still has a row booked in April.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { runCli, tempDir } from "./cliHelpers";

let dir: string;
beforeAll(() => {
  dir = tempDir("prorate");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const d = (m: number, day: number): Date => new Date(Date.UTC(2026, m - 1, day));

/** `dates`: where Start / End are written — Targets columns, or a People sheet whose rows are given. */
async function input(name: string, dates: "targets" | (string | Date | null)[][], lang: "en" | "zh" = "en") {
  const wb = new ExcelJS.Workbook();
  const sales = wb.addWorksheet("Sales");
  sales.addRow(["Date", "Rep", "Amount", "New customer"]);
  sales.addRow([d(1, 5), "Carl", 100, "yes"]);
  sales.addRow([d(1, 5), "Dora", 100, "yes"]);
  sales.addRow([d(4, 5), "Carl", 120, "yes"]);
  sales.addRow([d(5, 5), "Dora", 110, "no"]);
  sales.addRow([d(4, 5), "Ed", 300, "yes"]);
  if (dates === "targets") {
    const targets = wb.addWorksheet("Targets");
    targets.addRow(["Rep", "KPI", "Target", "Start", "End"]);
    targets.addRow(["Carl", "Revenue", 100, null, null]);
    targets.addRow(["Dora", null, null, "2026-05-01", null]);
    targets.addRow(["Ed", null, null, null, d(3, 31)]);
  } else {
    const people = wb.addWorksheet(lang === "en" ? "People" : "人员");
    for (const row of dates) people.addRow(row);
  }
  const file = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

async function rows(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: unknown[][] = [];
  const ws = wb.getWorksheet(sheet)!;
  ws.eachRow((row) => {
    const values = row.values as ExcelJS.CellValue[];
    out.push(
      Array.from({ length: ws.columnCount }, (_, c) => {
        const v = values[c + 1];
        return v && typeof v === "object" && "formula" in v ? v.result : (v ?? null);
      }),
    );
  });
  return out;
}

describe.each([
  ["Targets columns", "targets" as const],
  [
    "a People sheet",
    [
      ["Rep", "Start", "End"],
      ["Dora", "2026-05-01", null],
      ["Ed", null, d(3, 31)],
    ],
  ],
])("report with Start / End on %s", (label, dates) => {
  let out: string;
  beforeAll(async () => {
    out = path.join(dir, `${label}.xlsx`);
    const run = await runCli("report", await input(`in-${label}`, dates), "-o", out, "--period", "2026-Q2");
    expect([run.code, run.err]).toEqual([0, ""]);
  });

  it("Dora's targets are × 61/91, shown in the Proration column; Ed is not on the Scorecard", async () => {
    const card = await rows(out, "Scorecard");
    const header = card[0];
    const c = header.indexOf("Proration");
    expect(c).toBe(header.length - 1);
    const dora = card.find((r) => r[0] === "Dora")!;
    expect(dora[c]).toBeCloseTo(61 / 91, 15);
    // Revenue: growth 10 % on her 100 of Q1, × 61/91; new customers 20 a month × 3, × 61/91.
    expect(dora[3]).toBeCloseTo((110 * 61) / 91, 9);
    expect(dora[6]).toBeCloseTo((60 * 61) / 91, 9);
    expect(card.find((r) => r[0] === "Carl")![c]).toBe(1);
    expect(card.map((r) => r[0])).not.toContain("Ed");
  });

  it("Data issues says why Ed is not ranked and how Dora's factor is made", async () => {
    const reasons = (await rows(out, "Data issues")).map((r) => String(r[5] ?? ""));
    expect(reasons).toContain(
      "Ed left before 2026-Q2 (… – 2026-03-31): not scored or ranked; sales rows dated in the period: 1, amount 300, kept in the reconciliation",
    );
    expect(reasons).toContain("Dora: active 61 of 91 days in 2026-Q2 (2026-05-01 – …); sum and count targets × 61/91");
  });
});

describe("Start / End problems from the command line", () => {
  it("an unreadable date and a name nobody has are listed by cell; the report is written", async () => {
    const file = await input(
      "bad-dates",
      [
        ["销售员", "入职日期", "离职日期"],
        ["Dora", "下个月", null],
        ["Doro", "2026-05-01", null],
      ],
      "zh",
    );
    const out = path.join(dir, "bad-dates-out.xlsx");
    const run = await runCli("report", file, "-o", out, "--period", "2026-Q2", "--lang", "zh");
    expect(run.code).toBe(0);
    const listed = (await rows(out, "数据问题")).filter((r) => r[0] === "人员").map((r) => [r[1], r[2], r[3], r[5]]);
    expect(listed).toEqual([
      [2, "入职日期", "下个月", "Dora：入职日期“下个月”不是日期（应为具体某天，如 2026-05-11），按空白处理"],
      [
        3,
        null,
        "Doro",
        "Doro：填了入职/离职日期（2026-05-01 – …），但没有销售记录，也不在目标表中：未读取（请检查姓名拼写）",
      ],
    ]);
    expect((await rows(out, "绩效评分"))[0]).not.toContain("在岗折算比例");
  });

  it("two different Starts for one rep on Targets: exit 2, both cells named, nothing written", async () => {
    const wb = new ExcelJS.Workbook();
    const sales = wb.addWorksheet("Sales");
    sales.addRow(["Date", "Rep", "Amount"]);
    sales.addRow([d(4, 5), "Dora", 110]);
    const targets = wb.addWorksheet("Targets");
    targets.addRow(["Rep", "KPI", "Target", "Start"]);
    targets.addRow(["Dora", "Revenue", 100, "2026-05-01"]);
    targets.addRow(["Dora", "New customers", 10, "2026-05-02"]);
    const file = path.join(dir, "conflict.xlsx");
    await wb.xlsx.writeFile(file);
    const out = path.join(dir, "conflict-out.xlsx");
    const run = await runCli("report", file, "-o", out);
    expect(run.code).toBe(2);
    expect(run.err).toContain("Targets!D3: Dora's Start is 2026-05-02 here but 2026-05-01 in cell Targets!D2");
    expect(fs.existsSync(out)).toBe(false);
  });

  it("statements: Dora's carries the Proration column, Carl's does not, Ed gets none", async () => {
    const folder = path.join(dir, "statements");
    const run = await runCli("statements", await input("st", "targets"), "-o", folder, "--period", "2026-Q2");
    expect([run.code, run.err]).toEqual([0, ""]);
    expect(fs.readdirSync(folder).sort()).toEqual(["Carl.xlsx", "Dora.xlsx"]);
    const dora = await rows(path.join(folder, "Dora.xlsx"), "Scorecard");
    const c = dora[0].indexOf("Proration");
    expect(c).toBe(dora[0].length - 1);
    expect(dora[1][c]).toBeCloseTo(61 / 91, 15);
    expect((await rows(path.join(folder, "Carl.xlsx"), "Scorecard"))[0]).not.toContain("Proration");
  });

  it("statements hold no other rep's name: the Start / End lines go to the rep they name only", async () => {
    const file = await input("st-leak", [
      ["Rep", "Start", "End"],
      ["Carl", "soon", null],
      ["Dora", "2026-05-01", null],
      ["Ed", null, d(3, 31)],
    ]);
    const folder = path.join(dir, "statements-leak");
    const run = await runCli("statements", file, "-o", folder, "--period", "2026-Q2");
    expect([run.code, run.err]).toEqual([0, ""]);
    const text = async (rep: string): Promise<string> => {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(folder, `${rep}.xlsx`)));
      const parts = Object.values(zip.files).filter((f) => !f.dir);
      return (await Promise.all(parts.map((f) => f.async("string")))).join("\n");
    };
    const carl = await text("Carl");
    const dora = await text("Dora");
    expect(carl).toContain("soon"); // his own unreadable Start
    expect([/Dora/.test(carl), /\bEd\b/.test(carl)]).toEqual([false, false]);
    expect(dora).toContain("active 61 of 91 days");
    expect([/Carl/.test(dora), /\bEd\b/.test(dora), /soon/.test(dora)]).toEqual([false, false, false]);
  });
});
