/** The Excel fake enforces Office.js rules. */
/* The first test breaks the Office.js rules on purpose, to see the fake refuse: */
/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
import { FakeExcel, PAYLOAD_LIMIT_BYTES, type FakeRequestContext } from "./excelFake";

const fake = () =>
  new FakeExcel([
    {
      name: "Sales",
      values: [
        ["Rep", "Amount"],
        ["Ann", 5],
      ],
    },
  ]);

describe("FakeExcel", () => {
  it("reading a property before load + sync throws PropertyNotLoaded", async () => {
    await fake().run(async (ctx: FakeRequestContext) => {
      const range = ctx.workbook.worksheets.getItem("Sales").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded but not synced
      await ctx.sync();
      expect(range.values).toEqual([
        ["Rep", "Amount"],
        ["Ann", 5],
      ]);
    });
  });

  it("a request past 5 MB is refused and nothing of it is applied", async () => {
    const f = fake();
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      f.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("Sales").getRange("D1:D60000").values = big;
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(f.stats.maxRequestBytes).toBeGreaterThan(PAYLOAD_LIMIT_BYTES);
    expect(f.cell("Sales", "D1").v).toBeNull();
  });

  it.each([
    ["=1+2", { v: null, f: "=1+2" }],
    ["-x", { v: null, f: "=-x" }],
    ["-5", { v: -5, f: null }],
    ["'=text", { v: "=text", f: null }],
    ["007", { v: 7, f: null }],
    ["plain", { v: "plain", f: null }],
    ["$15,370", { v: 15370, f: null }],
    ["1,234.5", { v: 1234.5, f: null }],
    ["(1,234)", { v: -1234, f: null }],
    ["90%", { v: 0.9, f: null }],
    ["2026/5/14", { v: 46156, f: null }],
    ["2026年1月14日", { v: 46036, f: null }],
    ["2026-03", { v: 46082, f: null }],
    ["2026-Q2", { v: "2026-Q2", f: null }],
    ["0.73万", { v: "0.73万", f: null }],
  ])("values = %j is read the way Excel reads typed input → %j", async (input, expected) => {
    const f = fake();
    await f.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Sales").getRange("C1").values = [[input]];
    });
    expect(f.cell("Sales", "C1")).toMatchObject(expected);
  });

  it("text format '@' keeps formula-like input as text", async () => {
    const f = fake();
    await f.run(async (ctx: FakeRequestContext) => {
      const r = ctx.workbook.worksheets.getItem("Sales").getRange("C1");
      r.numberFormat = [["@"]];
      r.values = [["=1+2"]];
    });
    expect(f.cell("Sales", "C1")).toEqual({ v: "=1+2", f: null, fmt: "@" });
  });

  it("dimension mismatches, duplicate sheet names and missing sheets fail like Excel", async () => {
    const f = fake();
    await expect(
      f.run(async (ctx: FakeRequestContext) => {
        ctx.workbook.worksheets.getItem("Sales").getRange("A1:B1").values = [["one"]];
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    await expect(
      f.run(async (ctx: FakeRequestContext) => void ctx.workbook.worksheets.add("sales")),
    ).rejects.toMatchObject({
      code: "InvalidArgument",
    });
    await expect(
      f.run(async (ctx: FakeRequestContext) => ctx.workbook.worksheets.getItem("Nope").delete()),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    expect(f.stats.syncs).toBe(3);
  });

  it("a data bar's lower bound, an axis minimum and series colours are recorded, and nonsense is refused", async () => {
    const f = fake();
    await f.run(async (ctx: FakeRequestContext) => {
      const ws = ctx.workbook.worksheets.getItem("Sales");
      const bar = ws.getRange("B2:B2").conditionalFormats.add("DataBar");
      bar.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
      const chart = ws.charts.add("LineMarkers", ws.getRange("B2:B2"), "Columns");
      chart.axes.valueAxis.minimum = 0;
      const series = chart.series.getItemAt(0);
      series.format.line.color = "#1F77B4";
      series.format.line.lineStyle = "Dash";
      await ctx.sync();
    });
    expect(f.sheet("Sales").conditionalFormats[0].dataBarLowerBound).toEqual({ type: "Number", formula: "0" });
    expect(f.sheet("Sales").charts[0]).toMatchObject({ valueAxisMin: 0 });
    expect(f.sheet("Sales").charts[0].series[0]).toMatchObject({ lineColor: "#1F77B4", lineStyle: "Dash" });
    for (const wrong of [
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets
          .getItem("Sales")
          .getRange("B2:B2")
          .conditionalFormats.add("DataBar").dataBar.lowerBoundRule = { type: "Number" }),
      (ctx: FakeRequestContext) =>
        (ctx.workbook.worksheets
          .getItem("Sales")
          .getRange("B2:B2")
          .conditionalFormats.add("DataBar").dataBar.lowerBoundRule = { type: "Zero", formula: "0" }),
      (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("Sales");
        ws.charts.add("BarClustered", ws.getRange("B2:B2"), "Columns").axes.valueAxis.minimum = "0";
      },
      (ctx: FakeRequestContext) => {
        const ws = ctx.workbook.worksheets.getItem("Sales");
        ws.charts.add("LineMarkers", ws.getRange("B2:B2"), "Columns").series.getItemAt(0).format.line.color = "1F77B4";
      },
    ]) {
      await expect(
        fake().run(async (ctx: FakeRequestContext) => {
          wrong(ctx);
          await ctx.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("getItemOrNullObject reports isNullObject after sync", async () => {
    await fake().run(async (ctx: FakeRequestContext) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      s.load("name");
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
    });
  });
});

describe("FakeExcel fails, cancels and loses the pane as Excel does", () => {
  it("a failed batch keeps what came before the failing operation and drops it and what follows", async () => {
    const f = fake();
    await expect(
      f.run(async (ctx: FakeRequestContext) => {
        const sales = ctx.workbook.worksheets.getItem("Sales");
        sales.getRange("C1").values = [["before"]];
        ctx.workbook.worksheets.getItem("Nope").getRange("A1").values = [["fails"]];
        sales.getRange("C2").values = [["after"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound", debugInfo: { code: "ItemNotFound" } });
    expect(f.cell("Sales", "C1").v).toBe("before");
    expect(f.cell("Sales", "C2").v).toBeNull();
  });

  it("faults.failOp makes the k-th queued operation fail, counted across syncs", async () => {
    const f = fake();
    f.faults = { failOp: 3 };
    const done: number[] = [];
    await expect(
      f.run(async (ctx: FakeRequestContext) => {
        const sales = ctx.workbook.worksheets.getItem("Sales");
        sales.getRange("C1").values = [[1]];
        await ctx.sync().then(() => done.push(1));
        sales.getRange("C2").values = [[2]];
        sales.getRange("C3").values = [[3]];
        sales.getRange("C4").values = [[4]];
        await ctx.sync().then(() => done.push(2));
      }),
    ).rejects.toMatchObject({ code: "GeneralException", message: "Injected failure of operation 3." });
    expect(done).toEqual([1]);
    expect([f.cell("Sales", "C2").v, f.cell("Sales", "C3").v, f.cell("Sales", "C4").v]).toEqual([2, null, null]);
  });

  it("faults.loseAfterSync: the lost pane's requests never return and its later operations never land", async () => {
    const f = fake();
    f.faults = { loseAfterSync: 1 };
    const lost = f.paneLost();
    let returned = false;
    void f.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Sales").getRange("C1").values = [["landed"]];
      await ctx.sync();
      returned = true;
    });
    await lost;
    expect(returned).toBe(false);
    expect(f.cell("Sales", "C1").v).toBe("landed");
    // A new pane works normally.
    await f.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Sales").getRange("C2").values = [["new pane"]];
    });
    expect(f.cell("Sales", "C2").v).toBe("new pane");
  });

  it("renaming a sheet rewrites references to it; the active sheet and names follow", async () => {
    const f = fake();
    f.seedSheet({ name: "Notes", values: [] });
    await f.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Notes").getRange("A1:A2").formulas = [["=Sales!B2*2"], ['="Sales!B2"&Sales!A2']];
      ctx.workbook.names.add("Amounts", "=Sales!$B$2:$B$2");
      ctx.workbook.worksheets.getItem("Sales").activate();
      await ctx.sync();
      ctx.workbook.worksheets.getItem("Sales").name = "Sales 2026";
    });
    expect(f.cell("Notes", "A1").f).toBe("='Sales 2026'!B2*2");
    expect(f.cell("Notes", "A2").f).toBe(`="Sales!B2"&'Sales 2026'!A2`);
    expect(f.model.names.get("amounts")).toBe("='Sales 2026'!$B$2:$B$2");
    expect(f.model.activeSheet).toBe("Sales 2026");
  });

  it("snapshot dumps the whole workbook; copy is independent; position moves a sheet", async () => {
    const f = fake();
    f.seedSheet({ name: "Notes", values: [["x"]] });
    const copy = f.copy();
    await f.run(async (ctx: FakeRequestContext) => {
      ctx.workbook.worksheets.getItem("Notes").position = 0;
      ctx.workbook.worksheets.getItem("Sales").visibility = "Hidden";
      ctx.workbook.settings.add("k", "v");
    });
    const dump = f.snapshot();
    expect(dump.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Notes", "Visible"],
      ["Sales", "Hidden"],
    ]);
    expect(dump.sheets[1].cells).toEqual([
      'A1={"v":"Rep","f":null,"fmt":null}',
      'B1={"v":"Amount","f":null,"fmt":null}',
      'A2={"v":"Ann","f":null,"fmt":null}',
      'B2={"v":5,"f":null,"fmt":null}',
    ]);
    expect(dump.settings).toEqual([["k", '"v"']]);
    expect(dump.activeSheet).toBe("Notes");
    expect(copy.snapshot().sheets.map((s) => s.name)).toEqual(["Sales", "Notes"]);
  });
});
