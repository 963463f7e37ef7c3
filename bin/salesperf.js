#!/usr/bin/env node
// The `salesperf` command. `npm install` compiles src/ into lib/ (the prepare
// script), so this runs plain JavaScript with no TypeScript loader on the hot path.
const path = require("path");
const fs = require("fs");
const entry = path.join(__dirname, "..", "lib", "cli", "main.js");
if (!fs.existsSync(entry)) {
  process.stderr.write("salesperf: not built yet. Run `npm install` (or `npm run build:cli`) in the project folder.\n");
  process.exit(1);
}
require(entry).main(process.argv).then((code) => process.exit(code));
