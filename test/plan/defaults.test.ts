/** Default plan (docs/reference/plan.md table), KPI names by language, period keys (docs/reference/cli.md --period). */
import { defaultPlan, kpiDisplayName, parsePeriodArg } from "../../src/plan";

describe("defaultPlan", () => {
  it("is docs/reference/plan.md's table", () => {
    const p = defaultPlan("en");
    expect(
      p.kpis.map((k) => [k.name, k.measure.field, k.aggregate, k.target, k.group, k.weight, k.cap, k.direction]),
    ).toEqual([
      ["Revenue", "amount", "sum", { kind: "growth", rate: 0.1 }, "results", 0.4, 1.5, "higher"],
      ["New customers", "newCustomer", "count_true", { kind: "perMonth", value: 20 }, "results", 0.3, 1.5, "higher"],
      [
        "Customer satisfaction",
        "satisfaction",
        "average",
        { kind: "fixed", value: 0.9 },
        "behaviour",
        0.15,
        1.2,
        "higher",
      ],
      ["Manager rating", "behaviour", "average", { kind: "fixed", value: 4 }, "behaviour", 0.15, 1.25, "higher"],
    ]);
    expect(p.bonus).toEqual({
      targetBonus: 5000,
      curve: [
        [0.6, 0.3],
        [1, 1],
        [1.5, 2],
      ],
      threshold: 0.6,
      cap: 2,
    });
    expect([p.period, p.scoredPeriod, p.currency, p.currencyDecimals, p.ranking, p.repTargets]).toEqual([
      "quarter",
      null,
      null,
      2,
      { top: 5, bottom: 3 },
      {},
    ]);
  });

  it("names the KPIs in Chinese for zh and is otherwise identical", () => {
    const zh = defaultPlan("zh");
    expect(zh.kpis.map((k) => k.name)).toEqual(["销售额", "新客户", "客户满意度", "主管评分"]);
    const en = defaultPlan("en");
    expect({ ...zh, kpis: zh.kpis.map((k, i) => ({ ...k, name: en.kpis[i].name })) }).toEqual(en);
  });

  it("returns a fresh object each time", () => {
    const a = defaultPlan("en");
    a.bonus.curve![0][0] = 9;
    a.kpis[0].weight = 0;
    expect(defaultPlan("en").bonus.curve![0][0]).toBe(0.6);
    expect(defaultPlan("en").kpis[0].weight).toBe(0.4);
  });
});

describe("kpiDisplayName", () => {
  it.each<[string, "en" | "zh", string]>([
    ["Revenue", "zh", "销售额"],
    ["销售额", "en", "Revenue"],
    ["Manager rating", "zh", "主管评分"],
    ["New customers", "en", "New customers"],
  ])("shows default KPI %s in %s as %s", (name, lang, expected) => {
    const kpi =
      defaultPlan("en").kpis.find((k) => k.name === name) ?? defaultPlan("zh").kpis.find((k) => k.name === name)!;
    expect(kpiDisplayName(kpi, lang)).toBe(expected);
  });

  it("keeps a user's own names, and a default name on another measure", () => {
    const kpi = defaultPlan("en").kpis[0];
    expect(kpiDisplayName({ ...kpi, name: "Sales volume" }, "zh")).toBe("Sales volume");
    expect(kpiDisplayName({ ...kpi, measure: { field: null, header: "Net" } }, "zh")).toBe("Revenue");
  });
});

describe("parsePeriodArg", () => {
  it.each<[string, ReturnType<typeof parsePeriodArg>]>([
    ["2026-03", { kind: "month", key: "2026-03" }],
    ["2026-3", { kind: "month", key: "2026-03" }],
    ["2026/12", { kind: "month", key: "2026-12" }],
    ["2026-Q1", { kind: "quarter", key: "2026-Q1" }],
    ["2026-q4", { kind: "quarter", key: "2026-Q4" }],
    ["2026Q2", { kind: "quarter", key: "2026-Q2" }],
    ["2026", { kind: "year", key: "2026" }],
    [" ２０２６-Q2 ", { kind: "quarter", key: "2026-Q2" }],
    ["2026-13", null],
    ["2026-00", null],
    ["2026-Q5", null],
    ["2026-Q0", null],
    ["26-03", null],
    ["1899", null],
    ["Q1 2026", null],
    ["", null],
  ])("%p → %p", (arg, expected) => {
    expect(parsePeriodArg(arg)).toEqual(expected);
  });
});
