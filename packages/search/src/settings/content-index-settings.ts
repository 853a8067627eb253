import type { Settings } from "meilisearch";
import type { SearchConfig } from "../config/search-config.ts";
import type { FilterAttribute } from "../filters/filter-expression.ts";

const FILTERABLE: readonly FilterAttribute[] = [
  "moderation",
  "readableBy",
  "kind",
  "topics",
  "expertId",
  "sourceId",
  "language",
  "publishedAtMs",
];

/**
 * The index settings, as data. Applied before any document is written (a filter on an attribute
 * whose settings task has not finished fails with "not filterable") and read back to verify.
 */
export function contentIndexSettings(config: SearchConfig): Settings {
  return {
    // Order is the attribute ranking: a match in the title beats one deep in the body.
    searchableAttributes: ["title", "topics", "summary", "text"],
    filterableAttributes: [...FILTERABLE],
    sortableAttributes: ["publishedAtMs", "impressionCount", "likeCount"],
    // Newest first among equally relevant matches.
    rankingRules: [
      "words",
      "typo",
      "proximity",
      "attribute",
      "sort",
      "exactness",
      "publishedAtMs:desc",
    ],
    // The same article syndicated by several feeds shows once.
    distinctAttribute: "dedupeKey",
    typoTolerance: {
      enabled: true,
      minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
      disableOnAttributes: [],
      disableOnWords: [],
      disableOnNumbers: false,
    },
    synonyms: synonymMap(config.synonyms),
    stopWords: [],
    faceting: { maxValuesPerFacet: 100, sortFacetValuesBy: { "*": "count" } },
    pagination: { maxTotalHits: config.search.maxTotalHits },
    // Proximity within an attribute only: bulk indexing ~2.5× faster for a small relevance cost.
    proximityPrecision: "byAttribute",
    // Learners filter by facet but never search inside facet values.
    facetSearch: false,
  };
}

/** Multi-way groups as Meilisearch wants them: each word maps to all the others of its group. */
function synonymMap(groups: readonly (readonly string[])[]): Record<string, string[]> {
  const map: Record<string, string[]> = {};
  for (const group of groups) {
    for (const word of group) {
      const others = group.filter((other) => other !== word);
      map[word] = [...new Set([...(map[word] ?? []), ...others])];
    }
  }
  return map;
}
