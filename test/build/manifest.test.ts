// Offline manifest check: the real manifest passes, and deliberately broken
// copies fail with a message that names what is wrong.
import * as fs from "fs";
import * as path from "path";

import { REQUIRED_EXCEL_API } from "../../src/render/office/requirements";

const { checkManifestXml } = require("../../build/checkManifest.js");

const root = path.resolve(__dirname, "../..");
const manifest = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const check = (xml: string): string[] => checkManifestXml(xml, { assetsDir: path.join(root, "assets") });

describe("manifest.xml offline check", () => {
  it("passes on the real manifest", () => {
    expect(check(manifest)).toEqual([]);
  });

  it("declares the PERF namespace, the shared runtime and the requirement sets", () => {
    expect(manifest).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="PERF"\/>/);
    expect(manifest).toMatch(/<Runtime resid="Taskpane.Url" lifetime="long"\/>/);
    expect(manifest).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\/>/);
    expect(manifest).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.3"\/>/);
    // The pane refuses an older Excel at run time; declaring it keeps Office from offering the add-in there at all.
    expect(manifest).toMatch(new RegExp(`<Set Name="ExcelApi" MinVersion="${REQUIRED_EXCEL_API}"/>`));
  });

  const broken: [string, (xml: string) => string, RegExp][] = [
    [
      "a missing resource",
      (xml) => xml.replace(/<bt:String id="Group.Label"[\s\S]*?<\/bt:String>/, ""),
      /resid "Group.Label".*has no resource/,
    ],
    ["malformed XML", (xml) => xml.replace("</Hosts>", "</Hostz>"), /not well-formed XML/],
    [
      "a functions page outside the shared runtime",
      (xml) => xml.replace(/(<Page>\s*<SourceLocation resid=")Taskpane.Url/, "$1GetStarted.LearnMoreUrl"),
      /shared runtime: functions <Page> uses "GetStarted.LearnMoreUrl"/,
    ],
    ["a short-lived runtime", (xml) => xml.replace('lifetime="long"', 'lifetime="short"'), /lifetime="long"/],
    [
      "another namespace",
      (xml) => xml.replace('DefaultValue="PERF"', 'DefaultValue="SALES"'),
      /namespace must be PERF/,
    ],
    [
      "no zh-CN functions metadata",
      (xml) => xml.replace(/<bt:Override Locale="zh-cn" Value="[^"]*functions.zh-cn.json"\/>/, ""),
      /zh-cn override pointing to functions.zh-cn.json/,
    ],
    [
      "no zh-CN display name",
      (xml) => xml.replace(/<Override Locale="zh-CN" Value="SalesPerf 销售绩效"\/>/, ""),
      /<DisplayName> needs a zh-CN override/,
    ],
    ["read-only permission", (xml) => xml.replace("ReadWriteDocument", "ReadDocument"), /ReadWriteDocument/],
    ["a missing icon file", (xml) => xml.replace("icon-16.png", "icon-17.png"), /icon-17.png is not in assets/],
    [
      "a ribbon icon of the wrong size",
      (xml) => xml.replace(/(id="Icon.16x16" DefaultValue="[^"]*)icon-16.png/, "$1icon-32.png"),
      /icon icon-32.png is 32×32 px; <Image id="Icon.16x16"> needs 16 px square/,
    ],
    [
      "a high-resolution icon of the wrong size",
      (xml) => xml.replace(/(<HighResolutionIconUrl DefaultValue="[^"]*)icon-64.png/, "$1icon-80.png"),
      /<HighResolutionIconUrl> needs 64 or 128 px square/,
    ],
    [
      "no ExcelApi requirement",
      (xml) => xml.replace(/\s*<Set Name="ExcelApi" MinVersion="[^"]*"\/>/, ""),
      /requirement set ExcelApi 1.9 is missing/,
    ],
    [
      "a three-part Version",
      (xml) => xml.replace(/<Version>[^<]*</, "<Version>1.0.0<"),
      /<Version> must have four numbers/,
    ],
    ["no provider", (xml) => xml.replace(/<ProviderName>[^<]*</, "<ProviderName><"), /<ProviderName> is empty/],
    [
      "a plain-http address",
      (xml) => xml.replace('"https://localhost:3000/functions.js"', '"http://localhost:3000/functions.js"'),
      /id="Functions.Script.Url"> http:\/\/localhost:3000\/functions.js is not https/,
    ],
  ];

  it.each(broken)("fails on %s", (_name, breakIt, message) => {
    const xml = breakIt(manifest);
    expect(xml).not.toEqual(manifest);
    const problems = check(xml);
    expect(problems.join("\n")).toMatch(message);
  });

  it("has icons of 16, 32, 64 and 80 px that are real PNG files", () => {
    for (const size of [16, 32, 64, 80]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
  });
});
