/**
 * The Share tab's actions end to end without React (docs/reference/statements.md): prepare for sharing through the real ExcelOps
 * on the strict Excel fake (only PERF cells change); statements with the real builder and xlsx writer, as one zip
 * or opened through Excel.createWorkbook when asked and the host has ExcelApi 1.8; the report copy for the
 * director (report tabs and Plan, no sales rows, no PERF formula).
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FakeExcel, installFakeExcel, parseAddress, type FakeScalar, type SheetModel } from "../fakes/excelFake";
import { readSeed } from "../fakes/seedXlsx";
import { canCreateWorkbook, officeExcelOps } from "../../src/render/office/excelOps";
import { analyse, inputSheets, scoringPeriod } from "../../src/taskpane/pipeline";
import { createReportCopy } from "../../src/taskpane/reportCopy";
import { buildReport } from "../../src/report/buildReport";
import { createStatements, toBase64, type ScoringInput, type StatementProgress } from "../../src/taskpane/statements";
import * as statementFiles from "../../src/taskpane/statementFiles";
import type { Lang } from "../../src/i18n";
import { SAMPLES } from "../samples";

function put(sheet: SheetModel, a1: string, cell: { v: FakeScalar | null; f?: string; fmt?: string }): void {
  const { rect } = parseAddress(a1);
  const row = (sheet.cells[rect.row] ??= []);
  row[rect.col] = { v: cell.v, f: cell.f ?? null, fmt: cell.fmt ?? null };
}

/** Every cell of every sheet as "Sheet!A1" → cell, to compare a workbook before and after. */
function allCells(fake: FakeExcel): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const s of fake.model.sheets) {
    s.cells.forEach((row, r) =>
      row?.forEach((cell, c) => {
        if (cell) out.set(`${s.name}!${r}:${c}`, { ...cell });
      }),
    );
  }
  return out;
}

describe("prepare for sharing through officeExcelOps", () => {
  let restore: () => void = () => {};
  afterEach(() => restore());

  it("replaces only the PERF formulas of the sample workbook; every other cell stays the same", async () => {
    const fake = new FakeExcel(await readSeed(`${SAMPLES}/sales-en.xlsx`));
    const pay = fake.newSheet("Pay");
    put(pay, "A1", { v: "Rep" });
    put(pay, "B1", { v: "Bonus" });
    put(pay, "A2", { v: "Grace Liu" });
    put(pay, "B2", { v: 3700, f: "=PERF.BONUS(240,100,2500,{0,0;0.5,0;1,1;2,1.4;3,1.6})", fmt: "#,##0" });
    put(pay, "C2", { v: 1.2, f: "=perf.attainment(120,100)", fmt: "0%" });
    put(pay, "D2", { v: 3701, f: "=B2+1" });
    put(pay, "E2", { v: "PERF.BONUS", f: '="PERF.BONUS"' });
    put(pay, "F2", { v: "=PERF.SCORE(A1:A2,B1:B2)" }); // text that reads like a formula
    restore = installFakeExcel(fake);
    const before = allCells(fake);

    const found = await officeExcelOps.findPerfFormulas();
    expect(found).toEqual({
      ok: true,
      value: [
        { sheet: "Pay", address: "B2", formula: "=PERF.BONUS(240,100,2500,{0,0;0.5,0;1,1;2,1.4;3,1.6})" },
        { sheet: "Pay", address: "C2", formula: "=perf.attainment(120,100)" },
      ],
    });
    if (!found.ok) throw new Error("find failed");
    expect(await officeExcelOps.replacePerfFormulas(found.value)).toEqual({ ok: true, value: 2 });

    const after = allCells(fake);
    expect(fake.cell("Pay", "B2")).toEqual({ v: 3700, f: null, fmt: "#,##0" });
    expect(fake.cell("Pay", "C2")).toEqual({ v: 1.2, f: null, fmt: "0%" });
    const changed = [...after.keys()].filter((k) => JSON.stringify(after.get(k)) !== JSON.stringify(before.get(k)));
    expect(changed.sort()).toEqual(["Pay!1:1", "Pay!1:2"]);
    expect([...before.keys()].filter((k) => !after.has(k))).toEqual([]);
    expect(fake.sheetNames()).toEqual([...(await readSeed(`${SAMPLES}/sales-en.xlsx`)).map((s) => s.name), "Pay"]);
  });

  it("an Excel failure comes back as an error value naming what failed", async () => {
    const fake = new FakeExcel([{ name: "A", values: [[1]] }]);
    fake.onSync = () => {
      throw Object.assign(new Error("The workbook is busy."), { code: "GeneralException" });
    };
    restore = installFakeExcel(fake);
    expect(await officeExcelOps.findPerfFormulas()).toEqual({
      ok: false,
      error: {
        kind: "officeError",
        messageKey: "share.findFailed",
        params: { detail: "GeneralException: The workbook is busy." },
      },
    });
  });
});

describe("canCreateWorkbook", () => {
  let restore: () => void = () => {};
  afterEach(() => restore());

  it.each([
    ["1.7", true, false],
    ["1.8", false, false],
    ["1.8", true, true],
    ["1.12", true, true],
  ])("ExcelApi %s, createWorkbook present: %s → %s", (apiVersion, present, expected) => {
    const fake = new FakeExcel();
    if (present) (fake as unknown as { createWorkbook: unknown }).createWorkbook = async () => undefined;
    restore = installFakeExcel(fake, { apiVersion });
    expect(canCreateWorkbook()).toBe(expected);
  });

  it("outside Office: false", () => {
    expect(canCreateWorkbook()).toBe(false);
  });
});

describe("toBase64", () => {
  it("matches Node's encoding across slice boundaries", () => {
    const bytes = new Uint8Array(100_003).map((_, i) => (i * 7919) % 256);
    expect(toBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
    expect(toBase64(new Uint8Array(0))).toBe("");
  });
});

async function scoringInput(file: string, lang: Lang): Promise<ScoringInput> {
  const sheets = (await readSeed(file)).map((s) => ({ name: s.name, values: s.values }));
  const a = analyse(sheets, [], lang);
  if (!a.ingested || !a.plan.plan) throw new Error(a.dataError ?? "no plan");
  return { ingested: a.ingested, plan: a.plan.plan, period: scoringPeriod(a, null), sheets: inputSheets(sheets, []) };
}

/** The first sheet's text of an .xlsx, to check whose statement a file is. */
async function firstSheetText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const parts: string[] = [];
  wb.worksheets[0].eachRow((row) => row.eachCell((c) => parts.push(String(c.text))));
  return parts.join("|");
}

describe("createStatements with the real builder and writer", () => {
  const tools = async () => statementFiles;

  it("asked to open each: one workbook per scored rep when the host can, naming each rep in the progress", async () => {
    const input = await scoringInput(`${SAMPLES}/sales-en.xlsx`, "en");
    const expected = statementFiles.buildStatements(input.ingested, input.plan, {
      lang: "en",
      period: input.period ?? undefined,
      sheets: input.sheets,
    });
    expect(expected.statements.length).toBeGreaterThan(1);
    const opened: string[] = [];
    const progress: StatementProgress[] = [];
    const outcome = await createStatements(input, {
      lang: "en",
      tools,
      excel: {
        canCreateWorkbook: () => true,
        createWorkbook: async (b64) => {
          opened.push(b64);
          return { ok: true, value: null };
        },
      },
      openEach: true,
      onProgress: (p) => progress.push(p),
    });
    const reps = expected.statements.map((s) => s.rep);
    expect(outcome).toMatchObject({
      period: expected.period,
      total: reps.length,
      opened: reps,
      downloads: [],
      zip: null,
    });
    expect(progress.map((p) => (p.stage === "writing" ? `${p.index}/${p.total} ${p.rep}` : p.stage))).toEqual([
      "loading",
      "building",
      ...reps.map((r, i) => `${i + 1}/${reps.length} ${r}`),
    ]);
    // Each opened file is a real .xlsx whose first sheet names its own rep.
    expect(opened).toHaveLength(reps.length);
    const bytes = new Uint8Array(Buffer.from(opened[0], "base64"));
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    expect(await firstSheetText(bytes)).toContain(reps[0]);
  }, 120_000);

  it.each([true, false])(
    "by default every statement goes into one zip, Chinese file names kept (host can open workbooks: %s)",
    async (canOpen) => {
      const input = await scoringInput(`${SAMPLES}/sales-zh.xlsx`, "zh");
      const createWorkbook = jest.fn();
      const progress: string[] = [];
      const outcome = await createStatements(input, {
        lang: "zh",
        tools,
        excel: { canCreateWorkbook: () => canOpen, createWorkbook },
        onProgress: (p) => progress.push(p.stage),
      });
      expect(createWorkbook).not.toHaveBeenCalled();
      expect(outcome.opened).toEqual([]);
      expect(outcome.downloads.length).toBe(outcome.total);
      expect(progress[progress.length - 1]).toBe("zipping");
      expect(outcome.zip?.fileName).toBe(`个人报表 ${outcome.period}.zip`);
      const zip = await JSZip.loadAsync(outcome.zip!.bytes);
      const names = Object.keys(zip.files);
      expect(names).toEqual(outcome.downloads.map((d) => `${d.rep}.xlsx`));
      expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
      // Each entry is the rep's own statement, byte for byte.
      const second = await zip.file(names[1])!.async("uint8array");
      expect(Buffer.from(second).equals(Buffer.from(outcome.downloads[1].bytes))).toBe(true);
      expect(await firstSheetText(second)).toContain(outcome.downloads[1].rep);
    },
    120_000,
  );

  it("a workbook Excel refuses to open goes into the zip; Cancel stops before the next rep and offers no zip", async () => {
    const input = await scoringInput(`${SAMPLES}/sales-en.xlsx`, "en");
    const controller = new AbortController();
    let calls = 0;
    const outcome = await createStatements(input, {
      lang: "en",
      tools,
      openEach: true,
      signal: controller.signal,
      excel: {
        canCreateWorkbook: () => true,
        createWorkbook: async () => {
          calls++;
          if (calls === 2) controller.abort();
          return calls === 1
            ? { ok: false, error: { kind: "officeError", messageKey: "share.openFailed", params: { detail: "x" } } }
            : { ok: true, value: null };
        },
      },
    });
    expect(outcome.cancelled).toBe(true);
    expect(outcome.openError?.messageKey).toBe("share.openFailed");
    expect(outcome.downloads).toHaveLength(1);
    expect(outcome.opened).toHaveLength(1);
    expect(outcome.total).toBeGreaterThan(2);
    expect(outcome.zip).toBeNull();
  }, 120_000);

  it("a refused workbook alone is zipped when the run completes", async () => {
    const input = await scoringInput(`${SAMPLES}/sales-en.xlsx`, "en");
    let calls = 0;
    const outcome = await createStatements(input, {
      lang: "en",
      tools,
      openEach: true,
      excel: {
        canCreateWorkbook: () => true,
        createWorkbook: async () =>
          ++calls === 2
            ? { ok: false, error: { kind: "officeError", messageKey: "share.openFailed", params: { detail: "x" } } }
            : { ok: true, value: null },
      },
    });
    expect(outcome.opened).toHaveLength(outcome.total - 1);
    expect(outcome.zip?.fileName).toBe(`Statements ${outcome.period}.zip`);
    expect(Object.keys((await JSZip.loadAsync(outcome.zip!.bytes)).files)).toEqual([outcome.downloads[0].fileName]);
  }, 120_000);
});

/** Every sheet of an .xlsx: its name, each cell's text and each formula. */
async function workbookContent(bytes: Uint8Array): Promise<{ sheets: string[]; texts: string[]; formulas: string[] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  const texts: string[] = [];
  const formulas: string[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        texts.push(String(c.text));
        if (c.formula) formulas.push(c.formula);
      }),
    ),
  );
  return { sheets: wb.worksheets.map((w) => w.name), texts, formulas };
}

describe("createReportCopy (send to director) with the real writer", () => {
  const tools = async () => statementFiles;

  it.each(["en", "zh"] as const)(
    "%s: the report tabs and the Plan, native formulas only, not one sales row; opened when the host can",
    async (lang) => {
      const input = await scoringInput(`${SAMPLES}/sales-${lang}.xlsx`, lang);
      const opened: string[] = [];
      const progress: string[] = [];
      const copy = await createReportCopy(input, {
        lang,
        tools,
        excel: {
          canCreateWorkbook: () => true,
          createWorkbook: async (b64) => {
            opened.push(b64);
            return { ok: true, value: null };
          },
        },
        onProgress: (p) => progress.push(p.stage),
      });
      expect(progress).toEqual(["loading", "building", "writing", "opening"]);
      expect(copy.opened).toBe(true);
      expect(opened).toEqual([toBase64(copy.bytes)]);
      const expected = buildReport(input.ingested, input.plan, { lang, period: input.period ?? undefined });
      expect(copy.period).toBe(expected.summary.period);
      expect(copy.fileName).toBe(
        lang === "en" ? `Sales performance ${copy.period}.xlsx` : `销售绩效报表 ${copy.period}.xlsx`,
      );
      const content = await workbookContent(copy.bytes);
      expect(content.sheets).toEqual(expected.sheets.map((s) => s.name));
      expect(content.sheets).toContain(lang === "en" ? "Plan" : "考核方案");
      expect(content.sheets).not.toContain(input.ingested.mapping.sheet);
      expect(content.formulas.length).toBeGreaterThan(0);
      expect(content.formulas.filter((f) => /PERF\./i.test(f))).toEqual([]);
      // No sales row travels: not one customer of the sales table appears anywhere in the copy.
      const customers = new Set(input.ingested.rows.map((r) => r.customer).filter((c): c is string => !!c));
      expect(customers.size).toBeGreaterThan(3);
      expect(content.texts.filter((x) => customers.has(x))).toEqual([]);
    },
    120_000,
  );

  it("without ExcelApi 1.8 it is only offered for download; a refused open says why", async () => {
    const input = await scoringInput(`${SAMPLES}/sales-en.xlsx`, "en");
    const createWorkbook = jest.fn();
    const plain = await createReportCopy(input, {
      lang: "en",
      tools,
      excel: { canCreateWorkbook: () => false, createWorkbook },
    });
    expect(createWorkbook).not.toHaveBeenCalled();
    expect(plain).toMatchObject({ opened: false, openError: null });
    const refused = await createReportCopy(input, {
      lang: "en",
      tools,
      excel: {
        canCreateWorkbook: () => true,
        createWorkbook: async () => ({
          ok: false,
          error: { kind: "officeError", messageKey: "share.openFailed", params: { detail: "popup blocked" } },
        }),
      },
    });
    expect(refused.opened).toBe(false);
    expect(refused.openError?.params).toEqual({ detail: "popup blocked" });
    expect(refused.bytes.length).toBeGreaterThan(0);
  }, 120_000);
});
