/**
 * Period keys (docs/reference/plan.md, cli.md `--period`): "2026-03" a month, "2026-Q1" a quarter,
 * "2026" a year. Keys are normalised ("2026-3" → "2026-03", "2026-q1" → "2026-Q1").
 */
import type { PeriodKind } from "./types";

export function parsePeriodArg(arg: string): { kind: PeriodKind; key: string } | null {
  const text = arg.normalize("NFKC").trim();
  let m = /^(\d{4})$/.exec(text);
  if (m) return validYear(m[1]) ? { kind: "year", key: m[1] } : null;
  m = /^(\d{4})-?[Qq]([1-4])$/.exec(text);
  if (m) return validYear(m[1]) ? { kind: "quarter", key: `${m[1]}-Q${m[2]}` } : null;
  m = /^(\d{4})[-/](\d{1,2})$/.exec(text);
  if (m) {
    const month = Number(m[2]);
    if (!validYear(m[1]) || month < 1 || month > 12) return null;
    return { kind: "month", key: `${m[1]}-${String(month).padStart(2, "0")}` };
  }
  return null;
}

/** Excel's dates run from 1900 to 9999. */
function validYear(year: string): boolean {
  const y = Number(year);
  return y >= 1900 && y <= 9999;
}
