import { ContentKind, Id } from "@sightline/core";
import { KeywordRule } from "@sightline/feeds";
import { z } from "zod";

const Topic = z.string().trim().toLowerCase().min(1).max(100);

export const FeedEntry = z.strictObject({
  /** http(s) URL or local path of the feed. */
  url: z.string().trim().min(1),
  /** The feed's source id; derived from the URL when absent. Item ids depend on it: keep it stable. */
  id: Id.optional(),
  topics: z.array(Topic).default([]),
  /** Kind of items whose enclosures say nothing: a video channel's feed, say. */
  kind: ContentKind.optional(),
  language: z.string().optional(),
  keywordRules: z.array(KeywordRule).default([]),
  iframeHosts: z.array(z.string()).default([]),
});
export type FeedEntry = z.infer<typeof FeedEntry>;

export const ExpertEntry = z.strictObject({
  id: Id,
  name: z.string().trim().min(1).max(200),
  trust: z.number().min(0).max(1).default(0.7),
  topics: z.array(Topic).default([]),
  /** Audience groups allowed to see this expert's items; empty means the whole organisation. */
  audience: z.array(Id).default([]),
  feeds: z.array(FeedEntry).default([]),
});
export type ExpertEntry = z.infer<typeof ExpertEntry>;

/**
 * The organisation's configuration file: who the experts are, where they publish, and how the
 * worker reads them. Every default lives here.
 */
export const OrgConfig = z.strictObject({
  ingest: z
    .strictObject({
      /** Cron expression of the ingest loop. */
      schedule: z.string().default("*/15 * * * *"),
      timezone: z.string().default("UTC"),
      /** A random delay before each run, so several workers do not start at the same second. */
      maxRandomDelaySeconds: z.number().int().min(0).default(30),
      concurrency: z.number().int().min(1).max(256).default(8),
      /**
       * Requests one host gets at once. Fewer than a browser's six, but not two: in a company,
       * most experts often post on one internal platform, and a run of unchanged feeds there
       * would wait on round trips (an unchanged run of 1,000 feeds: 10–15 % faster than at two).
       */
      perHostConcurrency: z.number().int().min(1).max(64).default(4),
      /** Hosts let past the private-address guard: the intranet's own. */
      allowHosts: z.array(z.string().trim().min(1)).default([]),
      timeoutSeconds: z.number().positive().default(20),
      maxFeedMegabytes: z.number().positive().default(10),
      minIntervalMinutes: z.number().positive().default(15),
      maxIntervalHours: z.number().positive().default(24),
      maxBackoffHours: z.number().positive().default(24),
    })
    .prefault({}),
  search: z
    .strictObject({
      /** Index of content items. */
      index: Id.default("sightline-items"),
      /** Index of per-feed state, beside the items so a second worker can read it. */
      stateIndex: Id.default("sightline-feeds"),
    })
    .prefault({}),
  experts: z.array(ExpertEntry).default([]),
});
export type OrgConfig = z.infer<typeof OrgConfig>;
export type OrgConfigInput = z.input<typeof OrgConfig>;
