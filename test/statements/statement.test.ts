/**
 * The statement model (docs/reference/statements.md): each rep's numbers equal the team report's and scorePeriod's, every formula's
 * cached value is what it computes, formulas reach only the rep's own cells and the Plan, and data issues go to
 * the rep whose row they are on.
 */
import * as path from "path";
import { ingest } from "../../src/ingest/index";
import type { IngestResult, RawSheet } from "../../src/ingest/types";
import { defaultPlan, normaliseRepName } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { buildReport } from "../../src/report/buildReport";
import { compareNames } from "../../src/report/compare";
import type { Report, ReportSheet } from "../../src/report/model";
import { scorePeriod } from "../../src/report/score";
import { buildStatements, type Statements } from "../../src/report/statement";
import { checkFormulas } from "../report/hyperFormula";
import { SAMPLES } from "../samples";

interface Loaded {
  sheets: RawSheet[];
  ingested: IngestResult;
}

async function load(file: string): Promise<Loaded> {
  const sheets = await readXlsx(path.join(SAMPLES, file));
  const ingested = ingest(sheets);
  if ("kind" in ingested) throw new Error(`ingest failed: ${ingested.messageKey}`);
  return { sheets, ingested };
}

const sheetOf = (r: Report, key: ReportSheet["key"]): ReportSheet => r.sheets.find((s) => s.key === key)!;

describe.each([
  ["sales-en.xlsx", "en" as const],
  ["sales-zh.xlsx", "zh" as const],
  ["sales-clean-small.xlsx", "en" as const],
])("%s (%s)", (file, lang) => {
  let loaded: Loaded;
  let built: Statements;
  let report: Report;
  beforeAll(async () => {
    loaded = await load(file);
    const plan = defaultPlan(lang);
    built = buildStatements(loaded.ingested, plan, { lang, sheets: loaded.sheets });
    report = buildReport(loaded.ingested, plan, { lang });
  });

  it("writes one statement per scored rep, in name order (pinyin for Chinese)", () => {
    const scored = scorePeriod(loaded.ingested, defaultPlan(lang));
    expect(built.period).toBe(scored.period);
    expect(built.statements.map((s) => s.rep)).toEqual(scored.reps.map((r) => r.rep).sort(compareNames));
    expect(built.statements.length).toBe(report.summary.repsScored);
  });

  it("the Scorecard line equals the rep's line on the team report, cell by cell (bar the team's hidden tie order)", () => {
    const teamCard = sheetOf(report, "scorecard");
    const hidden = teamCard.hiddenColumns ?? [];
    const visible = <T>(row: T[]) => row.filter((_, c) => !hidden.includes(c));
    for (const s of built.statements) {
      const card = sheetOf(s.report, "scorecard");
      // The team's Scorecard ends with the manager's Notes column, which no statement carries.
      expect(card.rows[0].map((c) => c?.v)).toEqual(
        visible(teamCard.rows[0])
          .slice(0, -1)
          .map((c) => c?.v),
      );
      const teamRow = visible(teamCard.rows.find((r) => r[0]?.v === s.rep)!);
      expect(card.rows[1].map((c) => c?.v ?? null)).toEqual(teamRow.map((c) => c?.v ?? null));
      expect(card.rows[1].map((c) => c?.fmt ?? null)).toEqual(teamRow.map((c) => c?.fmt ?? null));
    }
  });

  it("score, attainments, factor and bonus are scorePeriod's", () => {
    const scored = scorePeriod(loaded.ingested, defaultPlan(lang));
    const K = defaultPlan(lang).kpis.length;
    for (const s of built.statements) {
      const r = scored.reps.find((x) => x.rep === s.rep)!;
      const line = sheetOf(s.report, "scorecard").rows[1];
      r.kpis.forEach((k, i) => {
        expect(line[2 + 3 * i + 2]?.v ?? null).toBe(k.attainment === null ? null : k.attainment.toNumber());
      });
      expect(line[2 + 3 * K]!.v).toBe(r.score.toNumber());
      expect(line[3 + 3 * K]!.v).toBe(r.rank);
      expect(line[5 + 3 * K]!.v).toBe(r.payout.toNumber());
      const bonus = sheetOf(s.report, "bonus").rows[1];
      expect(bonus.map((c) => c?.v).slice(0, 4)).toEqual([
        r.rep,
        r.score.toNumber(),
        r.factor.toNumber(),
        r.payout.toNumber(),
      ]);
    }
  });

  it("every formula's cached value equals what it computes", () => {
    for (const s of built.statements) {
      const { checked, mismatches } = checkFormulas(s.report);
      expect(mismatches).toEqual([]);
      expect(checked).toBeGreaterThanOrEqual(10);
    }
  });

  it("formulas reach only the statement's own tabs, and on the Scorecard only row 2 and the Plan", () => {
    for (const s of built.statements) {
      const own = new Set(s.report.sheets.map((x) => x.name));
      const plan = sheetOf(s.report, "plan").name;
      for (const sheet of s.report.sheets) {
        sheet.rows.forEach((row) =>
          row.forEach((c) => {
            if (!c?.f) return;
            // A sheet is named quoted ('Data issues'!, '考核方案'!) or bare (Plan!), docs/reference/sheet.md.
            const formula = c.f.replace(/"[^"]*"/g, "");
            for (const m of formula.matchAll(/(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/gu)) {
              expect(own.has(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2])).toBe(true);
            }
            if (sheet.key !== "scorecard") return;
            // Local references (not after a "!"): row 2 only — no column range over other reps.
            const local = formula.replace(
              /(?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?/gu,
              "",
            );
            for (const m of local.matchAll(/\$?[A-Z]{1,3}\$?(\d+)/g)) expect(m[1]).toBe("2");
            expect(local).not.toMatch(/:/);
            void plan;
          }),
        );
      }
    }
  });

  it("the rank is a value with 'rank k of n' beside it, and no team figures appear", () => {
    const n = built.statements.length;
    for (const s of built.statements) {
      const card = sheetOf(s.report, "scorecard");
      const K = defaultPlan(lang).kpis.length;
      expect(card.rows[1][3 + 3 * K]!.f).toBeUndefined();
      const note = card.rows
        .flat()
        .find((c) => typeof c?.v === "string" && c.v.includes(String(n)) && c.style === "note");
      expect(note?.v).toBe(
        lang === "en"
          ? `Rank ${s.scored.rank} of ${n} reps in ${built.period}`
          : `${built.period} 排名：第 ${s.scored.rank} 名（共 ${n} 人）`,
      );
      expect(s.report.sheets.map((x) => x.key)).toEqual(["scorecard", "bonus", "data", "issues", "plan"]);
      expect(s.report.definedNames ?? []).toEqual([]);
      expect(s.report.sheets.flatMap((x) => x.charts ?? [])).toEqual([]);
    }
  });

  it("the sales tab holds exactly the rep's used rows of the period, with a total equal to the revenue actual", () => {
    const scored = scorePeriod(loaded.ingested, defaultPlan(lang));
    const range = { from: scored.range.startSerial, to: scored.range.endSerial };
    for (const s of built.statements) {
      const mine = loaded.ingested.rows.filter(
        (r) => r.rep === s.rep && r.dateSerial >= range.from && r.dateSerial <= range.to,
      );
      const sales = sheetOf(s.report, "data");
      const dataRows = sales.rows.slice(1).filter((r) => typeof r[0]?.v === "number");
      expect(dataRows.map((r) => r[0]!.v).sort()).toEqual(mine.map((r) => r.sheetRow).sort());
      expect(s.scored.rows).toBe(mine.length);
      const total = sales.rows.find((r) => r[0]?.style === "total")!;
      const amount = total.find((c, i) => i > 0 && c !== null)!;
      // The default plan's first KPI is revenue = sum of amounts (docs/reference/plan.md).
      expect(amount.v).toBe(s.scored.kpis[0].actual!.toNumber());
    }
  });

  it("each row issue is on the statement of the rep whose row it is, and on no other", () => {
    const scored = scorePeriod(loaded.ingested, defaultPlan(lang));
    const repOfRow = new Map<number, string>();
    for (const r of loaded.ingested.rows) repOfRow.set(r.sheetRow, r.rep);
    const sales = loaded.sheets.find((x) => x.name === loaded.ingested.mapping.sheet)!;
    const repCol = loaded.ingested.mapping.columns.rep!;
    const repCell = (row: number): string | null => {
      const v = sales.values[row - (sales.firstRow ?? 1)]?.[repCol - (sales.firstCol ?? 0)];
      return typeof v === "string" ? normaliseRepName(v) : null;
    };
    const scoredReps = new Set(scored.reps.map((r) => r.rep));
    const onStatements = new Map<string, string[]>();
    for (const s of built.statements) {
      for (const row of sheetOf(s.report, "issues").rows.slice(1)) {
        if (typeof row[1]?.v !== "number" || row[0]?.v !== sales.name) continue;
        const key = String(row[1].v);
        onStatements.set(key, [...(onStatements.get(key) ?? []), s.rep]);
      }
    }
    // The messy samples have coerced, negative and excluded rows in the period; the clean one has none.
    expect(onStatements.size > 0).toBe(file !== "sales-clean-small.xlsx");
    for (const [row, reps] of onStatements) {
      const owner = repOfRow.get(Number(row)) ?? repCell(Number(row));
      expect(new Set(reps)).toEqual(new Set([owner]));
    }
    // Every excluded sales row of a scored rep dated in the period (or undated) is on that rep's statement.
    const excluded = loaded.ingested.issues.filter(
      (x) => x.sheet === sales.name && x.action === "excluded" && x.row !== null,
    );
    let checkedExcluded = 0;
    for (const x of excluded) {
      const owner = repCell(x.row!);
      if (owner === null || !scoredReps.has(owner)) continue;
      const statement = built.statements.find((s) => s.rep === owner)!;
      const dateCol = loaded.ingested.mapping.columns.date!;
      const d = sales.values[x.row! - (sales.firstRow ?? 1)]?.[dateCol - (sales.firstCol ?? 0)];
      const inPeriod = typeof d !== "number" || (d >= scored.range.startSerial && d <= scored.range.endSerial + 1);
      if (!inPeriod) continue;
      const rows = sheetOf(statement.report, "issues").rows.map((r) => r[1]?.v);
      expect(rows).toContain(x.row);
      checkedExcluded++;
    }
    if (file === "sales-en.xlsx") expect(checkedExcluded).toBeGreaterThan(0);
  });

  it("scoring issues naming a rep are on that rep's statement only", () => {
    const scored = scorePeriod(loaded.ingested, defaultPlan(lang));
    for (const s of built.statements) {
      const reasons = sheetOf(s.report, "issues").rows.map((r) => r[5]?.v);
      for (const x of scored.issues.filter((i) => typeof i.params?.rep === "string")) {
        const present = reasons.some((v) => typeof v === "string" && v.startsWith(`${x.params!.rep}:`));
        if (x.params!.rep === s.rep) expect(present).toBe(true);
      }
      for (const other of built.statements.filter((o) => o.rep !== s.rep)) {
        expect(reasons.some((v) => typeof v === "string" && v.includes(other.rep))).toBe(false);
      }
    }
  });
});

describe("--lang zh statement", () => {
  it("has Chinese tab names and the docs/reference/cli.md Chinese Scorecard headers", async () => {
    const { ingested, sheets } = await load("sales-zh.xlsx");
    const plan = defaultPlan("zh");
    const s = buildStatements(ingested, plan, { lang: "zh", sheets }).statements.find((x) => x.scored.rank === 1)!;
    expect(s.report.sheets.map((x) => x.name)).toEqual(["绩效评分", "奖金", "我的销售", "数据问题", "考核方案"]);
    const header = s.report.sheets[0].rows[0].map((c) => c!.v);
    const kpiCols = plan.kpis.flatMap((k) => [`实际${k.name}`, `目标${k.name}`, `${k.name}达成率`]);
    expect(header).toEqual(["销售员", "团队", ...kpiCols, "综合得分", "排名", "状态", "奖金"]);
    expect(plan.kpis.map((k) => k.name)).toEqual(["销售额", "新客户", "客户满意度", "主管评分"]);
    // Status is 优秀 for the top rep (docs/reference/cli.md).
    expect(s.report.sheets[0].rows[1][header.length - 2]!.v).toBe("优秀");
  });
});
