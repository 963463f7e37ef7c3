/**
 * Header recognition of docs/reference/input.md: English and Chinese synonyms, case- and width-insensitive,
 * trimmed. A trailing unit in brackets ("Amount (USD)", "金额（元）") is ignored too. Each match
 * carries a rank — the synonym's position in its language's list — so that when two columns name
 * the same field the more specific header wins ("Sales Rep" over "Name", "Order Date" over "Month").
 */
import type { Lang } from "../i18n/index";
import type { StandardField } from "./types";

const SYNONYMS: Record<StandardField, string[]> = {
  rep: ["rep", "sales rep", "salesperson", "owner", "name", "销售员", "业务员", "销售人员", "销售", "姓名", "员工"],
  team: ["team", "region", "group", "团队", "小组", "部门", "区域"],
  date: ["date", "order date", "close date", "month", "period", "日期", "下单日期", "成交日期", "月份"],
  amount: ["amount", "revenue", "sales", "value", "金额", "销售额", "业绩", "成交金额"],
  customer: ["customer", "client", "account", "客户", "客户名称"],
  newCustomer: ["new customer", "new", "新客户", "是否新客户"],
  satisfaction: ["satisfaction", "csat", "满意度", "客户满意度"],
  behaviour: ["behaviour", "behavior", "manager rating", "行为评分", "行为表现", "主管评分"],
  // Split credit (docs/reference/input.md): CRM split exports, one row per rep per deal.
  deal: ["deal id", "deal", "deal number", "opportunity id", "订单号", "商机编号", "订单编号", "商机编码"],
  split: ["split %", "split", "split percent", "split percentage", "credit split", "分成比例", "分成", "业绩分成比例"],
  splitAmount: ["split amount", "credited amount", "分成金额", "分成业绩"],
};

/** A header's field and how specific it is: 0 = first synonym of its language in docs/reference/input.md. */
export interface HeaderMatch {
  field: StandardField;
  rank: number;
}

const LOOKUP = new Map<string, HeaderMatch>();
for (const field of Object.keys(SYNONYMS) as StandardField[]) {
  // Ranked within each language's part of the list (docs/reference/input.md lists English · Chinese): "销售员"
  // is as specific as "rep", and a generic "name" must not beat it because English comes first.
  let en = 0;
  let zh = 0;
  for (const h of SYNONYMS[field]) LOOKUP.set(h, { field, rank: /^[\x20-\x7e]+$/.test(h) ? en++ : zh++ });
}

/** NFKC (full-width → ASCII), lower case, trimmed, inner whitespace collapsed. */
export function normaliseHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
}

/** The standard field a header names and its rank (lower = more specific), or null. */
export function matchHeaderRank(text: string): HeaderMatch | null {
  if (typeof text !== "string") return null;
  const h = normaliseHeader(text);
  if (h.length === 0) return null;
  const direct = LOOKUP.get(h);
  if (direct) return direct;
  // "Amount (USD)", "销售额（元）" — NFKC already turned full-width brackets into ASCII ones.
  const unit = /^(.*?)\s*\([^()]*\)$/.exec(h);
  return unit ? (LOOKUP.get(unit[1]) ?? null) : null;
}

/** The standard field a header names, or null. */
export function matchHeader(text: string): StandardField | null {
  return matchHeaderRank(text)?.field ?? null;
}

/** The synonyms of one field (for help texts and the mapping UI). */
export function headerSynonyms(field: StandardField): readonly string[] {
  return SYNONYMS[field];
}

/**
 * A field as the user knows it from the header row (docs/reference/input.md), never the internal id: for
 * messages such as "no New customer column" / "缺少新客户列".
 */
const LABELS: Record<Lang, Record<StandardField, string>> = {
  en: {
    rep: "Sales Rep",
    team: "Team",
    date: "Date",
    amount: "Amount",
    customer: "Customer",
    newCustomer: "New customer",
    satisfaction: "Satisfaction",
    behaviour: "Manager rating",
    deal: "Deal ID",
    split: "Split %",
    splitAmount: "Split amount",
  },
  zh: {
    rep: "销售员",
    team: "团队",
    date: "日期",
    amount: "销售额",
    customer: "客户",
    newCustomer: "新客户",
    satisfaction: "满意度",
    behaviour: "主管评分",
    deal: "订单号",
    split: "分成比例",
    splitAmount: "分成金额",
  },
};

export function fieldLabel(field: StandardField, lang: Lang): string {
  return LABELS[lang][field];
}

/** The headers SalesPerf recognises for a field in one language, as a list for a message. */
export function fieldHeaderList(field: StandardField, lang: Lang): string {
  const words = SYNONYMS[field].filter((h) => /^[\x20-\x7e]+$/.test(h) === (lang === "en"));
  return lang === "en" ? words.map((w) => w.replace(/\b[a-z]/g, (c) => c.toUpperCase())).join(", ") : words.join("、");
}
