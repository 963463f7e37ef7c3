/**
 * Fast per-rep aggregation of sales / measure rows (docs/reference/plan.md KPI measures: sum, count,
 * count_unique, count_true, average). One pass, Maps keyed by rep, no Decimal per row:
 * sums are exact (docs/reference/numbers.md) through decimal.ts's `ExactSum` (scaled integers, decimal.js only for
 * values beyond 15 digits).
 */
import type Decimal from "decimal.js";
import { Dec, ExactSum } from "./decimal";

/** Same union as plan/types Aggregate (the engine imports only decimal.js). */
export type AggregateKind = "sum" | "count" | "count_unique" | "count_true" | "average";

/** The sums are decimal.ts's exact running sum (re-exported: callers and tests know it from here). */
export { ExactSum };

/** Yes/no per docs/reference/cleaning.md: yes, y, true, 1, 是 are true; everything else is not. */
export function isTrueValue(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === "number") return v === 1;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    return s === "yes" || s === "y" || s === "true" || s === "1" || s === "是";
  }
  return false;
}

/** One aggregate cell (rep × measure): fed row by row, read once at the end. */
export class Accumulator {
  readonly kind: AggregateKind;
  private readonly sum = new ExactSum();
  /** Values seen: non-blank (count), numeric (sum/average) or true (count_true). */
  n = 0;
  private readonly seen: Set<string | number | boolean> | null;

  constructor(kind: AggregateKind) {
    this.kind = kind;
    this.seen = kind === "count_unique" ? new Set() : null;
  }

  add(v: unknown): void {
    if (v === null || v === undefined) return;
    switch (this.kind) {
      case "sum":
      case "average":
        if (typeof v === "number" && Number.isFinite(v)) {
          this.sum.add(v);
          this.n++;
        }
        return;
      case "count":
        if (v !== "") this.n++;
        return;
      case "count_true":
        if (isTrueValue(v)) this.n++;
        return;
      case "count_unique": {
        const key = typeof v === "string" ? v.trim() : (v as number | boolean);
        if (key !== "") this.seen!.add(key);
        return;
      }
    }
  }

  /** The aggregate; null for an average over no values (docs/reference/plan.md: "no values" → no attainment). */
  result(): Decimal | null {
    switch (this.kind) {
      case "sum":
        return this.sum.value();
      case "average":
        return this.n === 0 ? null : this.sum.value().div(this.n);
      case "count_unique":
        return new Dec(this.seen!.size);
      default:
        return new Dec(this.n);
    }
  }
}

/** A row the aggregator can read: who, when, and (through the column readers) what. */
export interface AggRow {
  rep: string;
  dateSerial: number;
}

/** One aggregated column: how to read a row's value and how to combine values. */
export interface AggColumn<R> {
  aggregate: AggregateKind;
  read: (row: R) => unknown;
}

/** A closed range of day serials. */
export interface SerialRange {
  startSerial: number;
  endSerial: number;
}

export interface RepAggregate {
  /** Rows of this rep inside the range. */
  rows: number;
  /** One accumulator per column. */
  cells: Accumulator[];
  /** Team of the rep's latest row in the range (a later file row wins a same-day tie). */
  team: string | null;
  teamSerial: number;
}

/**
 * Aggregate rows per rep for each range in one pass: result[i] is the Map for ranges[i].
 * `teamOf` reads a row's team (null when rows have none).
 */
export function aggregateByRep<R extends AggRow>(
  rows: readonly R[],
  columns: readonly AggColumn<R>[],
  ranges: readonly SerialRange[],
  teamOf: ((row: R) => string | null) | null = null,
): Map<string, RepAggregate>[] {
  const maps = ranges.map(() => new Map<string, RepAggregate>());
  const nCols = columns.length;
  const nRanges = ranges.length;
  const starts = ranges.map((r) => r.startSerial);
  const ends = ranges.map((r) => r.endSerial);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const serial = row.dateSerial;
    for (let g = 0; g < nRanges; g++) {
      if (serial < starts[g] || serial > ends[g]) continue;
      const map = maps[g];
      let agg = map.get(row.rep);
      if (agg === undefined) {
        // team starts as "" (not null) so the field's type never changes; "" reads as no team below.
        agg = { rows: 0, cells: columns.map((c) => new Accumulator(c.aggregate)), team: "", teamSerial: -Infinity };
        map.set(row.rep, agg);
      }
      agg.rows++;
      const cells = agg.cells;
      for (let c = 0; c < nCols; c++) cells[c].add(columns[c].read(row));
      if (teamOf !== null && serial >= agg.teamSerial) {
        const team = teamOf(row);
        if (team !== null && team !== "") {
          agg.team = team;
          agg.teamSerial = serial;
        }
      }
    }
  }
  for (const map of maps) for (const agg of map.values()) if (agg.team === "") agg.team = null;
  return maps;
}

/** Days spanned above which period slots are looked up through a Map instead of a day table. */
const MAX_DAY_TABLE = 1 << 22;

/**
 * Exact sum per rep and period key (Trends tab): `keyOf(serial)` names the period of a day.
 * Each day's period slot is computed once (a day table over the data's span), so the per-row work
 * is one rep lookup, one table read and one scaled-integer add.
 */
export function sumByRepAndPeriod<R extends AggRow>(
  rows: readonly R[],
  read: (row: R) => number | null,
  keyOf: (serial: number) => string,
): Map<string, Map<string, Decimal>> {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < rows.length; i++) {
    const d = Math.floor(rows[i].dateSerial);
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const keys: string[] = [];
  const slotOfKey = new Map<string, number>();
  const slotFor = (day: number): number => {
    const key = keyOf(day);
    let slot = slotOfKey.get(key);
    if (slot === undefined) {
      slot = keys.length;
      keys.push(key);
      slotOfKey.set(key, slot);
    }
    return slot;
  };
  const span = max - min + 1;
  const table = span > 0 && span <= MAX_DAY_TABLE ? new Int32Array(span).fill(-1) : null;
  const dayCache = new Map<number, number>();
  const sums = new Map<string, ExactSum[]>();
  let lastRep: string | null = null;
  let lastSums: ExactSum[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const v = read(row);
    if (v === null || !Number.isFinite(v)) continue;
    const day = Math.floor(row.dateSerial);
    let slot: number;
    if (table !== null) {
      slot = table[day - min];
      if (slot < 0) table[day - min] = slot = slotFor(day);
    } else {
      const hit = dayCache.get(day);
      slot = hit === undefined ? slotFor(day) : hit;
      if (hit === undefined) dayCache.set(day, slot);
    }
    if (row.rep !== lastRep) {
      lastRep = row.rep;
      let bySlot = sums.get(lastRep);
      if (bySlot === undefined) {
        bySlot = [];
        sums.set(lastRep, bySlot);
      }
      lastSums = bySlot;
    }
    let s = lastSums[slot];
    if (s === undefined) {
      while (lastSums.length < slot) lastSums.push(undefined as unknown as ExactSum);
      s = lastSums[slot] = new ExactSum();
    }
    s.add(v);
  }
  const out = new Map<string, Map<string, Decimal>>();
  for (const [rep, bySlot] of sums) {
    const m = new Map<string, Decimal>();
    bySlot.forEach((s, slot) => {
      if (s !== undefined) m.set(keys[slot], s.value());
    });
    out.set(rep, m);
  }
  return out;
}
