import type { ContentItem } from "@sightline/core";
import type { FacetDistribution, Hit, SearchResponse } from "meilisearch";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchReader } from "../connection/search-reader.ts";
import { fromSearchDocument, type SkippedDocument } from "../documents/from-search-document.ts";
import type { SearchDocument } from "../documents/to-search-document.ts";
import {
  buildSearchRequest,
  FACET_ATTRIBUTES,
  type LearnerSearchRequest,
} from "./build-search-request.ts";
import { type HighlightMarkers, safeHighlight } from "./safe-highlight.ts";
import { type FacetName, parseSearchQuery, type SearchQueryInput } from "./search-query.ts";

export interface SearchHit {
  /** The item without its body (`contentHtml`, `text`). */
  readonly item: ContentItem;
  /** HTML: escaped text with matches in `<mark>`; safe to insert as is. */
  readonly title: string;
  readonly summary: string;
  /** HTML: the part of the body around the match, cropped, escaped, matches in `<mark>`. */
  readonly snippet: string;
}

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  /** Per facet, value → number of matching items (with the query's filters applied). */
  readonly facets: Readonly<Partial<Record<FacetName, Readonly<Record<string, number>>>>>;
  readonly page: number;
  readonly hitsPerPage: number;
  readonly totalHits: number;
  readonly totalPages: number;
  readonly processingTimeMs: number;
  /** Documents that failed core's schema: left out of `hits`, reported here. */
  readonly skipped: readonly SkippedDocument[];
}

/**
 * A learner's search: typo-tolerant, filtered, faceted, sorted by relevance or newest, paged,
 * with escaped highlights. Hidden, flagged and other audiences' items are never returned.
 */
export async function searchContent(
  reader: SearchReader,
  input: SearchQueryInput,
): Promise<SearchResults> {
  const query = parseSearchQuery(input, reader.config);
  const request = buildSearchRequest(reader, query);
  const response = await meiliCall(`Searching index "${reader.config.indexName}"`, () =>
    reader.index.search<SearchDocument, LearnerSearchRequest>(request.q, request),
  );
  return toResults(response, reader.markers);
}

function toResults(
  response: SearchResponse<SearchDocument, LearnerSearchRequest>,
  markers: HighlightMarkers,
): SearchResults {
  const hits: SearchHit[] = [];
  const skipped: SkippedDocument[] = [];
  for (const hit of response.hits) {
    const checked = fromSearchDocument(hit);
    if (checked.ok) hits.push(toHit(checked.item, hit, markers));
    else skipped.push(checked.skipped);
  }
  return {
    hits,
    facets: facetsOf(response.facetDistribution),
    page: response.page,
    hitsPerPage: response.hitsPerPage,
    totalHits: response.totalHits,
    totalPages: response.totalPages,
    processingTimeMs: response.processingTimeMs,
    skipped,
  };
}

function toHit(item: ContentItem, hit: Hit<SearchDocument>, markers: HighlightMarkers): SearchHit {
  const formatted = hit._formatted ?? {};
  return {
    item,
    title: safeHighlight(formatted.title ?? item.title, markers),
    summary: safeHighlight(formatted.summary ?? item.summary, markers),
    snippet: safeHighlight(formatted.text ?? "", markers),
  };
}

function facetsOf(distribution: FacetDistribution | undefined): SearchResults["facets"] {
  const facets: Partial<Record<FacetName, Record<string, number>>> = {};
  for (const [name, attribute] of Object.entries(FACET_ATTRIBUTES) as [FacetName, string][]) {
    const counts = distribution?.[attribute];
    if (counts !== undefined) facets[name] = counts;
  }
  return facets;
}
