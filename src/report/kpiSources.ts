/** Where each plan KPI reads its values (docs/reference/plan.md): a sales column, a measure sheet, or nowhere. */
import type { IngestResult, SalesRow, StandardField } from "../ingest/types";
import type { PlanKpi } from "../plan/index";

/** Where a KPI's values come from: the sales table, another sheet's measure rows, or nowhere. */
export type KpiSource =
  { kind: "sales"; read: (row: SalesRow) => unknown } | { kind: "measures"; key: string } | { kind: "missing" };

/** A standard field's value on a typed sales row: the KPI readers and the statements' Sales tab read through these. */
export const SALES_FIELDS: Record<StandardField, (r: SalesRow) => number | string | boolean | null> = {
  rep: (r) => r.rep,
  team: (r) => r.team,
  date: (r) => r.dateSerial,
  amount: (r) => r.amount,
  customer: (r) => r.customer,
  newCustomer: (r) => r.newCustomer,
  satisfaction: (r) => r.satisfaction,
  behaviour: (r) => r.behaviour,
  deal: (r) => r.dealId ?? null,
  // The rep's own split: a shared rep cell's reps each hold an equal part of the row's split.
  split: (r) => (r.credit?.split == null ? null : Number(r.credit.split) / r.credit.names),
  splitAmount: (r) => (r.credit === undefined ? null : r.amount),
};

/** Find a KPI's column: a mapped sales field, a sales header, else a measure sheet's column. */
export function resolveKpiSource(kpi: PlanKpi, ingest: IngestResult): KpiSource {
  const { field, header } = kpi.measure;
  const cols = ingest.mapping.columns;
  if (field !== null) {
    if (cols[field] !== undefined) return { kind: "sales", read: SALES_FIELDS[field] };
    if (ingest.measures.some((m) => m.values[field] !== undefined)) return { kind: "measures", key: field };
    return { kind: "missing" };
  }
  if (header !== null) {
    const h = ingest.mapping.headers.find((x) => x.header === header);
    if (h !== undefined) {
      // A header that is also a mapped standard column is read through its typed field.
      const std = (Object.keys(cols) as StandardField[]).find((f) => cols[f] === h.col);
      if (std !== undefined) return { kind: "sales", read: SALES_FIELDS[std] };
      return { kind: "sales", read: (r) => r.extra[header] };
    }
    if (ingest.measures.some((m) => m.values[header] !== undefined)) return { kind: "measures", key: header };
  }
  return { kind: "missing" };
}
