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

  it("getItemOrNullObject reports isNullObject after sync", async () => {
    await fake().run(async (ctx: FakeRequestContext) => {
      const s = ctx.workbook.worksheets.getItemOrNullObject("Nope");
      s.load("name");
      await ctx.sync();
      expect(s.isNullObject).toBe(true);
    });
  });
});
