/**
 * Suites that need an outside engine (scripts/engines.js, docs/reference/verification.md) declare it here: with the
 * engine found they run; without it they are skipped (scripts/engineSkipsReporter.js prints how to run them), unless
 * SALESPERF_REQUIRE_ENGINES=1, where one failing test names what to install.
 */
type EngineKey = "libreoffice" | "poppler" | "chromium";

const engines = require("../scripts/engines.js") as {
  ENGINES: Record<EngineKey, { find: () => string | null }>;
  REQUIRE_ENGINES: string;
  skippedTitle: (key: EngineKey) => string;
  missingMessage: (key: EngineKey) => string;
};

const found = new Map<EngineKey, string | null>();

/** The engine's binary, or null when it is not installed (looked up once per test file). */
export function enginePath(key: EngineKey): string | null {
  if (!found.has(key)) found.set(key, engines.ENGINES[key].find());
  return found.get(key)!;
}

/** `describe(title, body)` when the engine is found: `body` gets its binary; else skipped, or failing if required. */
export function describeWithEngine(key: EngineKey, title: string, body: (binary: string) => void): void {
  const binary = enginePath(key);
  if (binary !== null) {
    describe(title, () => body(binary));
  } else if (process.env[engines.REQUIRE_ENGINES] === "1") {
    describe(title, () => {
      it("finds its engine", () => {
        throw new Error(engines.missingMessage(key));
      });
    });
  } else {
    // The body runs only to declare its tests, all skipped: none of them can reach the binary.
    describe.skip(engines.skippedTitle(key), () => describe(title, () => body("")));
  }
}
