// The `sightline` CLI as a real child process, as cron or a service manager runs it: JSON log
// lines on stdout, signals from outside, and nothing shared with the test but the network.
import { type ChildProcess, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { stringify } from "yaml";
import type { OrgConfigInput } from "../../src/config/org-config.ts";
import type { IngestSummary } from "../../src/ingest/run-ingest.ts";
import type { FeedFarm } from "./feed-farm.ts";
import { exited, isAlive, track, waitFor } from "./harness.ts";

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
/** The workspace root, where `--import tsx` resolves. */
const root = fileURLToPath(new URL("../../../../", import.meta.url));

export interface LogLine {
  readonly level: string;
  readonly type?: string;
  readonly message?: string;
  readonly feedId?: string;
  readonly url?: string;
  readonly status?: string;
  readonly items?: number;
  readonly error?: { readonly code: string; readonly message: string };
  readonly summary?: IngestSummary;
  readonly due?: number;
  readonly created?: number;
  readonly updated?: number;
  readonly unchanged?: number;
}

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export class SightlineProcess {
  readonly child: ChildProcess;
  readonly lines: LogLine[] = [];
  readonly startedAt = Date.now();
  stdout = "";
  stderr = "";
  private readonly done: Promise<Finished>;

  constructor(args: readonly string[], env: Readonly<Record<string, string>>) {
    this.child = track(
      spawn(process.execPath, ["--conditions=@sightline/source", "--import", "tsx", cli, ...args], {
        cwd: root,
        // Only what the test gives: a stray MEILI_URL in the test's own environment must not
        // point the worker at another server. Every feed's line is logged, unchanged ones too:
        // the tests count them.
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          SIGHTLINE_LOG_LEVEL: "debug",
          ...env,
        },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    let partial = "";
    this.child.stdout?.on("data", (chunk: Buffer) => {
      const text = chunk.toString("utf8");
      this.stdout += text;
      partial += text;
      const complete = partial.split("\n");
      partial = complete.pop() ?? "";
      for (const line of complete) {
        if (line.startsWith("{")) this.lines.push(JSON.parse(line) as LogLine);
      }
    });
    this.child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr += chunk.toString("utf8");
    });
    this.done = new Promise((resolve) =>
      this.child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  get alive(): boolean {
    return isAlive(this.child);
  }

  events(type: string): LogLine[] {
    return this.lines.filter((line) => line.type === type);
  }

  feedsDone(): LogLine[] {
    return this.events("feed-done");
  }

  summary(): IngestSummary | undefined {
    return this.events("run-finished")[0]?.summary;
  }

  /** Resolves once a log line satisfies `predicate`; fails if the process exits first. */
  async waitForLine(
    what: string,
    predicate: (lines: readonly LogLine[]) => boolean,
    timeoutMs = 30_000,
  ): Promise<void> {
    await waitFor(
      what,
      () => {
        if (predicate(this.lines)) return true;
        if (!this.alive) throw new Error(`sightline exited before ${what}:\n${this.output()}`);
        return undefined;
      },
      timeoutMs,
      2,
    );
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** The exit, or a failure (and a SIGKILL) if it takes longer than `timeoutMs`. */
  async finished(timeoutMs = 60_000): Promise<Finished> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.kill("SIGKILL");
        reject(new Error(`sightline did not exit within ${timeoutMs} ms:\n${this.output()}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.done, late]);
    } finally {
      clearTimeout(timer);
      await exited(this.child);
    }
  }

  output(): string {
    return `--- stdout\n${this.stdout.slice(-3000)}\n--- stderr\n${this.stderr.slice(-3000)}`;
  }
}

/** Runs `sightline <args>` to its end. */
export async function sightline(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
  timeoutMs = 60_000,
): Promise<SightlineProcess & Finished> {
  const run = new SightlineProcess(args, env);
  const finished = await run.finished(timeoutMs);
  return Object.assign(run, finished);
}

/** A stack trace line, as Node prints one for an uncaught error. */
export const STACK_LINE = /^\s+at .+(\(|:\d+:\d+)/m;

export interface ConfigOptions {
  readonly ingest?: NonNullable<OrgConfigInput["ingest"]>;
  /** Extra feeds by URL (hostile ones), each its own expert. */
  readonly extra?: readonly { readonly name: string; readonly url: string }[];
}

/** Writes the YAML configuration the worker reads: one expert per farm feed, ids fixed. */
export async function writeConfig(
  path: string,
  farm: FeedFarm,
  options: ConfigOptions = {},
): Promise<void> {
  const feeds = [...farm.feeds.values()];
  const config: OrgConfigInput = {
    ingest: {
      allowHosts: ["127.0.0.1"],
      maxRandomDelaySeconds: 0,
      ...options.ingest,
    },
    experts: [
      ...feeds.map((feed) => ({
        id: feed.expertId,
        name: `Expert ${feed.name}`,
        feeds: [{ url: farm.url(feed.name), id: feed.sourceId }],
      })),
      ...(options.extra ?? []).map((extra) => ({
        id: `expert-${extra.name}`,
        name: `Expert ${extra.name}`,
        feeds: [{ url: extra.url, id: `src-${extra.name}` }],
      })),
    ],
  };
  await writeFile(path, stringify(config));
}
