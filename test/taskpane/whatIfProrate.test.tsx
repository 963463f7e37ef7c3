/** @jest-environment jsdom */
/**
 * The What-if tab for a joiner (docs/reference/whatif.md, plan.md "Joiners and leavers"): it says the targets are
 * prorated and by how much, shows the prorated target, and a typed revenue is scored against it; a rep active the
 * whole period gets no such line, and the leaver before the period is not offered.
 */
import * as React from "react";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../../src/i18n";
import { WhatIfSection } from "../../src/taskpane/components/WhatIfSection";
import { ingestOf } from "../report/fixtures";
import { PEOPLE, planWith, ROWS } from "../report/prorationFixture";

const ingested = ingestOf(ROWS);
const plan = planWith(PEOPLE);

function renderTab(lang: Lang) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <WhatIfSection lang={lang} ingested={ingested} plan={plan} period={null} />
    </FluentProvider>,
  );
}

function pickRep(label: string, rep: string) {
  const box = screen.getByRole("combobox", { name: label });
  act(() => box.focus());
  fireEvent.keyDown(box, { key: "Enter" });
  fireEvent.click(screen.getByRole("option", { name: new RegExp(`\\. ${rep}$`) }));
}

const scoreRow = (label: string): string[] => {
  const row = within(screen.getByRole("table"))
    .getAllByRole("row")
    .find((r) => r.firstElementChild?.textContent === label)!;
  return [...row.children].map((c) => c.textContent ?? "");
};

describe("What-if for a joiner", () => {
  it("names the proration, shows the prorated target and scores a typed revenue against it", () => {
    renderTab("en");
    pickRep("Rep", "Jo");
    expect(screen.getByText("Targets prorated to 67.03%: active 2026-05-01 to 2026-06-30 in the period.")).toBeTruthy();
    expect(screen.getAllByText(/target/).map((e) => e.textContent)).toEqual([
      "Now $30,500.00, target $61,000.00",
      "Now 61, target 61",
      "Now 90%, target 90%", // an average: not prorated
    ]);
    // 61 000 of revenue meets the prorated target: 0.5 × 1 + 0.3 × 1 + 0.2 × 1 = 100 %.
    fireEvent.change(screen.getByRole("textbox", { name: /^Revenue/ }), { target: { value: "61000" } });
    expect(scoreRow("Score")).toEqual(["Score", "75%", "100%"]);
  });

  it("a rep active all quarter has no proration line; the leaver before it is not offered", () => {
    renderTab("en");
    pickRep("Rep", "Fay");
    expect(screen.queryByText(/Targets prorated/)).toBeNull();
    const box = screen.getByRole("combobox", { name: "Rep" });
    act(() => box.focus());
    fireEvent.keyDown(box, { key: "Enter" });
    expect(screen.queryByRole("option", { name: /\. Gus$/ })).toBeNull();
  });

  it("speaks Chinese", () => {
    renderTab("zh");
    pickRep("销售员", "Jo");
    expect(screen.getByText("目标已按在岗折算比例 67.03% 折算：考核期内在岗 2026-05-01 至 2026-06-30。")).toBeTruthy();
  });
});
