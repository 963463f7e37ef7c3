/**
 * Messages of split credit (docs/reference/input.md "Split credit", cleaning.md "Split deals"): deals credited to
 * several reps, on the Data issues tab and the Plan sheet. Terms: deal 订单, split 分成比例, credited amount 分成金额
 * (docs/reference/terms.md).
 */
import type { Catalogue } from "../index";

export const splitMessages: Catalogue = {
  en: {
    splitUnreadable: "Split % cannot be read (write 60%, 0.6 or leave it blank for 100 %); row excluded.",
    splitNegative: "Split % is negative; row excluded.",
    splitSeveralValues:
      "Split % holds several values; give each rep a row of their own with their split (a rep cell naming several reps shares its row's split equally); row excluded.",
    splitAmountUnreadable: "Split amount is not a number (leave it blank to credit amount × split); row excluded.",
    splitTextCoerced: "Split % was text; read as {value}.",
    "issueKind.splitTextCoerced.one": "{count} split written as text",
    "issueKind.splitTextCoerced.other": "{count} splits written as text",
    splitsNotHundred:
      "The splits of deal {deal} add up to {total} (rows: {rows}); each rep is credited the amount × their own split, not rescaled. Check the splits.",
    splitNotHundredRow:
      "Split {total} on a row of no deal; the rep is credited the amount × {total}, not rescaled. Check the split.",
    dealAmountsDiffer:
      "Deal {deal} has the amount {first} on row {firstRow}; this row is credited from its own amount. A split export repeats the deal's amount on each row.",
    splitWithoutDeal:
      "Split column without a Deal ID column: each row is credited the amount × its split, and whether a deal's splits add up to 100 % cannot be checked. Add a Deal ID column.",
    repCellShared: "Rep cell names {count} reps ({names}); each is credited {amount}, the first named {first}.",
    "ui.field.deal": "Deal ID",
    "ui.field.split": "Split %",
    "ui.field.splitAmount": "Split amount",
    "ui.data.split":
      "Deals credited by split: {deals} · rows naming several reps: {shared} · deals whose splits do not add up to 100 %: {not100} (see Data issues)",
    planLabelSplitDealCount: "Split deals count for",
    planHintSplitDealCount:
      "In count KPIs, a deal credited to several reps counts for every credited rep or for the first-named only; amounts are always credited by split — takes effect at the next run of SalesPerf",
    repCellOneName:
      "Read as one rep name ({rows} rows): a comma or & may be part of a name. If it names several reps, separate them with / or 、, or give each rep a row with a Split %.",
  },
  zh: {
    splitUnreadable: "分成比例无法识别（请填写 60%、0.6，或留空表示 100%），该行已排除。",
    splitNegative: "分成比例为负数，该行已排除。",
    splitSeveralValues:
      "分成比例填写了多个数值；请每位销售员各占一行并填写本人的分成比例（一个单元格填写多位销售员时，按该行分成比例平均分配），该行已排除。",
    splitAmountUnreadable: "分成金额不是数字（留空则按金额 × 分成比例计入），该行已排除。",
    splitTextCoerced: "分成比例录成了文本，已按 {value} 计入。",
    "issueKind.splitTextCoerced.other": "{count} 个分成比例为文本",
    splitsNotHundred:
      "订单 {deal} 的分成比例合计为 {total}（第 {rows} 行）；每位销售员按金额 × 本人分成比例计入，未按比例调整。请核对分成比例。",
    splitNotHundredRow:
      "该行没有订单号，分成比例为 {total}；销售员按金额 × {total} 计入，未按比例调整。请核对分成比例。",
    dealAmountsDiffer:
      "订单 {deal} 在第 {firstRow} 行的金额为 {first}；本行仍按本行填写的金额计入。业绩分成明细中，同一订单的每一行应填写相同的订单金额。",
    splitWithoutDeal:
      "有分成比例列但没有订单号列：每行按金额 × 分成比例计入，无法核对同一订单的分成比例合计是否为 100%。请添加订单号列。",
    repCellShared: "销售员单元格包含 {count} 位销售员（{names}）；每人计入 {amount}，第一位销售员计入 {first}。",
    "ui.field.deal": "订单号",
    "ui.field.split": "分成比例",
    "ui.field.splitAmount": "分成金额",
    "ui.data.split":
      "按分成比例计入的订单：{deals} 个 · 包含多位销售员的行：{shared} 行 · 分成比例合计不为 100% 的订单：{not100} 个（详见“数据问题”）",
    planLabelSplitDealCount: "分成订单计数",
    planHintSplitDealCount:
      "计数类考核指标中，多位销售员分成的订单计入每位分成销售员，或仅计入第一位销售员；金额始终按分成比例计入（下次运行 SalesPerf 时生效）",
    repCellOneName:
      "已按一位销售员的姓名读取（{rows} 行）：逗号或 & 可能是姓名的一部分。如包含多位销售员，请用 / 或 、 分隔，或每位销售员各占一行并填写分成比例。",
  },
};
