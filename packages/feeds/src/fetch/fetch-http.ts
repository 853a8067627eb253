import { STATUS_CODES } from "node:http";
import { isIP } from "node:net";
import { Agent, type Dispatcher } from "undici";
import { FeedError } from "../errors.ts";
import { type AddressPolicy, createAddressPolicy, normaliseHost } from "./address-policy.ts";
import { cacheHeaders } from "./cache-headers.ts";
import { type DeadlineSignal, startDeadline } from "./deadline.ts";
import type { GuardedAgent } from "./feed-connections.ts";
import type { FetchOptions } from "./fetch-options.ts";
import {
  type FetchFailureStatus,
  type FetchResult,
  type FetchResultBase,
  type FetchTrail,
  failure,
} from "./fetch-result.ts";
import { blocked, createGuardedLookup } from "./guarded-lookup.ts";
import { headerValue, type ResponseHeaders } from "./header-value.ts";
import { httpStatusClass } from "./http-status-class.ts";
import { discard, readCappedBody } from "./read-capped-body.ts";
import { redactUrl } from "./redact-url.ts";

const REDIRECT_CODES = new Set([301, 302, 303, 307, 308]);
const PERMANENT_CODES = new Set([301, 308]);
const ACCEPT =
  "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

interface Context {
  readonly start: URL;
  /** The requested URL with credentials removed: what messages name. */
  readonly feed: string;
  readonly agent: Agent;
  readonly policy: AddressPolicy;
  readonly options: FetchOptions;
  readonly signal: DeadlineSignal;
  readonly trail: FetchTrail;
}

type Response = Dispatcher.ResponseData<unknown>;

const ADVICE: Readonly<Partial<Record<FetchFailureStatus, string>>> = {
  "not-found": "check the feed URL; if the feed moved without a redirect, update it",
  gone: "the publisher removed this feed: stop polling it",
  "rate-limited": "poll this feed less often",
  blocked: "the server refuses this client: the feed may need credentials",
  "server-error": "a fault on the server's side: retry later",
  invalid: "not a feed response: check the feed URL",
};

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** URL credentials become Basic auth, sent only to the requested origin, never across a redirect. */
function authorization(url: URL, start: URL): Record<string, string> {
  if (start.username === "" && start.password === "") return {};
  if (url.origin !== start.origin) return {};
  const credentials = `${safeDecode(start.username)}:${safeDecode(start.password)}`;
  return { authorization: `Basic ${Buffer.from(credentials).toString("base64")}` };
}

function requestFor(url: URL, context: Context): Dispatcher.RequestOptions<unknown> {
  const previous = context.options.previous;
  return {
    origin: url.origin,
    path: `${url.pathname}${url.search}`,
    method: "GET",
    signal: context.signal,
    headers: {
      "user-agent": context.options.userAgent,
      accept: ACCEPT,
      "accept-encoding": "gzip, deflate, br",
      ...(previous?.etag === undefined ? {} : { "if-none-match": previous.etag }),
      ...(previous?.lastModified === undefined
        ? {}
        : { "if-modified-since": previous.lastModified }),
      ...authorization(url, context.start),
    },
  };
}

/** Host names are checked by the guarded lookup at connect time; IP literals never reach it. */
function refuseLiteralHost(url: URL, context: Context): FeedError | undefined {
  const host = normaliseHost(url.hostname);
  if (isIP(host) === 0) return undefined;
  const verdict = context.policy.check(host, host);
  return verdict.allowed ? undefined : blocked(context.feed, host, host, verdict.range);
}

function invalid(context: Context, code: "INVALID_URL" | "TOO_MANY_REDIRECTS", why: string) {
  const error = new FeedError(code, `Feed ${context.feed}: ${why}.`, { feed: context.feed });
  return failure(context.trail, "invalid", error);
}

/** Where a redirect leads, or why it is not followed. */
function nextHop(
  location: string,
  current: URL,
  visited: Set<string>,
  context: Context,
): URL | FetchResult {
  if (!URL.canParse(location, current.href)) {
    return invalid(context, "INVALID_URL", "redirected to an unparsable Location");
  }
  const next = new URL(location, current);
  next.hash = "";
  const { redirects } = context.trail;
  redirects.push(redactUrl(next));
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    return invalid(
      context,
      "INVALID_URL",
      `redirected to a ${next.protocol} URL; only http and https are followed`,
    );
  }
  if (redirects.length > context.options.maxRedirects) {
    return invalid(
      context,
      "TOO_MANY_REDIRECTS",
      `more than ${context.options.maxRedirects} redirects; open the feed in a browser and use the URL it ends at`,
    );
  }
  if (visited.has(next.href)) {
    return invalid(
      context,
      "TOO_MANY_REDIRECTS",
      "the redirects loop; the server is misconfigured",
    );
  }
  return next;
}

/** A permanent move keeps the requested credentials when it stays on the same origin. */
function movedTo(next: URL, start: URL): string {
  if (next.origin !== start.origin) return next.href;
  const moved = new URL(next.href);
  moved.username = start.username;
  moved.password = start.password;
  return moved.href;
}

async function follow(context: Context): Promise<FetchResult> {
  let current = context.start;
  let permanent = true;
  const visited = new Set([current.href]);
  for (;;) {
    const refusal = refuseLiteralHost(current, context);
    if (refusal !== undefined) return failure(context.trail, "blocked", refusal);
    const response = await context.agent.request(requestFor(current, context));
    // A move counts once its target answered: a refused or unreachable target is not adopted.
    if (permanent && current !== context.start) {
      context.trail.finalUrl = movedTo(current, context.start);
    }
    const location = headerValue(response.headers, "location");
    if (!REDIRECT_CODES.has(response.statusCode) || location === undefined) {
      return await settle(response, context);
    }
    await response.body.dump();
    const next = nextHop(location, current, visited, context);
    if (!(next instanceof URL)) return next;
    visited.add(next.href);
    permanent &&= PERMANENT_CODES.has(response.statusCode);
    current = next;
  }
}

function validators(headers: ResponseHeaders) {
  const etag = headerValue(headers, "etag");
  const lastModified = headerValue(headers, "last-modified");
  return {
    ...(etag === undefined ? {} : { etag }),
    ...(lastModified === undefined ? {} : { lastModified }),
  };
}

function httpError(
  code: number,
  status: FetchFailureStatus,
  context: Context,
  retryAfterMs?: number,
) {
  const wait =
    retryAfterMs === undefined ? "" : ` (Retry-After: ${Math.ceil(retryAfterMs / 1000)} s)`;
  const advice = ADVICE[status] ?? "retry later";
  return new FeedError(
    "HTTP_ERROR",
    `Feed ${context.feed}: the server answered ${code} ${STATUS_CODES[code] ?? ""}${wait}; ${advice}.`,
    { feed: context.feed },
  );
}

function unchanged(meta: FetchResultBase, headers: ResponseHeaders, context: Context): FetchResult {
  const previous = context.options.previous;
  if (previous?.etag === undefined && previous?.lastModified === undefined) {
    const error = httpError(304, "invalid", context);
    return { ...meta, status: "invalid", error };
  }
  const { etag = previous.etag, lastModified = previous.lastModified } = validators(headers);
  return {
    ...meta,
    status: "unchanged",
    ...(etag === undefined ? {} : { etag }),
    ...(lastModified === undefined ? {} : { lastModified }),
    ...(previous.bodyHash === undefined ? {} : { bodyHash: previous.bodyHash }),
  };
}

function tooLarge(meta: FetchResultBase, context: Context): FetchResult {
  const error = new FeedError(
    "TOO_LARGE",
    `Feed ${context.feed}: the body is larger than ${context.options.maxBytes} bytes; raise maxBytes if this feed is really that big.`,
    { feed: context.feed },
  );
  return { ...meta, status: "too-large", error };
}

async function readBody(
  response: Response,
  meta: FetchResultBase,
  context: Context,
): Promise<FetchResult> {
  const { headers } = response;
  const { maxBytes, previous } = context.options;
  // Bytes on the wire are capped too, so a declared length over the cap fails without reading.
  if (Number(headerValue(headers, "content-length")) > maxBytes) {
    discard(response.body);
    return tooLarge(meta, context);
  }
  const read = await readCappedBody(response.body, {
    contentEncoding: headerValue(headers, "content-encoding"),
    maxBytes,
    aborted: () => context.signal.aborted,
  });
  if (!read.ok && read.reason === "too-large") return tooLarge(meta, context);
  if (!read.ok) {
    const message = `Feed ${context.feed}: ${read.detail}; the server's compression is broken.`;
    const error = new FeedError("BAD_CONTENT_ENCODING", message, { feed: context.feed });
    return { ...meta, status: "invalid", error };
  }
  const kept = { ...meta, ...validators(headers), bodyHash: read.sha256 };
  if (read.sha256 === previous?.bodyHash) return { ...kept, status: "unchanged" };
  const contentType = headerValue(headers, "content-type");
  return {
    ...kept,
    status: "ok",
    body: read.body,
    ...(contentType === undefined ? {} : { contentType }),
  };
}

async function settle(response: Response, context: Context): Promise<FetchResult> {
  const { statusCode, headers } = response;
  const { trail } = context;
  const meta: FetchResultBase = {
    url: trail.url,
    finalUrl: trail.finalUrl,
    redirects: [...trail.redirects],
    httpStatus: statusCode,
    ...cacheHeaders(headers, context.options.now()),
  };
  const status = httpStatusClass(statusCode);
  if (status === "ok") return await readBody(response, meta, context);
  await response.body.dump();
  if (status === "unchanged") return unchanged(meta, headers, context);
  return { ...meta, status, error: httpError(statusCode, status, context, meta.retryAfterMs) };
}

/** The lookup's refusal, naming this feed: a shared lookup cannot know which feed asked. */
function blockedCause(error: unknown, feed: string): FeedError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (!(cause instanceof FeedError) || cause.code !== "BLOCKED_ADDRESS") continue;
    if (cause.feed !== undefined) return cause;
    return new FeedError("BLOCKED_ADDRESS", `Feed ${feed}: ${cause.message}`, { feed, cause });
  }
  return undefined;
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return "code" in error ? `${String(error.code)}: ${error.message}` : error.message;
}

/**
 * An agent of its own, whose sockets all go through the guarded lookup and are destroyed at the
 * end, so none outlives the fetch. net.Socket takes the deadline's signal: at the deadline every
 * socket is destroyed, even one still resolving or connecting, which undici alone would leave to
 * its connect timeout.
 */
function ownAgent(feed: string, options: FetchOptions, signal: AbortSignal): GuardedAgent {
  const policy = createAddressPolicy(options.allowHosts);
  const lookup = createGuardedLookup(policy, feed, options.resolve);
  return { agent: new Agent({ connect: { lookup, signal } }), policy };
}

/**
 * One GET with manual redirects under one deadline, on the caller's shared connections (see
 * FeedConnections) or on an agent of its own.
 */
export async function fetchHttp(
  requested: string,
  start: URL,
  options: FetchOptions,
): Promise<FetchResult> {
  const feed = redactUrl(start);
  const deadline = startDeadline(options.timeoutMs, options.signal);
  const shared = options.connections?.agentFor(options);
  const { agent, policy } = shared ?? ownAgent(feed, options, deadline.abortSignal());
  const trail: FetchTrail = { url: requested, finalUrl: requested, redirects: [] };
  const context: Context = { start, feed, agent, policy, options, signal: deadline.signal, trail };
  try {
    return await follow(context);
  } catch (error) {
    if (deadline.timedOut()) {
      const message = `Feed ${feed}: no complete answer within ${options.timeoutMs} ms; retry later, or raise timeoutMs for a slow server.`;
      return failure(trail, "timeout", new FeedError("TIMEOUT", message, { feed, cause: error }));
    }
    if (options.signal?.aborted === true) throw options.signal.reason;
    const refused = blockedCause(error, feed);
    if (refused !== undefined) return failure(trail, "blocked", refused);
    const message = `Feed ${feed}: ${describe(error)}; check the host name and that the server is up.`;
    return failure(
      trail,
      "network-error",
      new FeedError("NETWORK_ERROR", message, { feed, cause: error }),
    );
  } finally {
    deadline.clear();
    if (shared === undefined) await agent.destroy();
  }
}
