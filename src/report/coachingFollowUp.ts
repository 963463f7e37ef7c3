/**
 * The Coaching tab's follow-up (docs/reference/coaching.md): under the rep blocks, each rep marked Coaching in the
 * latest closed period before the scored one, with that period's score and rank as closed (values), the scored
 * period's score, rank and status (formulas on the Scorecard) and the change in score since; with a streak rule, the
 * rep's streak from the Trends tab.
 */
import { dec } from "../engine/index";
import type { History } from "../history/types";
import { t, type Lang } from "../i18n/index";
import { absAddr, formula, num, PCT, sheetRef, text } from "./cells";
import { closedColumns, type CycleRefs, type RepPlace } from "./cycle";
import { scorecardCols, statusText } from "./formulas";
import type { ReportCell, ReportSheet } from "./model";
import type { ScoredPeriod, ScoredRep } from "./score";

/** The change is rounded to 10 decimals: a difference of two scores cancels digits, and engines then differ in the 15th. */
const CHANGE_DECIMALS = 10;
/** A change reads with its sign: +4.5 %, −3.0 %. */
const CHANGE_FORMAT = "+0.0%;-0.0%;0.0%";

export interface FollowUpContext {
  lang: Lang;
  scored: ScoredPeriod;
  byName: readonly ScoredRep[];
  kpiCount: number;
  /** Several plans: each rep's Scorecard row and plan (cycle.ts); absent = one plan, row = byName index + 2. */
  placeOf?: (rep: string) => RepPlace | undefined;
  names: { scorecard: string };
  history?: History;
  refs: CycleRefs;
  withStreak: boolean;
}

/** Append the follow-up block to the Coaching sheet; nothing without a closed period before the scored one. */
export function appendCoachingFollowUp(sheet: ReportSheet, ctx: FollowUpContext): void {
  const cols = closedColumns(ctx.history, ctx.scored);
  if (!cols) return;
  const { lang, scored } = ctx;
  const prev = cols.previous;
  const rows = sheet.rows;
  if (rows.length > 0 && rows[rows.length - 1].length > 0) rows.push([]);
  rows.push([text(t(lang, "coach.followUp.title", { period: prev.period }), "title")]);
  rows.push([text(t(lang, "coach.followUp.note", { period: prev.period }), "note")]);
  const coaching = prev.reps.filter((r) => r.status === "coaching").sort((a, b) => a.rank - b.rank);
  if (coaching.length === 0) {
    rows.push([text(t(lang, "coach.followUp.none", { period: prev.period }))]);
    return;
  }
  const H = (key: string, period: string): ReportCell => text(t(lang, key, { period }), "header");
  rows.push([
    text(t(lang, "hdr.rep"), "header"),
    H("coach.followUp.hdr.score", prev.period),
    H("coach.followUp.hdr.rank", prev.period),
    H("coach.followUp.hdr.score", scored.period),
    H("coach.followUp.hdr.rank", scored.period),
    H("coach.followUp.hdr.status", scored.period),
    H("coach.followUp.hdr.change", scored.period),
    ...(ctx.withStreak ? [text(t(lang, "cycle.streak.hdr"), "header")] : []),
  ]);
  const byNameRow = new Map(ctx.byName.map((r, i) => [r.rep, i + 2]));
  const placeOf = (rep: string): { row: number; kpis: number } | undefined => {
    if (ctx.placeOf) {
      const p = ctx.placeOf(rep);
      return p && { row: p.row, kpis: p.plan.kpis.length };
    }
    const row = byNameRow.get(rep);
    return row === undefined ? undefined : { row, kpis: ctx.kpiCount };
  };
  const now = new Map(scored.reps.map((r) => [r.rep, r]));
  for (const cr of coaching) {
    const row = rows.length + 1;
    const then = dec(cr.score);
    const cells: (ReportCell | null)[] = [text(cr.rep), num(then, PCT), num(cr.rank, "0")];
    const r = now.get(cr.rep);
    const place = placeOf(cr.rep);
    if (r === undefined || place === undefined) {
      cells.push(text(t(lang, "coach.followUp.notScored", { period: scored.period })));
    } else {
      const C = scorecardCols(place.kpis);
      const S = (col: number): string => sheetRef(ctx.names.scorecard, absAddr(col, place.row));
      const scoreNow = absAddr(3, row).replace(/\$/g, "");
      const scoreThen = absAddr(1, row).replace(/\$/g, "");
      cells.push(
        formula(S(C.score), r.score, PCT),
        formula(S(C.rank), r.rank, "0"),
        formula(`${S(C.status)}&""`, statusText(lang, r.status)),
        formula(
          `ROUND(${scoreNow}-${scoreThen},${CHANGE_DECIMALS})`,
          r.score.minus(then).toDecimalPlaces(CHANGE_DECIMALS),
          CHANGE_FORMAT,
        ),
      );
      const streak = ctx.withStreak ? ctx.refs.streakCell(cr.rep) : undefined;
      if (streak) cells.push(formula(streak.ref, streak.value, "0"));
    }
    rows.push(cells);
  }
}
