/**
 * The optional Teams / 团队 sheet (docs/reference/leaders.md): one row per team with its leader, optionally its parent
 * team and the plan its reps are scored on. Headers in English or Chinese, found like the Targets sheet's. Nothing on
 * it stops a run: each problem is a Data issues line naming its cell (docs/reference/leaders.md "Problems"), and the
 * row or cell at fault is left out of the hierarchy.
 */
import type { DataIssue, RawCell, RawSheet } from "../ingest/types";
import { sheetCellAddress } from "../sheet";
import { cellText, isBlank } from "./cells";
import { findHeaderRow, isBlankSheet } from "./headerRow";
import { normaliseRepName } from "./vocab";
import { findNamedSheet, valuesFromA1 } from "./workbook";

/** Headers of each column, English then Chinese (docs/reference/input.md "Other sheets that are read"). */
const TEAM_HEADERS = ["team", "team name", "group", "团队", "团队名称", "小组", "部门", "区域"];
const LEADER_HEADERS = ["leader", "team leader", "manager", "负责人", "团队负责人", "组长", "经理"];
const PARENT_HEADERS = ["parent team", "parent", "reports to", "上级团队", "上级"];
const PLAN_HEADERS = ["plan", "plan name", "方案", "考核方案", "方案名称"];

/** One team as read from the sheet. Names are normalised as ingest normalises the sales sheet's teams and reps. */
export interface TeamEntry {
  team: string;
  /** null: the Leader cell is blank (the team still rolls up into its parent; nobody is scored on it). */
  leader: string | null;
  /** The parent team as written; null when blank, unknown or part of a cycle (each listed on Data issues). */
  parent: string | null;
  /** The Plan cell as read (trimmed text), null when blank or when the sheet has no Plan column. */
  plan: string | null;
  /** 1-based sheet row. */
  row: number;
  /** Addresses of the row's cells ("Teams!B3"), for messages naming them; null when the column is absent. */
  cells: { team: string; leader: string; parent: string | null; plan: string | null };
}

export interface TeamsSheet {
  /** The sheet's name as in the workbook. */
  sheet: string;
  /** Every team once (the first row naming it), in sheet order. */
  teams: TeamEntry[];
  /** Problems found reading the sheet, for the Data issues tab. */
  issues: DataIssue[];
  /** Each column's header as written (null: no such column, or no header row), for Data issues lines. */
  headers: { team: string | null; leader: string | null; parent: string | null; plan: string | null };
}

/** How teams are matched: case-insensitively, as Excel's "=" does and as the Scorecard's team formulas do. */
export function teamKey(team: string): string {
  return team.toLowerCase();
}

/** A team or leader name the way ingest reads the sales sheet's team cells: text normalised, a number as its text. */
function nameIn(cell: RawCell | undefined): string | null {
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : null;
  if (typeof cell !== "string") return null;
  const n = normaliseRepName(cell);
  return n.length > 0 ? n : null;
}

/** The Teams sheet's teams (docs/reference/leaders.md). `values` from A1 (valuesFromA1). */
export function readTeamsSheet(values: RawCell[][], sheetName: string): TeamsSheet {
  const issues: DataIssue[] = [];
  const teams: TeamEntry[] = [];
  const found = findHeaderRow(
    values,
    { team: TEAM_HEADERS, leader: LEADER_HEADERS, parent: PARENT_HEADERS, plan: PLAN_HEADERS },
    ["team", "leader"],
  );
  const header = found?.row ?? -1;
  const col = found?.col ?? { team: -1, leader: -1, parent: -1, plan: -1 };
  const issue = (
    row: number | null,
    c: number,
    raw: string | null,
    reasonKey: string,
    action: DataIssue["action"],
    params: Record<string, string | number>,
  ): void => {
    const column = c >= 0 && header >= 0 ? cellText(values[header][c]) : null;
    issues.push({ sheet: sheetName, row, column, raw, action, reasonKey, params });
  };
  if (header < 0) {
    // An empty sheet simply names no team; anything else without the two headers is worth saying.
    if (!isBlankSheet(values)) issue(null, -1, null, "teamsNoHeader", "skipped", { sheet: sheetName });
    return { sheet: sheetName, teams, issues, headers: { team: null, leader: null, parent: null, plan: null } };
  }
  const where = (r: number, c: number) => (c >= 0 ? sheetCellAddress(sheetName, r, c) : null);

  const firstRow = new Map<string, string>();
  for (let r = header + 1; r < values.length; r++) {
    const get = (c: number): RawCell => (c >= 0 ? (values[r]?.[c] ?? null) : null);
    const teamCell = get(col.team);
    const leaderCell = get(col.leader);
    const parentCell = get(col.parent);
    const planCell = get(col.plan);
    if ([teamCell, leaderCell, parentCell, planCell].every((c) => isBlank(c))) continue;
    const cellOf = { team: where(r, col.team)! };
    const team = nameIn(teamCell);
    if (team === null) {
      issue(r + 1, col.team, cellText(teamCell), "teamsTeamBlank", "ignored", { cell: cellOf.team });
      continue;
    }
    const first = firstRow.get(teamKey(team));
    if (first !== undefined) {
      issue(r + 1, col.team, team, "teamsDuplicate", "ignored", { cell: cellOf.team, team, first });
      continue;
    }
    firstRow.set(teamKey(team), cellOf.team);
    const leader = nameIn(leaderCell);
    const cells = {
      team: cellOf.team,
      leader: where(r, col.leader)!,
      parent: where(r, col.parent),
      plan: where(r, col.plan),
    };
    if (leader === null) issue(r + 1, col.leader, null, "teamsLeaderBlank", "kept", { cell: cells.leader, team });
    const planText = cellText(planCell);
    teams.push({
      team,
      leader,
      parent: nameIn(parentCell),
      plan: planText === "" ? null : planText,
      row: r + 1,
      cells,
    });
  }
  checkParents(teams, (entry, reasonKey, params) =>
    issue(entry.row, col.parent, entry.parent, reasonKey, "ignored", {
      cell: entry.cells.parent!,
      team: entry.team,
      ...params,
    }),
  );
  const headerOf = (c: number) => (c >= 0 ? cellText(values[header][c]) : null);
  const headers = {
    team: headerOf(col.team),
    leader: headerOf(col.leader),
    parent: headerOf(col.parent),
    plan: headerOf(col.plan),
  };
  return { sheet: sheetName, teams, issues, headers };
}

/**
 * Parents that name no team on the sheet, or that close a cycle (a team its own ancestor), are dropped, each listed:
 * the team then stands at the top. In a cycle the link dropped is the one on the cycle's lowest row of the sheet, so
 * the rows above it keep the hierarchy as read from the top.
 */
function checkParents(
  teams: TeamEntry[],
  report: (entry: TeamEntry, reasonKey: string, params: Record<string, string>) => void,
): void {
  const byKey = new Map(teams.map((e) => [teamKey(e.team), e]));
  for (const e of teams) {
    if (e.parent === null) continue;
    const parent = byKey.get(teamKey(e.parent));
    if (parent === undefined) {
      report(e, "teamsUnknownParent", { parent: e.parent });
      e.parent = null;
    } else e.parent = parent.team; // spelt as on the parent's own row
  }
  for (const start of teams) {
    // Follow the parents from `start`; coming back to it is a cycle.
    const path: TeamEntry[] = [start];
    let at = start.parent === null ? undefined : byKey.get(teamKey(start.parent));
    while (at !== undefined && at !== start && !path.includes(at)) {
      path.push(at);
      at = at.parent === null ? undefined : byKey.get(teamKey(at.parent));
    }
    if (at !== start) continue;
    const lowest = path.reduce((a, b) => (b.row > a.row ? b : a));
    const cycle = [...path, start].map((e) => e.team).join(" → ");
    report(lowest, "teamsParentCycle", { parent: lowest.parent!, cycle });
    lowest.parent = null;
  }
}

/** The workbook's Teams / 团队 sheet, read; null when there is none (results are then exactly as without the feature). */
export function readWorkbookTeams(sheets: readonly RawSheet[]): TeamsSheet | null {
  const sheet = findNamedSheet(sheets, "teamsSheetName");
  return sheet ? readTeamsSheet(valuesFromA1(sheet), sheet.name) : null;
}

/**
 * The Plan column per team as read (team key → the plan's name and the cell it is in), for assigning reps to named
 * plans. Teams whose Plan cell is blank are absent.
 */
export function teamPlans(teams: TeamsSheet | null): Map<string, { plan: string; cell: string }> {
  const out = new Map<string, { plan: string; cell: string }>();
  for (const e of teams?.teams ?? [])
    if (e.plan !== null) out.set(teamKey(e.team), { plan: e.plan, cell: e.cells.plan! });
  return out;
}
