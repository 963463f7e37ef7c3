// What Excel sees (docs/reference/functions.md): the JSDoc of src/functions/functions.ts as the metadata plugin reads
// it, checked against the argument specs the shells coerce with, and the zh-CN translations.
import * as fs from "fs";
import * as path from "path";
import type { ArgSpec } from "../../src/functions/args";
import { ARGS } from "../../src/functions/functions";

const { generateCustomFunctionsMetadata } = require("custom-functions-metadata/lib/generate");

interface ParamMeta {
  name: string;
  type?: string;
  dimensionality?: string;
  optional?: boolean;
  repeating?: boolean;
  description?: string;
}
interface FunctionMeta {
  id: string;
  name: string;
  description: string;
  helpUrl: string;
  parameters: ParamMeta[];
  result: { type?: string; dimensionality?: string };
}

const root = path.resolve(__dirname, "../..");
const IDS = ["ATTAINMENT", "TIERED", "PAYCURVE", "BONUS", "SCORE", "GROWTH", "PRORATE", "RANK", "TOGO", "EXPLAIN"];
let functions: FunctionMeta[] = [];

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(path.join(root, "src/functions/functions.ts"));
  expect(result.errors).toEqual([]);
  functions = JSON.parse(result.metadataJson).functions;
});

describe("custom functions metadata", () => {
  it("declares the ten PERF functions", () => {
    expect(functions.map((f) => f.id)).toEqual(IDS);
    expect(Object.keys(ARGS)).toEqual(IDS);
  });

  it.each(IDS)("%s: parameters match its argument spec, none repeating, each described", (id) => {
    const f = functions.find((x) => x.id === id)!;
    const spec: readonly ArgSpec[] = ARGS[id as keyof typeof ARGS];
    expect(f.parameters.map((p) => p.name)).toEqual(spec.map((s) => s.name));
    for (const [i, p] of f.parameters.entries()) {
      expect(p.repeating).toBeUndefined();
      expect(p.description).toBeTruthy();
      const s = spec[i];
      // Excel's brackets: optional in Excel exactly where a blank means a default — except
      // PRORATE's start and end, which the reference lists as plain arguments that may be left blank.
      const blankable = id === "PRORATE" && (s.name === "start" || s.name === "end");
      expect(Boolean(p.optional)).toBe(Boolean(s.optional) && !blankable);
      const isRange = s.type === "table2" || s.type === "grid" || s.type === "gridOrBlank" || s.type === "numbers";
      expect(p.dimensionality === "matrix").toBe(isRange);
    }
  });

  it("has a one-line description and a help page per function", () => {
    for (const f of functions) {
      expect(f.description).toMatch(/^[^\n]+$/);
      expect(f.helpUrl).toBe(`https://localhost:3000/docs/en/functions/${f.id.toLowerCase()}.html`);
      expect(fs.existsSync(path.join(root, "docs/en/functions", `${f.id.toLowerCase()}.md`))).toBe(true);
      expect(fs.existsSync(path.join(root, "docs/zh/functions", `${f.id.toLowerCase()}.md`))).toBe(true);
    }
  });

  it("returns numbers, except EXPLAIN which spills", () => {
    for (const f of functions) {
      if (f.id === "EXPLAIN") expect(f.result).toEqual({ dimensionality: "matrix" });
      else expect(f.result).toEqual({ type: "number" });
    }
  });

  it("has a zh-CN name, description and every parameter's description for each id", () => {
    const zh = JSON.parse(fs.readFileSync(path.join(root, "src/functions/zh-cn.json"), "utf8"));
    expect(Object.keys(zh).sort()).toEqual([...IDS].sort());
    const names = new Set<string>();
    for (const f of functions) {
      const t = zh[f.id];
      expect(t.name).toMatch(/^\p{L}[\p{L}\p{N}._]{2,}$/u);
      expect(names.has(t.name)).toBe(false);
      names.add(t.name);
      expect(t.description).toMatch(/[\u4e00-\u9fff]/);
      expect(Object.keys(t.parameters)).toEqual(f.parameters.map((p) => p.name));
    }
  });
});
