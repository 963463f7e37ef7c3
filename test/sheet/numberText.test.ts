/** The one reader of numbers written as text (docs/reference/sheet.md "Number text"). */
import { isoOfSymbol, parseNumberText } from "../../src/sheet";

const value = (text: string) => {
  const p = parseNumberText(text);
  return p.ok ? p.value : p.reason;
};

describe("parseNumberText", () => {
  it.each([
    ["12", 12],
    ["-0.5", -0.5],
    [".5", 0.5],
    ["1E-9", 1e-9],
    ["2.5e3", 2500],
    ["12,500", 12500],
    ["1,234,567.89", 1234567.89],
    ["1 234 567", 1234567],
    ["12.5%", 0.125],
    ["7%", 0.07],
    ["40 %", 0.4],
    ["1.2万", 12000],
    ["0.73万", 7300],
    ["3亿", 300000000],
    ["(1,234)", -1234],
    ["-$1,234.50", -1234.5],
    ["$-12", -12],
    ["¥5,000", 5000],
    ["￥５，０００", 5000],
    ["１２３", 123],
    ["1.2万元", 12000],
    ["USD 1,234", 1234],
    ["1 234 €", 1234],
    ["−7", -7],
    ["  42  ", 42],
    ["-0", 0],
    ["5.", 5],
  ])("%j → %d", (text, expected) => expect(value(text)).toBe(expected));

  it("reads the exact decimal, not a float product", () => {
    expect(value("0.07%")).toBe(0.0007);
    expect(value("1.1万")).toBe(11000);
  });

  it("names the currency and the unit as written", () => {
    expect(parseNumberText("¥1.2万")).toEqual({ ok: true, value: 12000, symbol: "¥", unit: "万" });
    expect(parseNumberText("12%")).toEqual({ ok: true, value: 0.12, unit: "%" });
    expect(parseNumberText("12")).toEqual({ ok: true, value: 12 });
    expect(isoOfSymbol("元")).toBe("CNY");
    expect(isoOfSymbol("usd")).toBe("USD");
    expect(isoOfSymbol("kr")).toBeNull();
  });

  it.each(["12,5", "1.234,50", "1,23", "¥12,5", "1.234.567", "12,34%", "1,2345"])(
    "%j is refused as ambiguous (a decimal comma, or dots as thousands)",
    (text) => expect(value(text)).toBe("ambiguousSeparators"),
  );

  it.each(["abc", "12 apples", "--5", "(-5)", "$12€", "1 23", "1e", "forty", "+-1", "12%%", "#N/A"])(
    "%j is no number",
    (text) => expect(value(text)).toBe("notNumber"),
  );

  it.each(["", "   ", "\u3000"])("%j is blank", (text) => expect(value(text)).toBe("blank"));
});
