/**
 * Generate end to end on the strict Excel fake (docs/reference/input.md, cleaning.md, plan.md, tabs.md): the pane's pipeline with the
 * real Office.js operations, on both sample workbooks and on a generated 100,000-row sheet.
 */
import { FakeExcel, installFakeExcel, PAYLOAD_LIMIT_BYTES, type SeedSheet } from "../fakes/excelFake";
import { readSeed } from "../fakes/seedXlsx";
import { officeExcelOps } from "../../src/render/office/excelOps";
import { TABS_SETTING } from "../../src/render/office/renderReport";
import { cellAddress, quoteSheetName } from "../../src/sheet";
import { analyse, defaultPeriod, defaultPlanSheet, planProblems, sheetsToKeep } from "../../src/taskpane/pipeline";
import { buildPaneReport } from "../../src/taskpane/paneReport";
import type { Lang } from "../../src/i18n";
import { SAMPLES } from "../samples";

async function generate(lang: Lang) {
  const read = await officeExcelOps.readSheets();
  if (!read.ok) throw new Error(read.error.messageKey);
  const a = analyse(read.value.sheets, read.value.addinTabs, lang);
  expect(a.dataError).toBeNull();
  const report = buildPaneReport(
    a,
    read.value.sheets.map((s) => s.name),
    read.value.addinTabs,
    defaultPeriod(a),
    lang,
  );
  const written = await officeExcelOps.renderReport(report, sheetsToKeep(read.value.sheets, a, report));
  return { analysis: a, report, written };
}

const HEADERS: Record<Lang, string[]> = {
  en: [
    "Rep",
    "Team",
    "Revenue actual",
    "Revenue target",
    "Revenue attainment",
    "New customers actual",
    "New customers target",
    "New customers attainment",
    "Customer satisfaction actual",
    "Customer satisfaction target",
    "Customer satisfaction attainment",
    "Manager rating actual",
    "Manager rating target",
    "Manager rating attainment",
    "Score",
    "Rank",
    "Status",
    "Bonus",
    "Tie order (name)",
    "Notes",
  ],
  zh: [
    "销售员",
    "团队",
    "实际销售额",
    "目标销售额",
    "销售额达成率",
    "实际新客户",
    "目标新客户",
    "新客户达成率",
    "实际客户满意度",
    "目标客户满意度",
    "客户满意度达成率",
    "实际主管评分",
    "目标主管评分",
    "主管评分达成率",
    "综合得分",
    "排名",
    "状态",
    "奖金",
    "同分排序（按姓名）",
    "备注",
  ],
};
const TABS: Record<Lang, string[]> = {
  en: ["Summary", "Scorecard", "Ranking", "Coaching", "Trends", "Bonus", "Data issues", "Pay history", "Plan"],
  zh: ["总览", "绩效评分", "排名", "辅导", "趋势", "奖金", "数据问题", "历史记录", "考核方案"],
};

/** A tab's name in the language, by its English name (independent of the tabs' order). */
const tab = (lang: Lang, en: string): string => TABS[lang][TABS.en.indexOf(en)];

let uninstall: (() => void) | null = null;
afterEach(() => uninstall?.());

describe.each([
  ["sales-en.xlsx", "en" as Lang, ["Sales", "Ratings"]],
  ["sales-zh.xlsx", "zh" as Lang, ["销售明细", "主管评分"]],
])("Generate on %s (%s)", (file, lang, sourceSheets) => {
  let fake: FakeExcel;
  let seed: SeedSheet[];
  beforeEach(async () => {
    seed = await readSeed(`${SAMPLES}/${file}`);
    fake = new FakeExcel(seed);
    uninstall = installFakeExcel(fake, { displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
  });

  it("writes the eight tabs and the Pay history with the Scorecard header of docs/reference/cli.md and native formulas", async () => {
    const { written, report } = await generate(lang);
    expect(written.ok).toBe(true);
    expect(fake.sheetNames()).toEqual([...sourceSheets, ...TABS[lang]]);
    const scorecard = fake.dump(TABS[lang][1]);
    const headerRow = scorecard.find((row) => row[0] === HEADERS[lang][0]);
    expect(headerRow?.filter((v) => v !== null)).toEqual(HEADERS[lang]);
    expect(scorecard.flat().some((v) => typeof v === "string" && v.startsWith("=") && !/PERF\./.test(v))).toBe(true);
    expect(report.summary.repsScored).toBeGreaterThan(0);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(JSON.parse(String(fake.model.settings.get(TABS_SETTING)))).toEqual(TABS[lang]);
    expect(fake.sheet(tab(lang, "Ranking")).charts.map((c) => c.type)).toContain("BarClustered");
    expect(fake.sheet(tab(lang, "Trends")).charts.map((c) => c.type)).toContain("LineMarkers");
  });

  it("a re-run keeps the notes typed in the Scorecard's Notes column, by rep, even after the user sorted the rows", async () => {
    await generate(lang);
    const card = fake.sheet(TABS[lang][1]);
    const header = fake.dump(TABS[lang][1])[0];
    const notesCol = header.indexOf(HEADERS[lang][HEADERS[lang].length - 1]);
    expect(notesCol).toBe(header.length - 1);
    const repAt = (r: number): string => String(card.cells[r][0]!.v);
    const [first, second] = [repAt(1), repAt(2)];
    card.cells[1][notesCol] = { v: "call Monday", f: null, fmt: null };
    card.cells[2][notesCol] = { v: "=1+1 is text", f: null, fmt: "@" };
    [card.cells[1], card.cells[2]] = [card.cells[2], card.cells[1]]; // sorted by the user
    await generate(lang);
    const after = fake.dump(TABS[lang][1]);
    const noteOf = (rep: string): unknown => after.find((row) => row[0] === rep)?.[notesCol];
    expect([noteOf(first), noteOf(second)]).toEqual(["call Monday", "=1+1 is text"]);
    expect(after.filter((row) => row[notesCol] !== null && row[notesCol] !== "").length).toBe(3); // header + 2
    // Written back as text, not as the formula it looks like.
    const at = cellAddress(
      after.findIndex((row) => row[0] === second),
      notesCol,
    );
    expect(fake.cell(TABS[lang][1], at)).toMatchObject({ v: "=1+1 is text", f: null });
  });

  it("writes the Summary tab first, with its actual-versus-target chart on its own rep table", async () => {
    const { written } = await generate(lang);
    expect(written.ok && written.value.sheets[0]).toEqual({ key: "summary", name: tab(lang, "Summary") });
    const summary = fake.sheet(tab(lang, "Summary"));
    expect(summary.charts).toHaveLength(1);
    const chart = summary.charts[0];
    expect(chart.type).toBe("BarClustered");
    expect(chart.series.map((x) => x.name)).toEqual(lang === "en" ? ["Actual", "Target"] : ["实际", "目标"]);
    // Its formulas read the Scorecard and Data issues tabs by their final names.
    const cells = fake.dump(tab(lang, "Summary")).flat();
    expect(
      cells.some((v) => typeof v === "string" && v.startsWith("=SUM(") && v.includes(tab(lang, "Scorecard"))),
    ).toBe(true);
    expect(cells.some((v) => typeof v === "string" && v.includes(tab(lang, "Data issues")))).toBe(true);
  });

  it("after a run the rules are read back from the Plan tab it wrote, without errors", async () => {
    await generate(lang);
    const read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error("read");
    const again = analyse(read.value.sheets, read.value.addinTabs, lang);
    expect(again.plan.errors).toEqual([]);
    expect(again.plan.sheetName).toBe(tab(lang, "Plan"));
    expect(again.periods).toContain(defaultPeriod(again));
  });

  it("every model cell lands as written: formulas as formulas, text as the same text, numbers as numbers", async () => {
    const { report, written } = await generate(lang);
    if (!written.ok) throw new Error("render");
    let texts = 0;
    const mismatches: string[] = [];
    report.sheets.forEach((sheet, i) => {
      const name = written.value.sheets[i].name;
      const model = fake.sheet(name);
      sheet.rows.forEach((row, r) =>
        row.forEach((cell, c) => {
          const got = model.cells[r]?.[c];
          if (!cell || (cell.f === undefined && (cell.v === undefined || cell.v === null || cell.v === ""))) return;
          const where = `${name}!R${r + 1}C${c + 1}`;
          if (cell.f !== undefined) {
            // Excel may quote a sheet name or not ('Plan'!B3 and Plan!B3 are one reference): compared unquoted.
            const unquoted = (f: string) =>
              f.replace(/'((?:[^']|'')+)'!/g, (_, n: string) => `${n.replace(/''/g, "'")}!`);
            if (unquoted(got?.f ?? "") !== unquoted("=" + cell.f))
              mismatches.push(`${where}: formula ${String(got?.f)}`);
          } else if (got?.f !== null || got?.v !== cell.v) {
            mismatches.push(`${where}: ${JSON.stringify(cell.v)} became ${JSON.stringify(got)}`);
          }
          if (typeof cell.v === "string" && cell.f === undefined) texts++;
          if (cell.fmt && cell.f === undefined && typeof cell.v === "number" && got?.fmt !== cell.fmt) {
            mismatches.push(`${where}: format ${String(got?.fmt)} instead of ${cell.fmt}`);
          }
        }),
      );
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(texts).toBeGreaterThan(50);
  });

  it("leaves the source sheets' values and formats identical", async () => {
    const before = sourceSheets.map((n) => JSON.stringify(fake.sheet(n).cells));
    await generate(lang);
    expect(sourceSheets.map((n) => JSON.stringify(fake.sheet(n).cells))).toEqual(before);
    // the messy text the spec lists is still text on the source sheet
    expect(fake.sheet(sourceSheets[0]).formats).toEqual([]);
  });

  it("a rerun is idempotent: same tabs, same cells", async () => {
    await generate(lang);
    const first = fake.sheetNames().map((n) => JSON.stringify(fake.dump(n)));
    const { written } = await generate(lang);
    expect(written.ok).toBe(true);
    expect(fake.sheetNames()).toEqual([...sourceSheets, ...TABS[lang]]);
    expect(fake.sheetNames().map((n) => JSON.stringify(fake.dump(n)))).toEqual(first);
  });

  it("a user's own Scorecard sheet survives and the new tab takes the next name", async () => {
    fake.seedSheet({ name: TABS[lang][1], values: [["mine", 1]] });
    const { written } = await generate(lang);
    expect(written.ok && written.value.sheets[1].name).toBe(`${TABS[lang][1]} (2)`);
    expect(fake.dump(TABS[lang][1])).toEqual([["mine", 1]]);
    await generate(lang);
    expect(fake.sheetNames().filter((n) => n.startsWith(TABS[lang][1]))).toEqual([
      TABS[lang][1],
      `${TABS[lang][1]} (2)`,
    ]);
  });

  it("a Targets sheet with 12,5 and a Plan sheet edited into nonsense: refused by cell, as the CLI says it", async () => {
    const targets = lang === "en" ? ["Rep", "KPI", "Target"] : ["销售员", "指标", "目标"];
    const revenue = lang === "en" ? "Revenue" : "销售额";
    seed.push({ name: lang === "en" ? "Targets" : "目标", values: [targets, ["Someone", revenue, "12,5"]] });
    uninstall?.();
    fake = new FakeExcel(seed);
    uninstall = installFakeExcel(fake, { displayLanguage: lang === "zh" ? "zh-CN" : "en-US" });
    const before = fake.sheetNames();
    let read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error("read");
    let problems = planProblems(analyse(read.value.sheets, read.value.addinTabs, lang).plan, lang);
    expect(problems?.lines).toEqual([
      lang === "en"
        ? 'Targets!C2: target "12,5" is not read: a comma only separates thousands (12,500); write a decimal with a point (12.5)'
        : "'目标'!C2：目标“12,5”无法识别：逗号只能作千位分隔符（如 12,500），小数请用小数点（如 12.5）",
    ]);

    // Now the Plan sheet itself: the default one, then a weight in words, a negative target and a curve going back.
    const created = await officeExcelOps.writePlanSheet(defaultPlanSheet(lang), lang);
    expect(created.ok).toBe(true);
    await Excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(tab(lang, "Plan"));
      ws.getRange("G21").values = [[lang === "en" ? "forty" : "四成"]];
      ws.getRange("E22").values = [[-30]];
      ws.getRange("A30").values = [[0.5]];
      await context.sync();
    });
    read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error("read");
    const analysis = analyse(read.value.sheets, read.value.addinTabs, lang);
    problems = planProblems(analysis.plan, lang);
    const p = tab(lang, "Plan");
    expect(problems?.title).toBe(
      lang === "en" ? `“${p}” has 3 problem(s); fix them to generate.` : `“${p}”工作表有 3 个问题，修正后才能生成。`,
    );
    const q = quoteSheetName(p);
    expect(problems?.lines.map((l) => l.replace(/[:：].*/, ""))).toEqual([`${q}!G21`, `${q}!E22`, `${q}!A30`]);
    expect(analysis.plan.plan).toBeNull(); // so Generate has nothing to write
    expect(fake.sheetNames()).toEqual([...before, p]);
  });

  it("the Plan sheet created with defaults is read back, kept where it is and stands in for the Plan tab", async () => {
    const created = await officeExcelOps.writePlanSheet(defaultPlanSheet(lang), lang);
    expect(created.ok).toBe(true);
    // The same Plan tab a report writes: tab colour and the amber Total weight check included.
    const planSheet = fake.sheet(tab(lang, "Plan"));
    expect(planSheet.tabColor).toBe("#7F7F7F");
    expect(planSheet.conditionalFormats.length).toBe(1);
    const read = await officeExcelOps.readSheets();
    expect(read.ok && analyse(read.value.sheets, read.value.addinTabs, lang).plan.sheetName).toBe(tab(lang, "Plan"));
    const before = fake.snapshot().sheets.find((x) => x.name === tab(lang, "Plan"));
    const { written } = await generate(lang);
    expect(written.ok && written.value.sheets.map((x) => x.name)).toEqual(TABS[lang]);
    expect(fake.sheetNames()).toEqual([
      ...sourceSheets,
      tab(lang, "Plan"),
      ...TABS[lang].filter((n) => n !== tab(lang, "Plan")),
    ]);
    expect(fake.snapshot().sheets.find((x) => x.name === tab(lang, "Plan"))).toEqual(before);
  });

  it("a Plan sheet laid out differently is kept as it is; the report's Plan tab is written beside it", async () => {
    await officeExcelOps.writePlanSheet(defaultPlanSheet(lang), lang);
    const plan = fake.sheet(tab(lang, "Plan"));
    plan.cells.unshift([], []); // the user inserted two rows at the top
    const before = fake.snapshot().sheets.find((x) => x.name === tab(lang, "Plan"));
    const { written, analysis } = await generate(lang);
    expect(analysis.plan.errors).toEqual([]);
    expect(written.ok && written.value.sheets.map((x) => x.name)).toEqual([
      ...TABS[lang].filter((n) => n !== tab(lang, "Plan")),
      `${tab(lang, "Plan")} (2)`,
    ]);
    expect(fake.snapshot().sheets.find((x) => x.name === tab(lang, "Plan"))).toEqual(before);
    // The report's formulas refer to the Plan tab it wrote, whose cells they were built for.
    expect(
      fake
        .dump(tab(lang, "Bonus"))
        .flat()
        .some((v) => typeof v === "string" && v.includes(`'${tab(lang, "Plan")} (2)'!`)),
    ).toBe(true);
  });

  it("a rerun after the user edited the Plan tab keeps it cell for cell; the report refers to it", async () => {
    await generate(lang);
    const planName = tab(lang, "Plan");
    const plan = fake.sheet(planName);
    const bonusCell = plan.cells
      .flatMap((row, r) => (row ?? []).map((cell, c) => ({ cell, r, c })))
      .find((x) => x.cell?.v === 5000);
    expect(bonusCell).toBeDefined();
    bonusCell!.cell!.v = 6000; // the user raises the target bonus
    const before = fake.snapshot().sheets.find((x) => x.name === planName);
    const { written, analysis } = await generate(lang);
    expect(analysis.plan.plan?.bonus.targetBonus).toBe(6000);
    expect(written.ok && written.value.sheets.map((x) => x.name)).toEqual(TABS[lang]);
    expect(fake.sheetNames()).toEqual([...sourceSheets, ...TABS[lang]]);
    expect(fake.snapshot().sheets.find((x) => x.name === planName)).toEqual(before);
    const bonusRef = cellAddress(bonusCell!.r, bonusCell!.c, true);
    const bonusFormulas = fake
      .dump(tab(lang, "Bonus"))
      .flat()
      .filter((v) => typeof v === "string" && v.includes(bonusRef));
    expect(bonusFormulas.length).toBeGreaterThan(0);
  });

  it("Cancel midway leaves no new tabs", async () => {
    const read = await officeExcelOps.readSheets();
    if (!read.ok) throw new Error("read");
    const a = analyse(read.value.sheets, read.value.addinTabs, lang);
    const report = buildPaneReport(
      a,
      read.value.sheets.map((s) => s.name),
      [],
      defaultPeriod(a),
      lang,
    );
    const controller = new AbortController();
    const r = await officeExcelOps.renderReport(report, {
      signal: controller.signal,
      onProgress: (p) => p.stage === "writing" && p.done === 4 && controller.abort(),
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.messageKey).toBe("renderCancelled");
    expect(fake.sheetNames()).toEqual(sourceSheets);
  });
});

/** A 100,000-row sales sheet: 40 reps, two quarters, amounts as numbers and some messy text. */
function bigSeed(rows: number): SeedSheet {
  const values: (string | number | null)[][] = [
    ["Date", "Sales Rep", "Team", "Customer", "New Customer", "Amount", "Satisfaction"],
  ];
  for (let r = 0; r < rows; r++) {
    const rep = `Rep ${String(r % 40).padStart(2, "0")}`;
    values.push([
      46023 + (r % 180),
      r % 997 === 0 ? ` ${rep}  ` : rep,
      `Team ${r % 5}`,
      `Customer ${r % 3000}`,
      r % 9 === 0 ? "Yes" : "No",
      r % 501 === 0 ? `$${(r % 2000) + 100}` : 100 + ((r * 37) % 20000),
      0.7 + (r % 30) / 100,
    ]);
  }
  return { name: "Sales", values, numberFormats: values.map((_, i) => (i === 0 ? [] : ["yyyy-mm-dd"])) };
}

describe("Generate on a 100,000-row sheet", () => {
  it("every request stays under 5 MB and the tabs are written", async () => {
    const fake = new FakeExcel([bigSeed(100_000)]);
    uninstall = installFakeExcel(fake);
    const { written, analysis } = await generate("en");
    expect(analysis.ingested?.reconciliation.rowsRead).toBe(100_000);
    expect(written.ok).toBe(true);
    expect(fake.sheetNames()).toEqual(["Sales", ...TABS.en]);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  });
});
