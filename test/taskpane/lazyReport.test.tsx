/** @jest-environment jsdom */
/**
 * The report builder arrives on the first Generate (docs/reference/tabs.md "What the pane loads when"): the pane opens
 * and shows Data, Plan and What-if without it, Generate loads it once and writes what it builds, and a builder that
 * cannot be loaded (offline) stops Generate with one line in the pane's language, nothing written.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelOps, WorkbookSnapshot } from "../../src/render/office/excelOps";
import type { RawSheet } from "../../src/ingest/types";
import type { Report } from "../../src/report/model";
import type { Lang } from "../../src/i18n";
import { loadReportTools, type LoadReportTools } from "../../src/taskpane/reportTools";

// jsdom has no ResizeObserver; Fluent's MessageBar uses it to reflow when narrow.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// 2026-04-15 as an Excel serial (2026-Q2).
const Q2 = 46127;
const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Team", "Amount", "New Customer", "Satisfaction"],
    [Q2, "Alice Chen", "East", 1200, "Yes", 0.95],
    [Q2, "Bob Li", "West", 900, "No", 0.85],
  ],
};

function fakeOps(): jest.Mocked<ExcelOps> {
  const snapshot: WorkbookSnapshot = { sheets: [sales], addinTabs: [] };
  return {
    recover: jest.fn(async () => ({ ok: true as const, value: { outcome: "none" as const } })),
    readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot })),
    renderReport: jest.fn(async (report: Report) => ({
      ok: true as const,
      value: { sheets: report.sheets.map((s) => ({ key: s.key, name: s.name })) },
    })),
    writePlanSheet: jest.fn(),
    activateSheet: jest.fn(async () => ({ ok: true as const, value: null })),
    replaceTab: jest.fn(),
    findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: [] })),
    replacePerfFormulas: jest.fn(async () => ({ ok: true as const, value: 0 })),
    canCreateWorkbook: jest.fn(() => false),
    createWorkbook: jest.fn(async () => ({ ok: true as const, value: null })),
  } as unknown as jest.Mocked<ExcelOps>;
}

function renderApp(excel: ExcelOps, reportTools: LoadReportTools, lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App excel={excel} initialLang={lang} reportTools={reportTools} />
    </FluentProvider>,
  );
}

async function openTab(name: string) {
  fireEvent.click(await screen.findByRole("tab", { name }));
}

describe("the report builder, loaded on the first Generate", () => {
  it("is not loaded to show the pane; Generate loads it once per run and writes the report it builds", async () => {
    const excel = fakeOps();
    const load = jest.fn(loadReportTools);
    renderApp(excel, load);
    expect(await screen.findByText("Sales, header in row 1")).toBeTruthy();
    await openTab("Plan");
    await openTab("What-if");
    await openTab("Generate");
    expect(load).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    expect(excel.renderReport).toHaveBeenCalledTimes(1);
    const report = excel.renderReport.mock.calls[0][0];
    expect(report.summary.period).toBe("2026-Q2");
    expect(report.summary.repsScored).toBe(2);
  });

  it("cannot be loaded: Generate says so in one line and writes nothing; a later Generate tries again", async () => {
    const excel = fakeOps();
    const load = jest
      .fn<ReturnType<LoadReportTools>, []>()
      .mockRejectedValueOnce(
        new Error("Loading chunk report failed.\n(missing: https://salesperf.example.com/report.js)"),
      )
      .mockImplementation(loadReportTools);
    renderApp(excel, load);
    await openTab("Generate");
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(
      await screen.findByText(
        "Part of the add-in could not be loaded from its site (Loading chunk report failed.). Check the network connection and try again. Nothing in the workbook was changed.",
      ),
    ).toBeTruthy();
    expect(excel.renderReport).not.toHaveBeenCalled();

    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("Done")).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(2);
    expect(excel.renderReport).toHaveBeenCalledTimes(1);
  });

  it("in Chinese, the failure reads as Chinese", async () => {
    const excel = fakeOps();
    const load = jest.fn(async () => {
      throw new Error("Loading chunk report failed.");
    });
    renderApp(excel, load, "zh");
    await openTab("生成");
    fireEvent.click(screen.getByRole("button", { name: "生成" }));
    await waitFor(() => expect(load).toHaveBeenCalled());
    expect(
      await screen.findByText(
        "无法从加载项所在网站加载所需的程序部分（Loading chunk report failed.）。请检查网络连接后重试。工作簿未作任何更改。",
      ),
    ).toBeTruthy();
    expect(excel.renderReport).not.toHaveBeenCalled();
  });
});
