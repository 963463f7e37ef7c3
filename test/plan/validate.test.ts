/** validatePlan (docs/reference/plan.md): every rule, each error naming its JSON path. */
import { defaultPlan, formatPlanError, validatePlan } from "../../src/plan";
import type { Plan } from "../../src/plan";

const messages = (plan: Plan) => validatePlan(plan).map((e) => formatPlanError(e, "en"));
function edit(change: (p: Plan) => void): Plan {
  const p = defaultPlan("en");
  change(p);
  return p;
}

describe("validatePlan", () => {
  it.each(["en", "zh"] as const)("accepts the default plan (%s)", (lang) => {
    expect(validatePlan(defaultPlan(lang))).toEqual([]);
  });

  it.each<[string, (p: Plan) => void, string[]]>([
    ["weights at 90 %", (p) => (p.kpis[0].weight = 0.3), ["kpis: weights add up to 90%, not 100%"]],
    ["weights at 100.5 %", (p) => (p.kpis[3].weight = 0.155), ["kpis: weights add up to 100.5%, not 100%"]],
    [
      "a negative weight",
      (p) => ((p.kpis[0].weight = -0.1), (p.kpis[1].weight = 0.8)),
      ["kpis[0].weight: weight must be from 0% to 100%"],
    ],
    ["a weight that is NaN", (p) => (p.kpis[2].weight = NaN), ["kpis[2].weight: weight must be a number"]],
    [
      "a zero fixed target",
      (p) => (p.kpis[2].target = { kind: "fixed", value: 0 }),
      ["kpis[2].target: target must be greater than 0"],
    ],
    [
      "growth below -100 %",
      (p) => (p.kpis[0].target = { kind: "growth", rate: -1.5 }),
      ["kpis[0].target: target must be greater than -100% (a growth target)"],
    ],
    ["a negative cap", (p) => (p.kpis[1].cap = -1), ["kpis[1].cap: cap must be greater than 0"]],
    [
      "an unknown aggregate",
      (p) => ((p.kpis[0] as { aggregate: string }).aggregate = "median"),
      ['kpis[0].aggregate: aggregate must be one of sum, count, count_unique, count_true, average, not "median"'],
    ],
    [
      "an unknown direction",
      (p) => ((p.kpis[0] as { direction: string }).direction = "up"),
      ['kpis[0].direction: direction must be one of higher, lower, not "up"'],
    ],
    [
      "an unknown group",
      (p) => ((p.kpis[0] as { group: string }).group = "x"),
      ['kpis[0].group: group must be one of results, behaviour, not "x"'],
    ],
    [
      "an unknown period",
      (p) => ((p as { period: string }).period = "week"),
      ['period: period must be one of month, quarter, year, not "week"'],
    ],
    ["no measure", (p) => (p.kpis[0].measure = { field: null, header: " " }), ["kpis[0].field: field is required"]],
    [
      "a curve with a step back",
      (p) =>
        (p.bonus.curve = [
          [0.6, 0.3],
          [1.2, 1],
          [1, 2],
        ]),
      ["bonus.curve[2][0]: curve x values must increase strictly: 1 comes after 1.2"],
    ],
    [
      "an empty curve",
      (p) => (p.bonus.curve = []),
      ["bonus.curve: the payout curve needs at least one point (or none at all: the factor is then the score)"],
    ],
    [
      "a negative target bonus",
      (p) => (p.bonus.targetBonus = -1),
      ["bonus.targetBonus: targetBonus must not be negative"],
    ],
    ["a negative threshold", (p) => (p.bonus.threshold = -0.5), ["bonus.threshold: threshold must not be negative"]],
    ["a zero payout cap", (p) => (p.bonus.cap = 0), ["bonus.cap: cap must be greater than 0"]],
    [
      "a negative top N",
      (p) => (p.ranking.top = -2),
      ["ranking.top: top must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    [
      "a fractional bottom N above 1",
      (p) => (p.ranking.bottom = 1.5),
      ["ranking.bottom: bottom must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    ["a share and a count are both fine", (p) => (p.ranking = { top: 0.2, bottom: 0 }), []],
    [
      "7 currency decimals",
      (p) => (p.currencyDecimals = 7),
      ["currencyDecimals: currencyDecimals must be a whole number from 0 to 6"],
    ],
    [
      "a lower-case currency",
      (p) => (p.currency = "usd"),
      ['currency: currency must be a 3-letter ISO code such as CNY or USD, not "usd"'],
    ],
    [
      "a month key in a quarterly plan",
      (p) => (p.scoredPeriod = "2026-03"),
      ["scoredPeriod: the scored period 2026-03 does not match the plan's period (quarter)"],
    ],
    [
      "a negative rep target",
      (p) => (p.repTargets = { Ann: { Revenue: -1 } }),
      ["repTargets.Ann.Revenue: target must be greater than 0"],
    ],
    ["no KPIs", (p) => (p.kpis = []), ["kpis: the plan needs at least one KPI"]],
  ])("reports %s", (_name, change, expected) => {
    expect(messages(edit(change))).toEqual(expected);
  });

  it("accepts weights within 1e-9 of 100 % and growth down to just above -100 %", () => {
    const p = edit((x) => {
      x.kpis[0].weight = 0.4000000005;
      x.kpis[0].target = { kind: "growth", rate: -0.99 };
      x.bonus.curve = null;
      x.bonus.cap = null;
      x.ranking = { top: 0, bottom: 0 };
      x.currencyDecimals = 0;
      x.scoredPeriod = "2026-Q2";
      x.currency = "CNY";
    });
    expect(validatePlan(p)).toEqual([]);
  });

  it("rejects weights 2e-9 off 100 %", () => {
    expect(messages(edit((x) => (x.kpis[0].weight = 0.400000002)))).toEqual([
      "kpis: weights add up to 100.0000002%, not 100%",
    ]);
  });
});
