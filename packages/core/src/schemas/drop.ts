import { z } from "zod";
import { ContentItem } from "./content-item.ts";
import { Id, Timestamp } from "./primitives.ts";

export const SlotKind = z.enum(["interest", "explore", "resurface"]);
export type SlotKind = z.infer<typeof SlotKind>;

export const ReasonCode = z.enum([
  "topic",
  "followed",
  "trust",
  "fresh",
  "social",
  "explore",
  "resurface",
  "fairness",
]);
export type ReasonCode = z.infer<typeof ReasonCode>;

/** One human-readable reason and how much of the score it accounts for. */
export const Reason = z.strictObject({
  code: ReasonCode,
  text: z.string().min(1),
  contribution: z.number(),
});
export type Reason = z.infer<typeof Reason>;

export const DropEntry = z.strictObject({
  item: ContentItem,
  slot: SlotKind,
  score: z.number(),
  reasons: z.array(Reason),
});
export type DropEntry = z.infer<typeof DropEntry>;

export const Drop = z.strictObject({
  learnerId: Id,
  /** Names the slot in the learner's cadence; the same key always yields the same drop. */
  dropKey: z.string().min(1).max(200),
  seed: z.number().int().min(0).max(0xffff_ffff),
  createdAt: Timestamp,
  items: z.array(DropEntry),
});
export type Drop = z.infer<typeof Drop>;
