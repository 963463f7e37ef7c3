/**
 * `salesperf statements` (docs/reference/statements.md, cli.md): no other rep's name or number anywhere in a statement's package (every
 * part: sheets, shared strings, tables, docProps, rels), the numbers in the files equal the report's, exit codes,
 * file names, --lang zh.
 */
import * as ExcelJS from "exceljs";
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { runStatements } from "../../src/cli/statementsCommand";
import { ingest } from "../../src/ingest/index";
import type { IngestResult, RawSheet } from "../../src/ingest/types";
import { defaultPlan, normaliseRepName } from "../../src/plan/index";
import { readXlsx } from "../../src/render/xlsx/readXlsx";
import { scorePeriod, type ScoredPeriod } from "../../src/report/score";
import { runCli, sha256, tempDir } from "../cli/cliHelpers";
import { SAMPLES } from "../samples";

const EN = path.join(SAMPLES, "sales-en.xlsx");
const ZH = path.join(SAMPLES, "sales-zh.xlsx");

let dir: string;
beforeAll(() => {
  dir = tempDir("statements");
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Every part of the package as text (xml, rels, docProps, sharedStrings, tables, charts if any). */
async function parts(file: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const out = new Map<string, string>();
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name].dir) out.set(name, await zip.files[name].async("string"));
  }
  return out;
}

const xmlEscape = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");

/** Where `needle` occurs in any part, as "part: …context…" (case-insensitive for names). */
function hits(all: Map<string, string>, needle: RegExp): string[] {
  const out: string[] = [];
  for (const [name, text] of all) {
    for (const m of text.matchAll(needle)) {
      out.push(`${name}: …${text.slice(Math.max(0, m.index! - 40), m.index! + m[0].length + 40)}…`);
      if (out.length > 5) return out;
    }
  }
  return out;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** An amount as stored in the XML: its shortest decimal string, not inside a longer number, hex colour or GUID. */
const numberRe = (s: string): RegExp => new RegExp(`(?<![0-9A-Za-z.])${escapeRe(s)}(?![0-9A-Za-z]|\\.[0-9])`, "g");

/** The parts of a package with no data in them: exceljs's constant Office theme, checked to be the same bytes
 * as in an empty workbook (so skipping it in the number search cannot hide a leak). */
let emptyTheme: string | undefined;
async function dataParts(file: string): Promise<Map<string, string>> {
  if (emptyTheme === undefined) {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("x");
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    emptyTheme = await zip.file("xl/theme/theme1.xml")!.async("string");
  }
  const all = await parts(file);
  expect(all.get("xl/theme/theme1.xml")).toBe(emptyTheme);
  all.delete("xl/theme/theme1.xml");
  return all;
}

interface Sample {
  sheets: RawSheet[];
  ingested: IngestResult;
  scored: ScoredPeriod;
  /** Normalised rep → every spelling of the name in the input's rep column. */
  spellings: Map<string, Set<string>>;
}

async function sample(file: string, lang: "en" | "zh"): Promise<Sample> {
  const sheets = await readXlsx(file);
  const ingested = ingest(sheets) as IngestResult;
  const scored = scorePeriod(ingested, defaultPlan(lang));
  const sales = sheets.find((s) => s.name === ingested.mapping.sheet)!;
  const col = ingested.mapping.columns.rep! - (sales.firstCol ?? 0);
  const spellings = new Map<string, Set<string>>();
  // Data rows only: the header cell ("Sales Rep", "销售员") is not a name.
  const firstData = ingested.mapping.headerRow + 1 - (sales.firstRow ?? 1);
  for (const row of sales.values.slice(firstData)) {
    const v = row[col];
    if (typeof v !== "string" || normaliseRepName(v) === "") continue;
    const rep = normaliseRepName(v);
    const set = spellings.get(rep) ?? new Set<string>();
    set.add(v);
    set.add(v.trim());
    spellings.set(rep, set);
  }
  return { sheets, ingested, scored, spellings };
}

describe.each([
  ["sales-en.xlsx", EN, "en" as const],
  ["sales-zh.xlsx", ZH, "zh" as const],
])("statements of %s", (_name, input, lang) => {
  let out: string;
  let s: Sample;
  let written: string[];
  beforeAll(async () => {
    out = path.join(dir, `out-${lang}`);
    s = await sample(input, lang);
    const r = await runCli("statements", input, "-o", out, "--lang", lang);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    written = fs.readdirSync(out).sort();
  });

  it("writes one file per scored rep, named after the rep, and says so", async () => {
    expect(written).toEqual(s.scored.reps.map((r) => `${r.rep}.xlsx`).sort());
    const again = await runCli("statements", input, "-o", out, "--lang", lang);
    // docs/reference/cli.md: the summary names the rows used and excluded, as `report`'s does.
    const n = s.scored.reps.length;
    const { rowsUsed: used, rowsExcluded: excluded } = s.ingested.reconciliation;
    const summary =
      lang === "en"
        ? `${n} statements for 2026-Q2: ${used} rows used, ${excluded} rows excluded → ${out}\n`
        : `已写入 ${n} 份个人报表（2026-Q2）：使用 ${used} 行，排除 ${excluded} 行 → ${out}\n`;
    expect(again).toEqual({ code: 0, out: summary, err: "" });
  });

  it("the summary line's counts are the sample's (docs/reference/cli.md)", () => {
    const expected = lang === "en" ? [10, 2080, 4] : [12, 2793, 6];
    const r = s.ingested.reconciliation;
    expect([s.scored.reps.length, r.rowsUsed, r.rowsExcluded]).toEqual(expected);
  });

  it("no part of a statement holds another rep's name, in any spelling; the rep's own name is there", async () => {
    for (const rep of s.scored.reps.map((r) => r.rep)) {
      const all = await parts(path.join(out, `${rep}.xlsx`));
      expect(all.size).toBeGreaterThanOrEqual(10);
      expect(hits(all, new RegExp(escapeRe(xmlEscape(rep)), "g")).length).toBeGreaterThan(0);
      for (const [other, spellings] of s.spellings) {
        if (other === rep) continue;
        for (const name of new Set([other, ...spellings, other.toUpperCase(), other.toLowerCase()])) {
          expect({ rep, other: name, hits: hits(all, new RegExp(escapeRe(xmlEscape(name)), "gi")) }).toEqual({
            rep,
            other: name,
            hits: [],
          });
        }
      }
    }
  });

  it("no part holds an amount found only in other reps' rows of the period, nor their totals, scores or bonuses", async () => {
    const { startSerial, endSerial } = s.scored.range;
    const inPeriod = s.ingested.rows.filter((r) => r.dateSerial >= startSerial && r.dateSerial <= endSerial);
    let searched = 0;
    for (const me of s.scored.reps) {
      const mine = new Set(s.ingested.rows.filter((r) => r.rep === me.rep).map((r) => String(r.amount)));
      // My own figures (my KPI values, targets, score, bonus) may coincide with another rep's amount: not a leak.
      const myFigures = new Set(
        [...me.kpis.flatMap((k) => [k.actual, k.target, k.prior, k.attainment]), me.score, me.factor, me.payout]
          .filter((d) => d !== null)
          .map((d) => String(d!.toNumber())),
      );
      // The Plan tab is on every statement: its numbers (target bonus, targets, weights …) are the rules, not data.
      const plan = defaultPlan(lang);
      for (const k of plan.kpis) {
        for (const x of [k.weight, k.cap, k.target.kind === "growth" ? k.target.rate : k.target.value]) {
          if (x !== null) myFigures.add(String(x));
        }
      }
      const b = plan.bonus;
      for (const x of [b.targetBonus, b.threshold, b.cap, ...(b.curve ?? []).flat(), plan.ranking.top]) {
        if (x !== null) myFigures.add(String(x));
      }
      const theirs = new Set<string>();
      for (const r of inPeriod) if (r.rep !== me.rep) theirs.add(String(r.amount));
      for (const other of s.scored.reps.filter((o) => o.rep !== me.rep)) {
        theirs.add(String(other.score.toNumber()));
        if (!other.payout.isZero()) theirs.add(String(other.payout.toNumber()));
        if (other.kpis[0].actual) theirs.add(String(other.kpis[0].actual.toNumber()));
      }
      const only = [...theirs].filter((a) => !mine.has(a) && !myFigures.has(a));
      const all = await dataParts(path.join(out, `${me.rep}.xlsx`));
      for (const amount of only) {
        expect({ rep: me.rep, amount, hits: hits(all, numberRe(amount)) }).toEqual({ rep: me.rep, amount, hits: [] });
      }
      searched += only.length;
    }
    expect(searched).toBeGreaterThan(s.scored.reps.length * 50);
  });

  it("no hidden sheets, defined names but print settings, comments, pivot caches or external links", async () => {
    for (const file of written) {
      const all = await parts(path.join(out, file));
      const names = [...all.keys()];
      expect(names.filter((n) => /comments|pivot|externalLink|vmlDrawing|customXml/i.test(n))).toEqual([]);
      const workbook = all.get("xl/workbook.xml")!;
      expect(workbook).not.toMatch(/state="(hidden|veryHidden)"/);
      // Only the print settings Excel itself keeps as names (the print area and the repeated header rows of a sheet,
      // pointing into that same sheet); no name that could carry data from elsewhere.
      const sheetNames = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]+)"/g)].map((m) => m[1]);
      const definedNames = [...workbook.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)];
      for (const [, attrs, ref] of definedNames) {
        const name = /name="([^"]+)"/.exec(attrs)?.[1];
        const sheet = Number(/localSheetId="(\d+)"/.exec(attrs)?.[1]);
        expect({ file, name }).toEqual({ file, name: expect.stringMatching(/^_xlnm\.(Print_Area|Print_Titles)$/) });
        const quoted = sheetNames[sheet].replace(/'/g, "&apos;&apos;");
        for (const part of ref.split(","))
          expect({ file, part }).toEqual({ file, part: expect.stringContaining(`&apos;${quoted}&apos;!`) });
      }
    }
  });

  it("the numbers in each file equal the report's: score, attainments, rank, status, bonus", async () => {
    const K = defaultPlan(lang).kpis.length;
    for (const r of s.scored.reps) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, `${r.rep}.xlsx`));
      const line = wb.worksheets[0].getRow(2);
      const cached = (c: number): unknown => {
        // exceljs cells, not Office.js proxies: nothing to load.
        // eslint-disable-next-line office-addins/load-object-before-read
        const v = line.getCell(c + 1).value;
        return v !== null && typeof v === "object" && "formula" in v ? v.result : v;
      };
      expect(cached(0)).toBe(r.rep);
      r.kpis.forEach((k, i) => expect(cached(4 + 3 * i) ?? null).toBe(k.attainment?.toNumber() ?? null));
      expect(cached(2 + 3 * K)).toBe(r.score.toNumber());
      expect(cached(3 + 3 * K)).toBe(r.rank);
      const status = { top: lang === "en" ? "Top" : "优秀", coaching: lang === "en" ? "Coaching" : "待辅导" };
      expect(cached(4 + 3 * K) ?? "").toBe(r.status === null ? "" : status[r.status]);
      expect(cached(5 + 3 * K)).toBe(r.payout.toNumber());
    }
  });

  it("tabs and headers follow --lang", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(out, written[0]));
    const names = wb.worksheets.map((w) => w.name);
    const header = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1);
    if (lang === "en") {
      expect(names).toEqual(["Scorecard", "Bonus", "My sales", "Data issues", "Plan"]);
      expect(header.slice(0, 3)).toEqual(["Rep", "Team", "Revenue actual"]);
      expect(header.slice(-4)).toEqual(["Score", "Rank", "Status", "Bonus"]);
    } else {
      expect(names).toEqual(["绩效评分", "奖金", "我的销售", "数据问题", "考核方案"]);
      expect(header.slice(0, 3)).toEqual(["销售员", "团队", "实际销售额"]);
      expect(header.slice(-4)).toEqual(["综合得分", "排名", "状态", "奖金"]);
    }
  });

  it("My sales shows every column of the rep's rows: Product as in the input row (no KPI reads it)", async () => {
    const product = lang === "en" ? "Product" : "产品";
    const input = s.sheets.find((x) => x.name === s.ingested.mapping.sheet)!;
    const inputCol = s.ingested.mapping.headers.find((h) => h.header === product)!.col - (input.firstCol ?? 0);
    for (const rep of s.scored.reps) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, `${rep.rep}.xlsx`));
      const ws = wb.worksheets[2];
      const at = (ws.getRow(1).values as unknown[]).indexOf(product);
      expect([rep.rep, at > 1]).toEqual([rep.rep, true]);
      const seen: [unknown, unknown][] = [];
      const want: [unknown, unknown][] = [];
      ws.eachRow((row, i) => {
        // exceljs cells, not Office.js proxies: nothing to load.

        const [sheetRow, value] = [row.getCell(1).value, row.getCell(at).value];
        if (i === 1 || typeof sheetRow !== "number") return; // header, total and note rows
        seen.push([sheetRow, value]);
        want.push([sheetRow, input.values[sheetRow - (input.firstRow ?? 1)][inputCol]]);
      });
      expect(seen.length).toBe(rep.rows);
      expect(seen.every(([, v]) => typeof v === "string" && v.length > 0)).toBe(true);
      expect(seen).toEqual(want);
    }
  });
});

/** A small sales workbook: header row + rows of [rep, date, amount]. */
async function writeInput(file: string, rows: (string | number | Date | null)[][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Sales");
  ws.addRow(["Rep", "Date", "Amount", "Customer"]);
  for (const r of rows) ws.addRow(r);
  const p = path.join(dir, file);
  await wb.xlsx.writeFile(p);
  return p;
}

describe("file names", () => {
  it("two reps whose names map to the same file get two files, each holding only its rep", async () => {
    const input = await writeInput("clash.xlsx", [
      ["Ann/Lee", new Date(Date.UTC(2026, 3, 2)), 1234.5, '=HYPERLINK("x")'],
      ["Ann:Lee", new Date(Date.UTC(2026, 3, 3)), 9876.25, "Beta"],
      ["Con", new Date(Date.UTC(2026, 3, 4)), 4321, "Gamma"],
    ]);
    const out = path.join(dir, "clash-out", "nested");
    const r = await runCli("statements", input, "-o", out);
    expect(r).toEqual({
      code: 0,
      out: `3 statements for 2026-Q2: 3 rows used, 0 rows excluded → ${out}\n`,
      err: "",
    });
    expect(fs.readdirSync(out).sort()).toEqual(["Ann_Lee (2).xlsx", "Ann_Lee.xlsx", "Con_.xlsx"]);
    const byFile = new Map<string, Map<string, string>>();
    for (const f of fs.readdirSync(out)) byFile.set(f, await parts(path.join(out, f)));
    const owner = (all: Map<string, string>): string[] =>
      ["Ann/Lee", "Ann:Lee"].filter((n) => hits(all, new RegExp(escapeRe(n), "g")).length > 0);
    const ann1 = byFile.get("Ann_Lee.xlsx")!;
    const ann2 = byFile.get("Ann_Lee (2).xlsx")!;
    expect([owner(ann1), owner(ann2)].flat().sort()).toEqual(["Ann/Lee", "Ann:Lee"]);
    expect(owner(ann1)).toHaveLength(1);
    const amountOf = { "Ann/Lee": "1234.5", "Ann:Lee": "9876.25" } as Record<string, string>;
    for (const all of [ann1, ann2]) {
      const [me] = owner(all);
      const other = me === "Ann/Lee" ? "Ann:Lee" : "Ann/Lee";
      expect(hits(all, numberRe(amountOf[me])).length).toBeGreaterThan(0);
      expect(hits(all, numberRe(amountOf[other]))).toEqual([]);
      expect(hits(all, numberRe("4321"))).toEqual([]);
      expect(hits(all, /Con\b/g)).toEqual([]);
    }
    // The customer text that looks like a formula stays text (docs/reference/tabs.md).
    const sheetWithRows = [...ann1.values(), ...ann2.values()].join("");
    expect(sheetWithRows).not.toMatch(/<f>HYPERLINK/);
  });

  it("a statement never takes the name of the input when both are in the same folder", async () => {
    const folder = path.join(dir, "same");
    fs.mkdirSync(folder);
    const input = path.join(folder, "Bea.xlsx");
    fs.copyFileSync(await writeInput("bea-src.xlsx", [["Bea", new Date(Date.UTC(2026, 3, 2)), 100, "C"]]), input);
    const before = sha256(input);
    const r = await runCli("statements", input, "-o", folder);
    expect(r.code).toBe(0);
    expect(sha256(input)).toBe(before);
    expect(fs.readdirSync(folder).sort()).toEqual(["Bea (2).xlsx", "Bea.xlsx"]);
  });
});

describe("per-rep targets (Targets sheet)", () => {
  it("each statement holds its own target only; a rep named only on Targets gets a statement too", async () => {
    const wb = new ExcelJS.Workbook();
    const sales = wb.addWorksheet("Sales");
    sales.addRow(["Rep", "Date", "Amount"]);
    sales.addRow(["Ann", new Date(Date.UTC(2026, 3, 2)), 5100.5]);
    sales.addRow(["Bo", new Date(Date.UTC(2026, 3, 9)), 6200.25]);
    const targets = wb.addWorksheet("Targets");
    targets.addRow(["Rep", "KPI", "Target"]);
    targets.addRow(["Ann", "Revenue", 777001]);
    targets.addRow(["Bo", "Revenue", 888002]);
    targets.addRow(["Cy", "Revenue", 999003]);
    const input = path.join(dir, "targets.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "targets-out");
    const r = await runCli("statements", input, "-o", out);
    expect(r).toEqual({
      code: 0,
      out: `3 statements for 2026-Q2: 2 rows used, 0 rows excluded → ${out}\n`,
      err: "",
    });
    const own: Record<string, string[]> = {
      Ann: ["777001", "5100.5"],
      Bo: ["888002", "6200.25"],
      Cy: ["999003"],
    };
    for (const rep of Object.keys(own)) {
      const all = await dataParts(path.join(out, `${rep}.xlsx`));
      for (const [other, figures] of Object.entries(own)) {
        for (const figure of figures) {
          const found = hits(all, numberRe(figure)).length > 0;
          expect([rep, figure, found]).toEqual([rep, figure, other === rep]);
        }
        if (other !== rep) expect(hits(all, new RegExp(`>${other}<|${other}[,:：，]`, "g"))).toEqual([]);
      }
    }
  });
});

describe("exit codes (docs/reference/cli.md: 0 written, 1 usage, 2 cannot be scored) — nothing written on failure", () => {
  it.each([
    // (commander's own usage errors also exit 1)
    ["missing input", 1, () => ["statements", path.join(dir, "nope.xlsx"), "-o", path.join(dir, "x1")], /not found/],
    ["-o is a file", 1, () => ["statements", EN, "-o", EN], /input file/],
    ["bad --period", 1, () => ["statements", EN, "-o", path.join(dir, "x2"), "--period", "Q2"], /2026-Q1/],
    ["bad --lang", 1, () => ["statements", EN, "-o", path.join(dir, "x3"), "--lang", "fr"], /en" or "zh/],
    ["no -o", 1, () => ["statements", EN], /--output/],
  ])("%s → %i", async (_what, code, args, message) => {
    const r = await runCli(...args());
    expect(r.code).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
    expect(fs.existsSync(path.join(dir, "x1")) || fs.existsSync(path.join(dir, "x2"))).toBe(false);
  });

  it("-o naming another existing file → 1", async () => {
    const file = path.join(dir, "a-file.txt");
    fs.writeFileSync(file, "x");
    const r = await runCli("statements", EN, "-o", file);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`-o ${file} is a file; give a folder to write the statements to`);
  });

  it("an input that is not a workbook → 2", async () => {
    const bad = path.join(dir, "bad.xlsx");
    fs.writeFileSync(bad, "not a zip");
    const out = path.join(dir, "x4");
    const r = await runCli("statements", bad, "-o", out);
    expect(r.code).toBe(2);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("no sales table → 2 with a hint", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Notes").addRow(["hello", "world"]);
    const input = path.join(dir, "notes.xlsx");
    await wb.xlsx.writeFile(input);
    const out = path.join(dir, "x5");
    const r = await runCli("statements", input, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/cannot be scored/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("an invalid plan → 2 naming the JSON path", async () => {
    const plan = path.join(dir, "plan.json");
    fs.writeFileSync(plan, JSON.stringify({ kpis: [{ name: "Revenue", field: "amount", target: 1, weight: 0.9 }] }));
    const out = path.join(dir, "x6");
    const r = await runCli("statements", EN, "-o", out, "--plan", plan);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/kpis/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("a period with no sales → 2 naming the data's dates", async () => {
    const out = path.join(dir, "x7");
    const r = await runCli("statements", EN, "-o", out, "--period", "2019-Q1");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no sales in 2019-Q1/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it("--period picks the scored period; the input is never written to", async () => {
    const before = sha256(EN);
    const out = path.join(dir, "x8");
    const r = await runStatements({ input: EN, output: out, lang: "en", period: "2026-Q1" });
    expect(r.code).toBe(0);
    expect(r.files.length).toBeGreaterThan(0);
    expect(sha256(EN)).toBe(before);
    const notes = await Promise.all(
      r.files.map(async (file) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.readFile(file);
        return String(wb.worksheets[0].getRow(4).getCell(1).value);
      }),
    );
    expect(notes.every((note) => /^Rank \d+ of \d+ reps in 2026-Q1$/.test(note))).toBe(true);
    expect(notes.filter((note) => note.startsWith("Rank 1 of"))).toHaveLength(1);
  });
});
