import type { z } from "zod";
import { LearnerProfile } from "../schemas/learner-profile.ts";
import { parseWith } from "../schemas/parse-with.ts";

/** What a brand-new learner gets: five items on weekday mornings, a little chaos. */
export const NEW_LEARNER_DEFAULTS = {
  interests: {},
  learned: {},
  followedExperts: [],
  mutes: { experts: [], topics: [], words: [] },
  lessOf: { experts: {}, topics: {} },
  saved: [],
  cadence: { itemsPerDrop: 5, schedule: "0 9 * * 1-5", timezone: "UTC" },
  chaos: { temperature: 0.5, explorationShare: 0.2 },
  audiences: [],
} as const satisfies Omit<LearnerProfile, "id">;

const NewLearnerInput = LearnerProfile.partial().required({ id: true });
export type NewLearnerInput = z.input<typeof NewLearnerInput>;

/** A complete, validated profile from the fields an app knows; the rest from the defaults. */
export function newLearnerProfile(input: NewLearnerInput): LearnerProfile {
  const given = parseWith(NewLearnerInput, input, "learner profile");
  return parseWith(
    LearnerProfile,
    { ...structuredClone(NEW_LEARNER_DEFAULTS), ...given },
    "learner profile",
  );
}
