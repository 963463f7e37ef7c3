/** The Plan sheet (docs/reference/plan.md, tabs.md): layout, round trip in both languages, edits, errors naming cells. */
import { defaultPlan, formatPlanError, PLAN_SHEET_NAMES, readPlanSheet, writePlanSheet } from "../../src/plan";
import type { Plan, PlanResult } from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";
import { parseCellAddress } from "../../src/sheet";

type Lang = "en" | "zh";

/** "$G$21" → [20, 6] (0-based row, col). */
function rc(address: string): [number, number] {
  const { row, col } = parseCellAddress(address)!;
  return [row, col];
}
const grid = (plan: Plan, lang: Lang): RawCell[][] => writePlanSheet(plan, lang).rows.map((r) => [...r]);
const cellAt = (rows: RawCell[][], address: string) => {
  const [r, c] = rc(address);
  return rows[r][c];
};
function setAt(rows: RawCell[][], address: string, v: RawCell) {
  const [r, c] = rc(address);
  rows[r][c] = v;
}
function planOf(r: PlanResult): Plan {
  if (!r.ok) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r.plan;
}
const messages = (r: PlanResult, lang: Lang = "en") => {
  if (r.ok) throw new Error("expected errors");
  return r.errors.map((e) => formatPlanError(e, lang));
};

/** A plan exercising every shape: header measure, per-month, growth, lower-is-better, no caps, no curve. */
function fullPlan(): Plan {
  const p = defaultPlan("en");
  p.period = "month";
  p.scoredPeriod = "2026-03";
  p.currency = "CNY";
  p.currencyDecimals = 0;
  p.kpis = [
    { ...p.kpis[0], target: { kind: "growth", rate: 0.125 }, weight: 0.35, cap: null },
    { ...p.kpis[1], target: { kind: "perMonth", value: 12 }, weight: 0.25 },
    {
      name: "Days to close",
      measure: { field: null, header: "Days to close" },
      aggregate: "average",
      target: { kind: "fixed", value: 14 },
      direction: "lower",
      weight: 0.2,
      cap: 1.3,
      group: "behaviour",
    },
    {
      name: "Accounts",
      measure: { field: "customer", header: null },
      aggregate: "count_unique",
      target: { kind: "fixed", value: 30 },
      direction: "higher",
      weight: 0.2,
      cap: null,
      group: "results",
    },
  ];
  p.bonus = { targetBonus: 8000, curve: null, threshold: 0, cap: null };
  p.ranking = { top: 0, bottom: 10 };
  return p;
}

describe("writePlanSheet layout", () => {
  const layout = writePlanSheet(defaultPlan("en"), "en");

  it("puts every value where `cells` says", () => {
    const c = layout.cells;
    expect([c.period, c.scoredPeriod, c.currency, c.currencyDecimals]).toEqual(["$B$5", "$B$6", "$B$7", "$B$8"]);
    expect(c.bonus).toEqual({
      targetBonus: "$B$11",
      threshold: "$B$12",
      cap: "$B$13",
      curveX: "$A$29:$A$31",
      curveY: "$B$29:$B$31",
    });
    expect(c.ranking).toEqual({ top: "$B$16", bottom: "$B$17" });
    expect(c.coachingTab).toBe("$B$18");
    expect(c.weights).toBe("$G$21:$G$24");
    expect(c.kpis[1]).toEqual({
      name: "$A$22",
      measure: "$B$22",
      aggregate: "$C$22",
      targetKind: "$D$22",
      target: "$E$22",
      direction: "$F$22",
      weight: "$G$22",
      cap: "$H$22",
      group: "$I$22",
      scope: "$J$22",
      incentive: "$K$22",
    });
    const rows = layout.rows as RawCell[][];
    expect(
      [
        c.period,
        c.currencyDecimals,
        c.bonus.targetBonus,
        c.bonus.threshold,
        c.bonus.cap,
        c.ranking.top,
        c.ranking.bottom,
      ].map((a) => cellAt(rows, a)),
    ).toEqual(["quarter", 2, 5000, 0.6, 2, 5, 3]);
    expect(
      c.kpis.map((k) => [
        cellAt(rows, k.name),
        cellAt(rows, k.targetKind),
        cellAt(rows, k.target),
        cellAt(rows, k.weight),
      ]),
    ).toEqual([
      ["Revenue", "growth", 0.1, 0.4],
      ["New customers", "per month", 20, 0.3],
      ["Customer satisfaction", "fixed", 0.9, 0.15],
      ["Manager rating", "fixed", 4, 0.15],
    ]);
    expect([29, 30, 31].map((r) => [cellAt(rows, `A${r}`), cellAt(rows, `B${r}`)])).toEqual([
      [0.6, 0.3],
      [1, 1],
      [1.5, 2],
    ]);
  });

  it("keeps the settings cells fixed whatever the number of KPIs", () => {
    const one = defaultPlan("en");
    one.kpis = [{ ...one.kpis[0], weight: 1 }];
    const c = writePlanSheet(one, "en").cells;
    expect([c.period, c.bonus.targetBonus, c.ranking.bottom, c.weights, c.bonus.curveX]).toEqual([
      "$B$5",
      "$B$11",
      "$B$17",
      "$G$21:$G$21",
      "$A$26:$A$28",
    ]);
  });

  it("gives rows and formats the same rectangular shape", () => {
    expect(layout.formats.length).toBe(layout.rows.length);
    layout.rows.forEach((row, r) => {
      expect(row.length).toBe(11);
      expect(layout.formats[r].length).toBe(11);
    });
    expect(layout.headerRows).toEqual([3, 9, 14, 18, 19, 26, 27]);
    expect(layout.formulas.length).toBe(layout.rows.length);
    layout.formulas.forEach((row) => expect(row.length).toBe(11));
    expect(layout.rows[layout.titleRow][0]).toBe("Performance plan");
  });

  it.each<[string, string | null]>([
    ["$B$5", "@"],
    ["$B$6", "@"],
    ["$B$8", "0"],
    ["$B$11", "#,##0.00"],
    ["$B$12", "0%"],
    ["$B$13", "0%"],
    ["$B$16", "0"],
    ["$E$21", "0%"], // growth 10 %
    ["$E$22", "#,##0"], // 20 new customers a month
    ["$E$23", "0%"], // satisfaction 90 %
    ["$E$24", null], // manager rating 4
    ["$G$21", "0%"],
    ["$H$24", "0%"],
    ["$G$25", "0%"], // total weight
    ["$A$29", "0%"],
  ])("formats %s as %p", (address, fmt) => {
    const [r, c] = rc(address);
    expect(layout.formats[r][c]).toBe(fmt);
  });

  it("formats money with the currency and decimals, and odd percents exactly", () => {
    const l = writePlanSheet(fullPlan(), "en");
    const [r, c] = rc(l.cells.bonus.targetBonus);
    expect(l.formats[r][c]).toBe("¥#,##0");
    const [gr, gc] = rc(l.cells.kpis[0].target);
    expect(l.formats[gr][gc]).toBe("0.0%"); // 12.5 %, not "13%"
    expect([l.cells.bonus.curveX, l.cells.bonus.curveY]).toEqual(["", ""]);
  });

  it("writes labels and choice words in Chinese for zh", () => {
    const zh = writePlanSheet(defaultPlan("zh"), "zh");
    const rows = zh.rows as RawCell[][];
    expect(rows[0][0]).toBe("考核方案");
    expect([rows[4][0], rows[4][1]]).toEqual(["考核周期", "季度"]);
    expect(rows[19]).toEqual([
      "指标",
      "数据列",
      "汇总方式",
      "目标类型",
      "目标",
      "方向",
      "权重",
      "上限",
      "类别",
      "考核口径",
      "激励",
    ]);
    expect(rows[20]).toEqual(["销售额", "金额", "求和", "增长率", 0.1, "越高越好", 0.4, 1.5, "业绩", "个人", null]);
    expect(rows[17].slice(0, 2)).toEqual(["辅导工作表范围", "待辅导的销售员"]);
    expect(rows[21].slice(0, 4)).toEqual(["新客户", "新客户", "“是”的个数", "每月"]);
    expect(PLAN_SHEET_NAMES).toEqual({ en: "Plan", zh: "考核方案" });
  });

  it("shows aggregations in words, not the JSON codes (count_true)", () => {
    const rows = writePlanSheet(fullPlan(), "en").rows as RawCell[][];
    const words = rows.slice(20, 20 + fullPlan().kpis.length).map((r) => r[2]);
    expect(words.some((w) => typeof w === "string" && w.includes("_"))).toBe(false);
    expect(writePlanSheet(defaultPlan("en"), "en").rows[21][2]).toBe("count of yes");
  });

  it.each(["count_true", "count of yes", "Count Of Yes", "“是”的个数"])(
    "reads the aggregation %s as count_true",
    (word) => {
      const rows = grid(defaultPlan("en"), "en");
      setAt(rows, "$C$21", "sum");
      setAt(rows, "$C$22", word);
      expect(planOf(readPlanSheet(rows, "Plan")).kpis[1].aggregate).toBe("count_true");
    },
  );

  it.each(["count_unique", "count distinct", "不重复计数"])("reads the aggregation %s as count_unique", (word) => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$C$22", word);
    expect(planOf(readPlanSheet(rows, "Plan")).kpis[1].aggregate).toBe("count_unique");
  });
});

describe("Plan sheet: what recalculates at once, what waits for the next run, and the weight total", () => {
  const at = (l: ReturnType<typeof writePlanSheet>, address: string) => {
    const [r, c] = rc(address);
    return { v: l.rows[r][c], f: l.formulas[r][c], fmt: l.formats[r][c] };
  };

  it.each<[Lang, string]>([
    [
      "en",
      "These rules drive every tab. Recalculates at once: targets, weights, caps, target bonus, threshold, payout cap, the curve's points, Top N and Bottom N. Takes effect at the next run of SalesPerf: period, scored period, currency, measure, aggregation, target kind, direction, and added KPIs or curve points. Weights must add up to 100%.",
    ],
    [
      "zh",
      "本表是工作簿中各页的计算规则。修改后立即重新计算：目标、权重、上限、目标奖金、门槛、奖金系数上限、曲线上已有的点、前 N 名和后 N 名。下次运行 SalesPerf 时才生效：考核周期、考核期、币种、数据列、汇总方式、目标类型、方向，以及新增的指标或曲线点。权重合计必须为 100%。",
    ],
  ])("the note under the title says which values are live (%s)", (lang, note) => {
    const l = writePlanSheet(defaultPlan(lang), lang);
    expect(l.rows[l.noteRow][0]).toBe(note);
  });

  it.each<[Lang, string, string]>([
    ["en", "$C$5", "month, quarter or year — takes effect at the next run of SalesPerf"],
    [
      "en",
      "$C$6",
      "e.g. 2026-Q2, 2026-03 or 2026; blank = the latest period in the data — takes effect at the next run of SalesPerf",
    ],
    ["en", "$C$7", "ISO code such as CNY or USD; blank = none — takes effect at the next run of SalesPerf"],
    ["en", "$C$11", "per rep and period, paid at a payout factor of 100%"], // live: no next-run remark
    ["zh", "$C$5", "月度、季度或年度（下次运行 SalesPerf 时生效）"],
    ["zh", "$C$7", "ISO 代码，如 CNY、USD；留空 = 无（下次运行 SalesPerf 时生效）"],
  ])("%s hint %s: %s", (lang, address, hint) => {
    expect(at(writePlanSheet(defaultPlan(lang), lang), address).v).toBe(hint);
  });

  it.each<[Lang, RegExp]>([
    [
      "en",
      /Target, weight, cap and an existing incentive's text recalculate at once; KPI, measure, aggregation, target kind, direction, group, scored on, a new incentive and added rows take effect at the next run of SalesPerf\.$/,
    ],
    [
      "zh",
      /目标、权重、上限及已有激励的文字修改后立即重新计算；指标、数据列、汇总方式、目标类型、方向、类别、考核口径、新填的激励及新增的行在下次运行 SalesPerf 时生效。$/,
    ],
  ])("the KPI table's hint splits its columns into live and next-run (%s)", (lang, re) => {
    const l = writePlanSheet(defaultPlan(lang), lang);
    expect(String(at(l, "$C$19").v)).toMatch(re);
  });

  it.each<[Lang, string, string]>([
    ["en", "Total weight", "OK"],
    ["zh", "权重合计", "正确"],
  ])("puts a Total weight row under the KPI table with a SUM and a check (%s)", (lang, label, ok) => {
    const l = writePlanSheet(defaultPlan(lang), lang);
    expect(l.totalRow).toBe(24);
    expect([l.cells.weightTotal, l.cells.weightCheck]).toEqual(["$G$25", "$H$25"]);
    expect(at(l, "$A$25").v).toBe(label);
    expect(at(l, "$G$25")).toEqual({ v: 1, f: "SUM($G$21:$G$24)", fmt: "0%" });
    const check = at(l, "$H$25");
    expect(check.v).toBe(ok);
    expect(check.f).toBe(
      `IF(ABS($G$25-1)<=0.000000001,"${ok}","${lang === "en" ? "Weights must add up to 100%: until they do, each score scales them to 100% and the next run of SalesPerf stops." : "权重合计须为 100%。改正之前，各人得分按比例折算权重；下次运行 SalesPerf 将报错停止。"}")`,
    );
    // Only the two total cells are formulas.
    expect(l.formulas.flat().filter((f) => f !== null)).toHaveLength(2);
  });

  it.each<[string, number[], number, string, boolean]>([
    ["whole percents", [0.4, 0.3, 0.15, 0.15], 1, "0%", true],
    ["odd percents summed exactly (0.1 + 0.2 + 0.7)", [0.1, 0.2, 0.7], 1, "0%", true],
    ["a 12.5 % weight keeps its decimal on the total", [0.125, 0.875], 1, "0.0%", true],
    ["weights over 100 %", [0.5, 0.3, 0.15, 0.15], 1.1, "0%", false],
    ["weights under 100 % by 0.01 %", [0.4, 0.3, 0.15, 0.1499], 0.9999, "0.00%", false],
    ["within 1e-9 of 100 % (percent formats stop at 4 decimals)", [0.5, 0.5000000001], 1.0000000001, "0.0000%", true],
    ["a single KPI", [1], 1, "0%", true],
  ])("the cached total and check: %s", (_name, weights, sum, fmt, ok) => {
    const p = defaultPlan("en");
    p.kpis = weights.map((w, i) => ({ ...p.kpis[0], name: `K${i}`, weight: w }));
    const l = writePlanSheet(p, "en");
    const [r, c] = rc(l.cells.weightTotal);
    expect([l.rows[r][c], l.formats[r][c]]).toEqual([sum, fmt]);
    expect(l.formulas[r][c]).toBe(`SUM($G$21:$G$${20 + weights.length})`);
    expect(l.rows[r][c + 1]).toBe(
      ok
        ? "OK"
        : "Weights must add up to 100%: until they do, each score scales them to 100% and the next run of SalesPerf stops.",
    );
  });

  it("reads the sheet back whatever the total row holds (an error, text)", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$G$25", { error: "#VALUE!" });
    setAt(rows, "$H$25", "must be 100%");
    expect(planOf(readPlanSheet(rows, "Plan"))).toEqual(defaultPlan("en"));
  });

  it.each<Lang>(["en", "zh"])("reads a KPI a user typed below the total row (%s)", (lang) => {
    const rows = grid(defaultPlan(lang), lang);
    // Row 26 is the blank row between the total and the curve.
    rows[25] = ["Calls", "Calls made", "sum", "fixed", 100, "higher", 0.1, null, "behaviour"].map((v) =>
      lang === "zh" && v === "fixed" ? "固定值" : v,
    ) as RawCell[];
    setAt(rows, "$G$21", 0.3);
    const plan = planOf(readPlanSheet(rows, PLAN_SHEET_NAMES[lang]));
    expect(plan.kpis.map((k) => [k.name, k.weight])).toEqual([
      ...defaultPlan(lang).kpis.map((k, i) => [k.name, i === 0 ? 0.3 : k.weight]),
      ["Calls", 0.1],
    ]);
  });
});

describe("readPlanSheet round trip", () => {
  it.each<Lang>(["en", "zh"])("reads the default plan back (%s)", (lang) => {
    expect(planOf(readPlanSheet(grid(defaultPlan(lang), lang), PLAN_SHEET_NAMES[lang]))).toEqual(defaultPlan(lang));
  });

  it.each<Lang>(["en", "zh"])("reads a plan of every shape back (%s)", (lang) => {
    expect(planOf(readPlanSheet(grid(fullPlan(), lang), PLAN_SHEET_NAMES[lang]))).toEqual(fullPlan());
  });

  it.each<Lang>(["en", "zh"])("reads edited weights (%s)", (lang) => {
    const layout = writePlanSheet(defaultPlan(lang), lang);
    const rows = layout.rows.map((r) => [...r]) as RawCell[][];
    setAt(rows, layout.cells.kpis[0].weight, 0.5);
    setAt(rows, layout.cells.kpis[1].weight, 0.2);
    const plan = planOf(readPlanSheet(rows, PLAN_SHEET_NAMES[lang]));
    expect(plan.kpis.map((k) => k.weight)).toEqual([0.5, 0.2, 0.15, 0.15]);
  });

  it("reports an edited weight that breaks 100 % on the weight column", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$G$21", 0.5);
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual(["Plan!G21:G24: weights add up to 110%, not 100%"]);
  });

  it("reads values a user typed as text, a date Excel made of 2026-03, and words of the other language", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$B$5", "月度"); // period
    setAt(rows, "$B$6", 46082); // 2026-03-01, what Excel stores when 2026-03 is typed into a General cell
    setAt(rows, "$B$7", " usd ");
    setAt(rows, "$B$11", "$6,000");
    setAt(rows, "$B$13", null); // no payout cap
    setAt(rows, "$G$21", "40%");
    setAt(rows, "$F$22", "越低越好");
    setAt(rows, "$C$23", "Average");
    setAt(rows, "$B$24", "Rating (1-5)"); // a column header, not a standard field
    const plan = planOf(readPlanSheet(rows, "Plan"));
    expect([plan.period, plan.scoredPeriod, plan.currency, plan.bonus.targetBonus, plan.bonus.cap]).toEqual([
      "month",
      "2026-03",
      "USD",
      6000,
      null,
    ]);
    expect([plan.kpis[0].weight, plan.kpis[1].direction, plan.kpis[3].measure]).toEqual([
      0.4,
      "lower",
      { field: null, header: "Rating (1-5)" },
    ]);
  });

  it("reads a typed year as a year key", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$B$5", "year");
    setAt(rows, "$B$6", 2026);
    expect(planOf(readPlanSheet(rows, "Plan")).scoredPeriod).toBe("2026");
  });

  it("reads a zh sheet written with the former label 评分期间 for the scored period (now 考核期)", () => {
    const rows = grid(defaultPlan("zh"), "zh");
    expect(rows[5][0]).toBe("考核期");
    rows[5][0] = "评分期间";
    setAt(rows, "$B$6", "2026-Q2");
    const plan = planOf(readPlanSheet(rows, PLAN_SHEET_NAMES.zh));
    expect(plan.scoredPeriod).toBe("2026-Q2");
  });

  it("reads a KPI row and a curve point a user added", () => {
    const p = defaultPlan("en");
    const rows = grid(p, "en");
    // Inserted above "Total weight", as Excel's Insert Row does.
    rows.splice(24, 0, ["Calls", "Calls made", "sum", "per month", 100, "higher", 0.1, null, "behaviour"]);
    setAt(rows, "$G$21", 0.3);
    rows.push([2, 2.5, null, null, null, null, null, null, null]);
    const plan = planOf(readPlanSheet(rows, "Plan"));
    expect(plan.kpis.map((k) => k.name)).toEqual([...p.kpis.map((k) => k.name), "Calls"]);
    expect(plan.kpis[4]).toEqual({
      name: "Calls",
      measure: { field: null, header: "Calls made" },
      aggregate: "sum",
      target: { kind: "perMonth", value: 100 },
      direction: "higher",
      weight: 0.1,
      cap: null,
      group: "behaviour",
    });
    expect(plan.bonus.curve).toEqual([...p.bonus.curve!, [2, 2.5]]);
  });
});

describe("readPlanSheet errors name the cell", () => {
  it.each<[string, string, RawCell, string]>([
    ["a weight as text", "$G$22", "thirty", "Plan!G22: weight must be a number"],
    ["a blank weight", "$G$22", null, "Plan!G22: weight is required"],
    ["a negative cap", "$H$21", -1, "Plan!H21: cap must be greater than 0"],
    ["a zero target", "$E$23", 0, "Plan!E23: target must be greater than 0"],
    ["a growth of -150 %", "$E$21", -1.5, "Plan!E21: target must be greater than -100% (a growth target)"],
    [
      "an unknown aggregation",
      "$C$21",
      "median",
      'Plan!C21: aggregation must be one of sum, count, count distinct, count of yes, average, not "median"',
    ],
    [
      "an unknown target kind",
      "$D$22",
      "weekly",
      'Plan!D22: target kind must be one of fixed, per month, growth, not "weekly"',
    ],
    ["an unknown direction", "$F$21", "up", 'Plan!F21: direction must be one of higher, lower, not "up"'],
    ["an unknown group", "$I$21", "sales", 'Plan!I21: group must be one of results, behaviour, not "sales"'],
    ["an unknown period", "$B$5", "weekly", 'Plan!B5: period must be one of month, quarter, year, not "weekly"'],
    [
      "a month in a quarterly plan",
      "$B$6",
      "2026-04",
      "Plan!B6: the scored period 2026-04 does not match the plan's period (quarter)",
    ],
    [
      "a bad currency",
      "$B$7",
      "人民币",
      'Plan!B7: currency must be a 3-letter ISO code such as CNY or USD, not "人民币"',
    ],
    ["7 decimals", "$B$8", 7, "Plan!B8: currency decimals must be a whole number from 0 to 6"],
    ["a blank target bonus", "$B$11", null, "Plan!B11: target bonus is required"],
    ["a threshold as text", "$B$12", "sixty", "Plan!B12: threshold must be a number"],
    ["a zero payout cap", "$B$13", 0, "Plan!B13: payout cap must be greater than 0"],
    [
      "a fractional top N",
      "$B$16",
      2.5,
      "Plan!B16: top N must be a number of reps (5) or a share of the team below 100% (20%)",
    ],
    [
      "a top share of 120%",
      "$B$16",
      "120%",
      "Plan!B16: top N must be a number of reps (5) or a share of the team below 100% (20%)",
    ],
    ["an error cell", "$B$17", { error: "#N/A" }, "Plan!B17: bottom N must be a number"],
    ["a curve x going back", "$A$31", 0.9, "Plan!A31: curve x values must increase strictly: 0.9 comes after 1"],
    ["a curve y as text", "$B$30", "one", "Plan!B30: payout factor (y) must be a number"],
    ["a duplicate KPI name", "$A$22", "revenue", 'Plan!A22: the KPI name "revenue" is used twice'],
    ["a blank KPI name", "$A$22", null, "Plan!A22: KPI is required"],
  ])("%s", (_name, address, value, expected) => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, address, value);
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([expected]);
  });

  it("names the cell in Chinese on a zh sheet", () => {
    const rows = grid(defaultPlan("zh"), "zh");
    setAt(rows, "$G$22", "三成");
    expect(messages(readPlanSheet(rows, "考核方案"), "zh")).toEqual(["'考核方案'!G22: 权重必须是数字"]);
  });

  it("quotes a sheet name with spaces", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$G$22", "x");
    expect(messages(readPlanSheet(rows, "My Plan"))).toEqual(["'My Plan'!G22: weight must be a number"]);
  });

  it("says which label, table or column is missing", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$A$16", "Best N");
    setAt(rows, "$G$20", "Share");
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      'Plan: the row "Top N" was not found in column A',
      'Plan!A20: the column "Weight" was not found in the KPI table header',
    ]);
    const noCurve = grid(defaultPlan("en"), "en");
    setAt(noCurve, "$A$28", "Points");
    expect(messages(readPlanSheet(noCurve, "Plan"))).toEqual([
      'Plan: the table headed "Score (x)" was not found in column A',
    ]);
  });

  it("reports every bad cell at once", () => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, "$G$21", "x");
    setAt(rows, "$E$22", -3);
    setAt(rows, "$B$12", -0.1);
    expect(messages(readPlanSheet(rows, "Plan"))).toEqual([
      "Plan!B12: threshold must not be negative",
      "Plan!G21: weight must be a number",
      "Plan!E22: target must be greater than 0",
    ]);
  });
});

describe("a Plan sheet edited into nonsense is refused, every problem named by its cell", () => {
  /** Words for weights, a negative target, a curve going back, a blank KPI name, ambiguous decimals, a deleted row. */
  function nonsense(lang: Lang): RawCell[][] {
    const rows = grid(defaultPlan(lang), lang);
    setAt(rows, "$G$21", lang === "en" ? "forty percent" : "四成");
    setAt(rows, "$E$22", -30);
    setAt(rows, "$A$23", "  ");
    setAt(rows, "$E$24", "12,5");
    setAt(rows, "$H$22", "1.234,50");
    setAt(rows, "$A$31", 0.8);
    rows.splice(15, 1); // the Top N row deleted: everything below moves up one row
    return rows;
  }

  it("in English", () => {
    expect(messages(readPlanSheet(nonsense("en"), "Plan"))).toEqual([
      'Plan: the row "Top N" was not found in column A',
      "Plan!G20: weight must be a number",
      "Plan!E21: target must be greater than 0",
      'Plan!H21: cap "1.234,50" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
      "Plan!A22: KPI is required",
      'Plan!E23: target "12,5" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
      "Plan!A30: curve x values must increase strictly: 0.8 comes after 1",
    ]);
  });

  it("in Chinese", () => {
    expect(messages(readPlanSheet(nonsense("zh"), "考核方案"), "zh")).toEqual([
      "考核方案: A 列中找不到“前 N 名”这一行",
      "'考核方案'!G20: 权重必须是数字",
      "'考核方案'!E21: 目标必须大于 0",
      "'考核方案'!H21: 上限“1.234,50”无法识别：逗号只能作千位分隔符（如 12,500），小数请用小数点（如 12.5）",
      "'考核方案'!A22: 缺少指标",
      "'考核方案'!E23: 目标“12,5”无法识别：逗号只能作千位分隔符（如 12,500），小数请用小数点（如 12.5）",
      "'考核方案'!A30: 曲线的 x 值必须严格递增：0.8 排在 1 之后",
    ]);
  });

  it.each<[string, RawCell, number]>([
    ["$B$11", "12,500", 12500],
    ["$B$11", "¥12,500.50", 12500.5],
    ["$B$11", "1.25万", 12500],
    ["$G$21", "４０％", 0.4],
  ])("%s %j is read as %d (thousands, currency, 万, full width)", (address, text, value) => {
    const rows = grid(defaultPlan("en"), "en");
    setAt(rows, address, text);
    if (address === "$G$21") expect(planOf(readPlanSheet(rows, "Plan")).kpis[0].weight).toBe(value);
    else expect(planOf(readPlanSheet(rows, "Plan")).bonus.targetBonus).toBe(value);
  });

  it.each(["$B$11", "$E$21", "$G$21", "$H$21", "$A$29", "$B$29", "$B$16"])(
    '%s: "12,5" is refused there, not read as 125',
    (address) => {
      const rows = grid(defaultPlan("en"), "en");
      setAt(rows, address, "12,5");
      const r = readPlanSheet(rows, "Plan");
      expect(r.ok).toBe(false);
      if (!r.ok)
        expect(r.errors.map((e) => [e.where, e.messageKey])).toContainEqual([
          `Plan!${address.replace(/\$/g, "")}`,
          "planAmbiguousNumber",
        ]);
    },
  );
});

describe("readPlanSheet property", () => {
  /** Deterministic LCG so a failure reproduces. */
  function rng(seed: number) {
    let s = seed;
    return () => {
      s = (s * 1103515245 + 12345) % 2147483648;
      return s / 2147483648;
    };
  }
  const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];

  function randomPlan(r: () => number): Plan {
    const p = defaultPlan(pick(r, ["en", "zh"] as const));
    const n = 1 + Math.floor(r() * 6);
    // Whole-percent weights that add up to exactly 100.
    const cuts = Array.from({ length: n - 1 }, () => Math.floor(r() * 101)).sort((a, b) => a - b);
    const bounds = [0, ...cuts, 100];
    p.kpis = Array.from({ length: n }, (_, i) => {
      const kind = pick(r, ["fixed", "perMonth", "growth"] as const);
      const field = pick(r, ["amount", "newCustomer", "satisfaction", "behaviour", "customer", null] as const);
      return {
        name: `KPI ${i} ${pick(r, ["销售", "calls", "Δ"])}`,
        measure: field ? { field, header: null } : { field: null, header: `Column ${i}` },
        aggregate: pick(r, ["sum", "count", "count_unique", "count_true", "average"] as const),
        target:
          kind === "growth"
            ? { kind, rate: Math.round(r() * 200 - 50) / 100 }
            : { kind, value: Math.round(r() * 100000) / 100 + 0.01 },
        direction: pick(r, ["higher", "lower"] as const),
        weight: (bounds[i + 1] - bounds[i]) / 100,
        cap: pick(r, [null, 1.2, 1.5, 2]),
        group: pick(r, ["results", "behaviour"] as const),
      };
    });
    p.period = pick(r, ["month", "quarter", "year"] as const);
    p.scoredPeriod = pick(r, [null, { month: "2026-07", quarter: "2025-Q4", year: "2027" }[p.period]]);
    p.currency = pick(r, [null, "CNY", "USD", "EUR"]);
    p.currencyDecimals = Math.floor(r() * 7);
    const points = Math.floor(r() * 5);
    p.bonus = {
      targetBonus: Math.round(r() * 1e6) / 100,
      curve: points ? Array.from({ length: points }, (_, i) => [0.5 + i * 0.25, Math.round(r() * 300) / 100]) : null,
      threshold: Math.round(r() * 80) / 100,
      cap: pick(r, [null, 1.5, 2, 3]),
    };
    p.ranking = { top: Math.floor(r() * 10), bottom: Math.floor(r() * 10) };
    return p;
  }

  it("reads back 200 random valid plans unchanged, in either language", () => {
    const r = rng(20260301);
    for (let i = 0; i < 200; i++) {
      const plan = randomPlan(r);
      const lang = pick(r, ["en", "zh"] as const);
      expect(planOf(readPlanSheet(grid(plan, lang), PLAN_SHEET_NAMES[lang]))).toEqual(plan);
    }
  });
});
