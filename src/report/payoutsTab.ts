/**
 * The Bonus tab's payout sections (docs/reference/payouts.md, tabs.md "Bonus"), below the bonus table:
 *
 * - "Adjustments to closed periods": rep, period, paid, recomputed, the reason in words, difference (= recomputed − paid,
 *   a formula). Shown when History has a closed period before the scored one.
 * - "Payable this period": per rep the bonus earned (the row above), the adjustments the policy carries (SUMPRODUCT
 *   over the differences, the clawback cap read from the Plan tab), payable and how it was reached, the clawback owed
 *   before and after, and with draws the draw, its balance before, the top-up, the recovery (the recovery cap read from
 *   the Plan tab) and the balance after. Every computed cell is a native formula caching the engine's value.
 */
import type Decimal from "decimal.js";
import { ZERO } from "../engine/index";
import { t, type Lang } from "../i18n/index";
import type { PayoutCells } from "../plan/payoutsSheet";
import { adjustmentPolicyWord } from "../plan/vocab";
import { amountText } from "./bonusText";
import { absCol, addr, excelString, formula, num, sheetRef, text } from "./cells";
import type { ReportCell } from "./model";
import type { History } from "../history/types";
import type { PeriodPayouts, RepPayout } from "./payouts";

type Row = (ReportCell | null)[];

export interface PayoutSectionsInput {
  lang: Lang;
  money: string;
  decimals: number;
  /** The Plan tab's name and its Payouts value cells (absent when the plan has no payout settings). */
  planSheet: string;
  planCells?: PayoutCells;
  /** 1-based sheet row of each rep's line in the bonus table above (column D holds the bonus). */
  bonusRow: ReadonlyMap<string, number>;
}

/** Columns of "Payable this period" (0-based). */
const P = {
  rep: 0,
  earned: 1,
  adjustments: 2,
  payable: 3,
  how: 4,
  clawbackBefore: 5,
  clawbackAfter: 6,
  draw: 7,
  drawBefore: 8,
  topUp: 9,
  recovered: 10,
  drawAfter: 11,
} as const;

/** Columns of "Adjustments to closed periods" (0-based): the long reason sits in E, the bonus table's wide column. */
const A = { rep: 0, period: 1, paid: 2, recomputed: 3, reason: 4, difference: 5 } as const;

/** TEXT(x,"#,##0.00") and its cached text. */
function moneyText(ref: string, x: Decimal, decimals: number): { f: string; v: string } {
  const fmt = decimals > 0 ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
  return { f: `TEXT(${ref},"${fmt}")`, v: amountText(x, decimals) };
}

/** A catalogue message with {placeholders} filled by text expressions: a formula joining literals with &. */
function sentence(lang: Lang, key: string, params: Record<string, { f: string; v: string }>): ReportCell {
  const template = t(lang, key);
  const f: string[] = [];
  const v: string[] = [];
  let last = 0;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    if (m.index > last) {
      f.push(excelString(template.slice(last, m.index)));
      v.push(template.slice(last, m.index));
    }
    f.push(params[m[1]].f);
    v.push(params[m[1]].v);
    last = m.index + m[0].length;
  }
  if (last < template.length) {
    f.push(excelString(template.slice(last)));
    v.push(template.slice(last));
  }
  return formula(f.join("&"), v.join(""));
}

/**
 * The rows to append under the bonus table, whose last row (its total) is sheet row `after`; one blank row between.
 */
export function payoutSections(p: PeriodPayouts, x: PayoutSectionsInput, after: number): Row[] {
  const { lang, money, decimals } = x;
  const out: Row[] = [];
  const sheetRow = () => after + out.length + 1; // the 1-based row the next pushed row lands on
  const blank = () => out.push([]);
  const plan = (ref: string) => sheetRef(x.planSheet, ref);

  // Adjustments to closed periods.
  let adjFirst = 0;
  let adjLast = -1;
  if (p.periods.length > 0) {
    blank();
    out.push([text(t(lang, "pay.adjTitle"), "title")]);
    out.push([text(t(lang, "pay.adjNote", { policy: adjustmentPolicyWord(p.policy, lang) }), "note")]);
    if (p.adjustments.length === 0) out.push([text(t(lang, "pay.adjNone"), "note")]);
    else {
      out.push(
        ["hdr.rep", "pay.hdr.period", "pay.hdr.paid", "pay.hdr.recomputed", "pay.hdr.reason", "pay.hdr.difference"].map(
          (k) => text(t(lang, k), "header"),
        ),
      );
      adjFirst = sheetRow();
      for (const a of p.adjustments) {
        const r = sheetRow();
        out.push([
          text(a.rep),
          text(a.period),
          num(a.paid, money),
          num(a.recomputed, money),
          text(a.reason),
          formula(`${addr(A.recomputed, r)}-${addr(A.paid, r)}`, a.difference, money),
        ]);
      }
      adjLast = sheetRow() - 1;
      const total = p.adjustments.reduce((s, a) => s.plus(a.difference), ZERO);
      const totalRow: Row = [text(t(lang, "total"), "total"), null, null, null, null];
      totalRow.push(
        formula(`SUM(${addr(A.difference, adjFirst)}:${addr(A.difference, adjLast)})`, total, money, "total"),
      );
      out.push(totalRow);
    }
  }

  // Payable this period.
  const withDraw = p.reps.some((r) => r.draw !== null || !r.drawBalanceBefore.isZero());
  blank();
  out.push([text(t(lang, "pay.payTitle"), "title")]);
  const headers = [
    "hdr.rep",
    "pay.hdr.earned",
    "pay.hdr.adjustments",
    "pay.hdr.payable",
    "hdr.explanation",
    "pay.hdr.clawbackBefore",
    "pay.hdr.clawbackBalance",
    ...(withDraw
      ? [
          "pay.hdr.draw",
          "pay.hdr.drawBalanceBefore",
          "pay.hdr.drawTopUp",
          "pay.hdr.drawRecovered",
          "pay.hdr.drawBalance",
        ]
      : []),
  ];
  out.push(headers.map((k) => text(t(lang, k), "header")));
  const first = sheetRow();
  const reps = A_REF(adjFirst, adjLast);
  for (const r of p.reps) out.push(payableRow(r, sheetRow(), reps));
  const last = sheetRow() - 1;
  const sum = (col: number, v: Decimal) => formula(`SUM(${addr(col, first)}:${addr(col, last)})`, v, money, "total");
  const add = (f: (r: RepPayout) => Decimal) => p.reps.reduce((s, r) => s.plus(f(r)), ZERO);
  const totals: Row = [
    text(t(lang, "total"), "total"),
    sum(
      P.earned,
      add((r) => r.earned),
    ),
    sum(
      P.adjustments,
      add((r) => r.adjustments),
    ),
    sum(
      P.payable,
      add((r) => r.payable),
    ),
  ];
  if (withDraw) {
    totals[P.topUp] = sum(
      P.topUp,
      add((r) => r.drawTopUp),
    );
    totals[P.recovered] = sum(
      P.recovered,
      add((r) => r.drawRecovered),
    );
  }
  out.push(totals);
  return out;

  function payableRow(r: RepPayout, row: number, adj: { rep: string; diff: string } | null): Row {
    const c = (col: number) => addr(col, row);
    const carried = carriedFormula(p.policy, adj, c(P.rep));
    const due = `(${carried}-${c(P.clawbackBefore)})`;
    const cap = x.planCells ? plan(x.planCells.clawbackCap) : null;
    const adjustments = cap
      ? `IF(${due}>=0,${due},IF(ISNUMBER(${cap}),-MIN(-${due},${cap}),${due}))`
      : `${carried}-${c(P.clawbackBefore)}`;
    const bonusRow = x.bonusRow.get(r.rep);
    const cells: Row = [
      text(r.rep),
      bonusRow !== undefined ? formula(addr(3, bonusRow), r.earned, money) : num(r.earned, money),
      formula(adjustments, r.adjustments, money),
      formula(
        withDraw
          ? `${c(P.earned)}+${c(P.adjustments)}+${c(P.topUp)}-${c(P.recovered)}`
          : `${c(P.earned)}+${c(P.adjustments)}`,
        r.payable,
        money,
      ),
      withDraw
        ? sentence(lang, "pay.howDraw", {
            earned: moneyText(c(P.earned), r.earned, decimals),
            adjustments: moneyText(c(P.adjustments), r.adjustments, decimals),
            topUp: moneyText(c(P.topUp), r.drawTopUp, decimals),
            recovered: moneyText(c(P.recovered), r.drawRecovered, decimals),
            payable: moneyText(c(P.payable), r.payable, decimals),
          })
        : sentence(lang, "pay.how", {
            earned: moneyText(c(P.earned), r.earned, decimals),
            adjustments: moneyText(c(P.adjustments), r.adjustments, decimals),
            payable: moneyText(c(P.payable), r.payable, decimals),
          }),
      num(r.clawbackBefore, money),
      formula(`MAX(${c(P.clawbackBefore)}-(${carried}),0)+MIN(${c(P.adjustments)},0)`, r.clawbackBalance, money),
    ];
    if (!withDraw) return cells;
    const drawNum = `IF(ISNUMBER(${c(P.draw)}),${c(P.draw)},0)`;
    const above = `MAX(${c(P.earned)}-${drawNum},0)`;
    const rcap = x.planCells ? plan(x.planCells.recoveryCap) : null;
    const recovered = !r.drawRecoverable
      ? "0"
      : rcap
        ? `IF(ISNUMBER(${rcap}),MIN(${above},${c(P.drawBefore)},${rcap}),MIN(${above},${c(P.drawBefore)}))`
        : `MIN(${above},${c(P.drawBefore)})`;
    cells.push(
      r.draw === null ? null : num(r.draw, money),
      num(r.drawBalanceBefore, money),
      formula(`IF(ISNUMBER(${c(P.draw)}),MAX(${c(P.draw)}-${c(P.earned)},0),0)`, r.drawTopUp, money),
      formula(recovered, r.drawRecovered, money),
      formula(
        r.draw !== null && r.drawRecoverable
          ? `${c(P.drawBefore)}-${c(P.recovered)}+${c(P.topUp)}`
          : `${c(P.drawBefore)}-${c(P.recovered)}`,
        r.drawBalance,
        money,
      ),
    );
    return cells;
  }
}

/** The rep and difference columns of the adjustments, absolute ("$A$14:$A$17"); null when there are none. */
function A_REF(first: number, last: number): { rep: string; diff: string } | null {
  if (last < first || first === 0) return null;
  return { rep: absCol(A.rep, first, last), diff: absCol(A.difference, first, last) };
}

/** What the policy carries of this rep's differences (docs/reference/payouts.md). */
function carriedFormula(
  policy: PeriodPayouts["policy"],
  adj: { rep: string; diff: string } | null,
  rep: string,
): string {
  if (adj === null || policy === "report") return "0";
  if (policy === "carry") return `SUMPRODUCT((${adj.rep}=${rep})*${adj.diff})`;
  return `SUMPRODUCT((${adj.rep}=${rep})*(${adj.diff}>0)*${adj.diff})`;
}

/**
 * A rep's statement (docs/reference/statements.md): the sections above with only the rep's own rows — so the formulas
 * reference nothing of anyone else — then the rep's closed periods as History records them (values).
 */
export function statementPayoutRows(
  p: PeriodPayouts,
  rep: string,
  history: History,
  x: PayoutSectionsInput,
  after: number,
): Row[] {
  const own: PeriodPayouts = {
    ...p,
    adjustments: p.adjustments.filter((a) => a.rep === rep),
    reps: p.reps.filter((r) => r.rep === rep),
  };
  const out = own.reps.length > 0 ? payoutSections(own, x, after) : [];
  const closed = history.periods.flatMap((period) => {
    const r = period.reps.find((c) => c.rep === rep);
    return r ? [{ period: period.period, r }] : [];
  });
  if (closed.length === 0) return out;
  const { lang, money } = x;
  out.push([], [text(t(lang, "pay.st.history"), "title")]);
  out.push(
    [
      "pay.hdr.period",
      "pay.hdr.earned",
      "pay.hdr.adjustments",
      "pay.hdr.payable",
      "pay.hdr.drawBalance",
      "pay.hdr.clawbackBalance",
    ].map((k) => text(t(lang, k), "header")),
  );
  for (const { period, r } of closed)
    out.push([
      text(period),
      num(Number(r.earned), money),
      num(Number(r.adjustments), money),
      num(Number(r.payable), money),
      num(Number(r.drawBalance), money),
      num(Number(r.clawbackBalance), money),
    ]);
  return out;
}
