/** End to end on the shared messy samples: readXlsx → ingest → buildReport (docs/reference/input.md, cleaning.md, plan.md, tabs.md). */
import * as fs from "fs";
import { ingest } from "../../src/ingest/index";
import type { IngestResult } from "../../src/ingest/types";
import { defaultPlan } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { buildReport } from "../../src/report/buildReport";
import type { Report } from "../../src/report/model";
import { checkFormulas } from "./hyperFormula";
import { SAMPLES } from "../samples";

async function build(file: string, lang: "en" | "zh"): Promise<{ report: Report; ingested: IngestResult }> {
  const sheets = await readXlsx(`${SAMPLES}/${file}`);
  const ingested = ingest(sheets);
  if ("kind" in ingested) throw new Error(`ingest failed: ${ingested.messageKey}`);
  return { report: buildReport(ingested, defaultPlan(lang), { lang }), ingested };
}

/** Every cell holding text that Excel would read as a formula is marked literal and has no formula. */
function unsafeText(report: Report): string[] {
  const out: string[] = [];
  for (const s of report.sheets)
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (c && typeof c.v === "string" && /^[=+\-@]/.test(c.v) && c.f === undefined && !c.literal)
          out.push(`${s.name}!${col}:${r + 1} ${c.v}`);
      }),
    );
  return out;
}

describe.each([
  ["sales-en.xlsx", "en" as const],
  ["sales-zh.xlsx", "zh" as const],
  ["sales-clean-small.xlsx", "en" as const],
])("%s", (file, lang) => {
  let report: Report;
  let ingested: IngestResult;
  beforeAll(async () => {
    expect(fs.existsSync(`${SAMPLES}/${file}`)).toBe(true);
    ({ report, ingested } = await build(file, lang));
  });

  it("scores reps in the latest period and fills the summary", () => {
    expect(report.summary.repsScored).toBeGreaterThan(0);
    expect(report.summary.period).toMatch(/^\d{4}-Q[1-4]$/);
    expect(report.summary.rowsUsed + report.summary.rowsExcluded).toBe(ingested.reconciliation.rowsRead);
    expect(report.summary.issues).toBeGreaterThanOrEqual(ingested.issues.length);
    const scorecard = report.sheets.find((s) => s.key === "scorecard")!;
    expect(scorecard.rows.length).toBe(report.summary.repsScored + 1);
    expect(scorecard.rows[0][0]!.v).toBe(lang === "en" ? "Rep" : "销售员");
  });

  it("every formula's cached value equals what it computes", () => {
    const { checked, mismatches } = checkFormulas(report);
    expect(mismatches).toEqual([]);
    expect(checked).toBeGreaterThan(report.summary.repsScored * 5);
  });

  it("ranks run 1…n without gaps", () => {
    const ranking = report.sheets.find((s) => s.key === "ranking")!;
    const ranks = ranking.rows.slice(1, report.summary.repsScored + 1).map((r) => r[3]!.v);
    expect(ranks).toEqual(Array.from({ length: report.summary.repsScored }, (_, i) => i + 1));
  });

  it("data text that looks like a formula is literal", () => {
    expect(unsafeText(report)).toEqual([]);
  });

  it("the payouts add up to the Bonus total", () => {
    const bonus = report.sheets.find((s) => s.key === "bonus")!;
    const n = report.summary.repsScored;
    const cents = bonus.rows.slice(1, n + 1).reduce((s, r) => s + Math.round((r[3]!.v as number) * 100), 0);
    expect(Math.round((bonus.rows[n + 1][3]!.v as number) * 100)).toBe(cents);
  });
});
