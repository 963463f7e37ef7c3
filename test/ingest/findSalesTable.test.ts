// docs/reference/input.md: the sales table is found by its headers wherever it is; the mapping can be overridden.
import { fieldLabel, findSalesTable, isReservedSheet } from "../../src/ingest";
import type { ColumnMapping, IngestFailure, RawCell, RawSheet, StandardField } from "../../src/ingest";
import { t } from "../../src/i18n";

function sheet(name: string, values: RawCell[][], extra: Partial<RawSheet> = {}): RawSheet {
  return { name, values, ...extra };
}
const sale = (rep: string, date: RawCell = 46092, amount: RawCell = 100): RawCell[] => [rep, date, amount];

function mapping(r: ColumnMapping | IngestFailure): ColumnMapping {
  if ("kind" in r) throw new Error(`expected a mapping, got ${JSON.stringify(r)}`);
  return r;
}

describe("findSalesTable", () => {
  it("finds a header in row 1, column A", () => {
    const m = mapping(findSalesTable([sheet("Sales", [["Sales Rep", "Date", "Amount"], sale("A")])]));
    expect(m).toEqual({
      sheet: "Sales",
      headerRow: 1,
      columns: { rep: 0, date: 1, amount: 2 },
      headers: [
        { col: 0, header: "Sales Rep" },
        { col: 1, header: "Date" },
        { col: 2, header: "Amount" },
      ],
    });
  });

  it("finds a block at an offset: header on row 4, starting in column C, with a title above", () => {
    const values: RawCell[][] = [
      ["Q2 sales report"],
      [],
      [null, null, "prepared by finance"],
      [null, null, "Rep", "Order Date", "Region", "Revenue", null, "notes"],
      [null, null, "A", 46092, "East", 10],
      [null, null, "B", 46093, "West", 20],
    ];
    const m = mapping(findSalesTable([sheet("Report", values)]));
    expect(m.headerRow).toBe(4);
    expect(m.columns).toEqual({ rep: 2, date: 3, team: 4, amount: 5 });
    // The block ends at the blank header cell: "notes" is a side remark, not a column.
    expect(m.headers.map((h) => h.header)).toEqual(["Rep", "Order Date", "Region", "Revenue"]);
  });

  it("honours firstRow / firstCol of a RawSheet that is itself a block", () => {
    const s = sheet("Used range", [["销售员", "日期", "销售额"], sale("张伟")], { firstRow: 7, firstCol: 3 });
    const m = mapping(findSalesTable([s]));
    expect(m.headerRow).toBe(7);
    expect(m.columns).toEqual({ rep: 3, date: 4, amount: 5 });
  });

  it("reads Chinese headers", () => {
    const header = ["日期", "销售员", "团队", "客户", "是否新客户", "产品", "销售额", "客户满意度"];
    const m = mapping(
      findSalesTable([sheet("销售明细", [header, [46092, "张伟", "华东", "客户1", "是", "x", 100, 90]])]),
    );
    expect(m.columns).toEqual({
      date: 0,
      rep: 1,
      team: 2,
      customer: 3,
      newCustomer: 4,
      amount: 6,
      satisfaction: 7,
    });
  });

  it("prefers the sheet with the most data rows", () => {
    const small = sheet("Sales 2025", [["Rep", "Date", "Amount"], sale("A")]);
    const big = sheet("Sales 2026", [["Rep", "Date", "Amount"], sale("A"), sale("B"), sale("C")]);
    expect(mapping(findSalesTable([small, big])).sheet).toBe("Sales 2026");
  });

  it("uses an Excel table's range when the sheet declares one", () => {
    const values: RawCell[][] = [
      ["Rep", "Date", "Amount"],
      sale("A"),
      sale("B"),
      [],
      ["Name", "Month", "Sales"], // a second table, larger
      sale("C"),
      sale("D"),
      sale("E"),
    ];
    const s = sheet("Data", values, { tables: [{ name: "Sales", ref: "A5:C8" }] });
    const m = mapping(findSalesTable([s]));
    expect(m.headerRow).toBe(5);
  });

  it("never takes the plan, targets or the add-in's own tabs for sales", () => {
    const trends = sheet("Trends", [["Rep", "Period", "Revenue"], sale("A"), sale("B"), sale("C")]);
    const plan = sheet("Plan", [["Rep", "Date", "Amount"], sale("A"), sale("B")]);
    const zh = sheet("趋势 (2)", [["销售员", "月份", "销售额"], sale("A"), sale("B"), sale("C")]);
    const sales = sheet("Sales", [["Rep", "Date", "Amount"], sale("A")]);
    expect(mapping(findSalesTable([trends, plan, zh, sales])).sheet).toBe("Sales");
  });

  it.each([
    ["Plan", true],
    ["Targets", true],
    ["Scorecard", true],
    ["Scorecard (2)", true],
    ["Data issues", true],
    ["绩效评分", true],
    ["数据问题", true],
    ["考核方案", true],
    ["Sales", false],
    ["Ratings", false],
    ["主管评分", false],
  ])("isReservedSheet(%j) = %s", (name, reserved) => {
    expect(isReservedSheet(name)).toBe(reserved);
  });

  it("does not take a Ratings sheet (rep + month, no amount) for sales", () => {
    const ratings = sheet("Ratings", [
      ["Sales Rep", "Month", "Manager Rating"],
      ["A", "2026-01", 4],
    ]);
    const sales = sheet("Sales", [["Rep", "Date", "Amount"], sale("A")]);
    expect(mapping(findSalesTable([ratings, sales])).sheet).toBe("Sales");
    expect(findSalesTable([ratings])).toEqual({ kind: "ingestFailure", messageKey: "noSalesTable" });
  });

  it("says which column is missing when a header row has two of the three", () => {
    const s = sheet("Sales", [
      ["Rep", "Amount", "Team"],
      ["A", 1, "East"],
    ]);
    const r = findSalesTable([s]) as IngestFailure;
    expect(r).toEqual({
      kind: "ingestFailure",
      messageKey: "missingColumn",
      params: {
        field: "date",
        sheet: "Sales",
        row: 1,
        fieldEn: "Date",
        fieldZh: "日期",
        headersEn: "Date, Order Date, Close Date, Month, Period",
        headersZh: "日期、下单日期、成交日期、月份",
      },
    });
    // Finding 8(d): the header words the user knows, never the internal id.
    expect(t("en", r.messageKey, r.params)).toBe(
      "The sales table on sheet Sales (header row 1) has no Date column " +
        "(a header such as Date, Order Date, Close Date, Month, Period). Add it or map it by hand.",
    );
    expect(t("zh", r.messageKey, r.params)).toBe(
      "工作表 Sales 的销售表（表头第 1 行）缺少日期列（表头如：日期、下单日期、成交日期、月份）。请添加该列或手动指定。",
    );
  });

  it.each<[StandardField, string, string]>([
    ["rep", "Sales Rep", "销售员"],
    ["date", "Date", "日期"],
    ["amount", "Amount", "销售额"],
    ["newCustomer", "New customer", "新客户"],
    ["satisfaction", "Satisfaction", "满意度"],
    ["behaviour", "Manager rating", "主管评分"],
  ])("fieldLabel(%s) = %s / %s", (field, en, zh) => {
    expect([fieldLabel(field, "en"), fieldLabel(field, "zh")]).toEqual([en, zh]);
  });

  it("fails with noSalesTable on an empty workbook", () => {
    expect(findSalesTable([sheet("Sheet1", [])])).toEqual({ kind: "ingestFailure", messageKey: "noSalesTable" });
  });

  it("lets the user map a column the headers do not name", () => {
    const s = sheet("Sales", [["Who", "Date", "Amount"], sale("A")]);
    expect("kind" in findSalesTable([s])).toBe(true);
    const m = mapping(findSalesTable([s], { columns: { rep: 0 } }));
    expect(m.columns).toEqual({ rep: 0, date: 1, amount: 2 });
  });

  it("lets the user pick the sheet and header row", () => {
    const a = sheet("A", [["Rep", "Date", "Amount"], sale("x"), sale("y")]);
    const b = sheet("B", [["junk"], ["Rep", "Date", "Net"], sale("x")]);
    const m = mapping(findSalesTable([a, b], { sheet: "B", headerRow: 2, columns: { amount: 2 } }));
    expect(m).toMatchObject({ sheet: "B", headerRow: 2, columns: { rep: 0, date: 1, amount: 2 } });
    const missing = findSalesTable([a, b], { sheet: "B", headerRow: 2 }) as IngestFailure;
    expect(missing).toMatchObject({
      kind: "ingestFailure",
      messageKey: "missingColumn",
      params: { field: "amount", sheet: "B", row: 2, fieldEn: "Amount", fieldZh: "销售额" },
    });
    expect(t("en", missing.messageKey, missing.params)).toBe(
      "The sales table on sheet B (header row 2) has no Amount column " +
        "(a header such as Amount, Revenue, Sales, Value). Add it or map it by hand.",
    );
    expect(findSalesTable([a], { sheet: "Nope" })).toEqual({
      kind: "ingestFailure",
      messageKey: "noSalesTable",
      params: { sheet: "Nope" },
    });
  });

  // Finding 1: the more specific synonym of docs/reference/input.md wins; the leftmost only on equal rank.
  it.each<[string, RawCell[], Partial<Record<StandardField, number>>]>([
    ["Sales Rep beats Name", ["Date", "Name", "Sales Rep", "Amount"], { date: 0, rep: 2, amount: 3 }],
    ["Rep beats Owner and Salesperson", ["Owner", "Salesperson", "Rep", "Date", "Amount"], { rep: 2 }],
    ["Order Date beats Month", ["Month", "Order Date", "Rep", "Amount"], { date: 1, rep: 2, amount: 3 }],
    ["Date beats Period", ["Rep", "Period", "Date", "Amount"], { date: 2 }],
    ["Amount beats Sales", ["Rep", "Date", "Sales", "Amount"], { amount: 3 }],
    ["Revenue beats Value", ["Rep", "Date", "Value", "Revenue (USD)"], { amount: 3 }],
    ["销售员 beats 姓名", ["姓名", "日期", "销售员", "金额"], { rep: 2, date: 1, amount: 3 }],
    ["销售员 beats Name (ranked per language)", ["Name", "销售员", "Date", "Amount"], { rep: 1 }],
    ["金额 beats 业绩", ["销售员", "日期", "业绩", "金额"], { amount: 3 }],
    ["equal rank: the leftmost", ["Rep", "Date", "Amount", "Amount (USD)"], { amount: 2 }],
    ["a single match is kept as before", ["Name", "Month", "Sales"], { rep: 0, date: 1, amount: 2 }],
  ])("%s", (_what, header, expected) => {
    const m = mapping(findSalesTable([sheet("S", [header, ["A", 46092, 1, 2, 3]])]));
    expect(m.columns).toMatchObject(expected);
  });

  // Finding 6: equal row counts → the sheet whose data is latest, whatever the sheet order.
  it.each<[string, string[], string]>([
    ["Q2 after Q1", ["Q1", "Q2"], "Q2"],
    ["Q2 before Q1", ["Q2", "Q1"], "Q2"],
  ])("prefers the newer of two equally long sales sheets (%s)", (_what, order, used) => {
    const q = (name: string, first: number): RawSheet =>
      sheet(name, [["Rep", "Date", "Amount"], sale("A", first), sale("B", first + 30)]);
    const sheets = order.map((n) => (n === "Q1" ? q("Q1", 46023) : q("Q2", 46113)));
    expect(mapping(findSalesTable(sheets)).sheet).toBe(used);
  });

  it("keeps the earlier sheet when rows and latest dates are equal, and the longer sheet over a newer one", () => {
    const a = sheet("A", [["Rep", "Date", "Amount"], sale("x", 46100), sale("y", 46101)]);
    const b = sheet("B", [["Rep", "Date", "Amount"], sale("x", "2026-03-01"), sale("y", "2026/3/20")]); // = 46101
    expect(mapping(findSalesTable([a, b])).sheet).toBe("A");
    const c = sheet("C", [["Rep", "Date", "Amount"], sale("x", 47000)]);
    expect(mapping(findSalesTable([c, a])).sheet).toBe("A");
  });
});
