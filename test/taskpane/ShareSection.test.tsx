/** @jest-environment jsdom */
/**
 * The Share tab (docs/reference/statements.md) with fake ExcelOps and fake workbook tools: it starts from the goals — the report
 * copy for the director (opened, downloadable), the statements (a progress bar naming each rep, then one zip, or
 * opened one by one) — and, folded under "Sending this whole workbook instead?", the PERF cells are listed,
 * replaced only on confirmation, the outcome is shown.
 */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelOps, WorkbookSnapshot } from "../../src/render/office/excelOps";
import type { PerfFormula } from "../../src/render/office/prepareForSharing";
import type { RawSheet } from "../../src/ingest/types";
import type { Report } from "../../src/report/model";
import type { LoadStatementTools, StatementTools } from "../../src/taskpane/statements";
import type { Lang } from "../../src/i18n";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// 2026-01-15 and 2026-04-15 as Excel serials: two quarters, Q2 the latest; Alice and Bob sell in Q2.
const Q1 = 46037;
const Q2 = 46127;
const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Team", "Amount", "New Customer", "Satisfaction"],
    [Q1, "Alice Chen", "East", 1000, "Yes", 0.9],
    [Q1, "Bob Li", "West", 800, "No", 0.8],
    [Q2, "Alice Chen", "East", 1200, "Yes", 0.95],
    [Q2, "Bob Li", "West", 900, "No", 0.85],
  ],
};

function snapshot(sheets: RawSheet[] = [sales]): WorkbookSnapshot {
  return { sheets, addinTabs: [] };
}

function perfCells(n: number): PerfFormula[] {
  return Array.from({ length: n }, (_, i) => ({
    sheet: i % 2 ? "Pay" : "Bonus 2026",
    address: `B${i + 2}`,
    formula: `=PERF.BONUS(A${i + 2},100,5000)`,
  }));
}

function fakeOps(overrides: Partial<ExcelOps> = {}): jest.Mocked<ExcelOps> {
  return {
    recover: jest.fn(async () => ({ ok: true as const, value: { outcome: "none" as const } })),
    readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot() })),
    renderReport: jest.fn(async (report: Report) => ({
      ok: true as const,
      value: { sheets: report.sheets.map((s) => ({ key: s.key, name: s.name })) },
    })),
    writePlanSheet: jest.fn(async (sheet) => ({
      ok: true as const,
      value: { sheets: [{ key: sheet.key, name: sheet.name }] },
    })),
    activateSheet: jest.fn(async () => ({ ok: true as const, value: null })),
    findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: perfCells(25) })),
    replacePerfFormulas: jest.fn(async (found: readonly PerfFormula[]) => ({ ok: true as const, value: found.length })),
    canCreateWorkbook: jest.fn(() => true),
    createWorkbook: jest.fn(async () => ({ ok: true as const, value: null })),
    ...overrides,
  } as jest.Mocked<ExcelOps>;
}

/** The real builder, loaded after giving jsdom the TextEncoder it lacks (statement.ts uses one for file names). */
function realBuildStatements(): StatementTools["buildStatements"] {
  const g = globalThis as { TextEncoder?: unknown };

  g.TextEncoder ??= require("util").TextEncoder;

  return (require("../../src/report/statement") as typeof import("../../src/report/statement")).buildStatements;
}

/** The real statement builder; the xlsx writer and zip replaced by stand-ins (exceljs and jszip are not the point here). */
function fakeTools(writer?: (report: Report) => Promise<Uint8Array>): {
  load: jest.MockedFunction<LoadStatementTools>;
  written: string[];
  zipped: string[][];
} {
  const written: string[] = [];
  const zipped: string[][] = [];
  const tools: StatementTools = {
    buildStatements: realBuildStatements(),
    workbookBytes:
      writer ??
      (async (report) => {
        written.push(report.sheets.map((s) => s.name).join(","));
        return Uint8Array.from("PK\u0003\u0004", (c) => c.charCodeAt(0));
      }),
    zipFiles: async (files) => {
      zipped.push(files.map((f) => f.fileName));
      return new Uint8Array([80, 75, 5, 6]);
    },
  };
  return { load: jest.fn(async () => tools), written, zipped };
}

function renderApp(excel: ExcelOps, load: LoadStatementTools, lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App excel={excel} initialLang={lang} statementTools={load} />
    </FluentProvider>,
  );
}

async function openShare(name = "Share") {
  fireEvent.click(await screen.findByRole("tab", { name }));
}

/** Unfolds "Sending this whole workbook instead?" and asks for the PERF formulas. */
function findPerf(lang: Lang = "en") {
  fireEvent.click(
    screen.getByRole("button", { name: lang === "en" ? "Sending this whole workbook instead?" : "要发送整个工作簿？" }),
  );
  fireEvent.click(screen.getByRole("button", { name: lang === "en" ? "Find PERF formulas" : "查找 PERF 公式" }));
}

function stubObjectUrls(): { created: Blob[]; revoked: string[] } {
  const created: Blob[] = [];
  const revoked: string[] = [];
  URL.createObjectURL = jest.fn((b: Blob) => {
    created.push(b);
    return `blob:file-${created.length}`;
  });
  URL.revokeObjectURL = jest.fn((u: string) => void revoked.push(u));
  return { created, revoked };
}

describe("Share starts from the goal", () => {
  it("the report copy and the statements come first; the PERF step is folded under the whole workbook", async () => {
    renderApp(fakeOps(), fakeTools().load);
    await openShare();
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      "Send to your director",
      "Send each rep their statement",
      "Sending this whole workbook instead?",
    ]);
    expect(screen.queryByRole("button", { name: "Find PERF formulas" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Sending this whole workbook instead?" }));
    expect(screen.getByRole("button", { name: "Find PERF formulas" })).toBeTruthy();
  });

  it("in Chinese: 发送给上级, 给每位销售员发送个人报表", async () => {
    renderApp(fakeOps(), fakeTools().load, "zh");
    await openShare("分享");
    expect(screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent)).toEqual([
      "发送给上级",
      "给每位销售员发送个人报表",
      "要发送整个工作簿？",
    ]);
  });
});

describe("Send to director", () => {
  it("makes the report-only copy, opens it as a new workbook and offers it for download", async () => {
    const { created } = stubObjectUrls();
    const excel = fakeOps();
    const tools = fakeTools();
    renderApp(excel, tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Make report copy" }));
    expect(
      await screen.findByText("The report for 2026-Q2 opened as a new workbook. Save it there before sending it."),
    ).toBeTruthy();
    // The report's tabs and the Plan: no "My sales" sheet, nothing of the sales table.
    expect(tools.written).toEqual(["Summary,Scorecard,Ranking,Coaching,Trends,Bonus,Data issues,Plan"]);
    expect(excel.createWorkbook.mock.calls.map((c) => c[0])).toEqual(["UEsDBA=="]);
    const link = screen.getByRole("link", { name: "Sales performance 2026-Q2.xlsx" });
    expect(link.getAttribute("download")).toBe("Sales performance 2026-Q2.xlsx");
    expect(created.map((b) => b.type)).toEqual(["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(screen.getByText("For a PDF, use File › Export (or Save As) › PDF in that workbook.")).toBeTruthy();
    // Only read: nothing in the user's workbook is written.
    expect(excel.renderReport).not.toHaveBeenCalled();
    expect(excel.replacePerfFormulas).not.toHaveBeenCalled();
  });

  it("without ExcelApi 1.8, in Chinese: offered for download, with how to make a PDF", async () => {
    stubObjectUrls();
    const excel = fakeOps({ canCreateWorkbook: jest.fn(() => false) });
    renderApp(excel, fakeTools().load, "zh");
    await openShare("分享");
    fireEvent.click(screen.getByRole("button", { name: "生成报表副本" }));
    expect(await screen.findByText("2026-Q2 的报表副本已生成。")).toBeTruthy();
    expect(screen.getByRole("link", { name: "销售绩效报表 2026-Q2.xlsx" })).toBeTruthy();
    expect(screen.getByText("如需 PDF，请用 Excel 打开该文件，选择“文件 › 导出（或另存为）› PDF”。")).toBeTruthy();
    expect(excel.createWorkbook).not.toHaveBeenCalled();
  });

  it("the writer failing to load is reported in one line", async () => {
    renderApp(
      fakeOps(),
      jest.fn(async () => {
        throw new Error("Loading chunk statements failed.\n(missing: http://localhost/statements.js)");
      }),
    );
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Make report copy" }));
    expect(await screen.findByText("Report copy not made")).toBeTruthy();
    expect(screen.getByText("Loading chunk statements failed.")).toBeTruthy();
  });
});

describe("Prepare for sharing", () => {
  it("lists the PERF cells (20 shown, then “and 5 more”) and replaces them only on confirmation", async () => {
    const excel = fakeOps();
    renderApp(excel, fakeTools().load);
    await openShare();
    findPerf();
    const table = await screen.findByRole("table", { name: "Cells with PERF formulas" });
    const rows = within(table).getAllByRole("row");
    expect(rows.map((r) => r.textContent)).toEqual([
      "SheetCellFormula",
      ...perfCells(20).map((c) => `${c.sheet}${c.address}${c.formula}`),
    ]);
    expect(screen.getByText("25 cells use PERF functions.")).toBeTruthy();
    expect(screen.getByText("…and 5 more")).toBeTruthy();
    expect(
      screen.getByText(
        "Replace these 25 cells with their current values? Nothing else changes. Keep a copy if you need the formulas again.",
      ),
    ).toBeTruthy();
    expect(excel.replacePerfFormulas).not.toHaveBeenCalled();

    const reads = excel.readSheets.mock.calls.length;
    fireEvent.click(screen.getByRole("button", { name: "Replace with values" }));
    expect(await screen.findByText("25 cells now hold values instead of PERF formulas.")).toBeTruthy();
    expect(excel.replacePerfFormulas).toHaveBeenCalledTimes(1);
    expect(excel.replacePerfFormulas.mock.calls[0][0]).toEqual(perfCells(25));
    expect(screen.queryByRole("table")).toBeNull();
    // The workbook changed: the pane reads it again.
    await waitFor(() => expect(excel.readSheets.mock.calls.length).toBe(reads + 1));
  });

  it("Keep formulas closes the list without touching the workbook", async () => {
    const excel = fakeOps({ findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: perfCells(3) })) });
    renderApp(excel, fakeTools().load);
    await openShare();
    findPerf();
    await screen.findByRole("table", { name: "Cells with PERF formulas" });
    expect(screen.queryByText(/and \d+ more/)).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Keep formulas" }));
    expect(screen.queryByRole("table")).toBeNull();
    expect(excel.replacePerfFormulas).not.toHaveBeenCalled();
  });

  it("no PERF cell: says the workbook is ready, no table, nothing to replace", async () => {
    const excel = fakeOps({ findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: [] })) });
    renderApp(excel, fakeTools().load);
    await openShare();
    findPerf();
    expect(await screen.findByText("No cell uses a PERF function: the workbook is ready to share.")).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "Replace with values" })).toBeNull();
  });

  it("Cancel while replacing puts every formula back and says so", async () => {
    const excel = fakeOps({
      replacePerfFormulas: jest.fn(
        (_found: readonly PerfFormula[], signal?: AbortSignal) =>
          new Promise((resolve) =>
            signal?.addEventListener("abort", () =>
              resolve({
                ok: false as const,
                error: { kind: "officeError" as const, messageKey: "share.replaceCancelled" },
              }),
            ),
          ),
      ),
    });
    renderApp(excel, fakeTools().load);
    await openShare();
    findPerf();
    await screen.findByRole("table", { name: "Cells with PERF formulas" });
    fireEvent.click(screen.getByRole("button", { name: "Replace with values" }));
    fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Every PERF formula is as it was.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  it("Excel's error is shown as a message, in Chinese too", async () => {
    const excel = fakeOps({
      replacePerfFormulas: jest.fn(async () => ({
        ok: false as const,
        error: { kind: "officeError" as const, messageKey: "share.replaceFailed", params: { detail: "ItemNotFound" } },
      })),
    });
    renderApp(excel, fakeTools().load, "zh");
    await openShare("分享");
    findPerf("zh");
    expect(await screen.findByRole("table", { name: "使用 PERF 公式的单元格" })).toBeTruthy();
    expect(screen.getByText("……另有 5 个")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "替换为数值" }));
    expect(await screen.findByText("无法替换 PERF 公式：ItemNotFound 工作簿未作任何改动。")).toBeTruthy();
  });
});

describe("Statements", () => {
  it("a progress bar names each rep; then all statements are offered as one zip", async () => {
    const gates: ((b: Uint8Array) => void)[] = [];
    const tools = fakeTools(() => new Promise<Uint8Array>((resolve) => gates.push(resolve)));
    const { created, revoked } = stubObjectUrls();
    const excel = fakeOps();
    const view = renderApp(excel, tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    expect(await screen.findByText("Statement 1 of 2: Alice Chen")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(tools.load).toHaveBeenCalledTimes(1);
    await act(async () => gates[0](new Uint8Array([80, 75, 1])));
    expect(await screen.findByText("Statement 2 of 2: Bob Li")).toBeTruthy();
    await act(async () => gates[1](new Uint8Array([80, 75, 2])));
    expect(await screen.findByText("2 statements for 2026-Q2, in one zip file:")).toBeTruthy();
    expect(tools.zipped).toEqual([["Alice Chen.xlsx", "Bob Li.xlsx"]]);
    const links = screen.getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("download")])).toEqual([
      ["Statements 2026-Q2.zip", "blob:file-1", "Statements 2026-Q2.zip"],
    ]);
    expect(created.map((b) => b.type)).toEqual(["application/zip"]);
    // The host could open workbooks, but the zip was asked for: none opened.
    expect(excel.createWorkbook).not.toHaveBeenCalled();
    expect(screen.queryByRole("progressbar")).toBeNull();
    // A second run frees the first run's zip; closing the pane frees the rest.
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    await waitFor(() => expect(revoked).toEqual(["blob:file-1"]));
    await act(async () => gates[2](new Uint8Array([80, 75, 3])));
    await act(async () => gates[3](new Uint8Array([80, 75, 4])));
    await screen.findByText("2 statements for 2026-Q2, in one zip file:");
    view.unmount();
    expect(revoked).toEqual(["blob:file-1", "blob:file-2"]);
  });

  it("Cancel stops before the next rep and offers no zip: a partial set never goes out", async () => {
    const gates: ((b: Uint8Array) => void)[] = [];
    const tools = fakeTools(() => new Promise<Uint8Array>((resolve) => gates.push(resolve)));
    renderApp(fakeOps(), tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    expect(await screen.findByText("Statement 1 of 2: Alice Chen")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    await act(async () => gates[0](new Uint8Array([80, 75, 1])));
    expect(
      await screen.findByText("Stopped after 1 of 2 statements. No zip was made, so no partial set goes out."),
    ).toBeTruthy();
    expect(tools.zipped).toEqual([]);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("with ExcelApi 1.8, Open each in Excel opens every statement as a new workbook, no zip", async () => {
    const excel = fakeOps();
    const tools = fakeTools();
    renderApp(excel, tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Open each in Excel" }));
    expect(
      await screen.findByText("2 statements for 2026-Q2 opened as new workbooks. Save each one before emailing it."),
    ).toBeTruthy();
    expect(excel.createWorkbook.mock.calls.map((c) => c[0])).toEqual(["UEsDBA==", "UEsDBA=="]);
    expect(tools.zipped).toEqual([]);
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("without ExcelApi 1.8 there is no Open each button; in Chinese the zip is named 个人报表", async () => {
    stubObjectUrls();
    const excel = fakeOps({ canCreateWorkbook: jest.fn(() => false) });
    renderApp(excel, fakeTools().load, "zh");
    await openShare("分享");
    expect(screen.queryByRole("button", { name: "逐个在 Excel 中打开" })).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "生成个人报表" }));
    expect(await screen.findByText("2026-Q2 的 2 份个人报表已打包成一个 zip 文件：")).toBeTruthy();
    expect(screen.getByRole("link", { name: "个人报表 2026-Q2.zip" })).toBeTruthy();
  });

  it("the statements chunk failing to load is reported in one line", async () => {
    const excel = fakeOps();
    const load = jest.fn(async () => {
      throw new Error("Loading chunk statements failed.\n(missing: http://localhost/statements.js)");
    });
    renderApp(excel, load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    expect(await screen.findByText("Statements not created")).toBeTruthy();
    expect(screen.getByText("Loading chunk statements failed.")).toBeTruthy();
  });

  it("no sales table: the button is disabled", async () => {
    const excel = fakeOps({
      readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot([{ name: "Notes", values: [["hi"]] }]) })),
    });
    renderApp(excel, fakeTools().load);
    await openShare();
    expect((screen.getByRole("button", { name: "Create statements" }) as HTMLButtonElement).disabled).toBe(true);
  });
});
