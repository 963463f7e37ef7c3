/**
 * Joiners and leavers (docs/reference/plan.md "Joiners and leavers"): the People sheet, Start / End on the Targets
 * sheet, the Scorecard's Proration column and what Data issues lists. Terms: docs/reference/terms.md.
 */
import type { Catalogue } from "../index";

export const prorateMessages: Catalogue = {
  en: {
    peopleSheetName: "People",
    "whatIf.prorated": "Targets prorated to {factor}: active {from} to {to} in the period.",
    "hdr.proration": "Proration",
    planPeopleConflict: "{rep}'s {field} is {value} here but {other} in cell {first}",
    planPeopleNoHeader: "no header row with a rep column and a Start or End column was found",
    peopleDateUnreadable: "{rep}: {field} “{value}” is not a date (a day such as 2026-05-11); read as blank",
    peopleEndBeforeStart: "{rep}: End {end} ({endCell}) is before Start {start} ({startCell}); targets not prorated",
    peopleRepBlank: "Start or End with no {field}: not read",
    peopleRepNoSales:
      "{rep}: Start / End given ({dates}), but no sales row or target names {rep}; not read (check the spelling)",
    repProrated: "{rep}: active {active} of {days} days in {period} ({dates}); sum and count targets × {active}/{days}",
    repLeftBeforePeriod:
      "{rep} left before {period} ({dates}): not scored or ranked; sales rows dated in the period: {rows}, amount {amount}, kept in the reconciliation",
    repStartsAfterPeriod:
      "{rep} starts after {period} ({dates}): not scored or ranked; sales rows dated in the period: {rows}, amount {amount}, kept in the reconciliation",
  },
  zh: {
    peopleSheetName: "人员",
    "whatIf.prorated": "目标已按在岗折算比例 {factor} 折算：考核期内在岗 {from} 至 {to}。",
    "hdr.proration": "在岗折算比例",
    planPeopleConflict: "{rep} 的{field}在此为 {value}，但单元格 {first} 为 {other}",
    planPeopleNoHeader: "找不到包含销售员列及入职日期或离职日期列的表头",
    peopleDateUnreadable: "{rep}：{field}“{value}”不是日期（应为具体某天，如 2026-05-11），按空白处理",
    peopleEndBeforeStart: "{rep}：离职日期 {end}（{endCell}）早于入职日期 {start}（{startCell}），目标不按在岗天数折算",
    peopleRepBlank: "填了入职日期或离职日期，但{field}为空：未读取",
    peopleRepNoSales: "{rep}：填了入职/离职日期（{dates}），但没有销售记录，也不在目标表中：未读取（请检查姓名拼写）",
    repProrated: "{rep}：{period} 共 {days} 天，在岗 {active} 天（{dates}）；求和、计数类指标的目标 × {active}/{days}",
    repLeftBeforePeriod:
      "{rep} 在 {period} 之前已离职（{dates}）：不评分、不排名；考核期内的销售记录 {rows} 行、金额 {amount}，仍计入核对",
    repStartsAfterPeriod:
      "{rep} 在 {period} 之后才入职（{dates}）：不评分、不排名；考核期内的销售记录 {rows} 行、金额 {amount}，仍计入核对",
  },
};
