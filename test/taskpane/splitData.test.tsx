/** @jest-environment jsdom */
/**
 * The pane's Data tab with split credit (docs/reference/input.md "Split credit"): the Deal ID, Split % and Split
 * amount columns are listed when the table has them, with one line counting the split deals; a table without them
 * shows neither.
 */
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/i18n";
import type { ColumnMapping, SplitSummary } from "../../src/ingest/types";
import type * as DataSectionModule from "../../src/taskpane/components/DataSection";

// The pane's modules reach code that builds a TextEncoder when loaded, which jsdom lacks: give it Node's first.
(globalThis as { TextEncoder?: unknown }).TextEncoder ??= require("util").TextEncoder;
const { DataSection } = require("../../src/taskpane/components/DataSection") as typeof DataSectionModule;

const HEADERS = ["Deal ID", "Close Date", "Sales Rep", "Amount", "Split %"];
const WITH_SPLITS: ColumnMapping = {
  sheet: "CRM export",
  headerRow: 1,
  columns: { deal: 0, date: 1, rep: 2, amount: 3, split: 4 },
  headers: HEADERS.map((header, col) => ({ col, header })),
};
const WITHOUT: ColumnMapping = {
  sheet: "Sales",
  headerRow: 1,
  columns: { date: 0, rep: 1, amount: 2 },
  headers: ["Date", "Sales Rep", "Amount"].map((header, col) => ({ col, header })),
};
const SUMMARY: SplitSummary = { splitColumns: true, deals: 5, sharedRows: 1, dealsNot100: 1 };

function show(lang: Lang, mapping: ColumnMapping, split: SplitSummary | null): string {
  const { container, unmount } = render(
    <FluentProvider theme={webLightTheme}>
      <DataSection
        lang={lang}
        mapping={mapping}
        reconciliation={null}
        otherSheets={{}}
        split={split}
        error={null}
        onRemap={() => undefined}
      />
    </FluentProvider>,
  );
  const text = container.textContent ?? "";
  unmount();
  return text;
}

describe("the Data tab with split deals", () => {
  it("lists the split columns found and counts the split deals, in English and Chinese", () => {
    const en = show("en", WITH_SPLITS, SUMMARY);
    expect(en).toContain(
      "Deals credited by split: 5 · rows naming several reps: 1 · deals whose splits do not add up to 100 %: 1",
    );
    expect(en).toContain("Deal ID");
    expect(en).toContain("E · Split %");
    expect(en).not.toContain("Split amount");
    const zh = show("zh", WITH_SPLITS, SUMMARY);
    expect(zh).toContain("按分成比例计入的订单：5 个 · 包含多位销售员的行：1 行 · 分成比例合计不为 100% 的订单：1 个");
    expect(zh).toContain("订单号");
    expect(zh).toContain("分成比例");
  });

  it("a table without them shows no split field and no split line", () => {
    const text = show("en", WITHOUT, null);
    expect(text).not.toMatch(/Deal ID|Split|split/);
  });
});
