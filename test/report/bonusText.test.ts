/**
 * The Bonus tab's explanation (docs/reference/tabs.md Bonus): a native formula that shows the factor to two decimals and
 * follows the Plan tab — recalculated by HyperFormula here with edited Plan cells, and by LibreOffice
 * (test/libreoffice/bonusText.test.ts).
 */
import { defaultPlan } from "../../src/plan/index";
import { cellStyles } from "../../src/render/xlsx/cellStyles";
import type { Plan } from "../../src/plan/types";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportSheet } from "../../src/report/model";
import { parseCellAddress } from "../../src/sheet";
import { checkFormulas, excelNumberText, recalculate } from "./hyperFormula";
import { defaultExample, ingestOf } from "./fixtures";

const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;

/** The report with `edits` typed into its Plan tab (A1 → value), as a user would before the workbook recalculates. */
function withPlanEdits(r: Report, edits: Record<string, number | null>): Report {
  const copy: Report = JSON.parse(JSON.stringify(r));
  const plan = sheet(copy, "plan");
  for (const [a1, v] of Object.entries(edits)) {
    const { row, col } = parseCellAddress(a1)!;
    plan.rows[row][col] = { v };
  }
  return copy;
}

const en = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
const zh = buildReport(ingestOf(defaultExample(), { currency: "CNY" }), defaultPlan("zh"), { lang: "zh" });

describe("the Bonus explanation is a formula (docs/reference/tabs.md)", () => {
  it("shows score and factor to two decimals, the curve segment and the product (en)", () => {
    const bonus = sheet(en, "bonus");
    expect(bonus.rows.slice(1, 4).map((r) => r[4]!.v)).toEqual([
      "Score 93.50% reaches the threshold 60%; between the curve points 60% and 100% (factors 30% and 100%), " +
        "interpolated; cap 200%; factor 88.63%; target bonus 5,000.00 × 88.63% ≈ 4,431.25",
      "Score 138.75% reaches the threshold 60%; between the curve points 100% and 150% (factors 100% and 200%), " +
        "interpolated; cap 200%; factor 177.50%; target bonus 5,000.00 × 177.50% = 8,875.00",
      "Score 47.50% is below the threshold 60%: no bonus; target bonus 5,000.00 × 0.00% = 0.00",
    ]);
    for (const row of bonus.rows.slice(1, 4)) {
      expect(row[4]!.f).toMatch(/^IF\(B\d<Plan!\$B\$12,/);
      // Longer than the column: wrapped, so it prints whole.
      expect(row[4]!.style).toBe("paragraph");
    }
    expect(cellStyles.paragraph.alignment).toMatchObject({ wrapText: true });
  });

  it("reads as a Chinese finance manager writes it (zh)", () => {
    const bonus = sheet(zh, "bonus");
    expect(bonus.rows.slice(1, 4).map((r) => r[4]!.v)).toEqual([
      "综合得分 93.50%，达到门槛 60%；得分在 60%–100% 区间（系数 30%–100%），按曲线插值，系数上限 200%，" +
        "奖金系数 88.63%；目标奖金 5,000.00 × 88.63% ≈ 4,431.25",
      "综合得分 138.75%，达到门槛 60%；得分在 100%–150% 区间（系数 100%–200%），按曲线插值，系数上限 200%，" +
        "奖金系数 177.50%；目标奖金 5,000.00 × 177.50% = 8,875.00",
      "综合得分 47.50%，低于门槛 60%，不发奖金；目标奖金 5,000.00 × 0.00% = 0.00",
    ]);
  });

  it("uses only TEXT, IF, INDEX, MATCH, COUNT and ROUND: no CONCAT or TEXTJOIN", () => {
    const f = sheet(en, "bonus").rows[1][4]!.f!;
    const names = new Set([...f.replace(/"(?:[^"]|"")*"/g, '""').matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]));
    expect([...names].sort()).toEqual(["COUNT", "IF", "INDEX", "MATCH", "ROUND", "TEXT"]);
    expect(f.length).toBeLessThan(8192); // Excel's formula length limit
  });

  it.each([
    ["en", en],
    ["zh", zh],
  ] as const)("HyperFormula recalculates every explanation to its cached text (%s)", (_lang, report) => {
    expect(checkFormulas(report).mismatches).toEqual([]);
  });

  it("follows an edited Plan: threshold, curve point, cap and target bonus change the sentence", () => {
    // Plan!B11 target bonus, B12 threshold, B13 payout cap; the curve's points are A29:B31, the second (1, 100 %) on row 30.
    const edited = withPlanEdits(en, { B11: 6000, B12: 0.95, B13: 1.5, B30: 1.2 });
    const { value } = recalculate(edited);
    expect(value("Bonus", 2, 4)).toBe(
      "Score 93.50% is below the threshold 95%: no bonus; target bonus 6,000.00 × 0.00% = 0.00",
    );
    expect(value("Bonus", 3, 4)).toBe(
      "Score 138.75% reaches the threshold 95%; between the curve points 100% and 150% (factors 120% and 200%), " +
        "interpolated; capped at 150%; factor 150.00%; target bonus 6,000.00 × 150.00% = 9,000.00",
    );
  });

  it("a cleared cap says nothing of a cap; a threshold of 62.5% is not rounded away", () => {
    const { value } = recalculate(withPlanEdits(en, { B12: 0.625, B13: null }));
    expect(value("Bonus", 3, 4)).toBe(
      "Score 138.75% reaches the threshold 62.50%; between the curve points 100% and 150% (factors 100% and 200%), " +
        "interpolated; factor 177.50%; target bonus 5,000.00 × 177.50% = 8,875.00",
    );
  });
});

describe("TEXT as Excel writes the report's number formats (the HyperFormula check's stand-in)", () => {
  it.each([
    [0.68015, "0.00%", "68.02%"],
    [0.6802, "0%", "68%"],
    [1234567.5, "#,##0.00", "1,234,567.50"],
    [999.995, "#,##0.00", "1,000.00"],
    [-1234.5, "#,##0", "-1,235"],
    [-0.001, "0.00", "0.00"],
    [5000, "#,##0.000", "5,000.000"],
  ])("TEXT(%p, %p) = %p", (x, fmt, expected) => {
    expect(excelNumberText(x, fmt)).toBe(expected);
  });

  it("leaves other formats to HyperFormula", () => {
    expect(excelNumberText(1, "yyyy-mm-dd")).toBeUndefined();
  });
});

describe("a plan without a curve and with a negative curve point", () => {
  it("no curve: the factor is the score; a negative point is floored at 0", () => {
    const noCurve: Plan = { ...defaultPlan("en"), bonus: { ...defaultPlan("en").bonus, curve: null, cap: null } };
    const r = buildReport(ingestOf(defaultExample()), noCurve, { lang: "en" });
    expect(sheet(r, "bonus").rows[1][4]!.v).toBe(
      "Score 93.50% reaches the threshold 60%; no curve, so the factor is the score; factor 93.50%; " +
        "target bonus 5,000.00 × 93.50% = 4,675.00",
    );
    expect(checkFormulas(r).mismatches).toEqual([]);
    const negative: Plan = {
      ...defaultPlan("en"),
      bonus: {
        ...defaultPlan("en").bonus,
        curve: [
          [0.6, -0.5],
          [1, 1],
        ],
        cap: 2,
      },
    };
    const rn = buildReport(ingestOf(defaultExample()), negative, { lang: "en" });
    const rows = sheet(rn, "bonus")
      .rows.slice(1, 4)
      .map((x) => x[4]!.v as string);
    expect(checkFormulas(rn).mismatches).toEqual([]);
    expect(rows.every((s) => !s.includes("not below 0%"))).toBe(true); // every score here gives a positive factor
    const { value } = recalculate(withPlanEdits(rn, { B29: -6 }));
    expect(value("Bonus", 2, 4)).toContain(
      "(factors -600% and 100%), interpolated; cap 200%; not below 0%; factor 0.00%",
    );
  });
});
