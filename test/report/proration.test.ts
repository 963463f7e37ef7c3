/**
 * Joiners and leavers (docs/reference/plan.md "Joiners and leavers"): targets prorated by active days in the period,
 * the PERF.PRORATE rule, factors and targets calculated by hand; a rep with no active day in the period not ranked.
 */
import type Decimal from "decimal.js";
import { dec } from "../../src/engine/index";
import { scorePeriod } from "../../src/report/score";
import { ingestOf, repeat } from "./fixtures";
import { dates, kpi, PEOPLE, planWith, ROWS as rows } from "./prorationFixture";

/** Days out of 91, from a factor or target held to 40 digits (61/91 has no finite decimal). */
const in91 = (d: Decimal): string => d.times(91).toDecimalPlaces(30).toString();

describe("joiners and leavers (docs/reference/plan.md)", () => {
  const people = PEOPLE;
  const scored = scorePeriod(ingestOf(rows), planWith(people));
  const rep = (name: string) => scored.reps.find((r) => r.rep === name)!;

  it("a joiner mid-quarter: factor 61/91, sum and count targets × 61/91, the average's target as it is", () => {
    const jo = rep("Jo");
    expect(jo.proration.eq(dec(61).div(91))).toBe(true); // a decimal to 40 digits, not a double
    expect(in91(jo.proration)).toBe("61");
    expect(jo.kpis.map((k) => k.target!.toString())).toEqual(["61000", "61", "0.9"]);
    expect(jo.kpis.map((k) => k.attainment!.toString())).toEqual(["0.5", "1", "1"]);
    // 0.5 × 0.5 + 0.3 × 1 + 0.2 × 1
    expect(jo.score.toString()).toBe("0.75");
    expect(jo.payout.toString()).toBe("750");
  });

  it("a leaver mid-quarter: factor 45/91, targets 45 000 and 45", () => {
    const lee = rep("Lee");
    expect(in91(lee.proration)).toBe("45");
    expect(lee.kpis.map((k) => k.target!.toString())).toEqual(["45000", "45", "0.9"]);
    expect(lee.kpis.map((k) => k.attainment!.toString())).toEqual(["1.2", "1", "1"]);
    expect(lee.score.toString()).toBe("1.1"); // 0.6 + 0.3 + 0.2
  });

  it("a rep active the whole quarter has factor 1 and the plan's targets", () => {
    const fay = rep("Fay");
    expect(fay.proration.toString()).toBe("1");
    expect(fay.kpis.map((k) => k.target!.toString())).toEqual(["91000", "91", "0.9"]);
  });

  it("a leaver before the period is not scored nor ranked; the line names his rows of the period", () => {
    expect(scored.reps.map((r) => r.rep)).toEqual(["Lee", "Fay", "Jo"]);
    expect(scored.reps.map((r) => r.rank)).toEqual([1, 2, 3]);
    const gus = scored.issues.filter((i) => i.raw === "Gus");
    expect(gus).toEqual([
      {
        sheet: "People",
        row: 4,
        column: null,
        raw: "Gus",
        action: "skipped",
        reasonKey: "repLeftBeforePeriod",
        params: { rep: "Gus", period: "2026-Q2", dates: "2025-01-06 – 2026-03-20", rows: 1, amount: "5000" },
      },
    ]);
  });

  it("each prorated rep is listed with the days that make the factor", () => {
    const listed = scored.issues.filter((i) => i.reasonKey === "repProrated").map((i) => i.params);
    expect(listed).toEqual([
      { rep: "Jo", period: "2026-Q2", dates: "2026-05-01 – …", active: 61, days: 91 },
      { rep: "Lee", period: "2026-Q2", dates: "… – 2026-05-15", active: 45, days: 91 },
    ]);
  });

  it("a start after the period leaves the rep out too", () => {
    const s = scorePeriod(ingestOf(rows), planWith({ Jo: dates("2026-07-01", null) }));
    expect(s.reps.map((r) => r.rep)).not.toContain("Jo");
    expect(s.issues.find((i) => i.raw === "Jo")?.reasonKey).toBe("repStartsAfterPeriod");
  });

  it("a rep only on Targets who left before the period is not scored with no sales either", () => {
    const plan = planWith({ Ola: dates(null, "2026-01-31") }, { repTargets: { Ola: { Revenue: 50000 } } });
    const s = scorePeriod(ingestOf(rows), plan);
    expect(s.reps.map((r) => r.rep)).not.toContain("Ola");
    expect(s.issues.filter((i) => i.raw === "Ola").map((i) => i.reasonKey)).toEqual(["repLeftBeforePeriod"]);
  });

  it("a rep's own target from Targets, a per-month and a growth target are prorated alike", () => {
    const plan = planWith(
      { Jo: dates("2026-05-01", null) },
      {
        kpis: [
          kpi({ weight: 0.5, target: { kind: "perMonth", value: 1000 } }),
          kpi({ name: "Deals", aggregate: "count", target: { kind: "growth", rate: 0.5 }, weight: 0.5 }),
        ],
        repTargets: { Fay: { Revenue: 182000 } },
      },
    );
    const extra = [
      ...repeat(10, { rep: "Jo", date: "2026-03-10", amount: 1 }),
      ...repeat(4, { rep: "Fay", date: "2026-03-10", amount: 1 }),
    ];
    const s = scorePeriod(ingestOf([...rows, ...extra]), plan);
    const jo = s.reps.find((r) => r.rep === "Jo")!;
    // 3 000 × 61/91 and 10 × 1.5 × 61/91 (15 × 61 / 91 = 915/91)
    expect(in91(jo.kpis[0].target!)).toBe("183000");
    expect(in91(jo.kpis[1].target!)).toBe("915");
    const fay = s.reps.find((r) => r.rep === "Fay")!;
    expect(fay.kpis[0].target!.toString()).toBe("182000"); // active all quarter: her own target as typed
    expect(fay.proration.toString()).toBe("1");
  });

  it("dates for a name with no sales and no target are listed, not used", () => {
    const s = scorePeriod(ingestOf(rows), planWith({ Joe: dates("2026-05-01", null, 9) }));
    const line = s.issues.find((i) => i.reasonKey === "peopleRepNoSales");
    expect(line).toMatchObject({ sheet: "People", row: 9, raw: "Joe", action: "ignored" });
    expect(s.reps.every((r) => r.proration.toString() === "1")).toBe(true);
  });

  it("names match the sales rep ignoring case, as on Targets", () => {
    const s = scorePeriod(ingestOf(rows), planWith({ " jo ": dates("2026-05-01", null) }));
    expect(in91(s.reps.find((r) => r.rep === "Jo")!.proration)).toBe("61");
  });

  it("without dates every factor is 1 and the issues are as before", () => {
    const without = scorePeriod(ingestOf(rows), planWith(undefined));
    expect(without.reps.every((r) => r.proration.toString() === "1")).toBe(true);
    expect(without.reps.map((r) => r.rep)).toContain("Gus");
    expect(without.issues.some((i) => /^(rep|people)/.test(i.reasonKey))).toBe(false);
  });
});
