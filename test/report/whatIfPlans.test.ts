/** The what-if with two plans (docs/reference/whatif.md, plan.md "A plan per role or team"): a rep's own plan. */
import { dec } from "../../src/engine/index";
import { whatIf, whatIfBaselines } from "../../src/report/whatIf";
import { ingestOf } from "./fixtures";
import { twoPlans, twoPlansRows } from "./twoPlans";

describe("whatIfBaselines with two plans", () => {
  const plan = { ...twoPlans(), planOfTeam: { phone: "Inside sales" } };
  const bases = whatIfBaselines(ingestOf(twoPlansRows()), plan);

  it("one baseline per plan, each with the plan's reps and KPIs", () => {
    expect(bases.map((b) => b.scored.reps.map((r) => r.rep))).toEqual([
      ["Alice", "Bob"],
      ["Carol", "Dan"],
    ]);
    expect(bases[1].plan.kpis.map((k) => k.name)).toEqual(["Deals", "Revenue"]);
  });

  it("Dan with 13 deals and 60,000 passes Carol among the inside-sales reps only", () => {
    // 0.6 × 13/10 + 0.4 × 60,000/50,000 = 0.78 + 0.48 = 1.26 → 500 × 1.26 = 630, rank 1 of 2.
    const r = whatIf(bases[1], "Dan", { actuals: [dec(13), dec(60000)] })!;
    expect([r.after.score.toString(), r.after.rank, r.after.payout.toString(), r.reps]).toEqual(["1.26", 1, "630", 2]);
    expect(r.before.rank).toBe(2);
  });

  it("one plan: one baseline, as whatIfBaseline", () => {
    const one = whatIfBaselines(ingestOf(twoPlansRows()), twoPlans().morePlans![0]);
    expect(one).toHaveLength(1);
    expect(one[0].scored.reps).toHaveLength(4);
  });
});
