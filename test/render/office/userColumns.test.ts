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
});
