/** Coaching maths (docs/reference/coaching.md): points lost, the change of one KPI that reaches a score level, rounding up. */
import {
  changeToReach,
  countedAttainment,
  dec,
  gapToTarget,
  nextCurvePoint,
  pointsLost,
  roundUpNeed,
  type CoachingKpi,
} from "../../src/engine/index";

const kpi = (over: Partial<Record<keyof CoachingKpi, unknown>>): CoachingKpi => ({
  actual: dec(6),
  target: dec(60),
  attainment: dec("0.1"),
  weight: dec("0.3"),
  cap: dec("1.5"),
  lowerIsBetter: false,
  ...(over as Partial<CoachingKpi>),
});

describe("coaching maths", () => {
  it("counts the attainment as the score does: floored at 0, capped", () => {
    expect(countedAttainment(dec("-0.2"), null).toString()).toBe("0");
    expect(countedAttainment(dec("1.7"), dec("1.5")).toString()).toBe("1.5");
    expect(countedAttainment(dec("1.7"), null).toString()).toBe("1.7");
  });

  it("points lost are the weight share times the attainment missing, negative beyond target", () => {
    // Carol's new customers: 0.3 of the 0.6 counted, attainment 10 % → 45 points of score lost.
    expect(pointsLost(kpi({}), dec("0.6")).toString()).toBe("0.45");
    expect(pointsLost(kpi({ attainment: dec("1.25"), cap: dec("1.5") }), dec(1)).toString()).toBe("-0.075");
  });

  it.each([
    // level, expected change (exact): Carol 0.475 → threshold 0.6: c' = 0.1 + 0.125·0.6/0.3 = 0.35 → 21 − 6 = 15
    ["0.6", "15"],
    // → 0.935 (the lowest rep outside the bottom group): c' = 1.02 → 61.2 − 6 = 55.2
    ["0.935", "55.2"],
  ])("new customers from score 0.475 to %s needs %s more", (level, change) => {
    const v = changeToReach(kpi({}), dec("0.475"), dec("0.6"), dec(level));
    expect(v).toEqual({ kind: "change", amount: dec(change) });
  });

  it("a level the cap keeps out of reach says so; a reached level is met", () => {
    // 1.3875 → 1.5 on satisfaction (weight 0.15, cap 1.2, at 1.0): c' = 1.75 > 1.2.
    const sat = kpi({
      actual: dec("0.9"),
      target: dec("0.9"),
      attainment: dec(1),
      weight: dec("0.15"),
      cap: dec("1.2"),
    });
    expect(changeToReach(sat, dec("1.3875"), dec(1), dec("1.5"))).toEqual({ kind: "unreachable" });
    expect(changeToReach(sat, dec("0.6"), dec(1), dec("0.6"))).toEqual({ kind: "met" });
    expect(changeToReach(kpi({ weight: dec(0) }), dec("0.5"), dec(1), dec("0.6"))).toEqual({ kind: "unreachable" });
  });

  it("a lower-is-better KPI falls, and cannot count above 200 %", () => {
    // Complaints: 12 against a target of 10 → attainment 0.8, weight 0.5 of 1, no cap. Score 0.5 → 0.6:
    // c' = 0.8 + 0.1/0.5 = 1.0 → A' = 10·(2 − 1) = 10: 2 fewer.
    const complaints = kpi({
      actual: dec(12),
      target: dec(10),
      attainment: dec("0.8"),
      weight: dec("0.5"),
      cap: null,
      lowerIsBetter: true,
    });
    expect(changeToReach(complaints, dec("0.5"), dec(1), dec("0.6"))).toEqual({ kind: "change", amount: dec(2) });
    expect(changeToReach(complaints, dec("0.5"), dec(1), dec("1.2"))).toEqual({ kind: "unreachable" });
    expect(gapToTarget(complaints).toString()).toBe("2");
  });

  it.each([
    ["55.2", 0, "56"],
    ["15", 0, "15"],
    ["32.9999999999999996", 0, "33"], // float noise is not a 34th customer
    ["17874.991", 2, "17875"],
    ["0.0333333333", 2, "0.04"],
  ] as const)("roundUpNeed(%s, %d) = %s", (x, d, expected) => {
    expect(roundUpNeed(dec(x), d).toString()).toBe(expected);
  });

  it("the next curve point is the first x above the score", () => {
    const xs = ["0.6", "1", "1.5"].map(dec);
    expect(nextCurvePoint(dec("0.475"), xs)?.toString()).toBe("0.6");
    expect(nextCurvePoint(dec(1), xs)?.toString()).toBe("1.5");
    expect(nextCurvePoint(dec("1.5"), xs)).toBeNull();
  });
});
