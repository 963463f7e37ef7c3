/** @jest-environment jsdom */
/**
 * The pane's Data tab says what was done with several currencies (docs/reference/input.md "Currencies"): converted
 * with the Rates sheet, or only the main currency kept; a table in one currency shows no such line.
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { CurrencyConversion } from "../../src/currency/convert";
import type { Lang } from "../../src/i18n";
import type * as DataSectionModule from "../../src/taskpane/components/DataSection";

// The pane's modules reach code that builds a TextEncoder when loaded, which jsdom lacks: give it Node's first.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= require("util").TextEncoder;
const { DataSection } = require("../../src/taskpane/components/DataSection") as typeof DataSectionModule;

const CONVERTED: CurrencyConversion = {
  target: "CNY",
  ratesSheet: "汇率",
  uses: [
    { currency: "EUR", rate: "7.85", from: null, where: "'汇率'!B4", rows: 2, original: "1000", converted: "7850" },
    { currency: "USD", rate: "7.1", from: null, where: "'汇率'!B3", rows: 3, original: "10", converted: "71" },
  ],
};

function show(lang: Lang, currency: CurrencyConversion | null): string {
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <DataSection
        lang={lang}
        mapping={null}
        reconciliation={null}
        otherSheets={{}}
        currency={currency}
        error={null}
        onRemap={() => undefined}
      />
    </FluentProvider>,
  );
  const text = container.textContent ?? "";
  unmount();
  return text;
}

describe("the Data tab's currency line", () => {
  it("names the rows converted, their currencies and the sheet, in English and Chinese", () => {
    expect(show("en", CONVERTED)).toContain(
      "Amounts converted into CNY with the 汇率 sheet: 5 rows in EUR, USD (the rates used are on Data issues)",
    );
    expect(show("zh", CONVERTED)).toContain(
      "已按“汇率”工作表将金额折算为 CNY：EUR、USD 共 5 行（所用汇率详见“数据问题”）",
    );
  });

  it("says when the Rates sheet converts nothing, and when rows in other currencies are left out", () => {
    expect(show("en", { ...CONVERTED, uses: [] })).toContain("Every amount is in CNY: the 汇率 sheet converts none");
    expect(show("zh", { target: "USD", ratesSheet: null, uses: [] })).toContain(
      "存在多种币种且没有汇率工作表：只计入 USD 金额，其他币种的行已排除（详见“数据问题”）",
    );
  });

  it("shows nothing about currencies for a table in one currency", () => {
    const text = show("en", null);
    expect(text).not.toMatch(/currenc|CNY|Rates/i);
    expect(screen.queryByText(/converted into/)).toBeNull();
  });
});
