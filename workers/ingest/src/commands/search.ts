import {
  createSearchReader,
  ensureSearchKey,
  type SearchResults,
  searchContent,
} from "@sightline/search";
import type { Environment } from "../config/environment.ts";
import type { OrgConfig } from "../config/org-config.ts";
import { withSearch } from "../connect/with-search.ts";
import type { CommandIo } from "./command-io.ts";

export interface SearchCommandOptions {
  readonly topics: readonly string[];
  readonly audiences: readonly string[];
  readonly newest: boolean;
  readonly limit: number;
  readonly json: boolean;
}

/** `sightline search "<query>"`: what a learner would find, searched with a search-only key. */
export async function searchCommand(
  environment: Environment,
  config: OrgConfig,
  query: string,
  options: SearchCommandOptions,
  io: CommandIo,
): Promise<number> {
  return await withSearch(environment, config, async (search) => {
    const key = await ensureSearchKey(search.admin);
    const reader = createSearchReader(
      { url: search.connection.url, apiKey: key.key },
      { indexName: config.search.index },
    );
    const results = await searchContent(reader, {
      q: query,
      audiences: [...options.audiences],
      ...(options.topics.length > 0 ? { topics: [...options.topics] } : {}),
      sort: options.newest ? "newest" : "relevance",
      hitsPerPage: options.limit,
    });
    io.write(options.json ? `${JSON.stringify(asJson(results))}\n` : readable(query, results));
    return 0;
  });
}

function asJson(results: SearchResults) {
  return {
    totalHits: results.totalHits,
    facets: results.facets,
    hits: results.hits.map((hit) => ({
      ...hit.item,
      highlight: { title: hit.title, snippet: hit.snippet },
    })),
  };
}

function readable(query: string, results: SearchResults): string {
  const plain = (html: string) =>
    html
      .replace(/\s+/g, " ")
      .replace(/<\/?mark>/g, "*")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  const lines = [`${results.totalHits} result${results.totalHits === 1 ? "" : "s"} for "${query}"`];
  for (const hit of results.hits) {
    lines.push(
      `  ${plain(hit.title)}  (${hit.item.kind}, ${hit.item.expertId}, ${hit.item.publishedAt.slice(0, 10)})`,
    );
    lines.push(`    ${hit.item.url}`);
    if (hit.snippet !== "") lines.push(`    ${plain(hit.snippet)}`);
  }
  const topics = Object.entries(results.facets.topics ?? {})
    .sort((a, b) => b[1] - a[1])
    .slice(0, 8);
  if (topics.length > 0)
    lines.push(`  topics: ${topics.map(([topic, count]) => `${topic} (${count})`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
