// docs/reference/input.md, cleaning.md cell by cell: amounts, dates, yes/no, rep names, headers, serial dates, currency.
import { currencyOfFormat, matchHeader, normaliseRepName, parseAmount, parseDate, parseYesNo } from "../../src/ingest";
import { dateToSerial, serialToYmd } from "../../src/sheet";
import type { RawCell } from "../../src/ingest";

describe("parseAmount reads every amount form of docs/reference/cleaning.md", () => {
  it.each<[string, RawCell, string, boolean, string | undefined]>([
    ["a number", 1234.5, "1234.5", false, undefined],
    ["a negative number", -14150, "-14150", false, undefined],
    ["grouped text with decimals", "1,234.50", "1234.5", true, undefined],
    ["grouped text, sample style", "13,020.00", "13020", true, undefined],
    ["yuan sign", "¥1,234", "1234", true, "¥"],
    ["full-width yuan sign", "￥11,060", "11060", true, "¥"],
    ["dollar sign", "$1,234", "1234", true, "$"],
    ["dollar sign, sample", "$15,370", "15370", true, "$"],
    ["space as thousands separator", "1 234", "1234", true, undefined],
    ["no-break space separator", "1\u00a0234", "1234", true, undefined],
    ["full-width digits", "１２３", "123", true, undefined],
    ["full-width digits and comma", "１，２３４．５", "1234.5", true, undefined],
    ["accounting negative", "(1,234)", "-1234", true, undefined],
    ["accounting negative with symbol", "($1,234.50)", "-1234.5", true, "$"],
    ["leading minus before symbol", "-$1,234", "-1234", true, "$"],
    ["minus after symbol", "¥-500", "-500", true, "¥"],
    ["percent", "12.5%", "0.125", true, undefined],
    ["wan", "1.2万", "12000", true, undefined],
    ["wan, exact decimal", "0.73万", "7300", true, undefined],
    ["wan, sample", "3.17万", "31700", true, undefined],
    ["yi", "3亿", "300000000", true, undefined],
    ["wan yuan", "1.2万元", "12000", true, "元"],
    ["yuan suffix", "1,234元", "1234", true, "元"],
    ["ISO code prefix", "USD 1,234", "1234", true, "USD"],
    ["euro suffix", "1 234 €", "1234", true, "€"],
    ["pound", "£99.99", "99.99", true, "£"],
    ["plain numeric text", "42", "42", true, undefined],
    ["padded numeric text", "  42.10  ", "42.1", true, undefined],
    ["decimal with no leading digit", ".5", "0.5", true, undefined],
  ])("%s: %j → %s", (_name, raw, expected, coerced, symbol) => {
    const r = parseAmount(raw);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(String(r.value)).toBe(expected);
    expect(r.coerced).toBe(coerced);
    expect(r.symbol).toBe(symbol);
  });

  it("gives the double nearest the written decimal, not a float product", () => {
    const r = parseAmount("0.73万");
    expect(r.ok && r.value).toBe(7300);
    // Float products miss: 1.13 × 10⁴ = 11299.999999999998, 2.3 × 10⁸ = 229999999.99999997.
    expect(1.13 * 10000).not.toBe(11300);
    const s = parseAmount("1.13万");
    expect(s.ok && s.value).toBe(11300);
    const y = parseAmount("2.3亿");
    expect(y.ok && y.value).toBe(230000000);
  });

  it.each<[string, RawCell, string]>([
    ["blank cell", null, "amountBlank"],
    ["empty text", "", "amountBlank"],
    ["whitespace", "   ", "amountBlank"],
    ["error cell", { error: "#N/A" }, "amountError"],
    ["error text", "#N/A", "amountError"],
    ["#VALUE! text", "#value!", "amountError"],
    ["words", "twelve", "amountNotNumber"],
    ["n/a text", "n/a", "amountNotNumber"],
    ["boolean", true, "amountNotNumber"],
    ["ambiguous comma grouping", "1,23", "amountNotNumber"],
    ["european decimal comma", "1.234,50", "amountNotNumber"],
    ["two signs", "-(5)", "amountNotNumber"],
    ["two currencies", "$100€", "amountNotNumber"],
    ["NaN", NaN, "amountNotNumber"],
    ["Infinity", Infinity, "amountNotNumber"],
    ["a date string", "2026-03-11", "amountNotNumber"],
  ])("%s: %j is excluded as %s", (_name, raw, reasonKey) => {
    expect(parseAmount(raw)).toEqual({ ok: false, reasonKey });
  });
});

describe("parseDate reads the date forms of docs/reference/cleaning.md", () => {
  // Serial 46092 = 2026-03-11 in Excel's 1900 date system.
  it.each<[string, RawCell, number, boolean, boolean]>([
    ["an Excel serial", 46092, 46092, false, false],
    ["a serial with a time of day", 46092.75, 46092, false, false],
    ["ISO text", "2026-03-11", 46092, false, true],
    ["slashes, no padding", "2026/3/11", 46092, false, true],
    ["dots", "2026.3.11", 46092, false, true],
    ["Chinese", "2026年3月11日", 46092, false, true],
    ["Chinese with 号", "2026年3月11号", 46092, false, true],
    ["ISO with time", "2026-03-11 14:30", 46092, false, true],
    ["full-width digits", "２０２６-０３-１１", 46092, false, true],
    ["a month", "2026-03", 46082, true, true],
    ["a month with slash", "2026/3", 46082, true, true],
    ["a Chinese month", "2026年3月", 46082, true, true],
    ["sample month", "2026-01", 46023, true, true],
  ])("%s: %j → %d", (_name, raw, serial, month, coerced) => {
    expect(parseDate(raw)).toEqual({ ok: true, serial, month, coerced });
  });

  it.each<[string, RawCell, string]>([
    ["blank", null, "dateBlank"],
    ["empty text", " ", "dateBlank"],
    ["error", { error: "#REF!" }, "dateError"],
    ["error text", "#N/A", "dateError"],
    ["US order, ambiguous", "3/11/2026", "dateUnreadable"],
    ["day-first", "11.03.2026", "dateUnreadable"],
    ["words", "next Tuesday", "dateUnreadable"],
    ["month 13", "2026-13", "dateUnreadable"],
    ["February 30th", "2026-02-30", "dateUnreadable"],
    ["zero serial", 0, "dateUnreadable"],
    ["negative serial", -5, "dateUnreadable"],
    ["beyond 9999-12-31", 2958466, "dateUnreadable"],
    ["boolean", false, "dateUnreadable"],
  ])("%s: %j is excluded as %s", (_name, raw, reasonKey) => {
    expect(parseDate(raw)).toEqual({ ok: false, reasonKey });
  });
});

describe("dates before 1900-03-01 are refused (docs/reference/sheet.md)", () => {
  it.each<[string, RawCell]>([
    ["serial 1", 1],
    ["serial 45, a number typed into the date column", 45],
    ["serial 60, Excel's phantom 1900-02-29", 60],
    ["text 1900-02-29", "1900-02-29"],
    ["text 1900-01-15", "1900-01-15"],
  ])("%s", (_name, raw) => expect(parseDate(raw)).toEqual({ ok: false, reasonKey: "dateUnreadable" }));

  it("1900-03-01 is serial 61, read either way", () => {
    expect(parseDate(61)).toEqual({ ok: true, serial: 61, month: false, coerced: false });
    expect(parseDate("1900-03-01")).toEqual({ ok: true, serial: 61, month: false, coerced: true });
  });
});

describe("serial dates", () => {
  it.each<[string, number, { y: number; m: number; d: number }]>([
    ["1970-01-01", 25569, { y: 1970, m: 1, d: 1 }],
    ["2026-03-11", 46092, { y: 2026, m: 3, d: 11 }],
    ["2024-02-29", 45351, { y: 2024, m: 2, d: 29 }],
    ["time of day dropped", 46092.99, { y: 2026, m: 3, d: 11 }],
  ])("%s: serial %d", (_n, serial, ymd) => {
    expect(serialToYmd(serial)).toEqual(ymd);
  });
  it("converts UTC dates as exceljs returns them", () => {
    expect(dateToSerial(new Date(Date.UTC(2026, 2, 11)))).toBe(46092);
    expect(dateToSerial(new Date(Date.UTC(2026, 2, 11, 12)))).toBe(46092.5);
  });
});

describe("parseYesNo", () => {
  it.each<[RawCell, boolean | null]>([
    ["yes", true],
    ["Yes", true],
    ["YES", true],
    ["y", true],
    ["Y", true],
    ["true", true],
    ["TRUE", true],
    ["1", true],
    ["是", true],
    [" 是 ", true],
    [true, true],
    [1, true],
    ["no", false],
    ["No", false],
    ["n", false],
    ["false", false],
    ["0", false],
    ["否", false],
    [false, false],
    [0, false],
    [null, false],
    ["", false],
    ["maybe", null],
    ["2", null],
    [2, null],
    [{ error: "#N/A" }, null],
  ])("%j → %j", (raw, expected) => {
    expect(parseYesNo(raw)).toBe(expected);
  });
});

describe("normaliseRepName", () => {
  it.each([
    [" Grace Liu  ", "Grace Liu"],
    ["Grace   Liu", "Grace Liu"],
    ["Ｇｒａｃｅ　Ｌｉｕ", "Grace Liu"],
    [" 陈静  ", "陈静"],
    ["Alice\tChen", "Alice Chen"],
  ])("%j → %j", (raw, expected) => {
    expect(normaliseRepName(raw)).toBe(expected);
  });
});

describe("matchHeader knows the synonyms of docs/reference/input.md", () => {
  it.each([
    ["Sales Rep", "rep"],
    ["rep", "rep"],
    ["SALESPERSON", "rep"],
    ["Owner", "rep"],
    ["name", "rep"],
    ["销售员", "rep"],
    ["业务员", "rep"],
    ["销售人员", "rep"],
    ["销售", "rep"],
    ["姓名", "rep"],
    ["员工", "rep"],
    ["Team", "team"],
    ["Region", "team"],
    ["group", "team"],
    ["团队", "team"],
    ["小组", "team"],
    ["部门", "team"],
    ["区域", "team"],
    ["Date", "date"],
    ["Order Date", "date"],
    ["close date", "date"],
    ["Month", "date"],
    ["Period", "date"],
    ["日期", "date"],
    ["下单日期", "date"],
    ["成交日期", "date"],
    ["月份", "date"],
    ["Amount", "amount"],
    ["Revenue", "amount"],
    ["Sales", "amount"],
    ["Value", "amount"],
    ["金额", "amount"],
    ["销售额", "amount"],
    ["业绩", "amount"],
    ["成交金额", "amount"],
    ["Customer", "customer"],
    ["Client", "customer"],
    ["Account", "customer"],
    ["客户", "customer"],
    ["客户名称", "customer"],
    ["New Customer", "newCustomer"],
    ["new", "newCustomer"],
    ["新客户", "newCustomer"],
    ["是否新客户", "newCustomer"],
    ["Satisfaction", "satisfaction"],
    ["CSAT", "satisfaction"],
    ["满意度", "satisfaction"],
    ["客户满意度", "satisfaction"],
    ["Behaviour", "behaviour"],
    ["behavior", "behaviour"],
    ["Manager Rating", "behaviour"],
    ["行为评分", "behaviour"],
    ["行为表现", "behaviour"],
    ["主管评分", "behaviour"],
    ["  sales   rep ", "rep"],
    ["ＡＭＯＵＮＴ", "amount"],
    ["Amount (USD)", "amount"],
    ["销售额（元）", "amount"],
  ])("%j → %s", (text, field) => {
    expect(matchHeader(text)).toBe(field);
  });

  it.each(["Product", "产品", "Amount due", "", "Rep name x", "Notes"])("%j is not a standard field", (text) => {
    expect(matchHeader(text)).toBeNull();
  });
});

describe("currencyOfFormat", () => {
  it.each<[string | null, string | null]>([
    ["¥#,##0", "CNY"],
    ["[$¥-804]#,##0.00", "CNY"],
    ['#,##0"元"', "CNY"],
    ['"$"#,##0.00', "USD"],
    ["$#,##0", "USD"],
    ["[$€-407]#,##0.00", "EUR"],
    ["#,##0.00 €", "EUR"],
    ["£#,##0", "GBP"],
    ["#,##0", null],
    ["[$-409]mmm-yy", null],
    ["General", null],
    [null, null],
  ])("%j → %j", (fmt, iso) => {
    expect(currencyOfFormat(fmt)).toBe(iso);
  });
});
