/** Display text (docs/reference/sheet.md "Display text"): numbers under the formats the tabs use, widths, wrapped headers. */
import { displayWidth, formatNumber, serialOfDay, wrappedWidth } from "../../src/sheet";

describe("formatNumber shows a number as Excel does under its format", () => {
  it.each([
    [3360900, "¥#,##0.00", "¥3,360,900.00"],
    [-14150, "¥#,##0.00", "-¥14,150.00"],
    [1234.5, '"HK$"#,##0.00', "HK$1,234.50"],
    [1234.5, "$#,##0", "$1,235"],
    [0.953, "0.0%", "95.3%"],
    [0.125, "0.00%", "12.50%"],
    [1, "0%", "100%"],
    [2084, "#,##0", "2,084"],
    [7, "0", "7"],
    [0.5, "#,##0.00", "0.50"],
    [3.456, "0.##", "3.46"],
    [12, "0.##", "12."],
    [-5, "#,##0;(#,##0)", "(5)"],
    [0, '#,##0;(#,##0);"-"', "-"],
    [1234567, "#,##0,", "1,235"],
    [1500, "[$¥-804]#,##0", "¥1,500"],
    [0.1 + 0.2, null, "0.3"],
    [123456789012, "General", "1.23457E+11"],
    [2 / 3, "General", "0.666666666"],
    [42, "@", "42"],
  ])("%p under %p → %p", (value, format, shown) => {
    expect(formatNumber(value, format)).toBe(shown);
  });

  it("dates: y, m, d from the serial, m after h as minutes", () => {
    const serial = serialOfDay(2026, 4, 1);
    expect(formatNumber(serial, "yyyy-mm-dd")).toBe("2026-04-01");
    expect(formatNumber(serial, 'yyyy"年"m"月"d"日"')).toBe("2026年4月1日");
    expect(formatNumber(serial, "d mmm yyyy")).toBe("1 Apr 2026");
    expect(formatNumber(serial + 0.5 + 5 / 1440, "yyyy-mm-dd hh:mm")).toBe("2026-04-01 12:05");
  });
});

describe("widths in Excel's column unit", () => {
  it.each([
    ["Revenue", 7],
    ["张伟", 4],
    ["实际销售额 ¥", 12],
    ["ＡＢ", 4],
  ])("displayWidth(%p) = %p", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it.each([
    ["Revenue attainment", 2, 10],
    ["Revenue attainment", 1, 18],
    ["New customers attainment", 2, 13],
    ["实际销售额", 2, 6],
    ["Rank", 2, 4],
    ["Customer satisfaction target", 2, 19],
  ])("wrappedWidth(%p, %p lines) = %p", (text, lines, width) => {
    expect(wrappedWidth(text, lines)).toBe(width);
  });
});
