import type { FeedError } from "../errors.ts";

/** What a scheduler branches on; failures carry an `error` saying what would fix them. */
export type FetchStatus =
  | "ok"
  | "unchanged"
  | "not-found"
  | "gone"
  | "rate-limited"
  | "blocked"
  | "server-error"
  | "network-error"
  | "timeout"
  | "too-large"
  | "invalid";

export type FetchFailureStatus = Exclude<FetchStatus, "ok" | "unchanged">;

export interface FetchResultBase {
  /** The URL or path exactly as requested. */
  readonly url: string;
  /**
   * Where to fetch next time: `url` moved along 301/308 redirects only while every hop was
   * permanent. It keeps `url`'s credentials while it stays on the same origin: never log it.
   */
  readonly finalUrl: string;
  /** Every redirect target followed or refused, in order, credentials removed. */
  readonly redirects: readonly string[];
  readonly httpStatus?: number;
  readonly retryAfterMs?: number;
  /** Cache-Control max-age less Age, in ms. */
  readonly maxAgeMs?: number;
  /** Expires on our clock, epoch ms; only when there is no max-age. */
  readonly expiresAt?: number;
}

export interface FetchOk extends FetchResultBase {
  readonly status: "ok";
  /** Decompressed bytes, undecoded: the charset is the decoder's business. */
  readonly body: Buffer;
  /** sha256 hex of `body`; store it as `previous.bodyHash`. */
  readonly bodyHash: string;
  readonly contentType?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

/** Nothing new (304, or the same bytes again): there is nothing to parse. */
export interface FetchUnchanged extends FetchResultBase {
  readonly status: "unchanged";
  readonly bodyHash?: string;
  readonly etag?: string;
  readonly lastModified?: string;
}

export interface FetchFailure extends FetchResultBase {
  readonly status: FetchFailureStatus;
  readonly error: FeedError;
}

export type FetchResult = FetchOk | FetchUnchanged | FetchFailure;

/** The parts every result shares while a fetch is under way. */
export interface FetchTrail {
  readonly url: string;
  finalUrl: string;
  readonly redirects: string[];
}

export function failure(
  trail: FetchTrail,
  status: FetchFailureStatus,
  error: FeedError,
): FetchFailure {
  return {
    url: trail.url,
    finalUrl: trail.finalUrl,
    redirects: [...trail.redirects],
    status,
    error,
  };
}
