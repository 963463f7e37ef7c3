// The bilingual user guide (docs/en, docs/zh): mirrored pages, links that resolve, a complete table of contents.
import * as fs from "fs";
import * as path from "path";
import { t } from "../../src/i18n";
import { sheetNames } from "../../src/report/buildReport";

const DOCS = path.join(__dirname, "..", "..", "docs");
const LANGS = ["en", "zh"] as const;
/** The PERF functions of docs/reference/functions.md; each has a page functions/<name>.md in both languages. */
const FUNCTIONS = [
  "attainment",
  "tiered",
  "paycurve",
  "bonus",
  "score",
  "growth",
  "prorate",
  "rank",
  "togo",
  "explain",
];
/** The guide pages (function pages are checked separately). */
const GUIDE_PAGES = [
  "cli.md",
  "coaching.md",
  "currencies.md",
  "cycle.md",
  "data-issues.md",
  "deploy.md",
  "getting-started.md",
  "index.md",
  "joiners-leavers.md",
  "leaders.md",
  "plan.md",
  "ranking.md",
  "sharing.md",
  "split-deals.md",
  "tabs.md",
  "troubleshooting.md",
  "what-if.md",
];

/** Markdown files under a folder, as paths relative to it with "/" separators. */
function pages(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? pages(path.join(dir, e.name)).map((p) => `${e.name}/${p}`)
        : e.name.endsWith(".md")
          ? [e.name]
          : [],
    )
    .sort();
}

/** Link targets of a page, code blocks and inline code left out (they show commands, not links). */
function links(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, "").replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]);
}

const isRelative = (target: string) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith("#");

const allPages = LANGS.flatMap((lang) => pages(path.join(DOCS, lang)).map((p) => ({ lang, page: p })));

describe("user guide", () => {
  it.each(LANGS)("%s has every guide page", (lang) => {
    const found = pages(path.join(DOCS, lang));
    for (const page of GUIDE_PAGES) expect(found).toContain(page);
  });

  it("every English page has a Chinese counterpart and vice versa", () => {
    expect(pages(path.join(DOCS, "zh"))).toEqual(pages(path.join(DOCS, "en")));
  });

  it.each(allPages.map((p) => [`${p.lang}/${p.page}`]))("%s: every relative link resolves to a file", (rel) => {
    const file = path.join(DOCS, rel);
    const missing = links(fs.readFileSync(file, "utf8"))
      .filter(isRelative)
      .map((target) => decodeURI(target.split("#")[0]))
      .filter((target) => target !== "" && !fs.existsSync(path.resolve(path.dirname(file), target)));
    expect(missing).toEqual([]);
  });

  it.each(GUIDE_PAGES)("%s links to the same pages in both languages", (page) => {
    // Cross-language links (../zh/x.md from en) and screenshots (x-en.png, x-zh.png) are compared with the language swapped.
    const normalise = (lang: string) =>
      links(fs.readFileSync(path.join(DOCS, lang, page), "utf8"))
        .filter(isRelative)
        .map((t) =>
          t
            .split("#")[0]
            .replace(/^\.\.\/(en|zh)\//, "../OTHER/")
            // A screenshot shows the page's own language: pane-whatif-en.png beside pane-whatif-zh.png.
            .replace(/-(en|zh)\.png$/, "-LANG.png"),
        )
        .sort();
    expect(normalise("zh")).toEqual(normalise("en"));
  });

  it.each(LANGS)("%s/index.md links every guide page and every function page", (lang) => {
    const targets = new Set(links(fs.readFileSync(path.join(DOCS, lang, "index.md"), "utf8")));
    for (const page of GUIDE_PAGES.filter((p) => p !== "index.md")) expect(targets).toContain(page);
    for (const name of FUNCTIONS) expect(targets).toContain(`functions/${name}.md`);
  });

  it.each(LANGS)("%s: every guide page links back to the index and to its other-language twin", (lang) => {
    const other = lang === "en" ? "zh" : "en";
    for (const page of GUIDE_PAGES) {
      const targets = links(fs.readFileSync(path.join(DOCS, lang, page), "utf8"));
      if (page !== "index.md") expect(targets).toContain("index.md");
      expect(targets).toContain(`../${other}/${page}`);
    }
  });

  it("Chinese pages are written in Chinese", () => {
    for (const page of GUIDE_PAGES) {
      const prose = fs
        .readFileSync(path.join(DOCS, "zh", page), "utf8")
        .replace(/^```[\s\S]*?^```/gm, "")
        .replace(/`[^`\n]*`/g, "");
      const han = (prose.match(/\p{Script=Han}/gu) ?? []).length;
      const latinWords = (prose.match(/[A-Za-z]{3,}/g) ?? []).length;
      expect({ page, mostlyChinese: han > latinWords * 2 }).toEqual({ page, mostlyChinese: true });
    }
  });

  it.each([
    // docs/reference/cli.md: the Scorecard header row, exactly, in each language.
    ["en", "tabs.md", "`Rep`, `Team`"],
    ["en", "tabs.md", "`<KPI> actual`, `<KPI> target`"],
    ["en", "tabs.md", "`Score`, `Rank`, `Status`, `Bonus`"],
    ["zh", "tabs.md", "`销售员`、`团队`"],
    ["zh", "tabs.md", "`实际<指标>`、`目标<指标>`、`<指标>达成率`"],
    ["zh", "tabs.md", "`综合得分`、`排名`、`状态`、`奖金`"],
    // docs/reference/plan.md default plan and docs/reference/cli.md exit codes, as users rely on them.
    ["en", "plan.md", '"weight": 0.40, "cap": 1.5'],
    ["zh", "plan.md", '"weight": 0.40, "cap": 1.5'],
    ["en", "cli.md", "| 2 |"],
    ["zh", "cli.md", "| 2 |"],
  ])("%s/%s states %s", (lang, page, text) => {
    expect(fs.readFileSync(path.join(DOCS, lang, page), "utf8")).toContain(text);
  });
});

/** The report's tab names in report order, as the catalogue spells them (the data copy has no tab of its own). */
const tabNames = (lang: (typeof LANGS)[number]): string[] => Object.values(sheetNames(lang)).filter((n) => n !== "");

/**
 * Lists of tabs in prose ("Summary, Scorecard, Ranking … and Plan", "总览、绩效评分、排名……"): every run of names
 * that holds "Scorecard, Ranking" / "绩效评分、排名", its items as written (a trailing "tabs" / "八个工作表" left off).
 */
function tabLists(markdown: string, lang: (typeof LANGS)[number]): string[][] {
  const prose = markdown.replace(/`[^`\n]*`/g, "").replace(/\s+/g, " ");
  if (lang === "en") {
    const item = "[A-Z][a-z]+(?: [a-z]+)?";
    return [...prose.matchAll(new RegExp(`${item}(?:(?:, and |, | and )${item})+`, "g"))]
      .map((m) => m[0].split(/, and |, | and /).map((x) => x.replace(/ tabs?$/, "")))
      .filter((items) => items.join(",").includes("Scorecard,Ranking"));
  }
  return [...prose.matchAll(/\p{Script=Han}+(?:、\p{Script=Han}+)+/gu)]
    .map((m) => m[0].split("、").map((x) => x.replace(/[一二三四五六七八九十]个工作表$/, "")))
    .filter((items) => items.join(",").includes("绩效评分,排名"));
}

describe("the guide names the report's tabs as the report does (src/i18n catalogues)", () => {
  it.each(LANGS)("%s/tabs.md has one section per tab, in report order, named in both languages", (lang) => {
    const other = lang === "en" ? "zh" : "en";
    const headings = [...fs.readFileSync(path.join(DOCS, lang, "tabs.md"), "utf8").matchAll(/^## (.+ · .+)$/gm)];
    const expected = tabNames(lang).map((name, i) => `${name} · ${tabNames(other)[i]}`);
    expect(headings.map((m) => m[1])).toEqual(expected);
  });

  it.each(LANGS)("%s/tabs.md's table lists every tab, in report order", (lang) => {
    const other = lang === "en" ? "zh" : "en";
    const rows = [...fs.readFileSync(path.join(DOCS, lang, "tabs.md"), "utf8").matchAll(/^\| ([^|]+) \| ([^|]+) \|/gm)]
      .map((m) => [m[1], m[2]])
      .filter(([a]) => tabNames(lang).includes(a));
    expect(rows).toEqual(tabNames(lang).map((name, i) => [name, tabNames(other)[i]]));
  });

  const prose = [
    ...LANGS.flatMap((lang) => GUIDE_PAGES.map((page) => [`${lang}/${page}`, lang] as const)),
    ...LANGS.map((lang) => ["../README.md", lang] as const),
  ];
  it.each(prose)("%s: a list of tabs names only the report's tabs, in report order (%s)", (rel, lang) => {
    const names = tabNames(lang);
    const lists = tabLists(fs.readFileSync(path.join(DOCS, rel), "utf8"), lang);
    for (const items of lists) {
      expect(items.filter((x) => !names.includes(x))).toEqual([]);
      expect(items).toEqual(names.filter((x) => items.includes(x)));
    }
  });

  it.each([
    ["en", (labels: string[]) => `${labels.slice(0, -1).join(", ")} and ${labels[labels.length - 1]}`],
    ["zh", (labels: string[]) => labels.join("、")],
  ] as const)("%s/getting-started.md names the pane's tabs as the pane does, in its order", (lang, list) => {
    const labels = ["data", "plan", "generate", "share", "whatIf"].map((k) => `**${t(lang, `ui.section.${k}`)}**`);
    expect(fs.readFileSync(path.join(DOCS, lang, "getting-started.md"), "utf8")).toContain(list(labels));
  });

  it.each(LANGS)("README's table of tabs is the report's, in both languages (%s)", () => {
    const rows = [
      ...fs.readFileSync(path.join(DOCS, "..", "README.md"), "utf8").matchAll(/^\| (\S[^|·]*) · ([^|]+) \|/gm),
    ]
      .map((m) => [m[1].trim(), m[2].trim()])
      .filter(([en]) => tabNames("en").includes(en));
    expect(rows).toEqual(tabNames("en").map((name, i) => [name, tabNames("zh")[i]]));
  });
});
