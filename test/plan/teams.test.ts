/** The Teams / 团队 sheet (docs/reference/leaders.md): team · leader · parent · plan, headers en/zh, problems as Data issues naming cells. */
import { t } from "../../src/i18n";
import type { RawCell, RawSheet } from "../../src/ingest/types";
import { readTeamsSheet, readWorkbookTeams, teamPlans } from "../../src/plan";

const messages = (r: ReturnType<typeof readTeamsSheet>, lang: "en" | "zh" = "en") =>
  r.issues.map((x) => t(lang, x.reasonKey, x.params));

describe("readTeamsSheet", () => {
  it("reads English headers under a title, normalising names; Parent and Plan as read", () => {
    const values: RawCell[][] = [
      ["Sales teams 2026", null, null, null],
      ["Team", "Leader", "Parent team", "Plan"],
      ["North", " Zoe  Wu ", "Sales", "Field"],
      ["South", "Yan Li", "sales", null],
      ["Sales", "Max Hu", null, " Managers "],
      [null, null, null, null],
    ];
    const r = readTeamsSheet(values, "Teams");
    expect(r.issues).toEqual([]);
    expect(r.teams.map((e) => [e.team, e.leader, e.parent, e.plan, e.row])).toEqual([
      ["North", "Zoe Wu", "Sales", "Field", 3],
      ["South", "Yan Li", "Sales", null, 4], // the parent spelt as on its own row
      ["Sales", "Max Hu", null, "Managers", 5],
    ]);
    expect(r.teams[0].cells).toEqual({ team: "Teams!A3", leader: "Teams!B3", parent: "Teams!C3", plan: "Teams!D3" });
    expect(r.headers).toEqual({ team: "Team", leader: "Leader", parent: "Parent team", plan: "Plan" });
    expect([...teamPlans(r)]).toEqual([
      ["north", { plan: "Field", cell: "Teams!D3" }],
      ["sales", { plan: "Managers", cell: "Teams!D5" }],
    ]);
  });

  it("reads Chinese headers; the Parent and Plan columns are optional", () => {
    const values: RawCell[][] = [
      [null, "负责人", "团队"],
      [null, "张伟", "华东"],
      [null, "王芳", 2],
    ];
    const r = readTeamsSheet(values, "团队");
    expect(r.issues).toEqual([]);
    expect(r.teams.map((e) => [e.team, e.leader, e.parent, e.plan])).toEqual([
      ["华东", "张伟", null, null],
      ["2", "王芳", null, null],
    ]);
    expect(r.teams[1].cells).toEqual({ team: "'团队'!C3", leader: "'团队'!B3", parent: null, plan: null });
    expect(teamPlans(r).size).toBe(0);
  });

  it("lists a blank team, a repeated team and a blank leader, naming each cell", () => {
    const values: RawCell[][] = [
      ["Team", "Leader", "Parent"],
      [null, "Ann", null],
      ["North", "Zoe", null],
      ["NORTH", "Bob", null],
      ["West", null, "North"],
    ];
    const r = readTeamsSheet(values, "Teams");
    expect(r.teams.map((e) => [e.team, e.leader, e.parent])).toEqual([
      ["North", "Zoe", null],
      ["West", null, "North"],
    ]);
    expect(r.issues.map((x) => [x.sheet, x.row, x.column, x.action])).toEqual([
      ["Teams", 2, "Team", "ignored"],
      ["Teams", 4, "Team", "ignored"],
      ["Teams", 5, "Leader", "kept"],
    ]);
    expect(messages(r)).toEqual([
      "Teams!A2: the team is blank; the row is not read",
      "Teams!A4: NORTH is already listed at Teams!A3; this row is not read",
      "Teams!B5: West has no leader; its reps still count in its parent team, no leader is scored on it",
    ]);
  });

  it("drops an unknown parent and breaks a cycle at its lowest row, each listed on its Parent cell", () => {
    const values: RawCell[][] = [
      ["Team", "Leader", "Parent team"],
      ["A", "Ann", "C"],
      ["B", "Bob", "A"],
      ["C", "Cy", "B"],
      ["D", "Di", "Nowhere"],
      ["E", "Ed", "E"],
      ["F", "Fay", "A"],
    ];
    const r = readTeamsSheet(values, "Teams");
    expect(r.teams.map((e) => [e.team, e.parent])).toEqual([
      ["A", "C"],
      ["B", "A"],
      ["C", null],
      ["D", null],
      ["E", null],
      ["F", "A"],
    ]);
    expect(r.issues.map((x) => [x.row, x.column, x.raw, x.action])).toEqual([
      [5, "Parent team", "Nowhere", "ignored"],
      [4, "Parent team", "B", "ignored"],
      [6, "Parent team", "E", "ignored"],
    ]);
    expect(messages(r)).toEqual([
      'Teams!C5: the parent team "Nowhere" is not on the sheet; D is read as a top team',
      'Teams!C4: the parent team "B" closes a cycle (A → C → B → A); this parent is ignored',
      'Teams!C6: the parent team "E" closes a cycle (E → E); this parent is ignored',
    ]);
    expect(messages(r, "zh")[0]).toBe("Teams!C5：上级团队“Nowhere”不在本表中，“D”按顶级团队计");
  });

  it("says when a sheet with content has no Team and Leader header; an empty sheet names no team quietly", () => {
    const r = readTeamsSheet(
      [
        ["Team", "Boss"],
        ["North", "Zoe"],
      ],
      "Teams",
    );
    expect(r.teams).toEqual([]);
    expect(messages(r)).toEqual([
      'The "Teams" sheet has no header row with Team and Leader columns: no leader is scored',
    ]);
    expect(readTeamsSheet([[null], [""]], "Teams").issues).toEqual([]);
  });
});

describe("readWorkbookTeams", () => {
  const sheet = (name: string, values: RawCell[][], firstRow = 1, firstCol = 0): RawSheet => ({
    name,
    values,
    firstRow,
    firstCol,
  });

  it("finds the sheet by its English or Chinese name in any case, and addresses cells from A1", () => {
    const read = readWorkbookTeams([
      sheet("Sales", [["Rep"]]),
      sheet(
        " teams ",
        [
          ["Team", "Leader"],
          ["North", "Zoe"],
        ],
        3,
        1,
      ),
    ]);
    expect(read?.sheet).toBe(" teams ");
    expect(read?.teams[0].cells.team).toBe("' teams '!B4");
    expect(
      readWorkbookTeams([
        sheet("团队", [
          ["团队", "负责人"],
          ["华东", "张伟"],
        ]),
      ])?.teams[0].leader,
    ).toBe("张伟");
  });

  it("is null without a Teams sheet", () => {
    expect(readWorkbookTeams([sheet("Sales", [["Rep"]])])).toBeNull();
  });
});
