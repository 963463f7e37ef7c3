/**
 * The Bonus tab's payout sections recalculated by LibreOffice (docs/reference/payouts.md): the differences of
 * "Adjustments to closed periods", and "Payable this period" — SUMPRODUCT over the differences, the clawback and
 * recovery caps read from the Plan tab, ISNUMBER on a blank draw, MIN/MAX, and the sentence through TEXT — every
 * formula cell comes back with the value the engine cached. Skipped without soffice (test/engines.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { History } from "../../src/history/types";
import { buildReport } from "../../src/report/buildReport";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { ingestOf } from "../report/fixtures";
import { close, planOf, Q1, Q4_AT_CLOSE, Q4_TODAY, row } from "../report/payoutsFixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-payouts-");

describeWithEngine("libreoffice", "LibreOffice recalculates the Bonus tab's payouts", (soffice) => {
  it.each(["en", "zh"] as const)(
    "%s: adjustments with a capped clawback, and a recoverable draw with a recovery cap",
    async (lang) => {
      // 2026-Q1 after the corrected 2025-Q4, with a draw for Li Na that tops up and one that is recovered next period.
      const plan = {
        ...planOf({ adjustments: "carry", clawbackCap: 3000, draw: 6000, drawRecoverable: true, recoveryCap: 1500 }),
        repDraws: { "Li Na": null, "Wang Fang": 4000 },
      };
      const q4 = close(Q4_AT_CLOSE, plan, "2025-Q4");
      q4.reps.find((r) => r.rep === "Li Na")!.drawBalance = "2000"; // owed from an earlier top-up
      const history: History = { periods: [q4], events: [] };
      const ingest = ingestOf(
        [...Q4_TODAY, ...Q1, row("Li Na", "2026-02-01", 100000), row("Sun Li", "2026-02-01", 20000)],
        {
          currency: "CNY",
        },
      );
      const report = buildReport(ingest, plan, { lang, period: "2026-Q1", history });
      const li = report.payouts!.reps.find((r) => r.rep === "Li Na")!;
      // Li Na: earned 15,000, clawback 3,000 of 4,000, and recovers 1,500 of the 2,000 her Q4 draw topped up.
      expect([li.adjustments, li.drawRecovered, li.payable].map((d) => d.toFixed())).toEqual([
        "-3000",
        "1500",
        "10500",
      ]);
      const out = path.join(tempDir(), `payouts-${lang}.xlsx`);
      fs.writeFileSync(out, await writeReportXlsx(report));
      const recalculated = lo.recalcWithLibreOffice(out, path.join(tempDir(), "lo"), soffice);
      const [ours, theirs] = await Promise.all([loadWorkbook(out), loadWorkbook(recalculated)]);
      const result = compareFormulaCells(ours, theirs);
      expect(result.errors).toEqual([]);
      expect(result.mismatches).toEqual([]);
      const bonus = report.sheets.find((s) => s.key === "bonus")!;
      const payableFormulas = bonus.rows.flat().filter((c) => c?.f?.includes("SUMPRODUCT")).length;
      expect(payableFormulas).toBeGreaterThan(0);
      expect(result.checked).toBeGreaterThan(100);
    },
    120_000,
  );
});
