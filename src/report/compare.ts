/**
 * Orders for names in the report. Two orders, for two jobs:
 * - `compareNames`, the order names are LISTED in (Scorecard rows, Trends rows, statements): Chinese names in
 *   pinyin order (刘洋, 王芳, 吴婷, 张伟, 赵敏, 周杰), Latin names alphabetically after them (docs/reference/tabs.md);
 * - `compareCodePoints`, the tie rule's last key (docs/reference/plan.md), which does not depend on a collation.
 */

/** Compare strings by Unicode code point (not UTF-16 units), as docs/reference/plan.md asks for ties. */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // A surrogate (0xD800–0xDFFF) encodes a code point ≥ 0x10000: above every BMP unit.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

// ICU's zh-CN collation orders Han characters by pinyin (then tone and stroke), and Latin names alphabetically
// after them; numeric: "Rep 2" before "Rep 10". Node and every browser the add-in runs in ship ICU.
const nameCollator = new Intl.Collator("zh-CN", { numeric: true });

/**
 * The order names are listed in: pinyin for Chinese, alphabetical for Latin. Names the collation holds equal
 * ("Anna" / "ANNA", full- and half-width forms) fall back to code points, so the order is total and the same on
 * every machine.
 */
export function compareNames(a: string, b: string): number {
  return nameCollator.compare(a, b) || compareCodePoints(a, b);
}
