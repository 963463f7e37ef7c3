/** Team ranking (docs/reference/plan.md). */
import type Decimal from "decimal.js";
import { compare15, dec } from "../engine/index";
import { compareCodePoints } from "./compare";
import type { ScoredRep } from "./score";

export interface TeamScore {
  team: string;
  averageScore: Decimal;
  reps: number;
  rank: number;
}

/** Team ranking by average score (docs/reference/plan.md). Teams match case-insensitively, as Excel's "=" does
 * in the Ranking tab's formulas; the first spelling met names the team. */
export function rankTeams(reps: readonly ScoredRep[]): TeamScore[] {
  const byKey = new Map<string, { team: string; sum: Decimal; reps: number }>();
  const ordered = [...reps].sort((a, b) => compareCodePoints(a.rep, b.rep));
  for (const r of ordered) {
    if (r.team === null || r.team === "") continue;
    const key = r.team.toLowerCase();
    const t = byKey.get(key) ?? { team: r.team, sum: dec(0), reps: 0 };
    t.sum = t.sum.plus(r.score);
    t.reps++;
    byKey.set(key, t);
  }
  const teams = [...byKey.values()].map((t) => ({
    team: t.team,
    averageScore: t.sum.div(t.reps),
    reps: t.reps,
    rank: 0,
  }));
  teams.sort((a, b) => compare15(b.averageScore, a.averageScore) || compareCodePoints(a.team, b.team));
  teams.forEach((t, i) => (t.rank = i + 1));
  return teams;
}
