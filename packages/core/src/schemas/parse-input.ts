import { ContentItem } from "./content-item.ts";
import { Drop } from "./drop.ts";
import { Expert } from "./expert.ts";
import { FeedbackEvent } from "./feedback-event.ts";
import { LearnerProfile } from "./learner-profile.ts";
import { parseWith } from "./parse-with.ts";

// Validators for an app's untrusted JSON: each throws one SightlineError naming every bad field.

export const parseContentItem = (input: unknown): ContentItem =>
  parseWith(ContentItem, input, "content item");
export const parseExpert = (input: unknown): Expert => parseWith(Expert, input, "expert");
export const parseLearnerProfile = (input: unknown): LearnerProfile =>
  parseWith(LearnerProfile, input, "learner profile");
export const parseFeedbackEvent = (input: unknown): FeedbackEvent =>
  parseWith(FeedbackEvent, input, "feedback event");
export const parseDrop = (input: unknown): Drop => parseWith(Drop, input, "drop");
