/** @jest-environment jsdom */
/**
 * The pane's Plan tab with two plans (docs/reference/plan.md "A plan per role or team"): each plan's KPIs under its
 * name; one plan lists its KPIs with no name, as before.
 */
import * as React from "react";
import { render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { PlanSection } from "../../src/taskpane/components/PlanSection";
import type { Plan } from "../../src/plan/types";
import { fieldSales, twoPlans } from "../report/twoPlans";

function show(plan: Plan) {
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanSection
        lang="en"
        plan={{ sheetName: "Plan", plan, errors: [], errorSheet: null }}
        periods={["2026-Q2"]}
        period="2026-Q2"
        busy={false}
        onPeriod={() => undefined}
        onCreatePlan={() => undefined}
      />
    </FluentProvider>,
  );
}

describe("the pane's Plan tab", () => {
  it("lists each plan's KPIs under the plan's name", () => {
    show(twoPlans());
    const text = screen.getByRole("region", { name: "Plan" }).textContent ?? "";
    const at = (s: string) => text.indexOf(s);
    expect(at("Plan: Field sales")).toBeGreaterThanOrEqual(0);
    expect(at("Plan: Field sales")).toBeLessThan(at("Revenue"));
    expect(at("Revenue")).toBeLessThan(at("Plan: Inside sales"));
    expect(at("Plan: Inside sales")).toBeLessThan(at("Deals"));
  });

  it("one plan: its KPIs and no plan name", () => {
    show(fieldSales());
    const text = screen.getByRole("region", { name: "Plan" }).textContent ?? "";
    expect(text).toContain("New customers");
    expect(text).not.toContain("Plan: ");
  });
});
