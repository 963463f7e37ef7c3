/**
 * Messages of the ingest layer (docs/reference/input.md, cleaning.md): why a row was excluded, coerced, kept or merged
 * on the Data issues tab, and why no sales table was found. Placeholders: {name}.
 */
import type { Catalogue } from "../index";

export const ingestMessages: Catalogue = {
  en: {
    noSalesTable:
      "No sales table found. Add a header row with a rep, a date and an amount column (e.g. Sales Rep, Date, Amount).",
    missingColumn:
      "The sales table on sheet {sheet} (header row {row}) has no {fieldEn} column (a header such as {headersEn}). Add it or map it by hand.",
    amountBlank: "Amount is blank; row excluded.",
    amountError: "Amount is an error value; row excluded.",
    amountNotNumber: "Amount is not a number; row excluded.",
    amountTextCoerced: "Amount was text; read as {value}. Enter it as a number.",
    dateBlank: "Date is blank; row excluded.",
    dateError: "Date is an error value; row excluded.",
    dateUnreadable: "Date cannot be read (use a date cell or 2026-03-11); row excluded.",
    dateTextCoerced: "Date was text; read as {date}. Enter it as a date.",
    repMissing: "No rep name; row excluded.",
    yesNoUnreadable: "Not a yes/no value; counted as no.",
    satisfactionUnreadable: "Satisfaction cannot be read; left out of the average.",
    satisfactionOutOfRange: "Satisfaction is outside 0–100 %; left out of the average.",
    satisfactionTextCoerced: "Satisfaction was text; read as {value}.",
    satisfactionSmallInPercentColumn:
      "{value} in a 0–100 satisfaction column read as {value}% (other values are above 1); did you mean {suggest}?",
    behaviourUnreadable: "Behaviour rating is not a number; left out.",
    behaviourTextCoerced: "Behaviour rating was text; read as {value}.",
    measureNotNumber: "Not a number; left out.",
    repNamesMerged: "Rep name spelled differently; merged into {name} ({rows} rows).",
    negativeAmount: "Negative amount (a return?); counted as negative.",
    possibleDuplicate: "Identical to row {firstRow}; kept, possible duplicate.",
    dateFarFromOthers:
      "Date {date} is far from the other sales ({from} to {to}); counted in the totals, but left out of the default period and of Trends. Check the year.",
    rowsAfterBlankIgnored:
      "Rows {from}–{to} ({count} rows) come after a blank row and do not look like sales; not read.",
    otherSalesSheetSkipped:
      "This sheet also looks like a sales table; not used — SalesPerf reads one sales table and used sheet {used}, which has more rows ({usedRows} against {rows} here). Combine them or choose the table in the pane.",
    otherSalesSheetSkippedOlder:
      "This sheet also looks like a sales table; not used — SalesPerf reads one sales table and used sheet {used}: as many rows ({rows}), later dates. Combine them or choose the table in the pane.",
    otherSalesSheetSkippedSame:
      "This sheet also looks like a sales table; not used — SalesPerf reads one sales table and used sheet {used}: as many rows ({rows}), the same latest date, and it comes first. Combine them or choose the table in the pane.",
    otherColumnForField:
      "Also looks like the {fieldEn} column; used “{used}”. Change the column mapping if this one is meant.",
  },
  zh: {
    noSalesTable: "未找到销售表。请添加包含销售员、日期和金额列的表头行（如：销售员、日期、销售额）。",
    missingColumn:
      "工作表 {sheet} 的销售表（表头第 {row} 行）缺少{fieldZh}列（表头如：{headersZh}）。请添加该列或手动指定。",
    amountBlank: "金额为空，该行已排除。",
    amountError: "金额为错误值，该行已排除。",
    amountNotNumber: "金额不是数字，该行已排除。",
    amountTextCoerced: "金额录成了文本，已按 {value} 计入；建议改为数值。",
    dateBlank: "日期为空，该行已排除。",
    dateError: "日期为错误值，该行已排除。",
    dateUnreadable: "无法识别日期（请使用日期单元格或 2026-03-11 格式），该行已排除。",
    dateTextCoerced: "日期录成了文本，已按 {date} 计入；建议改为日期格式。",
    repMissing: "缺少销售员姓名，该行已排除。",
    yesNoUnreadable: "无法识别为“是”或“否”，按“否”计。",
    satisfactionUnreadable: "无法识别满意度，不计入平均值。",
    satisfactionOutOfRange: "满意度超出 0–100% 范围，不计入平均值。",
    satisfactionTextCoerced: "满意度录成了文本，已按 {value} 计入。",
    satisfactionSmallInPercentColumn:
      "该满意度列为 0–100 分制（其他值大于 1），{value} 已按 {value}% 读取；是否应为 {suggest}？",
    behaviourUnreadable: "行为评分不是数值，未计入。",
    behaviourTextCoerced: "行为评分录成了文本，已按 {value} 计入。",
    measureNotNumber: "不是数值，未计入。",
    repNamesMerged: "销售员姓名写法不同，已归入“{name}”（{rows} 行）。",
    negativeAmount: "金额为负数，按退货冲减。",
    possibleDuplicate: "与第 {firstRow} 行完全相同，疑似重复录入；已计入，请核实。",
    dateFarFromOthers:
      "日期 {date} 远离其他销售日期（{from} 至 {to}），请核对年份。该行已计入合计，但不参与默认考核期和趋势分析。",
    rowsAfterBlankIgnored: "第 {from}–{to} 行（共 {count} 行）位于空行之后，不像销售记录，未读取。",
    otherSalesSheetSkipped:
      "此工作表也像销售表（{rows} 行），但未使用：SalesPerf 只读取一张销售表，已使用工作表 {used}（{usedRows} 行）。请合并这些表，或在任务窗格中选择要使用的表。",
    otherSalesSheetSkippedOlder:
      "此工作表也像销售表（{rows} 行，与工作表 {used} 相同），但未使用：SalesPerf 只读取一张销售表，已使用日期更晚的工作表 {used}。请合并这些表，或在任务窗格中选择要使用的表。",
    otherSalesSheetSkippedSame:
      "此工作表也像销售表（{rows} 行，最晚日期与工作表 {used} 相同），但未使用：SalesPerf 只读取一张销售表，已使用排在前面的工作表 {used}。请合并这些表，或在任务窗格中选择要使用的表。",
    otherColumnForField: "此列也像{fieldZh}列；已使用“{used}”。如应使用此列，请修改列映射。",
  },
};
