/**
 * The default plan of docs/reference/plan.md — the example users already know — and the English /
 * Chinese names of its KPIs.
 */
import type { Lang } from "./vocab";
import type { Plan, PlanKpi } from "./types";

/** Default KPI names per language, in plan order (docs/reference/plan.md table). */
export const DEFAULT_KPI_NAMES: readonly { en: string; zh: string }[] = [
  { en: "Revenue", zh: "销售额" },
  { en: "New customers", zh: "新客户" },
  { en: "Customer satisfaction", zh: "客户满意度" },
  { en: "Manager rating", zh: "主管评分" },
];

function defaultKpis(lang: Lang): PlanKpi[] {
  const n = DEFAULT_KPI_NAMES.map((x) => x[lang]);
  return [
    {
      name: n[0],
      measure: { field: "amount", header: null },
      aggregate: "sum",
      target: { kind: "growth", rate: 0.1 },
      direction: "higher",
      weight: 0.4,
      cap: 1.5,
      group: "results",
    },
    {
      name: n[1],
      measure: { field: "newCustomer", header: null },
      aggregate: "count_true",
      target: { kind: "perMonth", value: 20 },
      direction: "higher",
      weight: 0.3,
      cap: 1.5,
      group: "results",
    },
    {
      name: n[2],
      measure: { field: "satisfaction", header: null },
      aggregate: "average",
      target: { kind: "fixed", value: 0.9 },
      direction: "higher",
      weight: 0.15,
      cap: 1.2,
      group: "behaviour",
    },
    {
      name: n[3],
      measure: { field: "behaviour", header: null },
      aggregate: "average",
      target: { kind: "fixed", value: 4 },
      direction: "higher",
      weight: 0.15,
      cap: 1.25,
      group: "behaviour",
    },
  ];
}

/** Default bonus rule (docs/reference/plan.md): 5000 per period, curve {0.6,0.3; 1,1; 1.5,2}, threshold 60 %, cap 200 %. */
export function defaultBonus(): Plan["bonus"] {
  return {
    targetBonus: 5000,
    curve: [
      [0.6, 0.3],
      [1, 1],
      [1.5, 2],
    ],
    threshold: 0.6,
    cap: 2,
  };
}

export function defaultPlan(lang: Lang): Plan {
  return {
    period: "quarter",
    scoredPeriod: null,
    currency: null,
    currencyDecimals: 2,
    kpis: defaultKpis(lang),
    bonus: defaultBonus(),
    ranking: { top: 5, bottom: 3 },
    repTargets: {},
  };
}

/**
 * The KPI's name in a language: a default KPI (its name is the default English or
 * Chinese name and it measures the default field) is shown in `lang` (docs/reference/cli.md: with
 * --lang zh the default plan's KPI names are the Chinese ones); any other name as written.
 */
export function kpiDisplayName(kpi: PlanKpi, lang: Lang): string {
  const name = kpi.name.trim();
  const defaults = defaultKpis("en");
  for (let i = 0; i < DEFAULT_KPI_NAMES.length; i++) {
    const names = DEFAULT_KPI_NAMES[i];
    if ((name === names.en || name === names.zh) && kpi.measure.field === defaults[i].measure.field) {
      return names[lang];
    }
  }
  return kpi.name;
}
