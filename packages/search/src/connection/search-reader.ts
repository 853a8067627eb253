import type { Index, Meilisearch } from "meilisearch";
import {
  resolveSearchConfig,
  type SearchConfig,
  type SearchConfigInput,
} from "../config/search-config.ts";
import type { SearchDocument } from "../documents/to-search-document.ts";
import { createHighlightMarkers, type HighlightMarkers } from "../search/safe-highlight.ts";
import { createMeiliClient } from "./create-meili-client.ts";

/**
 * A learner-facing handle: searches with a search-only key or a tenant token, never the master
 * key, so a leak exposes at most what that key may search.
 */
export interface SearchReader {
  readonly role: "reader";
  readonly client: Meilisearch;
  /** Built once: the client builds a fresh request pipeline for every `client.index()` call. */
  readonly index: Index<SearchDocument>;
  readonly config: SearchConfig;
  readonly markers: HighlightMarkers;
}

export interface SearchReaderOptions {
  readonly url: string;
  /** A search-only API key (see `ensureSearchKey`) or a tenant token (`createTenantToken`). */
  readonly apiKey: string;
}

export function createSearchReader(
  options: SearchReaderOptions,
  config: SearchConfigInput = {},
): SearchReader {
  const resolved = resolveSearchConfig(config);
  const client = createMeiliClient(options.url, options.apiKey, resolved.requestTimeoutMs);
  return {
    role: "reader",
    client,
    index: client.index<SearchDocument>(resolved.indexName),
    config: resolved,
    markers: createHighlightMarkers(),
  };
}
