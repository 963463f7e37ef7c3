/**
 * Top N and Bottom N as a count or a share of the team (docs/reference/plan.md ranking): how many reps each marks, and
 * how the Plan sheet and a JSON plan write "5" and "20%".
 */
import {
  defaultPlan,
  isValidRankCut,
  parsePlanJson,
  rankCutCount,
  readPlanSheet,
  writePlanSheet,
} from "../../src/plan";
import type { Plan } from "../../src/plan";
import type { RawCell } from "../../src/ingest/types";
import { parseCellAddress } from "../../src/sheet";

describe("rankCutCount: a count, or a share rounded down and at least one", () => {
  it.each([
    // setting, reps, marked
    [5, 9, 5],
    [5, 3, 5], // a count larger than the team: everyone (the Top rule then wins over Coaching)
    [0, 9, 0],
    [0.2, 9, 1], // 1.8 rounds down
    [0.2, 10, 2],
    [0.2, 12, 2],
    [0.2, 4, 1], // 0.8 rounds down to 0: at least one
    [0.2, 1, 1],
    [0.2, 0, 1], // no reps: no rank reaches it anyway
    [0.2, 120, 24],
    [0.1, 250, 25],
    [0.29, 100, 29], // 0.29 × 100 is 28.999999999999996 in binary: not 28
    [1 / 3, 6, 2], // 0.33333… × 6 rounds to 2 at six decimals before rounding down
    [0.999, 1000, 999],
  ])("%p of %p reps marks %p", (cut, reps, marked) => {
    expect(rankCutCount(cut, reps)).toBe(marked);
  });

  it.each([
    [5, true],
    [0, true],
    [0.2, true],
    [0.005, true],
    [1, true], // one rep, not 100 %
    [1.5, false],
    [-1, false],
    [-0.2, false],
    [Number.NaN, false],
  ])("%p is a valid setting: %p", (cut, ok) => {
    expect(isValidRankCut(cut)).toBe(ok);
  });
});

describe("the Plan sheet and JSON take 5 or 20%", () => {
  const share: Plan = { ...defaultPlan("en"), ranking: { top: 0.2, bottom: 0.15 } };

  it("a share is written as a percent, a count as a whole number, and both read back", () => {
    const layout = writePlanSheet(share, "en");
    const at = (a1: string) => {
      const { row, col } = parseCellAddress(a1)!;
      return { v: layout.rows[row][col], fmt: layout.formats[row]?.[col] };
    };
    expect(at("B16")).toEqual({ v: 0.2, fmt: "0%" });
    expect(at("B17")).toEqual({ v: 0.15, fmt: "0%" });
    expect(at("C16").v).toMatch(/20%/);
    const back = readPlanSheet(layout.rows as RawCell[][], "Plan");
    expect(back.ok && back.plan.ranking).toEqual({ top: 0.2, bottom: 0.15 });
    const counts = writePlanSheet(defaultPlan("en"), "en");
    expect(counts.formats[15][1]).toBe("0");
  });

  it('a cell typed as text "20%" reads as the share, in either language', () => {
    for (const lang of ["en", "zh"] as const) {
      const rows = writePlanSheet(defaultPlan(lang), lang).rows.map((r) => [...r]) as RawCell[][];
      rows[15][1] = "20%";
      rows[16][1] = " 10 % ";
      const back = readPlanSheet(rows, "Plan");
      expect(back.ok && back.plan.ranking).toEqual({ top: 0.2, bottom: 0.1 });
    }
  });

  it.each([
    [
      { top: "20%", bottom: 2 },
      { top: 0.2, bottom: 2 },
    ],
    [
      { top: 0.25, bottom: "12.5%" },
      { top: 0.25, bottom: 0.125 },
    ],
    [{ top: 5 }, { top: 5, bottom: 3 }],
  ])("JSON ranking %j reads as %j", (ranking, expected) => {
    const r = parsePlanJson({ ...JSON.parse(JSON.stringify(defaultPlanJson())), ranking });
    expect(r.ok && r.plan.ranking).toEqual(expected);
  });
});

/** The smallest JSON plan the reader takes: one KPI. */
function defaultPlanJson(): unknown {
  return { kpis: [{ name: "Revenue", field: "amount", aggregate: "sum", target: 100, weight: 1 }] };
}
