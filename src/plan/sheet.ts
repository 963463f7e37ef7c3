/**
 * The Plan sheet (docs/reference/plan.md, tabs.md "Plan · 考核方案"): what a recipient reads and edits.
 * Fixed layout — labels in column A, setting values in column B, hints in column C; the
 * settings, bonus and ranking blocks come first so their cells never move, then the KPI
 * table (A–I) with its "Total weight" check row, and the payout curve (A–B). Other tabs'
 * formulas reference `cells`. readPlanSheet finds everything by label (English or Chinese),
 * so edited values, added KPI rows and curve points read back; the total row is skipped.
 */
import { planMessages } from "../i18n/catalogues/plan";
import { plansMessages } from "../i18n/catalogues/plans";
import { splitMessages } from "../i18n/catalogues/split";
import type { RawCell } from "../ingest/types";
import { cellAddress, columnLetters, parseRange, quoteSheetName, serialToYmd, sheetCellAddress } from "../sheet";
import { cellNumber, cellText, currencyNumberFormat, isBlank, percentFormat } from "./cells";
import { defaultBonus, defaultPlan } from "./defaults";
import { isPayoutsLabel, readPayoutsSection, writePayoutsSection, type PayoutCells } from "./payoutsSheet";
import { parsePeriodArg } from "./period";
import { planNameKey, plansOf } from "./plans";
import { isRankShare } from "./rankCut";
import {
  noteStreakRow,
  readStreakRows,
  streakTerm,
  writeStreakSection,
  type StreakCells,
  type StreakRowsFound,
} from "./streakSheet";
import type { Plan, PlanError, PlanKpi, PlanResult } from "./types";
import { validatePlanWith, weightTotal, type PlanFieldId, type PlanLocator } from "./validate";
import {
  aggregateWord,
  choiceList,
  coachingTabWord,
  directionWord,
  fieldWord,
  groupWord,
  kpiScopeWord,
  normaliseWord,
  parseAggregate,
  parseCoachingTab,
  parseDirection,
  parseSplitDealCount,
  parseFieldName,
  parseGroup,
  parseKpiScope,
  parsePeriodKind,
  parseTargetKind,
  periodWord,
  splitDealCountWord,
  targetKindWord,
  type Lang,
} from "./vocab";

type Value = string | number | boolean | null;

export interface PlanSheetLayout {
  /** The Plan tab's cells from A1 (title, notes, labels, values); every row has the same length.
   * A formula cell holds its cached value here (see `formulas`). */
  rows: Value[][];
  /** Formulas without the leading "=", same shape as rows; null = a plain value. Only the weight check has any. */
  formulas: (string | null)[][];
  /** Number formats, same shape as rows; null = General. */
  formats: (string | null)[][];
  /** 0-based rows to style as headers (section headers and table header rows). */
  headerRows: number[];
  /** 0-based row of the "Total weight" line under the KPI table (a total, not a KPI). */
  totalRow: number;
  /** 0-based row of the title (row 0) and of the note under it. */
  titleRow: number;
  noteRow: number;
  /** Suggested column widths in characters, A first. */
  columnWidths: number[];
  /** 0-based cells holding a hint (a sentence beside a setting or section): they run on over the empty cells to their right. */
  hints: { row: number; col: number }[];
  /**
   * Several plans (docs/reference/plan.md): each plan's name, value cells and "Total weight" row, first plan first
   * (its `cells` are `cells`). Absent with one plan.
   */
  plans?: { name: string; cells: PlanSheetLayout["cells"]; totalRow: number }[];
  /** Absolute addresses ("$C$5", no sheet name) of each VALUE cell, for formulas elsewhere (the first plan's). */
  cells: {
    period: string;
    scoredPeriod: string;
    currency: string;
    currencyDecimals: string;
    kpis: {
      name: string;
      measure: string;
      aggregate: string;
      targetKind: string;
      target: string;
      direction: string;
      weight: string;
      cap: string;
      group: string;
      scope: string;
      incentive: string;
    }[];
    /** The KPI weight column, "$G$21:$G$24". */
    weights: string;
    /** "=SUM(weights)" and the check beside it ("OK" at 100 % ± 1e-9, else a warning), "$G$25" and "$H$25". */
    weightTotal: string;
    weightCheck: string;
    /** curveX/curveY are ranges ("$A$27:$A$29"); "" when the plan has no curve (factor = score). */
    bonus: { targetBonus: string; threshold: string; cap: string; curveX: string; curveY: string };
    ranking: { top: string; bottom: string };
    /** The "Coaching tab for" value cell (docs/reference/coaching.md). */
    coachingTab: string;
    /** The Payouts section's value cells (docs/reference/payouts.md); absent when the plan has no payout settings. */
    payouts?: PayoutCells;
    /** The streak rule's value cells (docs/reference/plan.md "Streak rule"); absent when the plan has none. */
    streak?: StreakCells;
    /** The "Split deals count for" value cell, when the sheet has the row (docs/reference/plan.md "Split deals"). */
    splitDealCount?: string;
  };
}

/** Tab names per language (docs/reference/tabs.md). */
export const PLAN_SHEET_NAMES: Record<Lang, string> = {
  en: planMessages.en.planSheetName,
  zh: planMessages.zh.planSheetName,
};

const label = (lang: Lang, key: string): string => planMessages[lang][key] ?? splitMessages[lang][key] ?? key;

/** Settings rows: label key, hint key, fixed 0-based row. Values sit in column B. */
const SETTINGS = {
  period: { label: "planLabelPeriod", hint: "planHintPeriod", row: 4 },
  scoredPeriod: { label: "planLabelScoredPeriod", hint: "planHintScoredPeriod", row: 5 },
  currency: { label: "planLabelCurrency", hint: "planHintCurrency", row: 6 },
  currencyDecimals: { label: "planLabelCurrencyDecimals", hint: "planHintCurrencyDecimals", row: 7 },
  targetBonus: { label: "planLabelTargetBonus", hint: "planHintTargetBonus", row: 10 },
  threshold: { label: "planLabelThreshold", hint: "planHintThreshold", row: 11 },
  bonusCap: { label: "planLabelBonusCap", hint: "planHintBonusCap", row: 12 },
  top: { label: "planLabelTop", hint: "planHintTop", row: 15 },
  bottom: { label: "planLabelBottom", hint: "planHintBottom", row: 16 },
} as const;
type SettingKey = keyof typeof SETTINGS;

const SECTION_ROWS = { settings: 3, bonus: 9, ranking: 14, kpis: 18 } as const;
/** "Coaching tab for" (docs/reference/coaching.md) under Bottom N: optional, found by its label like the others. */
const COACHING_TAB_ROW = 17;
const KPI_HEADER_ROW = 19;
/** The first plan's "Plan name" row when the sheet holds several plans: the blank row above the settings. */
const PLAN_NAME_ROW = 2;
/**
 * "Split deals count for" (docs/reference/plan.md "Split deals"): written in the blank row closing the Settings block
 * only when the plan has the setting (a report of split deals sets it), so other Plan sheets keep their layout.
 */
const SPLIT_DEAL_COUNT_ROW = 8;
const VALUE_COL = 1;
const HINT_COL = 2;

/** KPI table columns, A–I, in order. */
const KPI_COLUMNS = [
  "planColName",
  "planColMeasure",
  "planColAggregate",
  "planColTargetKind",
  "planColTarget",
  "planColDirection",
  "planColWeight",
  "planColCap",
  "planColGroup",
] as const;
/** Optional KPI columns J–K (docs/reference/coaching.md): a Plan sheet without them reads as "rep" and no incentive. */
const OPTIONAL_KPI_COLUMNS = ["planColScope", "planColIncentive"] as const;
type KpiColumn = (typeof KPI_COLUMNS)[number] | (typeof OPTIONAL_KPI_COLUMNS)[number];
const WIDTH = KPI_COLUMNS.length + OPTIONAL_KPI_COLUMNS.length;

const SECTION_KEYS = [
  "planSectionSettings",
  "planSectionBonus",
  "planSectionRanking",
  "planSectionKpis",
  "planSectionCurve",
] as const;

/**
 * docs/reference/functions.md SCORE / validate.ts: weights add up to 100 % ± 1e-9; written as a formula literal too,
 * in plain digits: HyperFormula does not parse "1E-9" (docs/reference/verification.md).
 */
export const WEIGHT_CHECK_TOLERANCE = "0.000000001";

/** A text constant in a formula, inner quotes doubled as Excel writes them. */
const excelText = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** The percent format with the most decimals among `fractions`, so the total shows as precisely as its weights. */
function widestPercent(fractions: number[]): string {
  return fractions.map(percentFormat).reduce((a, b) => (b.length > a.length ? b : a), "0%");
}

/** Target cell format: growth and satisfaction as percents, money as money, counts as whole numbers. */
function targetFormat(kpi: PlanKpi, plan: Plan): string | null {
  const t = kpi.target;
  if (t.kind === "growth") return percentFormat(t.rate);
  if (kpi.measure.field === "satisfaction") return percentFormat(t.value);
  if (kpi.aggregate === "count" || kpi.aggregate === "count_unique" || kpi.aggregate === "count_true") return "#,##0";
  if (kpi.measure.field === "amount") return currencyNumberFormat(plan.currency, plan.currencyDecimals);
  return null;
}

export function writePlanSheet(plan: Plan, lang: Lang): PlanSheetLayout {
  const rows: Value[][] = [];
  const formats: (string | null)[][] = [];
  const formulas: (string | null)[][] = [];
  const headerRows: number[] = [];
  const hints: { row: number; col: number }[] = [];
  const set = (r: number, c: number, v: Value, fmt: string | null = null, f: string | null = null) => {
    while (rows.length <= r) {
      rows.push(new Array<Value>(WIDTH).fill(null));
      formats.push(new Array<string | null>(WIDTH).fill(null));
      formulas.push(new Array<string | null>(WIDTH).fill(null));
    }
    rows[r][c] = v;
    formats[r][c] = fmt;
    formulas[r][c] = f;
  };
  const L = (key: string) => label(lang, key);

  set(0, 0, L("planTitle"));
  set(1, 0, L("planNote"));
  set(SECTION_ROWS.settings, 0, L("planSectionSettings"));
  headerRows.push(SECTION_ROWS.settings);

  const cell = (key: SettingKey, d = 0) => cellAddress(SETTINGS[key].row + d, VALUE_COL, true);
  const setting = (key: SettingKey, v: Value, fmt: string | null, d = 0) => {
    const s = SETTINGS[key];
    set(s.row + d, 0, L(s.label));
    set(s.row + d, VALUE_COL, v, fmt);
    set(s.row + d, HINT_COL, L(s.hint));
    hints.push({ row: s.row + d, col: HINT_COL });
  };
  // Period keys and codes are text ("@"): Excel would turn a typed 2026-03 into a date.
  setting("period", periodWord(plan.period, lang), "@");
  setting("scoredPeriod", plan.scoredPeriod, "@");
  setting("currency", plan.currency, "@");
  setting("currencyDecimals", plan.currencyDecimals, "0");
  if (plan.splitDealCount !== undefined) {
    set(SPLIT_DEAL_COUNT_ROW, 0, L("planLabelSplitDealCount"));
    set(SPLIT_DEAL_COUNT_ROW, VALUE_COL, splitDealCountWord(plan.splitDealCount, lang), "@");
    set(SPLIT_DEAL_COUNT_ROW, HINT_COL, L("planHintSplitDealCount"));
    hints.push({ row: SPLIT_DEAL_COUNT_ROW, col: HINT_COL });
  }

  /** A plan's own rows, from its Bonus section down, `d` rows below where the first plan has them. */
  const writeBlock = (p: Plan, d: number) => {
    set(SECTION_ROWS.bonus + d, 0, L("planSectionBonus"));
    set(SECTION_ROWS.ranking + d, 0, L("planSectionRanking"));
    headerRows.push(SECTION_ROWS.bonus + d, SECTION_ROWS.ranking + d);
    setting("targetBonus", p.bonus.targetBonus, currencyNumberFormat(plan.currency, plan.currencyDecimals), d);
    setting("threshold", p.bonus.threshold, percentFormat(p.bonus.threshold), d);
    setting("bonusCap", p.bonus.cap, percentFormat(p.bonus.cap), d);
    // A share of the team shows as a percent (20%), a count as a whole number.
    setting("top", p.ranking.top, isRankShare(p.ranking.top) ? percentFormat(p.ranking.top) : "0", d);
    setting("bottom", p.ranking.bottom, isRankShare(p.ranking.bottom) ? percentFormat(p.ranking.bottom) : "0", d);
    set(COACHING_TAB_ROW + d, 0, L("planLabelCoachingTab"));
    set(COACHING_TAB_ROW + d, VALUE_COL, coachingTabWord(p.coachingTab ?? "coaching", lang), "@");
    set(COACHING_TAB_ROW + d, HINT_COL, L("planHintCoachingTab"));

    // KPI table.
    const kpiSection = SECTION_ROWS.kpis + d;
    const kpiHeader = KPI_HEADER_ROW + d;
    set(kpiSection, 0, L("planSectionKpis"));
    set(kpiSection, HINT_COL, L("planHintKpis"));
    hints.push({ row: kpiSection, col: HINT_COL });
    [...KPI_COLUMNS, ...OPTIONAL_KPI_COLUMNS].forEach((key, c) => set(kpiHeader, c, L(key)));
    headerRows.push(kpiSection, kpiHeader);
    const kpiCells: PlanSheetLayout["cells"]["kpis"] = [];
    p.kpis.forEach((kpi, i) => {
      const r = kpiHeader + 1 + i;
      const t = kpi.target;
      const measure = kpi.measure.field ? fieldWord(kpi.measure.field, lang) : (kpi.measure.header ?? "");
      set(r, 0, kpi.name, "@");
      set(r, 1, measure, "@");
      set(r, 2, aggregateWord(kpi.aggregate, lang), "@");
      set(r, 3, targetKindWord(t.kind, lang), "@");
      set(r, 4, t.kind === "growth" ? t.rate : t.value, targetFormat(kpi, plan));
      set(r, 5, directionWord(kpi.direction, lang), "@");
      set(r, 6, kpi.weight, percentFormat(kpi.weight));
      set(r, 7, kpi.cap, percentFormat(kpi.cap));
      set(r, 8, groupWord(kpi.group, lang), "@");
      set(r, 9, kpiScopeWord(kpi.scope ?? "rep", lang), "@");
      set(r, 10, kpi.incentive ?? null, "@");
      const a = (c: number) => cellAddress(r, c, true);
      kpiCells.push({
        name: a(0),
        measure: a(1),
        aggregate: a(2),
        targetKind: a(3),
        target: a(4),
        direction: a(5),
        weight: a(6),
        cap: a(7),
        group: a(8),
        scope: a(9),
        incentive: a(10),
      });
    });
    const firstKpi = kpiHeader + 1;
    const lastKpi = kpiHeader + Math.max(p.kpis.length, 1);
    const weights = `${cellAddress(firstKpi, 6, true)}:${cellAddress(lastKpi, 6, true)}`;

    // Total weight under the table: the score formulas scale weights that miss 100 % back to
    // 100 % without a word, so the sheet shows the sum and says when it is off. Cached values are exact decimal
    // sums (docs/reference/numbers.md), the test the plan's own validation applies (100 % ± 1e-9).
    const totalRow = lastKpi + 1;
    const total = cellAddress(totalRow, 6, true);
    const { sum, ok: sumOk } = weightTotal(p.kpis.map((k) => k.weight));
    const ok = L("planWeightsOk");
    const warning = L("planWeightsNot100");
    set(totalRow, 0, L("planLabelTotalWeight"));
    set(totalRow, 6, sum, widestPercent([...p.kpis.map((k) => k.weight), sum]), `SUM(${weights})`);
    set(
      totalRow,
      7,
      sumOk ? ok : warning,
      null,
      `IF(ABS(${total}-1)<=${WEIGHT_CHECK_TOLERANCE},${excelText(ok)},${excelText(warning)})`,
    );

    // Payout curve after one blank row.
    const curveSection = totalRow + 2;
    const curveHeader = curveSection + 1;
    set(curveSection, 0, L("planSectionCurve"));
    set(curveSection, HINT_COL, L("planHintCurve"));
    hints.push({ row: curveSection, col: HINT_COL });
    set(curveHeader, 0, L("planColCurveX"));
    set(curveHeader, 1, L("planColCurveY"));
    headerRows.push(curveSection, curveHeader);
    const curve = p.bonus.curve ?? [];
    curve.forEach(([x, y], i) => {
      set(curveHeader + 1 + i, 0, x, percentFormat(x));
      set(curveHeader + 1 + i, 1, y, percentFormat(y));
    });
    const range = (c: number) =>
      curve.length
        ? `${cellAddress(curveHeader + 1, c, true)}:${cellAddress(curveHeader + curve.length, c, true)}`
        : "";
    const cells: PlanSheetLayout["cells"] = {
      period: cell("period"),
      scoredPeriod: cell("scoredPeriod"),
      currency: cell("currency"),
      currencyDecimals: cell("currencyDecimals"),
      kpis: kpiCells,
      weights,
      weightTotal: total,
      weightCheck: cellAddress(totalRow, 7, true),
      bonus: {
        targetBonus: cell("targetBonus", d),
        threshold: cell("threshold", d),
        cap: cell("bonusCap", d),
        curveX: range(0),
        curveY: range(1),
      },
      ranking: { top: cell("top", d), bottom: cell("bottom", d) },
      coachingTab: cellAddress(COACHING_TAB_ROW + d, VALUE_COL, true),
      ...(plan.splitDealCount === undefined
        ? {}
        : { splitDealCount: cellAddress(SPLIT_DEAL_COUNT_ROW, VALUE_COL, true) }),
    };
    return { cells, totalRow, end: curveHeader + Math.max(curve.length, 0) };
  };

  const plans = plansOf(plan);
  const blocks: { name: string; cells: PlanSheetLayout["cells"]; totalRow: number }[] = [];
  let payouts: PayoutCells | null = null;
  let end = 0;
  plans.forEach((p, i) => {
    // docs/reference/plan.md "A plan per role or team": with several plans each is named; the first plan's name sits
    // in the blank row above its settings (its cells do not move), each further plan is a block below, from a
    // "Plan name" row down, laid out as the first plan's rows from its Bonus section.
    const nameRow = i === 0 ? PLAN_NAME_ROW : end + 2;
    const d = i === 0 ? 0 : nameRow + 2 - SECTION_ROWS.bonus;
    if (plans.length > 1 || plan.name) {
      set(nameRow, 0, plansMessages[lang].planLabelPlanName);
      set(nameRow, VALUE_COL, p.name ?? "", "@");
      set(nameRow, HINT_COL, plansMessages[lang][i === 0 ? "planHintPlanName" : "planHintMorePlans"]);
      headerRows.push(nameRow);
      hints.push({ row: nameRow, col: HINT_COL });
    }
    const block = writeBlock(p, d);
    blocks.push({ name: p.name ?? "", cells: block.cells, totalRow: block.totalRow });
    end = block.end;
    if (i > 0) return;
    // Payouts after one blank row (docs/reference/payouts.md), only when the plan has payout settings; the plans
    // share them, so they follow the first plan.
    payouts = writePayoutsSection(plan, lang, end + 2, set, { headerRows, hints });
    if (payouts) end = rows.length - 1;
  });
  if (payouts) for (const b of blocks) b.cells.payouts = payouts;
  // The review streak after one blank row under the last section, only when the plan has a rule (the first plan's,
  // docs/reference/plan.md "Streak rule").
  const streak = plan.streak
    ? writeStreakSection(plan.streak, lang, rows.length + 1, (r, c, v, fmt) => set(r, c, v, fmt ?? null))
    : undefined;
  if (streak) {
    headerRows.push(streak.headerRow);
    hints.push(streak.hint);
    blocks[0].cells.streak = streak.cells;
  }

  return {
    rows,
    formulas,
    formats,
    headerRows,
    totalRow: blocks[0].totalRow,
    titleRow: 0,
    noteRow: 1,
    columnWidths: [24, 16, 16, 14, 14, 14, 10, 10, 12, 12, 22],
    hints,
    cells: blocks[0].cells,
    ...(blocks.length > 1 ? { plans: blocks } : {}),
  };
}

/**
 * Labels earlier versions wrote on Plan sheets, still read back so an existing sheet keeps working after a
 * label is renamed to the glossary's term (docs/reference/terms.md).
 */
const FORMER_LABELS: Record<string, { lang: Lang; text: string }[]> = {
  planLabelScoredPeriod: [{ lang: "zh", text: "评分期间" }],
};

/** Normalised label (either language, current or former) → its catalogue key and language. */
function labelIndex(keys: readonly string[]): Map<string, { key: string; lang: Lang }> {
  return labelIndexOf(planMessages, keys);
}

function labelIndexOf(
  catalogue: Record<Lang, Record<string, string>>,
  keys: readonly string[],
): Map<string, { key: string; lang: Lang }> {
  const m = new Map<string, { key: string; lang: Lang }>();
  for (const lang of ["en", "zh"] as const) {
    for (const key of keys) m.set(normaliseWord(catalogue[lang][key] ?? key), { key, lang });
  }
  for (const key of keys) {
    for (const former of FORMER_LABELS[key] ?? []) m.set(normaliseWord(former.text), { key, lang: former.lang });
  }
  return m;
}

const SETTING_LABELS = labelIndex(Object.values(SETTINGS).map((s) => s.label));
const KPI_LABELS = labelIndex([...KPI_COLUMNS, ...OPTIONAL_KPI_COLUMNS]);
const COACHING_TAB_LABELS = labelIndex(["planLabelCoachingTab"]);
const SPLIT_DEAL_COUNT_LABELS = labelIndexOf(splitMessages, ["planLabelSplitDealCount"]);
const SECTION_LABELS = labelIndex(SECTION_KEYS);
const CURVE_X_LABELS = labelIndex(["planColCurveX"]);
const TOTAL_WEIGHT_LABELS = labelIndex(["planLabelTotalWeight"]);

/** How an error calls a field: the label the user sees, lower-cased in English ("weight must be a number"). */
function term(text: string, lang: Lang): string {
  return lang === "en" && /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}

/**
 * Read a Plan sheet back (values from A1). Either language, as written by writePlanSheet
 * or edited by a user. Errors name the cell: "Plan!G21: weight must be a number".
 * A sheet with "Plan name" rows holds several plans (docs/reference/plan.md "A plan per role or team"); without
 * one it reads as it always has.
 */
export function readPlanSheet(values: RawCell[][], sheetName: string): PlanResult {
  const starts = planBlockStarts(values);
  if (starts.length === 0) return readPlanBlock(values, sheetName);
  return readPlans(values, sheetName, starts);
}

const PLAN_NAME_LABELS = labelIndexOf(plansMessages, ["planLabelPlanName"]);

/**
 * The rows where a further plan starts: a "Plan name" row with plan rows (a setting or a KPI table) above it since
 * the previous start. A "Plan name" row above the first plan's own rows names the first plan.
 */
function planBlockStarts(values: RawCell[][]): number[] {
  const starts: number[] = [];
  let contentSinceStart = false;
  let anyName = false;
  values.forEach((row, r) => {
    const a = normaliseWord(cellText(row?.[0]));
    if (!a) return;
    if (PLAN_NAME_LABELS.has(a)) {
      anyName = true;
      if (contentSinceStart) {
        starts.push(r);
        contentSinceStart = false;
      }
    } else if (SETTING_LABELS.has(a) || KPI_LABELS.get(a)?.key === "planColName") contentSinceStart = true;
  });
  // One named plan is still one plan; its "Plan name" row is read as such (the name is kept).
  return anyName ? [0, ...starts] : [];
}

/** Each block read on its own (its rows only, so cells keep their addresses), the further plans sharing the first's settings. */
function readPlans(values: RawCell[][], sheetName: string, starts: number[]): PlanResult {
  const errors: PlanError[] = [];
  const plans: Plan[] = [];
  const names = new Map<string, string>();
  const several = starts.length > 1;
  starts.forEach((start, i) => {
    const end = starts[i + 1] ?? values.length;
    const block = values.map((row, r) => (r >= start && r < end ? row : []));
    const first = plans[0];
    const read = readPlanBlock(block, sheetName, i === 0 ? undefined : first);
    // The shared settings' own errors are the first plan's to report (at their cells).
    if (!read.ok) errors.push(...(i === 0 ? read.errors : read.errors.filter((e) => !SHARED_ERRORS.has(e.messageKey))));
    const plan = read.ok ? read.plan : null;
    const nameRow = block.findIndex((row) => PLAN_NAME_LABELS.has(normaliseWord(cellText(row?.[0]))));
    const nameText = nameRow >= 0 ? cellText(block[nameRow]?.[VALUE_COL]) : "";
    const nameWhere = nameRow >= 0 ? sheetCellAddress(sheetName, nameRow, VALUE_COL) : sheetName;
    if (!nameText && several) errors.push({ where: nameWhere, messageKey: "planNameMissing" });
    else if (nameText) {
      const seen = names.get(planNameKey(nameText));
      if (seen)
        errors.push({ where: nameWhere, messageKey: "planNameDuplicate", params: { name: nameText, first: seen } });
      else names.set(planNameKey(nameText), nameWhere);
    }
    // A block that did not read still holds its place, so the next blocks read with the first plan's settings.
    const placeholder = plan ?? first ?? defaultPlan("en");
    plans.push({ ...placeholder, ...(nameText ? { name: nameText } : {}) });
  });
  if (errors.length) return { ok: false, errors: sortByCell(dedupe(errors)) };
  const [first, ...more] = plans;
  return { ok: true, plan: more.length ? { ...first, morePlans: more } : first };
}

/** One error per cell and message: the further plans revalidate the shared settings, which name the first plan's cells. */
function dedupe(errors: PlanError[]): PlanError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const key = `${e.where}\u0000${e.messageKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Messages of validatePlan about the shared settings, repeated (at no cell) by each further plan. */
const SHARED_ERRORS = new Set(["planPeriodKey", "planPeriodMismatch", "planCurrencyCode", "planDecimalsRange"]);

/** The shared settings: read from the first plan, refused on a further one. */
const SHARED_SETTINGS: readonly SettingKey[] = ["period", "scoredPeriod", "currency", "currencyDecimals"];

/** One plan's rows; `shared`: the first plan, whose period and currency a further plan takes. */
function readPlanBlock(values: RawCell[][], sheetName: string, shared?: Plan): PlanResult {
  const at = (r: number, c: number): RawCell => values[r]?.[c] ?? null;
  const errors: PlanError[] = [];
  const failed = new Set<string>();
  const where = (r: number, c: number) => sheetCellAddress(sheetName, r, c);
  const fail = (r: number, c: number, messageKey: string, params: Record<string, string | number>) => {
    const w = where(r, c);
    errors.push({ where: w, messageKey, params });
    failed.add(w);
  };

  // Find the labelled rows in column A; the language is the one most labels are in.
  const settingRow = new Map<string, number>();
  let kpiHeader = -1;
  let curveHeader = -1;
  const votes = { en: 0, zh: 0 };
  const stops: number[] = [];
  let coachingTabRow = -1;
  const streakRows: StreakRowsFound = {};
  let splitDealCountRow = -1;
  values.forEach((row, r) => {
    const a = normaliseWord(cellText(row?.[0]));
    if (!a) return;
    // The streak section and its rows end the curve above them (docs/reference/plan.md "Streak rule").
    if (noteStreakRow(streakRows, a, r)) stops.push(r);
    if (COACHING_TAB_LABELS.has(a) && coachingTabRow < 0) coachingTabRow = r;
    if (SPLIT_DEAL_COUNT_LABELS.has(a) && splitDealCountRow < 0) splitDealCountRow = r;
    const s = SETTING_LABELS.get(a);
    if (s && !settingRow.has(s.key)) {
      settingRow.set(s.key, r);
      votes[s.lang]++;
    }
    if (KPI_LABELS.get(a)?.key === "planColName" && kpiHeader < 0) kpiHeader = r;
    if (CURVE_X_LABELS.has(a) && curveHeader < 0) curveHeader = r;
    if (SECTION_LABELS.has(a) || CURVE_X_LABELS.has(a) || isPayoutsLabel(a)) stops.push(r);
  });
  const lang: Lang = votes.zh > votes.en ? "zh" : "en";
  const L = (key: string) => label(lang, key);
  const tableEnd = (start: number) => stops.find((r) => r > start) ?? values.length;

  const plan = defaultPlan(lang);
  plan.kpis = [];
  if (shared) {
    plan.period = shared.period;
    plan.scoredPeriod = shared.scoredPeriod;
    plan.currency = shared.currency;
    plan.currencyDecimals = shared.currencyDecimals;
    // Split deals count the same way for every plan (a setting of the data, in the first plan's Settings).
    if (shared.splitDealCount !== undefined) plan.splitDealCount = shared.splitDealCount;
  }
  const settingCell: Partial<Record<SettingKey, [number, number]>> = {};
  const settingTerm = (key: SettingKey) => term(L(SETTINGS[key].label), lang);

  /** The value cell of a setting; a missing label is reported on the sheet. */
  const settingValue = (key: SettingKey): { cell: RawCell; r: number } | null => {
    const r = settingRow.get(SETTINGS[key].label);
    if (shared && SHARED_SETTINGS.includes(key)) {
      if (r !== undefined) fail(r, 0, "planSettingOnFirstPlan", { label: cellText(at(r, 0)) });
      return null;
    }
    if (r === undefined) {
      errors.push({
        where: sheetName,
        messageKey: "planMissingLabel",
        params: { label: L(SETTINGS[key].label) },
      });
      return null;
    }
    settingCell[key] = [r, VALUE_COL];
    return { cell: at(r, VALUE_COL), r };
  };
  const settingNumber = (key: SettingKey, blankIsNull: boolean): number | null | undefined => {
    const s = settingValue(key);
    if (!s) return undefined;
    if (isBlank(s.cell)) {
      if (blankIsNull) return null;
      fail(s.r, VALUE_COL, "planRequired", { field: settingTerm(key) });
      return undefined;
    }
    const n = cellNumber(s.cell);
    if (n.ok) return n.value;
    fail(s.r, VALUE_COL, n.messageKey, { field: settingTerm(key), value: cellText(s.cell) });
    return undefined;
  };

  const period = settingValue("period");
  if (period) {
    const kind = parsePeriodKind(cellText(period.cell));
    if (kind) plan.period = kind;
    else if (isBlank(period.cell)) fail(period.r, VALUE_COL, "planRequired", { field: settingTerm("period") });
    else {
      fail(period.r, VALUE_COL, "planBadChoice", {
        field: settingTerm("period"),
        value: cellText(period.cell),
        allowed: choiceList("period", lang),
      });
    }
  }
  const scored = settingValue("scoredPeriod");
  if (scored && !isBlank(scored.cell)) plan.scoredPeriod = readPeriodKey(scored.cell);
  const currency = settingValue("currency");
  if (currency && !isBlank(currency.cell)) plan.currency = cellText(currency.cell).toUpperCase();
  const decimals = settingNumber("currencyDecimals", false);
  if (typeof decimals === "number") plan.currencyDecimals = decimals;
  const bonus = defaultBonus();
  const targetBonus = settingNumber("targetBonus", false);
  if (typeof targetBonus === "number") bonus.targetBonus = targetBonus;
  const threshold = settingNumber("threshold", false);
  if (typeof threshold === "number") bonus.threshold = threshold;
  const bonusCap = settingNumber("bonusCap", true);
  if (bonusCap !== undefined) bonus.cap = bonusCap;
  const top = settingNumber("top", false);
  if (typeof top === "number") plan.ranking.top = top;
  const bottom = settingNumber("bottom", false);
  if (typeof bottom === "number") plan.ranking.bottom = bottom;
  // Optional (docs/reference/coaching.md): a Plan sheet from before this setting reads as "Coaching reps".
  if (coachingTabRow >= 0 && !isBlank(at(coachingTabRow, VALUE_COL))) {
    const v = cellText(at(coachingTabRow, VALUE_COL));
    const tab = parseCoachingTab(v);
    if (tab === "all") plan.coachingTab = tab;
    else if (tab === null) {
      fail(coachingTabRow, VALUE_COL, "planBadChoice", {
        field: term(L("planLabelCoachingTab"), lang),
        value: v,
        allowed: choiceList("coachingTab", lang),
      });
    }
  }

  // Optional (docs/reference/plan.md "Split deals"): without the row, or blank, a split deal counts for every rep.
  if (splitDealCountRow >= 0 && !isBlank(at(splitDealCountRow, VALUE_COL))) {
    const v = cellText(at(splitDealCountRow, VALUE_COL));
    const count = parseSplitDealCount(v);
    if (count !== null) plan.splitDealCount = count;
    else {
      fail(splitDealCountRow, VALUE_COL, "planBadChoice", {
        field: term(L("planLabelSplitDealCount"), lang),
        value: v,
        allowed: choiceList("splitDealCount", lang),
      });
    }
  }

  // KPI table: columns found by header text, rows until the next section (blank rows and the
  // "Total weight" check row skipped, so a KPI typed below the total still reads).
  const kpiCol = new Map<KpiColumn, number>();
  const kpiRows: number[] = [];
  if (kpiHeader < 0) {
    errors.push({
      where: sheetName,
      messageKey: "planMissingTable",
      params: { label: L("planColName") },
    });
  } else {
    (values[kpiHeader] ?? []).forEach((h, c) => {
      const k = KPI_LABELS.get(normaliseWord(cellText(h)));
      if (k && !kpiCol.has(k.key as KpiColumn)) kpiCol.set(k.key as KpiColumn, c);
    });
    const missing = KPI_COLUMNS.filter((k) => !kpiCol.has(k));
    for (const k of missing) {
      errors.push({ where: where(kpiHeader, 0), messageKey: "planMissingColumn", params: { label: L(k) } });
    }
    if (missing.length === 0) {
      const end = tableEnd(kpiHeader);
      for (let r = kpiHeader + 1; r < end; r++) {
        if (KPI_COLUMNS.every((k) => isBlank(at(r, kpiCol.get(k)!)))) continue;
        if (TOTAL_WEIGHT_LABELS.has(normaliseWord(cellText(at(r, 0))))) continue;
        kpiRows.push(r);
        plan.kpis.push(readKpiRow(r));
      }
    }
  }

  function readKpiRow(r: number): PlanKpi {
    const col = (k: KpiColumn) => kpiCol.get(k)!;
    const get = (k: KpiColumn) => at(r, col(k));
    const fieldTerm = (k: KpiColumn) => term(cellText(values[kpiHeader][col(k)]), lang);
    const choose = <T extends string>(
      k: KpiColumn,
      parse: (s: string) => T | null,
      kind: Parameters<typeof choiceList>[0],
      fallback: T,
      blankOk: boolean,
    ): T => {
      const cell = get(k);
      if (isBlank(cell)) {
        if (!blankOk) fail(r, col(k), "planRequired", { field: fieldTerm(k) });
        return fallback;
      }
      const v = parse(cellText(cell));
      if (v) return v;
      fail(r, col(k), "planBadChoice", { field: fieldTerm(k), value: cellText(cell), allowed: choiceList(kind, lang) });
      return fallback;
    };
    const number = (k: KpiColumn, blankIsNull: boolean): number | null => {
      const cell = get(k);
      if (isBlank(cell)) {
        if (!blankIsNull) fail(r, col(k), "planRequired", { field: fieldTerm(k) });
        return null;
      }
      const n = cellNumber(cell);
      if (n.ok) return n.value;
      fail(r, col(k), n.messageKey, { field: fieldTerm(k), value: cellText(cell) });
      return null;
    };
    const measureText = cellText(get("planColMeasure"));
    const field = measureText ? parseFieldName(measureText) : null;
    const kind = choose("planColTargetKind", parseTargetKind, "targetKind", "fixed", false);
    const targetValue = number("planColTarget", false);
    return {
      name: cellText(get("planColName")),
      measure: field ? { field, header: null } : { field: null, header: measureText || null },
      aggregate: choose("planColAggregate", parseAggregate, "aggregate", "sum", false),
      target: kind === "growth" ? { kind, rate: targetValue ?? 0 } : { kind, value: targetValue ?? 1 }, // placeholder when unreadable (already reported)
      direction: choose("planColDirection", parseDirection, "direction", "higher", true),
      weight: number("planColWeight", false) ?? 0,
      cap: number("planColCap", true),
      group: choose("planColGroup", parseGroup, "group", "results", true),
      ...optionalKpiFields(r),
    };
  }

  /** Scored on and Incentive (docs/reference/coaching.md): optional columns; blank = the rep's own, no incentive. */
  function optionalKpiFields(r: number): Pick<PlanKpi, "scope" | "incentive"> {
    const out: Pick<PlanKpi, "scope" | "incentive"> = {};
    const scopeCol = kpiCol.get("planColScope");
    if (scopeCol !== undefined && !isBlank(at(r, scopeCol))) {
      const v = cellText(at(r, scopeCol));
      const scope = parseKpiScope(v);
      if (scope === "team") out.scope = scope;
      else if (scope === null) {
        fail(r, scopeCol, "planBadChoice", {
          field: term(cellText(values[kpiHeader][scopeCol]), lang),
          value: v,
          allowed: choiceList("scope", lang),
        });
      }
    }
    const incentiveCol = kpiCol.get("planColIncentive");
    if (incentiveCol !== undefined && !isBlank(at(r, incentiveCol))) out.incentive = cellText(at(r, incentiveCol));
    return out;
  }

  // Payout curve: (x, y) rows under its header; no points = the factor is the score.
  const curveRows: number[] = [];
  if (curveHeader < 0) {
    errors.push({
      where: sheetName,
      messageKey: "planMissingTable",
      params: { label: L("planColCurveX") },
    });
  } else {
    const points: [number, number][] = [];
    const end = tableEnd(curveHeader);
    for (let r = curveHeader + 1; r < end; r++) {
      const x = at(r, 0);
      const y = at(r, 1);
      if (isBlank(x) && isBlank(y)) continue;
      const point = ([x, y] as const).map((cell, c) => {
        const field = term(cellText(values[curveHeader][c]), lang);
        if (isBlank(cell)) fail(r, c, "planRequired", { field });
        else {
          const n = cellNumber(cell);
          if (n.ok) return n.value;
          fail(r, c, n.messageKey, { field, value: cellText(cell) });
        }
        return null;
      });
      const [nx, ny] = point;
      if (nx !== null && ny !== null) {
        points.push([nx, ny]);
        curveRows.push(r);
      }
    }
    bonus.curve = points.length ? points : null;
  }
  plan.bonus = bonus;
  // Payouts (docs/reference/payouts.md): optional rows found by label; none = today's payouts. A further plan takes
  // the first plan's.
  const payoutsRead = readPayoutsSection(values, lang, fail, (text) => term(text, lang));
  if (payoutsRead.payouts && shared) {
    const first = Object.values(payoutsRead.cells).find((c) => c !== undefined);
    if (first) fail(first[0], 0, "planSettingOnFirstPlan", { label: cellText(at(first[0], 0)) });
  } else if (payoutsRead.payouts) plan.payouts = payoutsRead.payouts;

  const streak = readStreakRows(streakRows, at, lang, fail, (text) =>
    errors.push({ where: sheetName, messageKey: "planMissingLabel", params: { label: text } }),
  );
  if (streak) plan.streak = streak.rule;

  const kpiTerm = (k: KpiColumn) =>
    kpiHeader >= 0 && kpiCol.has(k) ? term(cellText(values[kpiHeader][kpiCol.get(k)!]), lang) : term(L(k), lang);
  const kpiField: Partial<Record<PlanFieldId, KpiColumn>> = {
    kpiName: "planColName",
    kpiMeasure: "planColMeasure",
    kpiAggregate: "planColAggregate",
    kpiTarget: "planColTarget",
    kpiDirection: "planColDirection",
    kpiWeight: "planColWeight",
    kpiCap: "planColCap",
    kpiGroup: "planColGroup",
  };
  const settingField: Partial<Record<PlanFieldId, SettingKey>> = {
    period: "period",
    scoredPeriod: "scoredPeriod",
    currency: "currency",
    currencyDecimals: "currencyDecimals",
    targetBonus: "targetBonus",
    threshold: "threshold",
    bonusCap: "bonusCap",
    top: "top",
    bottom: "bottom",
  };
  const locator: PlanLocator = {
    lang,
    at(field, index = 0) {
      const s = settingField[field];
      if (s) {
        const c = settingCell[s];
        return { where: c ? where(c[0], c[1]) : sheetName, term: settingTerm(s) };
      }
      const pc = field in PAYOUT_FIELD ? payoutsRead.cells[PAYOUT_FIELD[field]!] : undefined;
      if (pc) return { where: where(pc[0], pc[1]), term: term(cellText(values[pc[0]][0]), lang) };
      const k = kpiField[field];
      if (k && kpiRows[index] !== undefined) return { where: where(kpiRows[index], kpiCol.get(k)!), term: kpiTerm(k) };
      if (field === "weights" && kpiRows.length) {
        const c = columnLetters(kpiCol.get("planColWeight")!);
        const range = `${c}${kpiRows[0] + 1}:${c}${kpiRows[kpiRows.length - 1] + 1}`;
        return { where: `${quoteSheetName(sheetName)}!${range}`, term: kpiTerm("planColWeight") };
      }
      if ((field === "curveX" || field === "curveY") && curveRows[index] !== undefined) {
        const c = field === "curveX" ? 0 : 1;
        return { where: where(curveRows[index], c), term: term(cellText(values[curveHeader][c]), lang) };
      }
      const streakField = { streakKpi: "kpi", streakOf: "of", streakAtLeast: "atLeast" } as const;
      if (field in streakField) {
        const key = streakField[field as keyof typeof streakField];
        const c = streak?.cells[key];
        return { where: c ? where(c[0], c[1]) : sheetName, term: streakTerm(key, lang) };
      }
      if (field === "kpis" && kpiHeader >= 0) return { where: where(kpiHeader, 0), term: L("planSectionKpis") };
      if (field === "curve" && curveHeader >= 0) return { where: where(curveHeader, 0), term: L("planSectionCurve") };
      return { where: sheetName, term: field };
    },
  };
  // Structure problems hide the plan's own rules only where they overlap (same cell, or the weight sum).
  const weightFailed = kpiRows.some((r) => failed.has(where(r, kpiCol.get("planColWeight")!)));
  const kpiTableUnreadable = kpiHeader < 0 || KPI_COLUMNS.some((k) => !kpiCol.has(k));
  const semantic = validatePlanWith(plan, locator).filter(
    (e) =>
      !failed.has(e.where) &&
      !(e.messageKey === "planWeightsSum" && weightFailed) &&
      !(e.messageKey === "planNoKpis" && kpiTableUnreadable),
  );
  const all = [...errors, ...semantic];
  return all.length ? { ok: false, errors: sortByCell(all) } : { ok: true, plan };
}

/** Validation fields of the Payouts section (payoutsSheet.ts). */
const PAYOUT_FIELD: Partial<Record<PlanFieldId, "adjustments" | "clawbackCap" | "draw" | "recoveryCap" | "drawFor">> = {
  adjustments: "adjustments",
  clawbackCap: "clawbackCap",
  draw: "draw",
  recoveryCap: "recoveryCap",
  drawFor: "drawFor",
};

/** Sheet order (top to bottom, then left to right), so a user fixes the sheet in one pass; sheet-level errors first. */
function sortByCell(errors: PlanError[]): PlanError[] {
  const pos = (e: PlanError): [number, number] => {
    const range = parseRange(e.where);
    return range ? [range.start.row, range.start.col] : [-1, -1];
  };
  return errors
    .map((e, i) => ({ e, i, p: pos(e) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.e);
}

/**
 * A scored-period cell: text "2026-Q2"; a typed 2026 arrives as a number; a typed
 * "2026-03" that Excel turned into a date arrives as a serial and is read as its month
 * (validation then says so if the plan's period is not a month).
 */
function readPeriodKey(cell: RawCell): string {
  if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 9999) return String(cell);
    if (cell >= 1 && cell < 2958466) {
      const { y, m } = serialToYmd(cell);
      return `${y}-${String(m).padStart(2, "0")}`;
    }
  }
  const text = cellText(cell);
  return parsePeriodArg(text)?.key ?? text;
}
