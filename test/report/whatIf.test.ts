/**
 * The pane's what-if (docs/reference/whatif.md) against a re-run of the report: the hypothetical deal is written into
 * the sales sheet as one more row, the sheet is cleaned and the report built again, and the rep's score, rank,
 * status and bonus on the new Scorecard must equal the what-if's, on every sample and for several reps. The amounts
 * "to the next payout point" are checked the same way: that amount reaches the point in the re-run, a step less
 * does not.
 */
import Decimal from "decimal.js";
import { dec } from "../../src/engine/index";
import { ingest } from "../../src/ingest/index";
import type { IngestResult, RawCell, RawSheet } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import type { Plan } from "../../src/plan/types";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { buildReport } from "../../src/report/buildReport";
import { scorecardCols, statusText } from "../../src/report/formulas";
import { scorePeriod, type ScoredRep } from "../../src/report/score";
import {
  kpiStep,
  whatIf,
  whatIfBaseline,
  type HypotheticalDeal,
  type PayoutPoint,
  type WhatIfBaseline,
} from "../../src/report/whatIf";
import { SAMPLES } from "../samples";

const SAMPLE_FILES: [string, "en" | "zh"][] = [
  ["sales-en.xlsx", "en"],
  ["sales-zh.xlsx", "zh"],
  ["sales-clean-small.xlsx", "en"],
];

function ingested(sheets: RawSheet[]): IngestResult {
  const r = ingest(sheets);
  if ("kind" in r) throw new Error(`ingest failed: ${r.messageKey}`);
  return r;
}

/** The sales sheet with the deals as rows right under the header, written as a user would type them. */
function withDeals(
  sheets: RawSheet[],
  ing: IngestResult,
  rep: ScoredRep,
  deals: HypotheticalDeal[],
  lang: "en" | "zh",
) {
  const { sheet, columns, headerRow } = ing.mapping;
  return sheets.map((s) => {
    if (s.name !== sheet) return s;
    const first = s.firstRow ?? 1;
    const firstCol = s.firstCol ?? 0;
    const at = headerRow - first + 1;
    const width = s.values[at - 1].length;
    const rows = deals.map((d) => {
      const row: RawCell[] = new Array(width).fill(null);
      const put = (col: number | undefined, v: RawCell) => {
        if (col !== undefined) row[col - firstCol] = v;
      };
      put(columns.date, d.dateSerial);
      put(columns.rep, rep.rep);
      put(columns.team, rep.team);
      put(columns.amount, d.amount);
      put(columns.customer, d.customer);
      put(columns.newCustomer, d.newCustomer ? (lang === "zh" ? "是" : "Yes") : lang === "zh" ? "否" : "No");
      return row;
    });
    const values = [...s.values.slice(0, at), ...rows, ...s.values.slice(at)];
    const numberFormats = s.numberFormats && [
      ...s.numberFormats.slice(0, at),
      ...rows.map(() => s.numberFormats![at]),
      ...s.numberFormats.slice(at),
    ];
    return { ...s, values, numberFormats };
  });
}

interface Rerun {
  /** Exact, from the scoring the report is built on. */
  rep: ScoredRep;
  /** As the new Scorecard tab shows them (cached values of its formulas). */
  cells: { score: unknown; rank: unknown; status: unknown; bonus: unknown };
}

/** Cleans the changed sheets and builds the report again, for the same period. */
function rerun(sheets: RawSheet[], plan: Plan, lang: "en" | "zh", period: string, rep: string): Rerun {
  const ing = ingested(sheets);
  const report = buildReport(ing, plan, { lang, period });
  const scorecard = report.sheets.find((s) => s.key === "scorecard")!;
  const C = scorecardCols(plan.kpis.length);
  const row = scorecard.rows.find((r) => r[0]?.v === rep)!;
  const cells = { score: row[C.score]?.v, rank: row[C.rank]?.v, status: row[C.status]?.v, bonus: row[C.bonus]?.v };
  const scored = scorePeriod(ing, plan, { period }).reps.find((r) => r.rep === rep)!;
  return { rep: scored, cells };
}

function expectSame(after: ScoredRep, again: Rerun, lang: "en" | "zh"): void {
  // Exact decimals: the same score, factor and bonus to the last digit.
  expect(again.rep.score.toString()).toBe(after.score.toString());
  expect(again.rep.payout.toFixed(2)).toBe(after.payout.toFixed(2));
  expect(again.rep.factor.toString()).toBe(after.factor.toString());
  expect(again.rep.rank).toBe(after.rank);
  expect(again.rep.status).toBe(after.status);
  expect(again.rep.kpis.map((k) => k.actual?.toString() ?? null)).toEqual(
    after.kpis.map((k) => k.actual?.toString() ?? null),
  );
  // And the tab the manager reads.
  expect(again.cells).toEqual({
    score: after.score.toNumber(),
    rank: after.rank,
    status: statusText(lang, after.status),
    bonus: after.payout.toNumber(),
  });
}

function reaches(point: PayoutPoint, r: ScoredRep): boolean {
  if (point.kind === "top") return r.status === "top";
  if (point.kind === "leave") return r.status !== "coaching";
  return r.score.gte(point.score);
}

describe.each(SAMPLE_FILES)("%s: what-if agrees with a re-run of the report", (file, lang) => {
  let sheets: RawSheet[];
  let ing: IngestResult;
  let plan: Plan;
  let base: WhatIfBaseline;
  let picked: ScoredRep[];
  /** Numbers for the final report of the test run. */
  const compared: string[] = [];

  beforeAll(async () => {
    sheets = await readXlsx(`${SAMPLES}/${file}`);
    ing = ingested(sheets);
    plan = defaultPlan(lang);
    base = whatIfBaseline(ing, plan);
    const reps = base.scored.reps;
    // The bottom (Coaching) reps, one from the middle and the first: every status and both ends of the ranking.
    const idx = new Set([reps.length - 1, reps.length - 2, reps.length - 3, Math.floor(reps.length / 2), 0]);
    picked = [...idx].filter((i) => i >= 0).map((i) => reps[i]);
  });

  afterAll(() => {
    if (process.env.SALESPERF_WHATIF_LOG) console.log(`${file}\n${compared.join("\n")}`);
  });

  it("no change is the report itself", () => {
    for (const r of picked) {
      const w = whatIf(base, r.rep)!;
      expect(w.after.score.toString()).toBe(r.score.toString());
      expect([w.after.rank, w.after.status, w.after.payout.toString()]).toEqual([
        r.rank,
        r.status,
        r.payout.toString(),
      ]);
    }
  });

  it("a hypothetical deal (and a deal with a return) gives the re-run's score, rank, status and bonus", () => {
    const { startSerial, endSerial } = base.scored.range;
    for (const r of picked) {
      const samples: HypotheticalDeal[][] = [
        [{ amount: 12345.67, dateSerial: endSerial, newCustomer: true, customer: "What-if customer 1" }],
        [
          { amount: 48000, dateSerial: startSerial, newCustomer: false, customer: null },
          { amount: -500.5, dateSerial: startSerial + 20, newCustomer: true, customer: "What-if customer 2" },
        ],
      ];
      for (const deals of samples) {
        const w = whatIf(base, r.rep, { deals })!;
        const again = rerun(withDeals(sheets, ing, r, deals, lang), plan, lang, base.scored.period, r.rep);
        expectSame(w.after, again, lang);
        compared.push(
          `${r.rep}: +${deals.map((d) => d.amount).join(" / ")} → score ${w.after.score.toFixed(6)} ` +
            `rank ${r.rank}→${w.after.rank} status ${r.status}→${w.after.status} bonus ${r.payout.toFixed(2)}→${w.after.payout.toFixed(2)}`,
        );
      }
    }
  });

  it("the revenue or new customers to each payout point reach it in the re-run; a step less does not", () => {
    // The KPIs a deal can move: revenue (one deal of the amount) and new customers (that many deals of 0 flagged new).
    const dealsFor = (k: number, change: Decimal): HypotheticalDeal[] => {
      const dateSerial = base.scored.range.endSerial;
      if (k === 0) return [{ amount: change.toNumber(), dateSerial, newCustomer: false, customer: null }];
      return Array.from({ length: change.toNumber() }, (_, i) => ({
        amount: 0,
        dateSerial,
        newCustomer: true,
        customer: `What-if new ${i + 1}`,
      }));
    };
    let checked = 0;
    for (const r of picked) {
      const w = whatIf(base, r.rep)!;
      for (const point of w.next) {
        for (const k of [0, 1]) {
          const more = point.changes[k];
          if (more === null) continue;
          const step = kpiStep(plan.kpis[k], plan);
          for (const [change, reached] of [
            [more, true],
            [more.minus(step), false],
          ] as [Decimal, boolean][]) {
            const deals = dealsFor(k, change);
            const what = whatIf(base, r.rep, { deals })!;
            const again = rerun(withDeals(sheets, ing, r, deals, lang), plan, lang, base.scored.period, r.rep);
            expectSame(what.after, again, lang);
            expect(reaches(point, again.rep)).toBe(reached);
            checked++;
          }
          compared.push(
            `${r.rep}: ${point.kind} at score ${point.score.toFixed(4)} needs +${more.toFixed()} ${plan.kpis[k].name}`,
          );
        }
      }
    }
    expect(checked).toBeGreaterThan(4);
  });

  it("with a KPI scored on the team's total, a deal still gives the re-run's numbers", () => {
    // Scored on the team (docs/reference/coaching.md): a rep's deal moves the whole team's attainment, and what-if
    // moves the team's totals and every teammate's score with it.
    const teamPlan: Plan = { ...plan, kpis: plan.kpis.map((k, i) => (i === 1 ? { ...k, scope: "team" } : k)) };
    const teamBase = whatIfBaseline(ing, teamPlan);
    const deal = {
      amount: 30000,
      dateSerial: base.scored.range.endSerial,
      newCustomer: true,
      customer: "What-if team",
    };
    for (const r of picked) {
      const w = whatIf(teamBase, r.rep, { deals: [deal] })!;
      const again = rerun(withDeals(sheets, ing, r, [deal], lang), teamPlan, lang, base.scored.period, r.rep);
      expectSame(w.after, again, lang);
    }
  });

  it("a typed actual is the same as data changed to give it", () => {
    const newCustomers = 1;
    for (const r of picked) {
      const revenue = r.kpis[0].actual!;
      const typed = whatIf(base, r.rep, { actuals: [revenue.plus("9999.99"), null, null, null] })!;
      const dealt = whatIf(base, r.rep, {
        deals: [{ amount: 9999.99, dateSerial: base.scored.range.endSerial, newCustomer: false, customer: null }],
      })!;
      expect(typed.after.score.toString()).toBe(dealt.after.score.toString());
      expect([typed.after.rank, typed.after.payout.toString()]).toEqual([
        dealt.after.rank,
        dealt.after.payout.toString(),
      ]);
      // Three more new customers: three deals of 0 flagged new (revenue and satisfaction do not move).
      const count = r.kpis[newCustomers].actual!;
      const three = whatIf(base, r.rep, { actuals: [null, count.plus(3), null, null] })!;
      const deals = [1, 2, 3].map((i) => ({
        amount: 0,
        dateSerial: base.scored.range.startSerial,
        newCustomer: true,
        customer: `What-if new ${i}`,
      }));
      const again = rerun(withDeals(sheets, ing, r, deals, lang), plan, lang, base.scored.period, r.rep);
      expectSame(three.after, again, lang);
    }
  });

  it("the change to each point is one KPI at a time, in the KPI's unit", () => {
    for (const r of picked) {
      const w = whatIf(base, r.rep)!;
      for (const point of w.next) {
        point.changes.forEach((c, k) => {
          if (c === null) return;
          const step = kpiStep(plan.kpis[k], plan);
          expect(c.mod(step).isZero()).toBe(true);
          const actuals = plan.kpis.map((_, i) => (i === k ? w.after.kpis[k].actual!.plus(c) : null));
          expect(reaches(point, whatIf(base, r.rep, { actuals })!.after)).toBe(true);
        });
      }
    }
  });
});

describe("payout points", () => {
  it("below the threshold: the threshold, out of the bottom group, Top and the next curve point, nearest first", async () => {
    const sheets = await readXlsx(`${SAMPLES}/sales-en.xlsx`);
    const plan = defaultPlan("en");
    const base = whatIfBaseline(ingested(sheets), plan);
    const last = base.scored.reps[base.scored.reps.length - 1];
    // A large return drives the last rep's revenue down, below the threshold.
    const w = whatIf(base, last.rep, { actuals: [dec(0), null, null, null] })!;
    expect(w.after.score.lt(0.6)).toBe(true);
    expect(w.after.payout.toString()).toBe("0");
    const reps = base.scored.reps;
    expect(w.next.map((p) => p.kind)).toEqual(["threshold", "leave", "top", "curve"]);
    expect(w.next[0].payout!.toFixed(2)).toBe("1500.00"); // 5000 × curve(0.6) = 5000 × 0.3
    // Out of the bottom 3 of 10: pass the rep ranked 7th (the others' 7th, the rep itself being last).
    expect([w.next[1].rival, w.next[1].score]).toEqual([reps[6].rep, reps[6].score]);
    expect(w.next[2].rival).toBe(reps[plan.ranking.top - 1].rep);
    expect(w.next[3].score.toString()).toBe("1");
    // Revenue from 0: the threshold needs revenue worth (0.6 − score) × 100 % / 40 % of its target.
    const t = w.after.kpis[0].target!;
    const exact = dec(0.6).minus(w.after.score).div(0.4).times(t);
    expect(w.next[0].changes[0]!.toFixed(2)).toBe(exact.toDecimalPlaces(2, Decimal.ROUND_UP).toFixed(2));
  });

  it("Top N as a share of the team (20% of 10 reps is 2): the rep to pass is the second", async () => {
    const sheets = await readXlsx(`${SAMPLES}/sales-en.xlsx`);
    const plan: Plan = { ...defaultPlan("en"), ranking: { top: 0.2, bottom: 0.2 } };
    const base = whatIfBaseline(ingested(sheets), plan);
    expect(base.scored.reps).toHaveLength(10);
    const last = base.scored.reps[base.scored.reps.length - 1];
    const w = whatIf(base, last.rep)!;
    expect(w.next.find((p) => p.kind === "top")!.rival).toBe(base.scored.reps[1].rep);
  });

  it("a Top rep has no Top point; a point no KPI alone reaches is listed without a change", async () => {
    const sheets = await readXlsx(`${SAMPLES}/sales-en.xlsx`);
    const plan = defaultPlan("en");
    const base = whatIfBaseline(ingested(sheets), plan);
    const first = base.scored.reps[0];
    // Every KPI far above its target: the score is the caps' weighted sum, 141.75 %, short of the last point (150 %).
    const w = whatIf(base, first.rep, { actuals: first.kpis.map((k) => k.actual!.times(10)) })!;
    expect(w.after.score.toString()).toBe("1.4175");
    expect(w.after.status).toBe("top");
    expect(w.next.map((p) => [p.kind, p.score.toString(), p.payout!.toFixed(2)])).toEqual([
      ["curve", "1.5", "10000.00"],
    ]);
    expect(w.next[0].changes).toEqual([null, null, null, null]);
  });

  it("a deal outside the scored period is refused (it would count in another period)", async () => {
    const sheets = await readXlsx(`${SAMPLES}/sales-en.xlsx`);
    const base = whatIfBaseline(ingested(sheets), defaultPlan("en"));
    const rep = base.scored.reps[0].rep;
    const deal = { amount: 1, dateSerial: base.scored.range.startSerial - 1, newCustomer: false, customer: null };
    expect(() => whatIf(base, rep, { deals: [deal] })).toThrow(RangeError);
  });
});
