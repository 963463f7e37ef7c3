/** scorePeriod (docs/reference/plan.md): actual/target/attainment, rescaled weights, score, rank, status, bonus. */
import { defaultPlan } from "../../src/plan/index";
import type { Plan, PlanKpi } from "../../src/plan/types";
import { compareCodePoints, scorePeriod } from "../../src/report/score";
import { defaultExample, ingestOf, serial } from "./fixtures";

const s = (d: { toString(): string } | null): string | null => (d === null ? null : d.toString());

function simplePlan(kpis: Partial<PlanKpi>[], over: Partial<Plan> = {}): Plan {
  const base = defaultPlan("en");
  return {
    ...base,
    kpis: kpis.map((k) => ({
      name: "Revenue",
      measure: { field: "amount", header: null },
      aggregate: "sum",
      target: { kind: "fixed", value: 100 },
      direction: "higher",
      weight: 1,
      cap: null,
      group: "results",
      ...k,
    })),
    bonus: { targetBonus: 1000, curve: null, threshold: 0, cap: null },
    ranking: { top: 1, bottom: 1 },
    ...over,
  };
}

describe("scorePeriod with the default plan (docs/reference/plan.md)", () => {
  const scored = scorePeriod(ingestOf(defaultExample()), defaultPlan("en"));
  const rep = (name: string) => scored.reps.find((r) => r.rep === name)!;

  it("scores the latest quarter in the data, with its prior for growth targets", () => {
    expect(scored.period).toBe("2026-Q2");
    expect(scored.priorPeriod).toBe("2026-Q1");
    expect(scored.reps.map((r) => r.rep)).toEqual(["Bob", "Alice", "Carol"]);
  });

  it.each([
    ["Alice", ["121000", "33", "0.99", "4.4"], ["110000", "60", "0.9", "4"], ["1.1", "0.55", "1.1", "1.1"]],
    ["Bob", ["330000", "90", "0.9", "5"], ["220000", "60", "0.9", "4"], ["1.5", "1.5", "1", "1.25"]],
    ["Carol", ["50000", "6", "0.81", "3.2"], [null, "60", "0.9", "4"], [null, "0.1", "0.9", "0.8"]],
  ])("%s: actuals, targets and attainments", (name, actuals, targets, atts) => {
    const r = rep(name);
    expect(r.kpis.map((k) => s(k.actual))).toEqual(actuals);
    expect(r.kpis.map((k) => s(k.target))).toEqual(targets);
    expect(r.kpis.map((k) => s(k.attainment))).toEqual(atts);
  });

  it.each([
    ["Alice", "0.935", 2, "0.88625", "4431.25"],
    ["Bob", "1.3875", 1, "1.775", "8875"],
    ["Carol", "0.475", 3, "0", "0"],
  ])("%s: score %s, rank %d, factor %s, payout %s", (name, score, rank, factor, payout) => {
    const r = rep(name);
    expect(r.score.toString()).toBe(score);
    expect(r.rank).toBe(rank);
    expect(r.factor.toString()).toBe(factor);
    expect(r.payout.toString()).toBe(payout);
  });

  it("a rep in both the top 5 and the bottom 3 is Top", () => {
    expect(scored.reps.map((r) => r.status)).toEqual(["top", "top", "top"]);
  });

  it("growth without a prior period leaves the KPI out and says so", () => {
    const carol = scored.issues.filter((i) => i.raw === "Carol").map((i) => i.reasonKey);
    expect(carol).toEqual(["growthNoPrior", "weightsRescaled"]);
    expect(rep("Carol").kpis[0].targetKind).toBe("none");
    expect(rep("Alice").kpis[0].targetKind).toBe("growth");
    expect(s(rep("Alice").kpis[0].prior)).toBe("100000");
  });

  it("the total is the sum of the rounded payouts (docs/reference/numbers.md)", () => {
    expect(scored.totalPayout.toString()).toBe("13306.25");
  });

  it("team ranking by average score", () => {
    expect(scored.teams.map((t) => [t.team, t.averageScore.toString(), t.reps, t.rank])).toEqual([
      ["West", "1.3875", 1, 1],
      ["East", "0.705", 2, 2],
    ]);
  });

  it("revenue by rep and period, growth over the prior period", () => {
    expect(scored.trendPeriods).toEqual(["2026-Q1", "2026-Q2"]);
    expect(scored.trends.map((t) => [t.rep, t.values.map(s), s(t.growth)])).toEqual([
      ["Alice", ["100000", "121000"], "0.21"],
      ["Bob", ["200000", "330000"], "0.65"],
      ["Carol", [null, "50000"], null],
    ]);
  });
});

describe("scorePeriod edge cases", () => {
  it("a growth target with a prior ≤ 0 is no target (docs/reference/plan.md)", () => {
    const rows = [
      { rep: "Dave", date: "2026-01-05", amount: -500 },
      { rep: "Dave", date: "2026-04-05", amount: 800, satisfaction: 0.9, behaviour: 4 },
    ];
    const r = scorePeriod(ingestOf(rows), defaultPlan("en")).reps[0];
    expect(s(r.kpis[0].prior)).toBe("-500");
    expect(r.kpis[0].target).toBeNull();
    // new 0/60 → 0; 1; 1 over weights 0.3 + 0.15 + 0.15
    expect(r.score.toString()).toBe("0.5");
  });

  it("a KPI whose column is missing is skipped for everyone and weights rescale", () => {
    const ingest = ingestOf(defaultExample(), { drop: ["satisfaction"] });
    const scored = scorePeriod(ingest, defaultPlan("en"));
    expect(scored.sources).toEqual(["sales", "sales", "missing", "sales"]);
    const alice = scored.reps.find((r) => r.rep === "Alice")!;
    // (0.44 + 0.165 + 0.165) / 0.85
    expect(alice.score.toSignificantDigits(12).toString()).toBe("0.905882352941");
    expect(alice.score.times(0.85).toString()).toBe("0.77");
    expect(scored.issues[0].reasonKey).toBe("kpiColumnMissing");
    // The missing field is named as the user knows it, in the report's language.
    expect(scored.issues[0].params).toEqual({ kpi: "Customer satisfaction", column: "Satisfaction" });
    const zh = scorePeriod(ingest, defaultPlan("zh"), { lang: "zh" });
    expect(zh.issues[0].params).toEqual({ kpi: "客户满意度", column: "满意度" });
  });

  it("ties: score, then first KPI actual (higher first), then name in code-point order", () => {
    const plan = simplePlan([
      { weight: 0.5 },
      { name: "Calls", measure: { field: null, header: "Calls" }, target: { kind: "fixed", value: 10 }, weight: 0.5 },
    ]);
    const rows = [
      { rep: "émile", date: "2026-04-01", amount: 120, extra: { Calls: 8 } },
      { rep: "Bea", date: "2026-04-01", amount: 100, extra: { Calls: 10 } },
      { rep: "Zed", date: "2026-04-01", amount: 120, extra: { Calls: 8 } },
      { rep: "Ann", date: "2026-04-01", amount: 90, extra: { Calls: 12 } },
    ];
    const scored = scorePeriod(ingestOf(rows, { extraHeaders: ["Calls"] }), plan);
    // Ann 0.45 + 0.6 = 1.05; the others 1: Zed and émile sold 120, Bea 100; "Z" (U+005A) < "é" (U+00E9).
    expect(scored.reps.map((r) => [r.rep, r.score.toString(), r.rank])).toEqual([
      ["Ann", "1.05", 1],
      ["Zed", "1", 2],
      ["émile", "1", 3],
      ["Bea", "1", 4],
    ]);
  });

  it("Top and Coaching: top N first, bottom N last, a rep in both is Top", () => {
    const plan = simplePlan([{}], { ranking: { top: 2, bottom: 2 } });
    const rows = ["A", "B", "C"].map((rep, i) => ({ rep, date: "2026-04-01", amount: 100 - i * 10 }));
    const scored = scorePeriod(ingestOf(rows), plan);
    expect(scored.reps.map((r) => [r.rep, r.status])).toEqual([
      ["A", "top"],
      ["B", "top"],
      ["C", "coaching"],
    ]);
  });

  it("per-rep targets override the plan, and a rep named only there is scored", () => {
    const plan = simplePlan([{}], { repTargets: { " Carol ": { Revenue: 40 }, Erin: { Revenue: 10 } } });
    const rows = [{ rep: "Carol", date: "2026-04-01", amount: 50 }];
    const scored = scorePeriod(ingestOf(rows), plan);
    expect(scored.reps.map((r) => [r.rep, r.kpis[0].targetKind, s(r.kpis[0].target), r.score.toString()])).toEqual([
      ["Carol", "override", "40", "1.25"],
      ["Erin", "override", "10", "0"],
    ]);
  });

  it("lower is better: max(0, (2·target − actual) / target)", () => {
    const plan = simplePlan([{ direction: "lower", target: { kind: "fixed", value: 50 } }]);
    const scored = scorePeriod(ingestOf([{ rep: "A", date: "2026-04-01", amount: 45 }]), plan);
    expect(scored.reps[0].kpis[0].attainment!.toString()).toBe("1.1");
  });

  it("an explicit period picks that period and its kind", () => {
    const scored = scorePeriod(ingestOf(defaultExample()), defaultPlan("en"), { period: "2026-03" });
    expect(scored.period).toBe("2026-03");
    expect(scored.reps.map((r) => r.rep)).toEqual(["Bob"]);
    expect(scored.reps[0].kpis[1].target!.toString()).toBe("20");
  });
});

describe("measures from another sheet (docs/reference/plan.md: e.g. a Ratings sheet)", () => {
  it("a KPI whose field is not in the sales table is read from measure rows", () => {
    const ingest = ingestOf([{ rep: "Alice", date: "2026-04-02", amount: 100, satisfaction: 0.9 }], {
      drop: ["behaviour"],
    });
    ingest.measures = [
      {
        sheet: "Ratings",
        sheetRow: 2,
        rep: "Alice",
        dateSerial: serial("2026-04-30"),
        values: { behaviour: 4.5, "Manager rating": 4.5 },
      },
      {
        sheet: "Ratings",
        sheetRow: 3,
        rep: "Alice",
        dateSerial: serial("2026-05-31"),
        values: { behaviour: 3.5, "Manager rating": 3.5 },
      },
      {
        sheet: "Ratings",
        sheetRow: 4,
        rep: "Alice",
        dateSerial: serial("2026-01-31"),
        values: { behaviour: 1, "Manager rating": 1 },
      },
    ];
    const scored = scorePeriod(ingest, defaultPlan("en"));
    expect(scored.sources).toEqual(["sales", "sales", "sales", "measures"]);
    expect(scored.reps[0].kpis[3].actual!.toString()).toBe("4");
    expect(scored.reps[0].kpis[3].attainment!.toString()).toBe("1");
  });
});

describe("compareCodePoints", () => {
  it.each([
    ["Zed", "émile", -1],
    ["a", "B", 1],
    ["\uFFFF", "\u{1F600}", -1],
    ["abc", "ab", 1],
  ])("%s vs %s", (a, b, sign) => {
    expect(Math.sign(compareCodePoints(a, b))).toBe(sign);
  });
});
