/**
 * Argument specs and their one reader (STYLE §3, after HyperFormula's `implementedFunctions`):
 * each PERF function declares its arguments once; `coerceArgs` turns Excel's raw values into
 * typed ones or the first EngineError, naming the argument (SPEC §2).
 *
 * - blank (null, undefined, "") → the spec's default; a required number defaults to 0 as in
 *   Excel's own arithmetic, an optional one without a default to null;
 * - scalars: numbers, booleans (TRUE = 1), numeric text ("12", "4%");
 * - ranges: trailing fully blank rows are ignored; any other blank or text cell is #VALUE!
 *   naming the argument and the row (and the column when the range has several).
 */
import { engineError, isEngineError, type EngineError } from "../engine/index";

/** A two-column numeric table, row by row: [lower bound, rate] or [x, y]. */
export type Pairs = readonly (readonly [number, number])[];

export interface Grid<T> {
  /** Row by row. */
  values: T[];
  rows: number;
  cols: number;
}

interface Values {
  number: number;
  boolean: boolean;
  choice: string;
  /** Two numeric columns (tiers, curve). */
  table2: Pairs;
  /** Numbers, no blanks (attainments, weights). */
  grid: Grid<number>;
  /** Numbers or blanks (caps: a blank is "no cap"). */
  gridOrBlank: Grid<number | null>;
  /** The numbers of a range; blanks, text and logical values ignored, as Excel's RANK does. */
  numbers: number[];
}

export interface ArgSpec {
  /** As the user sees it: the parameter name in the JSDoc. */
  readonly name: string;
  readonly type: keyof Values;
  /** A blank is allowed and means `default` (or null without one). */
  readonly optional?: boolean;
  readonly default?: number | boolean | string;
  /** For "choice": the accepted words (compared case-insensitively) and the message otherwise. */
  readonly choices?: readonly string[];
  readonly invalidKey?: string;
}

type Coerced<S> = S extends { type: infer T extends keyof Values }
  ? | (S extends { choices: readonly (infer C)[] } ? C : Values[T])
    | (S extends { optional: true } ? (S extends { default: unknown } ? never : null) : never)
  : never;

/** The typed values of a spec tuple (as `defineArgs` keeps its literal types). */
export type CoercedArgs<S extends readonly ArgSpec[]> = { -readonly [K in keyof S]: Coerced<S[K]> };

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || v === "";
}

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?$/i;

function scalarNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const s = v.trim();
    if (!NUMERIC_TEXT.test(s)) return undefined;
    return s.endsWith("%") ? Number(s.slice(0, -1)) / 100 : Number(s);
  }
  return undefined;
}

function scalarBoolean(v: unknown): boolean | undefined {
  if (typeof v === "boolean") return v;
  if (typeof v === "number") return v !== 0;
  if (typeof v === "string") {
    const s = v.trim().toLowerCase();
    if (s === "true") return true;
    if (s === "false") return false;
  }
  return undefined;
}

function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** A range as rows, trailing fully blank rows dropped; a scalar is a 1×1 range, a flat list one row. */
function rowsOf(v: unknown): unknown[][] {
  if (!Array.isArray(v)) return isBlank(v) ? [] : [[v]];
  const rows = (v.length > 0 && !Array.isArray(v[0]) ? [v] : v) as unknown[][];
  let n = rows.length;
  while (n > 0 && isBlankRow(rows[n - 1])) n--;
  return n === rows.length ? rows : rows.slice(0, n);
}

function cellError(arg: string, blank: boolean, r: number, c: number, cols: number): EngineError {
  const key = (blank ? "cellIsBlank" : "cellMustBeNumber") + (cols > 1 ? "At" : "");
  return engineError("VALUE", arg, key, cols > 1 ? { row: r + 1, col: c + 1 } : { row: r + 1 });
}

function coerceGrid(spec: ArgSpec, rows: unknown[][], blanks: boolean): Grid<number | null> | EngineError {
  const cols = rows.reduce((m, r) => Math.max(m, r.length), 0);
  const values: (number | null)[] = [];
  for (let r = 0; r < rows.length; r++) {
    for (let c = 0; c < cols; c++) {
      const v = rows[r][c];
      if (typeof v === "number" && Number.isFinite(v)) values.push(v);
      else if (blanks && isBlank(v)) values.push(null);
      else return cellError(spec.name, isBlank(v), r, c, cols);
    }
  }
  return { values, rows: rows.length, cols };
}

/** Checks a two-column numeric table; the rows themselves are the value (no copy on the hot path). */
function checkTable2(spec: ArgSpec, rows: unknown[][]): EngineError | null {
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== 2) return engineError("VALUE", spec.name, "tableNeedsTwoColumns");
    const x = row[0];
    const y = row[1];
    if (typeof x !== "number" || !Number.isFinite(x)) return cellError(spec.name, isBlank(x), r, 0, 2);
    if (typeof y !== "number" || !Number.isFinite(y)) return cellError(spec.name, isBlank(y), r, 1, 2);
  }
  return null;
}

/**
 * Whether v is rows of two finite numbers each, at least one: then it is its own table2 value,
 * as `rowsOf` and `checkTable2` would find (no blank cells, so no trailing blank rows) — one pass,
 * and what Excel passes for a valid table every call.
 */
function isTable2(v: unknown): boolean {
  if (!Array.isArray(v) || v.length === 0) return false;
  for (let r = 0; r < v.length; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row) || row.length !== 2) return false;
    const x: unknown = row[0];
    const y: unknown = row[1];
    if (typeof x !== "number" || !Number.isFinite(x) || typeof y !== "number" || !Number.isFinite(y)) return false;
  }
  return true;
}

/** Coerces args[i] in place; returns its error, or null. */
function coerceOne(spec: ArgSpec, args: unknown[], i: number): EngineError | null {
  const raw = args[i];
  switch (spec.type) {
    case "number": {
      if (typeof raw === "number" && Number.isFinite(raw)) return null;
      if (isBlank(raw)) args[i] = spec.default ?? (spec.optional ? null : 0);
      else {
        const n = scalarNumber(raw);
        if (n === undefined) return engineError("VALUE", spec.name, "valueMustBeNumber");
        args[i] = n;
      }
      return null;
    }
    case "boolean": {
      if (isBlank(raw)) args[i] = spec.default ?? (spec.optional ? null : false);
      else {
        const b = scalarBoolean(raw);
        if (b === undefined) return engineError("VALUE", spec.name, "valueMustBeBoolean");
        args[i] = b;
      }
      return null;
    }
    case "choice": {
      if (isBlank(raw)) args[i] = spec.default ?? null;
      else {
        const word = typeof raw === "string" ? raw.trim().toLowerCase() : null;
        const found = spec.choices?.find((c) => c === word);
        if (found === undefined) return engineError("VALUE", spec.name, spec.invalidKey ?? "valueMustBeNumber");
        args[i] = found;
      }
      return null;
    }
    case "numbers": {
      const out: number[] = [];
      for (const row of rowsOf(raw)) for (const v of row) if (typeof v === "number" && Number.isFinite(v)) out.push(v);
      args[i] = out;
      return null;
    }
    case "table2": {
      const rows = rowsOf(raw);
      if (rows.length === 0) {
        if (!spec.optional) return engineError("VALUE", spec.name, "rangeIsEmpty");
        args[i] = null;
        return null;
      }
      args[i] = rows;
      return checkTable2(spec, rows);
    }
    default: {
      const rows = rowsOf(raw);
      if (rows.length === 0) {
        if (!spec.optional) return engineError("VALUE", spec.name, "rangeIsEmpty");
        args[i] = null;
        return null;
      }
      const grid = coerceGrid(spec, rows, spec.type === "gridOrBlank");
      if (isEngineError(grid)) return grid;
      args[i] = grid;
      return null;
    }
  }
}

/**
 * A function's argument specs, as declared (their literal types drive `CoercedArgs`), stored with
 * every field present so that `coerceArgs` reads one object shape on the hot path.
 */
export function defineArgs<const S extends readonly ArgSpec[]>(specs: S): S {
  return specs.map((s) => ({
    name: s.name,
    type: s.type,
    optional: s.optional ?? false,
    default: s.default,
    choices: s.choices,
    invalidKey: s.invalidKey,
  })) as unknown as S;
}

/**
 * Raw Excel arguments → typed values in spec order, or the first argument's error. The values are
 * written over `raw` (each shell passes a fresh array literal): no second array on the hot path.
 */
export function coerceArgs<S extends readonly ArgSpec[]>(specs: S, raw: unknown[]): CoercedArgs<S> | EngineError {
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const v = raw[i];
    // What Excel passes every call, checked here (small enough to inline, so the shell's argument
    // array need not even be allocated): a finite number for a number, a range of two-number rows
    // for a table, nothing for an optional argument with a default. The rest in coerceOne.
    if (spec.type === "number" ? typeof v === "number" && Number.isFinite(v) : spec.type === "table2" && isTable2(v)) {
      continue;
    }
    if ((v === undefined || v === null) && spec.default !== undefined) {
      raw[i] = spec.default;
      continue;
    }
    const err = coerceOne(spec, raw, i);
    if (err !== null) return err;
  }
  return raw as CoercedArgs<S>;
}
