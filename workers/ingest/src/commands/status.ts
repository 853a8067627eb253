import type { Environment } from "../config/environment.ts";
import type { OrgConfig } from "../config/org-config.ts";
import { withSearch } from "../connect/with-search.ts";
import { feedJobs } from "../ingest/feed-job.ts";
import { MeilisearchFeedStateStore } from "../state/meilisearch-feed-state-store.ts";
import type { CommandIo } from "./command-io.ts";

export interface FeedHealth {
  readonly feed: string;
  readonly url: string;
  readonly expert: string;
  readonly health: "ok" | "failing" | "disabled" | "new";
  readonly lastSuccess: string | null;
  readonly nextCheck: string | null;
  readonly errors: number;
  readonly lastError: string | null;
  readonly items: number;
}

/** `sightline status`: every configured feed's health, as a table or as JSON. */
export async function statusCommand(
  environment: Environment,
  config: OrgConfig,
  options: { readonly json: boolean },
  io: CommandIo,
): Promise<number> {
  return await withSearch(environment, config, async (search) => {
    const states = await new MeilisearchFeedStateStore(
      search.admin,
      config.search.stateIndex,
    ).loadAll();
    const rows: FeedHealth[] = feedJobs(config.experts, states).map(
      ({ sourceId, entry, expert, state }) => ({
        feed: sourceId,
        url: entry.url,
        expert: expert.id,
        health: state.disabled
          ? "disabled"
          : state.errorCount > 0
            ? "failing"
            : state.lastCheckAt === undefined
              ? "new"
              : "ok",
        lastSuccess: iso(state.lastSuccessAt),
        nextCheck: state.disabled
          ? null
          : iso(state.nextCheckAt === 0 ? undefined : state.nextCheckAt),
        errors: state.errorCount,
        lastError: state.disabledReason ?? state.lastError?.message ?? null,
        items: state.itemCount,
      }),
    );
    io.write(options.json ? `${JSON.stringify(rows)}\n` : table(rows));
    return 0;
  });
}

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

function table(rows: readonly FeedHealth[]): string {
  const header = [
    "feed",
    "expert",
    "health",
    "last success",
    "next check",
    "errors",
    "items",
    "last error",
  ];
  const cells = rows.map((row) => [
    row.url,
    row.expert,
    row.health,
    row.lastSuccess?.slice(0, 16).replace("T", " ") ?? "never",
    row.nextCheck?.slice(0, 16).replace("T", " ") ?? (row.health === "disabled" ? "—" : "now"),
    String(row.errors),
    String(row.items),
    (row.lastError ?? "").slice(0, 80),
  ]);
  const widths = header.map((title, i) =>
    Math.max(title.length, ...cells.map((cell) => (cell[i] as string).length)),
  );
  const line = (cell: readonly string[]) =>
    cell
      .map((value, i) => value.padEnd(widths[i] as number))
      .join("  ")
      .trimEnd();
  return `${[line(header), ...cells.map(line)].join("\n")}\n`;
}
