import type Decimal from "decimal.js";
import { carriedDifference, payout, proratedDraw, ZERO, type Payout, type PayoutRules } from "../../src/engine/index";
import { D } from "./helpers";

const NONE = { drawBalance: ZERO, clawbackBalance: ZERO };
const rules = (over: Partial<PayoutRules> = {}): PayoutRules => ({
  policy: "carry",
  clawbackCap: null,
  draw: null,
  recoveryCap: null,
  ...over,
});
/** A payout as strings, so a failure shows every figure at once. */
const show = (p: Payout): Record<keyof Payout, string> => ({
  carried: p.carried.toFixed(),
  adjustments: p.adjustments.toFixed(),
  clawbackBalance: p.clawbackBalance.toFixed(),
  drawTopUp: p.drawTopUp.toFixed(),
  drawRecovered: p.drawRecovered.toFixed(),
  payable: p.payable.toFixed(),
  drawBalance: p.drawBalance.toFixed(),
});
const ds = (...xs: (number | string)[]): Decimal[] => xs.map(D);

describe("adjustment policy (docs/reference/payouts.md)", () => {
  // Two closed periods recomputed: 2025-Q3 pays 1,200.50 more, 2025-Q4 500.25 less.
  const diffs = ds("1200.5", "-500.25");

  it("carry: the whole net difference joins this payout", () => {
    expect(show(payout(D(8000), diffs, NONE, rules()))).toEqual({
      carried: "700.25",
      adjustments: "700.25",
      clawbackBalance: "0",
      drawTopUp: "0",
      drawRecovered: "0",
      payable: "8700.25", // 8,000 + 1,200.50 − 500.25
      drawBalance: "0",
    });
  });

  it("increases: only the increases are carried; the decrease is reported, not taken", () => {
    const p = payout(D(8000), diffs, NONE, rules({ policy: "increases" }));
    expect([p.carried.toFixed(), p.adjustments.toFixed(), p.payable.toFixed()]).toEqual(["1200.5", "1200.5", "9200.5"]);
  });

  it("report: nothing is carried; payable is what the period earned", () => {
    const p = payout(D(8000), diffs, NONE, rules({ policy: "report" }));
    expect([p.carried.toFixed(), p.adjustments.toFixed(), p.payable.toFixed()]).toEqual(["0", "0", "8000"]);
    expect(carriedDifference("report", diffs).isZero()).toBe(true);
  });

  it("a clawback above the cap takes the cap and carries the rest on as a balance", () => {
    // Q4 recomputed 6,000 lower; cap 2,500 a period: −2,500 now, 3,500 owed.
    const p = payout(D(4000), ds(-6000), NONE, rules({ clawbackCap: D(2500) }));
    expect(show(p)).toMatchObject({ adjustments: "-2500", clawbackBalance: "3500", payable: "1500" });
  });

  it("the balance is taken in the following periods, capped each time, until it is gone", () => {
    const cap = rules({ clawbackCap: D(2500) });
    const second = payout(D(3000), [], { drawBalance: ZERO, clawbackBalance: D(3500) }, cap);
    expect(show(second)).toMatchObject({ adjustments: "-2500", clawbackBalance: "1000", payable: "500" });
    const third = payout(D(3000), [], { drawBalance: ZERO, clawbackBalance: D(1000) }, cap);
    expect(show(third)).toMatchObject({ adjustments: "-1000", clawbackBalance: "0", payable: "2000" });
  });

  it("a later increase is netted against the clawback still owed", () => {
    // Owes 3,500; a new difference of +1,000.40: 2,499.60 still owed, all of it under the cap.
    const p = payout(
      D(5000),
      ds("1000.4"),
      { drawBalance: ZERO, clawbackBalance: D(3500) },
      rules({ clawbackCap: D(2500) }),
    );
    expect(show(p)).toMatchObject({ adjustments: "-2499.6", clawbackBalance: "0", payable: "2500.4" });
    // An increase larger than the balance pays the rest.
    const q = payout(D(5000), ds(4000), { drawBalance: ZERO, clawbackBalance: D(3500) }, rules());
    expect(show(q)).toMatchObject({ adjustments: "500", clawbackBalance: "0", payable: "5500" });
  });

  it("without a cap a clawback can take more than the period earned (payable below zero)", () => {
    expect(payout(D(1000), ds(-1500), NONE, rules()).payable.toFixed()).toBe("-500");
  });
});

describe("draws (docs/reference/payouts.md)", () => {
  const nonRecoverable = rules({ draw: { amount: D(3000), recoverable: false } });
  const recoverable = (cap: Decimal | null = null) =>
    rules({ draw: { amount: D(3000), recoverable: true }, recoveryCap: cap });

  it("non-recoverable: pays the larger of earned and draw, owes nothing", () => {
    expect(show(payout(D("1850.3"), [], NONE, nonRecoverable))).toMatchObject({
      drawTopUp: "1149.7",
      payable: "3000",
      drawBalance: "0",
    });
    expect(show(payout(D(4200), [], NONE, nonRecoverable))).toMatchObject({ drawTopUp: "0", payable: "4200" });
  });

  it("recoverable over three periods: the shortfall becomes a balance, recovered from the payout above the draw", () => {
    // P1 earns 1,000: topped up 2,000 to the draw, owes 2,000.
    const p1 = payout(D(1000), [], NONE, recoverable());
    expect(show(p1)).toMatchObject({ drawTopUp: "2000", drawRecovered: "0", payable: "3000", drawBalance: "2000" });
    // P2 earns 4,200: 1,200 above the draw is recovered; owes 800; paid the draw.
    const p2 = payout(D(4200), [], { drawBalance: p1.drawBalance, clawbackBalance: ZERO }, recoverable());
    expect(show(p2)).toMatchObject({ drawTopUp: "0", drawRecovered: "1200", payable: "3000", drawBalance: "800" });
    // P3 earns 5,000: 2,000 above the draw, 800 owed: recovers 800, pays 4,200.
    const p3 = payout(D(5000), [], { drawBalance: p2.drawBalance, clawbackBalance: ZERO }, recoverable());
    expect(show(p3)).toMatchObject({ drawTopUp: "0", drawRecovered: "800", payable: "4200", drawBalance: "0" });
  });

  it("a recovery cap limits what one period recovers", () => {
    const p = payout(D(6000), [], { drawBalance: D(2000), clawbackBalance: ZERO }, recoverable(D(500)));
    expect(show(p)).toMatchObject({ drawRecovered: "500", payable: "5500", drawBalance: "1500" });
  });

  it("a rep with a balance and no draw any more repays from the whole payout", () => {
    const p = payout(D(700), [], { drawBalance: D(2000), clawbackBalance: ZERO }, rules());
    expect(show(p)).toMatchObject({ drawTopUp: "0", drawRecovered: "700", payable: "0", drawBalance: "1300" });
  });

  it("adjustments and the draw add up: earned + adjustments + top-up − recovered", () => {
    const p = payout(D(1000), ds("250.75"), NONE, recoverable());
    expect(show(p)).toMatchObject({
      adjustments: "250.75",
      drawTopUp: "2000",
      payable: "3250.75",
      drawBalance: "2000",
    });
  });

  it("a prorated draw is rounded once to the currency's decimals, half away from zero", () => {
    // 3,000 × 41/92 days = 1,336.9565… → 1,336.96; ¥ with 0 decimals → 1,337.
    const factor = D(41).div(92);
    expect(proratedDraw(D(3000), factor, 2).toFixed()).toBe("1336.96");
    expect(proratedDraw(D(3000), factor, 0).toFixed()).toBe("1337");
    expect(proratedDraw(D("0.05"), D("0.5"), 2).toFixed()).toBe("0.03");
  });
});
