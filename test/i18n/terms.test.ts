// One term per thing (docs/reference/terms.md): a second name for the same thing, or a phrasing that reads as a
// translation, fails here wherever a user would read it — the zh catalogues, the CLI's messages and docs/zh.
import * as fs from "fs";
import * as path from "path";
import { DOCS_ZH, zhGuidePages, zhStrings } from "./zhText";

interface Banned {
  /** What must not appear. */
  pattern: RegExp;
  /** What to write instead (docs/reference/terms.md). */
  use: string;
}

const BANNED: Banned[] = [
  { pattern: /绩效单|结算单/, use: "个人报表 (a rep statement)" },
  // Office's own names keep 共享: the shared runtime, the shared-strings table, a network shared folder.
  { pattern: /共享(?!运行时|字符串|文件夹)/, use: "分享 (share)" },
  { pattern: /报告/, use: "报表 (the report)" },
  { pattern: /评分期间|评分周期/, use: "考核期 (the scored period)" },
  { pattern: /插件/, use: "加载项 (add-in)" },
  { pattern: /对账/, use: "核对 (reconciliation)" },
  { pattern: /折算系数/, use: "在岗折算比例 (the proration factor)" },
  { pattern: /完成率/, use: "达成率 (attainment)" },
  { pattern: /任务额/, use: "目标 (a target)" },
  { pattern: /兑换率/, use: "汇率 (an exchange rate)" },
  { pattern: /本位币/, use: "方案币种 (the plan currency)" },
  { pattern: /分配比例/, use: "分成比例 (a rep's split of a deal)" },
  // 商机编号 / 商机编码 are column headers a CRM writes; in prose a deal is 订单.
  { pattern: /商机(?!编号|编码)/, use: "订单 (a deal)" },
  { pattern: /远离零/, use: "四舍五入 (the Chinese rule already rounds a half away from zero)" },
  { pattern: /它需要/, use: "a sentence naming what is needed, not 它需要" },
  { pattern: /[？?]）/, use: "a statement, not a question in brackets" },
  { pattern: /\{kpi\} (实际|目标|达成率)/, use: "实际{kpi} / 目标{kpi} / {kpi}达成率" },
];

function offences(text: string): string[] {
  return BANNED.filter((b) => b.pattern.test(text)).map((b) => `${b.pattern.source} → ${b.use}`);
}

describe("one term per thing (docs/reference/terms.md)", () => {
  it("no zh catalogue string uses a banned synonym or phrasing", () => {
    const found = zhStrings().flatMap((s) => offences(s.zh).map((o) => `${s.source}.${s.key}: “${s.zh}” — ${o}`));
    expect(found).toEqual([]);
  });

  it.each(zhGuidePages())("docs/zh/%s uses no banned synonym or phrasing", (page) => {
    const lines = fs.readFileSync(path.join(DOCS_ZH, page), "utf8").split("\n");
    const found = lines.flatMap((line, i) => offences(line).map((o) => `line ${i + 1}: ${line.trim()} — ${o}`));
    expect(found).toEqual([]);
  });

  it.each([
    ["个人绩效单", "个人报表"],
    ["准备共享", "分享"],
    ["评分期间", "考核期"],
    ["按四舍五入，远离零", "四舍五入"],
    ["金额为负数（退货？）", "statement"],
    ["{kpi} 实际", "实际{kpi}"],
    ["整季度的任务额", "目标"],
  ])("catches %s", (text) => {
    expect(offences(text)).not.toEqual([]);
  });

  it.each([
    "个人报表",
    "分享前准备",
    "共享运行时",
    "共享字符串表",
    "网络共享文件夹",
    "考核期",
    "四舍五入",
    "实际{kpi}",
  ])("lets %s through", (text) => {
    expect(offences(text)).toEqual([]);
  });
});
