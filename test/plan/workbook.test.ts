// The plan a workbook carries (docs/reference/plan.md): Plan sheet, else default (or a given plan); Targets on top.
import { defaultPlan, readWorkbookPlan, writePlanSheet } from "../../src/plan";
import type { RawSheet } from "../../src/ingest/types";

const planSheet = (weights: number[]): RawSheet => {
  const layout = writePlanSheet(defaultPlan("en"), "en");
  const values = layout.rows.map((r) => [...r]);
  // The weight column holds the KPI weights from row 21 (the default plan: 4 KPIs).
  const col = layout.cells.kpis[0].weight.replace(/\$|\d/g, "").charCodeAt(0) - 65;
  weights.forEach((w, i) => (values[20 + i][col] = w));
  return { name: "Plan", values };
};

describe("readWorkbookPlan", () => {
  it("uses the default plan when the workbook has no Plan sheet", () => {
    const r = readWorkbookPlan([{ name: "Sales", values: [["Rep"]] }], "zh");
    expect(r.ok && r.plan.kpis.map((k) => k.name)).toEqual(defaultPlan("zh").kpis.map((k) => k.name));
    expect(r.ok && r.planSheet).toBeNull();
  });

  it("reads the rules from the Plan sheet, edited weights included", () => {
    const r = readWorkbookPlan([planSheet([0.5, 0.2, 0.15, 0.15])], "en");
    expect(r.ok && r.plan.kpis.map((k) => k.weight)).toEqual([0.5, 0.2, 0.15, 0.15]);
    expect(r.ok && r.planSheet).toBe("Plan");
  });

  it("names the sheet when the Plan sheet is wrong", () => {
    const r = readWorkbookPlan([planSheet([0.5, 0.1, 0.15, 0.15])], "en");
    expect(r.ok).toBe(false);
    expect(!r.ok && r.sheet).toBe("Plan");
  });

  it("a given plan wins over the Plan sheet; a Targets sheet still adds per-rep targets", () => {
    const targets: RawSheet = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target"],
        ["Grace Liu", "Revenue", 900000],
      ],
    };
    const r = readWorkbookPlan([planSheet([0.5, 0.1, 0.15, 0.15]), targets], "en", defaultPlan("en"));
    expect(r.ok).toBe(true);
    expect(r.ok && r.plan.repTargets["Grace Liu"]).toEqual({ Revenue: 900000 });
  });
});
