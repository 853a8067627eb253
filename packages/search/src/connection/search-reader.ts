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
  /** It searches with a tenant token, whose rules restrict every search to its audiences. */
  readonly tenantToken: boolean;
  readonly client: Meilisearch;
  /** Built once: the client builds a fresh request pipeline for every `client.index()` call. */
  readonly index: Index<SearchDocument>;
  readonly config: SearchConfig;
  readonly markers: HighlightMarkers;
}

export type SearchReaderOptions =
  | {
      readonly url: string;
      /**
       * A search-only API key (see `ensureSearchKey`): searches see public items and the
       * audiences each query names. A tenant token given here is used the same way.
       */
      readonly apiKey: string;
    }
  | {
      readonly url: string;
      /**
       * A tenant token (see `createTenantToken`): searches see what it allows, public items and
       * its audiences, without naming them; a query that names audiences narrows that further.
       */
      readonly tenantToken: string;
    };

export function createSearchReader(
  options: SearchReaderOptions,
  config: SearchConfigInput = {},
): SearchReader {
  const resolved = resolveSearchConfig(config);
  const tenantToken = "tenantToken" in options;
  const key = tenantToken ? options.tenantToken : options.apiKey;
  const client = createMeiliClient(options.url, key, resolved.requestTimeoutMs);
  return {
    role: "reader",
    tenantToken,
    client,
    index: client.index<SearchDocument>(resolved.indexName),
    config: resolved,
    markers: createHighlightMarkers(),
  };
}
