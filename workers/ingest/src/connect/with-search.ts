import { constants } from "node:os";
import type { Environment } from "../config/environment.ts";
import type { OrgConfig } from "../config/org-config.ts";
import { STOP_SIGNALS, type StopSignal } from "../stop-signals.ts";
import { openSearch, type SearchHandle } from "./open-search.ts";

/**
 * Runs a short command against Meilisearch, and stops the server it started however the command
 * ends. Node's default for SIGTERM and SIGINT ends the process without running exit hooks, which
 * would leave an embedded server running on its data folder; here a signal stops the server
 * first (waiting for one still starting), then ends the process as the signal would, with exit
 * code 128 + its number. The long-running `ingest` has its own handling: it finishes feeds first.
 */
export async function withSearch<T>(
  environment: Environment,
  config: OrgConfig,
  work: (search: SearchHandle) => Promise<T>,
): Promise<T> {
  let opening: Promise<SearchHandle> | undefined;
  const onSignal = (signal: StopSignal) => {
    const stopped = opening?.then((search) => search.stop()) ?? Promise.resolve();
    void stopped
      .catch(() => undefined)
      .finally(() => process.exit(128 + constants.signals[signal]));
  };
  for (const signal of STOP_SIGNALS) process.once(signal, onSignal);
  try {
    opening = openSearch(environment, config);
    const search = await opening;
    try {
      return await work(search);
    } finally {
      await search.stop();
    }
  } finally {
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}
