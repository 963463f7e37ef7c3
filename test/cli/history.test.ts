/** `salesperf close` and `report --history` refusing what they must (docs/reference/cli.md, history.md). */
import * as fs from "fs";
import * as path from "path";
import JSZip from "jszip";
import { runClose } from "../../src/cli/closeCommand";
import { SAMPLES, runCli, sha256, tempDir } from "./cliHelpers";

const EN = path.join(SAMPLES, "sales-en.xlsx");
const ZH = path.join(SAMPLES, "sales-zh.xlsx");
let dir: string;
const file = (name: string): string => path.join(dir, name);
beforeAll(() => {
  dir = tempDir("history");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The report with one inline string of its History sheet replaced (a hand edit). */
async function editHistory(from: string, to: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(fs.readFileSync(from));
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const sheets = [...workbook.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)].map((m) => m[1]);
  const index = sheets.findIndex((n) => n === "Pay history" || n === "历史记录");
  const part = `xl/worksheets/sheet${index + 1}.xml`;
  zip.file(part, edit(await zip.file(part)!.async("string")));
  fs.writeFileSync(to, await zip.generateAsync({ type: "nodebuffer" }));
}

describe("close", () => {
  it("records the close time it is given, in a zh report with zh messages", async () => {
    expect((await runCli("report", ZH, "--lang", "zh", "-o", file("zh.xlsx"))).code).toBe(0);
    const result = await runClose({ report: file("zh.xlsx"), lang: "zh", now: () => new Date("2026-07-01T02:03:04Z") });
    expect(result.code).toBe(0);
    expect(result.message).toMatch(/^已关闭 .* 中的 \d{4}-Q\d：\d+ 名销售员，实发奖金合计 [\d.]+。/);
    const again = await runClose({ report: file("zh.xlsx"), lang: "zh" });
    expect(again.code).toBe(2);
    expect(again.message).toContain("关闭于 2026-07-01T02:03:04.000Z");
  });

  it("refuses a missing file (1), a workbook without History (2), an unknown --reopen period (2)", async () => {
    expect((await runCli("close", file("nope.xlsx"))).code).toBe(1);
    const noHistory = await runCli("close", EN);
    expect(noHistory.code).toBe(2);
    expect(noHistory.err).toContain("has no Pay history sheet");
    expect((await runCli("report", EN, "-o", file("en.xlsx"))).code).toBe(0);
    const hash = sha256(file("en.xlsx"));
    const reopen = await runCli("close", file("en.xlsx"), "--reopen", "2026-Q1");
    expect(reopen.code).toBe(2);
    expect(reopen.err).toContain("--reopen 2026-Q1: 2026-Q1 is not closed in");
    expect(reopen.err).toContain("(closed: none)");
    expect(sha256(file("en.xlsx"))).toBe(hash);
  });

  it("refuses a History sheet edited by hand, naming the cell; the file is left as it was", async () => {
    expect((await runCli("report", EN, "-o", file("base.xlsx"))).code).toBe(0);
    expect((await runCli("close", file("base.xlsx"))).code).toBe(0);
    // A rep's Rank 1 becomes 7 (a number cell of a Rep record).
    await editHistory(file("base.xlsx"), file("edited.xlsx"), (xml) => {
      const row = /<c r="A(\d+)"[^>]*><is><t>Rep<\/t><\/is><\/c>/.exec(xml)![1];
      const edited = xml.replace(new RegExp(`(<c r="J${row}"[^>]*><v>)\\d+(</v>)`), "$17$2");
      expect(edited).not.toBe(xml);
      return edited;
    });
    const hash = sha256(file("edited.xlsx"));
    const closed = await runCli("close", file("edited.xlsx"));
    expect(closed.code).toBe(2);
    expect(closed.err).toContain("was changed by hand");
    expect(closed.err).toMatch(/Pay history: T\d+: this record's checksum does not match/);
    expect(sha256(file("edited.xlsx"))).toBe(hash);

    const carried = await runCli("report", EN, "--history", file("edited.xlsx"), "-o", file("next.xlsx"));
    expect(carried.code).toBe(2);
    expect(carried.err).toMatch(/T\d+: this record's checksum does not match/);
    expect(fs.existsSync(file("next.xlsx"))).toBe(false);
  });

  it("report --history of a file that is not a report: exit 2, nothing written", async () => {
    const r = await runCli("report", EN, "--history", EN, "-o", file("x.xlsx"));
    expect(r.code).toBe(2);
    expect(r.err).toContain("has no Pay history sheet");
    expect(fs.existsSync(file("x.xlsx"))).toBe(false);
  });
});
