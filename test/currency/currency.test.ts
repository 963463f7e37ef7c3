// Several currencies (docs/reference/input.md "Currencies" and "Rates sheet", cleaning.md "Currencies", numbers.md
// "Converted amounts"): a workbook with CNY, USD and EUR rows and dated rates scores to a hand calculation, in the CLI's
// steps and in the pane's; symbols and codes are read in English and Chinese; a row without a rate is left out and
// named; a bad Rates sheet stops the run naming its cells; a workbook in one currency is read as before.
import Decimal from "decimal.js";
import { resolvePlan, scoreWorkbook, type Scored } from "../../src/cli/pipeline";
import { currencyOfCell, currencyOfText } from "../../src/currency/codes";
import { readRatesSheet } from "../../src/currency/rates";
import { t } from "../../src/i18n";
import { ingest, type IngestResult, type RawCell, type RawSheet } from "../../src/ingest";
import { readWorkbookPlan } from "../../src/plan";
import { scorePeriod } from "../../src/report/score";
import { buildStatements } from "../../src/report/statement";
import { analyse } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";

/** Excel serial of a day (1900 system, the days after 1900-02-28). */
const day = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / 86400000) + 25569;

const RATES: RawSheet = {
  name: "Rates",
  values: [
    ["Currency", "Rate", "From"],
    ["CNY", 1, null],
    ["USD", 7.1, day("2026-01-01")],
    ["USD", 7.2, "2026-02-01"],
    ["EUR", 7.85, day("2026-01-01")],
    ["EUR", "7.7", day("2026-03-01")],
  ],
};

const SALES: RawSheet = {
  name: "Sales",
  values: [
    ["Sales Rep", "Date", "Amount", "Currency"],
    ["Alice", day("2026-01-10"), 1000, "CNY"], // 1000
    ["Alice", day("2026-01-15"), 1200, "USD"], // 1200 × 7.1 = 8520
    ["Alice", day("2026-02-01"), "$333.33", null], // the text's $ → USD, from 02-01: 333.33 × 7.2 = 2399.976 → 2399.98
    ["Bob", day("2026-02-20"), 500.5, "eur"], // 500.5 × 7.85 = 3928.925 → 3928.93 (half away from zero)
    ["Bob", day("2026-03-01"), 500.5, "EUR"], // from 03-01: 500.5 × 7.7 = 3853.85
    ["Bob", day("2026-03-05"), "¥3,000", ""], // the text's ¥ → CNY: 3000
    ["Carol", day("2026-03-10"), 1000, "GBP"], // no GBP rate: left out
    ["Carol", day("2025-12-31"), 100, "USD"], // before USD's first rate: left out
    ["Carol", day("2026-03-12"), 2000, "人民币"], // 2000
    ["Carol", day("2026-03-20"), 500, null], // no currency at all: taken as CNY, listed
    ["Dan", day("2026-03-15"), "€10", "USD"], // the column and the text disagree: left out
  ],
};

// The hand calculation, rep by rep (the comments above): exact decimals.
const HAND = {
  Alice: new Decimal(1000).plus(8520).plus("2399.98"),
  Bob: new Decimal("3928.93").plus("3853.85").plus(3000),
  Carol: new Decimal(2000).plus(500),
};

function revenueByRep(ingested: IngestResult): Record<string, string> {
  const out: Record<string, Decimal> = {};
  for (const r of ingested.rows) out[r.rep] = (out[r.rep] ?? new Decimal(0)).plus(String(r.amount));
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, v.toFixed()]));
}

function cliScore(sheets: RawSheet[]): Scored {
  const planned = resolvePlan(sheets, undefined, "en");
  if (!planned.ok) throw new Error(planned.message);
  const scored = scoreWorkbook(sheets, planned.plan, { lang: "en", inputName: "book.xlsx" });
  if (!scored.ok) throw new Error(scored.message);
  return scored;
}

describe("a workbook in CNY, USD and EUR with dated rates", () => {
  const sheets = [SALES, RATES];
  const scored = cliScore(sheets);

  it("credits each rep the hand-calculated total in CNY (the currency at rate 1)", () => {
    expect(scored.plan.rates?.target).toBe("CNY");
    expect(revenueByRep(scored.ingest)).toEqual({
      Alice: HAND.Alice.toFixed(), // 11919.98
      Bob: HAND.Bob.toFixed(), // 10782.78
      Carol: HAND.Carol.toFixed(), // 2500
    });
    expect(HAND.Alice.toFixed()).toBe("11919.98");
    expect(HAND.Bob.toFixed()).toBe("10782.78");
    const period = scorePeriod(scored.ingest, scored.plan, { period: "2026-Q1", lang: "en" });
    const revenue = scored.plan.kpis.findIndex((k) => k.measure.field === "amount" && k.aggregate === "sum");
    const actual = Object.fromEntries(period.reps.map((r) => [r.rep, r.kpis[revenue].actual?.toFixed()]));
    expect(actual).toEqual({ Alice: "11919.98", Bob: "10782.78", Carol: "2500" });
    expect(scored.ingest.currencyGuess).toBe("CNY");
  });

  it("reconciles: rows read = used + excluded; rows without a rate count no amount", () => {
    expect(scored.ingest.reconciliation).toEqual({
      rowsRead: 11,
      rowsUsed: 8,
      rowsExcluded: 3,
      amountRead: "25202.76",
      amountUsed: "25202.76",
      amountExcluded: "0",
    });
    expect(scored.ingest.excluded.map((x) => [x.sheetRow, x.amount])).toEqual([
      [8, null],
      [9, null],
      [12, null],
    ]);
  });

  it("names each row left out and why, and lists each conversion with its rate's cell", () => {
    const listed = scored.ingest.issues.map((i) => [i.row, i.action, i.reasonKey, i.params ?? {}]);
    expect(listed).toEqual([
      [
        3,
        "coerced",
        "amountConverted",
        { amount: "1200", currency: "USD", rate: "7.1", converted: "8520", target: "CNY", cell: "Rates!B3" },
      ],
      [4, "coerced", "amountTextCoerced", { value: "333.33" }],
      [
        4,
        "coerced",
        "amountConverted",
        { amount: "333.33", currency: "USD", rate: "7.2", converted: "2399.98", target: "CNY", cell: "Rates!B4" },
      ],
      [
        5,
        "coerced",
        "amountConverted",
        { amount: "500.5", currency: "EUR", rate: "7.85", converted: "3928.93", target: "CNY", cell: "Rates!B5" },
      ],
      [
        6,
        "coerced",
        "amountConverted",
        { amount: "500.5", currency: "EUR", rate: "7.7", converted: "3853.85", target: "CNY", cell: "Rates!B6" },
      ],
      [7, "coerced", "amountTextCoerced", { value: "3000" }],
      [8, "excluded", "currencyNoRate", { currency: "GBP", sheet: "Rates", target: "CNY" }],
      [9, "excluded", "currencyRateNotYet", { currency: "USD", date: "2025-12-31", first: "2026-01-01" }],
      [11, "kept", "currencyBlankAssumed", { currency: "CNY" }],
      [12, "excluded", "currencyConflict", { column: "USD", written: "EUR" }],
    ]);
    const blank = scored.ingest.issues.find((i) => i.reasonKey === "currencyBlankAssumed")!;
    expect([blank.column, t("zh", blank.reasonKey, blank.params)]).toEqual(["Currency", "未填币种，按 CNY 计入。"]);
    const gbp = scored.ingest.issues.find((i) => i.reasonKey === "currencyNoRate")!;
    expect(t("en", gbp.reasonKey, gbp.params)).toBe(
      "Amount in GBP, which has no rate on the Rates sheet; row excluded. Add its rate into CNY.",
    );
    expect(t("zh", gbp.reasonKey, gbp.params)).toBe(
      "金额币种为 GBP，“Rates”工作表中没有该币种的汇率，该行已排除；请补充其折算为 CNY 的汇率。",
    );
  });

  it("lists the rates used on Data issues: rows, amounts as written and converted", () => {
    expect(scored.ingest.currencyConversion).toEqual({
      target: "CNY",
      ratesSheet: "Rates",
      uses: [
        {
          currency: "EUR",
          rate: "7.85",
          from: day("2026-01-01"),
          where: "Rates!B5",
          rows: 1,
          original: "500.5",
          converted: "3928.93",
        },
        {
          currency: "EUR",
          rate: "7.7",
          from: day("2026-03-01"),
          where: "Rates!B6",
          rows: 1,
          original: "500.5",
          converted: "3853.85",
        },
        {
          currency: "USD",
          rate: "7.1",
          from: day("2026-01-01"),
          where: "Rates!B3",
          rows: 1,
          original: "1200",
          converted: "8520",
        },
        {
          currency: "USD",
          rate: "7.2",
          from: day("2026-02-01"),
          where: "Rates!B4",
          rows: 1,
          original: "333.33",
          converted: "2399.98",
        },
      ],
    });
    const tab = scored.report.sheets.find((s) => s.key === "issues")!;
    const heading = tab.rows.findIndex((r) => r[0]?.v === "Rates used: amounts converted into CNY");
    expect(heading).toBeGreaterThan(0);
    expect(tab.rows[heading + 1].map((c) => c?.v)).toEqual([
      "Currency",
      "From",
      "Rate",
      "Rows",
      "Amount in currency",
      "Amount in CNY",
    ]);
    expect(tab.rows.slice(heading + 2, heading + 6).map((r) => r.map((c) => c?.v ?? null))).toEqual([
      ["EUR", day("2026-01-01"), 7.85, 1, 500.5, 3928.93],
      ["EUR", day("2026-03-01"), 7.7, 1, 500.5, 3853.85],
      ["USD", day("2026-01-01"), 7.1, 1, 1200, 8520],
      ["USD", day("2026-02-01"), 7.2, 1, 333.33, 2399.98],
    ]);
    expect(tab.tables?.find((x) => x.name === "SP_Rates")?.ref).toBe(`A${heading + 2}:F${heading + 6}`);
    // The conversions block still starts where the count line says.
    const countLine = tab.rows.find((r) => typeof r[5]?.v === "string" && /values converted/.test(r[5].v as string));
    const from = Number(/listed from row (\d+)/.exec(countLine![5]!.v as string)![1]);
    expect(tab.rows[from - 1][3]?.v).toBe(1200);
  });

  it("scores the same in the pane as in the CLI", () => {
    const analysis = analyse(sheets, [], "en");
    expect(analysis.plan.errors).toEqual([]);
    expect(revenueByRep(analysis.ingested!)).toEqual(revenueByRep(scored.ingest));
    const report = buildPaneReport(analysis, ["Sales", "Rates"], [], "2026-Q1", "en");
    const cells = (r: typeof report) => JSON.stringify(r.sheets.find((s) => s.key === "scorecard")!.rows);
    const cli = scoreWorkbook(sheets, { ...scored.plan, scoredPeriod: "2026-Q1" }, { lang: "en", inputName: "x" });
    expect(cli.ok && cells(report) === cells(cli.report)).toBe(true);
  });

  it("converts into the plan currency when the Plan sets one, and refuses it at a rate other than 1", () => {
    const plan = { ...scored.plan, currency: "USD" };
    const rates = readRatesSheet(RATES.values, "Rates", "USD");
    expect(rates.errors).toEqual([
      { where: "Rates!B3", messageKey: "ratesPlanCurrencyNotOne", params: { currency: "USD" } },
    ]);
    const own = readRatesSheet(
      [
        ["币种", "汇率", "生效日期"],
        ["美元", 1, null],
        ["人民币", "0.14", "2026年1月1日"],
      ],
      "汇率",
      "USD",
    );
    expect(own.errors).toEqual([]);
    const r = ingest([SALES], {
      currency: { rates: own.rates, planCurrency: plan.currency, decimals: 2 },
    }) as IngestResult;
    // Alice: 1000 CNY × 0.14 = 140, 1200 USD, $333.33: 1673.33
    expect(revenueByRep(r).Alice).toBe("1673.33");
  });
});

describe("currency symbols and codes (en and zh)", () => {
  it.each<[string, string | null]>([
    ["USD", "USD"],
    ["usd", "USD"],
    [" eur ", "EUR"],
    ["JPY", "JPY"],
    ["$", "USD"],
    ["US$", "USD"],
    ["¥", "CNY"],
    ["￥", "CNY"],
    ["RMB", "CNY"],
    ["元", "CNY"],
    ["人民币", "CNY"],
    ["美元", "USD"],
    ["欧元", "EUR"],
    ["英镑", "GBP"],
    ["港币", "HKD"],
    ["HK$", "HKD"],
    ["dollars", null],
    ["美金币", null],
    ["12", null],
  ])("%j names %s", (text, iso) => {
    expect(currencyOfText(text)).toBe(iso);
  });

  it("reads a blank cell as no currency and a number as none it knows", () => {
    expect(currencyOfCell(null)).toBe("");
    expect(currencyOfCell("  ")).toBe("");
    expect(currencyOfCell(840)).toBeNull();
  });

  const rates = readRatesSheet(
    [
      ["Currency", "Rate"],
      ["CNY", 1],
      ["USD", 7],
      ["EUR", 8],
    ],
    "Rates",
    null,
  ).rates;
  it.each<[RawCell, string | null, string]>([
    ["$1,200", null, "8400"],
    ["USD 1200", null, "8400"],
    ["1200 EUR", null, "9600"],
    ["€1,200", null, "9600"],
    ["¥3,000", null, "3000"],
    ["3000元", null, "3000"],
    ["0.3万元", null, "3000"],
    [1200, "$#,##0.00", "8400"],
    [1200, "[$€-407]#,##0.00", "9600"],
    [1200, "¥#,##0", "1200"],
    [1200, "#,##0", "1200"],
  ])("amount %j with format %j → %s CNY", (amount, fmt, cny) => {
    const sheet: RawSheet = {
      name: "销售明细",
      values: [
        ["销售员", "日期", "金额"],
        ["张伟", day("2026-03-02"), amount],
      ],
      numberFormats: [
        [null, null, null],
        [null, null, fmt],
      ],
    };
    const r = ingest([sheet], { currency: { rates, planCurrency: null, decimals: 2 } }) as IngestResult;
    expect(r.rows.map((x) => String(x.amount))).toEqual([cny]);
  });

  it("reads a 币种 column with Chinese names", () => {
    const sheet: RawSheet = {
      name: "销售明细",
      values: [
        ["销售员", "日期", "金额", "币种"],
        ["张伟", day("2026-03-02"), 100, "美元"],
        ["张伟", day("2026-03-03"), 100, "欧元"],
        ["张伟", day("2026-03-04"), 100, "人民币"],
      ],
    };
    const r = ingest([sheet], { currency: { rates, planCurrency: null, decimals: 2 } }) as IngestResult;
    expect(r.rows.map((x) => x.amount)).toEqual([700, 800, 100]);
  });
});

describe("without a Rates sheet", () => {
  const sales = (amounts: RawCell[], currency?: RawCell[]): RawSheet => ({
    name: "Sales",
    values: [
      ["Rep", "Date", "Amount", ...(currency ? ["Currency"] : [])],
      ...amounts.map((a, i) => ["A", day("2026-03-02"), a, ...(currency ? [currency[i]] : [])]),
    ],
  });

  it("reads a workbook in one currency exactly as before, with or without a Currency column", () => {
    const plain = ingest([sales(["$1,200", 300.1, "$5"])]) as IngestResult;
    expect(plain.currencyConversion).toBeUndefined();
    expect(plain.rows.map((r) => r.amount)).toEqual([1200, 300.1, 5]);
    const withPlan = ingest([sales(["$1,200", 300.1, "$5"])], {
      currency: { rates: null, planCurrency: "CNY", decimals: 2 },
    }) as IngestResult;
    expect(withPlan).toEqual(plain);
    const column = ingest([sales([1200, 300.1], ["USD", "USD"])]) as IngestResult;
    expect(column.currencyConversion).toBeUndefined();
    expect(column.rows.map((r) => r.amount)).toEqual([1200, 300.1]);
    expect(column.currencyGuess).toBe("USD");
  });

  it("keeps the main currency (the plan's when met, else the most met) and leaves the others out, named", () => {
    const r = ingest([sales(["¥1,000", "¥2,000", "$300", 50])]) as IngestResult;
    expect(r.rows.map((x) => x.amount)).toEqual([1000, 2000, 50]);
    expect(r.currencyGuess).toBe("CNY");
    const out = r.issues.filter((i) => i.action === "excluded");
    expect(out).toEqual([
      {
        sheet: "Sales",
        row: 4,
        column: "Amount",
        raw: "$300",
        action: "excluded",
        reasonKey: "currencyNoRatesSheet",
        params: { currency: "USD", main: "CNY" },
      },
    ]);
    expect(r.reconciliation).toMatchObject({ rowsRead: 4, rowsUsed: 3, rowsExcluded: 1, amountExcluded: "0" });
    expect(r.currencyConversion).toEqual({ target: "CNY", ratesSheet: null, uses: [] });
    const usd = ingest([sales(["¥1,000", "¥2,000", "$300", 50])], {
      currency: { rates: null, planCurrency: "USD", decimals: 2 },
    }) as IngestResult;
    expect(usd.rows.map((x) => x.amount)).toEqual([300, 50]);
  });

  it("leaves out a row whose Currency cell names no currency", () => {
    const r = ingest([sales([100, 200], ["USD", "dollars"])]) as IngestResult;
    expect(r.rows.map((x) => x.amount)).toEqual([100]);
    expect(r.issues.map((i) => [i.row, i.column, i.raw, i.reasonKey])).toEqual([
      [3, "Amount", 200, "currencyUnreadable"],
    ]);
  });
});

describe("a bad Rates sheet stops the run, naming each cell", () => {
  it("lists text, zero and negative rates, unknown currencies, bad dates and duplicate From dates", () => {
    const read = readRatesSheet(
      [
        ["Rates to CNY"],
        ["Currency", "Rate", "From"],
        ["CNY", 1, null],
        ["USD", "seven", "2026-01-01"],
        ["EUR", 0, null],
        ["GBP", -9.1, null],
        ["XX1", 2, null],
        ["USD", 7.1, "2026-02-01"],
        ["USD", 7.2, day("2026-02-01")],
        ["JPY", 0.05, "next month"],
        [null, 3, null],
        ["HKD", null, null],
      ],
      "Rates",
      null,
    );
    expect(read.rates).toBeNull();
    expect(read.errors.map((e) => [e.where, e.messageKey])).toEqual([
      ["Rates!B4", "ratesRateNotNumber"],
      ["Rates!B5", "ratesRateNotPositive"],
      ["Rates!B6", "ratesRateNotPositive"],
      ["Rates!A7", "ratesCurrencyUnknown"],
      ["Rates!C9", "ratesDuplicateFrom"],
      ["Rates!C10", "ratesFromNotDate"],
      ["Rates!A11", "ratesCurrencyBlank"],
      ["Rates!B12", "ratesRateBlank"],
    ]);
    const dup = read.errors.find((e) => e.messageKey === "ratesDuplicateFrom")!;
    expect(t("en", dup.messageKey, dup.params)).toBe("USD already has a rate from 2026-02-01 (cell Rates!C8)");
    expect(t("zh", dup.messageKey, dup.params)).toBe("USD 已有自 2026-02-01 起的汇率（单元格 Rates!C8）");
  });

  it("needs to know what the totals are in", () => {
    expect(
      readRatesSheet(
        [
          ["Currency", "Rate"],
          ["USD", 7],
        ],
        "Rates",
        null,
      ).errors,
    ).toEqual([{ where: "Rates", messageKey: "ratesNoBaseCurrency" }]);
    expect(
      readRatesSheet(
        [
          ["Currency", "Rate"],
          ["USD", 1],
          ["HKD", 1],
        ],
        "Rates",
        null,
      ).errors,
    ).toEqual([{ where: "Rates!B3", messageKey: "ratesTwoBaseCurrencies", params: { first: "USD", second: "HKD" } }]);
    expect(readRatesSheet([["Currency", "Rate"]], "Rates", null)).toEqual({ rates: null, errors: [] });
    expect(readRatesSheet([["no header here"]], "Rates", null).errors).toEqual([
      { where: "Rates", messageKey: "ratesNoHeader" },
    ]);
  });

  it("blocks scoring in the CLI and the pane with the cell named", () => {
    const bad: RawSheet = {
      name: "汇率",
      values: [
        ["币种", "汇率"],
        ["人民币", 1],
        ["美元", "-7"],
      ],
    };
    const cli = resolvePlan([SALES, bad], undefined, "zh");
    expect(cli.ok).toBe(false);
    expect(!cli.ok && cli.message).toContain("'汇率'!B3");
    expect(!cli.ok && cli.message).toContain("汇率 -7 必须大于 0");
    const pane = readWorkbookPlan([SALES, bad], "zh");
    expect(pane.ok).toBe(false);
    expect(analyse([SALES, bad], [], "zh").plan.errors.map((e) => e.where)).toEqual(["'汇率'!B3"]);
  });
});

describe('split deals in another currency (docs/reference/input.md "Split credit")', () => {
  const rates = readRatesSheet(
    [
      ["Currency", "Rate"],
      ["CNY", 1],
      ["USD", "7.1"],
    ],
    "Rates",
    null,
  ).rates;
  it("credits the converted deal amount × split, and converts a Split amount at the row's rate", () => {
    const sheet: RawSheet = {
      name: "Sales",
      values: [
        ["Deal ID", "Close Date", "Sales Rep", "Amount", "Currency", "Split %", "Split amount"],
        ["D-1", day("2026-03-02"), "Alice", 1000, "USD", 0.6, null], // 1000 × 7.1 = 7100; × 0.6 = 4260
        ["D-1", day("2026-03-02"), "Bob", 1000, "USD", 0.4, null], // 7100 × 0.4 = 2840
        ["D-2", day("2026-03-03"), "Bob", 200, "USD", null, 50.05], // the Split amount: 50.05 × 7.1 = 355.355 → 355.36
      ],
    };
    const r = ingest([sheet], { currency: { rates, planCurrency: null, decimals: 2 } }) as IngestResult;
    expect(revenueByRep(r)).toEqual({ Alice: "4260", Bob: "3195.36" });
    expect(r.reconciliation.amountUsed).toBe("7455.36");
  });
});

describe("the pane reads the amount cells' number formats", () => {
  it("converts a dollar-formatted cell with the workbook's Rates sheet", () => {
    const sales: RawSheet = {
      name: "Sales",
      values: [
        ["Rep", "Date", "Amount"],
        ["Alice", day("2026-03-02"), 1000],
        ["Alice", day("2026-03-03"), 500],
      ],
      numberFormats: [
        [null, null, null],
        [null, "yyyy-mm-dd", '"$"#,##0.00'],
        [null, "yyyy-mm-dd", "#,##0.00"],
      ],
    };
    const rates: RawSheet = {
      name: "rates",
      values: [
        ["Currency", "Rate"],
        ["USD", 7.1],
        ["CNY", 1],
      ],
    };
    const analysis = analyse([sales, rates], [], "en");
    expect(analysis.ingested!.rows.map((r) => r.amount)).toEqual([7100, 500]);
    expect(analysis.ingested!.currencyConversion?.uses.map((u) => [u.currency, u.rows, u.converted])).toEqual([
      ["USD", 1, "7100"],
    ]);
  });
});

describe("rep statements of a workbook in several currencies", () => {
  it("show each rep their own rows' conversions and no other rep's amounts or the rates used", () => {
    const sheets = [SALES, RATES];
    const scored = cliScore(sheets);
    const built = buildStatements(scored.ingest, scored.plan, { lang: "en", period: "2026-Q1", sheets });
    const alice = built.statements.find((s) => s.rep === "Alice")!;
    const values = alice.report.sheets.flatMap((sh) => sh.rows.flatMap((r) => r.map((c) => c?.v)));
    const texts = values.filter((v): v is string => typeof v === "string");
    // Her conversions, named with their rate cells …
    expect(texts).toContain("1200 USD × 7.1 (Rates!B3) = 8520 CNY");
    expect(texts).toContain("333.33 USD × 7.2 (Rates!B4) = 2399.98 CNY");
    // … none of Bob's (EUR) or Carol's, and not the block that sums every rep's rows.
    expect(texts.some((x) => x.includes("EUR"))).toBe(false);
    expect(texts.some((x) => x.startsWith("Rates used"))).toBe(false);
    for (const theirs of [3928.93, 3853.85, 3000, 2000, 10782.78, 2500]) expect(values).not.toContain(theirs);
    expect(values).toContain(8520);
    expect(values).toContain(2399.98);
  });
});
