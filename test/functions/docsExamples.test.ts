// Every worked example in the function reference (docs/en/functions, docs/zh/functions) runs
// through the PERF shells: the ```examples block at the end of each page is the source of truth.
import * as fs from "fs";
import * as path from "path";
import * as perf from "../../src/functions/functions";
import { call, installCustomFunctionsFake, setDisplayLanguage } from "./customFunctionsFake";

interface Example {
  call: string;
  args: unknown[];
  /** The exact decimal result, an Excel error ("#VALUE!"), or the spilled rows. */
  result: string | (string | number)[][];
  /** The error's message in the page's language, when it has one. */
  message?: string;
}

const root = path.resolve(__dirname, "../..");
const SHELLS: Record<string, (...args: never[]) => unknown> = {
  ATTAINMENT: perf.attainment,
  TIERED: perf.tiered,
  PAYCURVE: perf.paycurve,
  BONUS: perf.bonus,
  SCORE: perf.score,
  GROWTH: perf.growth,
  PRORATE: perf.prorate,
  RANK: perf.rank,
  TOGO: perf.togo,
  EXPLAIN: perf.explain,
};

function examplesOf(file: string): Example[] {
  const blocks = [...fs.readFileSync(file, "utf8").matchAll(/```examples\n([\s\S]*?)\n```/g)];
  if (blocks.length !== 1) throw new Error(`${file}: expected one examples block, found ${blocks.length}`);
  return JSON.parse(blocks[0][1]);
}

const pages = (["en", "zh"] as const).flatMap((lang) =>
  Object.keys(SHELLS).map((id) => ({
    lang,
    id,
    file: path.join(root, "docs", lang, "functions", `${id.toLowerCase()}.md`),
  })),
);

beforeAll(installCustomFunctionsFake);
afterEach(() => setDisplayLanguage(null));

describe.each(pages)("docs/$lang/functions: $id", ({ lang, id, file }) => {
  it("ends with its examples block", () => {
    const text = fs.readFileSync(file, "utf8").trimEnd();
    expect(text.endsWith("```")).toBe(true);
    expect(examplesOf(file).length).toBeGreaterThan(0);
    expect(text.split("\n")[0]).toBe(`# PERF.${id}`);
  });

  it("every example gives the documented result", () => {
    for (const ex of examplesOf(file)) {
      expect(ex.call.startsWith(`${id}(`)).toBe(true);
      setDisplayLanguage(lang === "zh" ? "zh-CN" : "en-US");
      const got = call(() => SHELLS[id](...(ex.args as never[])));
      const label = `${lang} ${ex.call}`;
      if (Array.isArray(ex.result)) {
        expect([label, got.value]).toEqual([label, ex.result]);
      } else if (ex.result.startsWith("#")) {
        expect([label, got.error, got.message]).toEqual([label, ex.result, ex.message ?? got.message]);
      } else {
        // The shell returns the double nearest the exact decimal result.
        expect([label, got.value]).toEqual([label, Number(ex.result)]);
      }
    }
  });
});

it("the English and Chinese pages show the same examples", () => {
  for (const id of Object.keys(SHELLS)) {
    const strip = (xs: Example[]) =>
      xs.map((x) => ({
        args: x.args,
        result: Array.isArray(x.result) ? x.result.slice(1).map((r) => r.slice(1)) : x.result,
      }));
    const en = examplesOf(path.join(root, "docs/en/functions", `${id.toLowerCase()}.md`));
    const zh = examplesOf(path.join(root, "docs/zh/functions", `${id.toLowerCase()}.md`));
    expect(strip(zh)).toEqual(strip(en));
  }
});
