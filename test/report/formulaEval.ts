/**
 * A tiny evaluator for the formula subset the report writes (docs/reference/tabs.md), to check that every
 * formula cell's cached value equals what the formula computes. Excel semantics where they matter:
 * 15-digit comparisons (docs/reference/numbers.md), blank = 0 / "", case-insensitive text "=", ROUND half away from
 * zero, COUNTIF with ">"&x criteria, MATCH type 1 and 0, array arithmetic inside SUMPRODUCT.
 */
import Decimal from "decimal.js";
import { key15 } from "../../src/engine/decimal";
import type { Report, ReportCell, ReportSheet } from "../../src/report/model";

type Err = { error: string };
type Scalar = number | string | boolean | null | Err;
interface Arr {
  kind: "arr";
  /** Sheet row number of values[0] when the array came from a reference (for ROW). */
  firstRow: number;
  firstCol: number;
  values: Scalar[][];
}
type Val = Scalar | Arr;

const D = Decimal.clone({ precision: 40 });

function isErr(v: unknown): v is Err {
  return typeof v === "object" && v !== null && "error" in v;
}
function isArr(v: unknown): v is Arr {
  return typeof v === "object" && v !== null && (v as Arr).kind === "arr";
}

type Tok =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "ref"; sheet: string | null; a: string; b: string | null }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "bool"; v: boolean };

const CELL = String.raw`\$?[A-Z]{1,3}\$?\d+`;
const REF_RE = new RegExp(String.raw`^(?:'((?:[^']|'')+)'!|([A-Za-z0-9_.]+)!)?(${CELL})(?::(${CELL}))?`);

function tokenize(f: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < f.length) {
    const rest = f.slice(i);
    const ch = f[i];
    if (ch === " ") {
      i++;
      continue;
    }
    let m = /^\d+(?:\.\d+)?(?:E[+-]?\d+)?/i.exec(rest);
    if (m) {
      out.push({ t: "num", v: Number(m[0]) });
      i += m[0].length;
      continue;
    }
    if (ch === '"') {
      let j = i + 1;
      let s = "";
      for (;;) {
        if (j >= f.length) throw new Error(`unterminated string in ${f}`);
        if (f[j] === '"') {
          if (f[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += f[j++];
      }
      out.push({ t: "str", v: s });
      i = j + 1;
      continue;
    }
    m = /^(TRUE|FALSE)\b(?!\()/.exec(rest);
    if (m) {
      out.push({ t: "bool", v: m[1] === "TRUE" });
      i += m[0].length;
      continue;
    }
    m = /^([A-Z][A-Z0-9._]*)\(/.exec(rest);
    if (m) {
      out.push({ t: "fn", v: m[1] });
      i += m[1].length; // "(" is read as an op next
      continue;
    }
    m = REF_RE.exec(rest);
    if (m) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
      out.push({ t: "ref", sheet, a: m[3], b: m[4] ?? null });
      i += m[0].length;
      continue;
    }
    m = /^(<=|>=|<>|[-+*/^&=<>(),])/.exec(rest);
    if (m) {
      out.push({ t: "op", v: m[1] });
      i += m[1].length;
      continue;
    }
    throw new Error(`cannot read "${rest}" in ${f}`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; sheet: string | null; a: string; b: string | null }
  | { k: "fn"; name: string; args: Node[] }
  | { k: "bin"; op: string; l: Node; r: Node }
  | { k: "neg"; e: Node };

function parse(f: string): Node {
  const toks = tokenize(f);
  let p = 0;
  const peek = (): Tok | undefined => toks[p];
  const isOp = (v: string): boolean => {
    const x = peek();
    return x !== undefined && x.t === "op" && x.v === v;
  };
  const expect = (v: string): void => {
    if (!isOp(v)) throw new Error(`expected ${v} at token ${p} in ${f}`);
    p++;
  };
  const levels: string[][] = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];
  const bin = (lvl: number): Node => {
    if (lvl === levels.length) return unary();
    let l = bin(lvl + 1);
    for (;;) {
      const x = peek();
      if (x && x.t === "op" && levels[lvl].includes(x.v)) {
        p++;
        l = { k: "bin", op: x.v, l, r: bin(lvl + 1) };
      } else return l;
    }
  };
  const unary = (): Node => {
    if (isOp("-")) {
      p++;
      return { k: "neg", e: unary() };
    }
    if (isOp("+")) {
      p++;
      return unary();
    }
    return primary();
  };
  const primary = (): Node => {
    const x = toks[p++];
    if (!x) throw new Error(`unexpected end of ${f}`);
    if (x.t === "num" || x.t === "str" || x.t === "bool") return { k: "lit", v: x.v };
    if (x.t === "ref") return { k: "ref", sheet: x.sheet, a: x.a, b: x.b };
    if (x.t === "fn") {
      expect("(");
      const args: Node[] = [];
      if (!isOp(")")) {
        for (;;) {
          args.push(bin(0));
          if (isOp(",")) {
            p++;
            continue;
          }
          break;
        }
      }
      expect(")");
      return { k: "fn", name: x.v, args };
    }
    if (x.t === "op" && x.v === "(") {
      const e = bin(0);
      expect(")");
      return e;
    }
    throw new Error(`unexpected token ${JSON.stringify(x)} in ${f}`);
  };
  const node = bin(0);
  if (p !== toks.length) throw new Error(`trailing tokens in ${f}`);
  return node;
}

function decodeCell(a: string): { row: number; col: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col: col - 1 };
}

const NA: Err = { error: "#N/A" };
const VALUE: Err = { error: "#VALUE!" };
const DIV0: Err = { error: "#DIV/0!" };

function toNum(v: Scalar): number | Err {
  if (isErr(v)) return v;
  if (v === null) return 0;
  if (typeof v === "number") return v;
  if (typeof v === "boolean") return v ? 1 : 0;
  const n = Number(v);
  return v.trim() !== "" && Number.isFinite(n) ? n : VALUE;
}

/** Excel's comparison of two scalars: -1, 0, 1 (numbers < text < booleans; text case-insensitive). */
function cmp(a: Scalar, b: Scalar): number {
  if (a === null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
  if (b === null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
  const rank = (x: Scalar): number => (typeof x === "number" ? 0 : typeof x === "string" ? 1 : 2);
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === "number") {
    const x = key15(a);
    const y = key15(b as number);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (typeof a === "string") {
    const x = a.toLowerCase();
    const y = (b as string).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return Number(a) - Number(b);
}

function text(v: Scalar): string | Err {
  if (isErr(v)) return v;
  if (v === null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  // Excel shows 15 significant digits of the double itself (not of its shortest decimal).
  if (typeof v === "number") return String(Number(v.toPrecision(15)));
  return v;
}

function scalarOp(op: string, a: Scalar, b: Scalar): Scalar {
  if (isErr(a)) return a;
  if (isErr(b)) return b;
  if (op === "&") return (text(a) as string) + (text(b) as string);
  if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
    const c = cmp(a, b);
    return op === "="
      ? c === 0
      : op === "<>"
        ? c !== 0
        : op === "<"
          ? c < 0
          : op === ">"
            ? c > 0
            : op === "<="
              ? c <= 0
              : c >= 0;
  }
  const x = toNum(a);
  const y = toNum(b);
  if (isErr(x)) return x;
  if (isErr(y)) return y;
  switch (op) {
    case "+":
      return x + y;
    case "-":
      return x - y;
    case "*":
      return x * y;
    case "/":
      return y === 0 ? DIV0 : x / y;
    case "^":
      return Math.pow(x, y);
  }
  throw new Error(`op ${op}`);
}

function broadcast(a: Val, b: Val, fn: (x: Scalar, y: Scalar) => Scalar): Val {
  if (!isArr(a) && !isArr(b)) return fn(a, b);
  const A = isArr(a) ? a : null;
  const B = isArr(b) ? b : null;
  const rows = Math.max(A?.values.length ?? 1, B?.values.length ?? 1);
  const cols = Math.max(A?.values[0]?.length ?? 1, B?.values[0]?.length ?? 1);
  const at = (v: Val, r: number, c: number): Scalar => {
    if (!isArr(v)) return v;
    const x = v.values[v.values.length === 1 ? 0 : r]?.[v.values[0].length === 1 ? 0 : c];
    return x === undefined ? NA : x; // outside a smaller array: #N/A, as Excel
  };
  const values: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) row.push(fn(at(a, r, c), at(b, r, c)));
    values.push(row);
  }
  return { kind: "arr", firstRow: A?.firstRow ?? B!.firstRow, firstCol: 0, values };
}

function flat(v: Val): Scalar[] {
  return isArr(v) ? v.values.flat() : [v];
}

function scalar(v: Val): Scalar {
  return isArr(v) ? v.values[0][0] : v;
}

export class Evaluator {
  private readonly sheets = new Map<string, ReportSheet>();
  private readonly memo = new Map<string, Scalar>();
  private readonly busy = new Set<string>();

  constructor(report: Report) {
    for (const s of report.sheets) this.sheets.set(s.name, s);
  }

  /** The value of a cell, formulas evaluated (not their cached values). */
  cellValue(sheet: string, row: number, col: number): Scalar {
    const key = `${sheet}!${row}:${col}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const s = this.sheets.get(sheet);
    if (!s) throw new Error(`no sheet ${sheet}`);
    const cell: ReportCell | null | undefined = s.rows[row - 1]?.[col];
    let v: Scalar;
    if (!cell) v = null;
    else if (cell.f === undefined) v = cell.v === undefined ? null : cell.v;
    else {
      if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
      this.busy.add(key);
      v = scalar(this.evalNode(parse(cell.f), sheet, row));
      if (v === null) v = 0; // a formula pointing at an empty cell shows 0
      this.busy.delete(key);
    }
    this.memo.set(key, v);
    return v;
  }

  evaluate(f: string, sheet: string, row: number): Scalar {
    return scalar(this.evalNode(parse(f), sheet, row));
  }

  private ref(n: { sheet: string | null; a: string; b: string | null }, here: string): Arr {
    const sheet = n.sheet ?? here;
    const a = decodeCell(n.a);
    const b = n.b ? decodeCell(n.b) : a;
    const values: Scalar[][] = [];
    for (let r = a.row; r <= b.row; r++) {
      const row: Scalar[] = [];
      for (let c = a.col; c <= b.col; c++) row.push(this.cellValue(sheet, r, c));
      values.push(row);
    }
    return { kind: "arr", firstRow: a.row, firstCol: a.col, values };
  }

  private evalNode(n: Node, sheet: string, row: number): Val {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref": {
        const r = this.ref(n, sheet);
        return n.b === null ? r.values[0][0] : r;
      }
      case "neg":
        return broadcast(this.evalNode(n.e, sheet, row), 0, (x) => scalarOp("-", 0, x));
      case "bin":
        return broadcast(this.evalNode(n.l, sheet, row), this.evalNode(n.r, sheet, row), (x, y) =>
          scalarOp(n.op, x, y),
        );
      case "fn":
        return this.call(n.name, n.args, sheet, row);
    }
  }

  private call(name: string, args: Node[], sheet: string, row: number): Val {
    const ev = (i: number): Val => this.evalNode(args[i], sheet, row);
    const num = (i: number): number | Err => toNum(scalar(ev(i)));
    switch (name) {
      case "IF": {
        const c = scalar(ev(0));
        if (isErr(c)) return c;
        const truth = typeof c === "string" ? c !== "" : Boolean(c);
        return truth ? ev(1) : args.length > 2 ? ev(2) : false;
      }
      case "IFERROR": {
        const v = scalar(ev(0));
        return isErr(v) ? ev(1) : v;
      }
      case "NA":
        return NA;
      case "ABS": {
        const x = num(0);
        return isErr(x) ? x : Math.abs(x);
      }
      case "MIN":
      case "MAX":
      case "SUM":
      case "COUNT": {
        const nums: number[] = [];
        for (let i = 0; i < args.length; i++) {
          const v = ev(i);
          if (isArr(v)) {
            for (const x of flat(v)) {
              if (isErr(x)) return x;
              if (typeof x === "number") nums.push(x);
            }
          } else {
            if (name === "COUNT") {
              if (typeof v === "number") nums.push(v);
              continue;
            }
            const x = toNum(v);
            if (isErr(x)) return x;
            nums.push(x);
          }
        }
        if (name === "COUNT") return nums.length;
        if (name === "SUM") return nums.reduce((s, x) => s + x, 0);
        if (nums.length === 0) return 0;
        return name === "MIN" ? Math.min(...nums) : Math.max(...nums);
      }
      case "ROUND": {
        const x = num(0);
        const d = num(1);
        if (isErr(x)) return x;
        if (isErr(d)) return d;
        // Excel rounds the 15-digit decimal it shows, half away from zero.
        return new D(String(x)).toDecimalPlaces(Math.trunc(d), Decimal.ROUND_HALF_UP).toNumber();
      }
      case "SUMPRODUCT": {
        const arrs = args.map((_, i) => flat(ev(i)));
        let s = 0;
        for (let k = 0; k < arrs[0].length; k++) {
          let prod = 1;
          for (const a of arrs) {
            const x = a[k];
            if (isErr(x)) return x;
            prod *= typeof x === "number" ? x : typeof x === "boolean" ? Number(x) : 0;
          }
          s += prod;
        }
        return s;
      }
      case "COUNTIF": {
        const range = flat(ev(0));
        const crit = scalar(ev(1));
        if (isErr(crit)) return crit;
        let op = "=";
        let target: Scalar = crit;
        if (typeof crit === "string") {
          const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(crit)!;
          op = m[1] ?? "=";
          const n = Number(m[2]);
          target = m[2] !== "" && Number.isFinite(n) ? n : m[2];
        }
        let count = 0;
        for (const x of range) {
          if (x === null || isErr(x)) continue;
          if (typeof target === "number" && typeof x !== "number") continue;
          if (scalarOp(op, x, target) === true) count++;
        }
        return count;
      }
      case "ROW": {
        if (args.length === 0) return row;
        const a = args[0];
        if (a.k !== "ref") throw new Error("ROW of a non-reference");
        const r = this.ref(a, sheet);
        if (a.b === null) return r.firstRow;
        return { kind: "arr", firstRow: r.firstRow, firstCol: 0, values: r.values.map((_, i) => [r.firstRow + i]) };
      }
      case "INDEX": {
        const a = ev(0);
        const i = num(1);
        if (isErr(i)) return i;
        const arr = isArr(a) ? a.values : [[a]];
        let v: Scalar | undefined;
        if (args.length > 2) {
          const j = num(2);
          if (isErr(j)) return j;
          v = arr[i - 1]?.[j - 1];
        } else {
          v = arr.length === 1 ? arr[0][i - 1] : arr[i - 1]?.[0];
        }
        // A reference to an empty cell stays blank here ("" after &, 0 as a cell's result).
        return v === undefined ? { error: "#REF!" } : v;
      }
      case "MATCH": {
        const x = scalar(ev(0));
        if (isErr(x)) return x;
        const list = flat(ev(1));
        const type = args.length > 2 ? (num(2) as number) : 1;
        if (type === 0) {
          const i = list.findIndex((y) => y !== null && !isErr(y) && cmp(x, y) === 0);
          return i < 0 ? NA : i + 1;
        }
        // Type 1: the last value ≤ x in an ascending list (blanks skipped).
        let found = -1;
        for (let i = 0; i < list.length; i++) {
          const y = list[i];
          if (y === null || isErr(y) || typeof y !== typeof x) continue;
          if (cmp(y, x) <= 0) found = i;
          else break;
        }
        return found < 0 ? NA : found + 1;
      }
    }
    throw new Error(`function ${name} is not in the report's subset`);
  }
}

export interface Mismatch {
  sheet: string;
  cell: string;
  f: string;
  cached: unknown;
  computed: unknown;
}

/**
 * Same value as Excel would show: numbers within 1e-14 relative (the formula works in doubles, the
 * cached value is the exact decimal rounded once: they may differ in the 16th–17th digit, and two
 * such neighbours can straddle a 15-digit rounding boundary), text equal, errors by code.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number")
    return a === b || Math.abs(a - b) <= 1e-14 * Math.max(Math.abs(a), Math.abs(b));
  if (isErr(a) || isErr(b)) return isErr(a) && isErr(b) && a.error === b.error;
  if ((a === null || a === undefined || a === "") && (b === null || b === undefined || b === "")) return true;
  return a === b;
}

/** Evaluate every formula of the report and list those whose cached value differs. */
export function checkFormulas(report: Report): { checked: number; mismatches: Mismatch[] } {
  const ev = new Evaluator(report);
  const mismatches: Mismatch[] = [];
  let checked = 0;
  for (const s of report.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (!cell || cell.f === undefined) return;
        checked++;
        const computed = ev.cellValue(s.name, r + 1, c);
        if (!sameValue(cell.v, computed)) {
          let col = "";
          for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) col = String.fromCharCode(65 + ((n - 1) % 26)) + col;
          mismatches.push({ sheet: s.name, cell: `${col}${r + 1}`, f: cell.f, cached: cell.v, computed });
        }
      }),
    );
  }
  return { checked, mismatches };
}

/** Every function name a formula of the report calls. */
export function functionsUsed(report: Report): Set<string> {
  const out = new Set<string>();
  for (const s of report.sheets)
    for (const row of s.rows)
      for (const cell of row) {
        if (!cell?.f) continue;
        for (const tok of tokenize(cell.f)) if (tok.t === "fn") out.add(tok.v);
      }
  return out;
}
