/** Stable codes: apps branch on `code`, never on message text; codes are only ever added. */
export type FeedErrorCode =
  | "INVALID_URL"
  | "BLOCKED_ADDRESS"
  | "TOO_MANY_REDIRECTS"
  | "TIMEOUT"
  | "TOO_LARGE"
  | "HTTP_ERROR"
  | "NETWORK_ERROR"
  | "UNDECODABLE"
  | "UNPARSABLE"
  | "NOT_A_FEED"
  | "INVALID_OPML"
  | "INVALID_OPTIONS"
  | "BAD_CONTENT_ENCODING"
  | "FILE_ERROR";

/** The one error class of @sightline/feeds: a stable `code`, the feed it concerns, the `cause`. */
export class FeedError extends Error {
  override readonly name = "FeedError";
  readonly code: FeedErrorCode;
  /** The feed URL or path the error is about, with any credentials removed. */
  readonly feed: string | undefined;

  constructor(
    code: FeedErrorCode,
    message: string,
    options: { feed?: string; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.feed = options.feed;
  }
}
