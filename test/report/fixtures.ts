/** Hand-made IngestResults for the report tests (docs/reference/input.md fields; dates as Excel serials). */
import { serialOfDay } from "../../src/sheet";
import type { ColumnMapping, DataIssue, IngestResult, SalesRow, StandardField } from "../../src/ingest/types";

export const COLUMNS: StandardField[] = [
  "rep",
  "team",
  "date",
  "amount",
  "customer",
  "newCustomer",
  "satisfaction",
  "behaviour",
];
const HEADERS = ["Rep", "Team", "Date", "Amount", "Customer", "New customer", "Satisfaction", "Manager rating"];

/** "2026-04-15" → Excel serial. */
export function serial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return serialOfDay(y, m, d);
}

export interface RowSpec {
  rep: string;
  team?: string | null;
  date: string;
  amount: number;
  newCustomer?: boolean | null;
  satisfaction?: number | null;
  behaviour?: number | null;
  customer?: string | null;
  extra?: Record<string, number | string | boolean | null>;
}

/** n identical-but-numbered rows of a rep (the first `trueCount` are new customers). */
export function repeat(n: number, spec: RowSpec, trueCount = 0): RowSpec[] {
  return Array.from({ length: n }, (_, i) => ({ ...spec, newCustomer: i < trueCount, customer: `C${i}` }));
}

export function ingestOf(
  specs: RowSpec[],
  opts: { drop?: StandardField[]; extraHeaders?: string[]; issues?: DataIssue[]; currency?: string | null } = {},
): IngestResult {
  const drop = new Set(opts.drop ?? []);
  const columns: ColumnMapping["columns"] = {};
  const headers: ColumnMapping["headers"] = [];
  COLUMNS.forEach((f, i) => {
    if (drop.has(f)) return;
    columns[f] = i;
    headers.push({ col: i, header: HEADERS[i] });
  });
  (opts.extraHeaders ?? []).forEach((h, i) => headers.push({ col: COLUMNS.length + i, header: h }));
  const rows: SalesRow[] = specs.map((s, i) => ({
    sheet: "Sales",
    sheetRow: i + 2,
    rep: s.rep,
    team: s.team === undefined ? "East" : s.team,
    dateSerial: serial(s.date),
    amount: s.amount,
    customer: s.customer ?? null,
    newCustomer: drop.has("newCustomer") ? null : (s.newCustomer ?? false),
    satisfaction: drop.has("satisfaction") ? null : (s.satisfaction ?? null),
    behaviour: drop.has("behaviour") ? null : (s.behaviour ?? null),
    extra: s.extra ?? {},
  }));
  let cents = 0;
  for (const r of rows) cents += Math.round(r.amount * 100);
  const amount = (cents / 100).toString();
  return {
    mapping: { sheet: "Sales", headerRow: 1, columns, headers },
    rows,
    excluded: [],
    measures: [],
    issues: opts.issues ?? [],
    reconciliation: {
      rowsRead: rows.length,
      rowsUsed: rows.length,
      rowsExcluded: 0,
      amountRead: amount,
      amountUsed: amount,
      amountExcluded: "0",
    },
    currencyGuess: opts.currency === undefined ? "USD" : opts.currency,
    satisfactionScale: "fraction",
  };
}

/**
 * The default-plan example, scored for 2026-Q2 (prior 2026-Q1), hand-computed:
 * - Alice: revenue 121000 vs 100000×1.1 → 1.1; new 33/60 → 0.55; satisfaction 0.99/0.9 → 1.1;
 *   rating 4.4/4 → 1.1; score 0.4·1.1+0.3·0.55+0.15·1.1+0.15·1.1 = 0.935;
 *   factor 0.3+(0.935−0.6)·0.7/0.4 = 0.88625 → 4431.25.
 * - Bob: revenue 330000 vs 220000 → 1.5 (cap 1.5); new 90/60 → 1.5; satisfaction 0.9 → 1;
 *   rating 5/4 → 1.25 (cap 1.25); score 0.6+0.45+0.15+0.1875 = 1.3875; factor 1+0.3875·2 = 1.775 → 8875.00.
 * - Carol: no Q1 rows → no revenue target (weights rescaled); new 6/60 → 0.1; 0.81/0.9 → 0.9;
 *   3.2/4 → 0.8; score (0.03+0.135+0.12)/0.6 = 0.475 < threshold 0.6 → 0.00.
 */
export function defaultExample(): RowSpec[] {
  return [
    { rep: "Alice", date: "2026-02-10", amount: 100000 },
    ...repeat(44, { rep: "Alice", date: "2026-05-10", amount: 2750, satisfaction: 0.99, behaviour: 4.4 }, 33),
    { rep: "Bob", team: "West", date: "2026-03-31", amount: 200000 },
    ...repeat(100, { rep: "Bob", team: "West", date: "2026-04-01", amount: 3300, satisfaction: 0.9, behaviour: 5 }, 90),
    ...repeat(10, { rep: "Carol", date: "2026-06-30", amount: 5000, satisfaction: 0.81, behaviour: 3.2 }, 6),
  ];
}

/** `n` reps ("Rep 001" …), rep i selling 1,000 + 100 × i a row in 2026-Q2 on top of an equal Q1, so ranks follow i. */
export function teamOf(n: number): RowSpec[] {
  const rows: RowSpec[] = [];
  for (let i = 0; i < n; i++) {
    const rep = `Rep ${String(i + 1).padStart(3, "0")}`;
    rows.push({ rep, date: "2026-02-10", amount: 10000 });
    rows.push(...repeat(10, { rep, date: "2026-05-10", amount: 1000 + 100 * i, satisfaction: 0.9, behaviour: 4 }, i));
  }
  return rows;
}
