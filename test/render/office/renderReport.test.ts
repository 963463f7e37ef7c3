/** renderReport on the strict Excel fake (docs/reference/tabs.md): cells, formats, layout, reruns, clashes, cancel, limits. */
import { FakeExcel, installFakeExcel, PAYLOAD_LIMIT_BYTES } from "../../fakes/excelFake";
import { renderReport, writeSheet, TABS_SETTING, chunkRows, styleRects } from "../../../src/render/office/renderReport";
import { t } from "../../../src/i18n";
import { bigReport, fixtureReport } from "./fixtureReport";

const source = () => ({
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Amount", "Customer"],
    [46023, " Grace Liu  ", "$15,370", '=HYPERLINK("http://example.com","Acme")'],
    [46024, "Alice Chen", "#N/A", "Beta"],
  ],
  numberFormats: [
    [null, null, null, null],
    ["yyyy-mm-dd", null, null, null],
    ["yyyy-mm-dd", null, null, null],
  ],
});

let fake: FakeExcel;
let uninstall: () => void;
beforeEach(() => {
  fake = new FakeExcel([source()]);
  uninstall = installFakeExcel(fake);
});
afterEach(() => uninstall());

describe("renderReport writes the model as it is", () => {
  it("creates the tabs, records them and activates the first", async () => {
    const r = await renderReport(fixtureReport());
    expect(r).toEqual({
      ok: true,
      value: {
        sheets: [
          { key: "scorecard", name: "Scorecard" },
          { key: "plan", name: "Plan" },
        ],
      },
    });
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Plan"]);
    expect(fake.model.settings.get(TABS_SETTING)).toBe('["Scorecard","Plan"]');
    expect(fake.model.activeSheet).toBe("Scorecard");
  });

  it.each([
    ["A1", { v: "Rep", f: null }],
    ["C2", { v: 15370, f: null, fmt: "$#,##0.00" }],
    ["D2", { v: null, f: "=C2/10000*Plan!$B$3", fmt: "0.0%" }],
    ["F2", { v: '=HYPERLINK("http://x")', f: null, fmt: "@" }],
    ["F3", { v: "-5 returned", f: null, fmt: "@" }],
    ["F4", { v: "@home", f: null, fmt: "@" }],
    ["A4", { v: "+86 Ltd", f: null, fmt: "@" }],
    ["B4", { v: "2026-03", f: null, fmt: "@" }],
    ["C3", { v: -250, f: null, fmt: "$#,##0.00" }],
  ])("Scorecard!%s holds %j (formulas get '=', literal text stays text)", async (a1, expected) => {
    await renderReport(fixtureReport());
    expect(fake.cell("Scorecard", a1)).toMatchObject(expected);
  });

  it("adds tables with filters, frozen panes, data bars, formula fills, tab colour and names", async () => {
    await renderReport(fixtureReport());
    const s = fake.sheet("Scorecard");
    expect(s.tables.map((x) => [x.name, x.address, x.showFilterButton, x.style])).toEqual([
      ["SP_Scorecard", "A1:F4", true, "TableStyleMedium2"],
    ]);
    expect(s.freeze).toEqual({ rows: 1, cols: 1 });
    expect(s.conditionalFormats).toEqual([
      // The bar starts at 0 (lowerBoundRule Number "0"), not at the lowest value.
      {
        type: "DataBar",
        address: "D2:D4",
        dataBarColor: "#5B9BD5",
        dataBarLowerBound: { type: "Number", formula: "0" },
      },
      { type: "Custom", address: "A2:F4", formula: '=$E2="Top"', fill: "#C6EFCE", fontColor: "#006100" },
    ]);
    expect(s.tabColor).toBe("#4472C4");
    expect(fake.model.names.get("sp_weights")).toBe("=Plan!$B$3:$B$4");
    expect(s.formats).toEqual(
      expect.arrayContaining([
        { address: "A1:F1", prop: "format.font.bold", value: true },
        { address: "E2", prop: "format.fill.color", value: "#C6EFCE" },
        { address: "A1", prop: "format.columnWidth", value: 77.25 },
      ]),
    );
  });

  it("merges and wraps the ranges the model wraps across, with the rows' heights", async () => {
    const report = fixtureReport();
    report.sheets[0].wrapAcross = ["A6:F6"];
    report.sheets[0].rowHeights = [{ row: 5, points: 45 }];
    await renderReport(report);
    expect(fake.sheet("Scorecard").formats).toEqual(
      expect.arrayContaining([
        { address: "A6:F6", prop: "merge", value: false },
        { address: "A6:F6", prop: "format.wrapText", value: true },
        { address: "A6:F6", prop: "format.verticalAlignment", value: "Top" },
        { address: "A6", prop: "format.rowHeight", value: 45 },
      ]),
    );
  });

  it("hides the columns the model marks hidden", async () => {
    const report = fixtureReport();
    report.sheets[0].hiddenColumns = [5];
    await renderReport(report);
    expect(fake.sheet("Scorecard").formats).toContainEqual({ address: "F1", prop: "columnHidden", value: true });
  });

  it("draws a native clustered bar chart over the model's ranges, its value axis from 0", async () => {
    await renderReport(fixtureReport());
    expect(fake.sheet("Scorecard").charts[0]).toEqual({
      fontSize: 11,
      name: "Chart 1",
      type: "BarClustered",
      source: "Scorecard!D2:D4",
      title: "Score",
      series: [{ name: "Score", values: "Scorecard!D2:D4", xValues: "Scorecard!A2:A4" }],
      position: { start: "H2", end: "O17" },
      valueAxisFormat: "0%",
      valueAxisMin: 0,
    });
  });

  it("draws a line chart with the model's series colours and a dashed reference line", async () => {
    await renderReport(fixtureReport());
    const line = fake.sheet("Scorecard").charts[1];
    expect(line.type).toBe("LineMarkers");
    expect(line.valueAxisMin).toBeUndefined(); // automatic: only bar charts are pinned at 0
    expect(line.series).toEqual([
      {
        name: "Alice",
        values: "Scorecard!C2:C4",
        xValues: "Scorecard!A2:A4",
        lineColor: "#1F77B4",
        markerColors: { background: "#1F77B4", foreground: "#1F77B4" },
      },
      {
        name: "Team average",
        values: "Scorecard!D2:D4",
        xValues: "Scorecard!A2:A4",
        lineColor: "#404040",
        markerColors: { background: "#404040", foreground: "#404040" },
        lineStyle: "Dash",
      },
    ]);
  });

  it("never modifies the source sheet", async () => {
    const before = fake.dump("Sales");
    const formatsBefore = JSON.stringify(fake.sheet("Sales").cells);
    await renderReport(fixtureReport());
    await renderReport(fixtureReport());
    expect(fake.dump("Sales")).toEqual(before);
    expect(JSON.stringify(fake.sheet("Sales").cells)).toBe(formatsBefore);
    expect(fake.sheet("Sales").formats).toEqual([]);
  });

  it("suspends API calculation in every sync that writes cells", async () => {
    await renderReport(fixtureReport());
    expect(fake.stats.writeSyncs).toBeGreaterThan(0);
    expect(fake.stats.suspendedWrites).toBe(fake.stats.writeSyncs);
  });
});

describe("reruns and clashes", () => {
  it("a rerun replaces only the add-in's tabs and gives the same workbook", async () => {
    await renderReport(fixtureReport());
    const first = fake.sheetNames().map((n) => [n, fake.dump(n)]);
    const r = await renderReport(fixtureReport());
    expect(r.ok).toBe(true);
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Plan"]);
    expect(fake.sheetNames().map((n) => [n, fake.dump(n)])).toEqual(first);
    expect(fake.sheet("Scorecard").tables.map((x) => x.name)).toEqual(["SP_Scorecard"]);
    expect([...fake.model.names.keys()]).toEqual(["sp_weights"]);
  });

  it("a user's own Scorecard sheet survives; the new tab is 'Scorecard (2)' and its references follow", async () => {
    fake.seedSheet({ name: "Scorecard", values: [["my own notes"]] });
    const r = await renderReport(fixtureReport());
    expect(r.ok && r.value.sheets.map((s) => s.name)).toEqual(["Scorecard (2)", "Plan"]);
    expect(fake.dump("Scorecard")).toEqual([["my own notes"]]);
    expect(fake.sheet("Scorecard (2)").charts[0].series[0]).toEqual({
      name: "Score",
      values: "'Scorecard (2)'!D2:D4",
      xValues: "'Scorecard (2)'!A2:A4",
    });
    // a second run replaces "Scorecard (2)" and still leaves the user's sheet alone
    await renderReport(fixtureReport());
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Scorecard (2)", "Plan"]);
    expect(fake.dump("Scorecard")).toEqual([["my own notes"]]);
  });

  it("the Plan sheet written with defaults is replaced in place by the next report run", async () => {
    const plan = fixtureReport().sheets[1];
    expect((await writeSheet(plan, "en")).ok).toBe(true);
    expect(fake.model.settings.get(TABS_SETTING)).toBe('["Plan"]');
    await renderReport(fixtureReport());
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Plan"]);
  });
});

describe("failures and cancel leave the workbook as it was (every k: allOrNothing.test.ts)", () => {
  it("Cancel midway removes the new tabs and says nothing changed", async () => {
    const controller = new AbortController();
    const r = await renderReport(fixtureReport(), {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === "writing" && p.done === 2) controller.abort();
      },
    });
    expect(r).toEqual({ ok: false, error: { kind: "officeError", messageKey: "renderCancelled" } });
    expect(t("en", "renderCancelled")).toBe("Cancelled. Nothing in the workbook was changed.");
    expect(fake.sheetNames()).toEqual(["Sales"]);
    expect([...fake.model.settings.keys()]).toEqual([]);
  });

  it("an Excel error midway removes the new tabs and names the tab and Excel's message", async () => {
    fake.onSync = (n) => {
      if (n === 5) throw Object.assign(new Error("The request failed."), { code: "GeneralException" });
    };
    const r = await renderReport(fixtureReport());
    fake.onSync = undefined;
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.messageKey).toBe("renderFailed");
    expect(r.error.params).toEqual({
      stage: "writing",
      sheet: "Scorecard",
      detail: "GeneralException: The request failed.",
    });
    expect(t("en", "renderFailed", r.error.params as Record<string, string>)).toBe(
      "Writing “Scorecard” failed (writing): GeneralException: The request failed. Nothing in the workbook was changed.",
    );
    expect(fake.sheetNames()).toEqual(["Sales"]);
  });

  it("a failed rerun keeps the previous tabs, known as the add-in's", async () => {
    await renderReport(fixtureReport());
    fake.onSync = (n) => {
      if (n === 2) throw Object.assign(new Error("Busy."), { code: "ActivityLimitReached" });
    };
    fake.resetStats();
    const r = await renderReport(fixtureReport());
    fake.onSync = undefined;
    expect(r.ok).toBe(false);
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Plan"]);
    expect(fake.model.settings.get(TABS_SETTING)).toBe('["Scorecard","Plan"]');
    expect((await renderReport(fixtureReport())).ok).toBe(true);
    expect(fake.sheetNames()).toEqual(["Sales", "Scorecard", "Plan"]);
  });

  it("an old Excel (below ExcelApi 1.9) gets a message instead of a half-run", async () => {
    uninstall();
    uninstall = installFakeExcel(fake, { apiVersion: "1.8" });
    const r = await renderReport(fixtureReport());
    expect(r).toEqual({
      ok: false,
      error: { kind: "officeError", messageKey: "excelTooOld", params: { version: "1.9" } },
    });
    expect(t("zh", "excelTooOld", { version: "1.9" })).toBe(
      "此版本的 Excel 过旧（需要 ExcelApi 1.9 或更高）。请更新 Office 或使用 Excel 网页版。",
    );
    expect(fake.sheetNames()).toEqual(["Sales"]);
  });
});

describe("large sheets stay under Excel's request limit", () => {
  it("100,000 rows: every request ≤ 5 MB, all cells written, a handful of syncs", async () => {
    const report = bigReport(100_000);
    const r = await renderReport(report);
    expect(r.ok).toBe(true);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.syncs).toBeLessThan(40);
    expect(fake.cell("Data issues", "A100001")).toMatchObject({ v: "Rep 49" });
    expect(fake.cell("Data issues", "D100001")).toMatchObject({ f: "=C100001*2" });
    expect(fake.cell("Data issues", "E100001")).toMatchObject({ v: "note 99999-4", f: null });
    expect(fake.cell("Data issues", "E99997")).toMatchObject({ v: "=text 99995", f: null, fmt: "@" });
    expect(fake.sheet("Data issues").tables[0].address).toBe("A1:J100001");
  });

  it("chunkRows splits by bytes and keeps every row exactly once", () => {
    const report = bigReport(5000);
    const chunks = chunkRows(report.sheets[0], 50_000);
    expect(chunks.length).toBeGreaterThan(5);
    expect(chunks.reduce((n, c) => n + c.rows, 0)).toBe(5001);
    chunks.forEach((c) =>
      expect(JSON.stringify(c.formulas).length + JSON.stringify(c.formats).length).toBeLessThan(60_000),
    );
    chunks.slice(1).forEach((c, i) => expect(c.row).toBe(chunks[i].row + chunks[i].rows));
  });

  it("a chunk whose formats start late still stays under its budget", () => {
    const rows = Array.from({ length: 20_000 }, (_, r) =>
      Array.from({ length: 10 }, (_, c) => (r === 19_999 ? { v: c, fmt: "0.00" } : { v: r * 10 + c })),
    );
    const chunks = chunkRows({ key: "issues", name: "X", rows }, 1_000_000);
    chunks.forEach((c) =>
      expect(JSON.stringify(c.formulas).length + JSON.stringify(c.formats ?? []).length).toBeLessThan(1_000_000),
    );
  });

  it("styleRects merges repeated runs into rectangles", () => {
    const rects = styleRects({
      key: "ranking",
      name: "R",
      rows: [
        [{ v: "T", style: "title" }],
        [
          { v: 1, style: "header" },
          { v: 2, style: "header" },
        ],
        [
          { v: 1, style: "top" },
          { v: 2, style: "top" },
        ],
        [
          { v: 1, style: "top" },
          { v: 2, style: "top" },
        ],
        [{ v: 1 }, { v: 2, style: "coaching" }],
      ],
    });
    expect(rects).toEqual([
      { style: "title", row: 0, col: 0, rows: 1, cols: 1 },
      { style: "header", row: 1, col: 0, rows: 1, cols: 2 },
      { style: "top", row: 2, col: 0, rows: 2, cols: 2 },
      { style: "coaching", row: 4, col: 1, rows: 1, cols: 1 },
    ]);
  });
});
