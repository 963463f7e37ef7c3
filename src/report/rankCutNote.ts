/**
 * A worth-a-look line on the Data issues tab (docs/reference/plan.md ranking): Top N and Bottom N given as counts
 * that mark more than half the scored reps — the default 5 and 3 on a team of 9 makes 5 of 9 "Top", which misleads.
 * The default is not changed; the line names the Plan cells and suggests a share, and only when a share of 20 %
 * would mark fewer reps than the counts do.
 */
import { t } from "../i18n/index";
import type { Lang } from "../i18n/index";
import type { DataIssue } from "../ingest/types";
import type { Plan } from "../plan/types";
import { isRankShare, rankCutCount } from "../plan/rankCut";

/** The share the line suggests, as typed on the Plan tab. */
const SUGGESTED_SHARE = 0.2;

/** "$B$15" → "B15" and its row, 15. */
function plainCell(address: string): { cell: string; row: number } {
  const cell = address.replace(/\$/g, "");
  return { cell, row: Number(/\d+$/.exec(cell)?.[0] ?? 0) };
}

/** Reps marked Top or Coaching with these settings among `reps` (Top first; Coaching never takes a Top rep). */
function marked(top: number, bottom: number, reps: number): number {
  const topCount = Math.min(rankCutCount(top, reps), reps);
  return topCount + Math.min(rankCutCount(bottom, reps), reps - topCount);
}

/**
 * The line, or null: `reps` scored reps, `planSheet` the Plan tab's name, `cells` the addresses of its Top N and
 * Bottom N values.
 */
export function rankCutNote(
  lang: Lang,
  plan: Plan,
  reps: number,
  planSheet: string,
  cells: { top: string; bottom: string },
): DataIssue | null {
  const { top, bottom } = plan.ranking;
  if (isRankShare(top) && isRankShare(bottom)) return null;
  const now = marked(top, bottom, reps);
  if (now * 2 <= reps || marked(SUGGESTED_SHARE, SUGGESTED_SHARE, reps) >= now) return null;
  const topCell = plainCell(cells.top);
  return {
    sheet: planSheet,
    row: topCell.row,
    column: t(lang, "planLabelTop"),
    raw: top,
    action: "kept",
    reasonKey: "rankCutsOverHalf",
    params: {
      top,
      bottom,
      marked: now,
      reps,
      topCell: topCell.cell,
      bottomCell: plainCell(cells.bottom).cell,
      share: "20%",
      plan: planSheet,
    },
  };
}
