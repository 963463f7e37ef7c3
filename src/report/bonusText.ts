/**
 * The Bonus tab's explanation of one payout (docs/reference/tabs.md), in the report language:
 * "Score 104.2% ≥ threshold 60%; curve between (1, 100%) and (1.5, 200%) gives 108.4%; cap 200%;
 * 5,000 × 108.4% = 5,420.00". Text only: the numbers come from the engine (docs/reference/functions.md BONUS steps).
 */
import Decimal from "decimal.js";
import { compare15, dec } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { BonusRule } from "../plan/types";

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

export function explainBonus(
  lang: Lang,
  score: Decimal,
  rule: BonusRule,
  factor: Decimal,
  payout: Decimal,
  decimals: number,
): string {
  const threshold = dec(rule.threshold);
  const targetBonus = amountText(dec(rule.targetBonus), null);
  const parts: string[] = [];
  if (compare15(score, threshold) < 0) {
    parts.push(t(lang, "bonus.below", { score: pctText(score), threshold: pctText(threshold) }));
  } else {
    parts.push(t(lang, "bonus.atLeast", { score: pctText(score), threshold: pctText(threshold) }));
    let raw: Decimal;
    const curve = rule.curve ?? [];
    if (curve.length === 0) {
      raw = score;
      parts.push(t(lang, "bonus.noCurve", { factor: pctText(raw) }));
    } else {
      const pts = curve.map(([x, y]) => ({ x: dec(x), y: dec(y) }));
      const last = pts.length - 1;
      if (score.lte(pts[0].x)) {
        raw = pts[0].y;
        parts.push(t(lang, "bonus.curveBelow", { x: pts[0].x.toString(), y: pctText(raw), factor: pctText(raw) }));
      } else if (score.gte(pts[last].x)) {
        raw = pts[last].y;
        parts.push(t(lang, "bonus.curveAbove", { x: pts[last].x.toString(), y: pctText(raw), factor: pctText(raw) }));
      } else {
        let i = 0;
        while (score.gte(pts[i + 1].x)) i++;
        const p = pts[i];
        const q = pts[i + 1];
        raw = score.minus(p.x).times(q.y.minus(p.y)).div(q.x.minus(p.x)).plus(p.y);
        parts.push(
          t(lang, "bonus.curveBetween", {
            x1: p.x.toString(),
            y1: pctText(p.y),
            x2: q.x.toString(),
            y2: pctText(q.y),
            factor: pctText(raw),
          }),
        );
      }
    }
    if (rule.cap !== null) {
      const cap = dec(rule.cap);
      parts.push(t(lang, raw.gt(cap) ? "bonus.capped" : "bonus.cap", { cap: pctText(cap) }));
      if (raw.gt(cap)) raw = cap;
    }
    if (raw.isNegative()) parts.push(t(lang, "bonus.floor"));
  }
  parts.push(t(lang, "bonus.product", { targetBonus, factor: pctText(factor), payout: amountText(payout, decimals) }));
  return parts.join(lang === "zh" ? "；" : "; ");
}
