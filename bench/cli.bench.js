// cli_report_*: wall time and peak memory of `node bin/salesperf.js report in.xlsx -o out.xlsx` (docs/reference/cli.md) on
// demo workbooks of 100,000 and 1,048,576 rows, against a bare exceljs streaming read of the same file
// (WorkbookReader iterating every row) — both as child processes, so node start-up counts on both sides;
// 3 alternating runs each, medians compared.
// Goals: cli_report_100k_vs_read ≤ 1.25, cli_report_100k_peak_mb ≤ 300, cli_report_1m_vs_read ≤ 1.25,
// cli_report_1m_peak_mb ≤ 1024. Inputs are generated once into bench/out/ (git-ignored) and reused.
// Peak memory: /usr/bin/time -v "Maximum resident set size" when present, else a --require hook that prints
// process.resourceUsage().maxRSS at exit.
const { spawnSync } = require("child_process");
const fs = require("fs");
const path = require("path");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(__dirname, "out");
const BIN = path.join(ROOT, "bin", "salesperf.js");
const HOOK = path.join(OUT, "maxrss-hook.js");
const TIME = fs.existsSync("/usr/bin/time") ? "/usr/bin/time" : null;

const SIZES = [
  ["100k", 100000],
  ["1m", 1048576],
];

const READ_SCRIPT = `
const ExcelJS = require(${JSON.stringify(require.resolve("exceljs"))});
(async () => {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(process.argv[1], {
    sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", worksheets: "emit", entries: "emit",
  });
  let rows = 0;
  for await (const ws of reader) for await (const row of ws) { rows += row.number > 0 ? 1 : 0; }
  process.stdout.write(String(rows) + "\\n");
})();
`;

/** Run a node child; returns wall ms and peak RSS in MB. */
function measure(args) {
  fs.writeFileSync(
    HOOK,
    `process.on("exit", () => process.stderr.write("\\nBENCH_MAXRSS_KB " + process.resourceUsage().maxRSS + "\\n"));\n`,
  );
  const cmd = TIME ? TIME : process.execPath;
  const argv = TIME ? ["-v", process.execPath, "--require", HOOK, ...args] : ["--require", HOOK, ...args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${args.join(" ")} exited ${r.status}: ${(r.stderr || "").slice(-2000)}`);
  }
  const fromTime = TIME ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : null;
  const fromHook = /BENCH_MAXRSS_KB (\d+)/.exec(r.stderr);
  const kb = Number((fromTime || fromHook || [0, 0])[1]);
  return { ms, peakMb: kb / 1024, stdout: r.stdout };
}

async function ensureInput(file, rows) {
  if (fs.existsSync(file) && fs.existsSync(file + ".rows") && fs.readFileSync(file + ".rows", "utf8") === String(rows)) {
    return;
  }
  const { writeDemoWorkbook } = require("../lib/cli/demoData.js");
  // writeDemoWorkbook caps data rows at Excel's 1,048,575 (the header takes the last of the 1,048,576 rows).
  await writeDemoWorkbook(file, { rows, seed: 7 });
  fs.writeFileSync(file + ".rows", String(rows));
}

const REPEATS = 3;

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function run(report) {
  fs.mkdirSync(OUT, { recursive: true });
  for (const [label, rows] of SIZES) {
    const input = path.join(OUT, `cli-${label}.xlsx`);
    const output = path.join(OUT, `cli-${label}-report.xlsx`);
    await ensureInput(input, rows);
    // Warm the file cache once so neither side pays the first disk read; then alternate the two commands and
    // take medians, so a burst of load on the (shared) machine does not land on one side only.
    measure(["-e", READ_SCRIPT, input]);
    const reads = [];
    const clis = [];
    for (let i = 0; i < REPEATS; i++) {
      reads.push(measure(["-e", READ_SCRIPT, input]));
      clis.push(measure([BIN, "report", input, "-o", output]));
    }
    const readMs = median(reads.map((m) => m.ms));
    const cliMs = median(clis.map((m) => m.ms));
    const peakMb = Math.max(...clis.map((m) => m.peakMb));
    process.stderr.write(
      `cli ${label}: report ${clis.map((m) => m.ms.toFixed(0)).join("/")} ms (peak ${peakMb.toFixed(0)} MB), ` +
        `bare read ${reads.map((m) => m.ms.toFixed(0)).join("/")} ms, ${reads[0].stdout.trim()} rows; ` +
        `${clis[0].stdout.trim()}\n`,
    );
    report(`cli_report_${label}_vs_read`, cliMs / readMs);
    report(`cli_report_${label}_peak_mb`, peakMb);
  }
}

module.exports = { run };
