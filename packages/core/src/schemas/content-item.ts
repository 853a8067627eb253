import { z } from "zod";
import { HttpUrl, Id, Timestamp, Topic } from "./primitives.ts";

export const ContentKind = z.enum(["article", "video", "podcast", "post", "course"]);
export type ContentKind = z.infer<typeof ContentKind>;

export const Moderation = z.enum(["visible", "flagged", "hidden"]);
export type Moderation = z.infer<typeof Moderation>;

const Count = z.number().int().nonnegative();

/**
 * One piece of expert-shared content. Social counters are flat top-level fields because
 * Meilisearch partial updates merge top-level fields only.
 */
export const ContentItem = z.strictObject({
  id: Id,
  url: HttpUrl,
  title: z.string().trim().min(1).max(1000),
  summary: z.string().max(10_000),
  kind: ContentKind,
  topics: z.array(Topic).max(50),
  expertId: Id,
  sourceId: Id,
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, "must be a BCP-47 tag like 'en' or 'pt-BR'"),
  publishedAt: Timestamp,
  firstSeenAt: Timestamp,
  likeCount: Count,
  shareCount: Count,
  commentCount: Count,
  completionCount: Count,
  dismissCount: Count,
  impressionCount: Count,
  moderation: Moderation,
  /** Sanitised HTML body, when the source had one. */
  contentHtml: z.string().optional(),
  /** Plain text of the body, for search. */
  text: z.string().optional(),
  /** Same value for the same article syndicated by several feeds. */
  dedupeKey: z.string().min(1).optional(),
  /** Hash of what a reader sees, so an edited item is recognised as an update. */
  contentHash: z.string().min(1).optional(),
  /** Audience groups allowed to see the item; absent means everyone in the organisation. */
  audience: z.array(Id).optional(),
});
export type ContentItem = z.infer<typeof ContentItem>;
