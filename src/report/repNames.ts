/**
 * Rep names across sheets (docs/reference/cleaning.md, plan.md): a name on Targets or a measure sheet means the
 * sales rep of the same name ignoring case; what was matched, merged or left over is listed.
 */
import type { PeriodRange } from "../engine/index";
import type { DataIssue, MeasureRow, SalesRow } from "../ingest/types";
import { normaliseRepName, type Plan } from "../plan/index";

/** A rep name as compared across sheets: docs/reference/cleaning.md's normalisation, then case-insensitive (Excel users expect
 * "carl" on a Ratings or Targets sheet to be the "Carl" of the sales table; Excel's own "=" ignores case). */
export function repNameKey(name: string): string {
  return normaliseRepName(name).toLowerCase();
}

/**
 * Finds the sales rep a name on another sheet means: the same spelling, else the same name ignoring case (the
 * first spelling met in the sales rows when the sales table itself holds several), else null.
 */
export class RepMatcher {
  private readonly exact = new Set<string>();
  private readonly folded = new Map<string, string>();

  constructor(rows: readonly SalesRow[]) {
    let last: string | undefined;
    for (const r of rows) {
      // Sales rows come in runs of one rep: skip the lookups on a repeat.
      if (r.rep === last) continue;
      last = r.rep;
      if (this.exact.has(r.rep)) continue;
      this.exact.add(r.rep);
      const k = repNameKey(r.rep);
      if (!this.folded.has(k)) this.folded.set(k, r.rep);
    }
  }

  /** The sales rep's spelling for a normalised name, or null when no sales rep has that name. */
  match(name: string): string | null {
    if (this.exact.has(name)) return name;
    return this.folded.get(repNameKey(name)) ?? null;
  }
}

/**
 * The per-rep targets by the sales rep they name (docs/reference/plan.md). A name matching a sales rep only ignoring case is that
 * rep (reported through `onAlias`); where both spellings set one KPI, the rep's own spelling wins. A name matching no
 * sales rep stays a rep of its own (scored per docs/reference/plan.md), spellings of it that differ in case joined (and reported).
 */
export function targetsBySalesRep(
  plan: Plan,
  matcher: RepMatcher,
  aliases: Map<string, string>,
  onAlias: (name: string, rep: string, salesRep: boolean) => void,
): Map<string, Record<string, number>> {
  const out = new Map<string, Record<string, number>>();
  const targetsOnly = new Map<string, string>();
  for (const [given, targets] of Object.entries(plan.repTargets ?? {})) {
    const name = normaliseRepName(given);
    let rep = matcher.match(name);
    const salesRep = rep !== null;
    if (rep === null) {
      const key = repNameKey(name);
      rep = targetsOnly.get(key) ?? name;
      targetsOnly.set(key, rep);
    }
    if (rep !== name && !aliases.has(name)) {
      aliases.set(name, rep);
      onAlias(name, rep, salesRep);
    }
    const own = out.get(rep) ?? {};
    for (const [kpi, value] of Object.entries(targets)) if (rep === name || !(kpi in own)) own[kpi] = value;
    out.set(rep, own);
  }
  return out;
}

/**
 * Measure rows (a Ratings sheet …) under the sales rep (or Targets rep) their name means, ignoring case; each such
 * spelling is listed once per sheet ("merged", docs/reference/cleaning.md: merges are listed). Unmatched names stay as they are.
 */
export function measuresBySalesRep(
  rows: readonly MeasureRow[],
  matcher: RepMatcher,
  repTargets: ReadonlyMap<string, unknown>,
  aliases: Map<string, string>,
  issues: DataIssue[],
): MeasureRow[] {
  const targetsByKey = new Map<string, string>();
  for (const rep of repTargets.keys()) if (!targetsByKey.has(repNameKey(rep))) targetsByKey.set(repNameKey(rep), rep);
  const resolved = new Map<string, string>();
  const merged = new Map<string, DataIssue>();
  return rows.map((m) => {
    let rep = resolved.get(m.rep);
    if (rep === undefined) {
      rep = matcher.match(m.rep) ?? targetsByKey.get(repNameKey(m.rep)) ?? m.rep;
      resolved.set(m.rep, rep);
    }
    if (rep === m.rep) return m;
    if (!aliases.has(m.rep)) aliases.set(m.rep, rep);
    const key = `${m.sheet}\u0000${m.rep}`;
    const seen = merged.get(key);
    if (seen) seen.params!.rows = (seen.params!.rows as number) + 1;
    else {
      const x: DataIssue = {
        sheet: m.sheet,
        row: m.sheetRow,
        column: null,
        raw: m.rep,
        action: "merged",
        reasonKey: "measureRepMatched",
        params: { name: m.rep, rep, rows: 1 },
      };
      merged.set(key, x);
      issues.push(x);
    }
    return { ...m, rep };
  });
}

/**
 * Measure rows of the scored period whose rep is not scored (docs/reference/cleaning.md: nothing dropped silently): a name no sales
 * rep has (a typo, someone who sold nothing) or a rep with no sales in the period. Only rows holding a value a KPI
 * reads count; the rows are listed one by one with their sheet and row.
 */
export function unmatchedMeasureRows(
  rows: readonly MeasureRow[],
  keys: readonly string[],
  period: string,
  range: PeriodRange,
  scored: ReadonlySet<string>,
  matcher: RepMatcher,
): DataIssue[] {
  const out: DataIssue[] = [];
  if (keys.length === 0) return out;
  for (const m of rows) {
    if (scored.has(m.rep) || m.dateSerial < range.startSerial || m.dateSerial > range.endSerial) continue;
    if (!keys.some((k) => m.values[k] !== undefined)) continue;
    const known = matcher.match(m.rep) !== null;
    out.push({
      sheet: m.sheet,
      row: m.sheetRow,
      column: null,
      raw: m.rep,
      action: "ignored",
      reasonKey: known ? "measureRepNotScored" : "measureRepNotFound",
      params: { rep: m.rep, period },
    });
  }
  return out;
}
