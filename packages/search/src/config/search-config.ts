import { z } from "zod";
import { invalidConfig } from "./invalid-config.ts";

/** Meilisearch index uids allow these characters; the swap index adds a suffix, hence 400. */
export const IndexUid = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,400}$/, "must be 1–400 characters of letters, digits, '-' or '_'");

const positiveInt = z.number().int().positive();

/**
 * Every tunable of @sightline/search with its default. This schema is the one place the
 * defaults live; `resolveSearchConfig` fills in whatever the caller leaves out.
 */
export const SearchConfig = z.strictObject({
  indexName: IndexUid.default("sightline-content"),
  /**
   * Documents per write request: Meilisearch indexes one of 5,000 far faster than five of 1,000,
   * and a request's body is streamed, so its size costs no memory. Batches are enqueued back to
   * back and awaited together.
   */
  batchSize: positiveInt.max(10_000).default(5000),
  /**
   * Upper bound on a write request's body in bytes, counted on the serialised documents, so long
   * posts never hit Meilisearch's payload limit (100 MB by default): batches of big items simply
   * hold fewer of them.
   */
  maxBatchBytes: positiveInt.min(1024 * 1024).default(32 * 1024 * 1024),
  /**
   * How long to wait for enqueued tasks before giving up. The client's own default (5 s) is far
   * too short for a bulk write on a busy machine.
   */
  taskTimeoutMs: positiveInt.min(1000).default(120_000),
  taskPollIntervalMs: positiveInt.max(5000).default(50),
  /** Per-request HTTP timeout. */
  requestTimeoutMs: positiveInt.min(100).default(30_000),
  search: z
    .strictObject({
      defaultHitsPerPage: positiveInt.max(1000).default(20),
      maxHitsPerPage: positiveInt.max(1000).default(100),
      /** Words kept around the match in a body snippet. */
      cropLength: positiveInt.max(200).default(24),
      maxQueryLength: positiveInt.max(10_000).default(500),
      /** Deepest result a learner can page to (Meilisearch `pagination.maxTotalHits`). */
      maxTotalHits: positiveInt.max(100_000).default(1000),
    })
    .prefault({}),
  tokens: z
    .strictObject({
      /** Tenant tokens are short-lived: a leaked one stops working within this many seconds. */
      ttlSeconds: positiveInt.max(86_400).default(3600),
    })
    .prefault({}),
  pools: z
    .strictObject({
      /** The recency window every slice is drawn from, in days before `now`. */
      windowDays: positiveInt.max(3650).default(14),
      interests: positiveInt.max(1000).default(200),
      experts: positiveInt.max(1000).default(100),
      exploration: positiveInt.max(1000).default(100),
      recent: positiveInt.max(1000).default(100),
      /** Learned topic adjustments halve over this many days, as in core's ranking config. */
      learnedHalfLifeDays: z.number().positive().default(30),
    })
    .prefault({}),
  /** Multi-way synonyms: every word of a group finds the others. */
  synonyms: z.array(z.array(z.string().trim().min(1).max(100)).min(2)).default([
    ["k8s", "kubernetes"],
    ["js", "javascript"],
    ["ts", "typescript"],
    ["ml", "machine learning"],
    ["ai", "artificial intelligence"],
    ["db", "database"],
    ["postgres", "postgresql"],
  ]),
});
export type SearchConfig = z.output<typeof SearchConfig>;
export type SearchConfigInput = z.input<typeof SearchConfig>;

/** Fills in defaults; throws one SearchError naming every bad field. */
export function resolveSearchConfig(input: SearchConfigInput = {}): SearchConfig {
  const result = SearchConfig.safeParse(input);
  if (result.success) return result.data;
  throw invalidConfig("search configuration", result.error);
}
