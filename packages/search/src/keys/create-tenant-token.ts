import { ContentItem } from "@sightline/core";
import { generateTenantToken } from "meilisearch/token";
import { z } from "zod";
import { visibilityFilter } from "../filters/visibility-filter.ts";
import { parseInput } from "../validation/parse-input.ts";
import type { SearchKey } from "./search-key.ts";

const TenantTokenOptions = z.strictObject({
  /** The learner's audience groups: the token sees public items and these groups' items. */
  audiences: z.array(ContentItem.shape.id).max(200),
  ttlSeconds: z.number().int().positive().max(86_400).optional(),
  now: z.date().optional(),
});
export type TenantTokenOptions = z.input<typeof TenantTokenOptions>;

/**
 * A short-lived token a learner's browser can search with directly. Meilisearch enforces its
 * filter on every search, ANDed with whatever filter the holder sends: visible items, public or
 * in the learner's groups, on this index only.
 */
export async function createTenantToken(
  searchKey: SearchKey,
  options: TenantTokenOptions,
): Promise<string> {
  const { audiences, ttlSeconds, now } = parseInput(
    TenantTokenOptions,
    options,
    "tenant token options",
  );
  const issuedAt = Math.floor((now ?? new Date()).getTime() / 1000);
  return generateTenantToken({
    apiKey: searchKey.key,
    apiKeyUid: searchKey.uid,
    searchRules: { [searchKey.indexName]: { filter: visibilityFilter(audiences) } },
    expiresAt: issuedAt + (ttlSeconds ?? searchKey.tokenTtlSeconds),
  });
}
