/** @jest-environment jsdom */
/**
 * The Share tab (docs/reference/statements.md) with fake ExcelOps and fake statement tools: the PERF cells are listed,
 * replaced only on confirmation, the outcome is shown; statements show a progress bar naming each rep, then open as
 * workbooks or, without ExcelApi 1.8, are offered as downloads under their file names.
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

/** The real statement builder; the xlsx writer replaced by bytes naming the rep (exceljs is not the point here). */
function fakeTools(writer?: (report: Report) => Promise<Uint8Array>): {
  load: jest.MockedFunction<LoadStatementTools>;
  written: string[];
} {
  const written: string[] = [];
  const tools: StatementTools = {
    buildStatements: realBuildStatements(),
    statementBytes:
      writer ??
      (async (report) => {
        written.push(report.sheets[0].name);
        return Uint8Array.from("PK\u0003\u0004", (c) => c.charCodeAt(0));
      }),
  };
  return { load: jest.fn(async () => tools), written };
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

describe("Prepare for sharing", () => {
  it("lists the PERF cells (20 shown, then “and 5 more”) and replaces them only on confirmation", async () => {
    const excel = fakeOps();
    renderApp(excel, fakeTools().load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Find PERF formulas" }));
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
    fireEvent.click(screen.getByRole("button", { name: "Find PERF formulas" }));
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
    fireEvent.click(screen.getByRole("button", { name: "Find PERF formulas" }));
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
    fireEvent.click(screen.getByRole("button", { name: "Find PERF formulas" }));
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
    fireEvent.click(screen.getByRole("button", { name: "查找 PERF 公式" }));
    expect(await screen.findByRole("table", { name: "使用 PERF 公式的单元格" })).toBeTruthy();
    expect(screen.getByText("……另有 5 个")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "替换为数值" }));
    expect(await screen.findByText("无法替换 PERF 公式：ItemNotFound 工作簿未作任何改动。")).toBeTruthy();
  });
});

describe("Statements", () => {
  it("a progress bar names each rep; then each statement opens as a new workbook", async () => {
    const gates: ((b: Uint8Array) => void)[] = [];
    const tools = fakeTools(() => new Promise<Uint8Array>((resolve) => gates.push(resolve)));
    const excel = fakeOps();
    renderApp(excel, tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    expect(await screen.findByText("Statement 1 of 2: Alice Chen")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    expect(tools.load).toHaveBeenCalledTimes(1);
    await act(async () => gates[0](new Uint8Array([80, 75, 1])));
    expect(await screen.findByText("Statement 2 of 2: Bob Li")).toBeTruthy();
    await act(async () => gates[1](new Uint8Array([80, 75, 2])));
    expect(
      await screen.findByText("2 statements for 2026-Q2 opened as new workbooks. Save each one before emailing it."),
    ).toBeTruthy();
    expect(excel.createWorkbook.mock.calls.map((c) => c[0])).toEqual(["UEsB", "UEsC"]);
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.queryByRole("link")).toBeNull();
  });

  it("without ExcelApi 1.8: download links named after each rep", async () => {
    const created: Blob[] = [];
    const revoked: string[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => {
      created.push(b);
      return `blob:statement-${created.length}`;
    });
    URL.revokeObjectURL = jest.fn((u: string) => void revoked.push(u));
    const excel = fakeOps({ canCreateWorkbook: jest.fn(() => false) });
    const tools = fakeTools();
    const view = renderApp(excel, tools.load);
    await openShare();
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    expect(await screen.findByText("2 statements for 2026-Q2 are ready. Download each one:")).toBeTruthy();
    const links = screen.getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href"), a.getAttribute("download")])).toEqual([
      ["Alice Chen.xlsx", "blob:statement-1", "Alice Chen.xlsx"],
      ["Bob Li.xlsx", "blob:statement-2", "Bob Li.xlsx"],
    ]);
    expect(created.map((b) => b.type)).toEqual([
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ]);
    expect(excel.createWorkbook).not.toHaveBeenCalled();
    // A second run frees the first run's files; closing the pane frees the rest.
    fireEvent.click(screen.getByRole("button", { name: "Create statements" }));
    await waitFor(() => expect(revoked).toEqual(["blob:statement-1", "blob:statement-2"]));
    await screen.findByText("2 statements for 2026-Q2 are ready. Download each one:");
    view.unmount();
    expect(revoked).toEqual(["blob:statement-1", "blob:statement-2", "blob:statement-3", "blob:statement-4"]);
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
