/**
 * "Prepare for sharing" (docs/reference/statements.md): PERF formulas → their values on the strict Excel fake; the list is complete,
 * nothing else changes, reads and writes stay under the 5 MB payload limit with a bounded number of syncs.
 */
import {
  FakeExcel,
  FakeRange,
  installFakeExcel,
  parseAddress,
  PAYLOAD_LIMIT_BYTES,
  type FakeRequestContext,
  type FakeScalar,
  type Rect,
  type SheetModel,
} from "../../fakes/excelFake";
import {
  findPerfFormulas,
  findPerfFormulasInWorkbook,
  formulaCallsPerf,
  replacePerfFormulasInWorkbook,
  replacePerfFormulasWithValues,
  valueToWrite,
  type PerfFormula,
} from "../../../src/render/office/prepareForSharing";
import { columnLetters } from "../../../src/sheet";

type Ctx = Excel.RequestContext;
const asCtx = (c: FakeRequestContext): Ctx => c as unknown as Ctx;

/** Test adapter: the fake's seedSheet takes values only, so formula cells (with their calculated value) are put
 * into the model directly, as Excel holds them after a recalculation. */
function put(sheet: SheetModel, a1: string, cell: { v: FakeScalar | null; f?: string; fmt?: string }): void {
  const { rect } = parseAddress(a1);
  const row = (sheet.cells[rect.row] ??= []);
  row[rect.col] = { v: cell.v, f: cell.f ?? null, fmt: cell.fmt ?? null };
}

describe("formulaCallsPerf", () => {
  it.each([
    ["=PERF.BONUS(B2,C2,5000)", true],
    ["=perf.attainment(1,2)", true],
    ["=ROUND(PERF.SCORE(A1:A4,B1:B4),2)", true],
    ["=1+PERF.RANK(A1,A:A)", true],
    ["=-PERF.GROWTH(A1,B1)", true],
    ["= PERF.GROWTH(A1,B1)", true],
    ['=IF(A1>0,PERF.BONUS(A1,B1,C1),"")', true],
    ['="x"&PERF.TIERED(A1,T1:U3)', true],
    ["=PERF.BONUS(销售明细!B2,C2,5000)", true],
    ["=Table1[[#This Row],[Col'[1']]]+PERF.TOGO(1,T1:U3)", true],
    ["=SUM(A1:A3)", false],
    ['="PERF.X"', false],
    ['="a ""PERF.X(1)"" b"&A1', false],
    ['="unterminated PERF.X', false],
    ["=MYPERF.X(1)", false],
    ["=A.PERF.X(1)", false],
    ["=_PERF.X()", false],
    ["=PERF.3", false],
    ["='PERF.data'!A1", false],
    ["='It''s PERF.X'!A1+1", false],
    ["=Table1[PERF.Col]", false],
    ["=[PERF.xlsx]Sheet1!A1", false],
    ["PERF.BONUS(1)", false], // a constant, not a formula
    ["", false],
  ])("%s → %s", (formula, expected) => {
    expect(formulaCallsPerf(formula)).toBe(expected);
  });
});

describe("valueToWrite", () => {
  it.each([
    [1.5, "General", 1.5],
    [true, "General", true],
    ["#N/A", "General", "#N/A"],
    ["", "General", ""],
    ["Top", "General", "'Top"],
    ["=x", "General", "'=x"],
    ["1/2", "General", "'1/2"],
    ["1/2", "@", "1/2"],
  ])("%j (%s) → %j", (v, fmt, expected) => {
    expect(valueToWrite(v, fmt)).toBe(expected);
  });
});

/** A workbook with PERF formulas among other formulas and text that only looks like one. */
function mixedWorkbook(): { fake: FakeExcel; perf: PerfFormula[] } {
  const fake = new FakeExcel([
    {
      name: "Data",
      values: [
        ["Rep", "Actual", "Target"],
        ["Ann", 130000, 100000],
        ["Bo", 90000, 100000],
      ],
    },
    { name: "Empty", values: [] },
    { name: "Pay sheet", values: [] },
  ]);
  const data = fake.sheet("Data");
  put(data, "D1", { v: "Bonus" });
  put(data, "D2", { v: 13000, f: "=PERF.BONUS(B2,C2,10000)", fmt: "#,##0.00" });
  put(data, "D3", { v: 9000, f: "=PERF.BONUS(B3,C3,10000)" });
  put(data, "E2", { v: 220000, f: "=SUM(B2:B3)" });
  put(data, "E3", { v: "PERF.X", f: '="PERF.X"' });
  put(data, "F2", { v: "=PERF.BONUS(B2,C2,10000)" }); // text typed with an apostrophe
  put(data, "F3", { v: "#VALUE!", f: "=PERF.ATTAINMENT(B3,-1)" });
  const pay = fake.sheet("Pay sheet");
  put(pay, "C5", { v: "Top", f: '=IF(PERF.SCORE(Data!B2:B3,{0.5;0.5})>1,"Top","")' });
  put(pay, "A1", { v: 0.12, f: "=perf.growth(560000,500000)" });
  put(pay, "B9", { v: "1/2", f: '=PERF.EXPLAIN(1,2)&""' });
  const perf: PerfFormula[] = [
    { sheet: "Data", address: "D2", formula: "=PERF.BONUS(B2,C2,10000)" },
    { sheet: "Data", address: "D3", formula: "=PERF.BONUS(B3,C3,10000)" },
    { sheet: "Data", address: "F3", formula: "=PERF.ATTAINMENT(B3,-1)" },
    { sheet: "Pay sheet", address: "A1", formula: "=perf.growth(560000,500000)" },
    { sheet: "Pay sheet", address: "C5", formula: '=IF(PERF.SCORE(Data!B2:B3,{0.5;0.5})>1,"Top","")' },
    { sheet: "Pay sheet", address: "B9", formula: '=PERF.EXPLAIN(1,2)&""' },
  ];
  return { fake, perf };
}

describe("findPerfFormulas", () => {
  it("lists exactly the PERF formula cells, in sheet order then row by row, in three syncs", async () => {
    const { fake, perf } = mixedWorkbook();
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    expect(found).toEqual(perf);
    // names, used ranges, one batch of formulas (+ Excel.run's final flush)
    expect(fake.stats.syncs).toBe(4);
  });

  it("does not read the formatted-only cells of a whole formatted column", async () => {
    const { fake, perf } = mixedWorkbook();
    put(fake.sheet("Data"), "A1048576", { v: null, fmt: "0.00" });
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    expect(found).toEqual(perf);
    expect(fake.stats.syncs).toBe(4);
    expect(fake.stats.maxResponseBytes).toBeLessThan(10_000);
  });

  it("finds every PERF cell of a large sheet, chunked under the 5 MB limit", async () => {
    const rows = 3000;
    const cols = 40;
    const fake = new FakeExcel([{ name: "Big", values: [] }]);
    const big = fake.sheet("Big");
    const expected: PerfFormula[] = [];
    // Long non-PERF formulas fill the sheet (6+ MB of formulas in all), one PERF cell every 97 cells.
    const filler = `=SUM(${Array.from({ length: 12 }, (_, i) => `A${i + 1}`).join(",")})`;
    let k = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        const row = (big.cells[r] ??= []);
        if (k++ % 97 === 0) {
          const f = `=PERF.ATTAINMENT(${r + 1},${c + 1})`;
          row[c] = { v: (r + 1) / (c + 1), f, fmt: null };
          expected.push({ sheet: "Big", address: `${columnLetters(c)}${r + 1}`, formula: f });
        } else {
          row[c] = { v: 1, f: filler, fmt: null };
        }
      }
    }
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    expect(found).toEqual(expected);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.maxRequestBytes).toBeLessThan(100_000);
    // 120k cells: at least 3 formula batches, and no sync per row or per cell.
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(2 + 3);
    expect(fake.stats.syncs).toBeLessThan(20);
  });

  it("a batch that still comes back over 5 MB is split and read again", async () => {
    const fake = new FakeExcel([{ name: "Wide", values: [] }]);
    const wide = fake.sheet("Wide");
    // 50k cells of 150-character formulas ≈ 7.5 MB in one batch: the fake refuses it, the reader halves it.
    const long = `=CONCATENATE("${"x".repeat(120)}")`;
    for (let r = 0; r < 1000; r++) {
      const row = (wide.cells[r] ??= []);
      for (let c = 0; c < 50; c++) row[c] = { v: "x".repeat(120), f: long, fmt: null };
    }
    wide.cells[999][49] = { v: 1, f: "=PERF.TOGO(1,A1:B2)", fmt: null };
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    expect(found).toEqual([{ sheet: "Wide", address: "AX1000", formula: "=PERF.TOGO(1,A1:B2)" }]);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // names, used ranges, the refused batch, its halves (split again as needed), the flush
    expect(fake.stats.syncs).toBeGreaterThanOrEqual(6);
  });
});

describe("replacePerfFormulasWithValues", () => {
  it("turns only the PERF cells into their values; other formulas and text stay", async () => {
    const { fake, perf } = mixedWorkbook();
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    fake.resetStats();
    const n = await fake.run((ctx) => replacePerfFormulasWithValues(asCtx(ctx), found));
    expect(n).toBe(perf.length);
    const cell = (s: string, a: string) => fake.cell(s, a);
    expect(cell("Data", "D2")).toEqual({ v: 13000, f: null, fmt: "#,##0.00" });
    expect(cell("Data", "D3")).toEqual({ v: 9000, f: null, fmt: null });
    expect(cell("Data", "F3").f).toBeNull();
    expect(cell("Pay sheet", "A1")).toEqual({ v: 0.12, f: null, fmt: null });
    // Text results stay text (not a date, not a formula).
    expect(cell("Pay sheet", "C5")).toEqual({ v: "Top", f: null, fmt: null });
    expect(cell("Pay sheet", "B9")).toEqual({ v: "1/2", f: null, fmt: null });
    // Untouched: a SUM, a formula whose text mentions PERF, text that reads like a PERF formula, plain values.
    expect(cell("Data", "E2")).toEqual({ v: 220000, f: "=SUM(B2:B3)", fmt: null });
    expect(cell("Data", "E3")).toEqual({ v: "PERF.X", f: '="PERF.X"', fmt: null });
    expect(cell("Data", "F2")).toEqual({ v: "=PERF.BONUS(B2,C2,10000)", f: null, fmt: null });
    expect(cell("Data", "B2")).toEqual({ v: 130000, f: null, fmt: null });
    // The journal check, one load, the sheet names, the hidden undo sheet with the journal, its rows, one write,
    // the commit (+ Excel.run's flush); nothing left to find, no undo sheet or journal left.
    expect(fake.stats.syncs).toBe(8);
    expect(fake.sheetNames()).toEqual(["Data", "Empty", "Pay sheet"]);
    expect([...fake.model.settings.keys()]).toEqual([]);
    expect(await fake.run((ctx) => findPerfFormulas(asCtx(ctx)))).toEqual([]);
  });

  it("skips a cell edited since it was found", async () => {
    const { fake } = mixedWorkbook();
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    put(fake.sheet("Data"), "D3", { v: 2, f: "=1+1" });
    const n = await fake.run((ctx) => replacePerfFormulasWithValues(asCtx(ctx), found));
    expect(n).toBe(found.length - 1);
    expect(fake.cell("Data", "D3")).toEqual({ v: 2, f: "=1+1", fmt: null });
  });

  it("replaces thousands of cells in batches, every request under 5 MB", async () => {
    const fake = new FakeExcel([{ name: "S", values: [] }]);
    const s = fake.sheet("S");
    for (let r = 0; r < 2500; r++) {
      s.cells[r] = [
        { v: r, f: `=PERF.RANK(${r},A:A)`, fmt: null },
        { v: r * 2, f: `=A${r + 1}*2`, fmt: null },
      ];
    }
    const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
    expect(found).toHaveLength(2500);
    fake.resetStats();
    const n = await fake.run((ctx) => replacePerfFormulasWithValues(asCtx(ctx), found));
    expect(n).toBe(2500);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // two loads of ≤ 2000 cells; the journal check, the sheet names, the undo sheet, its rows, one write of
    // all values (far under 2 MB), the commit (+ the flush)
    expect(fake.stats.syncs).toBe(9);
    for (let r = 0; r < 2500; r++) {
      expect(s.cells[r]![0]).toEqual({ v: r, f: null, fmt: null });
      expect(s.cells[r]![1]!.f).toBe(`=A${r + 1}*2`);
    }
  });

  it("a spilling PERF.EXPLAIN is replaced by its whole block where ExcelApi 1.12 is there", async () => {
    const fake = new FakeExcel([{ name: "T", values: [] }]);
    const t = fake.sheet("T");
    const block = [
      ["Band", "From", "Payout"],
      [1, 0, 6000],
      ["Total", null, 11600],
    ];
    block.forEach((row, r) =>
      row.forEach((v, c) => (v === null ? null : put(t, `${columnLetters(c + 2)}${r + 1}`, { v }))),
    );
    put(t, "C1", { v: "Band", f: "=PERF.EXPLAIN(220000,A1:B3)" });
    // Test adapter: the fake has no getSpillingToRangeOrNullObject (ExcelApi 1.12); this one knows C1 spills C1:E3.
    const spills = new Map<string, Rect>([["T!C1", parseAddress("C1:E3").rect]]);
    const proto = FakeRange.prototype as unknown as Record<string, unknown>;
    proto.getSpillingToRangeOrNullObject = function (this: FakeRange) {
      const self = this as unknown as { ctx: FakeRequestContext; path: string };
      return new FakeRange(
        self.ctx,
        `${self.path}.getSpillingToRangeOrNullObject()`,
        () => {
          const anchor = this.resolved();
          const a1 = `${columnLetters(anchor.rect.col)}${anchor.rect.row + 1}`;
          const rect = spills.get(`${anchor.sheet.name}!${a1}`);
          return rect ? { sheet: anchor.sheet, rect } : null;
        },
        true,
      );
    };
    const restore = installFakeExcel(fake, { apiVersion: "1.12" });
    try {
      const found = await fake.run((ctx) => findPerfFormulas(asCtx(ctx)));
      expect(found).toEqual([{ sheet: "T", address: "C1", formula: "=PERF.EXPLAIN(220000,A1:B3)" }]);
      const n = await fake.run((ctx) => replacePerfFormulasWithValues(asCtx(ctx), found));
      expect(n).toBe(1);
      expect(fake.dump("T")).toEqual([
        [null, null, "Band", "From", "Payout"],
        [null, null, 1, 0, 6000],
        [null, null, "Total", null, 11600],
      ]);
      expect(fake.cell("T", "C1").f).toBeNull();
      // The whole block, text kept as text (written behind an apostrophe).
      expect(fake.cell("T", "D1")).toEqual({ v: "From", f: null, fmt: null });
    } finally {
      restore();
      delete proto.getSpillingToRangeOrNullObject;
    }
  });
});

describe("the pane's wrappers return errors as values", () => {
  it("find and replace through Excel.run", async () => {
    const { fake, perf } = mixedWorkbook();
    const restore = installFakeExcel(fake);
    try {
      const found = await findPerfFormulasInWorkbook();
      expect(found).toEqual({ ok: true, value: perf });
      const replaced = await replacePerfFormulasInWorkbook(perf);
      expect(replaced).toEqual({ ok: true, value: perf.length });
      const missing = await replacePerfFormulasInWorkbook([{ sheet: "Gone", address: "A1", formula: "=PERF.X(1)" }]);
      expect(missing.ok).toBe(false);
      if (!missing.ok) expect(missing.error.messageKey).toBe("share.replaceFailed");
    } finally {
      restore();
    }
  });
});
