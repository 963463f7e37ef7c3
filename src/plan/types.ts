/**
 * The plan model (docs/reference/plan.md). Plain data; numbers are JS numbers as typed by the
 * user (the engine reads them through their shortest decimal string).
 */
import type { CurrencyRates } from "../currency/types";
import type { AdjustmentPolicy } from "../engine/payouts";
import type { DataIssue, StandardField } from "../ingest/types";

export type { AdjustmentPolicy } from "../engine/payouts";

export type PeriodKind = "month" | "quarter" | "year";
export type Aggregate = "sum" | "count" | "count_unique" | "count_true" | "average";
export type Direction = "higher" | "lower";
export type KpiGroup = "results" | "behaviour";
export type KpiScope = "rep" | "team";
/** Who gets a block on the Coaching tab: the Coaching reps (default) or every rep. */
export type CoachingTab = "coaching" | "all";
/** In count KPIs, a deal credited to several reps counts for every credited rep (default) or the first-named only. */
export type SplitDealCount = "every" | "first";

/**
 * The review streak (docs/reference/plan.md "Streak rule"): a period counts when the KPI's growth over the period
 * before, or its attainment, is at least `atLeast` (a fraction: 0.1 = 10 %). Trends shows each rep's current run of
 * consecutive periods that meet it.
 */
export interface StreakRule {
  /** A KPI of the plan, by name (ignoring case). */
  kpi: string;
  of: "growth" | "attainment";
  atLeast: number;
}

/** A target: a number for the period, a number per month, or growth over the rep's prior period. */
export type KpiTarget =
  { kind: "fixed"; value: number } | { kind: "perMonth"; value: number } | { kind: "growth"; rate: number };

export interface PlanKpi {
  /** Display name as the user wrote it (the default plan has en and zh names, picked by language). */
  name: string;
  /** A standard field of docs/reference/input.md or an exact header of another column. */
  measure: { field: StandardField | null; header: string | null };
  aggregate: Aggregate;
  target: KpiTarget;
  direction: Direction;
  weight: number; // fraction; the plan's weights add up to 1 (± 1e-9)
  cap: number | null; // fraction, null = no cap
  group: KpiGroup;
  /** "team": every rep of a team shares the team's attainment (docs/reference/coaching.md); absent = "rep". */
  scope?: KpiScope;
  /** A non-cash reward for meeting the target ("Promotion opportunity"); absent or null = none. */
  incentive?: string | null;
}

export interface BonusRule {
  targetBonus: number; // per rep per period, in currency units
  curve: [number, number][] | null; // (x, y) points with strictly increasing x; null = factor is the score
  threshold: number; // score below it pays 0
  cap: number | null; // max payout factor
}

export interface Plan {
  period: PeriodKind;
  /** The scored period key ("2026-Q2", "2026-03", "2026"); null = the latest in the data. */
  scoredPeriod: string | null;
  currency: string | null; // ISO code; null = guess from the data, else none
  currencyDecimals: number; // default 2
  kpis: PlanKpi[];
  bonus: BonusRule;
  ranking: { top: number; bottom: number };
  /** Per-rep target overrides (Targets sheet): rep → KPI name → target for the period. */
  repTargets: Record<string, Record<string, number>>;
  /** Who gets a block on the Coaching tab (docs/reference/coaching.md); absent = "coaching". */
  coachingTab?: CoachingTab;
  /** The workbook's Rates / 汇率 sheet (docs/reference/input.md "Rates sheet"); absent = amounts are not converted. */
  rates?: CurrencyRates;
  /** Adjustment policy and draws (docs/reference/payouts.md); absent = differences reported only, no draw. */
  payouts?: PayoutSettings;
  /** Reps named for a draw (Targets sheet Draw column, JSON payouts.drawReps): rep → own amount, null = the plan's. */
  repDraws?: Record<string, number | null>;
  /**
   * Joiners and leavers (docs/reference/plan.md "Joiners and leavers"): Start / End of reps, from the Targets or the
   * People sheet; absent = nobody is prorated. Read with the problems found (listed on Data issues, the run goes on).
   */
  people?: PeopleDates;
  /**
   * Several plans (docs/reference/plan.md "A plan per role or team"): this plan's name. Absent on a one-plan
   * workbook, which reads and scores exactly as before.
   */
  name?: string;
  /**
   * The further plans, each with its own name, KPIs, bonus, ranking and Coaching tab setting. They share this plan's
   * period, scored period, currency, payouts and per-rep targets (their own copies of those fields are not read).
   */
  morePlans?: Plan[];
  /** Plan by rep (Targets sheet "Plan" column): normalised rep name → plan name. Reps on none take the first plan. */
  planOfRep?: Record<string, string>;
  /** Plan by team (Teams sheet "Plan" column): team → plan name; a rep's own assignment wins. */
  planOfTeam?: Record<string, string>;
  /** The review streak rule; absent = none (the report is as without it). */
  streak?: StreakRule;
  /**
   * How a split deal counts in count KPIs (docs/reference/plan.md "Split deals"); amounts are always credited by split.
   * Absent = "every".
   */
  splitDealCount?: SplitDealCount;
}

/** Who gets the draw (docs/reference/payouts.md): every rep, or only the reps with a Draw on the Targets sheet. */
export type DrawFor = "everyone" | "named";

/**
 * Payouts (docs/reference/payouts.md): what happens to differences found in closed periods, and a guaranteed draw.
 * Amounts are per rep per period, in currency units; null = none (no cap, no draw).
 */
export interface PayoutSettings {
  adjustments: AdjustmentPolicy;
  clawbackCap: number | null;
  draw: number | null;
  drawRecoverable: boolean;
  recoveryCap: number | null;
  drawFor: DrawFor;
}

/** A rep's first and last active day, Excel day serials; null = blank (active since before / still active). */
export interface RepDates {
  start: number | null;
  end: number | null;
  /** Where they were read, for Data issues: the sheet and its 1-based row. */
  sheet: string;
  row: number;
}

export interface PeopleDates {
  /** Rep name as written (normalised) → dates. Only reps with a start or an end. */
  reps: Record<string, RepDates>;
  /** Unreadable dates, End before Start: by cell, for the Data issues tab. */
  issues: DataIssue[];
}

/** A plan problem, naming where it is: a JSON path ("kpis[1].weight") or a cell ("Plan!D7"). */
export interface PlanError {
  where: string;
  messageKey: string;
  params?: Record<string, string | number>;
}

export type PlanResult = { ok: true; plan: Plan } | { ok: false; errors: PlanError[] };
