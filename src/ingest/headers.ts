/**
 * Header recognition of SPEC §3.1: English and Chinese synonyms, case- and width-insensitive,
 * trimmed. A trailing unit in brackets ("Amount (USD)", "金额（元）") is ignored too.
 */
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
};

const LOOKUP = new Map<string, StandardField>();
for (const field of Object.keys(SYNONYMS) as StandardField[]) {
  for (const h of SYNONYMS[field]) LOOKUP.set(h, field);
}

/** NFKC (full-width → ASCII), lower case, trimmed, inner whitespace collapsed. */
export function normaliseHeader(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim().replace(/\s+/g, " ");
}

/** The standard field a header names, or null. */
export function matchHeader(text: string): StandardField | null {
  if (typeof text !== "string") return null;
  const h = normaliseHeader(text);
  if (h.length === 0) return null;
  const direct = LOOKUP.get(h);
  if (direct) return direct;
  // "Amount (USD)", "销售额（元）" — NFKC already turned full-width brackets into ASCII ones.
  const unit = /^(.*?)\s*\([^()]*\)$/.exec(h);
  return unit ? (LOOKUP.get(unit[1]) ?? null) : null;
}

/** The synonyms of one field (for help texts and the mapping UI). */
export function headerSynonyms(field: StandardField): readonly string[] {
  return SYNONYMS[field];
}
