/**
 * Fast paths of TIERED and BONUS for plain doubles (docs/reference/numbers.md, functions.md), returning the double that the
 * exact decimal.js path would return (Number of its decimal string), or `undefined` when they
 * cannot prove it — the caller then runs the exact path, which also produces every error.
 *
 * TIERED — scaled integers. Every input is m·10⁻ᵏ with |m| < 10^15 (`scaleFrom`); bounds and
 * the amount share one scale, rates another. Bands are chosen by integer comparison, which equals
 * Excel's 15-digit comparison for numbers of at most 15 digits. Widths × rates and their sum stay
 * safe integers (checked), so the total S·10⁻ⁿ is exact, and S / 10ⁿ (both exact doubles, n ≤ 22)
 * is correctly rounded: the same double as Number(decimal string).
 *
 * BONUS — doubles with a running error bound. Each step's absolute error against the exact
 * decimal result is bounded (inputs differ from their shortest decimal by ≤ u·|x|, each operation
 * adds ≤ u·|result|, u = 2⁻⁵³). The payout in cents is rounded only when it is farther from a
 * half cent than twice the bound, so the exact value — and decimal.js's, whose 40-digit error is
 * some 10²³ times smaller — rounds the same way; the threshold is decided only when the
 * attainment is clear of it by more than the 15-digit tie width. Closer cases (BONUS(1.005, 1, 1)
 * sits exactly on a half cent; with cent amounts and round targets a few in a hundred do) are
 * computed again in small exact decimals (`bonusSmall`), and what those cannot hold goes to
 * decimal.js.
 *
 * Both keep the last table or curve they prepared: down a column the same one comes back, as a
 * new array with the same numbers (compared number by number) or — from the functions layer,
 * which passes a table seen again as its frozen copy — as the same frozen array (compared by
 * reference: frozen, it cannot have changed).
 */
import { POW10, roundInt, SCALED_LIMIT, scaleFrom } from "./decimal";
import type { TierMode } from "./types";

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const U = 2 ** -53;

/**
 * The smallest common scale k at which every x is m·10⁻ᵏ with |m| < 10^15 (each x's shortest
 * decimal has at most k decimals — see `scaleFrom`), or −1.
 */
function commonScale(xs: readonly number[]): number {
  let k = 0;
  for (let i = 0; i < xs.length && k >= 0; i++) k = scaleFrom(xs[i], k);
  for (let i = 0; i < xs.length && k >= 0; i++) {
    const y = xs[i] * POW10[k]; // values that passed at a smaller k, at the final one
    if (!(y > -SCALED_LIMIT && y < SCALED_LIMIT)) k = -1;
  }
  return k;
}

/** A rate table in scaled integers: bounds are lo[i]·10⁻ᵏᵇ, rates r[i]·10⁻ᵏʳ. */
interface ScaledTiers {
  /** The table as given, flat (lower, rate, lower, rate …): what the next call is compared with. */
  flat: number[];
  /** The table itself when frozen, rows and all: the same array again holds the same numbers. */
  source: readonly (readonly number[])[] | null;
  /** False when the table cannot take the fast path (too many digits, bounds not increasing). */
  ok: boolean;
  kb: number;
  kr: number;
  lo: number[];
  r: number[];
  maxAbsLo: number;
  /**
   * Prepared for amounts at scale k0 = max(kb, 2) (money has cents), the one tried first: `ok0`
   * when bounds and rates fit there; bounds as integers at k0 (`lo0`); `below0[i]`, the marginal
   * payout of the whole bands below band i, scaled by 10^(k0 + kr) (NaN once past 2^53); 10^k0
   * (NaN when not `ok0`) and 10^(k0 + kr).
   */
  ok0: boolean;
  lo0: number[];
  below0: number[];
  p0: number;
  div0: number;
}

/** The last table scaled: Excel recalculates TIERED down a column against one rate table. */
let lastTiers: ScaledTiers | null = null;

/** Whether a table can never change (the functions layer passes a valid table as a frozen copy). */
function isFrozenTable(table: readonly (readonly number[])[]): boolean {
  return Object.isFrozen(table) && table.every((row) => Object.isFrozen(row));
}

/** Whether `table` holds the numbers `flat` holds, row by row (a new array down a column, same numbers). */
function sameTable(table: readonly (readonly number[])[], flat: readonly number[]): boolean {
  const n = table.length;
  if (flat.length !== 2 * n) return false;
  for (let i = 0; i < n; i++) {
    const row = table[i];
    if (row[0] !== flat[2 * i] || row[1] !== flat[2 * i + 1]) return false;
  }
  return true;
}

/** The table scaled, from scratch: called when it differs from the last one. */
function scaleTiers(table: readonly (readonly number[])[]): ScaledTiers {
  const n = table.length;
  const lowers = table.map((row) => row[0]);
  const rates = table.map((row) => row[1]);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) flat.push(lowers[i], rates[i]);
  const kb = commonScale(lowers);
  const kr = commonScale(rates);
  let ok = kb >= 0 && kr >= 0 && n > 0;
  const lo = ok ? lowers.map((x) => roundInt(x * POW10[kb])) : [];
  const r = ok ? rates.map((x) => roundInt(x * POW10[kr])) : [];
  for (let i = 1; ok && i < n; i++) ok = lo[i] > lo[i - 1]; // else the exact path names the row
  const maxAbsLo = lo.reduce((m, x) => Math.max(m, Math.abs(x)), 0);
  // The same checks as `tieredNumber` makes per call at scale k0, made once.
  const k0 = kb > 2 ? kb : 2;
  const up = POW10[k0 - kb];
  const ok0 = ok && k0 + kr <= 22 && maxAbsLo * up < SCALED_LIMIT;
  const lo0 = ok0 ? lo.map((x) => x * up) : [];
  const below0 = [0];
  for (let i = 0; ok0 && i + 1 < n; i++) {
    const p = (lo0[i + 1] - lo0[i]) * r[i];
    const sum = below0[i] + p; // exact integers while below 2^53; NaN sends that band to the general path
    below0.push(p > -MAX_SAFE && p < MAX_SAFE && sum > -MAX_SAFE && sum < MAX_SAFE ? sum : NaN);
  }
  lastTiers = {
    flat,
    source: isFrozenTable(table) ? table : null,
    ok,
    kb,
    kr,
    lo,
    r,
    maxAbsLo,
    ok0,
    lo0,
    below0,
    p0: ok0 ? POW10[k0] : NaN,
    div0: ok0 ? POW10[k0 + kr] : 1,
  };
  return lastTiers;
}

/**
 * TIERED on doubles, `tiers` as [lower bound, rate] rows; `undefined` = use the exact path.
 * Amounts with at most the table's decimals (and at least cents) take the prepared scale k0: one
 * band search and one product. Others go through `tieredScaled`.
 */
export function tieredNumber(
  amount: number,
  tiers: readonly (readonly number[])[],
  mode: TierMode,
): number | undefined {
  const retroactive = mode === "retroactive";
  if (!retroactive && mode !== "marginal") return undefined;
  const last = lastTiers;
  const t = last !== null && (tiers === last.source || sameTable(tiers, last.flat)) ? last : scaleTiers(tiers);
  // Kept short enough for V8 to inline into the shell; anything unusual falls to tieredScaled.
  const p = t.p0; // NaN when the table does not fit at k0: then every check fails
  const y = amount * p;
  const a = roundInt(y);
  if (y > -SCALED_LIMIT && y < SCALED_LIMIT && a / p === amount) {
    // a / 10^k0 is the amount: it has at most k0 decimals (see scaleFrom)
    const lo = t.lo0;
    let band = -1;
    while (band + 1 < lo.length && a >= lo[band + 1]) band++;
    if (band < 0) return 0;
    // The product, then the sum with the bands below (NaN when that is past 2^53): each an exact
    // integer when below 2^53, as in tieredScaled. Both are checked: an inexact product could come
    // back under 2^53 with a negative sum below it.
    let sum = (retroactive ? a : a - lo[band]) * t.r[band];
    if (!retroactive && sum > -MAX_SAFE && sum < MAX_SAFE) sum += t.below0[band];
    if (sum > -MAX_SAFE && sum < MAX_SAFE) return sum === 0 ? 0 : sum / t.div0;
  }
  return tieredScaled(amount, t, retroactive);
}

/** TIERED at the least scale the amount and the bounds share, band by band. */
function tieredScaled(amount: number, t: ScaledTiers, retroactive: boolean): number | undefined {
  if (!t.ok) return undefined;
  // One scale k for the amount and the bounds. Any k at which the amount round-trips will do (see
  // scaleFrom); starting at cents, money amounts pass at the first try. Huge amounts: least scale.
  let k = scaleFrom(amount, t.kb > 2 ? t.kb : 2);
  if (k < 0) k = scaleFrom(amount, t.kb);
  if (k < 0 || k + t.kr > 22) return undefined;
  const up = POW10[k - t.kb]; // the bounds' integers times 10^(k − kb): still exact
  if (!(t.maxAbsLo * up < SCALED_LIMIT)) return undefined;
  const y = amount * POW10[k];
  const a = roundInt(y);
  const lo = t.lo;
  const r = t.r;
  const n = lo.length;
  let band = -1;
  while (band + 1 < n && a >= lo[band + 1] * up) band++;
  if (band < 0) return 0;
  // Each product and partial sum is an exact integer while below 2^53: one that would not be
  // rounds to 2^53 or beyond (never back under it), so checking every step is enough.
  let sum = (retroactive ? a : a - lo[band] * up) * r[band];
  if (!(sum > -MAX_SAFE && sum < MAX_SAFE)) return undefined;
  if (!retroactive) {
    for (let i = 0; i < band; i++) {
      const p = (lo[i + 1] - lo[i]) * up * r[i];
      sum += p;
      if (!(p > -MAX_SAFE && p < MAX_SAFE && sum > -MAX_SAFE && sum < MAX_SAFE)) return undefined;
    }
  }
  return sum === 0 ? 0 : sum / POW10[k + t.kr];
}

/** A curve as the float path reads it, with per-segment quantities and their error bounds. */
interface CurveShape {
  /** The curve as given, flat (x, y, x, y …): what the next call is compared with. */
  flat: number[];
  /** The curve itself when frozen, rows and all: the same array again holds the same numbers. */
  source: readonly (readonly number[])[] | null;
  xs: number[];
  ys: number[];
  /** False unless x increases clearly (by more than the 15-digit tie width). */
  ok: boolean;
  /** The steepest segment and the largest |x|: how far an error in the attainment moves f. */
  slope: number;
  xMax: number;
  /** Segment i (from point i to i + 1): dy, its bound, 1/dx, and an upper bound of 1/(dx − its bound). */
  dy: number[];
  edy: number[];
  edx: number[];
  invDx: number[];
  invDxHi: number[];
  /** The curve in small decimals, made when first needed (undefined till then); null if a value does not fit. */
  small: SmallCurve | null | undefined;
}

/** The last curve seen: Excel recalculates BONUS down a column against one curve. */
let lastCurve: CurveShape | null = null;

/** The curve's shape, from scratch: called when it differs from the last one. */
function curveShape(curve: readonly (readonly number[])[]): CurveShape {
  const n = curve.length;
  const xs = curve.map((p) => p[0]);
  const ys = curve.map((p) => p[1]);
  const flat: number[] = [];
  for (let i = 0; i < n; i++) flat.push(xs[i], ys[i]);
  const shape: CurveShape = {
    flat,
    source: isFrozenTable(curve) ? curve : null,
    xs,
    ys,
    ok: true,
    slope: 0,
    xMax: 0,
    dy: [],
    edy: [],
    edx: [],
    invDx: [],
    invDxHi: [],
    small: undefined,
  };
  for (let i = 0; i < n; i++) {
    shape.xMax = Math.max(shape.xMax, Math.abs(xs[i]));
    if (i === n - 1) break;
    const dx = xs[i + 1] - xs[i];
    const dy = ys[i + 1] - ys[i];
    const edx = U * (Math.abs(xs[i]) + Math.abs(xs[i + 1]) + Math.abs(dx));
    if (!(dx > 1e-13 * Math.max(Math.abs(xs[i]), Math.abs(xs[i + 1])))) shape.ok = false;
    shape.slope = Math.max(shape.slope, Math.abs(dy) / dx);
    shape.dy.push(dy);
    shape.edy.push(U * (Math.abs(ys[i]) + Math.abs(ys[i + 1]) + Math.abs(dy)));
    shape.edx.push(edx);
    shape.invDx.push(1 / dx);
    shape.invDxHi.push((1 / (dx - edx)) * (1 + 4 * U));
  }
  shape.ok = shape.ok && Number.isFinite(shape.slope + shape.xMax);
  lastCurve = shape;
  return shape;
}

/**
 * BONUS on doubles (curve as [x, y] rows, or null); `undefined` = use the exact path.
 * Expects what the exact path validates (target > 0, target_bonus ≥ 0, cap ≥ 0, increasing x)
 * and defers anything else. Too close to call in doubles (a half cent, the threshold): `bonusSmall`.
 */
export function bonusNumber(
  actual: number,
  target: number,
  targetBonus: number,
  curve: readonly (readonly number[])[] | null,
  threshold: number,
  cap: number | null,
  decimals = 2,
): number | undefined {
  if (!(target > 0) || !(targetBonus >= 0) || (cap !== null && !(cap >= 0))) return undefined;
  if (!(decimals >= 0 && decimals <= 15) || decimals % 1 !== 0) return undefined;
  const n = curve === null ? 0 : curve.length;
  let shape: CurveShape | null = null;
  if (curve !== null && n > 0) {
    const last = lastCurve;
    shape = last !== null && (curve === last.source || sameTable(curve, last.flat)) ? last : curveShape(curve);
  }
  if (shape !== null && !shape.ok) return undefined;
  const slope = shape === null ? 0 : shape.slope;
  const xMax = shape === null ? 0 : shape.xMax;
  // 1. attainment: relative error ≤ 3u from the inputs and the division.
  const a = actual / target;
  const ea = 4 * U * Math.abs(a);
  if (!Number.isFinite(a)) return undefined;
  // 2. threshold, compared to 15 digits: decided here only when clear of the tie width (1e-13 relative).
  if (a + ea < threshold - 1e-13 * Math.abs(threshold)) return 0;
  if (!(a - ea >= threshold + U * Math.abs(threshold))) {
    return bonusSmall(actual, target, targetBonus, shape, threshold, cap, decimals);
  }
  // 3. payout factor
  let f = a;
  let ef = ea;
  if (shape !== null) {
    const { xs, ys } = shape;
    const moved = slope * 1.0001 * (ea + 2 * U * xMax); // the exact curve at the exact a vs this curve at this a
    if (a <= xs[0]) {
      f = ys[0];
      ef = U * Math.abs(f) + moved;
    } else if (a >= xs[n - 1]) {
      f = ys[n - 1];
      ef = U * Math.abs(f) + moved;
    } else {
      let i = 0;
      while (a >= xs[i + 1]) i++;
      const y0 = ys[i];
      const d = a - xs[i];
      const ed = U * (Math.abs(xs[i]) + Math.abs(d));
      const dy = shape.dy[i];
      const edy = shape.edy[i];
      const num = d * dy;
      const eNum = Math.abs(d) * edy + Math.abs(dy) * ed + ed * edy + U * Math.abs(num);
      const q = num * shape.invDx[i]; // 1/dx and the product: two roundings, 3u with the bound's slack
      const eq = (eNum + Math.abs(q) * shape.edx[i]) * shape.invDxHi[i] + 3 * U * Math.abs(q);
      f = q + y0;
      ef = eq + U * (Math.abs(y0) + Math.abs(f)) + moved;
    }
  }
  // 4. cap, floor at 0 (both move f by no more than its error, plus the cap's own)
  if (cap !== null && f > cap) f = cap;
  if (cap !== null) ef += U * cap;
  if (f < 0) f = 0;
  // 5. payout in cents, rounded half away from zero (the payout is ≥ 0 here)
  const p = targetBonus * f;
  const ep = targetBonus * ef + f * U * targetBonus + ef * U * targetBonus + U * p;
  const scale = POW10[decimals];
  const c = p * scale;
  const ec = ep * scale + U * c;
  if (!(c < 2 ** 51)) return undefined;
  const whole = Math.floor(c);
  const frac = c - whole; // exact: c and its floor are within a factor 2 (or whole is 0)
  if (!(Math.abs(frac - 0.5) > 2 * ec)) return bonusSmall(actual, target, targetBonus, shape, threshold, cap, decimals);
  const cents = frac > 0.5 ? whole + 1 : whole;
  return cents === 0 ? 0 : cents / scale;
}

// ---- Small decimals: exact m·10⁻ᵏ with m a safe integer, for the cases doubles cannot decide ----
//
// Every value here has at most 16 digits, so each decimal.js operation on the same values (40
// digits) is exact too, and both paths hold the same numbers throughout. An operation whose exact
// result does not fit — a quotient that does not terminate (1/3), a mantissa past 2^53 — gives
// null, and the caller leaves the case to decimal.js.

interface Small {
  m: number;
  k: number;
}

function isSafe(m: number): boolean {
  return m > -MAX_SAFE && m < MAX_SAFE;
}

/** Trailing zeros off the mantissa (keeps it small). */
function norm(m: number, k: number): Small | null {
  if (!isSafe(m) || k > 22) return null;
  while (k < 0) {
    m *= 10;
    k++;
    if (!isSafe(m)) return null;
  }
  for (let t = m / 10; k > 0 && t === Math.floor(t); t = m / 10) {
    m = t; // m/10 is exact when 10 divides m, and never an integer otherwise (below 2^53)
    k--;
  }
  return { m: m === 0 ? 0 : m, k: m === 0 ? 0 : k };
}

function small(x: number): Small | null {
  const k = scaleFrom(x, 0);
  return k < 0 ? null : norm(roundInt(x * POW10[k]), k);
}

/** a's mantissa at scale k ≥ a.k, or NaN when it does not fit. */
function at(a: Small, k: number): number {
  const m = a.m * POW10[k - a.k];
  return isSafe(m) ? m : NaN;
}

function plus(a: Small, b: Small, sign: 1 | -1): Small | null {
  const k = Math.max(a.k, b.k);
  return norm(at(a, k) + sign * at(b, k), k); // NaN fails isSafe
}

function times(a: Small, b: Small): Small | null {
  return norm(a.m * b.m, a.k + b.k);
}

/** −1, 0, 1, or NaN when the two cannot be brought to one scale. */
function cmp(a: Small, b: Small): number {
  const k = Math.max(a.k, b.k);
  const x = at(a, k);
  const y = at(b, k);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

/** Whether n / d (integers below 2^53, d > 0) is an integer: divisions and floors, no fmod. */
function divides(d: number, n: number): boolean {
  const q = n / d;
  return q === Math.floor(q) && q * d === n;
}

/** A divisor b = ±2^twos·5^fives·r, r coprime to 10: what `divide` needs, found once per divisor. */
interface Divisor {
  b: Small;
  r: number;
  twos: number;
  fives: number;
}

function divisorOf(b: Small | null): Divisor | null {
  if (b === null || b.m === 0) return null;
  let r = Math.abs(b.m);
  let twos = 0;
  let fives = 0;
  while (divides(2, r)) {
    r /= 2;
    twos++;
  }
  while (divides(5, r)) {
    r /= 5;
    fives++;
  }
  return { b, r, twos, fives };
}

/**
 * The exact quotient a / b when it terminates, else null: it does exactly when r divides a; then
 * a / b = ±(a / r)·2^(e−twos)·5^(e−fives) / 10^e, e = max(twos, fives).
 */
function divide(a: Small, d: Divisor): Small | null {
  if (!divides(d.r, Math.abs(a.m))) return null;
  let p = (d.b.m < 0 ? -a.m : a.m) / d.r;
  const e = Math.max(d.twos, d.fives);
  for (let i = d.twos; i < e; i++) p *= 2;
  for (let i = d.fives; i < e; i++) p *= 5;
  return norm(p, a.k - d.b.k + e);
}

/** A one-value memo per argument: down a column, target, bonus, threshold and cap repeat. */
interface SmallMemo {
  x: number;
  v: Small | null;
  /** v as a divisor (the target's is used). */
  div: Divisor | null;
}

function memo(): SmallMemo {
  return { x: NaN, v: null, div: null };
}

function smallOf(m: SmallMemo, x: number): Small | null {
  if (m.x !== x) {
    m.x = x;
    m.v = small(x);
    m.div = divisorOf(m.v);
  }
  return m.v;
}

const memos = { target: memo(), targetBonus: memo(), threshold: memo(), cap: memo() };

/** A curve in small decimals: the points (x, y, x, y …), and each segment's rise and width (null: does not fit). */
interface SmallCurve {
  pts: Small[];
  rises: (Small | null)[];
  widths: (Divisor | null)[];
}

function smallCurve(shape: CurveShape): SmallCurve | null {
  const pts: Small[] = [];
  const rises: (Small | null)[] = [];
  const widths: (Divisor | null)[] = [];
  for (let i = 0; i < shape.xs.length; i++) {
    const x = small(shape.xs[i]);
    const y = small(shape.ys[i]);
    if (!x || !y) return null;
    pts.push(x, y);
    if (i === 0) continue;
    rises.push(plus(y, pts[2 * i - 1], -1));
    widths.push(divisorOf(plus(x, pts[2 * i - 2], -1)));
  }
  return { pts, rises, widths };
}

/**
 * BONUS in small decimals, step for step as the exact path computes it; `undefined` when a value
 * does not fit. With at most 15 digits on both sides, the 15-digit threshold comparison is exact.
 */
function bonusSmall(
  actual: number,
  target: number,
  targetBonus: number,
  shape: CurveShape | null,
  threshold: number,
  cap: number | null,
  decimals: number,
): number | undefined {
  const act = small(actual);
  const tgt = smallOf(memos.target, target);
  const tb = smallOf(memos.targetBonus, targetBonus);
  const thr = smallOf(memos.threshold, threshold);
  const cp = cap === null ? null : smallOf(memos.cap, cap);
  if (!act || !tgt || !tb || !thr || (cap !== null && !cp)) return undefined;
  const a = memos.target.div === null ? null : divide(act, memos.target.div);
  if (!a || !(Math.abs(a.m) < SCALED_LIMIT) || !(Math.abs(thr.m) < SCALED_LIMIT)) return undefined;
  const below = cmp(a, thr);
  if (Number.isNaN(below)) return undefined;
  if (below < 0) return 0;
  let f: Small | null = a;
  if (shape !== null) {
    if (shape.small === undefined) shape.small = smallCurve(shape);
    const sc = shape.small;
    if (sc === null) return undefined;
    const pts = sc.pts;
    const last = pts.length - 2;
    const lo = cmp(a, pts[0]);
    const hi = cmp(a, pts[last]);
    if (Number.isNaN(lo) || Number.isNaN(hi)) return undefined;
    if (lo <= 0) f = pts[1];
    else if (hi >= 0) f = pts[last + 1];
    else {
      let i = 0;
      for (let c = cmp(a, pts[i + 2]); c >= 0; c = cmp(a, pts[i + 2])) i += 2;
      const d = plus(a, pts[i], -1);
      const dy = sc.rises[i / 2];
      const dx = sc.widths[i / 2];
      const num = d && dy ? times(d, dy) : null;
      const q = num && dx ? divide(num, dx) : null;
      f = q ? plus(q, pts[i + 1], 1) : null;
    }
  }
  if (!f) return undefined;
  if (cp) {
    const over = cmp(f, cp);
    if (Number.isNaN(over)) return undefined;
    if (over > 0) f = cp;
  }
  if (f.m < 0) return 0;
  const pay = times(tb, f);
  if (!pay) return undefined;
  // round half away from zero to `decimals` (pay ≥ 0)
  if (pay.k <= decimals) {
    const cents = pay.m * POW10[decimals - pay.k];
    return isSafe(cents) ? cents / POW10[decimals] : undefined;
  }
  if (pay.k - decimals > 15) return undefined;
  const unit = POW10[pay.k - decimals];
  let whole = Math.trunc(pay.m / unit);
  let rest = pay.m - whole * unit; // exact: both products are safe integers
  if (rest < 0) {
    whole--;
    rest += unit;
  } else if (rest >= unit) {
    whole++;
    rest -= unit;
  }
  const cents = 2 * rest >= unit ? whole + 1 : whole;
  return cents === 0 ? 0 : cents / POW10[decimals];
}
