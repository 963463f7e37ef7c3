// The sample workbooks end to end through readXlsx + ingest (docs/reference/cleaning.md, cli.md). Expected figures were
// established by inspecting the files cell by cell (an independent script over the exceljs
// workbook DOM, summing amounts with decimal.js) and are asserted exactly.
import * as path from "path";
import { ingest } from "../../src/ingest";
import type { IngestResult } from "../../src/ingest";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { SAMPLES } from "../samples";

async function load(file: string) {
  const sheets = await readXlsx(path.join(SAMPLES, file));
  const r = ingest(sheets);
  if ("kind" in r) throw new Error(`${file}: ${JSON.stringify(r)}`);
  return { sheets, r: r as IngestResult };
}

function countByKey(r: IngestResult): Record<string, number> {
  const out: Record<string, number> = {};
  for (const i of r.issues) out[`${i.reasonKey}/${i.action}`] = (out[`${i.reasonKey}/${i.action}`] ?? 0) + 1;
  return out;
}

describe("sales-en.xlsx", () => {
  let data: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    data = await load("sales-en.xlsx");
  });

  it("reads both sheets in tab order with dates as serials and number formats", () => {
    expect(data.sheets.map((s) => [s.name, s.values.length])).toEqual([
      ["Sales", 2085],
      ["Ratings", 61],
    ]);
    const sales = data.sheets[0];
    expect(sales.values[1]).toEqual([46023, "Alice Chen", "East", "Customer 356", "No", "Starter", 16410, 0.91]);
    expect(sales.numberFormats?.[1][0]).toBe("yyyy-mm-dd");
    expect(sales.numberFormats?.[1][6]).toBe("#,##0");
    // Rows with the same formats share one array: a pointer per row, not eight strings.
    expect(sales.numberFormats?.[2]).toBe(sales.numberFormats?.[1]);
    expect(sales.values[912][6]).toEqual({ error: "#N/A" }); // row 913
  });

  it("reconciles exactly", () => {
    expect(data.r.reconciliation).toEqual({
      rowsRead: 2084,
      rowsUsed: 2080,
      rowsExcluded: 4,
      amountRead: "45244710",
      amountUsed: "45244710",
      amountExcluded: "0",
    });
  });

  it("lists every messy cell", () => {
    expect(countByKey(data.r)).toEqual({
      "amountTextCoerced/coerced": 43, // "$15,370", "13,020.00" …
      "amountError/excluded": 2, // #N/A on rows 913, 1675
      "amountBlank/excluded": 2, // rows 1933, 1986
      "dateTextCoerced/coerced": 3, // "2026/5/14" …
      "satisfactionTextCoerced/coerced": 2, // "90%", "96%"
      "negativeAmount/kept": 2, // returns on rows 1161, 1927
      "repNamesMerged/merged": 4, // " Grace Liu  ", " Ines Costa  ", " Dev Patel  ", " Carla Diaz  "
      "possibleDuplicate/kept": 1, // row 2084 repeats row 6
    });
    const dup = data.r.issues.find((i) => i.reasonKey === "possibleDuplicate");
    expect(dup).toMatchObject({ row: 2084, params: { firstRow: 6 } });
    const grace = data.r.issues.find((i) => i.reasonKey === "repNamesMerged" && i.raw === " Grace Liu  ");
    expect(grace).toMatchObject({ row: 200, params: { name: "Grace Liu", rows: 2 } });
  });

  it("maps the columns, guesses USD from the text amounts and reads satisfaction as fractions", () => {
    expect(data.r.mapping.columns).toEqual({
      date: 0,
      rep: 1,
      team: 2,
      customer: 3,
      newCustomer: 4,
      amount: 6,
      satisfaction: 7,
    });
    expect(data.r.currencyGuess).toBe("USD");
    expect(data.r.satisfactionScale).toBe("fraction");
  });

  it("keeps values: text amounts, formula-looking text, normalised names", () => {
    const byRow = new Map(data.r.rows.map((x) => [x.sheetRow, x]));
    expect(byRow.get(34)?.amount).toBe(15370);
    expect(byRow.get(1148)?.satisfaction).toBe(0.9);
    expect(byRow.get(200)?.rep).toBe("Grace Liu");
    expect(byRow.get(1499)?.dateSerial).toBe(46156); // "2026/5/14"
    expect(byRow.get(2085)?.customer).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(new Set(data.r.rows.map((x) => x.rep)).size).toBe(10);
  });

  it("reads the Ratings sheet as behaviour measures", () => {
    expect(data.r.measures).toHaveLength(60);
    expect(data.r.measures[0]).toEqual({
      sheet: "Ratings",
      sheetRow: 2,
      rep: "Alice Chen",
      dateSerial: 46023,
      values: { "Manager Rating": 3, behaviour: 3 },
    });
  });
});

describe("sales-zh.xlsx", () => {
  let data: Awaited<ReturnType<typeof load>>;
  beforeAll(async () => {
    data = await load("sales-zh.xlsx");
  });

  it("reconciles exactly", () => {
    expect(data.r.reconciliation).toEqual({
      rowsRead: 2799,
      rowsUsed: 2793,
      rowsExcluded: 6,
      amountRead: "54942870",
      amountUsed: "54942870",
      amountExcluded: "0",
    });
  });

  it("lists every messy cell", () => {
    expect(countByKey(data.r)).toEqual({
      "amountTextCoerced/coerced": 63, // "¥11,060", "0.73万" …
      "amountError/excluded": 4,
      "amountBlank/excluded": 2,
      "dateTextCoerced/coerced": 16, // "2026年1月14日", "2026/5/14" …
      "satisfactionTextCoerced/coerced": 4,
      "negativeAmount/kept": 3,
      "repNamesMerged/merged": 3, // " 陈静  ", " 杨磊  ", " 徐涛  "
      "possibleDuplicate/kept": 1,
    });
  });

  it("reads Chinese headers, 万 amounts, a 0–100 satisfaction column and guesses CNY", () => {
    expect(data.r.mapping).toMatchObject({ sheet: "销售明细", headerRow: 1 });
    expect(data.r.mapping.columns).toMatchObject({ rep: 1, date: 0, amount: 6, newCustomer: 4, satisfaction: 7 });
    expect(data.r.satisfactionScale).toBe("percent");
    expect(data.r.currencyGuess).toBe("CNY");
    const byRow = new Map(data.r.rows.map((x) => [x.sheetRow, x]));
    expect(byRow.get(326)?.amount).toBe(7300); // "0.73万"
    expect(byRow.get(218)?.amount).toBe(11060); // "¥11,060"
    expect(byRow.get(184)?.dateSerial).toBe(46036); // "2026年1月14日"
    expect(byRow.get(2)?.satisfaction).toBe(0.98); // 98 on a 0–100 column
    expect(byRow.get(369)?.satisfaction).toBe(0.91); // "91%"
    expect(byRow.get(2)?.newCustomer).toBe(false); // 否
  });

  it("reads 主管评分 as behaviour measures", () => {
    expect(data.r.measures).toHaveLength(72);
    expect(data.r.measures[0].values).toEqual({ 主管评分: 4, behaviour: 4 });
  });
});

describe("sales-clean-small.xlsx", () => {
  it("has nothing to report", async () => {
    const { r } = await load("sales-clean-small.xlsx");
    expect(r.reconciliation).toEqual({
      rowsRead: 176,
      rowsUsed: 176,
      rowsExcluded: 0,
      amountRead: "3086660",
      amountUsed: "3086660",
      amountExcluded: "0",
    });
    expect(r.issues).toEqual([]);
    expect(r.currencyGuess).toBeNull();
    expect(r.measures).toHaveLength(15);
  });
});
