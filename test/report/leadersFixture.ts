/**
 * Two teams under a parent team, split deals (docs/reference/leaders.md): North (Alice, Bob) and South (Carol, Dan)
 * under Sales. D2 is split 50 / 50 in North, D3 credits both North reps in full (an overlay), D4 is split between Bob
 * (North) and Carol (South), D6 credits Carol and Dan 60 % each (120 %), and one row of Dan's has no deal id.
 */
import type { RawCell, RawSheet } from "../../src/ingest/types";
import { defaultPlan, type Plan } from "../../src/plan/index";
import { ingestOf, serial, type RowSpec } from "./fixtures";

export const TEAMS_SHEET: RawCell[][] = [
  ["Team", "Leader", "Parent team"],
  ["Sales", "Maya", null],
  ["North", "Nora", "Sales"],
  ["South", "Sam", "Sales"],
];

/** One credited row: the rep's share of a deal (amount = deal amount × split). */
interface Credit {
  rep: string;
  team: string;
  deal: string | null;
  dealAmount: number;
  split: number;
}

const CREDITS: Credit[] = [
  { rep: "Alice", team: "North", deal: "D1", dealAmount: 10000, split: 1 },
  { rep: "Alice", team: "North", deal: "D2", dealAmount: 8000, split: 0.5 },
  { rep: "Bob", team: "North", deal: "D2", dealAmount: 8000, split: 0.5 },
  { rep: "Alice", team: "North", deal: "D3", dealAmount: 6000, split: 1 },
  { rep: "Bob", team: "North", deal: "D3", dealAmount: 6000, split: 1 },
  { rep: "Bob", team: "North", deal: "D4", dealAmount: 12000, split: 0.5 },
  { rep: "Carol", team: "South", deal: "D4", dealAmount: 12000, split: 0.5 },
  { rep: "Dan", team: "South", deal: "D5", dealAmount: 5000, split: 1 },
  { rep: "Carol", team: "South", deal: "D6", dealAmount: 9000, split: 0.6 },
  { rep: "Dan", team: "South", deal: "D6", dealAmount: 9000, split: 0.6 },
  { rep: "Dan", team: "South", deal: null, dealAmount: 3000, split: 1 },
];

/** The sales rows of 2026-Q2 as split-credit ingest makes them, plus a Q1 deal of Alice's that is not scored. */
export function leadersIngest() {
  const specs: RowSpec[] = CREDITS.map((c, i) => ({
    rep: c.rep,
    team: c.team,
    date: `2026-05-${String(i + 1).padStart(2, "0")}`,
    amount: c.dealAmount * c.split,
    customer: `Customer ${i + 1}`,
  }));
  specs.push({ rep: "Alice", team: "North", date: "2026-03-15", amount: 50000, customer: "Old" });
  const ingest = ingestOf(specs);
  CREDITS.forEach((c, i) => {
    const row = ingest.rows[i];
    row.dealId = c.deal;
    row.credit = { dealAmount: c.dealAmount, split: String(c.split), names: 1, place: 0, firstNamed: true };
  });
  return ingest;
}

/** Revenue (60 %, 20,000 per rep) and Deals (40 %, 3 per rep: a count of the customer column); the factor is the score. */
export function leadersPlan(): Plan {
  const p = defaultPlan("en");
  p.scoredPeriod = "2026-Q2";
  p.kpis = [
    { ...p.kpis[0], name: "Revenue", target: { kind: "fixed", value: 20000 }, weight: 0.6 },
    {
      ...p.kpis[0],
      name: "Deals",
      measure: { field: "customer", header: null },
      aggregate: "count",
      target: { kind: "fixed", value: 3 },
      weight: 0.4,
    },
  ];
  p.bonus = { targetBonus: 10000, curve: null, threshold: 0, cap: null };
  return p;
}

/**
 * The same deals as a workbook a CRM exports (Deal ID, Split % columns) with its Teams sheet, plus a row of South's
 * whose rep cell names two reps ("Carol / Dan", 4,000, no deal id): one deal, each credited 2,000.
 */
export function leadersWorkbook(): RawSheet[] {
  const sales: RawCell[][] = [["Deal ID", "Close Date", "Sales Rep", "Team", "Amount", "Split %", "Customer"]];
  CREDITS.forEach((c, i) =>
    sales.push([
      c.deal,
      serial(`2026-05-${String(i + 1).padStart(2, "0")}`),
      c.rep,
      c.team,
      c.dealAmount,
      c.split,
      `Customer ${i + 1}`,
    ]),
  );
  sales.push([null, serial("2026-05-20"), "Carol / Dan", "South", 4000, null, "Customer 12"]);
  sales.push(["D0", serial("2026-03-15"), "Alice", "North", 50000, 1, "Old"]);
  return [
    { name: "Sales", values: sales },
    { name: "Teams", values: TEAMS_SHEET },
  ];
}
