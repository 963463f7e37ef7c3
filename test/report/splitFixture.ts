/** A CRM split export and its hand calculation (docs/reference/input.md "Split credit"), for the report and CLI tests. */
import type { RawCell } from "../../src/ingest/types";
import { serial } from "./fixtures";

/**
 * A CRM split export of 2026-Q2: one row per rep per deal, the deal's amount on each row. D-104 is one row naming two
 * reps; D-105's splits add up to 70 % only.
 */
export const SPLIT_EXPORT: RawCell[][] = [
  ["Deal ID", "Close Date", "Sales Rep", "Amount", "Split %", "New Customer"],
  ["D-101", serial("2026-04-10"), "Alice Chen", 12000, 0.6, "Yes"],
  ["D-101", serial("2026-04-10"), "Bob Martin", 12000, 0.4, "Yes"],
  ["D-102", serial("2026-05-03"), "Bob Martin", 5000, null, "No"],
  ["D-103", serial("2026-05-20"), "Carol Li", 8000, 0.5, "Yes"],
  ["D-103", serial("2026-05-20"), "Alice Chen", 8000, 0.25, "Yes"],
  ["D-103", serial("2026-05-20"), "Bob Martin", 8000, 0.25, "Yes"],
  ["D-104", serial("2026-06-02"), "Carol Li / Dan Wu", 3000, null, "No"],
  ["D-105", serial("2026-06-15"), "Dan Wu", 4000, 0.7, "Yes"],
];

/**
 * The hand calculation (amount × split; a blank split is 100 %; a shared cell splits equally):
 *   Alice  12000 × 60 % + 8000 × 25 %                 = 7200 + 2000        =  9200
 *   Bob    12000 × 40 % + 5000 × 100 % + 8000 × 25 %  = 4800 + 5000 + 2000 = 11800
 *   Carol   8000 × 50 % + 3000 ÷ 2                    = 4000 + 1500        =  5500
 *   Dan     3000 ÷ 2    + 4000 × 70 %                 = 1500 + 2800        =  4300
 * Credited in all 30800: the deals' 32000 less D-105's 30 % (1200) credited to no one.
 */
export const REVENUE = { "Alice Chen": "9200", "Bob Martin": "11800", "Carol Li": "5500", "Dan Wu": "4300" };
/**
 * Deals (count distinct Deal IDs) and new customers (count of yes):
 *   every credited rep: Alice D-101 D-103 (2; yes 2), Bob D-101 D-102 D-103 (3; yes 2), Carol D-103 D-104 (2; yes 1),
 *                       Dan D-104 D-105 (2; yes 1)
 *   first-named only:   D-101 Alice, D-102 Bob, D-103 Carol, D-104 Carol (first in the cell), D-105 Dan
 *                       → Alice 1 (yes 1), Bob 1 (yes 0), Carol 2 (yes 1), Dan 1 (yes 1)
 */
export const DEALS_EVERY = { "Alice Chen": "2", "Bob Martin": "3", "Carol Li": "2", "Dan Wu": "2" };
export const NEW_EVERY = { "Alice Chen": "2", "Bob Martin": "2", "Carol Li": "1", "Dan Wu": "1" };
export const DEALS_FIRST = { "Alice Chen": "1", "Bob Martin": "1", "Carol Li": "2", "Dan Wu": "1" };
export const NEW_FIRST = { "Alice Chen": "1", "Bob Martin": "0", "Carol Li": "1", "Dan Wu": "1" };

export function splitPlanJson(count?: "every" | "first", lang: "en" | "zh" = "en"): unknown {
  const [revenue, deals, newCustomers] =
    lang === "en" ? ["Revenue", "Deals", "New customers"] : ["销售额", "订单数", "新客户"];
  return {
    period: "quarter",
    scoredPeriod: "2026-Q2",
    ...(count ? { splitDealCount: count } : {}),
    kpis: [
      { name: revenue, field: "amount", aggregate: "sum", target: 10000, weight: 0.5 },
      { name: deals, field: "deal", aggregate: "count_unique", target: 2, weight: 0.25 },
      { name: newCustomers, field: "newCustomer", aggregate: "count_true", target: 2, weight: 0.25 },
    ],
  };
}
