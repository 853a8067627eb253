import { z } from "zod";
import { isCronExpression } from "../cadence/next-drop-time.ts";
import { Id, Timestamp, Topic, Weight } from "./primitives.ts";

export const SavedItem = z.strictObject({
  itemId: Id,
  savedAt: Timestamp,
  /** How many times it has come back; each return waits longer than the last. */
  resurfacedCount: z.number().int().nonnegative(),
  lastResurfacedAt: Timestamp.optional(),
});
export type SavedItem = z.infer<typeof SavedItem>;

export const Cadence = z.strictObject({
  itemsPerDrop: z.number().int().min(1).max(100),
  /** Five-field cron expression, e.g. "0 9 * * 1-5" for weekdays at nine. */
  schedule: z
    .string()
    .trim()
    .max(120)
    .refine(isCronExpression, 'must be a five-field cron expression such as "0 9 * * 1-5"'),
  /** IANA time zone the schedule is read in, e.g. "Europe/Oslo". */
  timezone: z.string().refine(isTimeZone, "must be an IANA time zone such as 'Europe/Oslo'"),
});
export type Cadence = z.infer<typeof Cadence>;

export const Chaos = z.strictObject({
  /** 0 is a deterministic top-k; higher values sample more freely. */
  temperature: z.number().min(0).max(10),
  /** Share of slots filled from outside the learner's interests. */
  explorationShare: Weight,
});
export type Chaos = z.infer<typeof Chaos>;

export const LearnerProfile = z.strictObject({
  id: Id,
  /** Declared interests, topic → weight 0..1. */
  interests: z.record(Topic, Weight),
  /** Adjustments learned from feedback, topic → −1..1; they decay back to 0 over time. */
  learned: z.record(Topic, z.number().min(-1).max(1)),
  learnedAt: Timestamp.optional(),
  followedExperts: z.array(Id),
  mutes: z.strictObject({
    experts: z.array(Id),
    topics: z.array(Topic),
    words: z.array(z.string().trim().min(1).max(100)),
  }),
  /** "Less of this": when the learner asked, per expert and per topic. */
  lessOf: z.strictObject({
    experts: z.record(Id, Timestamp),
    topics: z.record(Topic, Timestamp),
  }),
  saved: z.array(SavedItem),
  cadence: Cadence,
  chaos: Chaos,
  /** Audience groups the learner belongs to; items restricted to other groups are never shown. */
  audiences: z.array(Id),
});
export type LearnerProfile = z.infer<typeof LearnerProfile>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
