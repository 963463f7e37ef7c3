/**
 * Start / End of reps (docs/reference/plan.md "Joiners and leavers", input.md "People sheet"): columns of the Targets
 * sheet or a People / 人员 sheet, dates as serials or text; conflicts stop the run naming both cells, unreadable dates
 * and End before Start are listed by cell.
 */
import { defaultPlan, readWorkbookPlan } from "../../src/plan";
import type { RawSheet } from "../../src/ingest/types";
import { serialOfDay } from "../../src/sheet";

const plan = defaultPlan("en");

describe("Start / End on the Targets sheet", () => {
  it("reads them on KPI rows and on rows giving only a rep's dates; repeated equal values are fine", () => {
    const targets: RawSheet = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target", "Start", "End"],
        ["Jo", "Revenue", 90000, "2026-05-01", null],
        ["Jo", "New customers", 20, 46143, null], // 2026-05-01 as a serial
        ["Lee", null, null, null, "2026年5月15日"],
      ],
    };
    const r = readWorkbookPlan([targets], "en", plan);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(serialOfDay(2026, 5, 1)).toBe(46143);
    expect(r.plan.people?.reps).toEqual({
      Jo: { start: 46143, end: null, sheet: "Targets", row: 2 },
      Lee: { start: null, end: serialOfDay(2026, 5, 15), sheet: "Targets", row: 4 },
    });
    expect(r.plan.people?.issues).toEqual([]);
    expect(r.plan.repTargets).toEqual({ Jo: { Revenue: 90000, "New customers": 20 } });
  });

  it("two different Starts for one rep stop the run naming both cells", () => {
    const targets: RawSheet = {
      name: "Targets",
      values: [
        ["销售员", "指标", "目标", "入职日期"],
        ["张三", "Revenue", 90000, "2026-05-01"],
        ["张三", "New customers", 20, "2026-05-02"],
      ],
    };
    const r = readWorkbookPlan([targets], "en", plan);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.sheet).toBe("Targets");
    expect(r.errors).toEqual([
      {
        where: "Targets!D3",
        messageKey: "planPeopleConflict",
        params: { rep: "张三", field: "入职日期", value: "2026-05-02", other: "2026-05-01", first: "Targets!D2" },
      },
    ]);
  });

  it("without Start / End columns the plan has no people (results exactly as before)", () => {
    const targets: RawSheet = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target"],
        ["Jo", "Revenue", 1],
      ],
    };
    const r = readWorkbookPlan([targets], "en", plan);
    expect(r.ok && "people" in r.plan).toBe(false);
  });
});

describe("the People / 人员 sheet", () => {
  it("reads rep, Start and End under a title, in Chinese; other columns are not read", () => {
    const people: RawSheet = {
      name: "人员",
      values: [
        ["2026 年人员名单"],
        ["销售员", "部门", "入职日期", "离职日期"],
        ["李四", "华东", "2026/4/16", null],
        ["王五", "华东", null, 46157],
      ],
    };
    const r = readWorkbookPlan([people], "zh", plan);
    expect(r.ok && r.plan.people).toEqual({
      reps: {
        李四: { start: serialOfDay(2026, 4, 16), end: null, sheet: "人员", row: 3 },
        王五: { start: null, end: 46157, sheet: "人员", row: 4 },
      },
      issues: [],
    });
  });

  it("an unreadable date, a month without a day and End before Start are listed by cell; the run goes on", () => {
    const people: RawSheet = {
      name: "People",
      values: [
        ["Rep", "Start", "End"],
        ["Ann", "next week", null],
        ["Bo", "2026-05", null],
        ["Cy", "2026-05-20", "2026-05-10"],
        [null, "2026-05-20", null],
        ["Di", null, "2026-06-10"],
      ],
    };
    const r = readWorkbookPlan([people], "en", plan);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.plan.people?.reps).toEqual({
      Di: { start: null, end: serialOfDay(2026, 6, 10), sheet: "People", row: 6 },
    });
    expect(r.plan.people?.issues.map((i) => [i.sheet, i.row, i.column, i.raw, i.action, i.reasonKey])).toEqual([
      ["People", 2, "Start", "next week", "ignored", "peopleDateUnreadable"],
      ["People", 3, "Start", "2026-05", "ignored", "peopleDateUnreadable"],
      ["People", 5, "Rep", null, "ignored", "peopleRepBlank"],
      ["People", 4, null, "2026-05-10", "ignored", "peopleEndBeforeStart"],
    ]);
  });

  it("a Start on Targets and another on People for one rep is a conflict", () => {
    const targets: RawSheet = {
      name: "Targets",
      values: [
        ["Rep", "KPI", "Target", "Start"],
        ["Jo", "Revenue", 1, "2026-05-01"],
      ],
    };
    const people: RawSheet = {
      name: "People",
      values: [
        ["Rep", "Start"],
        ["Jo", "2026-05-03"],
      ],
    };
    const r = readWorkbookPlan([targets, people], "en", plan);
    expect(!r.ok && r.errors.map((e) => [e.where, e.messageKey])).toEqual([["People!B2", "planPeopleConflict"]]);
  });

  it("a People sheet without a rep and a date header stops the run", () => {
    const people: RawSheet = {
      name: "People",
      values: [
        ["Name?", "When"],
        ["Jo", "2026-05-01"],
      ],
    };
    const r = readWorkbookPlan([people], "en", plan);
    expect(!r.ok && r.errors).toEqual([{ where: "People", messageKey: "planPeopleNoHeader" }]);
  });
});
