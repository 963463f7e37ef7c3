/**
 * The payout settings of docs/reference/payouts.md on a Plan sheet, in JSON and on the Targets sheet (Draw column):
 * adjustment policy, clawback cap, draw, recoverable, recovery cap, who gets the draw. All optional: a plan without
 * them writes and reads as before.
 */
import {
  defaultPlan,
  formatPlanError,
  parsePlanJson,
  readPlanSheet,
  readTargetsSheet,
  writePlanSheet,
  type Plan,
  type PlanResult,
} from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";

type Lang = "en" | "zh";
const grid = (plan: Plan, lang: Lang): RawCell[][] => writePlanSheet(plan, lang).rows.map((r) => [...r]);
function planOf(r: PlanResult): Plan {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const messages = (r: PlanResult, lang: Lang = "en"): string[] => {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => formatPlanError(e, lang));
};

function drawPlan(lang: Lang): Plan {
  const p = defaultPlan(lang);
  p.payouts = {
    adjustments: "carry",
    clawbackCap: 2500,
    draw: 3000,
    drawRecoverable: true,
    recoveryCap: 1000,
    drawFor: "named",
  };
  return p;
}

const JSON_KPIS = [{ name: "Revenue", field: "amount", aggregate: "sum", target: 100000, weight: 1 }];

describe("payout settings on the Plan sheet", () => {
  it.each<Lang>(["en", "zh"])(
    "a plan without them writes no Payouts section and reads back without them (%s)",
    (lang) => {
      const p = defaultPlan(lang);
      const layout = writePlanSheet(p, lang);
      expect(layout.cells.payouts).toBeUndefined();
      const back = planOf(readPlanSheet(grid(p, lang), "Plan"));
      expect(back.payouts).toBeUndefined();
      expect(back).toEqual(p);
    },
  );

  it.each<Lang>(["en", "zh"])("write after the curve and read back (%s)", (lang) => {
    const p = drawPlan(lang);
    const layout = writePlanSheet(p, lang);
    const rows = layout.rows;
    const top = rows.findIndex((r) => r[0] === (lang === "en" ? "Payouts" : "奖金发放"));
    const curveLast = rows.findIndex((r, i) => i > 20 && r[0] === 1.5); // the default curve's last point x = 150 %
    expect(top).toBe(curveLast + 2);
    expect(rows.slice(top + 1, top + 7).map((r) => r.slice(0, 2))).toEqual(
      lang === "en"
        ? [
            ["Adjustments to closed periods", "carry into this payout"],
            ["Clawback cap per period", 2500],
            ["Draw per period", 3000],
            ["Draw recoverable", "yes"],
            ["Recovery cap per period", 1000],
            ["Draw for", "reps named on Targets"],
          ]
        : [
            ["往期调整", "计入本期发放"],
            ["每期扣回上限", 2500],
            ["每期保底金额", 3000],
            ["保底可收回", "是"],
            ["每期收回上限", 1000],
            ["保底适用范围", "目标表中列明的销售员"],
          ],
    );
    expect(layout.cells.payouts?.draw).toBe(`$B$${top + 4}`);
    expect(planOf(readPlanSheet(grid(p, lang), "Plan"))).toEqual(p);
  });

  it("rows typed in by hand read back; blank values are the defaults", () => {
    const rows = grid(defaultPlan("en"), "en");
    rows.push(
      [],
      ["Draw per period", "¥2,000"],
      ["Draw recoverable", null],
      ["Adjustments to closed periods", "仅计入增加额"],
    );
    expect(planOf(readPlanSheet(rows, "Plan")).payouts).toEqual({
      adjustments: "increases",
      clawbackCap: null,
      draw: 2000,
      drawRecoverable: false,
      recoveryCap: null,
      drawFor: "everyone",
    });
  });

  it("errors name the cell", () => {
    const rows = grid(drawPlan("en"), "en");
    const at = (label: string) => rows.findIndex((r) => r[0] === label);
    rows[at("Adjustments to closed periods")][1] = "pay it all";
    rows[at("Clawback cap per period")][1] = -5;
    rows[at("Draw per period")][1] = "lots";
    rows[at("Draw recoverable")][1] = "maybe";
    const r = at("Adjustments to closed periods") + 1;
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      `Plan!B${r}: adjustments to closed periods must be one of carry into this payout, carry increases only, report only, not "pay it all"`,
      `Plan!B${r + 1}: clawback cap per period must be greater than 0`,
      `Plan!B${r + 2}: draw per period must be a number`,
      `Plan!B${r + 3}: draw recoverable must be yes or no`,
    ]);
  });

  it("the zh sheet's errors are in Chinese", () => {
    const rows = grid(drawPlan("zh"), "zh");
    const r = rows.findIndex((x) => x[0] === "每期保底金额");
    rows[r][1] = -1;
    expect(messages(readPlanSheet(rows, "考核方案"), "zh")).toEqual([`'考核方案'!B${r + 1}: 每期保底金额不能为负数`]);
  });
});

describe("payout settings in JSON", () => {
  it("absent: no payouts", () => {
    expect(planOf(parsePlanJson({ kpis: JSON_KPIS })).payouts).toBeUndefined();
  });

  it("read with defaults for what is left out, and the reps named for a draw", () => {
    const plan = planOf(
      parsePlanJson({
        kpis: JSON_KPIS,
        payouts: {
          adjustments: "carry",
          draw: 3000,
          drawRecoverable: true,
          drawFor: "named",
          drawReps: { " Li  Na ": 2000, Wang: null },
        },
      }),
    );
    expect(plan.payouts).toEqual({
      adjustments: "carry",
      clawbackCap: null,
      draw: 3000,
      drawRecoverable: true,
      recoveryCap: null,
      drawFor: "named",
    });
    expect(plan.repDraws).toEqual({ "Li Na": 2000, Wang: null });
  });

  it("errors name the JSON path", () => {
    const r = parsePlanJson({
      kpis: JSON_KPIS,
      payouts: {
        adjustments: "all",
        clawbackCap: 0,
        draw: -1,
        drawRecoverable: "yes",
        recoveryCap: "x",
        drawFor: "some",
        drawReps: { Li: "a lot" },
        drawCap: 1,
      },
    });
    expect(messages(r)).toEqual([
      'payouts.drawCap: unknown setting "drawCap" (check the spelling)',
      "payouts.drawRecoverable: drawRecoverable must be yes or no",
      'payouts.adjustments: adjustments must be one of carry, increases, report, not "all"',
      "payouts.recoveryCap: recoveryCap must be a number",
      'payouts.drawFor: drawFor must be one of everyone, named, not "some"',
      "payouts.drawReps.Li: draw must be a number",
      "payouts.clawbackCap: clawbackCap must be greater than 0",
      "payouts.draw: draw must not be negative",
    ]);
  });

  it("a rep named for the plan's amount needs a plan amount", () => {
    const r = parsePlanJson({ kpis: JSON_KPIS, payouts: { drawFor: "named", drawReps: { Li: null } } });
    expect(messages(r)).toEqual([
      "payouts.drawReps.Li: draw: a rep named for a draw needs an amount here or a draw per period on the Plan",
    ]);
  });
});

describe("the Targets sheet's Draw column", () => {
  const plan = defaultPlan("en");
  const kpi = plan.kpis[0].name;

  it("a number is the rep's draw, yes the plan's amount; a row with only a draw sets no target", () => {
    const read = readTargetsSheet(
      [
        ["Rep", "KPI", "Target", "Draw"],
        ["Li Na", kpi, 150000, 2000],
        ["Wang Fang", null, null, "yes"],
        ["Zhao Min", kpi, 90000, null],
      ],
      "Targets",
      plan,
    );
    expect(read.errors).toEqual([]);
    expect(read.targets).toEqual({ "Li Na": { [kpi]: 150000 }, "Zhao Min": { [kpi]: 90000 } });
    expect(read.draws).toEqual({ "Li Na": 2000, "Wang Fang": null });
  });

  it("no Draw column: no draws, as before", () => {
    const read = readTargetsSheet(
      [
        ["Rep", "KPI", "Target"],
        ["Li Na", kpi, 150000],
      ],
      "Targets",
      plan,
    );
    expect(read).toEqual({ targets: { "Li Na": { [kpi]: 150000 } }, errors: [] });
  });

  it("a draw that cannot be read is reported by cell", () => {
    const read = readTargetsSheet(
      [
        ["销售员", "指标", "目标", "保底"],
        ["李娜", null, null, "很多"],
        ["王芳", null, null, -100],
      ],
      "目标",
      plan,
    );
    expect(read.errors.map((e) => [e.where, e.messageKey])).toEqual([
      ["'目标'!D2", "planMustBeNumber"],
      ["'目标'!D3", "planMustBeNonNegative"],
    ]);
  });
});
