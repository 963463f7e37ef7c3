// The PERF shells (docs/reference/functions.md): coerce → engine → Excel error. Imported before the fake is installed:
// the shells look CustomFunctions up when called, as they must in Excel's runtime.
import type Decimal from "decimal.js";
import * as engine from "../../src/engine/index";
import { dec, isEngineError, type EngineError, type TierMode } from "../../src/engine/index";
import * as perf from "../../src/functions/functions";
import { curveOf, prng, randomFixed, tiersOf } from "../engine/helpers";
import { call, expectExcelError, installCustomFunctionsFake, setDisplayLanguage } from "./customFunctionsFake";

const TIERS = [
  [0, 0.04],
  [150000, 0.08],
  [250000, 0.12],
];
const CURVE = [
  [0, 0],
  [0.5, 0],
  [1, 1],
  [2, 1.4],
  [3, 1.6],
];

beforeAll(installCustomFunctionsFake);
afterEach(() => setDisplayLanguage(null));

describe("docs/reference/functions.md examples through the shells", () => {
  it.each<[string, () => unknown, unknown]>([
    ["ATTAINMENT(560000, 550000)", () => perf.attainment(560000, 550000), 560000 / 550000],
    ["ATTAINMENT(0.04, 0.05, TRUE)", () => perf.attainment(0.04, 0.05, true), 1.2],
    ["TIERED(220000, tiers)", () => perf.tiered(220000, TIERS), 11600],
    ["TIERED(220000, tiers, retroactive)", () => perf.tiered(220000, TIERS, "retroactive"), 17600],
    ["TIERED(149999, tiers, RETROACTIVE)", () => perf.tiered(149999, TIERS, " RETROACTIVE "), 5999.96],
    ["PAYCURVE(2.4, curve)", () => perf.paycurve(2.4, CURVE), 1.48],
    ["BONUS(240, 100, 2500, curve)", () => perf.bonus(240, 100, 2500, CURVE), 3700],
    [
      "BONUS(130000, 100000, 10000, , , 1.2)",
      () => perf.bonus(130000, 100000, 10000, undefined, undefined, 1.2),
      12000,
    ],
    ["BONUS(1.005, 1, 1)", () => perf.bonus(1.005, 1, 1), 1.01],
    ["SCORE(row, row)", () => perf.score([[1.018, 0.75, 1.0333, 0.8]], [[0.4, 0.3, 0.1, 0.2]]), 0.89553],
    [
      "SCORE(column, column, 1.5)",
      () => perf.score([[2], [0.75], [1.0333], [0.8]], [[0.4], [0.3], [0.1], [0.2]], [[1.5]]),
      1.08833,
    ],
    ["GROWTH(90, -100)", () => perf.growth(90, -100), 1.9],
    [
      "PRORATE(30000, DATE(2026,3,11), , …)",
      () => perf.prorate(30000, 46092, null, 46082, 46112),
      Number("20322.58064516129032258064516129032258065"),
    ],
    [
      "RANK(1.1, values, 0, average)",
      () => perf.rank(1.1, [[1.2], [1.1], [1.1], [0.95], [0.9], [0.9], [0.8]], 0, "average"),
      2.5,
    ],
    ["TOGO(220000, tiers)", () => perf.togo(220000, TIERS), 30000],
  ])("%s", (_call, fn, want) => {
    expect(call(fn)).toEqual({ value: want });
  });
});

describe("arguments (coerceArgs)", () => {
  it("a blank optional argument means its default: null, undefined and empty text alike", () => {
    for (const blank of [null, undefined, ""]) {
      expect(perf.tiered(220000, TIERS, blank as never)).toBe(11600);
      expect(perf.attainment(50, 45, blank as never)).toBe(50 / 45);
      expect(perf.bonus(130000, 100000, 10000, blank as never, blank as never, blank as never)).toBe(13000);
      expect(perf.rank(1.1, [[1.2], [1.1]], blank as never, blank as never)).toBe(2);
    }
  });

  it("a blank required number counts as 0, as in Excel's own arithmetic", () => {
    expect(perf.attainment(null as never, 100)).toBe(0);
    expectExcelError(() => perf.attainment(5, null as never), "#DIV/0!");
  });

  it("takes numeric text and logical values for scalars", () => {
    expect(perf.attainment("15" as never, " 20 " as never)).toBe(0.75);
    expect(perf.growth("112%" as never, 1)).toBeCloseTo(0.12, 15);
    expect(perf.attainment(1, true as never)).toBe(1);
    expect(perf.attainment(1, 2, 1 as never)).toBe(1.5);
    expect(perf.attainment(1, 2, "TRUE" as never)).toBe(1.5);
  });

  it("reads numeric text as a sales sheet's cells are: thousands, currency, 万, full-width (docs/reference/sheet.md)", () => {
    expect(perf.attainment("12,500" as never, "¥1.25万" as never)).toBe(1);
    expect(perf.attainment("(１５)" as never, "20" as never)).toBe(-0.75);
    expectExcelError(() => perf.attainment("12,5" as never, 5), "#VALUE!", "actual must be a number");
    expectExcelError(() => perf.attainment(5, "1.234,50" as never), "#VALUE!", "target must be a number");
  });

  it("text where a number belongs is #VALUE! naming the argument", () => {
    expectExcelError(() => perf.attainment("lots" as never, 5), "#VALUE!", "actual must be a number");
    expectExcelError(() => perf.attainment(1, 5, "maybe" as never), "#VALUE!", "lower_is_better must be TRUE or FALSE");
    expectExcelError(() => perf.tiered(1, TIERS, "flat"), "#VALUE!", 'mode must be "marginal" or "retroactive"');
    expectExcelError(() => perf.rank(1, [[1]], 0, "olympic"), "#VALUE!", /method must be/);
  });

  it("ignores trailing fully blank rows of a range", () => {
    const padded = [...TIERS, ["", ""], [null, null], ["", null]];
    expect(perf.tiered(220000, padded)).toBe(11600);
    expect(perf.togo(220000, padded)).toBe(30000);
    expect(perf.score([[1], [1], [""]], [[0.5], [0.5], [""]])).toBe(1);
  });

  it("text or a blank inside a range is #VALUE! naming the argument and the row", () => {
    expectExcelError(
      () =>
        perf.tiered(1, [
          [0, 0.04],
          ["150k", 0.08],
        ]),
      "#VALUE!",
      "tiers: row 2, column 1 is not a number",
    );
    expectExcelError(
      () =>
        perf.tiered(1, [
          [0, 0.04],
          [150000, ""],
          [250000, 0.12],
        ]),
      "#VALUE!",
      "tiers: row 2, column 2 is blank",
    );
    expectExcelError(
      () =>
        perf.paycurve(1, [
          [0, 0],
          [1, "x"],
        ]),
      "#VALUE!",
      "curve: row 2, column 2 is not a number",
    );
    expectExcelError(() => perf.score([[1], ["n/a"]], [[0.5], [0.5]]), "#VALUE!", "attainments: row 2 is not a number");
    expectExcelError(() => perf.score([[1], [1], [1]], [[0.5], [null], [0.5]]), "#VALUE!", "weights: row 2 is blank");
  });

  it("a table must have two columns and at least one row", () => {
    expectExcelError(() => perf.tiered(1, [[0, 0.04, 1]]), "#VALUE!", "tiers must have two columns");
    expectExcelError(() => perf.tiered(1, [[0]]), "#VALUE!", "tiers must have two columns");
    expectExcelError(() => perf.tiered(1, [["", ""]]), "#VALUE!", "tiers is empty");
  });

  it("SCORE: weights of another shape, caps of another shape", () => {
    expectExcelError(
      () => perf.score([[1, 1]], [[0.5], [0.5]]),
      "#VALUE!",
      "weights must have the same shape as attainments",
    );
    expectExcelError(() => perf.score([[1, 1]], [[0.5, 0.5]], [[1, 1, 1]]), "#VALUE!", /caps must have the same shape/);
    expect(perf.score([[2, 2]], [[0.5, 0.5]], [[1.5, ""]])).toBe(1.75); // a blank cap is no cap
    expect(perf.score([[2, 2]], [[0.5, 0.5]], [[""]])).toBe(2);
  });

  it("RANK ignores blanks, text and logical values among the values, as Excel's RANK does", () => {
    expect(perf.rank(3, [[5], [""], ["n/a"], [true], [3], [null]])).toBe(2);
    expect(perf.rank(3, [[5], [3], [1]], 7)).toBe(2); // any non-zero order ranks ascending
    expectExcelError(() => perf.rank(4, [[5], [3]]), "#N/A", "value is not in values");
  });
});

describe("errors", () => {
  it("#DIV/0! carries no message; #VALUE! and #N/A do", () => {
    expect(call(() => perf.attainment(1, 0))).toEqual({ error: "#DIV/0!", message: undefined });
    expectExcelError(() => perf.attainment(1, -1), "#VALUE!", "target must be positive");
    expectExcelError(() => perf.growth(1, 0), "#N/A", "no prior period value");
    expectExcelError(() => perf.score([[1], [1]], [[0.4], [0.5]]), "#VALUE!", "weights add up to 90%, not 100%");
    expectExcelError(
      () =>
        perf.tiered(1, [
          [0, 1],
          [5, 1],
          [5, 2],
        ]),
      "#VALUE!",
      "tiers: lower bounds must increase (row 3)",
    );
    expectExcelError(
      () =>
        perf.explain(1, [
          [5, 1],
          [0, 1],
        ]),
      "#VALUE!",
      "tiers: lower bounds must increase (row 2)",
    );
    expectExcelError(() => perf.bonus(1, 1, -5), "#VALUE!", "target_bonus must not be negative");
    expectExcelError(
      () =>
        perf.bonus(1, 1, 5, [
          [1, 0],
          [0.5, 1],
        ]),
      "#VALUE!",
      "curve: x values must increase (row 2)",
    );
    expectExcelError(() => perf.prorate(1, 46092, 46082, 46082, 46112), "#VALUE!", "end is before start");
  });

  it("messages follow Excel's display language", () => {
    setDisplayLanguage("zh-CN");
    expectExcelError(() => perf.score([[1], [1]], [[0.4], [0.5]]), "#VALUE!", "权重合计为 90%，不是 100%");
    expectExcelError(() => perf.growth(1, 0), "#N/A", "没有上期数值");
    expectExcelError(
      () =>
        perf.tiered(1, [
          [0, 1],
          [0, 2],
        ]),
      "#VALUE!",
      "tiers：下限必须递增（第 2 行）",
    );
  });
});

describe("EXPLAIN spills a header, one row per band and a total", () => {
  it("in English", () => {
    expect(perf.explain(220000, TIERS)).toEqual([
      ["Band", "From", "To", "Rate", "Amount in band", "Payout"],
      [1, 0, 150000, 0.04, 150000, 6000],
      [2, 150000, 250000, 0.08, 70000, 5600],
      [3, 250000, "", 0.12, 0, 0],
      ["Total", "", "", "", 220000, 11600],
    ]);
  });

  it("in Chinese when Excel shows Chinese; the total equals TIERED", () => {
    setDisplayLanguage("zh-CN");
    const rows = perf.explain(300000, TIERS, "retroactive");
    expect(rows[0]).toEqual(["档位", "起点", "终点", "费率", "档内金额", "提成"]);
    expect(rows[rows.length - 1]).toEqual(["合计", "", "", "", 300000, 36000]);
    expect(rows[rows.length - 1][5]).toBe(perf.tiered(300000, TIERS, "retroactive"));
  });
});

describe("the fast paths and the exact path agree through the shells", () => {
  it("TIERED on values the fast path declines (17 digits) and accepts", () => {
    const tiers = [
      [0, 1],
      [0.3, 2],
    ];
    expect(perf.tiered(0.1 + 0.2, tiers, "retroactive")).toBe(0.6000000000000001);
    expect(perf.tiered(0.25, tiers)).toBe(0.25);
  });
});

describe("a table seen again (coerceArgs keeps the last valid one per argument, compared by value)", () => {
  const tiers = () => TIERS.map((row) => [...row]);

  it("a new array with the same numbers pays the same; numbers changed in place pay the new way", () => {
    const rows = tiers();
    expect([perf.tiered(220000, rows), perf.tiered(220000, tiers())]).toEqual([11600, 11600]);
    rows[1][1] = 0.1; // 150000 × 4% + 70000 × 10%
    expect(perf.tiered(220000, rows)).toBe(13000);
    rows[0][0] = -0; // −0 reads as 0
    expect(perf.tiered(220000, rows)).toBe(13000);
    expect(perf.tiered(220000, [...tiers(), [400000, 0.2]])).toBe(11600);
  });

  it("the same table followed by blank rows, text, or a third column", () => {
    perf.tiered(220000, TIERS);
    expect(perf.tiered(220000, [...tiers(), ["", ""], [null, null]])).toBe(11600);
    expectExcelError(() => perf.tiered(220000, [...tiers(), ["", "x"]]), "#VALUE!", "tiers: row 4, column 1 is blank");
    expectExcelError(
      () => perf.tiered(220000, [...tiers().slice(0, 2), [250000, 0.12, 1]]),
      "#VALUE!",
      "tiers must have two columns",
    );
    expectExcelError(
      () => perf.tiered(220000, [...tiers().slice(0, 2), [250000, "12%"]]),
      "#VALUE!",
      "tiers: row 3, column 2 is not a number",
    );
    expectExcelError(() => perf.tiered(220000, [...tiers().slice(0, 2), [Infinity, 0.12]]), "#VALUE!");
  });

  it("TIERED and TOGO, BONUS and PAYCURVE alternating keep their own tables", () => {
    const curve = [
      [0.6, 0.3],
      [1, 1],
      [1.5, 2],
    ];
    for (let i = 0; i < 3; i++) {
      expect([
        perf.tiered(220000, tiers()),
        perf.togo(220000, [
          [0, 0.1],
          [300000, 0.2],
        ]),
        perf.bonus(88168.4, 100000, 5000, curve, 0.6, 2),
        perf.paycurve(1.25, CURVE),
        perf.bonus(130000, 100000, 10000),
      ]).toEqual([11600, 80000, 3964.74, 1.1, 13000]);
    }
  });

  it("a mode as typed, in capitals or padded", () => {
    expect(["marginal", "retroactive", " Retroactive", "MARGINAL "].map((m) => perf.tiered(220000, TIERS, m))).toEqual([
      11600, 17600, 17600, 11600,
    ]);
  });
});

describe("TIERED and BONUS through the shells equal decimal.js on random tables seen again and again", () => {
  /** The exact engine's answer as Excel receives it (−0 shown as 0). */
  const exact = (x: Decimal | EngineError) => (isEngineError(x) ? x.code : x.toNumber() || 0);

  it("TIERED: each table a few times, as new arrays, sometimes with blank rows below, both modes", () => {
    const rnd = prng(20261127);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(rnd() * 4);
      let lower = randomFixed(rnd, -1000, 50000, rnd() < 0.5 ? 0 : 2);
      const rows: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        rows.push([lower, randomFixed(rnd, -0.2, 0.5, 1 + Math.floor(rnd() * 4))]);
        lower = Number((lower + randomFixed(rnd, 0.01, 100000, 2)).toFixed(2));
      }
      for (let j = 0; j < 10; j++) {
        const copy: unknown[][] = rows.map((row) => [...row]);
        if (rnd() < 0.3) copy.push(["", ""], [null, null]);
        const amount = randomFixed(rnd, -1000, 400000, rnd() < 0.8 ? 2 : 5);
        const mode: TierMode = rnd() < 0.5 ? "marginal" : "retroactive";
        const want = exact(engine.tiered(dec(amount), tiersOf(rows), mode));
        expect([amount, rows, mode, perf.tiered(amount, copy, mode)]).toEqual([amount, rows, mode, want]);
      }
    }
  });

  it("BONUS: each curve a few times, as new arrays, with and without threshold and cap", () => {
    const rnd = prng(611);
    for (let c = 0; c < 100; c++) {
      const n = 1 + Math.floor(rnd() * 4);
      let x = randomFixed(rnd, 0, 0.8, 2);
      const curve: [number, number][] = [];
      for (let i = 0; i < n; i++) {
        curve.push([x, randomFixed(rnd, 0, 2.5, 2)]);
        x = Number((x + randomFixed(rnd, 0.05, 0.6, 2)).toFixed(2));
      }
      for (let j = 0; j < 20; j++) {
        const target = randomFixed(rnd, 1000, 200000, rnd() < 0.5 ? 0 : 2);
        const actual = randomFixed(rnd, 0, 2.5 * target, 2);
        const tb = randomFixed(rnd, 0, 20000, 2);
        const threshold = rnd() < 0.5 ? 0 : randomFixed(rnd, 0, 1, 2);
        const cap = rnd() < 0.5 ? null : randomFixed(rnd, 0, 2.5, 2);
        const opts = { curve: curveOf(curve), threshold: dec(threshold), cap: cap === null ? null : dec(cap) };
        const want = exact(engine.bonus(dec(actual), dec(target), dec(tb), opts));
        const got = perf.bonus(
          actual,
          target,
          tb,
          curve.map((p) => [...p]),
          threshold,
          cap ?? undefined,
        );
        expect([actual, target, tb, curve, threshold, cap, got]).toEqual([
          actual,
          target,
          tb,
          curve,
          threshold,
          cap,
          want,
        ]);
      }
    }
  });
});
