// Split credit at ingest (docs/reference/input.md "Split credit", cleaning.md "Split deals"): one row per rep per
// deal with a Split % column, a Split amount column, rep cells naming several reps, and what is listed.
import { ingest } from "../../src/ingest";
import type { DataIssue, IngestResult, RawCell, RawSheet, SalesRow } from "../../src/ingest";
import { equalParts } from "../../src/ingest/split";
import { t } from "../../src/i18n";
import { Dec } from "../../src/engine/decimal";

const D = 46092; // 2026-03-11

function run(values: RawCell[][], extra: Partial<RawSheet> = {}): IngestResult {
  const r = ingest([{ name: "Sales", values, ...extra }]);
  if ("kind" in r) throw new Error(`ingest failed: ${JSON.stringify(r)}`);
  return r;
}
const brief = (i: DataIssue) => `${i.row}:${i.column}:${i.action}:${i.reasonKey}`;
/** Exact per-rep totals of the credited amounts. */
function totals(rows: readonly SalesRow[]): Record<string, string> {
  const out: Record<string, InstanceType<typeof Dec>> = {};
  for (const r of rows) out[r.rep] = (out[r.rep] ?? new Dec(0)).plus(String(r.amount));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed()]));
}

describe("CRM split export: one row per rep per deal", () => {
  const values: RawCell[][] = [
    ["Deal ID", "Close Date", "Sales Rep", "Amount", "Split %"],
    ["D-1", D, "Alice", 10000, 0.6],
    ["D-1", D, "Bob", 10000, 0.4],
    ["D-2", D, "Bob", 2500.5, null], // blank split: 100 %
    ["D-3", D, "Carol", 999.99, "50%"], // text: converted, listed
    ["D-3", D, "Alice", 999.99, 0.5],
  ];

  it("credits each rep the deal's amount × split, exactly", () => {
    const r = run(values);
    // Alice 10000 × 0.6 + 999.99 × 0.5 = 6000 + 499.995 = 6499.995
    // Bob   10000 × 0.4 + 2500.5 × 1   = 4000 + 2500.5  = 6500.5
    // Carol 999.99 × 0.5               = 499.995
    expect(totals(r.rows)).toEqual({ Alice: "6499.995", Bob: "6500.5", Carol: "499.995" });
    expect(r.rows.map((x) => x.dealId)).toEqual(["D-1", "D-1", "D-2", "D-3", "D-3"]);
    expect(r.rows[0].credit).toEqual({ dealAmount: 10000, split: "0.6", names: 1, place: 0, firstNamed: true });
    expect(r.rows[1].credit).toMatchObject({ split: "0.4", firstNamed: false });
    expect(r.rows[2].credit).toMatchObject({ split: "1", firstNamed: true });
    expect(r.rows.map((x) => x.credit!.firstNamed)).toEqual([true, false, true, true, false]);
  });

  it("reconciles each deal once: the amounts used are the credited amounts, which add up to the deals", () => {
    const r = run(values);
    // 10000 + 2500.5 + 999.99: each deal counted once, its splits adding up to 100 %
    expect(r.reconciliation).toMatchObject({ rowsRead: 5, rowsUsed: 5, amountUsed: "13500.49", amountExcluded: "0" });
  });

  it("lists the text split as a conversion, and nothing else", () => {
    const r = run(values);
    expect(r.issues.map(brief)).toEqual(["5:Split %:coerced:splitTextCoerced"]);
    expect(r.issues[0].params).toEqual({ value: "50%" });
  });

  it("reads 0–100 splits when a plain number is above 1, and Chinese headers", () => {
    const r = run([
      ["商机编号", "日期", "销售员", "销售额", "分成比例"],
      ["S1", D, "张三", 3000, 70],
      ["S1", D, "李四", 3000, 30],
    ]);
    expect(totals(r.rows)).toEqual({ 张三: "2100", 李四: "900" });
    expect(r.mapping.columns).toMatchObject({ deal: 0, split: 4 });
    expect(r.issues).toEqual([]);
  });

  it("takes a filled Split amount as the credited amount; a blank one falls back to amount × split", () => {
    const r = run([
      ["Deal", "Date", "Rep", "Amount", "Split %", "Split amount"],
      ["D-9", D, "Alice", 900, 0.5, 300],
      ["D-9", D, "Bob", 900, null, 600],
      ["D-8", D, "Bob", 100, 0.25, null],
      ["D-8", D, "Carol", 100, 0.75, ""],
    ]);
    expect(totals(r.rows)).toEqual({ Alice: "300", Bob: "625", Carol: "75" });
    expect(r.rows[0].credit!.split).toBeNull();
    expect(r.issues).toEqual([]);
  });
});

describe("splits that do not add up to 100 % are listed by row, never rescaled", () => {
  it("under 100 %: each rep keeps amount × own split; every row of the deal is listed", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", D, "Alice", 1000, "50%"],
      ["D-1", D, "Bob", 1000, "40%"],
      ["D-2", D, "Carol", 500, "100%"],
    ]);
    expect(totals(r.rows)).toEqual({ Alice: "500", Bob: "400", Carol: "500" });
    const listed = r.issues.filter((i) => i.reasonKey === "splitsNotHundred");
    expect(listed.map(brief)).toEqual(["2:Split %:kept:splitsNotHundred", "3:Split %:kept:splitsNotHundred"]);
    expect(listed[0].params).toEqual({ deal: "D-1", total: "90%", rows: "2, 3" });
    expect(t("en", "splitsNotHundred", listed[0].params)).toContain("add up to 90% (rows: 2, 3)");
    expect(r.reconciliation.amountUsed).toBe("1400");
  });

  it("over 100 % (an overlay) is credited as written and listed", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", D, "Alice", 1000, 1],
      ["D-1", D, "Bob", 1000, 0.5],
    ]);
    expect(totals(r.rows)).toEqual({ Alice: "1000", Bob: "500" });
    expect(r.issues.filter((i) => i.reasonKey === "splitsNotHundred").map((i) => i.params!.total)).toEqual([
      "150%",
      "150%",
    ]);
  });

  it("a deal whose rows carry different amounts is listed at the differing row", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", D, "Alice", 1000, 0.5],
      ["D-1", D, "Bob", 800, 0.5],
    ]);
    const differ = r.issues.filter((i) => i.reasonKey === "dealAmountsDiffer");
    expect(differ.map(brief)).toEqual(["3:Amount:kept:dealAmountsDiffer"]);
    expect(differ[0].params).toEqual({ deal: "D-1", firstRow: 2, first: "1000" });
    // each row's share of its own amount: 50 % + 50 %, so the splits add up to 100 %
    expect(r.issues.filter((i) => i.reasonKey === "splitsNotHundred")).toHaveLength(0);
    expect(totals(r.rows)).toEqual({ Alice: "500", Bob: "400" });
  });

  it("a split column without a Deal ID column: each row is its own deal, and the missing column is listed", () => {
    const r = run([
      ["Date", "Rep", "Amount", "Split %"],
      [D, "Alice", 1000, 0.6],
      [D, "Bob", 1000, 1],
    ]);
    expect(r.issues.map(brief)).toEqual(["null:Split %:kept:splitWithoutDeal", "2:Split %:kept:splitNotHundredRow"]);
    expect(totals(r.rows)).toEqual({ Alice: "600", Bob: "1000" });
  });
});

describe("unreadable splits exclude the row, naming the cell", () => {
  it.each<[RawCell, string]>([
    ["sixty", "splitUnreadable"],
    [{ error: "#N/A" }, "splitUnreadable"],
    ["#REF!", "splitUnreadable"],
    [-0.2, "splitNegative"],
    ["60% / 40%", "splitSeveralValues"],
    ["0.7、0.3", "splitSeveralValues"],
  ])("%j → %s", (raw, key) => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", D, "Alice", 1000, raw],
      ["D-1", D, "Bob", 1000, 1],
    ]);
    expect(r.issues.filter((i) => i.action === "excluded").map(brief)).toEqual([`2:Split %:excluded:${key}`]);
    expect(r.reconciliation).toMatchObject({ rowsRead: 2, rowsUsed: 1, rowsExcluded: 1 });
    // the excluded row's amount counts as read (its split unknown: the deal's amount)
    expect(r.reconciliation).toMatchObject({ amountUsed: "1000", amountExcluded: "1000", amountRead: "2000" });
    expect(r.excluded).toEqual([{ sheetRow: 2, dateSerial: D, amount: 1000 }]);
  });

  it("an unreadable Split amount excludes the row", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split amount"],
      ["D-1", D, "Alice", 1000, "n/a"],
    ]);
    expect(r.issues.map(brief)).toContain("2:Split amount:excluded:splitAmountUnreadable");
    expect(r.rows).toHaveLength(0);
  });

  it("an excluded row of a readable split counts its credited amount as excluded", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", "someday", "Alice", 1000, 0.25],
      ["D-1", D, "Bob", 1000, 0.75],
    ]);
    expect(r.reconciliation).toMatchObject({ amountUsed: "750", amountExcluded: "250", amountRead: "1000" });
  });
});

describe("rep cells naming several reps", () => {
  it("splits equally on / 、 ; in English and Chinese, to the cent, the first named taking the remainder", () => {
    const r = run([
      ["Sales Rep", "Date", "Amount"],
      ["Alice Chen / Bob Martin", D, 1000],
      ["张三、李四、王五", D, 100],
      ["Alice Chen;Bob Martin", D, 0.01],
    ]);
    // 1000 / 2 = 500 each; 100 / 3 = 33.33 each, 张三 33.34; 0.01 / 2 = 0.01 (half away from zero) each, Alice 0
    expect(r.rows.map((x) => [x.sheetRow, x.rep, x.amount])).toEqual([
      [2, "Alice Chen", 500],
      [2, "Bob Martin", 500],
      [3, "张三", 33.34],
      [3, "李四", 33.33],
      [3, "王五", 33.33],
      [4, "Alice Chen", 0],
      [4, "Bob Martin", 0.01],
    ]);
    expect(r.rows[3].credit).toEqual({ dealAmount: 100, split: "1", names: 3, place: 1, firstNamed: false });
    expect(r.rows[2].credit!.firstNamed).toBe(true);
    // rows are sheet rows: 3 read, 3 used; the amounts add up to the cells' amounts
    expect(r.reconciliation).toMatchObject({ rowsRead: 3, rowsUsed: 3, amountUsed: "1100.01" });
    expect(r.issues.map(brief)).toEqual([
      "2:Sales Rep:kept:repCellShared",
      "3:Sales Rep:kept:repCellShared",
      "4:Sales Rep:kept:repCellShared",
    ]);
    expect(t("zh", "repCellShared", r.issues[1].params)).toBe(
      "销售员单元格包含 3 位销售员（张三, 李四, 王五）；每人计入 33.33，第一位销售员计入 33.34。",
    );
  });

  it("full-width separators are folded: 张三／李四", () => {
    const r = run([
      ["销售员", "日期", "销售额"],
      ["张三／李四", D, 500],
    ]);
    expect(totals(r.rows)).toEqual({ 张三: "250", 李四: "250" });
  });

  it("a comma, & or a bare / splits only when every part is a rep on their own; else one name, listed once", () => {
    const r = run([
      ["Sales Rep", "Date", "Amount"],
      ["Alice", D, 10],
      ["Bob", D, 10],
      ["Alice & Bob", D, 100],
      ["Chen, Alice", D, 40],
      ["Chen, Alice", D, 60],
      ["Johnson & Johnson", D, 5],
      ["Alice/Bob", D, 20],
      ["Ann/Lee", D, 7],
    ]);
    expect(totals(r.rows)).toEqual({
      Alice: "70",
      Bob: "70",
      "Chen, Alice": "100",
      "Johnson & Johnson": "5",
      "Ann/Lee": "7",
    });
    expect(r.issues.map(brief)).toEqual([
      "4:Sales Rep:kept:repCellShared",
      "5:Sales Rep:kept:repCellOneName",
      "7:Sales Rep:kept:repCellOneName",
      "8:Sales Rep:kept:repCellShared",
      "9:Sales Rep:kept:repCellOneName",
    ]);
    expect(r.issues[1].params).toEqual({ name: "Chen, Alice", rows: 2 });
  });

  it("a / with a space beside it, or between Chinese names, always lists several reps", () => {
    const r = run([
      ["Sales Rep", "Date", "Amount"],
      ["Ann /Lee", D, 10],
      ["张三/李四", D, 10],
    ]);
    expect(totals(r.rows)).toEqual({ Ann: "5", Lee: "5", 张三: "5", 李四: "5" });
  });

  it("a shared cell on a split row divides the row's credit", () => {
    const r = run([
      ["Deal ID", "Date", "Rep", "Amount", "Split %"],
      ["D-1", D, "Alice / Bob", 1000, 0.5],
      ["D-1", D, "Carol", 1000, 0.5],
    ]);
    expect(totals(r.rows)).toEqual({ Alice: "250", Bob: "250", Carol: "500" });
    expect(r.rows.map((x) => x.credit!.firstNamed)).toEqual([true, false, false]);
    expect(r.issues.map((i) => i.reasonKey)).toEqual(["repCellShared"]);
  });

  it("a name repeated in one cell is one rep", () => {
    const r = run([
      ["Sales Rep", "Date", "Amount"],
      ["Alice / Alice", D, 100],
    ]);
    expect(r.rows.map((x) => [x.rep, x.amount])).toEqual([["Alice / Alice", 100]]);
  });
});

describe("equal parts", () => {
  it.each<[number, number, number[]]>([
    [100, 3, [33.34, 33.33, 33.33]],
    [-100, 3, [-33.34, -33.33, -33.33]],
    [10.005, 2, [5.002, 5.003]],
    [1, 4, [0.25, 0.25, 0.25, 0.25]],
  ])("%d in %d parts", (amount, n, parts) => {
    const got = equalParts(amount, n);
    expect(got).toEqual(parts);
    expect(got.reduce((s, x) => s.plus(String(x)), new Dec(0)).toString()).toBe(new Dec(String(amount)).toString());
  });
});

describe("without the columns nothing changes", () => {
  it("rows carry no split fields; a Deal ID column alone is carried, not checked", () => {
    const plain = run([
      ["Sales Rep", "Date", "Amount"],
      ["Alice", D, 100],
    ]);
    expect("credit" in plain.rows[0]).toBe(false);
    expect("dealId" in plain.rows[0]).toBe(false);
    const orders = run([
      ["订单号", "销售员", "日期", "销售额"],
      ["A1", "张三", D, 100],
      ["A1", "张三", D, 50], // an order of two lines: not a split
    ]);
    expect(orders.rows.map((x) => [x.dealId, x.amount, "credit" in x])).toEqual([
      ["A1", 100, false],
      ["A1", 50, false],
    ]);
    expect(orders.issues).toEqual([]);
  });
});
