// Office.js renderer bench (docs/reference/tabs.md): Generate on a 100,000-row sales sheet against the strict
// Excel fake — syncs, the largest request (MB, goal ≤ 5) and wall time (read → clean → score → write).
// Compiles what it needs (render/office, taskpane pipeline, the fake) into bench/out/office.
const { execFileSync } = require("child_process");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out", "office");

function compile() {
  // A tsconfig extending the project's (strict, same lib/types), limited to what this bench runs.
  const fs = require("fs");
  fs.mkdirSync(OUT, { recursive: true });
  const config = path.join(OUT, "tsconfig.json");
  fs.writeFileSync(
    config,
    JSON.stringify({
      extends: path.join(ROOT, "tsconfig.json"),
      compilerOptions: { outDir: OUT, rootDir: ROOT, sourceMap: false, types: ["node", "office-js"], noEmit: false },
      files: ["test/fakes/excelFake.ts", "src/render/office/index.ts", "src/taskpane/pipeline.ts", "src/taskpane/paneReport.ts"].map((f) => path.join(ROOT, f)),
      include: [],
    }),
  );
  try {
    execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", config], { cwd: ROOT, stdio: "pipe" });
  } catch (e) {
    // tsc still emits on type errors elsewhere in the tree; measure what was emitted, but say so.
    process.stderr.write(`office.bench: tsc reported errors:\n${String(e.stdout || e.message).slice(0, 2000)}\n`);
    if (!fs.existsSync(path.join(OUT, "src/taskpane/pipeline.js"))) throw e;
  }
}

/** 100,000 sales rows: 40 reps, 180 days, some messy text amounts and padded names. */
function bigSeed(rows) {
  const values = [["Date", "Sales Rep", "Team", "Customer", "New Customer", "Amount", "Satisfaction"]];
  for (let r = 0; r < rows; r++) {
    const rep = `Rep ${String(r % 40).padStart(2, "0")}`;
    values.push([
      46023 + (r % 180),
      r % 997 === 0 ? ` ${rep}  ` : rep,
      `Team ${r % 5}`,
      `Customer ${r % 3000}`,
      r % 9 === 0 ? "Yes" : "No",
      r % 501 === 0 ? `$${(r % 2000) + 100}` : 100 + ((r * 37) % 20000),
      0.7 + (r % 30) / 100,
    ]);
  }
  return { name: "Sales", values, numberFormats: values.map((_, i) => (i === 0 ? [] : ["yyyy-mm-dd"])) };
}

async function run(report) {
  compile();
  const { FakeExcel, installFakeExcel } = require(path.join(OUT, "test/fakes/excelFake.js"));
  const { officeExcelOps } = require(path.join(OUT, "src/render/office/index.js"));
  const { analyse, defaultPeriod } = require(path.join(OUT, "src/taskpane/pipeline.js"));
  const { buildPaneReport } = require(path.join(OUT, "src/taskpane/paneReport.js"));

  const fake = new FakeExcel([bigSeed(100_000)]);
  const uninstall = installFakeExcel(fake);
  try {
    const t0 = performance.now();
    const read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error(`read failed: ${read.error.messageKey}`);
    const a = analyse(read.value.sheets, read.value.addinTabs, "en");
    const built = buildPaneReport(a, read.value.sheets.map((s) => s.name), read.value.addinTabs, defaultPeriod(a), "en");
    const written = await officeExcelOps.renderReport(built, {});
    const ms = performance.now() - t0;
    if (!written.ok) throw new Error(`render failed: ${written.error.messageKey} ${JSON.stringify(written.error.params)}`);
    report("office_generate_100k_syncs", fake.stats.syncs);
    report("office_generate_100k_max_request_mb", fake.stats.maxRequestBytes / (1024 * 1024));
    report("office_generate_100k_max_response_mb", fake.stats.maxResponseBytes / (1024 * 1024));
    report("office_generate_100k_ms", ms);
  } finally {
    uninstall();
  }
}

module.exports = { run };

if (require.main === module) {
  run((name, value) => process.stdout.write(`${name}: ${typeof value === "number" ? Number(value.toPrecision(4)) : value}\n`)).catch(
    (e) => {
      process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
      process.exit(1);
    },
  );
}
