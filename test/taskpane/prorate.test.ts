/**
 * Joiners and leavers in the pane (docs/reference/plan.md "Joiners and leavers", input.md "People sheet"): Generate
 * on the sample workbooks with a People / 人员 sheet added reads Start and End as the CLI does — a joiner's targets
 * prorated through the Scorecard's Proration column, a leaver before the period not ranked and listed on Data issues.
 */
import { FakeExcel, installFakeExcel, type SeedSheet } from "../fakes/excelFake";
import { readSeed } from "../fakes/seedXlsx";
import { periodRange } from "../../src/engine/period";
import { officeExcelOps } from "../../src/render/office/excelOps";
import { isoDateOfSerial } from "../../src/sheet";
import { analyse, defaultPeriod, sheetsToKeep } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import type { Lang } from "../../src/i18n";
import { SAMPLES } from "../samples";

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

async function generate(lang: Lang) {
  const read = await officeExcelOps.readSheets();
  if (!read.ok) throw new Error(read.error.messageKey);
  const a = analyse(read.value.sheets, read.value.addinTabs, lang);
  expect(a.plan.errors).toEqual([]);
  const names = read.value.sheets.map((s) => s.name);
  const report = buildPaneReport(a, names, read.value.addinTabs, defaultPeriod(a), lang);
  const written = await officeExcelOps.renderReport(report, sheetsToKeep(read.value.sheets, a, report));
  expect(written.ok).toBe(true);
  return { analysis: a, report };
}

const install = (seed: SeedSheet[], lang: Lang): FakeExcel => {
  uninstall?.();
  const fake = new FakeExcel(seed);
  uninstall = installFakeExcel(fake, { displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
  return fake;
};

describe.each([
  ["sales-en.xlsx", "en" as Lang, ["People", "Rep", "Start", "End"], ["Scorecard", "Data issues", "Proration"]],
  ["sales-zh.xlsx", "zh" as Lang, ["人员", "销售员", "入职日期", "离职日期"], ["绩效评分", "数据问题", "在岗折算比例"]],
])("a People sheet on %s (%s)", (file, lang, [sheet, repH, startH, endH], [scorecardTab, issuesTab, column]) => {
  it("prorates the joiner's targets and leaves out the leaver, as Generate writes them", async () => {
    const seed = await readSeed(`${SAMPLES}/${file}`);
    // The period Generate scores and two of its reps, from a first look at the workbook.
    const first = await (install(seed, lang), officeExcelOps.readSheets());
    if (!first.ok) throw new Error("read");
    const a = analyse(first.value.sheets, first.value.addinTabs, lang);
    const period = defaultPeriod(a)!;
    const range = periodRange(period)!;
    const reps = [...new Set(a.ingested!.rows.filter((r) => r.dateSerial >= range.startSerial).map((r) => r.rep))];
    const [joiner, leaver] = reps;
    const start = range.startSerial + 30; // active from the 31st day of the period
    const fake = install(
      [
        ...seed,
        {
          name: sheet,
          values: [
            [repH, startH, endH],
            [joiner, isoDateOfSerial(start), null],
            [leaver, null, range.startSerial - 1], // left the day before the period, as a date serial
          ],
        },
      ],
      lang,
    );
    const { report } = await generate(lang);
    const card = fake.dump(scorecardTab);
    const header = card[0];
    expect(header[header.length - 1]).toBe(column);
    const c = header.length - 1;
    const joinerRow = card.find((row) => row[0] === joiner)!;
    const days = range.endSerial - range.startSerial + 1;
    expect(String(joinerRow[c])).toMatch(/^=\(DATE\(\d+,\d+,\d+\)-DATE\(\d+,\d+,\d+\)\+1\)\/\(DATE/);
    const scored = report.sheets.find((s) => s.key === "scorecard")!;
    const cached = scored.rows.find((row) => row[0]?.v === joiner)![c]!.v as number;
    expect(cached).toBeCloseTo((days - 30) / days, 15);
    expect(card.some((row) => row[0] === leaver)).toBe(false);
    const issues = fake.dump(issuesTab).map((row) => row.join(" "));
    expect(issues.some((line) => line.includes(leaver) && line.includes(period))).toBe(true);
    // The People sheet itself is the user's: untouched.
    expect(fake.dump(sheet)[1]).toEqual([joiner, isoDateOfSerial(start), null]);
  });
});
