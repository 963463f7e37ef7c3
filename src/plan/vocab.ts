/**
 * Words of the plan (docs/reference/plan.md) in English and Chinese: choice values (period,
 * aggregation, direction, group, target kind), standard field names (docs/reference/input.md), and
 * text normalisation so either language reads back from a Plan sheet or a JSON plan.
 */
import type { StandardField } from "../ingest/types";
import type {
  AdjustmentPolicy,
  Aggregate,
  CoachingTab,
  Direction,
  DrawFor,
  KpiGroup,
  KpiScope,
  KpiTarget,
  PeriodKind,
  StreakRule,
  SplitDealCount,
} from "./types";

export type Lang = "en" | "zh";

/** Case-, width- and spacing-insensitive key for matching words and labels (NFKC folds full-width forms). */
export function normaliseWord(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[_\s]+/g, " ")
    .trim();
}

/** Rep names as ingest normalises them (docs/reference/cleaning.md): one definition, ingest's, so plan names match the data's. */
export { normaliseRepName } from "../ingest/parse";

/** One choice: its code, the word written on a sheet per language, and extra accepted spellings. */
interface Choice<T extends string> {
  code: T;
  en: string;
  zh: string;
  aliases?: string[];
}

function lookup<T extends string>(choices: Choice<T>[], text: string): T | null {
  const key = normaliseWord(text);
  for (const c of choices) {
    const words = [c.code, c.en, c.zh, ...(c.aliases ?? [])];
    if (words.some((w) => normaliseWord(w) === key)) return c.code;
  }
  return null;
}

function word<T extends string>(choices: Choice<T>[], code: T, lang: Lang): string {
  const c = choices.find((x) => x.code === code);
  return c ? c[lang] : code;
}

const periods: Choice<PeriodKind>[] = [
  { code: "month", en: "month", zh: "月度", aliases: ["monthly", "月"] },
  { code: "quarter", en: "quarter", zh: "季度", aliases: ["quarterly", "季"] },
  { code: "year", en: "year", zh: "年度", aliases: ["yearly", "annual", "年"] },
];

// The Plan sheet shows words, not the JSON codes (count_true); the codes are still read, as are the words of
// earlier versions.
const aggregates: Choice<Aggregate>[] = [
  { code: "sum", en: "sum", zh: "求和", aliases: ["合计"] },
  { code: "count", en: "count", zh: "计数" },
  { code: "count_unique", en: "count distinct", zh: "不重复计数", aliases: ["distinct count", "去重计数"] },
  {
    code: "count_true",
    en: "count of yes",
    zh: "“是”的个数",
    aliases: ["count yes", "yes count", '"是"的个数', "是的个数", "计数(是)"],
  },
  { code: "average", en: "average", zh: "平均值", aliases: ["avg", "mean", "平均"] },
];

const directions: Choice<Direction>[] = [
  { code: "higher", en: "higher", zh: "越高越好", aliases: ["higher is better", "高"] },
  { code: "lower", en: "lower", zh: "越低越好", aliases: ["lower is better", "低"] },
];

const groups: Choice<KpiGroup>[] = [
  { code: "results", en: "results", zh: "业绩", aliases: ["result", "业绩指标"] },
  { code: "behaviour", en: "behaviour", zh: "行为", aliases: ["behavior", "行为指标", "绩效"] },
];

/** docs/reference/coaching.md: a KPI scored on the rep's own figures or on the team's total. */
const scopes: Choice<KpiScope>[] = [
  { code: "rep", en: "rep", zh: "个人", aliases: ["own", "individual", "销售员"] },
  { code: "team", en: "team", zh: "团队", aliases: ["team total", "团队合计"] },
];

/** docs/reference/coaching.md: who gets a block on the Coaching tab. */
const coachingTabs: Choice<CoachingTab>[] = [
  { code: "coaching", en: "Coaching reps", zh: "待辅导的销售员", aliases: ["coaching", "辅导对象", "待辅导", "辅导"] },
  { code: "all", en: "every rep", zh: "全部销售员", aliases: ["all", "all reps", "全部", "所有销售员"] },
];

/** docs/reference/payouts.md: what happens to a difference found in a closed period. */
const adjustmentPolicies: Choice<AdjustmentPolicy>[] = [
  { code: "carry", en: "carry into this payout", zh: "计入本期发放", aliases: ["carry all", "全额计入"] },
  { code: "increases", en: "carry increases only", zh: "仅计入增加额", aliases: ["increases only", "仅计入增加"] },
  { code: "report", en: "report only", zh: "仅列示", aliases: ["report", "只列示"] },
];

/** docs/reference/payouts.md: who gets the draw. */
const drawFors: Choice<DrawFor>[] = [
  { code: "everyone", en: "every rep", zh: "全部销售员", aliases: ["all", "everyone", "全部", "所有销售员"] },
  {
    code: "named",
    en: "reps named on Targets",
    zh: "目标表中列明的销售员",
    aliases: ["named", "named reps", "targets", "列明的销售员"],
  },
];

/** A yes/no setting (a draw is recoverable). */
const yesNo: Choice<"yes" | "no">[] = [
  { code: "yes", en: "yes", zh: "是", aliases: ["y", "true", "1", "✓", "对"] },
  { code: "no", en: "no", zh: "否", aliases: ["n", "false", "0", "不"] },
];

/** docs/reference/plan.md "Streak rule": what a period's KPI is tested on. */
const streakTests: Choice<StreakRule["of"]>[] = [
  { code: "growth", en: "growth", zh: "环比增长", aliases: ["growth rate", "增长率", "增长"] },
  { code: "attainment", en: "attainment", zh: "达成率", aliases: ["attainment rate", "达成"] },
];

/** docs/reference/plan.md "Split deals": who counts a deal credited to several reps in count KPIs. */
const splitDealCounts: Choice<SplitDealCount>[] = [
  { code: "every", en: "every credited rep", zh: "每位分成销售员", aliases: ["every", "every rep", "each", "每位"] },
  {
    code: "first",
    en: "first-named rep only",
    zh: "仅第一位销售员",
    aliases: ["first", "first named", "first-named", "第一位", "第一位销售员"],
  },
];

type TargetKind = KpiTarget["kind"];
const targetKinds: Choice<TargetKind>[] = [
  { code: "fixed", en: "fixed", zh: "固定值", aliases: ["fixed target", "固定"] },
  { code: "perMonth", en: "per month", zh: "每月", aliases: ["monthly", "每月目标"] },
  { code: "growth", en: "growth", zh: "增长率", aliases: ["growth rate", "增长"] },
];

/** docs/reference/input.md field names: the JSON/English word, the Chinese word written on a zh Plan sheet. */
const fields: Choice<StandardField>[] = [
  { code: "rep", en: "rep", zh: "销售员" },
  { code: "team", en: "team", zh: "团队" },
  { code: "date", en: "date", zh: "日期" },
  { code: "amount", en: "amount", zh: "金额" },
  { code: "customer", en: "customer", zh: "客户" },
  { code: "newCustomer", en: "new customer", zh: "新客户" },
  { code: "satisfaction", en: "satisfaction", zh: "满意度" },
  { code: "behaviour", en: "behaviour", zh: "行为评分", aliases: ["behavior"] },
  { code: "deal", en: "deal", zh: "订单号", aliases: ["deal id"] },
  { code: "split", en: "split", zh: "分成比例", aliases: ["split %"] },
  { code: "splitAmount", en: "split amount", zh: "分成金额" },
];

export const parsePeriodKind = (text: string): PeriodKind | null => lookup(periods, text);
export const parseAggregate = (text: string): Aggregate | null => lookup(aggregates, text);
export const parseDirection = (text: string): Direction | null => lookup(directions, text);
export const parseGroup = (text: string): KpiGroup | null => lookup(groups, text);
export const parseTargetKind = (text: string): TargetKind | null => lookup(targetKinds, text);
export const parseFieldName = (text: string): StandardField | null => lookup(fields, text);
export const parseKpiScope = (text: string): KpiScope | null => lookup(scopes, text);
export const parseCoachingTab = (text: string): CoachingTab | null => lookup(coachingTabs, text);
export const parseStreakTest = (text: string): StreakRule["of"] | null => lookup(streakTests, text);
export const parseSplitDealCount = (text: string): SplitDealCount | null => lookup(splitDealCounts, text);

export const periodWord = (code: PeriodKind, lang: Lang): string => word(periods, code, lang);
export const aggregateWord = (code: Aggregate, lang: Lang): string => word(aggregates, code, lang);
export const directionWord = (code: Direction, lang: Lang): string => word(directions, code, lang);
export const groupWord = (code: KpiGroup, lang: Lang): string => word(groups, code, lang);
export const targetKindWord = (code: TargetKind, lang: Lang): string => word(targetKinds, code, lang);
export const fieldWord = (code: StandardField, lang: Lang): string => word(fields, code, lang);
export const kpiScopeWord = (code: KpiScope, lang: Lang): string => word(scopes, code, lang);
export const coachingTabWord = (code: CoachingTab, lang: Lang): string => word(coachingTabs, code, lang);
export const splitDealCountWord = (code: SplitDealCount, lang: Lang): string => word(splitDealCounts, code, lang);
export const parseAdjustmentPolicy = (text: string): AdjustmentPolicy | null => lookup(adjustmentPolicies, text);
export const parseDrawFor = (text: string): DrawFor | null => lookup(drawFors, text);
export const parseYesNo = (text: string): "yes" | "no" | null => lookup(yesNo, text);
export const adjustmentPolicyWord = (code: AdjustmentPolicy, lang: Lang): string =>
  word(adjustmentPolicies, code, lang);
export const drawForWord = (code: DrawFor, lang: Lang): string => word(drawFors, code, lang);
export const yesNoWord = (yes: boolean, lang: Lang): string => word(yesNo, yes ? "yes" : "no", lang);
export const streakTestWord = (code: StreakRule["of"], lang: Lang): string => word(streakTests, code, lang);

type ChoiceKind =
  | "period"
  | "aggregate"
  | "direction"
  | "group"
  | "targetKind"
  | "scope"
  | "coachingTab"
  | "adjustmentPolicy"
  | "drawFor"
  | "yesNo"
  | "streakTest"
  | "splitDealCount";

function choiceTable(kind: ChoiceKind): Choice<string>[] {
  return {
    period: periods,
    aggregate: aggregates,
    direction: directions,
    group: groups,
    targetKind: targetKinds,
    scope: scopes,
    coachingTab: coachingTabs,
    adjustmentPolicy: adjustmentPolicies,
    drawFor: drawFors,
    yesNo,
    streakTest: streakTests,
    splitDealCount: splitDealCounts,
  }[kind];
}

/** The JSON codes of a choice, for a JSON plan's "must be one of …" messages. */
export function choiceCodes(kind: ChoiceKind): string {
  return choiceTable(kind)
    .map((c) => c.code)
    .join(", ");
}

/** The words of a choice in one language as a Plan sheet shows them, for "must be one of …" messages. */
export function choiceList(kind: ChoiceKind, lang: Lang): string {
  return choiceTable(kind)
    .map((c) => c[lang])
    .join(", ");
}

export const PERIOD_CODES: readonly PeriodKind[] = periods.map((c) => c.code);
export const AGGREGATE_CODES: readonly Aggregate[] = aggregates.map((c) => c.code);
export const DIRECTION_CODES: readonly Direction[] = directions.map((c) => c.code);
export const GROUP_CODES: readonly KpiGroup[] = groups.map((c) => c.code);
export const ADJUSTMENT_POLICY_CODES: readonly AdjustmentPolicy[] = adjustmentPolicies.map((c) => c.code);
export const DRAW_FOR_CODES: readonly DrawFor[] = drawFors.map((c) => c.code);
export const STREAK_TEST_CODES: readonly StreakRule["of"][] = streakTests.map((c) => c.code);
