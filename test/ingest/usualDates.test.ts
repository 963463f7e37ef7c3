// Dates that do not belong (docs/reference/robustness.md): the usual dates, their listing on Data issues, the
// default period and the Trends columns.
import { ingest, usualDates } from "../../src/ingest";
import type { IngestResult, RawCell } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan";
import { scorePeriod } from "../../src/report/score";
import { MAX_TREND_PERIODS } from "../../src/report/trends";
import { ingestOf, serial, type RowSpec } from "../report/fixtures";

const rowsOn = (...dates: string[]) => dates.map((d) => ({ dateSerial: serial(d) }));
const span = (u: { first: number; last: number } | null) => u && [u.first, u.last];

describe("usualDates", () => {
  it("runs from the first to the last month around the median sale with no gap over a year", () => {
    const u = usualDates(rowsOn("2026-01-05", "2026-02-10", "2026-06-30", "2027-06-01", "9999-12-31"));
    expect(span(u)).toEqual([serial("2026-01-01"), serial("2027-06-30")]);
  });

  it("a typo year far ahead or behind is outside; 12 months apart still belongs, 13 do not", () => {
    const u = usualDates(rowsOn("1926-03-01", "2025-03-15", "2026-03-02", "2026-03-03", "2026-04-09", "2062-03-15"));
    expect(span(u)).toEqual([serial("2025-03-01"), serial("2026-04-30")]);
    expect(span(usualDates(rowsOn("2025-02-28", "2026-03-01", "2026-03-02")))).toEqual([
      serial("2026-03-01"),
      serial("2026-03-31"),
    ]);
  });

  it("the largest Excel date ends its month; no rows give none", () => {
    expect(span(usualDates(rowsOn("9999-12-31")))).toEqual([serial("9999-12-01"), serial("9999-12-31")]);
    expect(usualDates([])).toBeNull();
  });
});

describe("ingest lists a sales row dated far from the others", () => {
  const values: RawCell[][] = [
    ["Rep", "Date", "Amount"],
    ["Ann", serial("2026-04-02"), 100],
    ["Bob", serial("2026-05-02"), 200],
    ["Ann", "9999-12-31", 50],
    ["Bob", serial("2026-06-02"), 300],
    ["Cy", serial("2062-04-02"), 25],
    ["Cy", "not a date", 7],
  ];
  const r = ingest([{ name: "Sales", values }]) as IngestResult;

  it("kept and counted as used; the reconciliation adds up", () => {
    expect(r.reconciliation).toEqual({
      rowsRead: 6,
      rowsUsed: 5,
      rowsExcluded: 1,
      amountRead: "682",
      amountUsed: "675",
      amountExcluded: "7",
    });
  });

  it("each such row is listed with its date, the usual dates and the date column", () => {
    const far = r.issues.filter((i) => i.reasonKey === "dateFarFromOthers");
    expect(far).toEqual([
      {
        sheet: "Sales",
        row: 4,
        column: "Date",
        raw: "9999-12-31",
        action: "kept",
        reasonKey: "dateFarFromOthers",
        params: { date: "9999-12-31", from: "2026-04-01", to: "2026-06-30" },
      },
      expect.objectContaining({
        row: 6,
        raw: serial("2062-04-02"),
        params: expect.objectContaining({ date: "2062-04-02" }),
      }),
    ]);
  });
});

describe("scoring with dates far from the others", () => {
  const rows: RowSpec[] = [
    { rep: "Ann", date: "2026-01-10", amount: 100 },
    { rep: "Ann", date: "2026-04-10", amount: 150 },
    { rep: "Bob", date: "2026-05-10", amount: 120 },
    { rep: "Bob", date: "9999-12-31", amount: 999 },
    { rep: "Cy", date: "2062-04-15", amount: 50 },
  ];
  const data = ingestOf(rows);

  it("the default period is the latest usual one; Trends leaves the far rows out", () => {
    const s = scorePeriod(data, defaultPlan("en"));
    expect(s.period).toBe("2026-Q2");
    expect(s.trendPeriods).toEqual(["2026-Q1", "2026-Q2"]);
    expect(s.trends.map((t) => t.rep)).toEqual(["Ann", "Bob"]);
  });

  it("a period the user picks counts its far rows, on sparse Trends columns (periods with sales only)", () => {
    const s = scorePeriod(data, defaultPlan("en"), { period: "9999-Q4" });
    expect(s.reps.map((r) => [r.rep, r.rows])).toEqual([["Bob", 1]]);
    expect(s.trendPeriods).toEqual(["2026-Q1", "2026-Q2", "9999-Q4"]);
    expect(s.trends.find((t) => t.rep === "Bob")!.values.map((v) => v && v.toString())).toEqual([null, "120", "999"]);
  });

  it(`a long history shows at most ${MAX_TREND_PERIODS} columns: the latest periods that hold sales`, () => {
    // One sale a year for 50 years keeps every year in the usual run (a year apart), 200 quarters wide.
    const yearly: RowSpec[] = Array.from({ length: 50 }, (_, i) => ({
      rep: "Ann",
      date: `${1977 + i}-05-01`,
      amount: 1,
    }));
    const s = scorePeriod(ingestOf(yearly), defaultPlan("en"));
    expect(s.period).toBe("2026-Q2");
    expect(s.trendPeriods).toHaveLength(MAX_TREND_PERIODS);
    expect(s.trendPeriods[0]).toBe("1991-Q2");
    expect(s.trendPeriods[MAX_TREND_PERIODS - 1]).toBe("2026-Q2");
    // By month: 600 months wide, so the 36 latest months holding a sale, one per year.
    const monthly = scorePeriod(ingestOf(yearly), defaultPlan("en"), { period: "2026-05" });
    expect(monthly.trendPeriods).toHaveLength(MAX_TREND_PERIODS);
    expect(monthly.trendPeriods.slice(-2)).toEqual(["2025-05", "2026-05"]);
  });
});
