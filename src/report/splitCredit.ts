/**
 * How split deals count when scoring (docs/reference/plan.md "Split deals"): amount KPIs read each rep's credited
 * amount (ingest made it the row's amount); count KPIs follow the plan's setting — every credited rep counts the
 * deal, or the first-named only.
 */
import type { AggregateKind } from "../engine/index";
import type { IngestResult, SalesRow } from "../ingest/types";
import type { Plan } from "../plan/index";

const COUNTS: ReadonlySet<AggregateKind> = new Set<AggregateKind>(["count", "count_unique", "count_true"]);

/**
 * A count KPI's reader when the plan counts split deals for the first-named rep only: the other credits read as
 * blank, so they count nowhere. Otherwise the reader itself (no extra call per row).
 */
export function countedRead(
  aggregate: AggregateKind,
  read: (row: SalesRow) => unknown,
  plan: Plan,
): (row: SalesRow) => unknown {
  if (plan.splitDealCount !== "first" || !COUNTS.has(aggregate)) return read;
  return (row) => (row.credit !== undefined && !row.credit.firstNamed ? null : read(row));
}

/**
 * The plan as the Plan tab shows it: with the "Split deals count for" setting when the sales rows credit split deals
 * (so the setting can be found and changed), else as it is.
 */
export function planShowingSplits(plan: Plan, ingest: IngestResult): Plan {
  if (plan.splitDealCount !== undefined || ingest.split === undefined) return plan;
  return { ...plan, splitDealCount: "every" };
}
