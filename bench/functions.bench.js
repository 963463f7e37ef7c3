// PERF.TIERED and PERF.BONUS through their shells (lib/, compiled by bench/run.js) against a
// plain-float loop doing the same maths on the same inputs in the same run (goal: ≤ 5×).
// Every shell result must equal a straightforward decimal.js computation (docs/reference/numbers.md), or this throws.
const path = require("path");

// The shells look CustomFunctions up at call time; only errors use it, none are expected here.
class FakeError {
  constructor(code, message) {
    this.code = code;
    this.message = message;
  }
}
global.CustomFunctions = {
  Error: FakeError,
  ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!" },
};

const lib = path.join(__dirname, "..", "lib");
const functions = require(path.join(lib, "functions", "functions.js"));
const { Dec } = require(path.join(lib, "engine", "index.js"));

const N = 100000;
const REPEATS = 11;

/** Deterministic inputs (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Money amounts with cents, as a sheet holds them. */
function amounts(seed, max) {
  const rnd = prng(seed);
  return Array.from({ length: N }, () => Math.round(rnd() * max * 100) / 100);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/**
 * Median times (ms) of REPEATS runs of each of two functions over all inputs, after warm-up. Each
 * measured function gets its own compiled loop (new Function), so neither side pays for a call site
 * shared with the other. Time is the process's CPU time, which other processes on a busy machine do
 * not inflate; the two sides alternate run by run (which goes first alternating too), so a burst of
 * load — which still slows a shared core's caches — does not land on one side only.
 */
function timePair(fnA, fnB, inputs) {
  const sides = [fnA, fnB].map((fn) => {
    const loop = new Function(
      "fn",
      "inputs",
      "let s = 0; for (let i = 0; i < inputs.length; i++) s += fn(inputs[i]); return s;",
    );
    return { fn, loop, times: [], sink: 0 };
  });
  const run = (side) => {
    const t0 = process.cpuUsage();
    side.sink += side.loop(side.fn, inputs);
    const dt = process.cpuUsage(t0);
    return (dt.user + dt.system) / 1000;
  };
  for (let i = 0; i < 3; i++) sides.forEach(run);
  for (let i = 0; i < REPEATS; i++) {
    const order = i % 2 === 0 ? sides : [sides[1], sides[0]];
    for (const side of order) side.times.push(run(side));
  }
  if (sides.some((side) => Number.isNaN(side.sink))) throw new Error("NaN result");
  return sides.map((side) => median(side.times));
}

function check(name, inputs, shell, reference) {
  for (let i = 0; i < inputs.length; i++) {
    const got = shell(inputs[i]);
    const want = reference(inputs[i]);
    if (!Object.is(got, want)) throw new Error(`${name}: input ${inputs[i]} gave ${got}, decimal.js gives ${want}`);
  }
}

const d = (x) => new Dec(String(x));

// ---- TIERED, marginal, {0, 4%; 150000, 8%; 250000, 12%} ----
const TIERS = [
  [0, 0.04],
  [150000, 0.08],
  [250000, 0.12],
];

function tieredFloat(amount, tiers) {
  let total = 0;
  for (let i = 0; i < tiers.length && amount > tiers[i][0]; i++) {
    const upper = i + 1 < tiers.length ? tiers[i + 1][0] : Infinity;
    total += (Math.min(amount, upper) - tiers[i][0]) * tiers[i][1];
  }
  return total;
}

function tieredDecimal(amount, tiers) {
  const a = d(amount);
  let total = d(0);
  for (let i = 0; i < tiers.length && a.gt(tiers[i][0]); i++) {
    const upper = i + 1 < tiers.length ? d(tiers[i + 1][0]) : null;
    const top = upper !== null && a.gt(upper) ? upper : a;
    total = total.plus(top.minus(d(tiers[i][0])).times(d(tiers[i][1])));
  }
  return Number(total.toString());
}

// ---- BONUS with the default plan's curve, threshold 60 %, cap 200 % ----
const CURVE = [
  [0.6, 0.3],
  [1, 1],
  [1.5, 2],
];
const TARGET = 100000;
const TARGET_BONUS = 5000;
const THRESHOLD = 0.6;
const CAP = 2;

function bonusFloat(actual, target, targetBonus, curve, threshold, cap) {
  const a = actual / target;
  if (a < threshold) return 0;
  const n = curve.length;
  let f;
  if (a <= curve[0][0]) f = curve[0][1];
  else if (a >= curve[n - 1][0]) f = curve[n - 1][1];
  else {
    let i = 0;
    while (a >= curve[i + 1][0]) i++;
    f = curve[i][1] + ((a - curve[i][0]) * (curve[i + 1][1] - curve[i][1])) / (curve[i + 1][0] - curve[i][0]);
  }
  if (f > cap) f = cap;
  if (f < 0) f = 0;
  return Math.round(targetBonus * f * 100) / 100;
}

function bonusDecimal(actual, target, targetBonus, curve, threshold, cap) {
  const a = d(actual).div(d(target));
  if (a.lt(d(threshold))) return 0;
  const n = curve.length;
  let f;
  if (a.lte(d(curve[0][0]))) f = d(curve[0][1]);
  else if (a.gte(d(curve[n - 1][0]))) f = d(curve[n - 1][1]);
  else {
    let i = 0;
    while (a.gte(d(curve[i + 1][0]))) i++;
    const [x0, y0] = curve[i].map(d);
    const [x1, y1] = curve[i + 1].map(d);
    f = a.minus(x0).times(y1.minus(y0)).div(x1.minus(x0)).plus(y0);
  }
  if (f.gt(d(cap))) f = d(cap);
  if (f.isNegative()) f = d(0);
  return Number(d(targetBonus).times(f).toDecimalPlaces(2, Dec.ROUND_HALF_UP).toString());
}

async function run(report) {
  const tieredInputs = amounts(1, 400000);
  check(
    "TIERED",
    tieredInputs,
    (x) => functions.tiered(x, TIERS),
    (x) => tieredDecimal(x, TIERS),
  );
  const [tShell, tFloat] = timePair(
    (x) => functions.tiered(x, TIERS),
    (x) => tieredFloat(x, TIERS),
    tieredInputs,
  );
  process.stderr.write(`functions tiered: shell ${tShell.toFixed(2)} ms, float ${tFloat.toFixed(2)} ms (medians)\n`);
  report("tiered_100k_vs_float", tShell / tFloat);

  const bonusInputs = amounts(2, 2 * TARGET);
  const shellBonus = (x) => functions.bonus(x, TARGET, TARGET_BONUS, CURVE, THRESHOLD, CAP);
  check("BONUS", bonusInputs, shellBonus, (x) => bonusDecimal(x, TARGET, TARGET_BONUS, CURVE, THRESHOLD, CAP));
  const [bShell, bFloat] = timePair(
    shellBonus,
    (x) => bonusFloat(x, TARGET, TARGET_BONUS, CURVE, THRESHOLD, CAP),
    bonusInputs,
  );
  process.stderr.write(`functions bonus: shell ${bShell.toFixed(2)} ms, float ${bFloat.toFixed(2)} ms (medians)\n`);
  report("bonus_100k_vs_float", bShell / bFloat);
}

module.exports = { run };
