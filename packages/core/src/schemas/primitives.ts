import { z } from "zod";

/** Ids travel into Meilisearch, which accepts only these characters as document ids. */
export const Id = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,511}$/, "must be 1–511 characters of letters, digits, '-' or '_'");

/** Timestamps are ISO-8601 strings with an offset: what JSON, Meilisearch and feeds all carry. */
export const Timestamp = z.iso.datetime({ offset: true });

export const Topic = z.string().trim().min(1).max(100);

/** Only web links: a `javascript:` or `file:` URL must never reach a learner's screen. */
export const HttpUrl = z.url({ protocol: /^https?$/ });

export const Weight = z.number().min(0).max(1);
