/**
 * The review streak rule (docs/reference/plan.md "Streak rule"): in a JSON plan and on the Plan sheet, both
 * languages; errors name the JSON path or the cell; a plan without it writes and reads exactly as before.
 */
import {
  defaultPlan,
  formatPlanError,
  parsePlanJson,
  PLAN_SHEET_NAMES,
  readPlanSheet,
  writePlanSheet,
  type Plan,
  type PlanResult,
} from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";

type Lang = "en" | "zh";
const withRule = (lang: Lang, rule: Plan["streak"]): Plan => ({ ...defaultPlan(lang), streak: rule });
const grid = (plan: Plan, lang: Lang): RawCell[][] => writePlanSheet(plan, lang).rows.map((r) => [...r]);
function planOf(r: PlanResult): Plan {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const messages = (r: PlanResult, lang: Lang = "en"): string[] => {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => formatPlanError(e, lang));
};
/** The 0-based row whose column A reads `label`. */
const rowLabelled = (rows: RawCell[][], label: string): number => rows.findIndex((r) => r[0] === label);

const json = (over: Record<string, unknown>) => ({
  kpis: [{ name: "Revenue", field: "amount", aggregate: "sum", target: { growth: 0.1 }, weight: 1 }],
  ...over,
});

describe("streak rule in a JSON plan", () => {
  it("reads kpi, of and atLeast; the Chinese word for the test too", () => {
    const p = planOf(parsePlanJson(json({ streak: { kpi: "Revenue", of: "growth", atLeast: 0.1 } })));
    expect(p.streak).toEqual({ kpi: "Revenue", of: "growth", atLeast: 0.1 });
    const zh = planOf(parsePlanJson(json({ streak: { kpi: "revenue", of: "达成率", atLeast: 1 } })));
    expect(zh.streak).toEqual({ kpi: "revenue", of: "attainment", atLeast: 1 });
  });

  it("absent or null: no rule", () => {
    expect(planOf(parsePlanJson(json({}))).streak).toBeUndefined();
    expect(planOf(parsePlanJson(json({ streak: null }))).streak).toBeUndefined();
  });

  it("errors name their path", () => {
    expect(messages(parsePlanJson(json({ streak: { kpi: "Profit", of: "growth", atLeast: 0.1 } })))).toEqual([
      'streak.kpi: "Profit" is not a KPI of the plan (Revenue)',
    ]);
    expect(
      messages(parsePlanJson(json({ streak: { kpi: "Revenue", of: "speed", atLeast: "10%", extra: 1 } }))),
    ).toEqual([
      'streak.extra: unknown setting "extra" (check the spelling)',
      'streak.of: of must be one of growth, attainment, not "speed"',
      "streak.atLeast: atLeast must be a number",
    ]);
    expect(messages(parsePlanJson(json({ streak: { of: "growth" } })))).toEqual([
      "streak.kpi: kpi is required",
      "streak.atLeast: atLeast is required",
    ]);
    expect(messages(parsePlanJson(json({ streak: { kpi: "Revenue", of: "growth", atLeast: -1 } })))).toEqual([
      "streak.atLeast: atLeast must be greater than -100% (a growth rate)",
    ]);
    expect(messages(parsePlanJson(json({ streak: { kpi: "Revenue", of: "attainment", atLeast: -0.5 } })))).toEqual([
      "streak.atLeast: atLeast must not be negative",
    ]);
    expect(messages(parsePlanJson(json({ streak: "Revenue" })))).toEqual(["streak: streak must be an object { … }"]);
  });
});

describe("streak rule on the Plan sheet", () => {
  it.each(["en", "zh"] as const)("%s: written under the curve and read back", (lang) => {
    const plan = withRule(lang, { kpi: defaultPlan(lang).kpis[0].name, of: "growth", atLeast: 0.1 });
    const layout = writePlanSheet(plan, lang);
    const rows = layout.rows.map((r) => [...r]);
    const section = rowLabelled(rows, lang === "en" ? "Review streak" : "连续达标");
    expect(section).toBeGreaterThan(rowLabelled(rows, lang === "en" ? "Score (x)" : "得分 (x)") + 3);
    expect(rows.slice(section + 1, section + 4).map((r) => r.slice(0, 2))).toEqual(
      lang === "en"
        ? [
            ["Streak KPI", "Revenue"],
            ["Streak on", "growth"],
            ["Streak at least", 0.1],
          ]
        : [
            ["达标指标", "销售额"],
            ["达标口径", "环比增长"],
            ["达标线", 0.1],
          ],
    );
    expect(layout.formats[section + 3][1]).toBe("0%");
    expect(layout.cells.streak).toEqual({
      kpi: `$B$${section + 2}`,
      of: `$B$${section + 3}`,
      atLeast: `$B$${section + 4}`,
    });
    expect(layout.headerRows).toContain(section);
    expect(planOf(readPlanSheet(rows, PLAN_SHEET_NAMES[lang]))).toEqual(plan);
  });

  it("without a rule the sheet is as before: nothing under the curve, nothing read", () => {
    const layout = writePlanSheet(defaultPlan("en"), "en");
    expect(layout.rows).toHaveLength(rowLabelled(layout.rows, "Score (x)") + 4);
    expect(layout.cells.streak).toBeUndefined();
    expect(planOf(readPlanSheet(grid(defaultPlan("en"), "en"), "Plan")).streak).toBeUndefined();
  });

  it("with payout settings too: the streak section follows the Payouts section, and both read back", () => {
    const plan: Plan = {
      ...withRule("en", { kpi: "Revenue", of: "attainment", atLeast: 1 }),
      payouts: {
        adjustments: "carry",
        clawbackCap: 500,
        draw: 1000,
        drawRecoverable: true,
        recoveryCap: null,
        drawFor: "everyone",
      },
    };
    const rows = grid(plan, "en");
    const payouts = rows.findIndex((r) => r[0] === "Payouts");
    expect(payouts).toBeGreaterThan(0);
    expect(rowLabelled(rows, "Review streak")).toBeGreaterThan(payouts);
    expect(planOf(readPlanSheet(rows, "Plan"))).toEqual(plan);
  });

  it("typed into an existing sheet by hand; the curve above still reads its three points", () => {
    const rows = grid(defaultPlan("en"), "en");
    rows.push(
      [],
      ["Review streak"],
      ["Streak KPI", "revenue"],
      ["Streak on", "attainment"],
      ["Streak at least", "100%"],
    );
    const p = planOf(readPlanSheet(rows, "Plan"));
    expect(p.streak).toEqual({ kpi: "revenue", of: "attainment", atLeast: 1 });
    expect(p.bonus.curve).toHaveLength(3);
  });

  it("cleared values drop the rule", () => {
    const rows = grid(withRule("en", { kpi: "Revenue", of: "growth", atLeast: 0.1 }), "en");
    const s = rowLabelled(rows, "Review streak");
    for (let r = s + 1; r <= s + 3; r++) rows[r][1] = null;
    expect(planOf(readPlanSheet(rows, "Plan")).streak).toBeUndefined();
  });

  it("errors name the cell, in the sheet's language", () => {
    const rows = grid(withRule("en", { kpi: "Revenue", of: "growth", atLeast: 0.1 }), "en");
    const s = rowLabelled(rows, "Review streak");
    rows[s + 1][1] = "Profit";
    rows[s + 2][1] = "speed";
    rows[s + 3][1] = "ten";
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      `Plan!B${s + 2}: "Profit" is not a KPI of the plan (Revenue, New customers, Customer satisfaction, Manager rating)`,
      `Plan!B${s + 3}: streak on must be one of growth, attainment, not "speed"`,
      `Plan!B${s + 4}: streak at least must be a number`,
    ]);
    const zh = grid(withRule("zh", { kpi: "销售额", of: "growth", atLeast: 0.1 }), "zh");
    const z = rowLabelled(zh, "连续达标");
    zh[z + 1][1] = null;
    zh[z + 3][1] = -2;
    expect(messages(readPlanSheet(zh, "考核方案"), "zh")).toEqual([
      `'考核方案'!B${z + 2}: 缺少达标指标`,
      `'考核方案'!B${z + 4}: 达标线必须大于 -100%（环比增长）`,
    ]);
  });
});
