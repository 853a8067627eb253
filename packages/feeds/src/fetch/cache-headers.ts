import { headerValue, type ResponseHeaders } from "./header-value.ts";

/** What a scheduler needs from a response's caching headers, as durations from `now` in ms. */
export interface CacheHints {
  readonly retryAfterMs?: number;
  readonly maxAgeMs?: number;
  /** Epoch ms; only given when there is no max-age, which takes precedence (RFC 9111 §5.3). */
  readonly expiresAt?: number;
}

const IMF_FIXDATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const RFC_850 = /^[A-Z][a-z]+, \d{2}-[A-Z][a-z]{2}-\d{2} \d{2}:\d{2}:\d{2} GMT$/;
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

/**
 * An HTTP-date (RFC 9110 §5.6.7) in epoch ms. The formats are matched first because Date.parse
 * alone accepts nearly anything ("1" is a date in 2001); asctime has no zone but is GMT.
 */
export function parseHttpDate(value: string): number | undefined {
  const text = value.trim();
  let candidate: string | undefined;
  if (IMF_FIXDATE.test(text) || RFC_850.test(text)) candidate = text;
  else if (ASCTIME.test(text)) candidate = `${text} GMT`;
  const ms = candidate === undefined ? Number.NaN : Date.parse(candidate);
  return Number.isNaN(ms) ? undefined : ms;
}

function seconds(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value.trim()) ? Number(value.trim()) : undefined;
}

/** Retry-After as delay-seconds or an HTTP-date; a date in the past means "now" (0). */
export function parseRetryAfter(value: string, reference: number): number | undefined {
  const delay = seconds(value);
  if (delay !== undefined) return delay * 1000;
  const date = parseHttpDate(value);
  return date === undefined ? undefined : Math.max(0, date - reference);
}

/** max-age in seconds from a Cache-Control value (the first one, quoted or not). */
export function parseMaxAge(cacheControl: string): number | undefined {
  for (const directive of cacheControl.split(",")) {
    const match = /^max-age\s*=\s*"?(\d+)"?$/i.exec(directive.trim());
    if (match?.[1] !== undefined) return Number(match[1]);
  }
  return undefined;
}

/**
 * Retry-After, Cache-Control max-age (less the Age a shared cache already spent) and Expires.
 * Dates are measured against the response's own Date header when it has one, so a server whose
 * clock is off still gets the interval it meant; `now` anchors the result to our clock.
 * An unparsable Expires (e.g. "0") is left out rather than read as "poll now", so a broken
 * server cannot make a scheduler hammer it.
 */
export function cacheHeaders(headers: ResponseHeaders, now: number): CacheHints {
  const serverDate = parseHttpDate(headerValue(headers, "date") ?? "");
  const reference = serverDate ?? now;
  const retryAfter = headerValue(headers, "retry-after");
  const retryAfterMs =
    retryAfter === undefined ? undefined : parseRetryAfter(retryAfter, reference);
  const maxAge = parseMaxAge(headerValue(headers, "cache-control") ?? "");
  const age = seconds(headerValue(headers, "age")) ?? 0;
  const maxAgeMs = maxAge === undefined ? undefined : Math.max(0, maxAge - age) * 1000;
  const expires = parseHttpDate(headerValue(headers, "expires") ?? "");
  const expiresAt =
    maxAgeMs !== undefined || expires === undefined ? undefined : now + (expires - reference);
  return {
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    ...(maxAgeMs === undefined ? {} : { maxAgeMs }),
    ...(expiresAt === undefined ? {} : { expiresAt }),
  };
}
