/**
 * The pane's What-if and the report's Coaching tab say the same thing (docs/reference/whatif.md, coaching.md): for
 * every rep of the samples with no change typed, the change of each KPI alone to leave the bottom group, to the bonus
 * threshold, to the next curve point and to a Top place is the Coaching tab's (src/engine/coaching.ts), both rounded
 * up to the KPI's step.
 */
import { changeToReach, dec, nextCurvePoint, roundUpNeed } from "../../src/engine/index";
import { ingest } from "../../src/ingest/index";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { kpiStep, whatIf, whatIfBaseline } from "../../src/report/whatIf";
import { SAMPLES } from "../samples";

describe.each([
  ["sales-en.xlsx", "en" as const],
  ["sales-zh.xlsx", "zh" as const],
  ["sales-clean-small.xlsx", "en" as const],
])("%s: What-if and the Coaching tab agree", (file, lang) => {
  it("on every KPI's change to each level", async () => {
    const ingested = ingest(await readXlsx(`${SAMPLES}/${file}`)) as IngestResult;
    const plan = defaultPlan(lang);
    const base = whatIfBaseline(ingested, plan);
    const curve = (plan.bonus.curve ?? []).map(([x]) => dec(x));
    let compared = 0;
    for (const rep of base.scored.reps) {
      const result = whatIf(base, rep.rep)!;
      let counted = dec(0);
      rep.kpis.forEach((x, k) => {
        if (x.used) counted = counted.plus(plan.kpis[k].weight);
      });
      for (const point of result.next) {
        // The Coaching tab's levels: the last score above the bottom group, the threshold, the first curve point above
        // the score, the lowest Top score. What-if skips a curve point that pays no more than now.
        if (point.kind === "curve" && !nextCurvePoint(rep.score, curve)?.eq(point.score)) continue;
        rep.kpis.forEach((x, k) => {
          if (!x.used) return;
          const kpi = plan.kpis[k];
          const coaching = changeToReach(
            {
              actual: x.actual!,
              target: x.target!,
              attainment: x.attainment!,
              weight: dec(kpi.weight),
              cap: kpi.cap === null ? null : dec(kpi.cap),
              lowerIsBetter: kpi.direction === "lower",
            },
            rep.score,
            counted,
            point.score,
          );
          const decimals = kpiStep(kpi, plan).decimalPlaces();
          const theirs = coaching.kind === "change" ? roundUpNeed(coaching.amount, decimals).toString() : null;
          expect({
            rep: rep.rep,
            kpi: kpi.name,
            level: point.kind,
            change: point.changes[k]?.toString() ?? null,
          }).toEqual({ rep: rep.rep, kpi: kpi.name, level: point.kind, change: theirs });
          compared++;
        });
      }
    }
    expect(compared).toBeGreaterThan(10);
  });
});
