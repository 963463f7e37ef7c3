/** Period keys from Excel serials (docs/reference/plan.md: a row belongs to the period of its date). */
import { comparePeriodKeys, periodKey, periodRange, periodsBetween, priorPeriod } from "../../src/engine/period";
import { serialOfDay, serialToYmd } from "../../src/sheet";

describe("serials (1900 date system)", () => {
  it.each([
    [25569, 1970, 1, 1],
    [61, 1900, 3, 1],
    [46022, 2025, 12, 31],
    [46082, 2026, 3, 1],
    [46111, 2026, 3, 30],
    [2958465, 9999, 12, 31],
  ])("serial %d is %d-%d-%d", (serial, y, m, d) => {
    expect(serialToYmd(serial)).toEqual({ y, m, d });
    expect(serialOfDay(y, m, d)).toBe(serial);
  });

  it("a serial with a time of day belongs to its day", () => {
    expect(periodKey(46082.75, "month")).toBe("2026-03");
  });
});

describe("periodKey", () => {
  it.each([
    ["2026-03-31", "month", "2026-03"],
    ["2026-03-31", "quarter", "2026-Q1"],
    ["2026-04-01", "quarter", "2026-Q2"],
    ["2026-12-31", "quarter", "2026-Q4"],
    ["2026-12-31", "year", "2026"],
  ] as const)("%s as a %s is %s", (iso, kind, key) => {
    const [y, m, d] = iso.split("-").map(Number);
    expect(periodKey(serialOfDay(y, m, d), kind)).toBe(key);
  });
});

describe("periodRange", () => {
  it.each([
    ["2026-02", "month", "2026-02-01", "2026-02-28", 1],
    ["2024-02", "month", "2024-02-01", "2024-02-29", 1],
    ["2026-Q2", "quarter", "2026-04-01", "2026-06-30", 3],
    ["2026-Q4", "quarter", "2026-10-01", "2026-12-31", 3],
    ["2026", "year", "2026-01-01", "2026-12-31", 12],
  ])("%s", (key, kind, start, end, months) => {
    const s = (iso: string) => {
      const [y, m, d] = iso.split("-").map(Number);
      return serialOfDay(y, m, d);
    };
    expect(periodRange(key)).toEqual({ kind, startSerial: s(start), endSerial: s(end), months });
  });

  it.each(["2026-13", "2026-Q5", "26", "2026-3", ""])("%j is not a period key", (key) => {
    expect(periodRange(key)).toBeNull();
    expect(priorPeriod(key)).toBeNull();
  });
});

describe("priorPeriod and order", () => {
  it.each([
    ["2026-01", "2025-12"],
    ["2026-Q1", "2025-Q4"],
    ["2026-Q3", "2026-Q2"],
    ["2026", "2025"],
  ])("before %s comes %s", (key, prior) => {
    expect(priorPeriod(key)).toBe(prior);
  });

  it("sorts keys chronologically", () => {
    expect(["2026-Q1", "2025-Q4", "2026-Q3", "2026-Q2"].sort(comparePeriodKeys)).toEqual([
      "2025-Q4",
      "2026-Q1",
      "2026-Q2",
      "2026-Q3",
    ]);
    expect(["2026-10", "2026-09", "2025-12"].sort(comparePeriodKeys)).toEqual(["2025-12", "2026-09", "2026-10"]);
  });

  it("lists every period between two days, gaps included", () => {
    expect(periodsBetween(serialOfDay(2025, 11, 20), serialOfDay(2026, 2, 1), "month")).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
  });
});
