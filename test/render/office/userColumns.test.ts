/** The Scorecard's Notes carried over a re-run (docs/reference/tabs.md): matched by rep, found by header text. */
import type { ReportSheet } from "../../../src/report/model";
import { fillUserColumns } from "../../../src/render/office/userColumns";

const sheet = (reps: string[]): ReportSheet => ({
  key: "scorecard",
  name: "Scorecard",
  rows: [[{ v: "Rep" }, { v: "Score" }, { v: "Notes" }], ...reps.map((rep) => [{ v: rep }, { f: "1", v: 1 }])],
  userColumns: [{ col: 2, keyCol: 0 }],
});

describe("fillUserColumns", () => {
  it("each rep takes the note the old tab held for them, wherever their row was", () => {
    const old = [
      ["Rep", "Score", "Notes"],
      ["Cy", 0.5, ""],
      ["Bo", 0.7, "=SUM(1) stays text"],
      ["Al", 0.9, 42],
    ];
    const rows = fillUserColumns(sheet(["Al", "Bo", "Cy", "Di"]), old).rows;
    expect(rows.map((r) => r[2] ?? null)).toEqual([
      { v: "Notes" },
      { v: 42 },
      { v: "=SUM(1) stays text", literal: true },
      null,
      null,
    ]);
  });

  it("finds the columns by header even when the user inserted one before them", () => {
    const old = [
      ["Rep", "My column", "Score", "Notes"],
      ["Al", "x", 0.9, "good month"],
    ];
    expect(fillUserColumns(sheet(["Al"]), old).rows[1][2]).toEqual({ v: "good month", literal: true });
  });

  it("leaves the sheet as it is when the old tab has no such header or no notes (another language, say)", () => {
    const s = sheet(["Al"]);
    expect(
      fillUserColumns(s, [
        ["销售员", "备注"],
        ["Al", "x"],
      ]),
    ).toBe(s);
    expect(
      fillUserColumns(s, [
        ["Rep", "Notes"],
        ["Al", ""],
      ]),
    ).toBe(s);
    expect(fillUserColumns(s, [])).toBe(s);
  });

  it("a rep who left the Scorecard takes no other rep's note", () => {
    const rows = fillUserColumns(sheet(["Bo"]), [
      ["Rep", "Notes"],
      ["Al", "moved team"],
    ]).rows;
    expect(rows[1][2]).toBeUndefined();
  });

  it("with several plans, each part's notes by its own header row, the columns differing by plan", () => {
    // docs/reference/tabs.md: a title and a header per plan; the inside-sales plan has one KPI column more.
    const two: ReportSheet = {
      key: "scorecard",
      name: "Scorecard",
      rows: [
        [{ v: "Plan: Field sales" }],
        [{ v: "Rep" }, { v: "Score" }, { v: "Notes" }],
        [{ v: "Al" }, { v: 1 }],
        [],
        [],
        [{ v: "Plan: Inside sales" }],
        [{ v: "Rep" }, { v: "Deals" }, { v: "Score" }, { v: "Notes" }],
        [{ v: "Cy" }, { v: 3 }, { v: 1 }],
      ],
      userColumns: [{ col: 2, keyCol: 0, headerRow: 1 }],
    };
    const old = [
      ["Plan: Field sales"],
      ["Rep", "Score", "Notes"],
      ["Al", 1, "call Monday"],
      [],
      [],
      ["Plan: Inside sales"],
      ["Rep", "Deals", "Score", "Notes"],
      ["Cy", 3, 1, "new script"],
    ];
    const rows = fillUserColumns(two, old).rows;
    expect(rows[2][2]).toEqual({ v: "call Monday", literal: true });
    expect(rows[7][3]).toEqual({ v: "new script", literal: true });
  });
});
