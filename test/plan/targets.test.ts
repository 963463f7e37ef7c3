/** The Targets sheet (docs/reference/plan.md per-rep targets): rep · KPI · target, headers en/zh, errors naming cells. */
import { defaultPlan, formatPlanError, readTargetsSheet } from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";

const en = defaultPlan("en");
const zh = defaultPlan("zh");
const messages = (r: ReturnType<typeof readTargetsSheet>, lang: "en" | "zh" = "en") =>
  r.errors.map((e) => formatPlanError(e, lang));

describe("readTargetsSheet", () => {
  it("reads English headers, normalising rep names", () => {
    const values: RawCell[][] = [
      ["Rep", "KPI", "Target"],
      [" Grace  Liu ", "Revenue", 150000],
      ["Grace Liu", "New customers", "75"],
      [null, null, null],
      ["Tom Chen", "revenue", 120000.5],
    ];
    const r = readTargetsSheet(values, "Targets", en);
    expect(r.errors).toEqual([]);
    expect(r.targets).toEqual({
      "Grace Liu": { Revenue: 150000, "New customers": 75 },
      "Tom Chen": { Revenue: 120000.5 },
    });
  });

  it("reads Chinese headers under a title, and a default KPI named in the other language", () => {
    const values: RawCell[][] = [
      ["个人目标", null, null, null],
      [null, "销售员", "指标", "目标"],
      [null, "王芳", "销售额", "¥200,000"],
      [null, "王芳", "Customer satisfaction", "95%"],
    ];
    const r = readTargetsSheet(values, "目标", zh);
    expect(r.errors).toEqual([]);
    expect(r.targets).toEqual({ 王芳: { 销售额: 200000, 客户满意度: 0.95 } });
  });

  it("refuses a decimal comma by cell instead of reading 12,5 as 125; keeps 12,500 as thousands", () => {
    const values: RawCell[][] = [
      ["Rep", "KPI", "Target"],
      ["Ann", "Revenue", "12,5"],
      ["Bo", "Revenue", "12,500"],
      ["Cy", "Revenue", "1.234,50"],
      ["Di", "New customers", "７５"],
    ];
    const r = readTargetsSheet(values, "Targets", en);
    expect(messages(r)).toEqual([
      'Targets!C2: target "12,5" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
      'Targets!C4: target "1.234,50" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
    ]);
    expect(r.targets).toEqual({ Bo: { Revenue: 12500 }, Di: { "New customers": 75 } });
    expect(
      messages(
        readTargetsSheet(
          [
            ["销售员", "指标", "目标"],
            ["王芳", "销售额", "12,5"],
          ],
          "目标",
          zh,
        ),
        "zh",
      ),
    ).toEqual(["'目标'!C2: 目标“12,5”无法识别：逗号只能作千位分隔符（如 12,500），小数请用小数点（如 12.5）"]);
  });

  it("overrides nothing on an empty sheet", () => {
    expect(readTargetsSheet([[null], []], "Targets", en)).toEqual({ targets: {}, errors: [] });
  });

  it.each<[string, RawCell[], string]>([
    ["a target as text", ["Ann", "Revenue", "lots"], "Targets!C2: target must be a number"],
    ["a blank target", ["Ann", "Revenue", null], "Targets!C2: target is required"],
    ["a negative target", ["Ann", "Revenue", -5], "Targets!C2: target must be greater than 0"],
    ["a missing rep", [null, "Revenue", 5], "Targets!A2: rep is required"],
    [
      "an unknown KPI",
      ["Ann", "Revenu", 5],
      'Targets!B2: "Revenu" is not a KPI of the plan (Revenue, New customers, Customer satisfaction, Manager rating)',
    ],
  ])("names the cell of %s", (_name, row, expected) => {
    const r = readTargetsSheet([["Rep", "KPI", "Target"], row], "Targets", en);
    expect(messages(r)).toEqual([expected]);
    expect(r.targets).toEqual({});
  });

  it("reports a second target for the same rep and KPI, keeping the first", () => {
    const r = readTargetsSheet(
      [
        ["Rep", "KPI", "Target"],
        ["Ann", "Revenue", 10],
        ["Ann ", "Revenue", 20],
      ],
      "Targets",
      en,
    );
    expect(messages(r)).toEqual(["Targets!C3: Ann already has a target for Revenue (cell Targets!C2)"]);
    expect(r.targets).toEqual({ Ann: { Revenue: 10 } });
  });

  it("says when no header row is found, in Chinese too", () => {
    const r = readTargetsSheet([["Ann", "Revenue", 10]], "目标", zh);
    expect(messages(r, "zh")).toEqual(["目标: 找不到包含销售员、指标和目标列的表头"]);
  });
});
