// The outside programs some tests need (docs/reference/verification.md): LibreOffice, the second formula engine
// and the printer of the PDF checks; pdftotext (poppler-utils), which reads those PDFs; and Chromium, the browser of
// the task pane tests. Without one, its tests are skipped and the run says how to
// install it; SALESPERF_REQUIRE_ENGINES=1 (set by .ci/run) makes a missing one fail the run instead.
const { execFileSync } = require("child_process");
const fs = require("fs");
const { findSoffice } = require("./libreoffice-recalc.js");

/** Chromium's binary, or null. CHROMIUM=<path> names it and only it is tried (a missing path hides Chromium). */
function findChromium() {
  const candidates = process.env.CHROMIUM
    ? [process.env.CHROMIUM]
    : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
  for (const c of candidates) {
    try {
      fs.accessSync(c, fs.constants.X_OK);
      return c;
    } catch {
      // try the next path
    }
  }
  return null;
}

/** pdftotext's binary, or null. PDFTOTEXT=<path> names it and only it is tried. */
function findPdftotext() {
  for (const c of process.env.PDFTOTEXT ? [process.env.PDFTOTEXT] : ["pdftotext", "/usr/bin/pdftotext"]) {
    try {
      execFileSync(c, ["-v"], { stdio: "ignore", timeout: 60000 });
      return c;
    } catch {
      // try the next path
    }
  }
  return null;
}

const ENGINES = {
  libreoffice: {
    name: "LibreOffice",
    tests: "recalculation",
    install: "apt-get install -y --no-install-recommends libreoffice-calc-nogui",
    pathVariable: "SOFFICE",
    find: findSoffice,
  },
  poppler: {
    name: "pdftotext",
    tests: "PDF",
    install: "apt-get install -y --no-install-recommends poppler-utils",
    pathVariable: "PDFTOTEXT",
    find: findPdftotext,
  },
  chromium: {
    name: "Chromium",
    tests: "browser",
    install: "apt-get install -y --no-install-recommends chromium",
    pathVariable: "CHROMIUM",
    find: findChromium,
  },
};

const REQUIRE_ENGINES = "SALESPERF_REQUIRE_ENGINES";

/** The title of the describe block that holds an engine's skipped tests (the reporter counts them by it). */
function skippedTitle(key) {
  return `skipped: ${ENGINES[key].name} not found`;
}

/** The one line telling how to run an engine's `count` skipped tests. */
function skipNotice(key, count) {
  const e = ENGINES[key];
  return (
    `${e.name} not found: ${count} ${e.tests} test${count === 1 ? "" : "s"} skipped; ` +
    `${e.install} (or set ${e.pathVariable} to its path) to run them`
  );
}

/** Why the run fails when the engine is missing but required. */
function missingMessage(key) {
  const e = ENGINES[key];
  return `${e.name} not found, and ${REQUIRE_ENGINES}=1 requires it: ${e.install} (or set ${e.pathVariable} to its path).`;
}

module.exports = { ENGINES, REQUIRE_ENGINES, findChromium, findPdftotext, skippedTitle, skipNotice, missingMessage };
