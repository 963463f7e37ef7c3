/**
 * The CLI's JSON plan (docs/reference/plan.md "--plan" format): every field but `kpis` optional,
 * defaults as the default plan. Unknown keys are errors (a misspelt "wieght" must not
 * silently fall back to a default in a finance plan). Errors name JSON paths.
 */
import type { StandardField } from "../ingest/types";
import { parseNumberText } from "../sheet";
import { defaultBonus, defaultPlan } from "./defaults";
import { parsePeriodArg } from "./period";
import type { KpiTarget, Plan, PlanError, PlanKpi, PlanResult, StreakRule } from "./types";
import { planNameKey } from "./plans";
import { pathKey, validatePlan } from "./validate";
import {
  choiceCodes,
  choiceList,
  normaliseRepName,
  parseAdjustmentPolicy,
  parseAggregate,
  parseCoachingTab,
  parseDirection,
  parseDrawFor,
  parseSplitDealCount,
  parseFieldName,
  parseGroup,
  parseKpiScope,
  parsePeriodKind,
  parseStreakTest,
  type Lang,
} from "./vocab";

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === "object" && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === "number" && Number.isFinite(x);

const TOP_KEYS = [
  "period",
  "scoredPeriod",
  "currency",
  "currencyDecimals",
  "kpis",
  "bonus",
  "ranking",
  "repTargets",
  "coachingTab",
  "payouts",
  "name",
  "plans",
  "streak",
  "splitDealCount",
];
/** A further plan's own keys (docs/reference/plan.md "A plan per role or team"); the rest is the first plan's. */
const MORE_PLAN_KEYS = ["name", "kpis", "bonus", "ranking", "coachingTab"];
const SHARED_KEYS = ["period", "scoredPeriod", "currency", "currencyDecimals", "payouts", "splitDealCount"];
const KPI_KEYS = ["name", "field", "aggregate", "target", "direction", "weight", "cap", "group", "scope", "incentive"];
const BONUS_KEYS = ["targetBonus", "curve", "threshold", "cap"];
const RANKING_KEYS = ["top", "bottom"];
const PAYOUT_KEYS = ["adjustments", "clawbackCap", "draw", "drawRecoverable", "recoveryCap", "drawFor", "drawReps"];
const STREAK_KEYS = ["kpi", "of", "atLeast"];

/** Collects structural errors (wrong type, unknown key, missing field) and the paths they hit. */
class Reader {
  readonly errors: PlanError[] = [];
  readonly failed = new Set<string>();

  fail(where: string, messageKey: string, params?: Record<string, string | number>): void {
    this.errors.push(params ? { where, messageKey, params } : { where, messageKey });
    this.failed.add(where);
  }

  keys(obj: Json, allowed: string[], base: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(base ? pathKey(base, key) : key, "planUnknownKey", { key });
    }
  }

  /** A number; absent → fallback. */
  number(obj: Json, key: string, base: string, fallback: number): number {
    if (!(key in obj)) return fallback;
    const v = obj[key];
    if (isNum(v)) return v;
    this.fail(base ? `${base}.${key}` : key, "planMustBeNumber", { field: key });
    return fallback;
  }

  /**
   * Top or Bottom N: a number (5, or 0.2 for a share), or a percentage as text ("20%") for a share of the team;
   * absent → fallback. Whether the value is a whole count or a share below 100 % is validatePlan's question.
   */
  rankCut(obj: Json, key: string, base: string, fallback: number): number {
    if (!(key in obj)) return fallback;
    const v = obj[key];
    if (isNum(v)) return v;
    if (typeof v === "string" && v.trim().endsWith("%")) {
      const p = parseNumberText(v);
      if (p.ok) return p.value;
    }
    this.fail(`${base}.${key}`, "planRankCut", { field: key });
    return fallback;
  }

  /** A number or null (= none); absent → fallback. */
  numberOrNull(obj: Json, key: string, base: string, fallback: number | null): number | null {
    if (!(key in obj)) return fallback;
    const v = obj[key];
    if (v === null || isNum(v)) return v;
    this.fail(base ? `${base}.${key}` : key, "planMustBeNumber", { field: key });
    return fallback;
  }

  required(obj: Json, key: string, base: string): boolean {
    if (key in obj && obj[key] !== undefined) return true;
    this.fail(`${base}.${key}`, "planRequired", { field: key });
    return false;
  }

  choice<T extends string>(
    obj: Json,
    key: string,
    base: string,
    parse: (s: string) => T | null,
    kind: Parameters<typeof choiceList>[0],
    fallback: T,
  ): T {
    if (!(key in obj)) return fallback;
    const v = obj[key];
    const parsed = typeof v === "string" ? parse(v) : null;
    if (parsed) return parsed;
    this.fail(base ? `${base}.${key}` : key, "planBadChoice", {
      field: key,
      value: typeof v === "string" ? v : JSON.stringify(v),
      allowed: choiceCodes(kind),
    });
    return fallback;
  }
}

/**
 * Parse a JSON plan (already JSON.parse'd). `lang` is accepted for symmetry with the
 * sheet reader; names and values are kept as written (choice words may be English codes
 * or the Chinese words of the Plan sheet).
 */
export function parsePlanJson(json: unknown, _lang?: Lang): PlanResult {
  const r = new Reader();
  if (!isObject(json)) {
    return { ok: false, errors: [{ where: "plan", messageKey: "planMustBeObject", params: { field: "plan" } }] };
  }
  r.keys(json, TOP_KEYS, "");
  const plan = defaultPlan("en");
  plan.kpis = [];

  const periodGiven = "period" in json;
  plan.period = r.choice(json, "period", "", parsePeriodKind, "period", "quarter");
  if ("scoredPeriod" in json && json.scoredPeriod !== null) {
    const v = json.scoredPeriod;
    if (typeof v !== "string") r.fail("scoredPeriod", "planMustBeText", { field: "scoredPeriod" });
    else {
      const parsed = parsePeriodArg(v);
      // A scored period alone also sets the period kind, as --period does (docs/reference/cli.md).
      if (parsed && !periodGiven) plan.period = parsed.kind;
      plan.scoredPeriod = parsed ? parsed.key : v;
    }
  }
  if ("currency" in json && json.currency !== null) {
    const v = json.currency;
    if (typeof v !== "string") r.fail("currency", "planMustBeText", { field: "currency" });
    else plan.currency = v.trim().toUpperCase();
  }
  plan.currencyDecimals = r.number(json, "currencyDecimals", "", 2);

  // KPIs: required, a non-empty list.
  if (!("kpis" in json)) r.fail("kpis", "planRequired", { field: "kpis" });
  else if (!Array.isArray(json.kpis)) r.fail("kpis", "planMustBeList", { field: "kpis" });
  else json.kpis.forEach((k, i) => plan.kpis.push(readKpi(r, k, `kpis[${i}]`)));

  if ("bonus" in json) {
    const b = json.bonus;
    if (!isObject(b)) r.fail("bonus", "planMustBeObject", { field: "bonus" });
    else {
      r.keys(b, BONUS_KEYS, "bonus");
      const d = defaultBonus();
      plan.bonus = {
        targetBonus: r.number(b, "targetBonus", "bonus", d.targetBonus),
        curve: "curve" in b ? readCurve(r, b.curve) : d.curve,
        threshold: r.number(b, "threshold", "bonus", d.threshold),
        cap: r.numberOrNull(b, "cap", "bonus", d.cap),
      };
    }
  }

  if ("ranking" in json) {
    const k = json.ranking;
    if (!isObject(k)) r.fail("ranking", "planMustBeObject", { field: "ranking" });
    else {
      r.keys(k, RANKING_KEYS, "ranking");
      plan.ranking = { top: r.rankCut(k, "top", "ranking", 5), bottom: r.rankCut(k, "bottom", "ranking", 3) };
    }
  }

  if ("repTargets" in json) plan.repTargets = readRepTargets(r, json.repTargets);
  if ("coachingTab" in json)
    plan.coachingTab = r.choice(json, "coachingTab", "", parseCoachingTab, "coachingTab", "coaching");
  if ("payouts" in json) readPayouts(r, json.payouts, plan);
  if ("name" in json) {
    if (typeof json.name === "string" && json.name.trim()) plan.name = json.name.trim();
    else r.fail("name", "planMustBeText", { field: "name" });
  }
  if ("plans" in json) readMorePlans(r, json, plan);
  const streak = "streak" in json && json.streak !== null ? readStreak(r, json.streak) : undefined;
  if (streak) plan.streak = streak;
  if ("splitDealCount" in json)
    plan.splitDealCount = r.choice(json, "splitDealCount", "", parseSplitDealCount, "splitDealCount", "every");

  // Semantic rules on what could be read; skip errors at paths already reported.
  const weightFailed = [...r.failed].some((p) => /^kpis(\[\d+\](\.weight)?)?$/.test(p));
  const semantic = validatePlan(plan).filter(
    (e) =>
      !r.failed.has(e.where) &&
      !(e.messageKey === "planWeightsSum" && weightFailed) &&
      !(e.messageKey === "planNoKpis" && r.failed.has("kpis")),
  );
  const errors = [...r.errors, ...semantic];
  return errors.length ? { ok: false, errors } : { ok: true, plan };
}

/**
 * `plans`: the further plans, each read as a plan of its own with the first plan's period and currency, its errors
 * under `plans[i]`. With several plans every plan is named, each name once.
 */
function readMorePlans(r: Reader, json: Json, plan: Plan): void {
  const list = json.plans;
  if (!Array.isArray(list)) {
    r.fail("plans", "planMustBeList", { field: "plans" });
    return;
  }
  const more: Plan[] = [];
  const names = new Set<string>();
  const named = (name: string | undefined, where: string) => {
    if (!name) r.fail(where, "planJsonNameMissing");
    else if (names.has(planNameKey(name))) r.fail(where, "planJsonNameDuplicate", { name });
    else names.add(planNameKey(name));
  };
  if (list.length > 0 && !r.failed.has("name")) named(plan.name, "name");
  list.forEach((p, i) => {
    const base = `plans[${i}]`;
    if (!isObject(p)) {
      r.fail(base, "planMustBeObject", { field: base });
      return;
    }
    const own: Json = {};
    for (const key of SHARED_KEYS) if (key in json) own[key] = json[key];
    for (const [key, v] of Object.entries(p)) {
      if (SHARED_KEYS.includes(key)) r.fail(`${base}.${key}`, "planSettingOnFirstPlan", { label: key });
      else if (!MORE_PLAN_KEYS.includes(key)) r.fail(pathKey(base, key), "planUnknownKey", { key });
      else own[key] = v;
    }
    const read = parsePlanJson(own);
    if (!read.ok) {
      for (const e of read.errors) {
        // The shared settings' errors are the first plan's, reported once at their own paths.
        if (SHARED_KEYS.some((k) => e.where === k || e.where.startsWith(`${k}.`))) continue;
        r.fail(`${base}.${e.where}`, e.messageKey, e.params);
      }
    } else more.push(read.plan);
    if (!r.failed.has(`${base}.name`))
      named(read.ok ? read.plan.name : typeof p.name === "string" ? p.name.trim() : undefined, `${base}.name`);
  });
  if (more.length === list.length && more.length > 0) plan.morePlans = more;
}

/** docs/reference/plan.md "Streak rule": `{ "kpi": "Revenue", "of": "growth", "atLeast": 0.1 }`, every key required. */
function readStreak(r: Reader, s: unknown): StreakRule | undefined {
  if (!isObject(s)) {
    r.fail("streak", "planMustBeObject", { field: "streak" });
    return undefined;
  }
  const rule: StreakRule = { kpi: "", of: "growth", atLeast: 0 };
  r.keys(s, STREAK_KEYS, "streak");
  if (r.required(s, "kpi", "streak")) {
    if (typeof s.kpi === "string") rule.kpi = s.kpi.trim();
    else r.fail("streak.kpi", "planMustBeText", { field: "kpi" });
  }
  if (r.required(s, "of", "streak")) rule.of = r.choice(s, "of", "streak", parseStreakTest, "streakTest", "growth");
  if (r.required(s, "atLeast", "streak")) rule.atLeast = r.number(s, "atLeast", "streak", 0);
  return rule;
}

function readKpi(r: Reader, k: unknown, base: string): PlanKpi {
  const kpi: PlanKpi = {
    name: "",
    measure: { field: null, header: null },
    aggregate: "sum",
    target: { kind: "fixed", value: 1 },
    direction: "higher",
    weight: 0,
    cap: null,
    group: "results",
  };
  if (!isObject(k)) {
    r.fail(base, "planMustBeObject", { field: base });
    return kpi;
  }
  r.keys(k, KPI_KEYS, base);
  if (r.required(k, "name", base)) {
    if (typeof k.name === "string") kpi.name = k.name.trim();
    else r.fail(`${base}.name`, "planMustBeText", { field: "name" });
  }
  if (r.required(k, "field", base)) {
    if (typeof k.field === "string" && k.field.trim()) {
      // A docs/reference/input.md field name, otherwise the exact header of another column.
      const field: StandardField | null = parseFieldName(k.field);
      kpi.measure = field ? { field, header: null } : { field: null, header: k.field.trim() };
    } else r.fail(`${base}.field`, "planMustBeText", { field: "field" });
  }
  if (r.required(k, "aggregate", base))
    kpi.aggregate = r.choice(k, "aggregate", base, parseAggregate, "aggregate", "sum");
  if (r.required(k, "target", base)) kpi.target = readTarget(r, k.target, `${base}.target`);
  kpi.direction = r.choice(k, "direction", base, parseDirection, "direction", "higher");
  if (r.required(k, "weight", base)) kpi.weight = r.number(k, "weight", base, 0);
  kpi.cap = r.numberOrNull(k, "cap", base, null);
  kpi.group = r.choice(k, "group", base, parseGroup, "group", "results");
  // docs/reference/coaching.md: scored on the team's total; a non-cash reward for meeting the target.
  if ("scope" in k) {
    const scope = r.choice(k, "scope", base, parseKpiScope, "scope", "rep");
    if (scope === "team") kpi.scope = scope;
  }
  if ("incentive" in k && k.incentive !== null) {
    if (typeof k.incentive === "string") {
      if (k.incentive.trim()) kpi.incentive = k.incentive.trim();
    } else r.fail(`${base}.incentive`, "planMustBeText", { field: "incentive" });
  }
  return kpi;
}

/** `target`: a number (fixed), `{ "perMonth": n }` or `{ "growth": g }` (docs/reference/plan.md). */
function readTarget(r: Reader, t: unknown, path: string): KpiTarget {
  const placeholder: KpiTarget = { kind: "fixed", value: 1 };
  if (isNum(t)) return { kind: "fixed", value: t };
  if (isObject(t)) {
    const keys = Object.keys(t);
    if (keys.length === 1 && (keys[0] === "perMonth" || keys[0] === "growth")) {
      const v = t[keys[0]];
      if (!isNum(v)) {
        r.fail(`${path}.${keys[0]}`, "planMustBeNumber", { field: keys[0] });
        r.failed.add(path);
        return placeholder;
      }
      return keys[0] === "perMonth" ? { kind: "perMonth", value: v } : { kind: "growth", rate: v };
    }
  }
  r.fail(path, "planTargetShape");
  return placeholder;
}

function readCurve(r: Reader, c: unknown): [number, number][] | null {
  // An empty list says "no curve" as plainly as null does: the factor is then the score.
  if (c === null || (Array.isArray(c) && c.length === 0)) return null;
  if (!Array.isArray(c)) {
    r.fail("bonus.curve", "planMustBeList", { field: "curve" });
    return defaultBonus().curve;
  }
  const points: [number, number][] = [];
  c.forEach((p, i) => {
    if (Array.isArray(p) && p.length === 2 && isNum(p[0]) && isNum(p[1])) points.push([p[0], p[1]]);
    else r.fail(`bonus.curve[${i}]`, "planCurvePoint");
  });
  // An all-invalid curve was reported point by point; don't also call it empty.
  if (points.length === 0 && c.length > 0) r.failed.add("bonus.curve");
  return points;
}

/** docs/reference/payouts.md: `payouts` — adjustment policy, clawback cap, draw and who gets it. */
function readPayouts(r: Reader, v: unknown, plan: Plan): void {
  if (!isObject(v)) {
    r.fail("payouts", "planMustBeObject", { field: "payouts" });
    return;
  }
  r.keys(v, PAYOUT_KEYS, "payouts");
  let drawRecoverable = false;
  if ("drawRecoverable" in v) {
    if (typeof v.drawRecoverable === "boolean") drawRecoverable = v.drawRecoverable;
    else r.fail("payouts.drawRecoverable", "planMustBeYesNo", { field: "drawRecoverable" });
  }
  plan.payouts = {
    adjustments: r.choice(v, "adjustments", "payouts", parseAdjustmentPolicy, "adjustmentPolicy", "report"),
    clawbackCap: r.numberOrNull(v, "clawbackCap", "payouts", null),
    draw: r.numberOrNull(v, "draw", "payouts", null),
    drawRecoverable,
    recoveryCap: r.numberOrNull(v, "recoveryCap", "payouts", null),
    drawFor: r.choice(v, "drawFor", "payouts", parseDrawFor, "drawFor", "everyone"),
  };
  if (!("drawReps" in v)) return;
  const reps = v.drawReps;
  if (!isObject(reps)) {
    r.fail("payouts.drawReps", "planMustBeObject", { field: "drawReps" });
    return;
  }
  const out: Record<string, number | null> = {};
  for (const [rep, amount] of Object.entries(reps)) {
    if (amount === null || isNum(amount)) out[normaliseRepName(rep)] = amount;
    else r.fail(pathKey("payouts.drawReps", rep), "planMustBeNumber", { field: "draw" });
  }
  plan.repDraws = out;
}

function readRepTargets(r: Reader, v: unknown): Plan["repTargets"] {
  const out: Plan["repTargets"] = {};
  if (!isObject(v)) {
    r.fail("repTargets", "planMustBeObject", { field: "repTargets" });
    return out;
  }
  for (const [rep, byKpi] of Object.entries(v)) {
    const repPath = pathKey("repTargets", rep);
    if (!isObject(byKpi)) {
      r.fail(repPath, "planMustBeObject", { field: rep });
      continue;
    }
    const name = normaliseRepName(rep);
    for (const [kpi, target] of Object.entries(byKpi)) {
      if (!isNum(target)) {
        r.fail(pathKey(repPath, kpi), "planMustBeNumber", { field: "target" });
        continue;
      }
      (out[name] ??= {})[kpi] = target;
    }
  }
  return out;
}

/** Parse plan.json text; a syntax error names the line and column (docs/reference/cli.md exit 2 "says what to fix"). */
export function parsePlanText(text: string, lang?: Lang): PlanResult {
  const src = text.replace(/^\uFEFF/, ""); // Windows editors save a BOM
  let json: unknown;
  try {
    json = JSON.parse(src);
  } catch {
    return { ok: false, errors: [jsonSyntaxError(src)] };
  }
  return parsePlanJson(json, lang);
}

/** Node's JSON.parse messages only sometimes carry a position; find it with a small JSON scanner. */
function jsonSyntaxError(src: string): PlanError {
  const pos = Math.min(findJsonError(src) ?? src.length, src.length);
  const before = src.slice(0, pos);
  const line = before.split("\n").length;
  const column = pos - (before.lastIndexOf("\n") + 1) + 1;
  if (pos >= src.length)
    return { where: "plan.json", messageKey: "planJsonEnd", params: { line, column, position: pos } };
  const found = JSON.stringify(src[pos]);
  return { where: "plan.json", messageKey: "planJsonSyntax", params: { line, column, position: pos, found } };
}

/** Offset of the first character that breaks the JSON grammar (RFC 8259), or null when valid. */
export function findJsonError(s: string): number | null {
  let i = 0;
  const fail = (at: number): never => {
    throw new JsonStop(at);
  };
  const ws = () => {
    while (i < s.length && " \t\n\r".includes(s[i])) i++;
  };
  const expect = (ch: string) => {
    if (s[i] !== ch) fail(i);
    i++;
  };
  const digits = () => {
    if (!/[0-9]/.test(s[i] ?? "")) fail(i);
    while (/[0-9]/.test(s[i] ?? "")) i++;
  };
  const str = () => {
    expect('"');
    for (;;) {
      if (i >= s.length) fail(i);
      const c = s[i];
      if (c === '"') {
        i++;
        return;
      }
      if (c.charCodeAt(0) < 0x20) fail(i);
      if (c === "\\") {
        i++;
        if (s[i] === "u") {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(s[i + k] ?? "")) fail(i + k);
          i += 5;
        } else if (s[i] !== undefined && '"\\/bfnrt'.includes(s[i])) i++;
        else fail(i);
      } else i++;
    }
  };
  const value = (): void => {
    ws();
    const c = s[i];
    if (c === "{") {
      i++;
      ws();
      if (s[i] === "}") {
        i++;
        return;
      }
      for (;;) {
        ws();
        str();
        ws();
        expect(":");
        value();
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "}") {
          i++;
          return;
        } else fail(i);
      }
    } else if (c === "[") {
      i++;
      ws();
      if (s[i] === "]") {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (s[i] === ",") i++;
        else if (s[i] === "]") {
          i++;
          return;
        } else fail(i);
      }
    } else if (c === '"') str();
    else if (c === "-" || /[0-9]/.test(c ?? "")) {
      if (s[i] === "-") i++;
      if (s[i] === "0") i++;
      else digits();
      if (s[i] === ".") {
        i++;
        digits();
      }
      if (s[i] === "e" || s[i] === "E") {
        i++;
        if (s[i] === "+" || s[i] === "-") i++;
        digits();
      }
    } else {
      for (const lit of ["true", "false", "null"]) {
        if (c === lit[0]) {
          for (let k = 0; k < lit.length; k++) if (s[i + k] !== lit[k]) fail(i + k);
          i += lit.length;
          return;
        }
      }
      fail(i);
    }
  };
  try {
    value();
    ws();
    if (i < s.length) fail(i);
    return null;
  } catch (e) {
    if (e instanceof JsonStop) return e.at;
    throw e;
  }
}

class JsonStop {
  constructor(readonly at: number) {}
}
