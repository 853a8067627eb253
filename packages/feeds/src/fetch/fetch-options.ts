import { z } from "zod";
import { FeedError } from "../errors.ts";
import { isAllowHostEntry } from "./address-policy.ts";
import type { FeedConnections } from "./feed-connections.ts";
import type { Resolver } from "./guarded-lookup.ts";

export const DEFAULT_USER_AGENT =
  "Sightline-Feeds/0.1 (RSS/Atom/JSON Feed reader of the Sightline learning engine)";

// Header values reach the wire verbatim: CR/LF would split headers, so only visible ASCII,
// Latin-1 and tab are accepted.
const isHeaderSafe = (value: string): boolean => /^[\t\u0020-\u007e\u0080-\u00ff]*$/.test(value);
const headerSafe = { message: "must not contain control characters or line breaks" };
const HeaderValue = z.string().refine(isHeaderSafe, headerSafe);

/** A feed's validators from its last successful fetch. */
const Previous = z.strictObject({
  etag: HeaderValue.optional(),
  lastModified: HeaderValue.optional(),
  bodyHash: z.string().optional(),
});
export type PreviousFetch = z.input<typeof Previous>;

const isFunction = (value: unknown): boolean => typeof value === "function";

/** Every option of `fetchFeed`, with its default: this schema is the one place defaults live. */
export const FetchOptionsSchema = z.strictObject({
  /** Whole fetch, DNS and every redirect included; on expiry the socket is destroyed. */
  timeoutMs: z.number().int().positive().default(20_000),
  /** Cap on the body after decompression (and on the bytes on the wire). */
  maxBytes: z
    .number()
    .int()
    .positive()
    .default(10 * 1024 * 1024),
  maxRedirects: z.number().int().nonnegative().max(20).default(5),
  /** Host names, `*.suffix`, IPs or CIDRs that may resolve to non-public addresses. */
  allowHosts: z
    .array(
      z.string().refine(isAllowHostEntry, {
        message: 'must be a host name, "*.domain", an IP address or a CIDR range',
      }),
    )
    .readonly()
    .default([]),
  userAgent: z.string().min(1).refine(isHeaderSafe, headerSafe).default(DEFAULT_USER_AGENT),
  /** What the last successful fetch returned: sent as conditional-GET validators. */
  previous: Previous.optional(),
  /** Clock in epoch ms, for Retry-After and Expires. */
  now: z.custom<() => number>(isFunction, "must be a function").default(() => Date.now),
  /** DNS resolver; tests inject one, production uses the system's. */
  resolve: z.custom<Resolver>(isFunction, "must be a function").optional(),
  /** Keep-alive connections shared with other fetches; without them each fetch opens its own. */
  connections: z
    .custom<FeedConnections>(
      (value) => typeof (value as FeedConnections | null)?.agentFor === "function",
      "must come from createFeedConnections()",
    )
    .optional(),
  /** Caller's cancellation: aborting it makes `fetchFeed` reject with the signal's reason. */
  signal: z.instanceof(AbortSignal).optional(),
});

export type FetchOptionsInput = z.input<typeof FetchOptionsSchema>;
export type FetchOptions = z.output<typeof FetchOptionsSchema>;

// Options that came out of parseFetchOptions: a run of many fetches parses its options once.
const parsedOptions = new WeakSet<FetchOptions>();

/**
 * Fills in defaults; bad options are a programmer error, so this throws (INVALID_OPTIONS).
 * Options it returned pass straight through: parse once, fetch many.
 */
export function parseFetchOptions(input: FetchOptionsInput | FetchOptions = {}): FetchOptions {
  if (parsedOptions.has(input as FetchOptions)) return input as FetchOptions;
  return remember(checked(FetchOptionsSchema, input));
}

/**
 * Parsed options with one feed's validators in place of `options.previous`: what an ingest run
 * passes per feed, checking only the validators.
 */
export function withPrevious(options: FetchOptions, previous: PreviousFetch): FetchOptions {
  const parsed = parseFetchOptions(options);
  return remember({ ...parsed, previous: checked(Previous, previous, "previous") });
}

function remember(options: FetchOptions): FetchOptions {
  parsedOptions.add(options);
  return options;
}

function checked<T extends z.ZodType>(schema: T, input: unknown, at?: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const listed = result.error.issues
    .map((issue) => {
      const path = [...(at === undefined ? [] : [at]), ...issue.path.map(String)];
      return `${path.join(".") || "(root)"}: ${issue.message}`;
    })
    .join("; ");
  throw new FeedError("INVALID_OPTIONS", `Invalid fetch options: ${listed}. Fix these and retry.`, {
    cause: result.error,
  });
}
