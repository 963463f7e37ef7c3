/**
 * Names on a Ratings (measure) sheet and on Targets find their sales rep (docs/reference/cleaning.md rep names, docs/reference/plan.md scored reps):
 * normalised and case-insensitive, mapped to the sales rep's spelling; a measure row of nobody scored and a rep
 * named only on Targets are listed on Data issues. Workbooks of those shapes, built in memory.
 */
import { t } from "../../src/i18n/index";
import { ingest } from "../../src/ingest/index";
import type { DataIssue, IngestResult, RawCell, RawSheet } from "../../src/ingest/types";
import { defaultPlan, readWorkbookPlan } from "../../src/plan/index";
import type { Plan } from "../../src/plan/types";
import { buildReport } from "../../src/report/buildReport";
import { RepMatcher, repNameKey, scorePeriod } from "../../src/report/score";
import { ingestOf, serial } from "./fixtures";

const sheet = (name: string, values: RawCell[][]): RawSheet => ({ name, values });

function read(sheets: RawSheet[]): { ingested: IngestResult; plan: Plan } {
  const ingested = ingest(sheets);
  if ("kind" in ingested) throw new Error(`fixture not ingested: ${ingested.messageKey}`);
  const planned = readWorkbookPlan(sheets, "en");
  if (!planned.ok) throw new Error(`fixture plan invalid: ${JSON.stringify(planned.errors)}`);
  return { ingested, plan: planned.plan };
}

const NAME_KEYS = new Set([
  "measureRepMatched",
  "measureRepNotFound",
  "measureRepNotScored",
  "targetRepMatched",
  "targetNamesMerged",
  "targetRepNotFound",
  "targetRepNoSalesInPeriod",
]);
const nameIssues = (issues: readonly DataIssue[]) => issues.filter((x) => NAME_KEYS.has(x.reasonKey));

// t7.xlsx: Ratings " neg " (sales: "Neg"), "Ｏｋ" (full width) and "Ok"; plus a rater nobody sold under and a rep
// whose sales are all in the prior quarter.
const t7 = (): RawSheet[] => [
  sheet("Sales", [
    ["Date", "Rep", "Team", "Amount", "Satisfaction"],
    [serial("2026-01-05"), "Neg", "T1", 500, 0.9],
    [serial("2026-04-05"), "Neg", "T1", 1000, 0.9],
    [serial("2026-01-05"), "Ok", "T2", 1000, 0.9],
    [serial("2026-04-05"), "Ok", "T2", 1000, 0.9],
    [serial("2026-02-05"), "Gone", "T2", 800, 0.9],
  ]),
  sheet("Ratings", [
    ["Rep", "Date", "Manager rating"],
    [" neg ", serial("2026-04-05"), 5],
    ["Ｏｋ", serial("2026-04-05"), 3],
    ["Ok", "2026-04", 5],
    ["Hidden Person", "2026-05", 4],
    ["gone", serial("2026-05-20"), 2],
    ["Hidden Person", "2026-02", 4], // prior quarter: not scored, not listed
    ["NEG", serial("2026-06-01"), 4],
  ]),
];

describe("measure rows find their sales rep (t7: ' neg ' is Neg)", () => {
  const { ingested, plan } = read(t7());
  const scored = scorePeriod(ingested, plan);
  const rating = plan.kpis.findIndex((k) => k.measure.field === "behaviour");

  it("scores only the sales reps; Neg's rating is read from ' neg ' and 'NEG', Ok's from 'Ｏｋ' and 'Ok'", () => {
    expect(scored.period).toBe("2026-Q2");
    expect(scored.reps.map((r) => r.rep).sort()).toEqual(["Neg", "Ok"]);
    const actual = (rep: string) => scored.reps.find((r) => r.rep === rep)!.kpis[rating].actual?.toString() ?? null;
    expect([actual("Neg"), actual("Ok")]).toEqual(["4.5", "4"]);
    expect(scored.reps.every((r) => r.kpis[rating].used)).toBe(true);
  });

  it("lists the case-only matches once per spelling and every row of nobody scored, with sheet and row", () => {
    expect(nameIssues(scored.issues)).toEqual([
      {
        sheet: "Ratings",
        row: 2,
        column: null,
        raw: "neg",
        action: "merged",
        reasonKey: "measureRepMatched",
        params: { name: "neg", rep: "Neg", rows: 1 },
      },
      {
        sheet: "Ratings",
        row: 6,
        column: null,
        raw: "gone",
        action: "merged",
        reasonKey: "measureRepMatched",
        params: { name: "gone", rep: "Gone", rows: 1 },
      },
      {
        sheet: "Ratings",
        row: 8,
        column: null,
        raw: "NEG",
        action: "merged",
        reasonKey: "measureRepMatched",
        params: { name: "NEG", rep: "Neg", rows: 1 },
      },
      {
        sheet: "Ratings",
        row: 5,
        column: null,
        raw: "Hidden Person",
        action: "ignored",
        reasonKey: "measureRepNotFound",
        params: { rep: "Hidden Person", period: "2026-Q2" },
      },
      {
        sheet: "Ratings",
        row: 6,
        column: null,
        raw: "Gone",
        action: "ignored",
        reasonKey: "measureRepNotScored",
        params: { rep: "Gone", period: "2026-Q2" },
      },
    ]);
    expect([...scored.repAliases]).toEqual([
      ["neg", "Neg"],
      ["gone", "Gone"],
      ["NEG", "Neg"],
    ]);
  });

  it.each([
    ["en", "measureRepNotFound", "Hidden Person: rep not found among the sales reps; this row is not used"],
    ["zh", "measureRepNotFound", "Hidden Person：在销售员中找不到此人；该行未使用"],
    ["en", "measureRepNotScored", "Gone: no sales in 2026-Q2, so not scored; this row is not used"],
    ["zh", "measureRepNotScored", "Gone：2026-Q2 内无销售记录，未评分；该行未使用"],
    ["en", "measureRepMatched", '"neg" matched the sales rep "Neg" (names compared ignoring case); 1 row(s)'],
    ["zh", "measureRepMatched", "“neg”已对应销售员“Neg”（姓名比较不区分大小写）；共 1 行"],
  ] as const)("%s %s reads: %s", (lang, key, text) => {
    const x = nameIssues(scored.issues).find((i) => i.reasonKey === key)!;
    expect(t(lang, x.reasonKey, x.params)).toBe(text);
  });

  it("the Data issues tab of the report shows them", () => {
    const report = buildReport(ingested, plan, { lang: "en" });
    const tab = report.sheets.find((s) => s.key === "issues")!;
    // The first six columns; the reconciliation block sits to their right.
    const rows = tab.rows.map((r) => (r ?? []).slice(0, 6).map((c) => c?.v ?? null));
    expect(rows).toContainEqual([
      "Ratings",
      5,
      null,
      "Hidden Person",
      "Ignored",
      "Hidden Person: rep not found among the sales reps; this row is not used",
    ]);
  });

  it("a plan that reads no measure sheet lists none of its rows", () => {
    const noRating = { ...plan, kpis: plan.kpis.filter((_, k) => k !== rating) };
    const weight = noRating.kpis.reduce((a, k) => a + k.weight, 0);
    noRating.kpis = noRating.kpis.map((k) => ({ ...k, weight: k.weight / weight }));
    expect(nameIssues(scorePeriod(ingested, noRating).issues)).toEqual([]);
  });
});

// t6a.xlsx: Targets names " carl " (sales: "Carl") → Carl's override, no phantom "carl" scored 0 and marked Top.
const t6a = (targets: RawCell[][]): RawSheet[] => [
  sheet("Sales", [
    ["Date", "Rep", "Amount", "New customer"],
    [serial("2026-04-05"), "Carl", 100, "yes"],
    [serial("2026-04-05"), "Dora", 200, "no"],
    [serial("2026-01-05"), "Carl", 100, "yes"],
    [serial("2026-01-05"), "Dora", 100, "yes"],
    [serial("2026-02-05"), "Eli", 100, "yes"],
  ]),
  sheet("Targets", [["Rep", "KPI", "Target"], ...targets]),
];

describe("Targets names find their sales rep (t6a: ' carl ' is Carl)", () => {
  it("Carl's override is applied; no rep 'carl'", () => {
    const { ingested, plan } = read(t6a([[" carl ", "revenue", 50]]));
    const scored = scorePeriod(ingested, plan);
    expect(scored.reps.map((r) => [r.rep, r.kpis[0].targetKind, r.kpis[0].target?.toString() ?? null])).toEqual([
      ["Carl", "override", "50"],
      ["Dora", "growth", "110"],
    ]);
    expect(nameIssues(scored.issues)).toEqual([
      {
        sheet: "Sales",
        row: null,
        column: null,
        raw: "carl",
        action: "merged",
        reasonKey: "targetRepMatched",
        params: { name: "carl", rep: "Carl" },
      },
    ]);
    expect(t("en", "targetRepMatched", { name: "carl", rep: "Carl" })).toBe(
      'Per-rep target for "carl" applied to the sales rep "Carl" (names compared ignoring case)',
    );
    expect(t("zh", "targetRepMatched", { name: "carl", rep: "Carl" })).toBe(
      "“carl”的个人目标已用于销售员“Carl”（姓名比较不区分大小写）",
    );
  });

  it("where both spellings set a KPI, the sales rep's own spelling wins (in either order)", () => {
    for (const rows of [
      [
        ["carl", "Revenue", 50],
        ["Carl", "Revenue", 70],
      ],
      [
        ["Carl", "Revenue", 70],
        ["CARL", "Revenue", 50],
      ],
    ]) {
      const { ingested, plan } = read(t6a(rows));
      const carl = scorePeriod(ingested, plan).reps.find((r) => r.rep === "Carl")!;
      expect(carl.kpis[0].target?.toString()).toBe("70");
    }
  });

  it("a rep named only on Targets is still scored (docs/reference/plan.md), and listed", () => {
    const { ingested, plan } = read(
      t6a([
        ["Olga", "Revenue", 1000],
        ["olga", "New customers", 5],
        ["eli", "Revenue", 10],
      ]),
    );
    const scored = scorePeriod(ingested, plan);
    expect(scored.reps.map((r) => r.rep).sort()).toEqual(["Carl", "Dora", "Eli", "Olga"]);
    const olga = scored.reps.find((r) => r.rep === "Olga")!;
    expect(olga.kpis.slice(0, 2).map((k) => k.target?.toString())).toEqual(["1000", "5"]);
    expect(nameIssues(scored.issues).map((x) => [x.raw, x.action, x.reasonKey, x.params])).toEqual([
      ["olga", "merged", "targetNamesMerged", { name: "olga", rep: "Olga" }],
      ["eli", "merged", "targetRepMatched", { name: "eli", rep: "Eli" }],
      ["Olga", "kept", "targetRepNotFound", { rep: "Olga", period: "2026-Q2" }],
      ["Eli", "kept", "targetRepNoSalesInPeriod", { rep: "Eli", period: "2026-Q2" }],
    ]);
    expect(t("en", "targetRepNotFound", { rep: "Olga" })).toBe(
      "Olga: named on Targets but not found among the sales reps; scored with no sales (check the spelling)",
    );
    expect(t("zh", "targetRepNoSalesInPeriod", { rep: "Eli", period: "2026-Q2" })).toBe(
      "Eli：列在目标表中，但 2026-Q2 内无销售记录；按无销售评分",
    );
  });

  it("a measure row of a rep named only on Targets belongs to that rep, ignoring case", () => {
    const plan = defaultPlan("en");
    const ing = ingestOf([{ rep: "Ann", date: "2026-04-02", amount: 100, behaviour: 4 }], { drop: ["behaviour"] });
    ing.measures = [
      { sheet: "Ratings", sheetRow: 2, rep: "olga", dateSerial: serial("2026-04-30"), values: { behaviour: 3 } },
    ];
    const scored = scorePeriod(ing, { ...plan, repTargets: { Olga: { Revenue: 10 } } });
    const olga = scored.reps.find((r) => r.rep === "Olga")!;
    expect(olga.kpis[3].actual?.toString()).toBe("3");
    expect(scored.reps.map((r) => r.rep).sort()).toEqual(["Ann", "Olga"]);
  });
});

describe("RepMatcher", () => {
  const rows = ingestOf([
    { rep: "Carl", date: "2026-04-01", amount: 1 },
    { rep: "CARL", date: "2026-04-01", amount: 1 },
    { rep: "Émile Zola", date: "2026-04-01", amount: 1 },
  ]).rows;
  const m = new RepMatcher(rows);
  it.each([
    ["Carl", "Carl"],
    ["CARL", "CARL"], // its own spelling first
    ["carl", "Carl"], // else the first spelling met in the sales rows
    ["émile zola", "Émile Zola"],
    ["Hidden Person", null],
  ])("%s → %s", (name, rep) => {
    expect(m.match(name)).toBe(rep);
  });
  it("repNameKey: trimmed, spaces collapsed, NFKC, lower case", () => {
    expect(repNameKey("  ＣＡＲＬ   Lee ")).toBe("carl lee");
  });
});
