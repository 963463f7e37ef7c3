/**
 * One message catalogue per layer (src/i18n/catalogues/*.ts), each with an English and
 * a Simplified Chinese dictionary; `t` looks a key up in all of them. Messages use
 * {name} placeholders. A missing key falls back to English, then to the key itself,
 * so a user never sees an exception because of a message.
 */
import { bundleMessages } from "./catalogues/bundle";
import { coachingMessages } from "./catalogues/coaching";
import { currencyMessages } from "./catalogues/currency";
import { cycleMessages } from "./catalogues/cycle";
import { monthRowsMessages } from "./catalogues/gaps12";
import { engineMessages } from "./catalogues/engine";
import { historyMessages } from "./catalogues/history";
import { ingestMessages } from "./catalogues/ingest";
import { payoutsMessages } from "./catalogues/payouts";
import { planMessages } from "./catalogues/plan";
import { plansMessages } from "./catalogues/plans";
import { printMessages } from "./catalogues/print";
import { prorateMessages } from "./catalogues/prorate";
import { reportMessages } from "./catalogues/report";
import { splitMessages } from "./catalogues/split";
import { summaryMessages } from "./catalogues/summary";
import { teamsMessages } from "./catalogues/teams";
import { uiMessages } from "./catalogues/ui";
import { whatIfMessages } from "./catalogues/whatIf";

export type Lang = "en" | "zh";

export interface Catalogue {
  en: Record<string, string>;
  zh: Record<string, string>;
}

/** Every catalogue by layer, for the tests that read the whole zh text (docs/reference/terms.md). */
export const cataloguesByLayer: Readonly<Record<string, Catalogue>> = {
  engine: engineMessages,
  ingest: ingestMessages,
  plan: planMessages,
  plans: plansMessages,
  print: printMessages,
  report: reportMessages,
  summary: summaryMessages,
  ui: uiMessages,
  whatIf: whatIfMessages,
  coaching: coachingMessages,
  teams: teamsMessages,
  split: splitMessages,
  payouts: payoutsMessages,
  prorate: prorateMessages,
  history: historyMessages,
  currency: currencyMessages,
  cycle: cycleMessages,
  bundle: bundleMessages,
  monthRows: monthRowsMessages,
};

const catalogues: Catalogue[] = Object.values(cataloguesByLayer);

const merged: Record<Lang, Record<string, string>> = { en: {}, zh: {} };
for (const c of catalogues) {
  Object.assign(merged.en, c.en);
  Object.assign(merged.zh, c.zh);
}

export function format(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function t(lang: Lang, key: string, params?: Record<string, string | number>): string {
  const template = merged[lang][key] ?? merged.en[key] ?? key;
  return format(template, params);
}

/** "zh-CN", "zh-TW", "zh" → zh; anything else → en. */
export function langFromLocale(locale: string | null | undefined): Lang {
  return /^zh/i.test(locale ?? "") ? "zh" : "en";
}

const pluralRules: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  zh: new Intl.PluralRules("zh"),
};

/**
 * A message that depends on a count: `${key}.one`, `${key}.other` (CLDR plural categories; Chinese has only
 * "other"), with {count} filled in. A category without its own message falls back to `.other`.
 */
export function tCount(lang: Lang, key: string, count: number, params?: Record<string, string | number>): string {
  const category = pluralRules[lang].select(count);
  const withCount = { ...params, count };
  const specific = `${key}.${category}`;
  return t(lang, merged[lang][specific] !== undefined ? specific : `${key}.other`, withCount);
}
