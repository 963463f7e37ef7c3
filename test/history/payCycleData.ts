/** The pay cycle scenario's sales (docs/reference/history.md), shared by the pane's tests. */
import type { SeedSheet } from "../fakes/excelFake";
import { serialOfDay } from "../../src/sheet";

/** Four reps over 2025-Q4 and 2026-Q1 (the CLI scenario's data); Dan has a return in Q4. */
export function payCycleSales(): SeedSheet {
  const values: (string | number | null)[][] = [["Rep", "Team", "Date", "Amount", "New customer"]];
  const reps: [string, string, number][] = [
    ["Ann", "East", 1200],
    ["Ben", "East", 900],
    ["Cat", "West", 1500],
    ["Dan", "West", 600],
  ];
  for (const m of [10, 11, 12])
    for (const [rep, team, a] of reps) values.push([rep, team, serialOfDay(2025, m, 10), a * 10, "yes"]);
  values.push(["Dan", "West", serialOfDay(2025, 12, 20), -400, "no"]);
  for (const m of [1, 2, 3])
    for (const [rep, team, a] of reps) values.push([rep, team, serialOfDay(2026, m, 12), a * 11, "no"]);
  return { name: "Sales", values, numberFormats: values.map((_, i) => (i === 0 ? [] : [null, null, "yyyy-mm-dd"])) };
}
