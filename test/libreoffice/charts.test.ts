/**
 * LibreOffice reads what keeps the charts honest (docs/reference/tabs.md): a 25-rep report (Trends with the top 10 and
 * the average per rep) is recalculated by headless LibreOffice; its formulas, the average row's included, give the
 * engine's values, and the file LibreOffice saves back keeps the bar charts' value axes at 0, the data bars from 0
 * and the Trends colours — it understood them rather than dropping them. Needs `soffice` (test/engines.ts).
 */
import * as fs from "fs";
import JSZip from "jszip";
import * as path from "path";
import { defaultPlan } from "../../src/plan/index";
import { buildReport } from "../../src/report/buildReport";
import { TEAM_AVERAGE_COLOR, TREND_COLORS } from "../../src/report/chartPalette";
import { writeReportXlsx } from "../../src/render/xlsx/writeXlsx";
import { describeWithEngine } from "../engines";
import { ingestOf, teamOf } from "../report/fixtures";
import { compareFormulaCells, loadWorkbook } from "./compareFormulas";
import { lo, suiteTempDir } from "./libreOffice";

const tempDir = suiteTempDir("salesperf-lo-charts-");

describeWithEngine("libreoffice", "charts and data bars read back from LibreOffice", (soffice) => {
  it("25 reps: formulas recalculate; axes at 0, bars from 0 and the line colours survive LibreOffice", async () => {
    const report = buildReport(ingestOf(teamOf(25)), defaultPlan("en"), { lang: "en" });
    const file = path.join(tempDir(), "team25.xlsx");
    fs.writeFileSync(file, await writeReportXlsx(report));
    const back = lo.recalcWithLibreOffice(file, path.join(tempDir(), "lo"), soffice);
    const result = compareFormulaCells(await loadWorkbook(file), await loadWorkbook(back));
    expect(result.errors).toEqual([]);
    expect(result.mismatches).toEqual([]);

    const zip = await JSZip.loadAsync(fs.readFileSync(back));
    const charts = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const bars = charts.filter((x) => x.includes("<c:barChart>"));
    const lines = charts.filter((x) => x.includes("<c:lineChart>"));
    expect(bars).toHaveLength(3); // Summary, Ranking reps, Ranking teams
    for (const bar of bars) expect(bar).toMatch(/<c:valAx>.*<c:scaling>.*<c:min val="0"\/>.*<\/c:scaling>/s);
    expect(lines).toHaveLength(1);
    const colours = [...lines[0].matchAll(/<c:ser>.*?<a:srgbClr val="([0-9A-Fa-f]{6})"/gs)].map(
      (m) => `#${m[1].toUpperCase()}`,
    );
    expect(colours).toEqual([...TREND_COLORS.slice(0, 10), TEAM_AVERAGE_COLOR]);

    const sheets = await Promise.all(
      Object.keys(zip.files)
        .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
        .map((p) => zip.file(p)!.async("string")),
    );
    const dataBars = sheets.flatMap((x) => [...x.matchAll(/<dataBar[^>]*>(.*?)<\/dataBar>/gs)].map((m) => m[1]));
    expect(dataBars.length).toBeGreaterThanOrEqual(6);
    for (const bar of dataBars) expect(bar).toMatch(/^<cfvo type="num" val="0"(\/>|><\/cfvo>)/);
  });
});
