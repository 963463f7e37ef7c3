// SPEC §3.1: the sales table is found by its headers wherever it is; the mapping can be overridden.
import { findSalesTable, isReservedSheet } from "../../src/ingest";
import type { ColumnMapping, IngestFailure, RawCell, RawSheet } from "../../src/ingest";

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
    expect(findSalesTable([s])).toEqual({
      kind: "ingestFailure",
      messageKey: "missingColumn",
      params: { field: "date", sheet: "Sales", row: 1 },
    });
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
    expect(findSalesTable([a, b], { sheet: "B", headerRow: 2 })).toEqual({
      kind: "ingestFailure",
      messageKey: "missingColumn",
      params: { field: "amount", sheet: "B", row: 2 },
    });
    expect(findSalesTable([a], { sheet: "Nope" })).toEqual({
      kind: "ingestFailure",
      messageKey: "noSalesTable",
      params: { sheet: "Nope" },
    });
  });
});
