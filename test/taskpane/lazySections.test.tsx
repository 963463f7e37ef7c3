/** @jest-environment jsdom */
/**
 * The Share and What-if tabs are their own chunks (src/taskpane/components/lazySections.tsx, docs/reference/tabs.md
 * "What the pane loads when"): fetched once the pane shows its data, before any tab is opened; one that did not arrive
 * is asked for again when its tab is opened, and when that fails too it is said in one line on the tab, with Try again,
 * which loads it and shows the tab.
 */
import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelOps, WorkbookSnapshot } from "../../src/render/office/excelOps";
import type { RawSheet } from "../../src/ingest/types";

// The What-if tab's chunk fails twice (as offline: in the background, then on opening the tab), then arrives; the
// Share tab's arrives at once.
let mockWhatIfLoads = 0;
jest.mock("../../src/taskpane/components/WhatIfSection", () => {
  mockWhatIfLoads += 1;
  if (mockWhatIfLoads <= 2)
    throw new Error("Loading chunk whatif failed.\n(missing: https://salesperf.example.com/whatif.js)");
  return jest.requireActual("../../src/taskpane/components/WhatIfSection");
});

// jsdom has no ResizeObserver; Fluent's MessageBar uses it to reflow when narrow.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Team", "Amount"],
    [46127, "Alice Chen", "East", 1200],
    [46127, "Bob Li", "West", 900],
  ],
};

function fakeOps(): ExcelOps {
  const snapshot: WorkbookSnapshot = { sheets: [sales], addinTabs: [] };
  return {
    recover: jest.fn(async () => ({ ok: true as const, value: { outcome: "none" as const } })),
    readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot })),
    renderReport: jest.fn(),
    writePlanSheet: jest.fn(),
    activateSheet: jest.fn(),
    replaceTab: jest.fn(),
    findPerfFormulas: jest.fn(),
    replacePerfFormulas: jest.fn(),
    canCreateWorkbook: jest.fn(() => false),
    createWorkbook: jest.fn(),
  } as unknown as ExcelOps;
}

describe("the Share and What-if tabs, loaded after the data is shown", () => {
  it("are fetched before a tab is opened; a failed one says so on its tab and Try again shows it", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <App excel={fakeOps()} initialLang="en" />
      </FluentProvider>,
    );
    expect(await screen.findByText("Sales, header in row 1")).toBeTruthy();
    // Fetched in the background while the Data step shows: the What-if chunk has been asked for (and failed).
    await screen.findByRole("tab", { name: "What-if" });
    expect(mockWhatIfLoads).toBe(1);

    fireEvent.click(screen.getByRole("tab", { name: "Share" }));
    expect(await screen.findByRole("button", { name: "Create statements" })).toBeTruthy();

    fireEvent.click(screen.getByRole("tab", { name: "What-if" }));
    expect(
      await screen.findByText(
        "Part of the add-in could not be loaded from its site (Loading chunk whatif failed.). Check the network connection and try again. Nothing in the workbook was changed.",
      ),
    ).toBeTruthy();
    expect(screen.queryByText("Try a change for one rep. Nothing is written to the workbook.")).toBeNull();
    fireEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByText("Try a change for one rep. Nothing is written to the workbook.")).toBeTruthy();
    expect(mockWhatIfLoads).toBe(3);
  });
});
