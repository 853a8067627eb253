import { Command, InvalidArgumentError } from "commander";
import { type CommandIo, inspect } from "./commands/inspect.ts";

/** The `sightline` command line. Each action resolves to the process exit code. */
export function buildProgram(io: CommandIo, exit: (code: number) => void): Command {
  const program = new Command("sightline")
    .description("Sightline: experts' content, in every learner's line of sight.")
    .showHelpAfterError();

  program
    .command("inspect")
    .description("Fetch, parse and normalise feeds without indexing them, and show what came out.")
    .argument("<inputs...>", "feed URLs (http, https) or local file paths")
    .option("--json", "print one JSON object per input, one per line", false)
    .option(
      "--allow-host <host>",
      "let this host past the private-address guard (repeatable), e.g. an intranet host",
      collect,
      [],
    )
    .option("--concurrency <n>", "inputs read at once", positiveInteger, 16)
    .option("--timeout <seconds>", "total deadline per feed", positiveInteger)
    .action(async (inputs: string[], flags: InspectFlags) => {
      const ok = await inspect(
        inputs,
        {
          json: flags.json,
          allowHosts: flags.allowHost,
          concurrency: flags.concurrency,
          ...(flags.timeout === undefined ? {} : { timeoutMs: flags.timeout * 1000 }),
        },
        io,
      );
      exit(ok ? 0 : 1);
    });

  return program;
}

interface InspectFlags {
  readonly json: boolean;
  readonly allowHost: string[];
  readonly concurrency: number;
  readonly timeout?: number;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function positiveInteger(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) {
    throw new InvalidArgumentError(`"${value}" is not a whole number of at least 1.`);
  }
  return parsed;
}
