/**
 * Messages of several currencies (docs/reference/input.md "Currencies" and "Rates sheet", cleaning.md "Currencies"):
 * the Rates sheet's errors by cell, why a row's amount could not be put in the plan currency, each conversion, and the
 * block of rates used on the Data issues tab. Placeholders: {name}.
 */
import type { Catalogue } from "../index";

export const currencyMessages: Catalogue = {
  en: {
    ratesSheetName: "Rates",
    // Rates sheet errors: they stop the run, each naming its cell.
    ratesNoHeader: "no header row with a Currency and a Rate column (Currency · Rate · From)",
    ratesCurrencyBlank: "the currency is blank",
    ratesCurrencyUnknown: "“{value}” is not a currency: write its code (USD, EUR, CNY …)",
    ratesRateBlank: "the rate is blank",
    ratesRateNotNumber: "the rate “{value}” is not a number",
    ratesRateNotPositive: "the rate {value} must be greater than 0",
    ratesFromNotDate: "“{value}” is not a date (write 2026-01-01)",
    ratesDuplicateFrom: "{currency} already has a rate from {from} (cell {first})",
    ratesPlanCurrencyNotOne: "{currency} is the plan currency: its rate must be 1",
    ratesNoBaseCurrency:
      "no currency has rate 1: set the plan currency on the Plan sheet, or give the currency the totals are in rate 1",
    ratesTwoBaseCurrencies: "{first} and {second} both have rate 1: set the plan currency on the Plan sheet",
    // Data issues: a sales row's currency.
    currencyUnreadable: "The currency is not one SalesPerf knows; row excluded. Write its code (USD, EUR, CNY …).",
    currencyConflict: "The Currency column says {column} but the amount is written in {written}; row excluded.",
    currencyNoRatesSheet:
      "Amount in {currency}, the sheet is mostly in {main} and has no Rates sheet to convert it; row excluded. Add a Rates sheet (Currency · Rate · From).",
    currencyNoRate:
      "Amount in {currency}, which has no rate on the {sheet} sheet; row excluded. Add its rate into {target}.",
    currencyRateNotYet: "Amount in {currency} dated {date}, before its first rate (from {first}); row excluded.",
    currencyTooManyDigits: "Converted amount {value} has more than 15 digits; row excluded.",
    currencyBlankAssumed: "No currency given; counted as {currency}.",
    amountConverted: "{amount} {currency} × {rate} ({cell}) = {converted} {target}",
    "issueKind.amountConverted.one": "{count} amount converted into another currency",
    "issueKind.amountConverted.other": "{count} amounts converted into another currency",
    // The block of rates used, under the list on the Data issues tab.
    "rates.heading": "Rates used: amounts converted into {target}",
    "rates.currency": "Currency",
    "rates.rate": "Rate",
    "rates.from": "From",
    "rates.cell": "Rate cell",
    "rates.rows": "Rows",
    "rates.original": "Amount in currency",
    "rates.converted": "Amount in {target}",
    // The pane's Data tab.
    "ui.data.currency":
      "Amounts converted into {target} with the {sheet} sheet: {rows} rows in {currencies} (the rates used are on Data issues)",
    "ui.data.currencyNone": "Every amount is in {target}: the {sheet} sheet converts none",
    "ui.data.currencyNoRates":
      "Several currencies and no Rates sheet: only amounts in {target} are scored, the others are left out (see Data issues)",
    "ui.data.currencySeparator": ", ",
  },
  zh: {
    ratesSheetName: "汇率",
    ratesNoHeader: "找不到包含“币种”和“汇率”两列的表头行（币种 · 汇率 · 生效日期）",
    ratesCurrencyBlank: "币种为空",
    ratesCurrencyUnknown: "“{value}”不是币种，请填写币种代码（USD、EUR、CNY 等）",
    ratesRateBlank: "汇率为空",
    ratesRateNotNumber: "汇率“{value}”不是数字",
    ratesRateNotPositive: "汇率 {value} 必须大于 0",
    ratesFromNotDate: "“{value}”不是日期（请写成 2026-01-01）",
    ratesDuplicateFrom: "{currency} 已有自 {from} 起的汇率（单元格 {first}）",
    ratesPlanCurrencyNotOne: "{currency} 是方案币种，汇率必须为 1",
    ratesNoBaseCurrency: "没有汇率为 1 的币种：请在考核方案工作表上设置方案币种，或将合计所用币种的汇率设为 1",
    ratesTwoBaseCurrencies: "{first} 和 {second} 的汇率都是 1：请在考核方案工作表上设置方案币种",
    currencyUnreadable: "无法识别币种，该行已排除；请填写币种代码（USD、EUR、CNY 等）。",
    currencyConflict: "币种列为 {column}，金额却按 {written} 录入，该行已排除。",
    currencyNoRatesSheet:
      "金额币种为 {currency}，本表以 {main} 为主，且没有汇率工作表可供折算，该行已排除；请添加汇率工作表（币种 · 汇率 · 生效日期）。",
    currencyNoRate:
      "金额币种为 {currency}，“{sheet}”工作表中没有该币种的汇率，该行已排除；请补充其折算为 {target} 的汇率。",
    currencyRateNotYet: "金额币种为 {currency}，日期 {date} 早于该币种最早的汇率（自 {first} 起），该行已排除。",
    currencyTooManyDigits: "折算金额 {value} 超过 15 位有效数字，该行已排除。",
    currencyBlankAssumed: "未填币种，按 {currency} 计入。",
    amountConverted: "{amount} {currency} × {rate}（{cell}）= {converted} {target}",
    "issueKind.amountConverted.other": "{count} 个金额已按汇率折算",
    "rates.heading": "所用汇率：金额折算为 {target}",
    "rates.currency": "币种",
    "rates.rate": "汇率",
    "rates.from": "生效日期",
    "rates.cell": "汇率单元格",
    "rates.rows": "行数",
    "rates.original": "原币金额",
    "rates.converted": "折算金额（{target}）",
    "ui.data.currency": "已按“{sheet}”工作表将金额折算为 {target}：{currencies} 共 {rows} 行（所用汇率详见“数据问题”）",
    "ui.data.currencyNone": "金额均为 {target}，“{sheet}”工作表未折算任何金额",
    "ui.data.currencyNoRates":
      "存在多种币种且没有汇率工作表：只计入 {target} 金额，其他币种的行已排除（详见“数据问题”）",
    "ui.data.currencySeparator": "、",
  },
};
