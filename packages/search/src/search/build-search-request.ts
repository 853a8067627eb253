import type { SearchParams } from "meilisearch";
import type { SearchReader } from "../connection/search-reader.ts";
import { LISTING_FIELDS } from "../documents/listing-fields.ts";
import { anyOf, atLeast, atMost, type FilterAttribute } from "../filters/filter-expression.ts";
import { visibilityFilter } from "../filters/visibility-filter.ts";
import type { FacetName, SearchQuery } from "./search-query.ts";

export const FACET_ATTRIBUTES: Readonly<Record<FacetName, FilterAttribute>> = {
  topics: "topics",
  expert: "expertId",
  source: "sourceId",
  kind: "kind",
  language: "language",
};

/** Page-based, so Meilisearch counts the hits exactly and learners get page numbers. */
export type LearnerSearchRequest = SearchParams & { q: string; page: number; hitsPerPage: number };

const ALL_FACETS = Object.keys(FACET_ATTRIBUTES) as FacetName[];

/**
 * The request body Meilisearch receives for a learner's query. The visibility filter is always
 * the first element of the filter array, which Meilisearch ANDs with the rest on the server. A
 * query that names no audiences sees public items only, or with a tenant token what it allows.
 */
export function buildSearchRequest(
  reader: Pick<SearchReader, "config" | "markers" | "tenantToken">,
  query: SearchQuery,
): LearnerSearchRequest {
  const { config, markers } = reader;
  const audiences = query.audiences ?? (reader.tenantToken ? undefined : []);
  return {
    q: query.q,
    filter: [visibilityFilter(audiences), ...callerFilters(query)],
    ...(query.sort === "newest" ? { sort: ["publishedAtMs:desc"] } : {}),
    facets: (query.facets ?? ALL_FACETS).map((facet) => FACET_ATTRIBUTES[facet]),
    page: query.page,
    hitsPerPage: query.hitsPerPage ?? config.search.defaultHitsPerPage,
    attributesToRetrieve: [...LISTING_FIELDS],
    attributesToHighlight: ["title", "summary", "text"],
    attributesToCrop: ["text"],
    cropLength: config.search.cropLength,
    highlightPreTag: markers.pre,
    highlightPostTag: markers.post,
  };
}

function callerFilters(query: SearchQuery): string[] {
  const filters: string[] = [];
  const lists: [FilterAttribute, readonly string[] | undefined][] = [
    ["kind", query.kinds],
    ["topics", query.topics],
    ["expertId", query.experts],
    ["sourceId", query.sources],
    ["language", query.languages],
  ];
  for (const [attribute, values] of lists) {
    if (values !== undefined) filters.push(anyOf(attribute, values));
  }
  if (query.publishedAfter !== undefined) {
    filters.push(atLeast("publishedAtMs", new Date(query.publishedAfter).getTime()));
  }
  if (query.publishedBefore !== undefined) {
    filters.push(atMost("publishedAtMs", new Date(query.publishedBefore).getTime()));
  }
  return filters;
}
