/**
 * The HyperFormula check itself (docs/reference/verification.md): it recalculates rather than echoing cached values,
 * reads text as text, compares at 15 significant digits; and the demo workbook's report agrees with it everywhere.
 */
import { generateDemoRows } from "../../src/cli/demoData";
import { ingest } from "../../src/ingest/index";
import { defaultPlan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { checkFormulas, recalculate, same15 } from "./hyperFormula";
import { defaultExample, ingestOf } from "./fixtures";

const report = (): Report => buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });

describe("the HyperFormula check", () => {
  it("finds a wrong cached value: it recalculates, it does not read the cache back", () => {
    const r = report();
    const scorecard = r.sheets.find((s) => s.key === "scorecard")!;
    const score = scorecard.rows[1][14]!;
    expect(score.f).toBeDefined();
    score.v = (score.v as number) + 0.01;
    const { mismatches } = checkFormulas(r);
    // The score itself; the rank, status and bonus that follow from it are recalculated too.
    expect(mismatches[0]).toMatchObject({ sheet: "Scorecard", cell: "O2", cached: score.v });
    expect(mismatches[0].computed).toBeCloseTo((score.v as number) - 0.01, 12);
  });

  it("reads text that looks like a formula, a number, a date or a boolean as that text", () => {
    const r: Report = {
      ...report(),
      sheets: [
        {
          key: "data",
          name: "It's text",
          rows: [
            [{ v: "=1+1" }, { v: "007" }, { v: "2026-04-01" }, { v: "TRUE" }, { v: "50%" }],
            [
              { f: "'It''s text'!A1&B1&C1&D1&E1", v: "=1+10072026-04-01TRUE50%" },
              { f: "LEN(B1)", v: 3 },
            ],
          ],
        },
      ],
    };
    expect(checkFormulas(r)).toEqual({ checked: 2, mismatches: [] });
    expect(recalculate(r).value("It's text", 1, 1)).toBe("007");
  });

  it.each([
    [0.1 + 0.2, 0.3, true],
    [1.0181818181818181, 1.01818181818182, true], // the 17-digit double and its 15-digit reading
    [0.1234567890123445, 0.123456789012345, true], // either side of a 15-digit boundary, one unit apart
    [0.123456789012345, 0.123456789012347, false], // two units of the 15th digit
    [4604.57, 4604.58, false],
    ["Top", "Top", true],
    ["Top", "Coaching", false],
    ["", null, true],
    [0, { error: "#N/A" }, false],
    [5, "5", false],
  ] as const)("same15(%p, %p) = %p", (cached, computed, expected) => {
    expect(same15(cached, computed as never)).toBe(expected);
  });
});

describe.each(["en", "zh"] as const)("the demo workbook's report (%s)", (lang) => {
  it("agrees with HyperFormula in every formula cell", () => {
    const demo = generateDemoRows({ lang });
    const ingested = ingest([demo.sales, demo.ratings]);
    if ("kind" in ingested) throw new Error(`ingest failed: ${ingested.messageKey}`);
    const r = buildReport(ingested, defaultPlan(lang), { lang });
    expect(r.summary.repsScored).toBe(12);
    const { checked, mismatches } = checkFormulas(r);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(150);
  });
});
