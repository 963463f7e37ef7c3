#!/usr/bin/env node
// Recalculate an .xlsx in headless LibreOffice and save it again as .xlsx — the independent engine that checks
// the report's formulas (docs/reference/tabs.md: formula values equal the engine's). A fresh user profile forces "always
// recalculate on load" (OOXMLRecalcMode/ODFRecalcMode = 0), otherwise LibreOffice would keep the cached values.
// Usage: node scripts/libreoffice-recalc.js <input.xlsx> <outDir>   → prints the recalculated file's path.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const REGISTRY = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/**
 * The soffice binary, or null when LibreOffice is not installed. SOFFICE=<path> names the binary and only it is tried
 * (a path that does not exist hides LibreOffice, to check how the tests behave without it).
 */
function findSoffice() {
  const candidates = process.env.SOFFICE
    ? [process.env.SOFFICE]
    : ["soffice", "libreoffice", "/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"];
  for (const c of candidates) {
    try {
      execFileSync(c, ["--version"], { stdio: "ignore", timeout: 60000 });
      return c;
    } catch (_e) {
      // try the next name
    }
  }
  return null;
}

/** Runs one headless soffice conversion of `inputs` to `filter` in `outDir`, in a fresh recalculating profile. */
function convertWithLibreOffice(inputs, outDir, filter, soffice, timeoutMs) {
  if (!soffice) throw new Error("LibreOffice (soffice) is not installed");
  fs.mkdirSync(outDir, { recursive: true });
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "salesperf-lo-profile-"));
  fs.mkdirSync(path.join(profile, "user"), { recursive: true });
  fs.writeFileSync(path.join(profile, "user", "registrymodifications.xcu"), REGISTRY);
  try {
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        "--headless",
        "--norestore",
        "--convert-to",
        filter,
        "--outdir",
        outDir,
        ...inputs,
      ],
      { stdio: ["ignore", "pipe", "pipe"], timeout: timeoutMs },
    );
  } finally {
    fs.rmSync(profile, { recursive: true, force: true });
  }
  const ext = filter.split(":")[0];
  return inputs.map((input) => {
    const out = path.join(outDir, path.basename(input).replace(/\.[^.]+$/, "") + "." + ext);
    if (!fs.existsSync(out)) throw new Error(`LibreOffice did not produce ${out}`);
    return out;
  });
}

/** Converts `input` to `<outDir>/<same name>.xlsx` with full recalculation; returns that path. */
function recalcWithLibreOffice(input, outDir, soffice = findSoffice()) {
  return convertWithLibreOffice([input], outDir, "xlsx:Calc MS Excel 2007 XML", soffice, 300000)[0];
}

/**
 * Prints workbooks to PDF as LibreOffice does (every sheet, its page setup, header and footer), all in one soffice
 * run: starting soffice is most of the cost. Returns the PDFs' paths, in the order of `inputs`.
 */
function printToPdfWithLibreOffice(inputs, outDir, soffice = findSoffice()) {
  return convertWithLibreOffice(inputs, outDir, "pdf:calc_pdf_Export", soffice, 900000);
}

module.exports = { findSoffice, recalcWithLibreOffice, printToPdfWithLibreOffice };

if (require.main === module) {
  const [input, outDir] = process.argv.slice(2);
  if (!input || !outDir) {
    process.stderr.write("usage: node scripts/libreoffice-recalc.js <input.xlsx> <outDir>\n");
    process.exit(1);
  }
  process.stdout.write(recalcWithLibreOffice(path.resolve(input), path.resolve(outDir)) + "\n");
}
