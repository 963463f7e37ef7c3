/** A1 addresses and ranges (docs/reference/sheet.md "Addresses"). */
import {
  cellAddress,
  columnIndex,
  columnLetters,
  formatRange,
  MAX_COLUMNS,
  parseCellAddress,
  parseRange,
  rangeBox,
  sheetCellAddress,
} from "../../src/sheet";

describe("column letters", () => {
  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [51, "AZ"],
    [52, "BA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (col, letters) => {
    expect(columnLetters(col)).toBe(letters);
    expect(columnIndex(letters)).toBe(col);
    expect(columnIndex(letters.toLowerCase())).toBe(col);
  });

  it("every column of the grid round-trips", () => {
    for (let c = 0; c < MAX_COLUMNS; c++) expect(columnIndex(columnLetters(c))).toBe(c);
  });

  it.each(["", "XFE", "ZZZZ", "A1", "Ä", "-"])("%j is no column", (s) => expect(columnIndex(s)).toBeNull());
});

describe("cell addresses", () => {
  it("0-based row and column, relative or absolute", () => {
    expect(cellAddress(4, 2)).toBe("C5");
    expect(cellAddress(4, 2, true)).toBe("$C$5");
  });

  it.each([
    ["C5", { row: 4, col: 2, absRow: false, absCol: false }],
    ["$C$5", { row: 4, col: 2, absRow: true, absCol: true }],
    ["c$5", { row: 4, col: 2, absRow: true, absCol: false }],
    ["$XFD1048576", { row: 1048575, col: 16383, absRow: false, absCol: true }],
  ])("parses %s", (text, cell) => expect(parseCellAddress(text)).toEqual(cell));

  it.each(["C0", "XFE1", "A1048577", "A01", "5C", "C5:C6", ""])("%j is no cell", (text) =>
    expect(parseCellAddress(text)).toBeNull(),
  );
});

describe("ranges", () => {
  it.each([
    ["A1:B2", null],
    ["$C$2:$C$13", null],
    ["Plan!$B$5", "Plan"],
    ["'Rep''s data'!A1:C3", "Rep's data"],
    ["='考核方案'!G22", "考核方案"],
    ["'a!b'!A1", "a!b"],
  ])("%s parses (sheet %j) and formats back", (text, sheet) => {
    const r = parseRange(text);
    expect(r?.sheet).toBe(sheet);
    expect(formatRange(r!)).toBe(text.replace(/^=/, ""));
  });

  it("keeps corners as written; rangeBox orders them", () => {
    const r = parseRange("D9:B2")!;
    expect(rangeBox(r)).toEqual({ r1: 1, c1: 1, r2: 8, c2: 3 });
    expect(formatRange(r)).toBe("D9:B2");
  });

  it.each(["A1:B2:C3", "Rep's!A1", "'unclosed!A1", "'a'b'!A1", "!A1", "A1:", "Plan!"])("%j is no range", (text) =>
    expect(parseRange(text)).toBeNull(),
  );

  it("a cell on a named sheet", () => {
    expect(sheetCellAddress("Targets", 1, 2)).toBe("Targets!C2");
    expect(sheetCellAddress("Data issues", 0, 0, true)).toBe("'Data issues'!$A$1");
  });
});
