import { z } from "zod";
import { Id, Timestamp, Topic } from "./primitives.ts";

const base = { learnerId: Id, at: Timestamp };

export const FeedbackEvent = z.discriminatedUnion("type", [
  z.strictObject({ ...base, type: z.literal("like"), itemId: Id, topics: z.array(Topic) }),
  z.strictObject({ ...base, type: z.literal("save"), itemId: Id, topics: z.array(Topic) }),
  z.strictObject({ ...base, type: z.literal("complete"), itemId: Id, topics: z.array(Topic) }),
  z.strictObject({ ...base, type: z.literal("dismiss"), itemId: Id, topics: z.array(Topic) }),
  z.strictObject({ ...base, type: z.literal("seen"), itemId: Id }),
  z.strictObject({ ...base, type: z.literal("less-of-expert"), expertId: Id }),
  z.strictObject({ ...base, type: z.literal("less-of-topic"), topic: Topic }),
  z.strictObject({ ...base, type: z.literal("more-of-topic"), topic: Topic }),
  z.strictObject({
    ...base,
    type: z.literal("mute-word"),
    word: z.string().trim().min(1).max(100),
  }),
]);
export type FeedbackEvent = z.infer<typeof FeedbackEvent>;
export type FeedbackType = FeedbackEvent["type"];
