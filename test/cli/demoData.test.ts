// Demo workbook generator: determinism, the samples' shape, the docs/reference/cleaning.md messy values, and a file round trip.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import {
  DATE_FORMAT,
  MAX_DATA_ROWS,
  type MessyKind,
  generateDemoRows,
  resolveDemoOptions,
  writeDemoWorkbook,
} from "../../src/cli/demoData";
import type { RawCell } from "../../src/ingest/types";
import { dateToSerial, serialFromDayCountDate } from "../../src/sheet";

const serial = (iso: string) => dateToSerial(new Date(iso + "T00:00:00Z"));
const COL = { date: 0, rep: 1, team: 2, customer: 3, isNew: 4, product: 5, amount: 6, satisfaction: 7 };

function rowsOfKind(wb: ReturnType<typeof generateDemoRows>, kind: MessyKind): RawCell[][] {
  return wb.messy.filter((m) => m.kind === kind).map((m) => wb.sales.values[m.row - 1]);
}

describe("generateDemoRows", () => {
  it("gives the same workbook for the same seed", () => {
    const a = generateDemoRows({ seed: 7, reps: 5, months: 3, rows: 500 });
    const b = generateDemoRows({ seed: 7, reps: 5, months: 3, rows: 500 });
    expect(b).toEqual(a);
  });

  it("gives a different workbook for another seed", () => {
    const a = generateDemoRows({ seed: 7, rows: 500 });
    const b = generateDemoRows({ seed: 8, rows: 500 });
    expect(b.sales.values).not.toEqual(a.sales.values);
  });

  it.each([
    [
      "en",
      "Sales",
      "Date|Sales Rep|Team|Customer|New Customer|Product|Amount|Satisfaction",
      "Ratings",
      "Sales Rep|Month|Manager Rating",
    ],
    ["zh", "销售明细", "日期|销售员|团队|客户|是否新客户|产品|销售额|客户满意度", "主管评分", "销售员|月份|主管评分"],
  ] as const)("%s: sheets and headers are those of the samples", (lang, sales, salesHeader, ratings, ratingsHeader) => {
    const wb = generateDemoRows({ lang });
    expect(wb.sales.name).toBe(sales);
    expect(wb.sales.values[0].join("|")).toBe(salesHeader);
    expect(wb.ratings.name).toBe(ratings);
    expect(wb.ratings.values[0].join("|")).toBe(ratingsHeader);
  });

  it("defaults to 12 reps in 3 teams, 6 months ending June 2026, 40 deals per rep and month", () => {
    const wb = generateDemoRows({});
    const data = wb.sales.values.slice(1);
    expect(data).toHaveLength(12 * 6 * 40);
    const reps = new Set(data.map((r) => String(r[COL.rep]).trim()));
    expect(reps.size).toBe(12);
    expect(new Set(data.map((r) => r[COL.team]))).toEqual(new Set(["East", "West", "Central"]));
    const dates = data.map((r) => r[COL.date]).filter((d): d is number => typeof d === "number");
    expect(Math.min(...dates)).toBe(serial("2026-01-01"));
    expect(Math.max(...dates)).toBe(serial("2026-06-30"));
    expect(wb.ratings.values).toHaveLength(1 + 12 * 6);
    expect(wb.ratings.values[1].slice(0, 2)).toEqual(["Alice Chen", "2026-01"]);
    expect(wb.ratings.values[6].slice(0, 2)).toEqual(["Alice Chen", "2026-06"]);
  });

  it("ends with a full quarter whatever the number of months", () => {
    const wb = generateDemoRows({ months: 4, reps: 3, rows: 400 });
    const dates = wb.sales.values.slice(1).map((r) => r[COL.date]);
    const numeric = dates.filter((d): d is number => typeof d === "number");
    expect(Math.min(...numeric)).toBe(serial("2026-03-01"));
    expect(Math.max(...numeric)).toBe(serial("2026-06-30"));
    expect(wb.ratings.values.slice(1).map((r) => r[1])).toEqual(
      [1, 2, 3].flatMap(() => ["2026-03", "2026-04", "2026-05", "2026-06"]),
    );
  });

  it("honours rows and reps, keeping rep names unique beyond the built-in list", () => {
    const wb = generateDemoRows({ reps: 60, rows: 3000 });
    expect(wb.sales.values).toHaveLength(3001);
    expect(new Set(wb.ratings.values.slice(1).map((r) => r[0])).size).toBe(60);
  });

  it("caps rows at Excel's 1,048,575 data rows (1,048,576 with the header)", () => {
    expect(MAX_DATA_ROWS).toBe(1_048_575);
    expect(resolveDemoOptions({ rows: 5_000_000 }).rows).toBe(1_048_575);
    expect(resolveDemoOptions({ rows: 1_048_575 }).rows).toBe(1_048_575);
  });

  it.each([
    [{ reps: 0 }, /"reps"/],
    [{ months: 1.5 }, /"months"/],
    [{ rows: -3 }, /"rows"/],
    [{ lang: "fr" as "en" }, /"lang"/],
  ])("rejects %p naming the option", (opts, message) => {
    expect(() => generateDemoRows(opts)).toThrow(message);
  });

  it("clean values look like the samples", () => {
    const en = generateDemoRows({ lang: "en", seed: 3 });
    const messyRows = new Set(en.messy.map((m) => m.row));
    const clean = en.sales.values.filter((_, i) => i > 0 && !messyRows.has(i + 1));
    for (const r of clean) {
      expect(typeof r[COL.date]).toBe("number");
      expect(r[COL.amount]).toEqual(expect.any(Number));
      expect((r[COL.amount] as number) % 10).toBe(0);
      expect(r[COL.amount] as number).toBeGreaterThan(0);
      expect(["Yes", "No"]).toContain(r[COL.isNew]);
      expect(r[COL.satisfaction] as number).toBeGreaterThanOrEqual(0.6);
      expect(r[COL.satisfaction] as number).toBeLessThanOrEqual(1);
      expect(String(r[COL.customer])).toMatch(/^Customer \d{3}$/);
    }
    const zh = generateDemoRows({ lang: "zh", seed: 3 });
    const zhMessy = new Set(zh.messy.map((m) => m.row));
    for (const r of zh.sales.values.filter((_, i) => i > 0 && !zhMessy.has(i + 1))) {
      expect(["是", "否"]).toContain(r[COL.isNew]);
      expect(Number.isInteger(r[COL.satisfaction])).toBe(true); // 0–100 scale, as in sales-zh.xlsx
      expect(String(r[COL.customer])).toMatch(/^客户\d{3}$/);
    }
    expect(en.sales.numberFormats?.[1]?.[COL.date]).toBe(DATE_FORMAT);
  });

  it.each([
    ["en", "currencyText", COL.amount, /^\$\d{1,3}(,\d{3})*$/],
    ["zh", "currencyText", COL.amount, /^¥\d{1,3}(,\d{3})*$/],
    ["en", "thousandsText", COL.amount, /^\d{1,3}(,\d{3})*\.00$/],
    ["zh", "wanText", COL.amount, /^\d+(\.\d+)?万$/],
    ["zh", "fullWidthText", COL.amount, /^[０-９]+$/],
    ["en", "slashDate", COL.date, /^2026\/\d{1,2}\/\d{1,2}$/],
    ["en", "textDate", COL.date, /^2026-\d\d-\d\d$/],
    ["zh", "textDate", COL.date, /^2026年\d{1,2}月\d{1,2}日$/],
    ["en", "paddedRep", COL.rep, /^ \S.*\S {2}$/],
    ["zh", "paddedRep", COL.rep, /^ \S+ {2}$/],
    ["en", "percentSatisfaction", COL.satisfaction, /^\d{2,3}%$/],
    ["zh", "formulaText", COL.customer, /^=HYPERLINK\(/],
  ] as const)("%s: %s values are present (column index %i) and well-formed", (lang, kind, col, pattern) => {
    const rows = rowsOfKind(generateDemoRows({ lang }), kind);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(String(r[col])).toMatch(pattern);
  });

  it("the 万 and full-width amounts stand for the same whole amounts", () => {
    const wb = generateDemoRows({ lang: "zh" });
    for (const r of rowsOfKind(wb, "wanText")) {
      const wan = Number(String(r[COL.amount]).replace("万", ""));
      expect(Math.round(wan * 10_000) % 10).toBe(0);
    }
    const fw = rowsOfKind(wb, "fullWidthText")[0][COL.amount] as string;
    expect(Number(fw.normalize("NFKC"))).toBeGreaterThan(0);
  });

  it("plants #N/A and blank amounts, returns and identical duplicates", () => {
    const wb = generateDemoRows({ lang: "en" });
    expect(rowsOfKind(wb, "naAmount").every((r) => JSON.stringify(r[COL.amount]) === '{"error":"#N/A"}')).toBe(true);
    expect(rowsOfKind(wb, "blankAmount").every((r) => r[COL.amount] === null)).toBe(true);
    expect(rowsOfKind(wb, "return").every((r) => (r[COL.amount] as number) < 0)).toBe(true);
    const dups = wb.messy.filter((m) => m.kind === "duplicate");
    expect(dups.length).toBeGreaterThan(0);
    for (const d of dups) expect(wb.sales.values[d.row - 1]).toEqual(wb.sales.values[d.row - 2]);
  });

  it("every messy kind appears in a demo-sized sheet, about 1.5 % of the rows", () => {
    for (const lang of ["en", "zh"] as const) {
      const wb = generateDemoRows({ lang });
      const kinds = new Set(wb.messy.map((m) => m.kind));
      expect(kinds.size).toBe(lang === "en" ? 11 : 13);
      expect(wb.messy.length / (wb.sales.values.length - 1)).toBeCloseTo(0.015, 2);
    }
  });

  it("keeps messy rows to a tiny fraction of a benchmark-sized sheet", () => {
    const wb = generateDemoRows({ rows: 200_000, seed: 11 });
    expect(wb.messy.length / 200_000).toBeLessThan(0.002);
    expect(new Set(wb.messy.map((m) => m.kind)).size).toBe(11);
  });
});

describe("writeDemoWorkbook", () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-demo-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** exceljs cell value → RawCell, the way readers hand cells to ingest. */
  function toRaw(cell: ExcelJS.Cell): RawCell {
    const v = cell.value;
    if (v instanceof Date) return serialFromDayCountDate(v);
    if (v !== null && typeof v === "object" && "error" in v) return { error: v.error };
    return v as RawCell;
  }

  it.each(["en", "zh"] as const)("%s: the file reads back cell for cell", async (lang) => {
    const file = path.join(dir, "nested", `demo-${lang}.xlsx`);
    const opts = { lang, reps: 4, months: 3, rows: 240, seed: 5 };
    const progress: number[] = [];
    const result = await writeDemoWorkbook(file, { ...opts, onProgress: (n) => progress.push(n) });
    expect(result).toEqual({ path: file, rows: 240 });
    expect(progress).toEqual([240]);

    const expected = generateDemoRows(opts);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual([expected.sales.name, expected.ratings.name]);
    for (const sheet of [expected.sales, expected.ratings]) {
      const ws = wb.getWorksheet(sheet.name)!;
      expect(ws.rowCount).toBe(sheet.values.length);
      const read: RawCell[][] = [];
      ws.eachRow((row) => {
        const cells: RawCell[] = [];
        for (let c = 1; c <= sheet.values[0].length; c++) cells.push(toRaw(row.getCell(c)));
        read.push(cells);
      });
      expect(read).toEqual(sheet.values);
    }
    const sales = wb.getWorksheet(expected.sales.name)!;
    expect(sales.getCell("A2").numFmt).toBe(DATE_FORMAT);
    expect(sales.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // Formula-looking text stays text (docs/reference/tabs.md), never becomes a formula in the file.
    const formulaRow = expected.messy.find((m) => m.kind === "formulaText")!.row;
    expect(sales.getCell(formulaRow, 4).type).toBe(ExcelJS.ValueType.String);
  });
});
