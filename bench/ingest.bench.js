// Ingest of 1,048,576 in-memory sales rows (docs/reference/cleaning.md performance): a deterministic, mostly clean
// sheet shaped like the samples, with a messy cell every few hundred rows. Reports ingest_1m_ms.
const { ingest } = require("../lib/ingest");

const ROWS = 1048576;

function makeSheet() {
  let seed = 12345;
  const rand = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const reps = ["Alice Chen", "Bob Martin", "Carla Diaz", "Dev Patel", "Erin Walsh", "Farid Khan", "Grace Liu", "Hugo Berg"];
  const teams = ["East", "West", "Central"];
  const customers = Array.from({ length: 400 }, (_, i) => `Customer ${String(i).padStart(3, "0")}`);
  const products = ["Starter", "Pro", "Enterprise", "Support", "Services"];
  const header = ["Date", "Sales Rep", "Team", "Customer", "New Customer", "Product", "Amount", "Satisfaction"];
  const fmtRow = ["yyyy-mm-dd", null, null, null, null, null, "#,##0", null];
  const values = [header];
  const numberFormats = [[]];
  for (let i = 0; i < ROWS - 1; i++) {
    const r = Math.floor(rand() * reps.length);
    let rep = reps[r];
    let date = 46023 + Math.floor(i / 5800);
    let amount = Math.round(rand() * 4000) * 10 + 1000;
    let sat = Math.round(70 + rand() * 30) / 100;
    const k = i % 997;
    if (k === 11) amount = `$${amount.toLocaleString("en-US")}`;
    else if (k === 223) amount = { error: "#N/A" };
    else if (k === 401) rep = ` ${rep}  `;
    else if (k === 577) date = "2026/5/14";
    else if (k === 613) sat = "90%";
    else if (k === 809) amount = -amount;
    values.push([date, rep, teams[r % 3], customers[Math.floor(rand() * 400)], rand() < 0.3 ? "Yes" : "No",
      products[Math.floor(rand() * 5)], amount, sat]);
    numberFormats.push(fmtRow);
  }
  return { name: "Sales", values, numberFormats };
}

async function run(report) {
  const sheet = makeSheet();
  ingest([sheet]); // warm-up (JIT)
  const times = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const r = ingest([sheet]);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.kind || r.reconciliation.rowsRead !== ROWS - 1) throw new Error("ingest bench: unexpected result");
  }
  report("ingest_1m_ms", Math.min(...times));
}

module.exports = { run };
