/**
 * Joiners and leavers (docs/reference/plan.md "Joiners and leavers"): a rep with a Start or End date (Targets or People
 * sheet) has targets prorated by the days active in the scored period, the PERF.PRORATE rule (engine prorate.ts):
 * factor = days of [Start, End] inside the period ÷ days in the period, both ends inclusive, blank Start = active since
 * before, blank End = still active. A rep with no active day in the period (left before it, starts after it) is not
 * scored. The factor is an exact Decimal; 1 for everyone without dates, and nothing here runs when no sheet has dates.
 */
import type Decimal from "decimal.js";
import { dec, ExactSum, isEngineError, prorate, type PeriodRange } from "../engine/index";
import type { DataIssue, SalesRow } from "../ingest/types";
import { normaliseRepName, type PlanKpi, type PeopleDates, type RepDates } from "../plan/index";
import { isoDateOfSerial, serialToYmd } from "../sheet";
import { formula, num } from "./cells";
import type { ReportCell } from "./model";
import { repNameKey, type RepMatcher } from "./repNames";
import type { ScoredRep } from "./score";

export const NOT_PRORATED: Decimal = dec(1);

/** A KPI whose target is prorated: sums and counts grow with the days worked; an average (satisfaction) does not. */
export function isProratedKpi(kpi: PlanKpi): boolean {
  return kpi.aggregate !== "average";
}

/** Days of the rep's [Start, End] inside the period and days in the period (PERF.PRORATE's numerator and denominator). */
export function activeDays(dates: RepDates, range: PeriodRange): { active: number; days: number } {
  const ps = range.startSerial;
  const pe = range.endSerial;
  const s = dates.start === null ? ps : Math.floor(dates.start);
  const e = dates.end === null ? pe : Math.floor(dates.end);
  return { active: Math.max(0, Math.min(e, pe) - Math.max(s, ps) + 1), days: pe - ps + 1 };
}

/** The first and last active day of a rep inside the period (a prorated rep has at least one). */
export function activeWindow(dates: RepDates, range: PeriodRange): { from: number; to: number } {
  const from = dates.start === null ? range.startSerial : Math.max(Math.floor(dates.start), range.startSerial);
  const to = dates.end === null ? range.endSerial : Math.min(Math.floor(dates.end), range.endSerial);
  return { from, to };
}

/** PERF.PRORATE(1, Start, End, period start, period end): the rep's proration factor; 1 when End is before Start. */
export function prorationFactor(dates: RepDates, range: PeriodRange): Decimal {
  const f = prorate(NOT_PRORATED, dates.start, dates.end, range.startSerial, range.endSerial);
  // The readers never keep an End before its Start (listed on Data issues instead): no proration then.
  return isEngineError(f) ? NOT_PRORATED : f;
}

/** A rep's dates as the Data issues tab writes them: "2026-05-11 – 2026-06-30", a blank side as "…". */
export function datesText(dates: RepDates): string {
  const side = (s: number | null): string => (s === null ? "…" : isoDateOfSerial(s));
  return `${side(dates.start)} – ${side(dates.end)}`;
}

function issueAt(dates: RepDates, raw: string, reasonKey: string, params: Record<string, string | number>): DataIssue {
  return { sheet: dates.sheet, row: dates.row, column: null, raw, action: "ignored", reasonKey, params };
}

/**
 * The Start / End of each rep by the scored rep they name: a sales rep's spelling ignoring case, else a rep of the
 * Targets sheet. A name no sales row or target has is listed ("a Start for nobody"): often a misspelt name.
 */
export function datesBySalesRep(
  people: PeopleDates,
  matcher: RepMatcher,
  repTargets: ReadonlyMap<string, unknown>,
  issues: DataIssue[],
): Map<string, RepDates> {
  const targetsByKey = new Map<string, string>();
  for (const rep of repTargets.keys()) if (!targetsByKey.has(repNameKey(rep))) targetsByKey.set(repNameKey(rep), rep);
  const out = new Map<string, RepDates>();
  for (const [given, dates] of Object.entries(people.reps)) {
    const name = normaliseRepName(given);
    const rep = matcher.match(name) ?? targetsByKey.get(repNameKey(name)) ?? null;
    if (rep === null) issues.push(issueAt(dates, name, "peopleRepNoSales", { rep: name, dates: datesText(dates) }));
    // Two spellings of one rep with different dates: the rep's own spelling wins, as for targets.
    else if (!out.has(rep) || rep === name) out.set(rep, dates);
  }
  return out;
}

/**
 * A rep with no active day in the period: not scored, not ranked. Their sales rows of the period stay in the
 * reconciliation (they are valid rows); the line says how many and their amount, so the totals still tie.
 */
export function notActiveIssue(
  rep: string,
  dates: RepDates,
  period: string,
  range: PeriodRange,
  rows: readonly SalesRow[],
): DataIssue {
  let count = 0;
  const amount = new ExactSum();
  for (const r of rows) {
    if (r.rep !== rep || r.dateSerial < range.startSerial || r.dateSerial > range.endSerial) continue;
    count++;
    amount.add(r.amount);
  }
  const left = dates.end !== null && dates.end < range.startSerial;
  return {
    ...issueAt(dates, rep, left ? "repLeftBeforePeriod" : "repStartsAfterPeriod", {
      rep,
      period,
      dates: datesText(dates),
      rows: count,
      amount: amount.value().toFixed(),
    }),
    action: "skipped",
  };
}

/** A prorated rep, listed so the factor on the Scorecard can be traced to its dates. */
export function proratedIssue(rep: string, dates: RepDates, period: string, range: PeriodRange): DataIssue {
  const { active, days } = activeDays(dates, range);
  return {
    ...issueAt(dates, rep, "repProrated", { rep, period, dates: datesText(dates), active, days }),
    action: "kept",
  };
}

/** The Scorecard's Proration column format: a share of the period, to the hundredth of a percent. */
export const PRORATION_FORMAT = "0.00%";

/** Whether anyone is prorated: the Proration column appears only then (reports without dates stay as they were). */
export function anyProrated(reps: readonly ScoredRep[]): boolean {
  return reps.some((r) => r.active !== undefined);
}

/** "DATE(2026,5,1)" for a serial: the day as a formula reads it in every engine, whatever the date system's display. */
function dateCall(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `DATE(${y},${m},${d})`;
}

/**
 * A rep's proration factor on the Scorecard: (last active day − first active day + 1) ÷ (days in the period), the
 * days as DATE()s so the reader sees them; 1 for a rep not prorated. The targets of the row multiply by this cell.
 */
export function prorationCell(r: ScoredRep, range: PeriodRange): ReportCell {
  if (r.active === undefined) return num(1, PRORATION_FORMAT);
  const active = `${dateCall(r.active.to)}-${dateCall(r.active.from)}+1`;
  const days = `${dateCall(range.endSerial)}-${dateCall(range.startSerial)}+1`;
  return formula(`(${active})/(${days})`, r.proration, PRORATION_FORMAT);
}
