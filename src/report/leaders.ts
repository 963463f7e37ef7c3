/**
 * Team leaders (docs/reference/leaders.md): each leader on the Teams sheet scored on the team's totals — the team and
 * every team under it — with the plan's KPIs, weights, caps and bonus. The double-credit trap: a deal several of the
 * team's reps share counts once for the leader (its credits to the team's reps added up, at most the deal's amount).
 * Exact decimals (docs/reference/numbers.md); only the payout is rounded, by the engine.
 */
import type Decimal from "decimal.js";
import { Accumulator, attainment, bonusFromScore, dec, isEngineError, rescaledScore } from "../engine/index";
import type { DataIssue, IngestResult, SalesRow } from "../ingest/types";
import { teamKey, type TeamEntry, type TeamsSheet } from "../plan/index";
import { planAssigner, plansOf } from "../plan/plans";
import type { Plan } from "../plan/types";
import { compareCodePoints } from "./compare";
import { resolveKpiSource, SALES_FIELDS, type KpiSource } from "./kpiSources";
import { repNameKey } from "./repNames";
import { scorePeriod, type ScoredKpi, type ScoredPeriod, type ScoredRep } from "./score";

export interface LeaderKpi {
  /** The team's value for the period, each deal once; null: no values (an average over none) or no column. */
  actual: Decimal | null;
  /** Σ of the members' targets (those that have one); null when none has. */
  target: Decimal | null;
  /** ATTAINMENT(actual, target); null when the KPI does not count for the leader. */
  attainment: Decimal | null;
}

export interface ScoredLeader {
  leader: string;
  /** The plan the leader is scored on, an index into plansOf (0 with one plan). */
  planIndex: number;
  entry: TeamEntry;
  /** The team and the teams under it, as the Teams sheet spells them, the team first. */
  teams: string[];
  /** The scored reps of those teams, in the Scorecard's order of `scored.reps` (rank order). */
  members: ScoredRep[];
  kpis: LeaderKpi[];
  score: Decimal;
  factor: Decimal;
  payout: Decimal;
}

export interface ScoredLeaders {
  leaders: ScoredLeader[];
  /** The Teams sheet's issues and the scoring's, for the Data issues tab (never a statement: they name other reps). */
  issues: DataIssue[];
}

/**
 * A row's deal when it may share one with other rows (docs/reference/input.md "Split credit"): its Deal ID, else its
 * sheet row when the row credits a share (a rep cell naming several reps is one sheet row read as several rows).
 * null: a row of its own, read as the reps' KPIs read it.
 */
function dealKey(row: SalesRow): string | null {
  if (row.dealId !== undefined && row.dealId !== null) return `d\u0000${row.dealId}`;
  if (row.credit !== undefined) return `r\u0000${row.sheet}\u0000${row.sheetRow}`;
  return null;
}

/** The deal's amount as a row holds it: the Amount cell when the row credits only a share of it. */
function dealAmount(row: SalesRow): number {
  return row.credit !== undefined ? row.credit.dealAmount : row.amount;
}

/**
 * What an amount KPI credits the leader for one deal: the credits of the team's rows added up, at most the deal's
 * amount (the largest of their deal amounts when rows disagree). `single`: one value, for an average.
 */
function dealCredit(rows: readonly SalesRow[]): { values: number[]; single: number } {
  let cap = dealAmount(rows[0]);
  let sum = dec(0);
  for (const r of rows) {
    if (Math.abs(dealAmount(r)) > Math.abs(cap)) cap = dealAmount(r);
    sum = sum.plus(dec(r.amount));
  }
  if (sum.abs().gt(dec(cap).abs())) return { values: [cap], single: cap };
  return { values: rows.map((r) => r.amount), single: rows.length === 1 ? rows[0].amount : sum.toNumber() };
}

/** One leader's running values: their plan's KPIs and where each reads, an accumulator per KPI, the shared deals. */
class LeaderValues {
  readonly cells: (Accumulator | null)[];
  readonly deals = new Map<string, SalesRow[]>();
  constructor(
    readonly plan: Plan,
    readonly sources: readonly KpiSource[],
  ) {
    this.cells = plan.kpis.map((k, i) => (sources[i].kind === "missing" ? null : new Accumulator(k.aggregate)));
  }
}

/** The team's rows of a shared deal, fed once each KPI (docs/reference/leaders.md "Each deal once"). */
function feedDeal(values: LeaderValues, rows: SalesRow[]): void {
  const { plan, sources } = values;
  sources.forEach((s, k) => {
    const cell = values.cells[k];
    if (s.kind !== "sales" || cell === null) return;
    const aggregate = plan.kpis[k].aggregate;
    if (s.read === SALES_FIELDS.amount && (aggregate === "sum" || aggregate === "average")) {
      const credit = dealCredit(rows);
      if (aggregate === "sum") for (const v of credit.values) cell.add(v);
      else cell.add(credit.single);
    } else if (aggregate === "count_unique") {
      for (const r of rows) cell.add(s.read(r));
    } else {
      cell.add(s.read(rows[0]));
    }
  });
}

/** Each team's leader and its teams from the top down: depth-first, siblings in sheet order. */
function treeOrder(entries: readonly TeamEntry[]): { entry: TeamEntry; teams: string[] }[] {
  const children = new Map<string, TeamEntry[]>();
  const roots: TeamEntry[] = [];
  for (const e of entries) {
    if (e.parent === null) roots.push(e);
    else children.set(teamKey(e.parent), [...(children.get(teamKey(e.parent)) ?? []), e]);
  }
  const out: { entry: TeamEntry; teams: string[] }[] = [];
  const subtree = (e: TeamEntry): string[] => [e.team, ...(children.get(teamKey(e.team)) ?? []).flatMap(subtree)];
  const walk = (e: TeamEntry): void => {
    out.push({ entry: e, teams: subtree(e) });
    for (const c of children.get(teamKey(e.team)) ?? []) walk(c);
  };
  for (const r of roots) walk(r);
  return out;
}

/**
 * Each member's KPIs (their target above all) on the plan a leader is scored on: with one plan, or when the member
 * is on the leader's plan, their own scoring; else the member scored once more on that plan, for their targets there.
 */
function membersTargets(
  ingest: IngestResult,
  plans: readonly Plan[],
  planIndexOf: readonly number[],
  membersOf: readonly ScoredRep[][],
  scored: ScoredPeriod,
): (planIndex: number, member: ScoredRep) => ScoredKpi[] {
  if (plans.length === 1) return (_, m) => m.kpis;
  const onPlan = new Map<number, Map<string, ScoredRep>>();
  for (const pi of planIndexOf) {
    if (onPlan.has(pi)) continue;
    const names = new Set<string>();
    planIndexOf.forEach((pj, j) => pj === pi && membersOf[j].forEach((m) => names.add(m.rep)));
    const again = scorePeriod(ingest, plans[pi], { period: scored.period, onlyReps: (rep) => names.has(rep) });
    onPlan.set(pi, new Map(again.reps.map((r) => [r.rep, r])));
  }
  return (pi, m) => onPlan.get(pi)!.get(m.rep)?.kpis ?? plans[pi].kpis.map(() => NO_KPI);
}

const NO_KPI: ScoredKpi = {
  actual: null,
  target: null,
  targetKind: "none",
  prior: null,
  attainment: null,
  used: false,
};

/** Score every leader of the Teams sheet on the scored period (docs/reference/leaders.md). */
export function scoreLeaders(
  ingest: IngestResult,
  plan: Plan,
  scored: ScoredPeriod,
  teamsSheet: TeamsSheet,
): ScoredLeaders {
  const issues: DataIssue[] = [...teamsSheet.issues];
  const note = (
    column: string | null,
    raw: string | null,
    reasonKey: string,
    action: DataIssue["action"],
    row: number | null,
    params: Record<string, string | number>,
  ) => issues.push({ sheet: teamsSheet.sheet, row, column, raw, action, reasonKey, params });
  const tree = treeOrder(teamsSheet.teams);
  // Several plans (docs/reference/plan.md "A plan per role or team"): a leader is on their own plan (Targets), else
  // their team's (Teams), else the first, as a rep is.
  const plans = plansOf(plan);
  const planOf = plans.length > 1 ? planAssigner(plan) : () => 0;
  const sourcesOf = plans.map((p) => p.kpis.map((k) => resolveKpiSource(k, ingest)));

  // The team of each scored rep as the Scorecard shows it, and the leaders above each team (the team's own first).
  const leadersOfTeam = new Map<string, number[]>();
  const ledTree = tree.filter((x) => x.entry.leader !== null);
  ledTree.forEach((x, i) => {
    for (const team of x.teams) leadersOfTeam.set(teamKey(team), [...(leadersOfTeam.get(teamKey(team)) ?? []), i]);
  });
  const leadersOfRep = new Map<string, number[]>();
  const membersOf: ScoredRep[][] = ledTree.map(() => []);
  for (const r of scored.reps) {
    const ids = r.team === null ? undefined : leadersOfTeam.get(teamKey(r.team));
    if (ids === undefined) continue;
    leadersOfRep.set(r.rep, ids);
    for (const i of ids) membersOf[i].push(r);
  }

  const planIndexOf = ledTree.map((x) => planOf(x.entry.leader!, x.entry.team));
  const values = planIndexOf.map((pi) => new LeaderValues(plans[pi], sourcesOf[pi]));
  const { startSerial, endSerial } = scored.range;
  if (sourcesOf.some((sources) => sources.some((s) => s.kind === "sales"))) {
    for (const row of ingest.rows) {
      if (row.dateSerial < startSerial || row.dateSerial > endSerial) continue;
      const ids = leadersOfRep.get(row.rep);
      if (ids === undefined) continue;
      const key = dealKey(row);
      for (const i of ids) {
        const v = values[i];
        if (key === null) {
          // A row of its own is a deal of its own: read as the rep's KPIs read it.
          v.sources.forEach((s, k) => {
            if (s.kind === "sales") v.cells[k]!.add(s.read(row));
          });
        } else {
          const rows = v.deals.get(key);
          if (rows === undefined) v.deals.set(key, [row]);
          else rows.push(row);
        }
      }
    }
    for (const v of values) for (const rows of v.deals.values()) feedDeal(v, rows);
  }
  if (sourcesOf.some((sources) => sources.some((s) => s.kind === "measures"))) {
    for (const m of ingest.measures) {
      if (m.dateSerial < startSerial || m.dateSerial > endSerial) continue;
      const ids = leadersOfRep.get(scored.repAliases.get(m.rep) ?? m.rep);
      if (ids === undefined) continue;
      for (const i of ids)
        values[i].sources.forEach((s, k) => {
          if (s.kind === "measures") values[i].cells[k]!.add(m.values[s.key]);
        });
    }
  }
  const targetsOf = membersTargets(ingest, plans, planIndexOf, membersOf, scored);

  const repKeys = new Set(scored.reps.map((r) => repNameKey(r.rep)));
  const leaders: ScoredLeader[] = [];
  ledTree.forEach((x, i) => {
    const { entry } = x;
    const leader = entry.leader!;
    const members = membersOf[i];
    const leaderColumn = teamsSheet.headers.leader;
    if (members.length === 0) {
      note(teamsSheet.headers.team, entry.team, "leadersTeamNoReps", "skipped", entry.row, {
        cell: entry.cells.team,
        team: entry.team,
        leader,
        period: scored.period,
      });
      return;
    }
    if (repKeys.has(repNameKey(leader)))
      note(leaderColumn, leader, "leadersLeaderIsRep", "kept", entry.row, {
        cell: entry.cells.leader,
        leader,
        team: entry.team,
      });
    const leaderPlan = plans[planIndexOf[i]];
    const kpis = leaderPlan.kpis.map((kpi, k): LeaderKpi => {
      const actual = values[i].cells[k]?.result() ?? null;
      let target: Decimal | null = null;
      for (const m of members) {
        const own = targetsOf(planIndexOf[i], m)[k].target;
        if (own !== null) target = target === null ? own : target.plus(own);
      }
      let att: Decimal | null = null;
      if (actual !== null && target !== null) {
        const a = attainment(actual, target, kpi.direction === "lower");
        if (!isEngineError(a)) att = a;
      }
      return { actual, target, attainment: att };
    });
    const { score } = rescaledScore(
      kpis.map((x) => x.attainment),
      leaderPlan.kpis.map((kpi) => dec(kpi.weight)),
      leaderPlan.kpis.map((kpi) => (kpi.cap === null ? null : dec(kpi.cap))),
    );
    const bonus = leaderPlan.bonus;
    const b = bonusFromScore(score, dec(bonus.targetBonus), {
      curve: bonus.curve ? bonus.curve.map(([x, y]) => ({ x: dec(x), y: dec(y) })) : null,
      threshold: dec(bonus.threshold),
      cap: bonus.cap === null ? null : dec(bonus.cap),
      decimals: leaderPlan.currencyDecimals,
    });
    leaders.push({
      leader,
      planIndex: planIndexOf[i],
      entry,
      teams: x.teams,
      members,
      kpis,
      score,
      factor: b.factor,
      payout: b.payout,
    });
  });

  // A team of the sales sheet that the Teams sheet does not list: its reps count for no leader.
  const listed = new Set(teamsSheet.teams.map((e) => teamKey(e.team)));
  const unlisted = new Map<string, string>();
  for (const r of scored.reps)
    if (r.team !== null && r.team !== "" && !listed.has(teamKey(r.team)) && !unlisted.has(teamKey(r.team)))
      unlisted.set(teamKey(r.team), r.team);
  for (const team of [...unlisted.values()].sort(compareCodePoints))
    note(null, team, "leadersTeamNotListed", "skipped", null, { team, sheet: teamsSheet.sheet });
  return { leaders, issues };
}
