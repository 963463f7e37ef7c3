/**
 * The review streak on the Plan sheet (docs/reference/plan.md "Streak rule"): a section under the payout curve,
 * written only when the plan has a rule, with three labelled rows — the KPI, what it is tested on (growth or
 * attainment) and the value to reach. readPlanSheet finds them by label (either language), so a manager can type the
 * section into an existing Plan sheet; clearing the three values drops the rule.
 */
import { t } from "../i18n/index";
import type { RawCell } from "../ingest/types";
import { cellAddress } from "../sheet";
import { cellNumber, cellText, isBlank, percentFormat } from "./cells";
import type { StreakRule } from "./types";
import { choiceList, normaliseWord, parseStreakTest, streakTestWord, type Lang } from "./vocab";

/** The section's label and its three rows' labels, in order (catalogue keys, src/i18n/catalogues/cycle.ts). */
export const STREAK_SECTION = "planSectionStreak";
const STREAK_ROWS = { kpi: "planStreakKpi", of: "planStreakOf", atLeast: "planStreakAtLeast" } as const;
type StreakRowKey = keyof typeof STREAK_ROWS;

const LABELS = new Map<string, { key: string; lang: Lang }>();
for (const lang of ["en", "zh"] as const) {
  for (const key of [STREAK_SECTION, ...Object.values(STREAK_ROWS)])
    LABELS.set(normaliseWord(t(lang, key)), { key, lang });
}

/** The catalogue key of a streak label in column A (normalised text), or null. */
export function streakLabel(normalised: string): string | null {
  return LABELS.get(normalised)?.key ?? null;
}

/** Absolute addresses of the rule's value cells ("$B$34"), for formulas on other tabs. */
export interface StreakCells {
  kpi: string;
  of: string;
  atLeast: string;
}

type Value = string | number | boolean | null;

/**
 * Write the section from 0-based row `first`: the section label with its hint in C, then the three rows (label in A,
 * value in B). Returns the value cells and the rows used.
 */
export function writeStreakSection(
  rule: StreakRule,
  lang: Lang,
  first: number,
  set: (r: number, c: number, v: Value, fmt?: string | null) => void,
): { cells: StreakCells; headerRow: number; hint: { row: number; col: number } } {
  set(first, 0, t(lang, STREAK_SECTION));
  set(first, 2, t(lang, "planHintStreak"));
  set(first + 1, 0, t(lang, STREAK_ROWS.kpi));
  set(first + 1, 1, rule.kpi, "@");
  set(first + 2, 0, t(lang, STREAK_ROWS.of));
  set(first + 2, 1, streakTestWord(rule.of, lang), "@");
  set(first + 3, 0, t(lang, STREAK_ROWS.atLeast));
  set(first + 3, 1, rule.atLeast, percentFormat(rule.atLeast));
  return {
    cells: {
      kpi: cellAddress(first + 1, 1, true),
      of: cellAddress(first + 2, 1, true),
      atLeast: cellAddress(first + 3, 1, true),
    },
    headerRow: first,
    hint: { row: first, col: 2 },
  };
}

/** Where each streak row was found on a sheet being read (0-based rows). */
export type StreakRowsFound = Partial<Record<StreakRowKey, number>>;

/** Record a labelled row of column A while readPlanSheet scans the sheet; true when it is one of the streak's. */
export function noteStreakRow(found: StreakRowsFound, normalised: string, r: number): boolean {
  const key = streakLabel(normalised);
  if (key === null) return false;
  for (const [row, k] of Object.entries(STREAK_ROWS) as [StreakRowKey, string][]) {
    if (k === key && found[row] === undefined) found[row] = r;
  }
  return true;
}

/**
 * The rule from the rows found: none when no row has a value; otherwise each value read, a blank or unreadable one
 * reported on its cell. The KPI's name and the value's range are validatePlan's (it names the same cells).
 */
export function readStreakRows(
  found: StreakRowsFound,
  at: (r: number, c: number) => RawCell,
  lang: Lang,
  fail: (r: number, c: number, messageKey: string, params: Record<string, string | number>) => void,
  missingLabel: (label: string) => void,
): { rule: StreakRule; cells: Partial<Record<StreakRowKey, [number, number]>> } | undefined {
  const rows = Object.entries(found) as [StreakRowKey, number][];
  if (rows.every(([, r]) => isBlank(at(r, 1)))) return undefined;
  const field = (key: StreakRowKey): string => streakTerm(key, lang);
  const cells: Partial<Record<StreakRowKey, [number, number]>> = {};
  const rule: StreakRule = { kpi: "", of: "growth", atLeast: 0 };
  for (const key of Object.keys(STREAK_ROWS) as StreakRowKey[]) {
    const r = found[key];
    if (r === undefined) {
      missingLabel(t(lang, STREAK_ROWS[key]));
      continue;
    }
    cells[key] = [r, 1];
    const cell = at(r, 1);
    if (isBlank(cell)) {
      fail(r, 1, "planRequired", { field: field(key) });
      continue;
    }
    if (key === "kpi") rule.kpi = cellText(cell);
    else if (key === "of") {
      const of = parseStreakTest(cellText(cell));
      if (of) rule.of = of;
      else
        fail(r, 1, "planBadChoice", {
          field: field(key),
          value: cellText(cell),
          allowed: choiceList("streakTest", lang),
        });
    } else {
      const n = cellNumber(cell);
      if (n.ok) rule.atLeast = n.value;
      else fail(r, 1, n.messageKey, { field: field(key), value: cellText(cell) });
    }
  }
  return { rule, cells };
}

/** How an error names a streak row: its label, lower-cased in English as the Plan sheet's other fields are. */
export function streakTerm(key: StreakRowKey, lang: Lang): string {
  const s = t(lang, STREAK_ROWS[key]);
  return lang === "en" ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** The plan KPI the streak rule names (ignoring case, as validatePlan matches it), or -1 without a rule. */
export function streakKpiIndex(plan: { kpis: { name: string }[]; streak?: StreakRule }): number {
  const rule = plan.streak;
  if (!rule) return -1;
  const key = normaliseWord(rule.kpi);
  return plan.kpis.findIndex((k) => normaliseWord(k.name) === key);
}
