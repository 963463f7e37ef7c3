/**
 * Rows per month at close (docs/reference/history.md, payouts.md "Reasons"): the Pay history's Rows by month records
 * and the adjustment reasons that name the month rows were added or removed in. English and Simplified Chinese.
 */
import type { Catalogue } from "../index";

export const monthRowsMessages: Catalogue = {
  en: {
    "history.kind.months": "Rows by month",
    "history.hdr.month": "Month",
    "pay.why.addedIn": "{count} rows dated {months} added since close ({amount})",
    "pay.why.addedOneIn": "1 row dated {months} added since close ({amount})",
    "pay.why.removedIn": "{count} rows dated {months} no longer in the data ({amount})",
    "pay.why.removedOneIn": "1 row dated {months} no longer in the data ({amount})",
    "pay.why.monthList": ", ",
  },
  zh: {
    "history.kind.months": "按月行数",
    "history.hdr.month": "月份",
    "pay.why.addedIn": "关闭后新增 {months} 的 {count} 行（{amount}）",
    "pay.why.addedOneIn": "关闭后新增 {months} 的 1 行（{amount}）",
    "pay.why.removedIn": "数据中已无 {months} 的 {count} 行（{amount}）",
    "pay.why.removedOneIn": "数据中已无 {months} 的 1 行（{amount}）",
    "pay.why.monthList": "、",
  },
};
