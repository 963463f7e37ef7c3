/**
 * A report closed by `salesperf close` (docs/reference/history.md): LibreOffice opens the file whose Pay history tab
 * was replaced in place, saves it again, and the Pay history reads back whole (every checksum holds); a file saved by
 * LibreOffice is reopened in place and opens again; printed, the tab shows no "###" and carries the period and page
 * numbers. Needs soffice (and pdftotext for the print).
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { runClose } from "../../src/cli/closeCommand";
import { runReport } from "../../src/cli/reportCommand";
import { readHistorySheet } from "../../src/history/sheet";
import { findNamedSheet } from "../../src/plan";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { describeWithEngine } from "../engines";
import { lo, SAMPLES, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-history-lo-");

async function history(file: string) {
  const sheet = findNamedSheet(await readXlsx(file), "sheet.history")!;
  return readHistorySheet(sheet, "en");
}

describeWithEngine("libreoffice", "a closed report in LibreOffice", (soffice) => {
  let closed = "";
  beforeAll(async () => {
    closed = path.join(tempDir(), "closed.xlsx");
    const input = path.join(SAMPLES, "sales-en.xlsx");
    expect((await runReport({ input, output: closed, lang: "en", stderr: () => undefined })).code).toBe(0);
    expect((await runClose({ report: closed, lang: "en", now: () => new Date("2026-07-01T08:00:00Z") })).code).toBe(0);
  }, 120_000);

  it("opens it, saves it again, and the Pay history reads back with every checksum holding", async () => {
    const saved = lo.recalcWithLibreOffice(closed, path.join(tempDir(), "saved"), soffice);
    const before = await history(closed);
    const after = await history(saved);
    expect(before.issues).toEqual([]);
    expect(after.issues).toEqual([]);
    expect(after.history).toEqual(before.history);
    expect(after.history.periods.map((p) => p.period)).toEqual(["2026-Q2"]);
    // A file saved by another program (its own shared strings, styles and part names) is closed in place too.
    const reopened = await runClose({
      report: saved,
      lang: "en",
      reopen: "2026-Q2",
      now: () => new Date("2026-07-02T08:00:00Z"),
    });
    expect(reopened.code).toBe(0);
    const again = await history(saved);
    expect(again.issues).toEqual([]);
    expect(again.history.periods).toEqual([]);
    expect(again.history.events.map((e) => e.kind)).toEqual(["close", "reopen"]);
    const resaved = lo.recalcWithLibreOffice(saved, path.join(tempDir(), "resaved"), soffice);
    expect((await history(resaved)).history).toEqual(again.history);
  }, 240_000);

  describeWithEngine("poppler", "printed", (pdftotext) => {
    it("the Pay history prints without ###, with the period and page numbers on every page", () => {
      const [pdf] = lo.printToPdfWithLibreOffice([closed], path.join(tempDir(), "pdf"), soffice);
      const pages = execFileSync(pdftotext, ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);
      const history = pages.filter((p) => p.includes("Pay history"));
      expect(history.length).toBeGreaterThan(0);
      for (const page of pages) {
        expect(page).not.toContain("###");
        expect(page).toContain("Period 2026-Q2");
        expect(page).toMatch(/Page \d+ of \d+/);
      }
      expect(fs.existsSync(pdf)).toBe(true);
    }, 240_000);
  });
});
