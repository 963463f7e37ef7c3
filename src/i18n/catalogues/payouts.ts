/**
 * Payouts (docs/reference/payouts.md): the Plan sheet's Payouts section, the Bonus tab's adjustments to closed periods
 * and payable table, and the statement's lines, English and Simplified Chinese. The plan layer reads the Payouts
 * labels of both dictionaries back from a Plan sheet, so each stays unique in column A.
 */
import type { Catalogue } from "../index";

export const payoutsMessages: Catalogue = {
  en: {
    // Plan errors.
    planMustBeYesNo: "{field} must be yes or no",
    planDrawAmountRequired: "{field}: a rep named for a draw needs an amount here or a draw per period on the Plan",

    // Plan sheet: the Payouts section (after the payout curve).
    planSectionPayouts: "Payouts",
    planHintPayouts:
      "Differences found in closed periods and draws; takes effect at the next run of SalesPerf. Amounts per rep per period; blank = none",
    planLabelAdjustments: "Adjustments to closed periods",
    planHintAdjustments: "carry into this payout, carry increases only, or report only",
    planLabelClawbackCap: "Clawback cap per period",
    planHintClawbackCap: "the most taken back in one period; the rest is carried on as a balance. Blank = no cap",
    planLabelDraw: "Draw per period",
    planHintDraw: "a guaranteed amount: the rep is paid at least this much. Blank = no draw",
    planLabelDrawRecoverable: "Draw recoverable",
    planHintDrawRecoverable: "yes: what the draw adds is owed back from later payouts above the draw; no: it is kept",
    planLabelRecoveryCap: "Recovery cap per period",
    planHintRecoveryCap: "the most of a draw balance recovered in one period. Blank = no cap",
    planLabelDrawFor: "Draw for",
    planHintDrawFor: "every rep, or only the reps with an amount in the Draw column of the Targets sheet",
    planTargetsColDraw: "Draw",

    // Bonus tab: adjustments to closed periods.
    "pay.adjTitle": "Adjustments to closed periods",
    "pay.adjNote":
      "Each closed period recomputed from today's data with the plan it was closed with. Policy: {policy}.",
    "pay.adjNone": "No differences: every closed period recomputes to what was paid.",
    "pay.hdr.period": "Period",
    "pay.hdr.paid": "Paid",
    "pay.hdr.recomputed": "Recomputed",
    "pay.hdr.difference": "Difference",
    "pay.hdr.reason": "Reason",

    // Bonus tab: earned versus payable.
    "pay.payTitle": "Payable this period",
    "pay.hdr.earned": "Earned",
    "pay.hdr.adjustments": "Adjustments",
    "pay.hdr.clawbackBefore": "Clawback owed before",
    "pay.hdr.draw": "Draw",
    "pay.hdr.drawBalanceBefore": "Draw balance before",
    "pay.hdr.drawTopUp": "Draw top-up",
    "pay.hdr.drawRecovered": "Draw recovered",
    "pay.hdr.payable": "Payable",
    "pay.hdr.drawBalance": "Draw balance after",
    "pay.hdr.clawbackBalance": "Clawback owed after",
    "pay.how": "earned {earned} + adjustments {adjustments} = {payable}",
    "pay.howDraw":
      "earned {earned} + adjustments {adjustments} + draw top-up {topUp} − draw recovered {recovered} = {payable}",

    // Reasons, joined with "; ".
    "pay.why.added": "{count} rows added since close ({amount})",
    "pay.why.addedOne": "1 row added since close ({amount})",
    "pay.why.returns": "{count} returns added ({amount})",
    "pay.why.returnOne": "1 return added ({amount})",
    "pay.why.removed": "{count} rows no longer in the data ({amount})",
    "pay.why.removedOne": "1 row no longer in the data ({amount})",
    "pay.why.amountChanged": "amounts changed by {amount}",
    "pay.why.renamedTo": "no longer in the data under this name: its rows now read as {name}",
    "pay.why.renamedFrom": "rows closed under the name {name}",
    "pay.why.gone": "no rows in the data under this name any more",
    "pay.why.newRep": "not in the period when it was closed",
    "pay.why.other":
      "same rows and amount; other data of the period changed (another KPI, a team KPI, a measure sheet)",
    "pay.why.carriedPartly": "clawback capped",

    // History sheet: the differences a close settled (docs/reference/history.md, payouts.md).
    "history.kind.settled": "Settled",
    "history.hdr.forPeriod": "For period",
    "history.hdr.difference": "Difference",

    // Statement.
    "pay.st.title": "Payable and balances",
    "pay.st.history": "Closed periods",
    "pay.cli.optHistory":
      "an earlier report: each statement shows the rep's adjustments to closed periods, balances and closed periods",
  },
  zh: {
    planMustBeYesNo: "{field}只能填“是”或“否”",
    planDrawAmountRequired: "{field}：该销售员列为享有保底，须在此填写金额，或在考核方案中填写每期保底金额",

    planSectionPayouts: "奖金发放",
    planHintPayouts: "已关闭考核期差额的处理方式和保底设置，下次运行 SalesPerf 时生效。金额均为每人每期；留空表示不设",
    planLabelAdjustments: "往期调整",
    planHintAdjustments: "计入本期发放、仅计入增加额，或仅列示",
    planLabelClawbackCap: "每期扣回上限",
    planHintClawbackCap: "一期最多扣回的金额，其余转为待扣回余额。留空表示不设上限",
    planLabelDraw: "每期保底金额",
    planHintDraw: "每期至少发放的金额。留空表示不设保底",
    planLabelDrawRecoverable: "保底可收回",
    planHintDrawRecoverable: "是：保底补足的部分从以后超出保底的奖金中收回；否：不收回",
    planLabelRecoveryCap: "每期收回上限",
    planHintRecoveryCap: "一期最多收回的保底余额。留空表示不设上限",
    planLabelDrawFor: "保底适用范围",
    planHintDrawFor: "全部销售员，或仅限目标表“保底”列中填写了金额的销售员",
    planTargetsColDraw: "保底",

    "pay.adjTitle": "往期调整",
    "pay.adjNote": "按当前数据和关闭时的考核方案重新计算每个已关闭的考核期。往期调整方式：{policy}。",
    "pay.adjNone": "无差额：各已关闭考核期重算结果与已发放金额一致。",
    "pay.hdr.period": "考核期",
    "pay.hdr.paid": "已发放",
    "pay.hdr.recomputed": "重算金额",
    "pay.hdr.difference": "差额",
    "pay.hdr.reason": "原因",

    "pay.payTitle": "本期实发奖金",
    "pay.hdr.earned": "应得奖金",
    "pay.hdr.adjustments": "调整额",
    "pay.hdr.clawbackBefore": "期初待扣回余额",
    "pay.hdr.draw": "保底金额",
    "pay.hdr.drawBalanceBefore": "期初保底待收回余额",
    "pay.hdr.drawTopUp": "保底补足",
    "pay.hdr.drawRecovered": "保底收回",
    "pay.hdr.payable": "实发奖金",
    "pay.hdr.drawBalance": "期末保底待收回余额",
    "pay.hdr.clawbackBalance": "期末待扣回余额",
    "pay.how": "应得奖金 {earned} + 调整额 {adjustments} = 实发奖金 {payable}",
    "pay.howDraw":
      "应得奖金 {earned} + 调整额 {adjustments} + 保底补足 {topUp} − 保底收回 {recovered} = 实发奖金 {payable}",

    "pay.why.added": "关闭后新增 {count} 行（{amount}）",
    "pay.why.addedOne": "关闭后新增 1 行（{amount}）",
    "pay.why.returns": "新增退货 {count} 笔（{amount}）",
    "pay.why.returnOne": "新增退货 1 笔（{amount}）",
    "pay.why.removed": "数据中已无 {count} 行（{amount}）",
    "pay.why.removedOne": "数据中已无 1 行（{amount}）",
    "pay.why.amountChanged": "金额变动 {amount}",
    "pay.why.renamedTo": "数据中已无此姓名，相关行现归入 {name}",
    "pay.why.renamedFrom": "关闭时这些行记在 {name} 名下",
    "pay.why.gone": "数据中已无此姓名的行",
    "pay.why.newRep": "关闭时该销售员在本考核期无数据",
    "pay.why.other": "行数和金额不变；本考核期的其他数据有变动（其他考核指标、团队考核指标或另一工作表中的数据列）",
    "pay.why.carriedPartly": "已达每期扣回上限",

    "history.kind.settled": "已处理差额",
    "history.hdr.forPeriod": "所属考核期",
    "history.hdr.difference": "差额",

    "pay.st.title": "实发奖金和余额",
    "pay.st.history": "已关闭考核期",
    "pay.cli.optHistory": "之前的报表：每份个人报表列出本人的往期调整、余额和已关闭考核期",
  },
};
