// The What-if tab's number text (src/taskpane/whatIfText.ts): typed actuals and deal amounts, KPI values and changes.
import { dec } from "../../src/engine/index";
import { changeText, kpiValueText, moneyStyle, readTyped, serialOfIsoDate } from "../../src/taskpane/whatIfText";

describe("What-if number text", () => {
  it.each([
    ["12,500", "money", "12500"],
    ["1.2万", "money", "12000"],
    ["¥3,000.50", "money", "3000.5"],
    ["95", "percent", "0.95"],
    ["95%", "percent", "0.95"],
    ["0.95", "percent", "0.95"],
    ["−3", "count", "-3"],
  ] as const)("%s as %s reads %s", (text, unit, value) => {
    const r = readTyped(text, unit);
    expect(r.kind === "ok" ? r.value.toString() : r.kind).toBe(value);
  });

  it.each(["12,5", "abc", "1e999"])("%s is no number", (text) => {
    expect(readTyped(text, "money").kind).toBe("bad");
  });

  it("blank keeps the actual", () => {
    expect(readTyped("  ", "count").kind).toBe("blank");
  });

  it("shows each unit as the report does, changes with their sign", () => {
    const cny = moneyStyle("CNY", 2);
    expect(kpiValueText(dec("1234567.5"), "money", cny)).toBe("¥1,234,567.50");
    expect(kpiValueText(dec("0.915"), "percent", cny)).toBe("91.5%");
    expect(kpiValueText(dec(14), "count", cny)).toBe("14");
    expect(changeText(dec("-0.5"), "number", cny)).toBe("−0.5");
    expect(changeText(dec("86378.08"), "money", moneyStyle("HKD", 2))).toBe("+HK$86,378.08");
    expect(changeText(dec(4), "count", moneyStyle(null, 0))).toBe("+4");
  });

  it("reads a date input's value; a day that does not exist is none", () => {
    expect(serialOfIsoDate("2026-06-30")).toBe(46203);
    expect(serialOfIsoDate("2026-02-30")).toBeNull();
    expect(serialOfIsoDate("")).toBeNull();
  });
});
