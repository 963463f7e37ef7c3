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

  it("runs text on over the empty cells to its right, as Excel shows it; numbers and filled cells stop it", () => {
    const html = sheetHtml(
      {
        key: "scorecard",
        name: "Scorecard",
        rows: [
          [{ v: "A long title", style: "title" }, null, null],
          [{ v: "Rep" }, null, { v: 1 }],
          [{ v: 2 }, null, { v: "x" }],
          [{ v: "Rep" }, { v: "", style: "header" }, null],
        ],
      },
      "en",
    );
    expect(html).toContain('<tr><td class="title" colspan="3">A long title</td></tr>');
    expect(html).toContain('<tr><td colspan="2">Rep</td><td class="n">1</td></tr>');
    expect(html).toContain('<tr><td class="n">2</td><td></td><td>x</td></tr>');
    expect(html).toContain('<tr><td>Rep</td><td class="header"></td><td></td></tr>');
  });
});
