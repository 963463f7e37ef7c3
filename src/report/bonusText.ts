/**
 * The Bonus tab's explanation of one payout (docs/reference/tabs.md), in the report language: a native formula that
 * reads the row's score, factor and bonus and the Plan tab's threshold, curve and cap, so an edited Plan rewrites the
 * sentence too. "Score 104.23% reaches the threshold 60%; between the curve points 100% and 150% (factors 100% and
 * 200%), interpolated; factor 108.46%; 5,000.00 × 108.46% = 5,423.00". Only TEXT, IF, INDEX, MATCH, COUNT and ROUND:
 * no CONCAT/TEXTJOIN, so Excel 2010, WPS and LibreOffice show it. The cached text is built from the engine's exact
 * values with the rounding TEXT applies (half away from zero).
 */
import Decimal from "decimal.js";
import { compare15, dec } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import { addr, excelString, sheetRef } from "./cells";
import type { ReportCell } from "./model";

/** A fraction as a percent with at most one decimal: 1.0842 → "108.4%", 0.6 → "60%". */
export function pctText(x: Decimal): string {
  return `${x.times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toString()}%`;
}

/** Thousands separators; `decimals` fixed, or the number's own decimals when null. */
export function amountText(x: Decimal, decimals: number | null): string {
  const s = decimals === null ? x.toFixed() : x.toFixed(decimals, Decimal.ROUND_HALF_UP);
  const neg = s.startsWith("-");
  const [int, frac] = (neg ? s.slice(1) : s).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** A piece of the sentence: its Excel expression (text-valued) and the text it gives for this rep. */
interface TextExpr {
  f: string;
  v: string;
}

const lit = (s: string): TextExpr => ({ f: excelString(s), v: s });

function cat(...parts: TextExpr[]): TextExpr {
  const kept = parts.filter((p) => p.f !== '""');
  if (kept.length === 0) return lit("");
  return { f: kept.map((p) => p.f).join("&"), v: kept.map((p) => p.v).join("") };
}

/** IF(cond, a, b); `holds` is whether the condition holds for this rep (the engine's decision). */
function when(cond: string, holds: boolean, a: TextExpr, b: TextExpr): TextExpr {
  return { f: `IF(${cond},${a.f},${b.f})`, v: holds ? a.v : b.v };
}

/** A catalogue message whose {placeholders} are expressions: literal runs quoted, joined with &. */
function message(lang: Lang, key: string, params: Record<string, TextExpr>): TextExpr {
  const template = t(lang, key);
  const parts: TextExpr[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) parts.push(lit(template.slice(last, m.index)));
    parts.push(params[m[1]] ?? lit(m[0]));
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(lit(template.slice(last)));
  return cat(...parts);
}

/** TEXT(x,"0.00%"): a score or factor to two decimals, as the reader checks the arithmetic. */
function pct2(ref: string, x: Decimal): TextExpr {
  return { f: `TEXT(${ref},"0.00%")`, v: `${x.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%` };
}

/** A Plan setting as a percent: whole percents bare ("60%"), others to two decimals ("62.50%"), never rounded away. */
function pctPlan(ref: string, x: Decimal): TextExpr {
  const whole = x.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).eq(x);
  return {
    f: `IF(ROUND(${ref},2)=${ref},TEXT(${ref},"0%"),TEXT(${ref},"0.00%"))`,
    v: whole ? `${x.times(100).toFixed(0)}%` : `${x.times(100).toFixed(2, Decimal.ROUND_HALF_UP)}%`,
  };
}

/** Money with thousands separators and the currency's decimals: TEXT(x,"#,##0.00"). */
function money(ref: string, x: Decimal, decimals: number): TextExpr {
  const fmt = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return { f: `TEXT(${ref},"${fmt}")`, v: amountText(x, decimals) };
}

/** What the explanation reads: the Plan tab's cells and the row's values (the engine's). */
export interface ExplanationInputs {
  lang: Lang;
  planSheet: string;
  /** Absolute addresses on the Plan tab; curveX/curveY ranges, "" without a curve. */
  cells: {
    targetBonus: string;
    threshold: string;
    cap: string;
    curveX?: string;
    curveY?: string;
    currencyDecimals: string;
  };
  targetBonus: Decimal;
  threshold: Decimal;
  cap: Decimal | null;
  curve: [Decimal, Decimal][];
  decimals: number;
  score: Decimal;
  factor: Decimal;
  payout: Decimal;
}

/**
 * The explanation cell of the Bonus row at sheet row `row`, whose columns B, C and D hold the score, the payout factor
 * and the bonus (docs/reference/tabs.md Bonus).
 */
export function explanationCell(x: ExplanationInputs, row: number): ReportCell {
  const { lang } = x;
  const P = (ref: string): string => sheetRef(x.planSheet, ref);
  const s = addr(1, row);
  const f = addr(2, row);
  const p = addr(3, row);
  const th = P(x.cells.threshold);
  const cap = P(x.cells.cap);
  const tb = P(x.cells.targetBonus);
  const major = lit(t(lang, "bonus.sep"));
  const minor = lit(t(lang, "bonus.sepMinor"));
  const below = compare15(x.score, x.threshold) < 0;

  const scoreText = pct2(s, x.score);
  const thresholdText = pctPlan(th, x.threshold);
  const factorText = pct2(f, x.factor);

  // The curve's segment, as factorFormula picks it: flat outside the points, interpolated between them.
  let curvePart: TextExpr;
  if (x.curve.length === 0 || !x.cells.curveX || !x.cells.curveY) {
    curvePart = message(lang, "bonus.noCurve", {});
  } else {
    const X = P(x.cells.curveX);
    const Y = P(x.cells.curveY);
    const pts = x.curve;
    const n = pts.length;
    const m = `MATCH(${s},${X},1)`;
    let i = 0;
    while (i + 1 < n - 1 && x.score.gte(pts[i + 1][0])) i++;
    const atFirst = x.score.lte(pts[0][0]);
    const atLast = x.score.gte(pts[n - 1][0]);
    curvePart = when(
      `${s}<=INDEX(${X},1)`,
      atFirst,
      message(lang, "bonus.curveBelow", {
        x: pctPlan(`INDEX(${X},1)`, pts[0][0]),
        y: pctPlan(`INDEX(${Y},1)`, pts[0][1]),
      }),
      when(
        `${s}>=INDEX(${X},COUNT(${X}))`,
        atLast,
        message(lang, "bonus.curveAbove", {
          x: pctPlan(`INDEX(${X},COUNT(${X}))`, pts[n - 1][0]),
          y: pctPlan(`INDEX(${Y},COUNT(${X}))`, pts[n - 1][1]),
        }),
        message(lang, "bonus.curveBetween", {
          x1: pctPlan(`INDEX(${X},${m})`, pts[i][0]),
          x2: pctPlan(`INDEX(${X},${m}+1)`, pts[i + 1][0]),
          y1: pctPlan(`INDEX(${Y},${m})`, pts[i][1]),
          y2: pctPlan(`INDEX(${Y},${m}+1)`, pts[i + 1][1]),
        }),
      ),
    );
  }
  // The cap may be set or cleared on the Plan tab: a blank cap cell says nothing.
  const capValue = x.cap ?? dec(0);
  const capPart = when(
    `${cap}=""`,
    x.cap === null,
    lit(""),
    cat(
      minor,
      when(
        `${f}=${cap}`,
        x.cap !== null && x.factor.eq(x.cap),
        message(lang, "bonus.capped", { cap: pctPlan(cap, capValue) }),
        message(lang, "bonus.cap", { cap: pctPlan(cap, capValue) }),
      ),
    ),
  );
  // A curve point below 0 would give a negative factor; BONUS floors it at 0.
  const floorPart = x.curve.some(([, y]) => y.isNegative())
    ? when(`${f}=0`, x.factor.isZero(), cat(minor, message(lang, "bonus.floor", {})), lit(""))
    : lit("");

  const verdict = when(
    `${s}<${th}`,
    below,
    message(lang, "bonus.below", { score: scoreText, threshold: thresholdText }),
    cat(
      message(lang, "bonus.atLeast", { score: scoreText, threshold: thresholdText }),
      major,
      curvePart,
      capPart,
      floorPart,
      minor,
      message(lang, "bonus.factor", { factor: factorText }),
    ),
  );
  // "=" when target bonus × the factor as shown gives the bonus, "≈" when the factor's hidden decimals count.
  const shownFactor = x.factor.toDecimalPlaces(4, Decimal.ROUND_HALF_UP);
  const exact = x.targetBonus.times(shownFactor).toDecimalPlaces(x.decimals, Decimal.ROUND_HALF_UP).eq(x.payout);
  const product = message(lang, "bonus.product", {
    targetBonus: money(tb, x.targetBonus, x.decimals),
    factor: factorText,
    equals: when(`ROUND(${tb}*ROUND(${f},4),${P(x.cells.currencyDecimals)})=${p}`, exact, lit("="), lit("≈")),
    payout: money(p, x.payout, x.decimals),
  });
  const sentence = cat(verdict, major, product);
  // Longer than a column should be wide: wrapped, so it prints whole instead of running off the page.
  return { f: sentence.f, v: sentence.v, style: "paragraph" };
}
