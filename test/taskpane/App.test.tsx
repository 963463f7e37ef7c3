/** @jest-environment jsdom */
/** The task pane with fake ExcelOps props (UI tests pass Excel operations as props). */
import * as React from "react";
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/components/App";
import type { ExcelOps, WorkbookSnapshot } from "../../src/render/office/excelOps";
import type { RenderOptions, RenderResult } from "../../src/render/office/renderReport";
import type { RawSheet } from "../../src/ingest/types";
import type { Report } from "../../src/report/model";
import type { Lang } from "../../src/i18n";
import { defaultPlan, writePlanSheet } from "../../src/plan";

// jsdom has no ResizeObserver; Fluent's MessageBar uses it to reflow when narrow.
class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
(globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= ResizeObserverStub;

// 2026-01-15 and 2026-04-15 as Excel serials: two quarters, Q2 the latest.
const Q1 = 46037;
const Q2 = 46127;
const sales: RawSheet = {
  name: "Sales",
  values: [
    ["Date", "Sales Rep", "Team", "Amount", "New Customer", "Satisfaction"],
    [Q1, "Alice Chen", "East", 1000, "Yes", 0.9],
    [Q1, "Bob Li", "West", 800, "No", 0.8],
    [Q2, "Alice Chen", "East", 1200, "Yes", 0.95],
    [Q2, "Bob Li", "West", { error: "#N/A" }, "No", 0.85],
    [Q2, "Bob Li", "West", 900, "No", 0.85],
  ],
};

function snapshot(sheets: RawSheet[] = [sales]): WorkbookSnapshot {
  return { sheets, addinTabs: [] };
}

interface Deferred<T> {
  promise: Promise<T>;
  resolve: (v: T) => void;
}
function deferred<T>(): Deferred<T> {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
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
    findPerfFormulas: jest.fn(async () => ({ ok: true as const, value: [] })),
    replacePerfFormulas: jest.fn(async () => ({ ok: true as const, value: 0 })),
    canCreateWorkbook: jest.fn(() => false),
    createWorkbook: jest.fn(async () => ({ ok: true as const, value: null })),
    ...overrides,
  } as jest.Mocked<ExcelOps>;
}

function renderApp(excel: ExcelOps, lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <App excel={excel} initialLang={lang} />
    </FluentProvider>,
  );
}

async function openTab(name: string) {
  fireEvent.click(await screen.findByRole("tab", { name }));
}

describe("Data", () => {
  it("shows the detected table, its row counts and a column per field", async () => {
    renderApp(fakeOps());
    expect(await screen.findByText("Sales, header in row 1")).toBeTruthy();
    expect(screen.getByText("5 rows read · 4 used · 1 excluded")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: /^Amount/ }).textContent).toBe("D · Amount");
    expect(screen.getByRole("combobox", { name: /^Manager rating/ }).textContent).toBe("(not used)");
  });

  it("a changed mapping is used: Team set to (not used)", async () => {
    renderApp(fakeOps());
    fireEvent.click(await screen.findByRole("combobox", { name: /^Team/ }));
    fireEvent.click(await screen.findByRole("option", { name: "(not used)" }));
    await waitFor(() => expect(screen.getByRole("combobox", { name: /^Team/ }).textContent).toBe("(not used)"));
  });

  it("no sales table: the reason is shown", async () => {
    renderApp(
      fakeOps({
        readSheets: jest.fn(async () => ({
          ok: true as const,
          value: snapshot([{ name: "Notes", values: [["hello"]] }]),
        })),
      }),
    );
    expect(await screen.findByRole("tab", { name: "Data" })).toBeTruthy();
    expect(screen.queryByText(/header in row/)).toBeNull();
    expect(screen.getByText(/^No sales table found\. /)).toBeTruthy();
  });

  it("an exception while analysing shows one line, not a blank pane", async () => {
    const broken = { name: "Sales", values: null } as unknown as RawSheet;
    renderApp(fakeOps({ readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot([broken]) })) }));
    expect(await screen.findByRole("tab", { name: "Data" })).toBeTruthy();
    const bar = document.querySelector(".fui-MessageBar");
    expect(bar?.textContent).toMatch(/null/);
    expect(bar?.textContent).not.toMatch(/\n\s+at /);
  });

  it("a read error is shown with Excel's message", async () => {
    renderApp(
      fakeOps({
        readSheets: jest.fn(async () => ({
          ok: false as const,
          error: {
            kind: "officeError" as const,
            messageKey: "readFailed",
            params: { detail: "GeneralException: busy" },
          },
        })),
      }),
    );
    expect(await screen.findByText(/Could not read the workbook: GeneralException: busy/)).toBeTruthy();
  });

  it("a manager rating read from the 主管评分 sheet says so instead of “(not used)”", async () => {
    const ratings: RawSheet = {
      name: "主管评分",
      values: [
        ["销售员", "月份", "主管评分"],
        ["Alice Chen", "2026-04", 4],
        ["Bob Li", "2026-04", 3],
      ],
    };
    renderApp(fakeOps({ readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot([sales, ratings]) })) }));
    const rating = await screen.findByRole("combobox", { name: /^Manager rating/ });
    expect(rating.textContent).toBe("From the “主管评分” sheet");
    expect(screen.getByText("Read from the “主管评分” sheet, not from the sales table.")).toBeTruthy();
    // A field no sheet supplies is still "(not used)".
    expect(screen.getByRole("combobox", { name: /^Customer/ }).textContent).toBe("(not used)");
  });
});

describe("Plan", () => {
  it("without a Plan sheet: the default rules, a Create button and the latest period", async () => {
    const excel = fakeOps();
    renderApp(excel);
    await openTab("Plan");
    expect(screen.getByText("No Plan sheet yet: the default plan will be used.")).toBeTruthy();
    expect(screen.getByText("Revenue · 40% · results")).toBeTruthy();
    expect(screen.getByRole("combobox", { name: "Scored period" }).textContent).toBe("2026-Q2");
    fireEvent.click(screen.getByRole("button", { name: "Create Plan sheet" }));
    await waitFor(() => expect(excel.writePlanSheet).toHaveBeenCalledTimes(1));
    expect(excel.writePlanSheet.mock.calls[0][0].name).toBe("Plan");
    expect(excel.readSheets).toHaveBeenCalledTimes(2);
  });

  it("a Plan sheet with a wrong weight: the error names the cell", async () => {
    const plan: RawSheet = {
      name: "Plan",
      values: [["Plan"], [], [], [], ["Period", "sometimes"]],
    };
    renderApp(fakeOps({ readSheets: jest.fn(async () => ({ ok: true as const, value: snapshot([sales, plan]) })) }));
    await openTab("Plan");
    const items = await screen.findAllByRole("listitem");
    expect(items.some((li) => /^Plan!B5: /.test(li.textContent ?? ""))).toBe(true);
    expect(screen.getByText(/^“Plan” has \d+ problem/)).toBeTruthy();
    await openTab("Generate");
    expect((screen.getByRole("button", { name: "Generate" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("Generate", () => {
  it("says which period it will score and leads to the Plan tab to change it", async () => {
    renderApp(fakeOps());
    await openTab("Plan");
    fireEvent.click(screen.getByRole("combobox", { name: "Scored period" }));
    fireEvent.click(await screen.findByRole("option", { name: "2026-Q1" }));
    await openTab("Generate");
    expect(screen.getByText("Scores 2026-Q1")).toBeTruthy();
    fireEvent.click(screen.getByRole("button", { name: "Change on the Plan tab" }));
    expect(screen.getByRole("tab", { name: "Plan" }).getAttribute("aria-selected")).toBe("true");
  });

  it("names each stage, then sums up and opens the tabs", async () => {
    const gate = deferred<RenderResult>();
    let progress: RenderOptions["onProgress"];
    const excel = fakeOps({
      renderReport: jest.fn(async (_report: Report, opts: RenderOptions) => {
        progress = opts.onProgress;
        return gate.promise;
      }),
    });
    renderApp(excel);
    await openTab("Generate");
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(excel.renderReport).toHaveBeenCalled());
    act(() => progress?.({ stage: "writing", sheet: "Scorecard", done: 1, total: 8 }));
    expect(await screen.findByText("Writing Scorecard")).toBeTruthy();
    expect(screen.getByRole("progressbar")).toBeTruthy();
    const report = excel.renderReport.mock.calls[0][0];
    expect(report.summary.period).toBe("2026-Q2");
    await act(async () =>
      gate.resolve({ ok: true, value: { sheets: report.sheets.map((s) => ({ key: s.key, name: s.name })) } }),
    );
    const bar = await screen.findByText("Done");
    const body = bar.parentElement?.textContent ?? "";
    expect(body).toContain(`${report.summary.repsScored} reps scored for 2026-Q2.`);
    // Bob's #N/A amount leaves a row out; the default plan's manager-rating KPI has no column to read.
    expect(report.summary.rowsExcluded).toBe(1);
    expect(body).toContain("1 row left out, 1 value or column not read. Details on the Data issues tab.");
    expect(body).not.toMatch(/Data issues: \d/);
    fireEvent.click(screen.getByRole("button", { name: "Open Ranking" }));
    await waitFor(() => expect(excel.activateSheet).toHaveBeenCalledWith("Ranking"));
  });

  it("a Plan sheet edited into nonsense after the pane opened: Generate writes nothing and lists every problem", async () => {
    const rows = writePlanSheet(defaultPlan("en"), "en").rows.map((r) => [...r]);
    rows[20][6] = "forty"; // G21: a weight in words
    rows[21][4] = -30; // E22: a negative target
    rows[22][0] = null; // A23: a blank KPI name
    rows[23][4] = "12,5"; // E24: a decimal comma
    const broken: RawSheet = { name: "Plan", values: rows };
    const readSheets = jest
      .fn()
      .mockResolvedValueOnce({ ok: true as const, value: snapshot() })
      .mockResolvedValue({ ok: true as const, value: snapshot([sales, broken]) });
    const excel = fakeOps({ readSheets });
    renderApp(excel);
    await openTab("Generate");
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(await screen.findByText("“Plan” has 4 problem(s); fix them to generate.")).toBeTruthy();
    const lines = screen.getAllByRole("listitem").map((li) => li.textContent);
    expect(lines).toEqual([
      "Plan!G21: weight must be a number",
      "Plan!E22: target must be greater than 0",
      "Plan!A23: KPI is required",
      'Plan!E24: target "12,5" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)',
    ]);
    expect(excel.renderReport).not.toHaveBeenCalled();
  });

  it("Cancel aborts the writing and says what happened", async () => {
    const excel = fakeOps({
      renderReport: jest.fn(
        (_report: Report, opts: RenderOptions) =>
          new Promise<RenderResult>((resolve) =>
            opts.signal?.addEventListener("abort", () =>
              resolve({
                ok: false,
                error: { kind: "officeError", messageKey: "renderCancelled" },
              }),
            ),
          ),
      ),
    });
    renderApp(excel);
    await openTab("Generate");
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    await waitFor(() => expect(excel.renderReport).toHaveBeenCalled());
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    expect(await screen.findByText("Cancelled. Nothing in the workbook was changed.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  });

  it("a failed write shows Excel's error, not a stack", async () => {
    const excel = fakeOps({
      renderReport: jest.fn(async () => ({
        ok: false as const,
        error: {
          kind: "officeError" as const,
          messageKey: "renderFailed",
          params: { stage: "writing", sheet: "Trends", detail: "InvalidArgument: bad range" },
        },
      })),
    });
    renderApp(excel);
    await openTab("Generate");
    fireEvent.click(screen.getByRole("button", { name: "Generate" }));
    expect(
      await screen.findByText(
        "Writing “Trends” failed (writing): InvalidArgument: bad range Nothing in the workbook was changed.",
      ),
    ).toBeTruthy();
  });
});

it("Cancel before writing stops without touching the workbook", async () => {
  const gate = deferred<{ ok: true; value: WorkbookSnapshot }>();
  const excel = fakeOps();
  renderApp(excel);
  await openTab("Generate");
  excel.readSheets.mockImplementationOnce(() => gate.promise);
  fireEvent.click(screen.getByRole("button", { name: "Generate" }));
  fireEvent.click(await screen.findByRole("button", { name: "Cancel" }));
  await act(async () => gate.resolve({ ok: true, value: snapshot() }));
  expect(await screen.findByText("Cancelled before anything was written.")).toBeTruthy();
  expect(excel.renderReport).not.toHaveBeenCalled();
});

describe("Start", () => {
  it("settles a write a closed pane left unfinished before reading, and says what it did", async () => {
    const order: string[] = [];
    const excel = fakeOps({
      recover: jest.fn(async () => {
        order.push("recover");
        return { ok: true as const, value: { outcome: "undone" as const, op: "tabs" as const } };
      }),
      readSheets: jest.fn(async () => {
        order.push("read");
        return { ok: true as const, value: snapshot() };
      }),
    });
    renderApp(excel);
    expect(
      await screen.findByText(
        "The last Generate was interrupted (the pane was closed or reloaded). The workbook was put back as it was before it.",
      ),
    ).toBeTruthy();
    expect(order).toEqual(["recover", "read"]);
  });

  it("a recovery that fails is shown in Chinese too", async () => {
    renderApp(
      fakeOps({
        recover: jest.fn(async () => ({
          ok: false as const,
          error: { kind: "officeError" as const, messageKey: "recoveryFailed", params: { detail: "Busy" } },
        })),
      }),
      "zh",
    );
    expect(
      await screen.findByText("上一次 SalesPerf 操作中途中断，未能处理完毕：Busy 请关闭并重新打开本窗格再试。"),
    ).toBeTruthy();
  });
});

describe("Language", () => {
  it("starts in Chinese from the display language and switches to English", async () => {
    renderApp(fakeOps(), "zh");
    expect(await screen.findByRole("tab", { name: "数据" })).toBeTruthy();
    expect(screen.getByText("Sales，表头在第 1 行")).toBeTruthy();
    fireEvent.click(screen.getByRole("combobox", { name: "语言" }));
    fireEvent.click(await screen.findByRole("option", { name: "English" }));
    expect(await screen.findByRole("tab", { name: "Data" })).toBeTruthy();
    const tablist = within(screen.getByRole("tablist"));
    expect(["Data", "Plan", "Generate"].map((name) => tablist.getByRole("tab", { name }).getAttribute("role"))).toEqual(
      ["tab", "tab", "tab"],
    );
    expect(screen.getByText("Sales, header in row 1")).toBeTruthy();
  });
});
