#!/usr/bin/env node
// `npm run bench`: builds lib/ once, then runs every bench/*.bench.js in turn.
// Each exports `run(report)`; report(name, value) prints `name: value` — ratios are
// measured against a baseline in the same run, never against a fixed number.
const { execSync } = require("child_process");
const fs = require("fs");
const path = require("path");

execSync("npx tsc -p tsconfig.cli.json", { cwd: path.join(__dirname, ".."), stdio: "inherit" });
const only = process.argv[2];
const files = fs
  .readdirSync(__dirname)
  .filter((f) => f.endsWith(".bench.js") && (!only || f.includes(only)))
  .sort();

function report(name, value) {
  const shown = typeof value === "number" ? Number(value.toPrecision(4)) : value;
  process.stdout.write(`${name}: ${shown}\n`);
}

(async () => {
  for (const f of files) {
    await require(path.join(__dirname, f)).run(report);
  }
})().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + "\n");
  process.exit(1);
});
