/** The pane's pure steps (docs/reference/input.md mapping override, docs/reference/plan.md periods and Plan sheet). */
import { analyse, defaultPeriod, defaultPlanSheet, remap, valuesFromA1 } from "../../src/taskpane/pipeline";
import type { RawSheet } from "../../src/ingest/types";
import { defaultPlan, writePlanSheet } from "../../src/plan";
import { buildReport } from "../../src/report/buildReport";
import { defaultExample, ingestOf } from "../report/fixtures";

// Excel serials: 2026-01-15, 2026-04-15, 2026-07-15.
const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Amount", "Revenue"],
    [46037, "Ann", 100, 1],
    [46127, "Ann", 200, 2],
    [46218, "Bo", 300, 3],
  ],
};

describe("analyse", () => {
  it("finds the table, lists quarters oldest first and defaults to the latest", () => {
    const a = analyse([sales], [], "en");
    expect(a.dataError).toBeNull();
    expect(a.periods).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(defaultPeriod(a)).toBe("2026-Q3");
    expect(a.plan.sheetName).toBeNull();
  });

  it("a row dated far from the others is offered as a period but is not the default (docs/reference/robustness.md)", () => {
    const withPlaceholder: RawSheet = { ...sales, values: [...sales.values, [2958465, "Bo", 5, 0]] };
    const a = analyse([withPlaceholder], [], "en");
    expect(a.periods).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "9999-Q4"]);
    expect(defaultPeriod(a)).toBe("2026-Q3");
  });

  it("a mapping override is used as given (amount from column D)", () => {
    const a = analyse([sales], [], "en");
    const moved = remap(a.mapping!, "amount", 3);
    const b = analyse([sales], [], "en", moved);
    expect(b.ingested?.reconciliation.amountUsed).toBe("6");
    expect(a.ingested?.reconciliation.amountUsed).toBe("600");
  });

  it("the add-in's own tabs from an earlier run are not read as sales", () => {
    const oldTab: RawSheet = {
      name: "Old",
      values: [
        ["Sales Rep", "Date", "Amount"],
        ["Zed", 46037, 999],
      ],
    };
    const a = analyse([oldTab, sales], ["Old"], "en");
    expect(a.mapping?.sheet).toBe("Sales");
  });

  it("no table: the reason in the pane's language", () => {
    const a = analyse([{ name: "Notes", values: [["hello"]] }], [], "zh");
    expect(a.dataError).toMatch(/^未找到销售表/);
  });
});

describe("valuesFromA1", () => {
  it("pads a block that starts at C3", () => {
    expect(valuesFromA1({ name: "P", firstRow: 3, firstCol: 2, values: [["x"]] })).toEqual([[], [], [null, null, "x"]]);
  });
});

describe("defaultPlanSheet", () => {
  it.each([
    ["en", "Plan"],
    ["zh", "考核方案"],
  ] as const)("%s: named %s and read back as the default plan", (lang, name) => {
    const sheet = defaultPlanSheet(lang);
    expect(sheet.name).toBe(name);
    const values = sheet.rows.map((row) => row.map((c) => (c?.v ?? null) as string | number | boolean | null));
    const a = analyse([sales, { name, values }], [], lang);
    expect(a.plan.errors).toEqual([]);
    expect(a.plan.sheetName).toBe(name);
    expect(a.plan.plan?.kpis.map((k) => k.weight)).toEqual([0.4, 0.3, 0.15, 0.15]);
  });
});

describe("defaultPlanSheet", () => {
  it("carries the Plan's live formulas (the Total weight check), with their cached values", () => {
    const sheet = defaultPlanSheet("en");
    const formulaCells = sheet.rows.flat().filter((c) => c?.f);
    expect(formulaCells.length).toBeGreaterThanOrEqual(2);
    expect(formulaCells.some((c) => /^SUM\(/.test(c!.f!) && c!.v === 1)).toBe(true);
    expect(formulaCells.some((c) => /^IF\(ABS\(/.test(c!.f!) && c!.v === "OK")).toBe(true);
  });

  it.each(["en", "zh"] as const)("%s: is the report's Plan tab for the default plan, cell for cell", (lang) => {
    const report = buildReport(ingestOf(defaultExample()), defaultPlan(lang), { lang });
    const reportPlan = report.sheets.find((s) => s.key === "plan")!;
    const pane = defaultPlanSheet(lang);
    // The same tab, laid out for print alike, but with no period in its page header: it is the user's plan for
    // every period.
    const { print: panePrint, ...paneRest } = pane;
    const { print: reportPrint, ...reportRest } = reportPlan;
    expect(paneRest).toEqual(reportRest);
    expect(panePrint).toEqual({ ...reportPrint, header: { left: reportPrint!.header!.left, center: "&A" } });
    expect(reportPrint!.header!.right).toContain(report.summary.period);
    // What the pane's own sheet lacked before: the total row's style, the amber check and the tab colour.
    const layout = writePlanSheet(defaultPlan(lang), lang);
    expect(pane.rows[layout.totalRow].filter((c) => c?.style === "total").length).toBeGreaterThan(0);
    expect(pane.conditionalFormats?.map((c) => c.type)).toEqual(["formula"]);
    expect(pane.tabColor).toBeDefined();
  });
});
