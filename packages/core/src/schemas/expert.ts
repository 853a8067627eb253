import { z } from "zod";
import { Id, Topic, Weight } from "./primitives.ts";

export const Expert = z.strictObject({
  id: Id,
  name: z.string().trim().min(1).max(200),
  topics: z.array(Topic).max(100),
  /** How much the organisation vouches for this expert, 0..1. */
  trust: Weight,
});
export type Expert = z.infer<typeof Expert>;
