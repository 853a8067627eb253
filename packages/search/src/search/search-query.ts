import { ContentItem, ContentKind } from "@sightline/core";
import { z } from "zod";
import type { SearchConfig } from "../config/search-config.ts";
import { SearchError } from "../errors.ts";
import { parseInput } from "../validation/parse-input.ts";

const { shape } = ContentItem;

/** The facets a learner can filter and count by. */
export const FacetName = z.enum(["topics", "expert", "source", "kind", "language"]);
export type FacetName = z.infer<typeof FacetName>;

const Moment = z.union([z.date(), shape.publishedAt]);

/**
 * A learner's search, as structured options only: there is no raw filter string, so nothing a
 * caller passes can widen what the visibility filter allows.
 */
export const SearchQuery = z.strictObject({
  q: z.string().default(""),
  /**
   * The learner's audience groups; public items are always included. Left out, a search with a
   * search-only key sees public items only, and one with a tenant token what the token allows.
   */
  audiences: z.array(shape.id).max(200).optional(),
  kinds: z.array(ContentKind).min(1).optional(),
  topics: z.array(shape.topics.element).min(1).max(50).optional(),
  experts: z.array(shape.expertId).min(1).max(200).optional(),
  sources: z.array(shape.sourceId).min(1).max(200).optional(),
  languages: z.array(shape.language).min(1).max(20).optional(),
  publishedAfter: Moment.optional(),
  publishedBefore: Moment.optional(),
  sort: z.enum(["relevance", "newest"]).default("relevance"),
  page: z.number().int().min(1).default(1),
  hitsPerPage: z.number().int().min(1).optional(),
  /** Facets to count; all of them by default, none with `[]`. */
  facets: z.array(FacetName).optional(),
});
export type SearchQuery = z.output<typeof SearchQuery>;
export type SearchQueryInput = z.input<typeof SearchQuery>;

/** Validates a learner's query against the schema and the configured limits. */
export function parseSearchQuery(input: SearchQueryInput, config: SearchConfig): SearchQuery {
  const query = parseInput(SearchQuery, input, "search query");
  const { maxQueryLength, maxHitsPerPage } = config.search;
  if (query.q.length > maxQueryLength) {
    throw new SearchError(
      "INVALID_INPUT",
      `Invalid search query: q is ${query.q.length} characters, more than the ${maxQueryLength} allowed (search.maxQueryLength).`,
    );
  }
  if (query.hitsPerPage !== undefined && query.hitsPerPage > maxHitsPerPage) {
    throw new SearchError(
      "INVALID_INPUT",
      `Invalid search query: hitsPerPage ${query.hitsPerPage} exceeds ${maxHitsPerPage} (search.maxHitsPerPage).`,
    );
  }
  return query;
}
