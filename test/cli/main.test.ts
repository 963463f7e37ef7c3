/** The program shell (docs/reference/cli.md): subcommands by addCommand, exitOverride, help and version. */
import * as fs from "fs";
import * as path from "path";
import { buildProgram } from "../../src/cli/main";
import { runCli } from "./cliHelpers";
import { SAMPLES } from "../samples";

describe("salesperf program", () => {
  it("has the report subcommand with its options", () => {
    const report = buildProgram().commands.find((c) => c.name() === "report")!;
    expect(report).toBeDefined();
    expect(report.options.map((o) => o.long)).toEqual([
      "--output",
      "--plan",
      "--period",
      "--lang",
      "--with-data",
      "--history",
    ]);
  });

  it("--help exits 0 and lists report", async () => {
    const run = await runCli("--help");
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/report \[options\] <input>/);
  });

  it("--version prints the package version and exits 0", async () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "../../package.json"), "utf8"));
    const run = await runCli("--version");
    expect(run.code).toBe(0);
    expect(run.out).toBe(`${pkg.version}\n`);
  });

  it("an unknown subcommand is a usage error (exit 1)", async () => {
    const run = await runCli("repport", "x.xlsx");
    expect(run.code).toBe(1);
    expect(run.err).toContain("unknown command 'repport'");
  });

  it("-o into a folder that does not exist is a usage error naming the folder", async () => {
    const run = await runCli("report", path.join(SAMPLES, "sales-en.xlsx"), "-o", "/no/such/dir/r.xlsx");
    expect(run.code).toBe(1);
    expect(run.err).toContain("the folder /no/such/dir does not exist");
  });
});
