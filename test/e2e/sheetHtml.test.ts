// A generated tab as the screenshots draw it (test/e2e/sheetHtml.ts): values through their number formats, styles, widths.
import { sheetHtml } from "./sheetHtml";

describe("a tab drawn as HTML", () => {
  it("escapes text, marks numbers and styles, and sizes columns from the tab", () => {
    const html = sheetHtml(
      {
        key: "scorecard",
        name: "Scorecard",
        rows: [
          [
            { v: "<Rep>", style: "header" },
            { v: 0.5, fmt: "0%" },
          ],
          [null],
        ],
        columnWidths: [20, 10],
      },
      "en",
    );
    expect(html).toContain('<td class="header">&lt;Rep&gt;</td><td class="n">50%</td>');
    expect(html).toContain("<tr><td></td><td></td></tr>");
    expect(html).toContain('<col style="width:150px"><col style="width:80px">');
  });
});
