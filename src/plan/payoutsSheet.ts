/**
 * The Plan sheet's Payouts section (docs/reference/payouts.md, plan.md): adjustment policy, clawback cap, draw,
 * recoverable, recovery cap and who gets the draw — one labelled row each, value in column B, hint in column C.
 * Written after the payout curve only when the plan has payout settings, so a plan without them keeps today's sheet;
 * read back by its labels (either language) wherever they are in column A, so a user can also type the rows in.
 */
import { payoutsMessages } from "../i18n/catalogues/payouts";
import type { RawCell } from "../ingest/types";
import { cellAddress } from "../sheet";
import { cellNumber, cellText, currencyNumberFormat, isBlank } from "./cells";
import type { Plan, PayoutSettings } from "./types";
import {
  adjustmentPolicyWord,
  choiceList,
  drawForWord,
  normaliseWord,
  parseAdjustmentPolicy,
  parseDrawFor,
  parseYesNo,
  yesNoWord,
  type Lang,
} from "./vocab";

type Value = string | number | boolean | null;
export type PayoutField = keyof PayoutSettings;

/** The section's rows in order: field, label key, hint key. */
export const PAYOUT_ROWS: readonly { field: PayoutField; label: string; hint: string }[] = [
  { field: "adjustments", label: "planLabelAdjustments", hint: "planHintAdjustments" },
  { field: "clawbackCap", label: "planLabelClawbackCap", hint: "planHintClawbackCap" },
  { field: "draw", label: "planLabelDraw", hint: "planHintDraw" },
  { field: "drawRecoverable", label: "planLabelDrawRecoverable", hint: "planHintDrawRecoverable" },
  { field: "recoveryCap", label: "planLabelRecoveryCap", hint: "planHintRecoveryCap" },
  { field: "drawFor", label: "planLabelDrawFor", hint: "planHintDrawFor" },
];

/** Plan settings absent from a plan: differences reported only, no cap, no draw (today's payouts). */
export function defaultPayouts(): PayoutSettings {
  return {
    adjustments: "report",
    clawbackCap: null,
    draw: null,
    drawRecoverable: false,
    recoveryCap: null,
    drawFor: "everyone",
  };
}

const label = (lang: Lang, key: string): string => payoutsMessages[lang][key] ?? key;

/** Absolute addresses ("$B$32") of the section's value cells, for the Bonus tab's formulas. */
export type PayoutCells = Record<PayoutField, string>;

/**
 * Write the section from 0-based `top` (its title row) with `set(row, col, value, format)`; returns the value cells,
 * or null when the plan has no payout settings (nothing written).
 */
export function writePayoutsSection(
  plan: Plan,
  lang: Lang,
  top: number,
  set: (r: number, c: number, v: Value, fmt?: string | null) => void,
  marks: { headerRows: number[]; hints: { row: number; col: number }[] },
): PayoutCells | null {
  const p = plan.payouts;
  if (!p) return null;
  const money = currencyNumberFormat(plan.currency, plan.currencyDecimals);
  set(top, 0, label(lang, "planSectionPayouts"));
  set(top, 2, label(lang, "planHintPayouts"));
  marks.headerRows.push(top);
  marks.hints.push({ row: top, col: 2 });
  const value: Record<PayoutField, [Value, string | null]> = {
    adjustments: [adjustmentPolicyWord(p.adjustments, lang), "@"],
    clawbackCap: [p.clawbackCap, money],
    draw: [p.draw, money],
    drawRecoverable: [yesNoWord(p.drawRecoverable, lang), "@"],
    recoveryCap: [p.recoveryCap, money],
    drawFor: [drawForWord(p.drawFor, lang), "@"],
  };
  const cells = {} as PayoutCells;
  PAYOUT_ROWS.forEach((row, i) => {
    const r = top + 1 + i;
    set(r, 0, label(lang, row.label));
    set(r, 1, value[row.field][0], value[row.field][1]);
    set(r, 2, label(lang, row.hint));
    marks.hints.push({ row: r, col: 2 });
    cells[row.field] = cellAddress(r, 1, true);
  });
  return cells;
}

const LABELS = new Map<string, PayoutField>();
for (const lang of ["en", "zh"] as const)
  for (const row of PAYOUT_ROWS) LABELS.set(normaliseWord(label(lang, row.label)), row.field);

/** The section title or one of its labels, in either language: where the payout curve's table above it ends. */
export function isPayoutsLabel(text: string): boolean {
  const key = normaliseWord(text);
  return (
    LABELS.has(key) ||
    key === normaliseWord(label("en", "planSectionPayouts")) ||
    key === normaliseWord(label("zh", "planSectionPayouts"))
  );
}

export interface PayoutsRead {
  /** undefined when no Payouts row is on the sheet. */
  payouts?: PayoutSettings;
  /** 0-based [row, col] of each value cell found, for the validation's locator. */
  cells: Partial<Record<PayoutField, [number, number]>>;
}

/**
 * Read the Payouts rows found by label in column A. A blank value is the default (report only, no cap, no draw, not
 * recoverable, every rep); a value that cannot be read is reported by `fail` at its cell.
 */
export function readPayoutsSection(
  values: RawCell[][],
  lang: Lang,
  fail: (r: number, c: number, messageKey: string, params: Record<string, string | number>) => void,
  term: (text: string) => string,
): PayoutsRead {
  const found = new Map<PayoutField, number>();
  values.forEach((row, r) => {
    const f = LABELS.get(normaliseWord(cellText(row?.[0])));
    if (f && !found.has(f)) found.set(f, r);
  });
  if (found.size === 0) return { cells: {} };
  const p = defaultPayouts();
  const cells: PayoutsRead["cells"] = {};
  for (const [field, r] of found) {
    cells[field] = [r, 1];
    const cell: RawCell = values[r]?.[1] ?? null;
    if (isBlank(cell)) continue;
    const fieldTerm = term(cellText(values[r][0]));
    const text = cellText(cell);
    const badChoice = (kind: Parameters<typeof choiceList>[0]) =>
      fail(r, 1, "planBadChoice", { field: fieldTerm, value: text, allowed: choiceList(kind, lang) });
    if (field === "adjustments") {
      const v = parseAdjustmentPolicy(text);
      if (v) p.adjustments = v;
      else badChoice("adjustmentPolicy");
    } else if (field === "drawFor") {
      const v = parseDrawFor(text);
      if (v) p.drawFor = v;
      else badChoice("drawFor");
    } else if (field === "drawRecoverable") {
      const v = typeof cell === "boolean" ? (cell ? "yes" : "no") : parseYesNo(text);
      if (v) p.drawRecoverable = v === "yes";
      else fail(r, 1, "planMustBeYesNo", { field: fieldTerm });
    } else {
      const n = cellNumber(cell);
      if (n.ok) p[field] = n.value;
      else fail(r, 1, n.messageKey, { field: fieldTerm, value: text });
    }
  }
  return { payouts: p, cells };
}
