/** readWorkbookSheets on the strict fake seeded from the sample workbooks (docs/reference/input.md inputs, ingest/types.ts RawSheet). */
import { FakeExcel, installFakeExcel, PAYLOAD_LIMIT_BYTES, type FakeRequestContext } from "../../fakes/excelFake";
import { readSeed } from "../../fakes/seedXlsx";
import { readWorkbookSheets, toRawCell } from "../../../src/render/office/readWorkbook";
import { SAMPLES } from "../../samples";

async function readAll(fake: FakeExcel) {
  return fake.run((ctx: FakeRequestContext) => readWorkbookSheets(ctx as unknown as Excel.RequestContext));
}

describe("toRawCell", () => {
  it.each([
    ["", null],
    ["#N/A", { error: "#N/A" }],
    ["#DIV/0!", { error: "#DIV/0!" }],
    ["#N/A text", "#N/A text"],
    [" Grace Liu  ", " Grace Liu  "],
    [46023, 46023],
    [true, true],
  ])("%j → %j", (input, expected) => {
    expect(toRawCell(input)).toEqual(expected);
  });
});

describe("readWorkbookSheets", () => {
  it.each([
    ["sales-en.xlsx", ["Sales", "Ratings"], 2085, 8],
    ["sales-zh.xlsx", ["销售明细", "主管评分"], 2800, 8],
  ])("%s: every sheet with values, formats and positions as in the file", async (file, names, rows, cols) => {
    const seed = await readSeed(`${SAMPLES}/${file}`);
    const fake = new FakeExcel(seed);
    const sheets = await readAll(fake);
    expect(sheets.map((s) => s.name)).toEqual(names);
    const sales = sheets[0];
    expect([sales.firstRow, sales.firstCol, sales.values.length, sales.values[0].length]).toEqual([1, 0, rows, cols]);
    expect(sales.numberFormats?.[1][0]).toBe("yyyy-mm-dd");
    expect(sales.numberFormats?.[0][0]).toBeNull();
    // every cell equals the seed, with "" → null and error text → { error }
    seed[0].values.forEach((row, r) =>
      row.forEach((v, c) => expect(sales.values[r][c]).toEqual(v === null ? null : toRawCell(v))),
    );
    const errors = sales.values.flat().filter((v) => typeof v === "object" && v !== null);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => /^#/.test((e as { error: string }).error))).toBe(true);
  });

  it("reads tables with their ranges and a block that does not start at A1", async () => {
    const fake = new FakeExcel([
      {
        name: "Q2",
        values: [
          [null, null, null],
          [null, "Rep", "Amount"],
          [null, "Ann", 5],
        ],
        tables: [{ name: "Sales", ref: "B2:C3" }],
      },
      { name: "Empty", values: [] },
    ]);
    const sheets = await readAll(fake);
    expect(sheets).toEqual([
      {
        name: "Q2",
        firstRow: 2,
        firstCol: 1,
        values: [
          ["Rep", "Amount"],
          ["Ann", 5],
        ],
        numberFormats: [
          [null, null],
          [null, null],
        ],
        tables: [{ name: "Sales", ref: "B2:C3" }],
      },
      { name: "Empty", firstRow: 1, firstCol: 0, values: [], numberFormats: [], tables: [] },
    ]);
  });

  it("a chunk that comes back over 5 MB is split and read again", async () => {
    const long = "备注".repeat(150); // 300 characters, 900 bytes in UTF-8
    const values = Array.from({ length: 20_000 }, (_, r) => [r, `${long}${r}`, long, long, long]);
    const fake = new FakeExcel([{ name: "Notes", values }]);
    const sheets = await readAll(fake);
    expect(sheets[0].values.length).toBe(20_000);
    expect(sheets[0].values[12_345]).toEqual(values[12_345]);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.syncs).toBeGreaterThan(5); // refused reads are retried in halves
  });

  it("100,000 rows of long text: chunked so no response passes 5 MB", async () => {
    const values = Array.from({ length: 100_000 }, (_, r) => [
      r,
      `Customer with a rather long name number ${r} — 客户名称 ${r}`,
      r * 1.5,
      "x".repeat(20),
    ]);
    const fake = new FakeExcel([{ name: "Big", values }]);
    installFakeExcel(fake);
    const sheets = await readAll(fake);
    expect(sheets[0].values.length).toBe(100_000);
    expect(sheets[0].values[99_999]).toEqual(values[99_999]);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(Math.max(...fake.stats.responseBytes)).toBeGreaterThan(1_000_000);
  });
});
