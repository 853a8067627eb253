import { Id } from "@sightline/core";
import { IdentityMode } from "@sightline/feeds";
import { z } from "zod";

/** How many recent publication times a feed keeps: enough to estimate how often it posts. */
export const RECENT_ITEM_TIMES = 100;

/**
 * What the worker remembers about one feed between runs. It advances only after the feed's items
 * are confirmed indexed, so a crash at any moment re-reads the feed rather than losing items.
 */
export const FeedState = z.strictObject({
  /** The feed's source id. */
  id: Id,
  url: z.string().min(1),
  expertId: Id,
  /** Where a permanent redirect said the feed now lives. */
  movedTo: z.string().min(1).optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  bodyHash: z.string().optional(),
  identityMode: IdentityMode,
  nextCheckAt: z.number(),
  /** Why the next check is then: posting frequency, a backoff, the feed's ttl… */
  nextCheckReason: z.string().optional(),
  lastCheckAt: z.number().optional(),
  lastSuccessAt: z.number().optional(),
  errorCount: z.number().int().nonnegative(),
  lastError: z.strictObject({ code: z.string(), message: z.string(), at: z.number() }).optional(),
  disabled: z.boolean(),
  disabledReason: z.string().optional(),
  /** Items the feed held at its last successful read. */
  itemCount: z.number().int().nonnegative(),
  recentItemTimes: z.array(z.number()).max(RECENT_ITEM_TIMES),
});
export type FeedState = z.infer<typeof FeedState>;

/** A feed never read before: due at once. */
export function freshFeedState(id: string, url: string, expertId: string): FeedState {
  return {
    id,
    url,
    expertId,
    identityMode: "guid",
    nextCheckAt: 0,
    errorCount: 0,
    disabled: false,
    itemCount: 0,
    recentItemTimes: [],
  };
}
