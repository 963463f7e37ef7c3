/**
 * Several plans on one tab (docs/reference/plan.md "A plan per role or team", tabs.md): the Scorecard, Ranking and
 * Bonus are built once per plan, each part at its own rows, and stacked here under a title naming the plan. The parts
 * sit at the same rows on the three tabs (title, header, reps, then a total row and a blank one), so the Bonus tab
 * reads each rep's score from the same row of the Scorecard.
 */
import { t, type Lang } from "../i18n/index";
import { text } from "./cells";
import type { ReportSheet } from "./model";

export interface SectionPlace {
  /** The plan's name, as its title says. */
  plan: string;
  /** 1-based sheet rows: the title, the first rep and the last rep (first − 1 when the plan has none). */
  title: number;
  first: number;
  last: number;
}

/** Where each plan's part goes: its title, its header under it, its reps, a total row and a blank row. */
export function sectionPlaces(sections: readonly { plan: string; reps: number }[]): SectionPlace[] {
  let title = 1;
  return sections.map(({ plan, reps }) => {
    const first = title + 2;
    const last = first + reps - 1;
    title = last + 3;
    return { plan, title: first - 2, first, last };
  });
}

/** One tab from the plans' parts (each built with its rows where `places` says), a title row above each. */
export function stackSections(lang: Lang, parts: readonly ReportSheet[], places: readonly SectionPlace[]): ReportSheet {
  const base = parts[0];
  const rows: ReportSheet["rows"] = [];
  const tables: NonNullable<ReportSheet["tables"]> = [];
  const conditionalFormats: NonNullable<ReportSheet["conditionalFormats"]> = [];
  const charts: NonNullable<ReportSheet["charts"]> = [];
  const widths: number[] = [];
  let chartBottom = -1;
  parts.forEach((part, i) => {
    const place = places[i];
    while (rows.length < place.title) rows.push([]);
    rows[place.title - 1] = [text(t(lang, "plans.section", { plan: place.plan }), "title")];
    for (let r = place.title; r < part.rows.length; r++) rows[r] = part.rows[r];
    // Table names are unique in a workbook: the second plan's Scorecard table is SP_Scorecard_2.
    for (const table of part.tables ?? []) tables.push(i === 0 ? table : { ...table, name: `${table.name}_${i + 1}` });
    conditionalFormats.push(...(part.conditionalFormats ?? []));
    // Charts beside their part, moved down when the part above's charts reach that far.
    for (const chart of part.charts ?? []) {
      const shift = Math.max(0, chartBottom + 2 - chart.from.row);
      charts.push({
        ...chart,
        from: { ...chart.from, row: chart.from.row + shift },
        to: { ...chart.to, row: chart.to.row + shift },
      });
      chartBottom = Math.max(chartBottom, chart.to.row + shift);
    }
    part.columnWidths?.forEach((w, c) => (widths[c] = Math.max(widths[c] ?? 0, w)));
  });
  return {
    ...base,
    rows,
    columnWidths: widths,
    // No header row stays on screen: each plan has its own.
    freeze: { rows: 0, cols: base.freeze?.cols ?? 0 },
    tables,
    conditionalFormats,
    ...(charts.length > 0 || base.charts ? { charts } : {}),
    // The Notes carried over a re-run are found by header text in every plan's part (src/render/office/userColumns.ts).
    ...(base.userColumns
      ? { userColumns: base.userColumns.map((u) => ({ ...u, headerRow: places[0].first - 2 })) }
      : {}),
  };
}
