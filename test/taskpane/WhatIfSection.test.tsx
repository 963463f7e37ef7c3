/** @jest-environment jsdom */
/**
 * The What-if tab (docs/reference/whatif.md) with the rows a pane would hold, and no Excel: the numbers it shows are
 * the what-if module's (test/report/whatIf.test.ts checks those against a re-run of the report), typed changes move
 * them, deals are added with Enter and removed, bad input is named, and the tab speaks Chinese.
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/i18n";
import { ingest } from "../../src/ingest/index";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import type { Plan } from "../../src/plan/types";
import { generateDemoRows } from "../../src/cli/demoData";
import { pctText } from "../../src/report/bonusText";
import { dec } from "../../src/engine/index";
import { whatIf, whatIfBaseline, type WhatIfBaseline } from "../../src/report/whatIf";
import { App } from "../../src/taskpane/components/App";
import { WhatIfSection } from "../../src/taskpane/components/WhatIfSection";
import type { ExcelOps } from "../../src/render/office/excelOps";
import { moneyStyle, moneyText } from "../../src/taskpane/whatIfText";
import { isoDateOfSerial } from "../../src/sheet";

let ingested: IngestResult;
let plans: Record<Lang, Plan>;
let bases: Record<Lang, WhatIfBaseline>;

beforeAll(() => {
  // The demo workbook (12 reps, two quarters, a Ratings sheet): jsdom cannot unzip an .xlsx.
  const demo = generateDemoRows();
  const r = ingest([demo.sales, demo.ratings]);
  if ("kind" in r) throw new Error(r.messageKey);
  ingested = r;
  plans = { en: defaultPlan("en"), zh: defaultPlan("zh") };
  bases = { en: whatIfBaseline(ingested, plans.en), zh: whatIfBaseline(ingested, plans.zh) };
});

function renderTab(lang: Lang = "en") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WhatIfSection lang={lang} ingested={ingested} plan={plans[lang]} period={null} />
    </FluentProvider>,
  );
}

const money = () => moneyStyle(plans.en.currency ?? ingested.currencyGuess, 2);

/** Picks a rep with the keyboard: focus the dropdown, open it, type ahead is not needed, Enter on the option. */
function pickRep(label: string, rep: string) {
  const box = screen.getByRole("combobox", { name: label });
  act(() => box.focus());
  fireEvent.keyDown(box, { key: "Enter" });
  const option = screen.getByRole("option", { name: new RegExp(`\\. ${rep}$`) });
  fireEvent.click(option);
}

/** The result table's row for a label: [label, now, what-if]. */
function resultRow(label: string): string[] {
  const table = screen.getByRole("table");
  const row = within(table)
    .getAllByRole("row")
    .find((r) => r.firstElementChild?.textContent === label)!;
  return [...row.children].map((c) => c.textContent ?? "");
}

describe("What-if tab", () => {
  it("shows the chosen rep's report numbers, then follows a typed revenue as you type", () => {
    renderTab();
    const base = bases.en;
    const last = base.scored.reps[base.scored.reps.length - 1];
    pickRep("Rep", last.rep);
    expect(resultRow("Score")).toEqual(["Score", pctText(last.score), pctText(last.score)]);
    expect(resultRow("Rank")[1]).toBe(`${last.rank} of ${base.scored.reps.length}`);
    expect(resultRow("Status")[1]).toBe("Coaching");
    expect(resultRow("Bonus")[1]).toBe(moneyText(last.payout, money()));

    const revenue = last.kpis[0].actual!.plus(250000);
    fireEvent.change(screen.getByRole("textbox", { name: /^Revenue/ }), { target: { value: revenue.toFixed(2) } });
    const expected = whatIf(base, last.rep, { actuals: [revenue, null, null, null] })!.after;
    expect(resultRow("Score")[2]).toBe(pctText(expected.score));
    expect(resultRow("Rank")[2]).toBe(`${expected.rank} of ${base.scored.reps.length}`);
    expect(resultRow("Bonus")[2]).toBe(moneyText(expected.payout, money()));
    expect(expected.payout.gt(last.payout)).toBe(true);
  });

  it("lists the payout points ahead with each KPI's change in its unit", () => {
    renderTab();
    const base = bases.en;
    const last = base.scored.reps[base.scored.reps.length - 1];
    pickRep("Rep", last.rep);
    const result = whatIf(base, last.rep)!;
    const top = result.next.find((p) => p.kind === "top")!;
    expect(screen.getByText(`Top: pass ${top.rival} (${pctText(top.score)})`)).toBeTruthy();
    expect(screen.getByText(`Revenue: +${moneyText(top.changes[0]!, money())}`)).toBeTruthy();
    expect(screen.getByText(`New customers: +${top.changes[1]!.toFixed(0)}`)).toBeTruthy();
  });

  it("a deal counts while typed; Enter adds it, Remove takes it away; a date outside the period is refused", () => {
    renderTab();
    const base = bases.en;
    const rep = base.scored.reps[3];
    pickRep("Rep", rep.rep);
    const amount = screen.getByRole("textbox", { name: "Amount" });
    fireEvent.change(amount, { target: { value: "$40,000" } });
    fireEvent.click(screen.getByRole("checkbox", { name: "New customer" }));
    const end = base.scored.range.endSerial;
    const deal = { amount: 40000, dateSerial: end, newCustomer: true, customer: null };
    const one = whatIf(base, rep.rep, { deals: [deal] })!.after;
    expect(resultRow("Score")[2]).toBe(pctText(one.score));

    fireEvent.submit(amount.closest("form")!); // Enter in a form field
    expect(screen.getByText(`${isoDateOfSerial(end)}: ${moneyText(dec(40000), money())}, new customer`)).toBeTruthy();
    expect((amount as HTMLInputElement).value).toBe("");
    expect(resultRow("Score")[2]).toBe(pctText(one.score));

    fireEvent.change(amount, { target: { value: "10000" } });
    const two = whatIf(base, rep.rep, { deals: [deal, { ...deal, amount: 10000, newCustomer: false }] })!.after;
    expect(resultRow("Score")[2]).toBe(pctText(two.score));

    const date = screen.getByLabelText("Date");
    fireEvent.change(date, { target: { value: isoDateOfSerial(base.scored.range.startSerial - 1) } });
    expect(screen.getByText(/^The date must be within 2026-Q\d/)).toBeTruthy();
    expect(resultRow("Score")[2]).toBe(pctText(one.score));
    expect((screen.getByRole("button", { name: "Add another deal" }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(screen.getByRole("button", { name: /^Remove the deal of/ }));
    expect(resultRow("Score")[2]).toBe(pctText(rep.score));
  });

  it("text that is no number is named and changes nothing; Clear changes empties every field", () => {
    renderTab();
    const rep = bases.en.scored.reps[0];
    pickRep("Rep", rep.rep);
    const field = screen.getByRole("textbox", { name: /^New customers/ });
    fireEvent.change(field, { target: { value: "12,5" } });
    expect(screen.getByText("“12,5” is not a number.")).toBeTruthy();
    expect(resultRow("Score")[2]).toBe(pctText(rep.score));
    fireEvent.change(field, { target: { value: "90" } });
    expect(resultRow("Score")[2]).not.toBe(pctText(rep.score));
    fireEvent.click(screen.getByRole("button", { name: "Clear changes" }));
    expect((screen.getByRole("textbox", { name: /^New customers/ }) as HTMLInputElement).value).toBe("");
    expect(resultRow("Score")[2]).toBe(pctText(rep.score));
  });

  it("a satisfaction typed as 95 or 95% is 95 %", () => {
    renderTab();
    const base = bases.en;
    const rep = base.scored.reps[5];
    pickRep("Rep", rep.rep);
    const field = screen.getByRole("textbox", { name: /^Customer satisfaction/ });
    const expected = pctText(whatIf(base, rep.rep, { actuals: [null, null, dec("0.95"), null] })!.after.score);
    fireEvent.change(field, { target: { value: "95" } });
    expect(resultRow("Score")[2]).toBe(expected);
    fireEvent.change(field, { target: { value: "95%" } });
    expect(resultRow("Score")[2]).toBe(expected);
  });

  it("in Chinese: 假设测算, the rep, the result and the payout points", () => {
    renderTab("zh");
    const base = bases.zh;
    const last = base.scored.reps[base.scored.reps.length - 1];
    expect(screen.getByText("为一名销售员试算改动后的结果，不会写入工作簿。")).toBeTruthy();
    pickRep("销售员", last.rep);
    expect(resultRow("综合得分")[1]).toBe(pctText(last.score));
    expect(resultRow("排名")[1]).toBe(`第 ${last.rank} 名（共 ${base.scored.reps.length} 人）`);
    expect(screen.getByText("距下一个奖金节点")).toBeTruthy();
    expect(screen.getByRole("textbox", { name: /^销售额/ })).toBeTruthy();
    expect(screen.getByRole("button", { name: "再添加一笔" })).toBeTruthy();
  });

  it("another period chosen on the Plan tab starts the rep again (a deal of the old period would not count)", () => {
    const view = renderTab();
    const base = bases.en;
    const rep = base.scored.reps[0];
    pickRep("Rep", rep.rep);
    const amount = screen.getByRole("textbox", { name: "Amount" });
    fireEvent.change(amount, { target: { value: "40000" } });
    fireEvent.submit(amount.closest("form")!);
    expect(screen.getAllByRole("button", { name: /^Remove the deal of/ })).toHaveLength(1);
    const q1 = whatIfBaseline(ingested, plans.en, "2026-Q1");
    view.rerender(
      <FluentProvider theme={webLightTheme}>
        <WhatIfSection lang="en" ingested={ingested} plan={plans.en} period="2026-Q1" />
      </FluentProvider>,
    );
    expect(screen.getByText("Result in 2026-Q1")).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: /^Remove the deal of/ })).toHaveLength(0);
    const inQ1 = q1.scored.reps.find((r) => r.rep === rep.rep)!;
    expect(resultRow("Score")).toEqual(["Score", pctText(inQ1.score), pctText(inQ1.score)]);
  });

  it("without a readable plan it says what is missing", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <WhatIfSection lang="en" ingested={ingested} plan={null} period={null} />
      </FluentProvider>,
    );
    expect(screen.getByText(/^What-if needs a sales table and a plan it can read/)).toBeTruthy();
  });

  it("in the pane: a fifth tab; picking a rep and typing changes never reach the workbook", async () => {
    (globalThis as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
      observe(): void {}
      unobserve(): void {}
      disconnect(): void {}
    };
    const demo = generateDemoRows();
    const fail = () => {
      throw new Error("the What-if tab must not write");
    };
    const excel = {
      recover: jest.fn(async () => ({ ok: true as const, value: { outcome: "none" as const } })),
      readSheets: jest.fn(async () => ({
        ok: true as const,
        value: { sheets: [demo.sales, demo.ratings], addinTabs: [] },
      })),
      renderReport: jest.fn(fail),
      writePlanSheet: jest.fn(fail),
      activateSheet: jest.fn(fail),
      findPerfFormulas: jest.fn(fail),
      replacePerfFormulas: jest.fn(fail),
      canCreateWorkbook: jest.fn(() => false),
      createWorkbook: jest.fn(fail),
    } as unknown as jest.Mocked<ExcelOps>;
    render(
      <FluentProvider theme={webLightTheme}>
        <App excel={excel} initialLang="en" />
      </FluentProvider>,
    );
    fireEvent.click(await screen.findByRole("tab", { name: "What-if" }));
    const rep = bases.en.scored.reps[2];
    pickRep("Rep", rep.rep);
    fireEvent.change(screen.getByRole("textbox", { name: "Amount" }), { target: { value: "5000" } });
    fireEvent.submit(screen.getByRole("textbox", { name: "Amount" }).closest("form")!);
    expect(resultRow("Score")[1]).toBe(pctText(rep.score));
    for (const op of [excel.renderReport, excel.writePlanSheet, excel.replacePerfFormulas, excel.createWorkbook])
      expect(op).not.toHaveBeenCalled();
    expect(excel.readSheets).toHaveBeenCalledTimes(1);
  });
});
