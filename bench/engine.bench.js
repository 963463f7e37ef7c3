// engine_1m_ms: scoring 1,048,576 in-memory sales rows (Excel's row limit) into a ranked period
// with the default plan — aggregation, targets, attainment, score, rank, bonus (docs/reference/plan.md).
// Budget: ≤ 1000 ms. Rows are built before the clock starts; only scorePeriod is timed
// (median of 3 warm runs; the first, cold run is reported as engine_1m_cold_ms).
const { scorePeriod } = require("../lib/report/score");
const { defaultPlan } = require("../lib/plan/index");
const { serialOfDay } = require("../lib/sheet/dates");

const N = 1048576;

function makeIngest() {
  const reps = Array.from({ length: 200 }, (_, i) => `Rep ${String(i).padStart(3, "0")}`);
  const teams = ["East", "West", "North", "South", "Central"];
  const start = serialOfDay(2025, 1, 1);
  const days = serialOfDay(2026, 7, 1) - start;
  let seed = 42;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const rows = new Array(N);
  for (let i = 0; i < N; i++) {
    const r = i % reps.length;
    rows[i] = {
      sheet: "Sales",
      sheetRow: i + 2,
      rep: reps[r],
      team: teams[r % teams.length],
      dateSerial: start + Math.floor(rnd() * days),
      amount: Math.round(rnd() * 2000000) / 100 - (i % 97 === 0 ? 5000 : 0),
      customer: `C${Math.floor(rnd() * 5000)}`,
      newCustomer: rnd() < 0.2,
      satisfaction: rnd() < 0.05 ? null : Math.round(rnd() * 100) / 100,
      behaviour: Math.round(rnd() * 50) / 10,
      extra: {},
    };
  }
  const cols = ["rep", "team", "date", "amount", "customer", "newCustomer", "satisfaction", "behaviour"];
  const columns = {};
  cols.forEach((c, i) => (columns[c] = i));
  return {
    mapping: { sheet: "Sales", headerRow: 1, columns, headers: cols.map((c, i) => ({ col: i, header: c })) },
    rows,
    measures: [],
    issues: [],
    reconciliation: { rowsRead: N, rowsUsed: N, rowsExcluded: 0, amountRead: "0", amountUsed: "0", amountExcluded: "0" },
    currencyGuess: "USD",
    satisfactionScale: "fraction",
  };
}

async function run(report) {
  const ingest = makeIngest();
  const plan = defaultPlan("en");
  const c0 = process.hrtime.bigint();
  scorePeriod(ingest, plan); // first (cold) run, reported apart
  const cold = Number(process.hrtime.bigint() - c0) / 1e6;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const scored = scorePeriod(ingest, plan);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (scored.reps.length !== 200 || scored.reps[0].rank !== 1) throw new Error("bench: unexpected scoring result");
  }
  times.sort((a, b) => a - b);
  report("engine_1m_ms", times[1]);
  report("engine_1m_cold_ms", cold);
}

module.exports = { run };
