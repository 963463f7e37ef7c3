/**
 * The `salesperf` command line (docs/reference/cli.md). bin/salesperf.js calls main(process.argv) and exits with its code:
 * 0 success, 1 usage error, 2 the input cannot be scored. Subcommands are factories joined by addCommand
 *; `demo` and `statements` are added here by their owners.
 */
import { Command, CommanderError } from "commander";
import * as fs from "fs";
import * as path from "path";
import { cliText } from "./messages";
import { closeCommand } from "./closeCommand";
import { demoCommand } from "./demo";
import { reportCommand } from "./reportCommand";
import { statementsCommand } from "./statementsCommand";

export interface CliOutput {
  writeOut?: (s: string) => void;
  writeErr?: (s: string) => void;
}

function packageVersion(): string {
  try {
    // src/cli and lib/cli both sit two folders below package.json.
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8"));
    return String(pkg.version);
  } catch {
    return "0.0.0";
  }
}

/** exitOverride and the output sinks are per command: addCommand does not copy them, so apply them to all. */
function configureAll(cmd: Command, io: CliOutput): void {
  cmd.exitOverride();
  const config: { writeOut?: (s: string) => void; writeErr?: (s: string) => void } = {};
  if (io.writeOut) config.writeOut = io.writeOut;
  if (io.writeErr) config.writeErr = io.writeErr;
  cmd.configureOutput(config);
  for (const sub of cmd.commands) configureAll(sub, io);
}

/** The whole program; tests pass their own output sinks. */
export function buildProgram(io: CliOutput = {}): Command {
  const program = new Command("salesperf")
    .description(cliText("en", "programDescription"))
    .version(packageVersion())
    .showHelpAfterError()
    .addCommand(reportCommand())
    .addCommand(statementsCommand())
    .addCommand(closeCommand())
    .addCommand(demoCommand());
  // New subcommands (demo, statements) are added above this line, so configureAll gives them exitOverride and
  // the same output sinks.
  configureAll(program, io);
  return program;
}

/** Run the CLI on `argv` (process.argv shape: node, script, args…); resolves to the exit code. */
export async function main(argv: string[], io: CliOutput = {}): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv);
    return 0;
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode;
    // Never a stack trace at the user (common rules): one line saying what happened.
    const reason = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    (io.writeErr ?? ((s: string) => void process.stderr.write(s)))(`${cliText("en", "internalError", { reason })}\n`);
    return 2;
  }
}
