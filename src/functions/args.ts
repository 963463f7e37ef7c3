/**
 * Argument specs and their one reader (after HyperFormula's `implementedFunctions`):
 * each PERF function declares its arguments once; `coerceArgs` turns Excel's raw values into
 * typed ones or the first EngineError, naming the argument (docs/reference/functions.md).
 *
 * - blank (null, undefined, "") → the spec's default; a required number defaults to 0 as in
 *   Excel's own arithmetic, an optional one without a default to null;
 * - scalars: numbers, booleans (TRUE = 1), numeric text ("12", "4%", "12,500", "¥1.2万"; "12,5" is refused as
 *   ambiguous, docs/reference/sheet.md);
 * - ranges: trailing fully blank rows are ignored; any other blank or text cell is #VALUE!
 *   naming the argument and the row (and the column when the range has several);
 * - a two-column table's value is a frozen copy, kept per argument: Excel passes the same table
 *   down a column as a new array each call, and the next call that holds the same numbers gets
 *   the same copy back after one comparing pass (the engine's caches then know it by reference).
 */
import { engineError, isEngineError, type EngineError } from "../engine/index";
import { parseNumberText } from "../sheet";

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

/** A table2 argument's last valid value: its numbers row by row, and a frozen copy of its rows. */
interface TableMemo {
  flat: number[];
  rows: Pairs;
}

/** `coerceArgs`'s first check of an argument, as a small integer: compared faster than `type`'s string. */
const QUICK_NUMBER = 0;
const QUICK_TABLE2 = 1;
const QUICK_NONE = 2;

/** A spec as `defineArgs` stores it: every field present, plus the quick check and a table2 argument's memo. */
interface StoredSpec extends ArgSpec {
  quick: number;
  memo: TableMemo | null;
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

/** A scalar as a number: TRUE = 1, and numeric text read as a sales sheet's cells are (docs/reference/sheet.md). */
function scalarNumber(v: unknown): number | undefined {
  if (typeof v === "number") return Number.isFinite(v) ? v : undefined;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "string") {
    const p = parseNumberText(v);
    return p.ok ? p.value : undefined;
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

/** Checks a two-column numeric table (its value is then a frozen copy, see `remember`). */
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
 * Whether v is a range holding exactly the memo's numbers, row by row, with only fully blank rows
 * below them: then `rowsOf` and `checkTable2` would take it (=== against the memo's finite numbers
 * makes each cell a finite number), and its value is the memo's rows. One pass, no copy: down a
 * column Excel passes the same table as a new array every call. A −0 matches 0: tables are read
 * through String(x), and String(−0) is "0".
 */
function matchesMemo(v: unknown, flat: readonly number[]): boolean {
  if (!Array.isArray(v)) return false;
  const n = flat.length >> 1; // rows (a shift keeps it an integer for the optimiser)
  if (v.length < n) return false;
  for (let r = 0; r < n; r++) {
    const row: unknown = v[r];
    if (!Array.isArray(row) || row.length !== 2 || row[0] !== flat[2 * r] || row[1] !== flat[2 * r + 1]) return false;
  }
  return v.length === n || blankFrom(v, n);
}

/** Whether rows[n…] are all fully blank rows. */
function blankFrom(rows: readonly unknown[], n: number): boolean {
  for (let r = n; r < rows.length; r++) {
    const row = rows[r];
    if (!Array.isArray(row) || !isBlankRow(row)) return false;
  }
  return true;
}

/**
 * A valid table's value: a frozen copy of its rows, kept as the spec's memo. Frozen, so the engine
 * may recognise it by reference (its caches of prepared tables compare numbers only for others).
 */
function remember(spec: ArgSpec, rows: readonly (readonly unknown[])[]): Pairs {
  const flat: number[] = [];
  const copy = rows.map((row): readonly [number, number] => {
    const pair = [row[0] as number, row[1] as number] as const;
    flat.push(pair[0], pair[1]);
    return Object.freeze(pair);
  });
  const memo: TableMemo = { flat, rows: Object.freeze(copy) };
  (spec as StoredSpec).memo = memo;
  return memo.rows;
}

/** The choice a word names: as typed (no new string), else trimmed and lower-cased. */
function choiceOf(choices: readonly string[] | undefined, raw: unknown): string | undefined {
  if (choices === undefined || typeof raw !== "string") return undefined;
  for (let i = 0; i < choices.length; i++) if (choices[i] === raw) return choices[i];
  const word = raw.trim().toLowerCase();
  for (let i = 0; i < choices.length; i++) if (choices[i] === word) return choices[i];
  return undefined;
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
        const found = choiceOf(spec.choices, raw);
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
      const err = checkTable2(spec, rows);
      if (err === null) args[i] = remember(spec, rows);
      return err;
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
 * every field present so that `coerceArgs` reads one object shape on the hot path, plus its quick
 * check and (for a table) the memo of the last valid table.
 */
export function defineArgs<const S extends readonly ArgSpec[]>(specs: S): S {
  return specs.map((s) => ({
    name: s.name,
    type: s.type,
    optional: s.optional ?? false,
    default: s.default,
    choices: s.choices,
    invalidKey: s.invalidKey,
    quick: s.type === "number" ? QUICK_NUMBER : s.type === "table2" ? QUICK_TABLE2 : QUICK_NONE,
    memo: null,
  })) as unknown as S;
}

/**
 * Raw Excel arguments → typed values in spec order, or the first argument's error. The values are
 * written over `raw` (each shell passes a fresh array literal): no second array on the hot path.
 */
export function coerceArgs<S extends readonly ArgSpec[]>(specs: S, raw: unknown[]): CoercedArgs<S> | EngineError {
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i] as StoredSpec;
    const v = raw[i];
    // What Excel passes every call, checked here, small enough to inline into the shell: a finite
    // number for a number, the last table again for a table, nothing for an argument with a
    // default. The rest (and the first sight of a table) in coerceOne.
    if (spec.quick === QUICK_NUMBER) {
      if (typeof v === "number" && Number.isFinite(v)) continue;
    } else if (spec.quick === QUICK_TABLE2) {
      const memo = spec.memo;
      if (memo !== null && matchesMemo(v, memo.flat)) {
        raw[i] = memo.rows;
        continue;
      }
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
