/**
 * The breakdowns under the Trends chart (docs/reference/tabs.md): revenue by team and period, and by product for each
 * rep and team in the scored period, exact sums with SUM totals.
 */
import { ingest } from "../../src/ingest/index";
import { defaultPlan } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { MAX_PRODUCTS, PRODUCT_HEADERS } from "../../src/report/breakdowns";
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportCell, ReportSheet } from "../../src/report/model";
import { SAMPLES } from "../samples";
import { checkFormulas } from "./hyperFormula";
import { ingestOf, type RowSpec } from "./fixtures";

const trendsOf = (r: Report): ReportSheet => r.sheets.find((s) => s.key === "trends")!;
const values = (cells: (ReportCell | null)[]): unknown[] => cells.map((c) => c?.v ?? null);
/** The block titled `title`: its header row and the rows down to its total row, as values. */
function block(s: ReportSheet, title: string): unknown[][] {
  const at = s.rows.findIndex((x) => x[0]?.v === title);
  if (at < 0) throw new Error(`no block "${title}"`);
  const end = s.rows.findIndex((x, i) => i > at && x[0]?.style === "total");
  return s.rows.slice(at + 1, end + 1).map(values);
}

const rows: RowSpec[] = [
  { rep: "Al", team: "East", date: "2026-02-03", amount: 0.1, extra: { Product: "Pro" } },
  { rep: "Al", team: "East", date: "2026-04-03", amount: 0.1, extra: { Product: "Pro" } },
  { rep: "Al", team: "East", date: "2026-05-03", amount: 0.2, extra: { Product: "Lite" } },
  { rep: "Bo", team: "West", date: "2026-04-09", amount: 100, extra: { Product: " Pro " } },
  { rep: "Bo", team: "West", date: "2026-06-30", amount: 5, extra: { Product: null } },
  { rep: "Cy", team: null, date: "2026-03-31", amount: 7, extra: { Product: "Lite" } },
];

describe("Trends breakdowns on a small example", () => {
  const r = buildReport(ingestOf(rows, { extraHeaders: ["Product"] }), defaultPlan("en"), { lang: "en" });
  const s = trendsOf(r);

  it("team × period: each row counted under its own team, exact sums, SUM totals", () => {
    expect(block(s, "Revenue by team and period")).toEqual([
      ["Team", "2026-Q1", "2026-Q2"],
      ["(no team)", 7, null],
      ["East", 0.1, 0.3],
      ["West", null, 105],
      ["Total", 7.1, 105.3],
    ]);
    const total = s.rows.find((x) => x[0]?.v === "Total" && x[1]?.f?.startsWith("SUM(B") && x[1]?.v === 7.1)!;
    expect(total[2]).toMatchObject({ v: 105.3, style: "total" });
  });

  it("product × rep and product × team for the scored period, largest product first, blank as (no product)", () => {
    expect(block(s, "Revenue by product and rep, 2026-Q2")).toEqual([
      ["Rep", "Pro", "(no product)", "Lite", "Total"],
      ["Al", 0.1, null, 0.2, 0.3],
      ["Bo", 100, 5, null, 105],
      ["Total", 100.1, 5, 0.2, 105.3],
    ]);
    expect(block(s, "Revenue by product and team, 2026-Q2")).toEqual([
      ["Team", "Pro", "(no product)", "Lite", "Total"],
      ["East", 0.1, null, 0.2, 0.3],
      ["West", 100, 5, null, 105],
      ["Total", 100.1, 5, 0.2, 105.3],
    ]);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });

  it("sits below the Trends chart", () => {
    const at = s.rows.findIndex((x) => x[0]?.v === "Revenue by team and period");
    expect(at).toBeGreaterThan(s.charts![0].to.row);
  });

  it(`beyond ${MAX_PRODUCTS} products the smallest are added up as Other products`, () => {
    const many: RowSpec[] = Array.from({ length: MAX_PRODUCTS + 5 }, (_, i) => ({
      rep: "Al",
      date: "2026-04-01",
      amount: 100 + i,
      extra: { Product: `P${i}` },
    }));
    const big = trendsOf(buildReport(ingestOf(many, { extraHeaders: ["Product"] }), defaultPlan("en"), { lang: "en" }));
    const [header, al] = block(big, "Revenue by product and rep, 2026-Q2");
    expect(header).toHaveLength(MAX_PRODUCTS + 2);
    expect(header[1]).toBe(`P${MAX_PRODUCTS + 4}`);
    expect(header[MAX_PRODUCTS]).toBe("Other products");
    // P0 … P5 (the six smallest): 100 + … + 105.
    expect(al[MAX_PRODUCTS]).toBe(615);
  });

  it("without a product column: the team table only", () => {
    const plain = trendsOf(
      buildReport(ingestOf(rows.map((x) => ({ ...x, extra: {} }))), defaultPlan("zh"), { lang: "zh" }),
    );
    expect(block(plain, "各团队各期销售额")[0]).toEqual(["团队", "2026-Q1", "2026-Q2"]);
    expect(plain.rows.some((x) => String(x[0]?.v ?? "").includes("分产品"))).toBe(false);
  });
});

describe.each([
  ["sales-en.xlsx", "en", "Revenue by team and period", "Revenue by product and team, 2026-Q2"],
  ["sales-zh.xlsx", "zh", "各团队各期销售额", "2026-Q2 各团队分产品销售额"],
] as const)("%s (%s): the product column is read and the breakdowns add up", (file, lang, teams, products) => {
  it("team totals equal Trends' totals; the product mix adds up to the period's revenue on the Summary", async () => {
    const ingested = ingest(await readXlsx(`${SAMPLES}/${file}`), { extraHeaders: PRODUCT_HEADERS });
    if ("kind" in ingested) throw new Error(ingested.messageKey);
    const r = buildReport(ingested, defaultPlan(lang), { lang });
    const s = trendsOf(r);
    const trendsTotal = s.rows.find((x) => x[0]?.style === "total")!;
    const teamTotal = block(s, teams).at(-1)!;
    expect(teamTotal.slice(1)).toEqual(values(trendsTotal).slice(1, teamTotal.length));
    const productTotal = block(s, products).at(-1)!;
    const summary = r.sheets.find((x) => x.key === "summary")!;
    expect(productTotal.at(-1)).toBe(summary.rows[4][1]!.v);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});
