/**
 * Widths and print settings (docs/reference/tabs.md "Column widths", "Printing"; statements.md "Printing"): decided
 * once for every tab of the report and of each statement, so a tab added later gets them too.
 */
import { defaultPlan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import type { ReportSheet } from "../../src/report/model";
import { fitColumnWidths, layOutForPrint, MIN_PRINT_SCALE, printScale } from "../../src/report/printLayout";
import { buildStatements } from "../../src/report/statement";
import { displayWidth, formatNumber } from "../../src/sheet";
import { defaultExample, ingestOf, repeat } from "./fixtures";

const en = buildReport(ingestOf(defaultExample()), defaultPlan("en"), { lang: "en" });
const zh = buildReport(ingestOf(defaultExample(), { currency: "CNY" }), defaultPlan("zh"), { lang: "zh" });
const statements = buildStatements(ingestOf(defaultExample(), { currency: "CNY" }), defaultPlan("zh"), {
  lang: "zh",
}).statements;
const allSheets: [string, ReportSheet][] = [
  ...en.sheets.map((s): [string, ReportSheet] => [`en ${s.name}`, s]),
  ...zh.sheets.map((s): [string, ReportSheet] => [`zh ${s.name}`, s]),
  ...statements.flatMap((st) => st.report.sheets.map((s): [string, ReportSheet] => [`${st.rep} ${s.name}`, s])),
];

describe("every tab's columns fit their values as displayed", () => {
  it.each(allSheets)("%s: each number's formatted text fits its column, with room to spare", (_, sheet) => {
    const widths = sheet.columnWidths ?? [];
    sheet.rows.forEach((row) =>
      row.forEach((cell, c) => {
        if (typeof cell?.v !== "number") return;
        expect(displayWidth(formatNumber(cell.v, cell.fmt)) + 2).toBeLessThanOrEqual(widths[c]);
      }),
    );
  });

  it("a statement's revenue column holds ¥3,360,900.00", () => {
    const big = buildStatements(
      ingestOf(repeat(2, { rep: "张伟", date: "2026-05-10", amount: 1680450 }), { currency: "CNY" }),
      defaultPlan("zh"),
      { lang: "zh" },
    ).statements[0].report.sheets[0];
    expect(big.rows[1][2]).toMatchObject({ v: 3360900, fmt: "¥#,##0.00" });
    expect(big.columnWidths![2]).toBeGreaterThanOrEqual(displayWidth("¥3,360,900.00") + 2);
  });

  it("a header wraps onto two lines rather than widening a column of short numbers", () => {
    const sheet: ReportSheet = {
      key: "scorecard",
      name: "S",
      rows: [
        [
          { v: "Revenue attainment", style: "header" },
          { v: "Rep", style: "header" },
        ],
        [{ v: 0.953, fmt: "0.0%" }, { v: "Alice" }],
      ],
    };
    // "attainment" (10) + 3 for bold type and the filter button; "Alice" + 1.
    expect(fitColumnWidths(sheet)).toEqual([13, 6]);
  });

  it("titles and notes run on into empty cells; a column with no values keeps the tab's width", () => {
    const sheet: ReportSheet = {
      key: "plan",
      name: "S",
      rows: [[{ v: "A very long title for the whole tab", style: "title" }], [{ v: 12, fmt: "0" }, null]],
      columnWidths: [30, 3],
    };
    expect(fitColumnWidths(sheet)).toEqual([4, 3]);
  });
});

describe("wrapped headers get two lines of height", () => {
  it("a header row whose text wraps at the fitted width is 32 points high; one that fits keeps the default", () => {
    const sheet = layOutForPrint(
      {
        key: "scorecard",
        name: "S",
        rows: [
          [{ v: "Revenue attainment", style: "header" }],
          [{ v: 0.953, fmt: "0.0%" }],
          [{ v: "Rep", style: "header" }],
        ],
      },
      { lang: "en", title: "T", period: "2026" },
    );
    expect(sheet.rowHeights).toEqual([{ row: 0, points: 32 }]);
  });

  it("the Chinese Scorecard's long headers wrap and their row is made high enough", () => {
    const scorecard = zh.sheets.find((s) => s.key === "scorecard")!;
    expect(scorecard.rowHeights).toEqual([{ row: 0, points: 32 }]);
  });
});

describe("text that runs on", () => {
  it("outside a table, text with nothing to its right runs on; inside a table it sizes its column", () => {
    const sheet: ReportSheet = {
      key: "summary" as ReportSheet["key"],
      name: "S",
      rows: [
        [{ v: "Period" }, { v: "2026-Q2 (2026-04-01 to 2026-06-30)" }],
        [
          { v: "Rep", style: "header" },
          { v: "How it was reached", style: "header" },
        ],
        [{ v: "Ann" }, { v: "Score 90% ≥ threshold 60%" }],
      ],
      tables: [{ name: "T", ref: "A2:B3" }],
    };
    // B: the table's "Score 90% ≥ threshold 60%" (25 + 1), not the period sentence above the table (34 + 1).
    expect(fitColumnWidths(sheet)).toEqual([7, 26]);
  });
});

describe("every tab prints readably", () => {
  it.each(allSheets)("%s: landscape, header and footer, scale at least 73 %%", (name, sheet) => {
    const zhSheet = !name.startsWith("en ");
    expect(sheet.print).toMatchObject({
      orientation: "landscape",
      paper: zhSheet ? "a4" : "letter",
      header: { center: "&A" },
      footer: { center: zhSheet ? "第 &P 页，共 &N 页" : "Page &P of &N" },
    });
    expect(sheet.print!.header!.right).toBe(zhSheet ? "考核期 2026-Q2" : "Period 2026-Q2");
    expect(printScale(sheet)).toBeGreaterThanOrEqual(MIN_PRINT_SCALE * 100);
    if (sheet.freeze && sheet.freeze.rows > 0)
      expect(sheet.print!.titleRows).toEqual({ first: 1, last: sheet.freeze.rows });
  });

  it("the report's header names the report, a statement's the rep", () => {
    expect(en.sheets[0].print!.header!.left).toBe("Performance report");
    expect(zh.sheets[0].print!.header!.left).toBe("绩效报表");
    expect(statements[0].report.sheets[0].print!.header!.left).toBe(`个人报表 · ${statements[0].rep}`);
  });

  it("the Scorecard is at most two pages across, its rep column repeated on each", () => {
    for (const report of [en, zh]) {
      const scorecard = report.sheets.find((s) => s.key === "scorecard")!;
      expect(scorecard.print!.pagesWide).toBeLessThanOrEqual(2);
      expect(scorecard.print!.titleColumns).toEqual({ first: 0, last: 0 });
    }
  });

  it("an ampersand in a rep's name is printed as one, not read as a header code", () => {
    const sheet = layOutForPrint(
      { key: "bonus", name: "B", rows: [] },
      { lang: "en", title: "R&D · Ann", period: "2026" },
    );
    expect(sheet.print!.header!.left).toBe("R&&D · Ann");
  });

  it("a tab's own print settings win over the defaults", () => {
    const sheet = layOutForPrint(
      { key: "bonus", name: "B", rows: [], print: { orientation: "portrait" } },
      { lang: "zh", title: "T", period: "2026" },
    );
    expect(sheet.print).toMatchObject({ orientation: "portrait", paper: "a4" });
  });
});
