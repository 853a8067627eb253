import { Command, InvalidArgumentError } from "commander";
import type { CommandIo } from "./commands/command-io.ts";
import { feedsExportCommand, feedsImportCommand } from "./commands/feeds.ts";
import { ingestCommand } from "./commands/ingest.ts";
import { inspect } from "./commands/inspect.ts";
import { searchCommand } from "./commands/search.ts";
import { statusCommand } from "./commands/status.ts";
import { type Environment, readEnvironment } from "./config/environment.ts";
import { loadOrgConfig } from "./config/load-org-config.ts";
import type { OrgConfig } from "./config/org-config.ts";

/**
 * The `sightline` command line. Every action resolves to an exit code; expected failures (a bad
 * configuration, an unreachable server) print one clear line and exit 1, never a stack trace.
 */
export function buildProgram(io: CommandIo, exit: (code: number) => void): Command {
  const program = new Command("sightline")
    .description("Sightline: experts' content, in every learner's line of sight.")
    .option(
      "-c, --config <file>",
      "the organisation's configuration file (default: $SIGHTLINE_CONFIG or sightline.yaml)",
    )
    .showHelpAfterError();

  const settings = async (): Promise<{
    environment: Environment;
    config: OrgConfig;
    configPath: string;
  }> => {
    const environment = readEnvironment(io.env);
    const configPath = program.opts<{ config?: string }>().config ?? environment.configPath;
    return { environment, config: await loadOrgConfig(configPath), configPath };
  };
  const guarded =
    <A extends unknown[]>(action: (...args: A) => Promise<number> | number) =>
    async (...args: A): Promise<void> => {
      try {
        exit(await action(...args));
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        io.write(
          `error${typeof code === "string" ? ` ${code}` : ""}: ${(error as Error).message}\n`,
        );
        exit(1);
      }
    };

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
    .action(
      guarded(
        async (
          inputs: string[],
          flags: { json: boolean; allowHost: string[]; concurrency: number; timeout?: number },
        ) => {
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
          return ok ? 0 : 1;
        },
      ),
    );

  program
    .command("ingest")
    .description(
      "Read the configured feeds into Meilisearch: now, then on the configured schedule.",
    )
    .option("--once", "run one pass, print a summary and exit", false)
    .option("--all", "treat every feed as due now, whatever its schedule", false)
    .action(
      guarded(async (flags: { once: boolean; all: boolean }) => {
        const { environment, config } = await settings();
        return ingestCommand(environment, config, flags, io);
      }),
    );

  program
    .command("status")
    .description("Every feed's health: last success, next check, errors, items.")
    .option("--json", "print JSON", false)
    .action(
      guarded(async (flags: { json: boolean }) => {
        const { environment, config } = await settings();
        return statusCommand(environment, config, flags, io);
      }),
    );

  program
    .command("search")
    .description("Search the indexed content as a learner would.")
    .argument("<query>", "what to look for (typos are forgiven)")
    .option("--topic <topic>", "only items on this topic (repeatable)", collect, [])
    .option(
      "--audience <group>",
      "search as a member of this audience group (repeatable)",
      collect,
      [],
    )
    .option("--newest", "newest first instead of most relevant", false)
    .option("--limit <n>", "results to show", positiveInteger, 10)
    .option("--json", "print JSON", false)
    .action(
      guarded(
        async (
          query: string,
          flags: {
            topic: string[];
            audience: string[];
            newest: boolean;
            limit: number;
            json: boolean;
          },
        ) => {
          const { environment, config } = await settings();
          return searchCommand(
            environment,
            config,
            query,
            {
              topics: flags.topic,
              audiences: flags.audience,
              newest: flags.newest,
              limit: flags.limit,
              json: flags.json,
            },
            io,
          );
        },
      ),
    );

  const feeds = program.command("feeds").description("The configured feed list as OPML.");
  feeds
    .command("export")
    .description("Print the configured feeds as OPML.")
    .action(
      guarded(async () => {
        const { config } = await settings();
        return feedsExportCommand(config, io);
      }),
    );
  feeds
    .command("import")
    .description("Add the feeds of an OPML file to the configuration file.")
    .argument("<file>", "an OPML file, e.g. exported from a feed reader")
    .action(
      guarded(async (file: string) => {
        const environment = readEnvironment(io.env);
        const configPath = program.opts<{ config?: string }>().config ?? environment.configPath;
        return feedsImportCommand(configPath, file, io);
      }),
    );

  return program;
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
