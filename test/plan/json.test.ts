/** JSON plans (docs/reference/plan.md "--plan" format): defaults, target kinds, errors naming JSON paths. */
import { t } from "../../src/i18n";
import { defaultPlan, formatPlanError, parsePlanJson, parsePlanText } from "../../src/plan";
import type { PlanError, PlanResult } from "../../src/plan";

/** docs/reference/plan.md, verbatim. */
const REF_JSON = `{
  "period": "quarter",
  "currencyDecimals": 2,
  "kpis": [
    { "name": "Revenue", "field": "amount", "aggregate": "sum",
      "target": { "growth": 0.10 }, "direction": "higher",
      "weight": 0.40, "cap": 1.5, "group": "results" },
    { "name": "New customers", "field": "new customer", "aggregate": "count_true",
      "target": { "perMonth": 20 }, "weight": 0.30, "cap": 1.5, "group": "results" },
    { "name": "Customer satisfaction", "field": "satisfaction", "aggregate": "average",
      "target": 0.90, "weight": 0.15, "cap": 1.2, "group": "behaviour" },
    { "name": "Manager rating", "field": "behaviour", "aggregate": "average",
      "target": 4, "weight": 0.15, "cap": 1.25, "group": "behaviour" }
  ],
  "bonus": { "targetBonus": 5000, "curve": [[0.6, 0.3], [1, 1], [1.5, 2]],
             "threshold": 0.6, "cap": 2 },
  "ranking": { "top": 5, "bottom": 3 }
}`;

function errorsOf(r: PlanResult): PlanError[] {
  if (r.ok) throw new Error("expected errors, got a plan");
  return r.errors;
}
function planOf(r: PlanResult) {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const messages = (r: PlanResult) => errorsOf(r).map((e) => formatPlanError(e, "en"));
const kpi = (extra: Record<string, unknown> = {}) => ({
  name: "Revenue",
  field: "amount",
  aggregate: "sum",
  target: 100000,
  weight: 1,
  ...extra,
});

describe("parsePlanJson", () => {
  it("reads the reference's JSON as exactly the default plan", () => {
    expect(planOf(parsePlanText(REF_JSON))).toEqual(defaultPlan("en"));
  });

  it("fills every optional field from the defaults in a minimal plan", () => {
    const plan = planOf(parsePlanJson({ kpis: [kpi()] }));
    const d = defaultPlan("en");
    expect(plan).toEqual({
      ...d,
      kpis: [
        {
          name: "Revenue",
          measure: { field: "amount", header: null },
          aggregate: "sum",
          target: { kind: "fixed", value: 100000 },
          direction: "higher",
          weight: 1,
          cap: null,
          group: "results",
        },
      ],
    });
  });

  it("reads a full plan with per-month, growth and lower-is-better KPIs and a header measure", () => {
    const plan = planOf(
      parsePlanJson({
        period: "month",
        scoredPeriod: "2026-3",
        currency: "cny",
        currencyDecimals: 0,
        kpis: [
          kpi({ target: { growth: -0.05 }, weight: 0.5, cap: null }),
          { name: "Calls", field: "Calls made", aggregate: "sum", target: { perMonth: 300 }, weight: 0.25 },
          {
            name: "Days to close",
            field: "Days to close",
            aggregate: "average",
            target: 12,
            direction: "lower",
            weight: 0.25,
            cap: 1.3,
            group: "behaviour",
          },
        ],
        bonus: { targetBonus: 8000, curve: null, threshold: 0.5, cap: null },
        ranking: { top: 2, bottom: 0 },
        repTargets: { "  Grace   Liu ": { Calls: 250 } },
      }),
    );
    expect(plan.period).toBe("month");
    expect(plan.scoredPeriod).toBe("2026-03");
    expect(plan.currency).toBe("CNY");
    expect(plan.currencyDecimals).toBe(0);
    expect(plan.kpis.map((k) => [k.name, k.measure, k.target, k.direction, k.cap, k.group])).toEqual([
      ["Revenue", { field: "amount", header: null }, { kind: "growth", rate: -0.05 }, "higher", null, "results"],
      ["Calls", { field: null, header: "Calls made" }, { kind: "perMonth", value: 300 }, "higher", null, "results"],
      [
        "Days to close",
        { field: null, header: "Days to close" },
        { kind: "fixed", value: 12 },
        "lower",
        1.3,
        "behaviour",
      ],
    ]);
    expect(plan.bonus).toEqual({ targetBonus: 8000, curve: null, threshold: 0.5, cap: null });
    expect(plan.ranking).toEqual({ top: 2, bottom: 0 });
    expect(plan.repTargets).toEqual({ "Grace Liu": { Calls: 250 } });
  });

  it("lets a scored period alone set the period kind (as --period does)", () => {
    const plan = planOf(parsePlanJson({ scoredPeriod: "2026", kpis: [kpi()] }));
    expect([plan.period, plan.scoredPeriod]).toEqual(["year", "2026"]);
  });

  it.each<[string, unknown]>([
    ["null", null],
    ["an empty list", []],
  ])("reads bonus.curve %s as no curve (the factor is the score)", (_name, curve) => {
    const plan = planOf(parsePlanJson({ kpis: [kpi()], bonus: { curve } }));
    expect(plan.bonus).toEqual({ ...defaultPlan("en").bonus, curve: null });
  });

  it("keeps partial bonus and ranking blocks' other fields at their defaults", () => {
    const plan = planOf(parsePlanJson({ kpis: [kpi()], bonus: { targetBonus: 100 }, ranking: { top: 1 } }));
    expect(plan.bonus).toEqual({ ...defaultPlan("en").bonus, targetBonus: 100 });
    expect(plan.ranking).toEqual({ top: 1, bottom: 3 });
  });

  it.each<[string, unknown, string[]]>([
    [
      "unknown top-level key",
      { kpis: [kpi()], perod: "month" },
      ['perod: unknown setting "perod" (check the spelling)'],
    ],
    [
      "misspelt KPI key",
      { kpis: [kpi({ wieght: 1 })] },
      ['kpis[0].wieght: unknown setting "wieght" (check the spelling)'],
    ],
    ["missing kpis", {}, ["kpis: kpis is required"]],
    ["empty kpis", { kpis: [] }, ["kpis: the plan needs at least one KPI"]],
    ["weight as text", { kpis: [kpi({ weight: "40%" })] }, ["kpis[0].weight: weight must be a number"]],
    ["missing weight", { kpis: [kpi({ weight: undefined })] }, ["kpis[0].weight: weight is required"]],
    [
      "weights not 100%",
      { kpis: [kpi({ weight: 0.6 }), kpi({ name: "B", weight: 0.3 })] },
      ["kpis: weights add up to 90%, not 100%"],
    ],
    [
      "bad aggregate",
      { kpis: [kpi({ aggregate: "total" })] },
      ['kpis[0].aggregate: aggregate must be one of sum, count, count_unique, count_true, average, not "total"'],
    ],
    [
      "bad direction",
      { kpis: [kpi({ direction: "up" })] },
      ['kpis[0].direction: direction must be one of higher, lower, not "up"'],
    ],
    [
      "bad group",
      { kpis: [kpi({ group: "sales" })] },
      ['kpis[0].group: group must be one of results, behaviour, not "sales"'],
    ],
    [
      "bad period",
      { period: "week", kpis: [kpi()] },
      ['period: period must be one of month, quarter, year, not "week"'],
    ],
    ["negative target", { kpis: [kpi({ target: -5 })] }, ["kpis[0].target: target must be greater than 0"]],
    [
      "zero per-month target",
      { kpis: [kpi({ target: { perMonth: 0 } })] },
      ["kpis[0].target: target must be greater than 0"],
    ],
    [
      "growth of -100%",
      { kpis: [kpi({ target: { growth: -1 } })] },
      ["kpis[0].target: target must be greater than -100% (a growth target)"],
    ],
    [
      "target of the wrong shape",
      { kpis: [kpi({ target: { fixed: 10 } })] },
      ['kpis[0].target: target must be a number, { "perMonth": n } or { "growth": g }'],
    ],
    [
      "growth as text",
      { kpis: [kpi({ target: { growth: "10%" } })] },
      ["kpis[0].target.growth: growth must be a number"],
    ],
    ["cap of 0", { kpis: [kpi({ cap: 0 })] }, ["kpis[0].cap: cap must be greater than 0"]],
    [
      "non-increasing curve",
      {
        kpis: [kpi()],
        bonus: {
          curve: [
            [0.6, 0.3],
            [1, 1],
            [1, 2],
          ],
        },
      },
      ["bonus.curve[2][0]: curve x values must increase strictly: 1 comes after 1"],
    ],
    [
      "curve point not a pair",
      { kpis: [kpi()], bonus: { curve: [[0.6, 0.3], [1]] } },
      ["bonus.curve[1]: each curve point must be a pair [x, y] of numbers"],
    ],
    [
      "negative threshold",
      { kpis: [kpi()], bonus: { threshold: -0.1 } },
      ["bonus.threshold: threshold must not be negative"],
    ],
    ["bonus cap of 0", { kpis: [kpi()], bonus: { cap: 0 } }, ["bonus.cap: cap must be greater than 0"]],
    [
      "fractional top",
      { kpis: [kpi()], ranking: { top: 2.5 } },
      ["ranking.top: top must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    [
      "negative bottom",
      { kpis: [kpi()], ranking: { bottom: -1 } },
      ["ranking.bottom: bottom must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    [
      "a top share written as 100% or more",
      { kpis: [kpi()], ranking: { top: "150%" } },
      ["ranking.top: top must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    [
      "a bottom written as words",
      { kpis: [kpi()], ranking: { bottom: "five" } },
      ["ranking.bottom: bottom must be a number of reps (5) or a share of the team below 100% (20%)"],
    ],
    [
      "decimals out of range",
      { kpis: [kpi()], currencyDecimals: 7 },
      ["currencyDecimals: currencyDecimals must be a whole number from 0 to 6"],
    ],
    [
      "bad currency code",
      { kpis: [kpi()], currency: "RMB¥" },
      ['currency: currency must be a 3-letter ISO code such as CNY or USD, not "RMB¥"'],
    ],
    [
      "scored period of another kind",
      { period: "quarter", scoredPeriod: "2026-03", kpis: [kpi()] },
      ["scoredPeriod: the scored period 2026-03 does not match the plan's period (quarter)"],
    ],
    [
      "unreadable scored period",
      { kpis: [kpi()], scoredPeriod: "Q2 2026" },
      ['scoredPeriod: the scored period must look like 2026-03, 2026-Q1 or 2026, not "Q2 2026"'],
    ],
    [
      "duplicate KPI name",
      { kpis: [kpi({ weight: 0.5 }), kpi({ name: " revenue ", weight: 0.5 })] },
      ['kpis[1].name: the KPI name "revenue" is used twice'],
    ],
    ["empty KPI name", { kpis: [kpi({ name: "  " })] }, ["kpis[0].name: name is required"]],
    [
      "rep target for an unknown KPI",
      { kpis: [kpi()], repTargets: { "Grace Liu": { Revenu: 5 } } },
      ['repTargets["Grace Liu"].Revenu: "Revenu" is not a KPI of the plan (Revenue)'],
    ],
    ["plan not an object", [1, 2], ["plan: plan must be an object { … }"]],
  ])("rejects %s, naming the path", (_name, json, expected) => {
    expect(messages(parsePlanJson(json))).toEqual(expected);
  });

  it("reports every problem at once, without a weight-sum error over an unreadable weight", () => {
    const r = parsePlanJson({ kpis: [kpi({ weight: "x", cap: -1 }), kpi({ name: "B", weight: 0.2, target: 0 })] });
    expect(errorsOf(r).map((e) => e.where)).toEqual(["kpis[0].weight", "kpis[0].cap", "kpis[1].target"]);
  });

  it("sums weights exactly: 0.1 + 0.2 + 0.7 is 100 %", () => {
    const kpis = [0.1, 0.2, 0.7].map((w, i) => kpi({ name: `K${i}`, weight: w }));
    expect(parsePlanJson({ kpis }).ok).toBe(true);
  });

  it("accepts the Chinese words of the Plan sheet for choices", () => {
    const plan = planOf(
      parsePlanJson({
        period: "月度",
        kpis: [kpi({ field: "金额", aggregate: "求和", direction: "越低越好", group: "行为" })],
      }),
    );
    expect([plan.period, plan.kpis[0].measure.field, plan.kpis[0].direction, plan.kpis[0].group]).toEqual([
      "month",
      "amount",
      "lower",
      "behaviour",
    ]);
  });

  it("renders errors in Chinese too", () => {
    const [e] = errorsOf(parsePlanJson({ kpis: [kpi({ weight: 0.9 })] }));
    expect(formatPlanError(e, "zh")).toBe("kpis: 权重合计为 90%，不是 100%");
  });
});

describe("parsePlanText", () => {
  it.each<[string, string, string]>([
    [
      "a trailing comma",
      '{\n  "kpis": [],\n}',
      'plan.json: the plan is not valid JSON: unexpected "}" at line 3, column 1',
    ],
    ["a missing value", '{ "period": }', 'plan.json: the plan is not valid JSON: unexpected "}" at line 1, column 13'],
    ["a misspelt literal", '{"a": tru}', 'plan.json: the plan is not valid JSON: unexpected "}" at line 1, column 10'],
    ["single quotes", "{'kpis': []}", 'plan.json: the plan is not valid JSON: unexpected "\'" at line 1, column 2'],
    ["a cut-off file", '{"kpis": [', "plan.json: the plan is not valid JSON: it ends too early (line 1, column 11)"],
    ["an empty file", "", "plan.json: the plan is not valid JSON: it ends too early (line 1, column 1)"],
  ])("names the line and column of %s", (_name, text, expected) => {
    expect(messages(parsePlanText(text))).toEqual([expected]);
  });

  it("reads a file saved with a byte-order mark", () => {
    expect(planOf(parsePlanText(`\uFEFF${REF_JSON}`))).toEqual(defaultPlan("en"));
  });

  it("has a message for every error key in both languages", () => {
    const r = parsePlanText("{");
    for (const e of errorsOf(r)) expect(t("zh", e.messageKey, e.params)).not.toBe(e.messageKey);
  });
});
