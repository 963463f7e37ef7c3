// A jest reporter: after the run, one line per missing engine saying how many of its tests were skipped and how to
// run them (engines.js; the suites skip themselves through test/engines.ts, one engine's suite possibly inside another's).
const { ENGINES, skippedTitle, skipNotice } = require("./engines.js");

class EngineSkipsReporter {
  onRunComplete(_contexts, results) {
    for (const key of Object.keys(ENGINES)) {
      const title = skippedTitle(key);
      let count = 0;
      for (const file of results.testResults)
        for (const t of file.testResults) if (t.status === "pending" && t.ancestorTitles.includes(title)) count++;
      if (count > 0) process.stderr.write(`${skipNotice(key, count)}\n`);
    }
  }
}

module.exports = EngineSkipsReporter;
