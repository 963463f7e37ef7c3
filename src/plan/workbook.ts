/**
 * The plan a workbook carries (docs/reference/plan.md): its Plan / 考核方案 sheet (else the default plan, or a plan given
 * from outside such as the CLI's --plan JSON), plus per-rep targets from a Targets sheet and currency rates from a
 * Rates sheet. Shared by the CLI
 * and the task pane so both read a workbook's rules the same way.
 */
import { t } from "../i18n";
import type { RawCell, RawSheet } from "../ingest/types";
import { defaultPlan } from "./defaults";
import { PeopleReader, readPeopleSheet } from "./people";
import { readPlanSheet } from "./sheet";
import { findPlanIndex, planNameList, plansOf } from "./plans";
import { readTargetsSheet, REP_HEADERS } from "./targets";
import { readWorkbookTeams, teamPlans } from "./teams";
import { readRatesSheet } from "../currency/rates";
import type { Plan, PlanError } from "./types";
import type { Lang } from "./vocab";

/** A sheet's values as a grid from A1 (the plan readers address cells from A1). */
export function valuesFromA1(sheet: RawSheet): RawCell[][] {
  const r0 = (sheet.firstRow ?? 1) - 1;
  const c0 = sheet.firstCol ?? 0;
  if (r0 === 0 && c0 === 0) return sheet.values;
  const pad = new Array<RawCell>(c0).fill(null);
  return [...Array.from({ length: r0 }, () => [] as RawCell[]), ...sheet.values.map((row) => [...pad, ...row])];
}

const sameName = (s: string) => s.normalize("NFKC").trim().toLowerCase();

/** The sheet named like a catalogue entry in either language ("planSheetName": Plan / 考核方案), any case. */
export function findNamedSheet(sheets: readonly RawSheet[], key: string): RawSheet | undefined {
  const names = new Set([t("en", key), t("zh", key)].map(sameName));
  return sheets.find((s) => names.has(sameName(s.name)));
}

export type WorkbookPlan =
  | { ok: true; plan: Plan; planSheet: string | null }
  | { ok: false; planSheet: string | null; sheet: string; errors: PlanError[] };

/**
 * The rules to score with: `given` when the caller has a plan already (its Plan sheet is then not read),
 * else the Plan sheet, else the default plan in `lang`; a Targets sheet adds per-rep targets either way, and Start /
 * End columns there or on a People sheet add the reps' dates (docs/reference/plan.md "Joiners and leavers").
 */
export function readWorkbookPlan(sheets: readonly RawSheet[], lang: Lang, given?: Plan): WorkbookPlan {
  const planSheet = given ? undefined : findNamedSheet(sheets, "planSheetName");
  const planSheetName = planSheet?.name ?? null;
  let plan: Plan;
  if (given) plan = given;
  else if (planSheet) {
    const parsed = readPlanSheet(valuesFromA1(planSheet), planSheet.name);
    if (!parsed.ok) return { ok: false, planSheet: planSheetName, sheet: planSheet.name, errors: parsed.errors };
    plan = parsed.plan;
  } else plan = defaultPlan(lang);

  const people = new PeopleReader();
  const targets = findNamedSheet(sheets, "planTargetsSheetName");
  if (targets) {
    const read = readTargetsSheet(valuesFromA1(targets), targets.name, plan, people);
    const errors = [...read.errors, ...people.errors];
    if (errors.length) return { ok: false, planSheet: planSheetName, sheet: targets.name, errors };
    plan = { ...plan, repTargets: { ...plan.repTargets, ...read.targets } };
    if (read.draws) plan.repDraws = { ...plan.repDraws, ...read.draws };
    if (read.planOfRep) plan = { ...plan, planOfRep: { ...plan.planOfRep, ...read.planOfRep } };
  }
  // The Teams sheet's Plan column (docs/reference/plan.md "A plan per role or team"): a team's reps take its plan.
  const teams = readWorkbookTeams(sheets);
  const byTeam = teamPlans(teams);
  if (teams && byTeam.size > 0) {
    const errors: PlanError[] = [];
    const planOfTeam: Record<string, string> = {};
    for (const [team, { plan: name, cell }] of byTeam) {
      const i = findPlanIndex(plan, name);
      if (i < 0)
        errors.push({
          where: cell,
          messageKey: "planUnknownPlan",
          params: { plan: name, allowed: planNameList(plan) },
        });
      else planOfTeam[team] = plansOf(plan)[i].name ?? name;
    }
    if (errors.length) return { ok: false, planSheet: planSheetName, sheet: teams.sheet, errors };
    plan = { ...plan, planOfTeam };
  }
  const peopleSheet = findNamedSheet(sheets, "peopleSheetName");
  if (peopleSheet) {
    const errors = readPeopleSheet(valuesFromA1(peopleSheet), peopleSheet.name, REP_HEADERS, people);
    errors.push(...people.errors);
    if (errors.length) return { ok: false, planSheet: planSheetName, sheet: peopleSheet.name, errors };
  }
  const dates = people.finish();
  if (dates !== undefined) plan = { ...plan, people: dates };

  const ratesSheet = findNamedSheet(sheets, "ratesSheetName");
  if (ratesSheet) {
    const read = readRatesSheet(valuesFromA1(ratesSheet), ratesSheet.name, plan.currency);
    if (read.errors.length) return { ok: false, planSheet: planSheetName, sheet: ratesSheet.name, errors: read.errors };
    if (read.rates !== null) plan = { ...plan, rates: read.rates };
  }
  return { ok: true, plan, planSheet: planSheetName };
}
