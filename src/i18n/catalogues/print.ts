/** Printed pages (docs/reference/tabs.md "Printing"): the header and footer of every page, in Excel's header codes (&P page, &N pages). */
import type { Catalogue } from "../index";

export const printMessages: Catalogue = {
  en: {
    "print.reportTitle": "Performance report",
    "print.statementTitle": "Performance statement · {rep}",
    "print.period": "Period {period}",
    "print.pageOf": "Page &P of &N",
  },
  zh: {
    "print.reportTitle": "绩效报表",
    "print.statementTitle": "个人报表 · {rep}",
    "print.period": "考核期 {period}",
    "print.pageOf": "第 &P 页，共 &N 页",
  },
};
