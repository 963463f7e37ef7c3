/**
 * Joiners and leavers on the generated tabs (docs/reference/plan.md "Joiners and leavers", tabs.md Scorecard): the
 * Proration column, last and only when someone is prorated; each target formula times the rep's factor cell; the
 * recalculated workbook agrees with the cached values; Data issues lists the leaver who is not ranked; a prorated
 * rep's statement carries the factor; the what-if keeps the prorated targets.
 */
import { buildReport } from "../../src/report/buildReport";
import type { Report, ReportCell, ReportSheet } from "../../src/report/model";
import { buildStatements } from "../../src/report/statement";
import { whatIf, whatIfBaseline } from "../../src/report/whatIf";
import { dec } from "../../src/engine/index";
import { displayWidth, formatNumber } from "../../src/sheet";
import { checkFormulas } from "./hyperFormula";
import { ingestOf, repeat } from "./fixtures";
import { dates, kpi, PEOPLE, planWith, ROWS } from "./prorationFixture";
import { twoPlans, twoPlansRows } from "./twoPlans";

const sheet = (r: Report, key: string): ReportSheet => r.sheets.find((s) => s.key === key)!;
const rowOf = (s: ReportSheet, rep: string) => s.rows.find((x) => x[0]?.v === rep)!;
const headerTexts = (s: ReportSheet) => s.rows[0].map((c) => c?.v);

describe("the Scorecard with joiners and leavers", () => {
  const ingest = ingestOf(ROWS);
  const report = buildReport(ingest, planWith(PEOPLE), { lang: "en" });
  const scorecard = sheet(report, "scorecard");
  const header = headerTexts(scorecard);
  const col = header.indexOf("Proration");

  it("has a Proration column, last, after Notes; every other column where it was", () => {
    const plain = buildReport(ingest, planWith(undefined), { lang: "en" });
    const before = headerTexts(sheet(plain, "scorecard"));
    expect(before).not.toContain("Proration");
    expect(header).toEqual([...before, "Proration"]);
    expect(sheet(report, "scorecard").tables![0].ref).toBe(`A1:${String.fromCharCode(65 + col)}4`);
  });

  it("the factor is (last active day − first + 1) ÷ days in the quarter, with the days as DATE()s", () => {
    const jo = rowOf(scorecard, "Jo")[col]!;
    expect(jo.f).toBe("(DATE(2026,6,30)-DATE(2026,5,1)+1)/(DATE(2026,6,30)-DATE(2026,4,1)+1)");
    expect(jo.v).toBeCloseTo(61 / 91, 15);
    expect(jo.fmt).toBe("0.00%");
    expect(rowOf(scorecard, "Lee")[col]!.f).toBe(
      "(DATE(2026,5,15)-DATE(2026,4,1)+1)/(DATE(2026,6,30)-DATE(2026,4,1)+1)",
    );
    expect(rowOf(scorecard, "Fay")[col]).toMatchObject({ v: 1 });
    expect(rowOf(scorecard, "Fay")[col]!.f).toBeUndefined();
  });

  it("sum and count targets multiply the Plan's target by the row's factor cell; the average's does not", () => {
    const letter = String.fromCharCode(65 + col);
    const jo = rowOf(scorecard, "Jo");
    const row = scorecard.rows.indexOf(jo) + 1;
    const targets = [3, 6, 9].map((c) => jo[c] as ReportCell);
    expect(targets[0].f).toMatch(new RegExp(`^Plan!\\$[A-Z]+\\$\\d+\\*${letter}${row}$`));
    expect(targets[1].f).toMatch(new RegExp(`\\*${letter}${row}$`));
    expect(targets[2].f).not.toContain(`${letter}${row}`);
    expect(targets.map((c) => c.v)).toEqual([61000, 61, 0.9]);
  });

  it("recalculated, every formula gives its cached value (HyperFormula)", () => {
    expect(checkFormulas(report).mismatches).toEqual([]);
  });

  it("the leaver before the quarter is not on the Scorecard or the Ranking; Data issues says why", () => {
    expect(scorecard.rows.some((x) => x[0]?.v === "Gus")).toBe(false);
    expect(sheet(report, "ranking").rows.some((x) => x[0]?.v === "Gus")).toBe(false);
    const reasons = sheet(report, "issues").rows.map((x) => String(x[5]?.v ?? ""));
    expect(reasons).toContain(
      "Gus left before 2026-Q2 (2025-01-06 – 2026-03-20): not scored or ranked; sales rows dated in the period: 1, amount 5000, kept in the reconciliation",
    );
    expect(reasons).toContain("Jo: active 61 of 91 days in 2026-Q2 (2026-05-01 – …); sum and count targets × 61/91");
  });

  it("printed: the factors fit their column (no ###), at most two pages across, period and page on each", () => {
    const widths = scorecard.columnWidths!;
    for (const row of scorecard.rows)
      row.forEach((cell, c) => {
        if (typeof cell?.v === "number")
          expect(displayWidth(formatNumber(cell.v, cell.fmt)) + 2).toBeLessThanOrEqual(widths[c]);
      });
    expect(scorecard.print!.pagesWide).toBeLessThanOrEqual(2);
    expect(JSON.stringify(scorecard.print)).toContain("2026-Q2");
    expect(JSON.stringify(scorecard.print!.footer)).toContain("&P");
  });

  it("in Chinese the column is 在岗折算比例", () => {
    const zh = buildReport(ingest, planWith(PEOPLE), { lang: "zh" });
    expect(headerTexts(sheet(zh, "scorecard"))).toContain("在岗折算比例");
  });

  it("a rep's own target from Targets is written as its value times the factor cell", () => {
    const r = buildReport(ingest, planWith(PEOPLE, { repTargets: { Jo: { Revenue: 182000 } } }), { lang: "en" });
    const s = sheet(r, "scorecard");
    const jo = rowOf(s, "Jo");
    const c = headerTexts(s).indexOf("Proration");
    expect(jo[3]!.f).toBe(`182000*${String.fromCharCode(65 + c)}${s.rows.indexOf(jo) + 1}`);
    expect(jo[3]!.v).toBeCloseTo((182000 * 61) / 91, 9);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe("a growth and a per-month target, prorated, recalculated", () => {
  it("the joiner's growth target is prior × (1 + g) × the factor cell; HyperFormula agrees with every cached value", () => {
    const plan = planWith(PEOPLE, {
      kpis: [
        kpi({ weight: 0.5, target: { kind: "growth", rate: 0.5 } }),
        kpi({ name: "Deals", aggregate: "count", target: { kind: "perMonth", value: 20 }, weight: 0.5 }),
      ],
    });
    const prior = repeat(4, { rep: "Jo", date: "2026-03-10", amount: 10000 }); // 40 000 in Q1
    const r = buildReport(ingestOf([...ROWS, ...prior]), plan, { lang: "en" });
    const s = sheet(r, "scorecard");
    const c = headerTexts(s).indexOf("Proration");
    const jo = rowOf(s, "Jo");
    const at = `${String.fromCharCode(65 + c)}${s.rows.indexOf(jo) + 1}`;
    expect(jo[3]!.f).toMatch(new RegExp(`\\*\\(1\\+Plan!\\$[A-Z]+\\$\\d+\\)\\*${at}$`));
    expect(jo[3]!.v).toBeCloseTo((60000 * 61) / 91, 9); // 40 000 × 1.5 × 61/91
    expect(jo[6]!.f).toMatch(new RegExp(`\\*3\\*${at}$`));
    expect(jo[6]!.v).toBeCloseTo((60 * 61) / 91, 9);
    expect(checkFormulas(r).mismatches).toEqual([]);
  });
});

describe("statements and the what-if carry the factor", () => {
  const ingest = ingestOf(ROWS);
  const plan = planWith(PEOPLE);

  it("a prorated rep's statement has the Proration column and prorated targets; a full-quarter rep's has none", () => {
    const st = buildStatements(ingest, plan, { lang: "en" }).statements;
    const jo = st.find((s) => s.rep === "Jo")!;
    const card = sheet(jo.report, "scorecard");
    const c = headerTexts(card).indexOf("Proration");
    expect(c).toBe(card.rows[0].length - 1);
    expect(card.rows[1][c]!.f).toBe("(DATE(2026,6,30)-DATE(2026,5,1)+1)/(DATE(2026,6,30)-DATE(2026,4,1)+1)");
    expect(card.rows[1][3]!.f).toMatch(new RegExp(`\\*${String.fromCharCode(65 + c)}2$`));
    expect(checkFormulas(jo.report).mismatches).toEqual([]);
    const fay = st.find((s) => s.rep === "Fay")!;
    expect(headerTexts(sheet(fay.report, "scorecard"))).not.toContain("Proration");
    expect(st.map((s) => s.rep)).not.toContain("Gus");
  });

  it("the what-if scores a changed actual against the prorated target", () => {
    const base = whatIfBaseline(ingest, plan);
    // Jo's revenue target is 61 000: 61 000 of revenue is 100 % (score 0.5 + 0.3 + 0.2 = 1).
    const r = whatIf(base, "Jo", { actuals: [dec(61000), null, null] })!;
    expect(r.after.kpis[0].attainment!.toString()).toBe("1");
    expect(r.after.score.toString()).toBe("1");
    expect(r.after.proration.eq(r.before.proration)).toBe(true);
    expect(r.after.proration.times(91).toDecimalPlaces(30).toString()).toBe("61");
    expect(whatIf(base, "Gus")).toBeNull();
  });
});

describe("joiners and leavers with several plans", () => {
  // Field sales: Bob joins on 1 May (61/91); inside sales (team Phone): Dan leaves on 15 May (45/91).
  const plan = {
    ...twoPlans(),
    planOfTeam: { Phone: "Inside sales" },
    people: { reps: { Bob: dates("2026-05-01", null), Dan: dates(null, "2026-05-15", 3) }, issues: [] },
  };
  const report = buildReport(ingestOf(twoPlansRows()), plan, { lang: "en" });
  const card = sheet(report, "scorecard");

  it("each plan's part prorates its own reps' targets by the factor cell of their row", () => {
    const bob = rowOf(card, "Bob");
    const dan = rowOf(card, "Dan");
    expect(bob[3]!.v).toBeCloseTo((100000 * 61) / 91, 9);
    expect(dan[3]!.v).toBeCloseTo((10 * 45) / 91, 9); // Deals, the inside plan's first KPI
    expect(dan[6]!.v).toBeCloseTo((50000 * 45) / 91, 9);
    const headers = card.rows.filter((r) => r[0]?.v === "Rep");
    expect(headers.length).toBe(2);
    for (const h of headers) expect(h[h.length - 1]?.v).toBe("Proration");
  });

  it("recalculated, every formula gives its cached value (HyperFormula)", () => {
    expect(checkFormulas(report).mismatches).toEqual([]);
  });
});
