/**
 * Line colours of the Trends chart (docs/reference/tabs.md Trends): 20 colours told apart on a white background —
 * any two differ by at least 25 in CIE L*a*b* (ΔE 1976) and none is lighter than L* 75 or darker than L* 25. The first
 * ten are Tableau's familiar category colours; the other ten were chosen farthest-first from the web palette.
 */
export const TREND_COLORS: readonly string[] = [
  "#1F77B4",
  "#FF7F0E",
  "#2CA02C",
  "#D62728",
  "#9467BD",
  "#8C564B",
  "#E377C2",
  "#7F7F7F",
  "#BCBD22",
  "#17BECF",
  "#6600CC",
  "#F032E6",
  "#336633",
  "#996600",
  "#CC0066",
  "#F99379",
  "#00CC00",
  "#990099",
  "#999966",
  "#006666",
];

/** The team average line: dark grey and dashed, a reference among the reps' coloured lines. */
export const TEAM_AVERAGE_COLOR = "#404040";

/** Up to this many reps the chart draws every rep (one colour each). */
export const MAX_TREND_REPS = TREND_COLORS.length;

/** Beyond MAX_TREND_REPS: the best this many reps by rank, plus the team average. */
export const TOP_TREND_REPS = 10;
