// The whole Chinese text in one place for a native reviewer: docs/reference/zh-catalogue.md lists every zh string
// beside its English original. The file must match the catalogues, so the reviewer always reads the current text;
// after changing a string, regenerate it with `UPDATE_ZH_CATALOGUE=1 npx jest test/i18n/zhCatalogue.test.ts`.
import * as fs from "fs";
import * as path from "path";
import { choiceList } from "../../src/plan/vocab";
import { type ZhString, zhStrings } from "./zhText";

const FILE = path.join(__dirname, "..", "..", "docs", "reference", "zh-catalogue.md");

const cell = (text: string) => text.replace(/\\/g, "\\\\").replace(/\|/g, "\\|").replace(/\n/g, "<br>");

/** Chinese has only the plural category "other" (src/i18n plural): `key.one` needs no zh text. */
const isPluralOnlyInEnglish = (s: ZhString) => s.zh === "" && /\.(zero|one|two|few|many)$/.test(s.key);

const CHOICE_KINDS = ["period", "aggregate", "direction", "group", "targetKind"] as const;

function catalogueMarkdown(): string {
  const strings = zhStrings();
  const sources = [...new Set(strings.map((s) => s.source))];
  const lines = [
    "# Chinese text · 中文文案",
    "",
    "Every Chinese string SalesPerf shows, beside its English original, for a native reader's review. Generated",
    "from the catalogues (src/i18n/catalogues, src/cli/messages.ts) by test/i18n/zhCatalogue.test.ts, which fails",
    "when this file is stale. Terms follow [terms.md](terms.md); `{name}` is filled in at run time.",
    "",
  ];
  for (const source of sources) {
    lines.push(`## ${source}`, "", "| key | English | 中文 |", "|---|---|---|");
    for (const s of strings.filter((x) => x.source === source)) {
      lines.push(`| ${cell(s.key)} | ${cell(s.en)} | ${isPluralOnlyInEnglish(s) ? "— (uses .other)" : cell(s.zh)} |`);
    }
    lines.push("");
  }
  lines.push("## Plan sheet words", "", "| choice | English | 中文 |", "|---|---|---|");
  for (const kind of CHOICE_KINDS)
    lines.push(`| ${kind} | ${cell(choiceList(kind, "en"))} | ${cell(choiceList(kind, "zh"))} |`);
  lines.push("");
  return lines.join("\n");
}

describe("the zh catalogue for review (docs/reference/zh-catalogue.md)", () => {
  const expected = catalogueMarkdown();
  if (process.env.UPDATE_ZH_CATALOGUE === "1") fs.writeFileSync(FILE, expected);

  it("lists every zh string and is current", () => {
    const actual = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "";
    const listed = new Set(actual.split("\n"));
    const notListed = expected.split("\n").filter((line) => !listed.has(line));
    if (actual !== expected) {
      throw new Error(
        "docs/reference/zh-catalogue.md is stale; regenerate it with " +
          "UPDATE_ZH_CATALOGUE=1 npx jest test/i18n/zhCatalogue.test.ts\nNot listed yet:\n" +
          notListed.slice(0, 20).join("\n"),
      );
    }
  });

  it("has a Chinese text for every English message", () => {
    const missing = zhStrings()
      .filter((s) => s.zh.trim() === "" && !isPluralOnlyInEnglish(s))
      .map((s) => `${s.source}.${s.key}`);
    expect(missing).toEqual([]);
  });
});
