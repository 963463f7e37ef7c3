// Every Chinese string a user meets, gathered in one place: the message catalogues of each layer and the command
// line's own messages, each with its English original, and the guide pages under docs/zh.
import * as fs from "fs";
import * as path from "path";
import { cliMessages } from "../../src/cli/messages";
import { cataloguesByLayer } from "../../src/i18n";

export interface ZhString {
  /** The catalogue: a layer of src/i18n, or "cli". */
  source: string;
  key: string;
  en: string;
  zh: string;
}

export function zhStrings(): ZhString[] {
  const sources: [string, { en: Record<string, string>; zh: Record<string, string> }][] = [
    ...Object.entries(cataloguesByLayer),
    ["cli", cliMessages],
  ];
  return sources.flatMap(([source, c]) =>
    Object.keys(c.en).map((key) => ({ source, key, en: c.en[key], zh: c.zh[key] ?? "" })),
  );
}

export const DOCS_ZH = path.join(__dirname, "..", "..", "docs", "zh");

/** The guide's Chinese pages, as paths relative to docs/zh with "/" separators. */
export function zhGuidePages(dir = DOCS_ZH): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) =>
      e.isDirectory()
        ? zhGuidePages(path.join(dir, e.name)).map((p) => `${e.name}/${p}`)
        : e.name.endsWith(".md")
          ? [e.name]
          : [],
    )
    .sort();
}
