/** @jest-environment jsdom */
/**
 * The Pay history on the Generate tab (docs/reference/history.md): Close period after a run, Reopen only after a
 * confirmation, and a Pay history edited by hand stopping Generate with each cell named. Excel is a fake ExcelOps
 * that keeps the workbook's sheets as values.
 */
import * as React from "react";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelOps } from "../../src/render/office/excelOps";
import type { RawCell, RawSheet } from "../../src/ingest/types";
import type { Report, ReportSheet } from "../../src/report/model";

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

const Q2 = 46127; // 2026-04-15
const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Team", "Amount"],
    [Q2, "Alice Chen", "East", 1200],
    [Q2, "Bob Li", "West", 900],
  ],
};

function asRaw(sheet: ReportSheet): RawSheet {
  return { name: sheet.name, values: sheet.rows.map((r) => r.map((c): RawCell => (c?.v === undefined ? null : c.v))) };
}

/** A workbook of values: Generate and replaceTab put their sheets in it, readSheets returns it. */
function workbookOps() {
  const sheets = new Map<string, RawSheet>([["Sales", sales]]);
  let tabs: string[] = [];
  const ops = {
    recover: jest.fn(async () => ({ ok: true as const, value: { outcome: "none" as const } })),
    readSheets: jest.fn(async () => ({ ok: true as const, value: { sheets: [...sheets.values()], addinTabs: tabs } })),
    renderReport: jest.fn(async (report: Report) => {
      for (const s of report.sheets) sheets.set(s.name, asRaw(s));
      tabs = report.sheets.map((s) => s.name);
      return { ok: true as const, value: { sheets: report.sheets.map((s) => ({ key: s.key, name: s.name })) } };
    }),
    replaceTab: jest.fn(async (sheet: ReportSheet) => {
      sheets.set(sheet.name, asRaw(sheet));
      return { ok: true as const, value: { sheets: [{ key: sheet.key, name: sheet.name }] } };
    }),
    writePlanSheet: jest.fn(),
    activateSheet: jest.fn(async () => ({ ok: true as const, value: null })),
    findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: [] })),
    replacePerfFormulas: jest.fn(async () => ({ ok: true as const, value: 0 })),
    canCreateWorkbook: jest.fn(() => false),
    createWorkbook: jest.fn(async () => ({ ok: true as const, value: null })),
  };
  return { ops: ops as unknown as jest.Mocked<ExcelOps>, sheets };
}

async function generated() {
  const { ops, sheets } = workbookOps();
  render(
    <FluentProvider theme={webLightTheme}>
      <App excel={ops} initialLang="en" />
    </FluentProvider>,
  );
  fireEvent.click(await screen.findByRole("tab", { name: "Generate" }));
  fireEvent.click(screen.getByRole("button", { name: "Generate" }));
  await screen.findByText("This report's period 2026-Q2 is not closed yet.", { exact: false });
  return { ops, sheets };
}

describe("Close period and Reopen in the pane", () => {
  it("closes the report's period after a run; the Close button then goes", async () => {
    const { ops } = await generated();
    expect(screen.getByText(/No period closed yet\./)).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Close period 2026-Q2" }));
    await screen.findByText("2026-Q2 is closed: the Pay history tab records its results as paid.");
    expect(ops.replaceTab).toHaveBeenCalledTimes(1);
    expect(ops.replaceTab.mock.calls[0][0].name).toBe("Pay history");
    await screen.findByText(/Closed: 2026-Q2\. This report's period 2026-Q2 is closed\./);
    expect(screen.queryByRole("button", { name: "Close period 2026-Q2" })).toBeNull();
  });

  it("reopens only after the confirmation; Cancel writes nothing", async () => {
    const { ops } = await generated();
    fireEvent.click(screen.getByRole("button", { name: "Close period 2026-Q2" }));
    await screen.findByText(/Closed: 2026-Q2\./);

    fireEvent.click(screen.getByRole("button", { name: "Reopen…" }));
    let dialog = await screen.findByRole("dialog", { hidden: true });
    expect(within(dialog).getByText("Reopen 2026-Q2?")).toBeTruthy();
    fireEvent.click(within(dialog).getByRole("button", { name: "Cancel", hidden: true }));
    await waitFor(() => expect(screen.queryByRole("dialog", { hidden: true })).toBeNull());
    expect(ops.replaceTab).toHaveBeenCalledTimes(1);

    fireEvent.click(screen.getByRole("button", { name: "Reopen…" }));
    dialog = await screen.findByRole("dialog", { hidden: true });
    fireEvent.click(within(dialog).getByRole("button", { name: "Reopen", hidden: true }));
    await screen.findByText("2026-Q2 is reopened; the Pay history tab records the reopen.");
    expect(ops.replaceTab).toHaveBeenCalledTimes(2);
    await screen.findByRole("button", { name: "Close period 2026-Q2" });
  });

  it("a Pay history edited by hand stops Generate and Close, naming the cell; nothing is written", async () => {
    const { ops, sheets } = await generated();
    const history = sheets.get("Pay history")!;
    const row = history.values.findIndex((r) => r[0] === "Rep");
    history.values[row][12] = 1;
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect((await screen.findAllByText(/The Pay history tab was changed by hand/)).length).toBe(2); // Generate and the Pay history section
    expect(
      screen.getAllByText(
        `T${row + 1}: this record's checksum does not match: a value in row ${row + 1} was changed by hand, or a record above it was deleted, added or moved`,
      ).length,
    ).toBeGreaterThan(0);
    expect(ops.renderReport).toHaveBeenCalledTimes(1);
    expect(ops.replaceTab).not.toHaveBeenCalled();
  });
});
