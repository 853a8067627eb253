import { createFeedConnections } from "@sightline/feeds";
import pLimit from "p-limit";
import type { CommandIo } from "./command-io.ts";
import { formatReport } from "./format-report.ts";
import { inspectFeed } from "./inspect-feed.ts";

export interface InspectOptions {
  readonly json: boolean;
  /** Hosts allowed past the SSRF guard for this call, e.g. an intranet host or 127.0.0.1. */
  readonly allowHosts: readonly string[];
  /** Inputs read at once: thousands of inputs run in one process without opening thousands of sockets. */
  readonly concurrency: number;
  readonly timeoutMs?: number;
}

/**
 * `sightline inspect`: reads each input, prints one report per input as soon as it is ready, and
 * answers whether every input parsed.
 */
export async function inspect(
  inputs: readonly string[],
  options: InspectOptions,
  io: CommandIo,
): Promise<boolean> {
  const limit = pLimit(options.concurrency);
  const connections = createFeedConnections();
  const fetch = {
    allowHosts: [...options.allowHosts],
    connections,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  };
  const now = io.now();
  let allOk = true;
  try {
    await Promise.all(
      inputs.map((input) =>
        limit(async () => {
          const report = await inspectFeed(input, fetch, now);
          allOk &&= report.ok;
          io.write(options.json ? `${JSON.stringify(report)}\n` : `${formatReport(report)}\n`);
        }),
      ),
    );
  } finally {
    await connections.close();
  }
  return allOk;
}
