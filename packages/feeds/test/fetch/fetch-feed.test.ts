import { createHash } from "node:crypto";
import { subscribe, unsubscribe } from "node:diagnostics_channel";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { FeedError } from "../../src/errors.ts";
import { createAddressPolicy } from "../../src/fetch/address-policy.ts";
import { createFeedConnections, type FeedConnections } from "../../src/fetch/feed-connections.ts";
import { fetchFeed as fetchFeedOnce } from "../../src/fetch/fetch-feed.ts";
import type { FetchOptionsInput } from "../../src/fetch/fetch-options.ts";
import type { FetchResult } from "../../src/fetch/fetch-result.ts";
import { createGuardedLookup, type Resolver } from "../../src/fetch/guarded-lookup.ts";
import {
  closedPort,
  ETAG,
  FEED,
  type HostileServer,
  LAST_MODIFIED,
  ONE_GIB,
  startHostileServer,
  startSilentServer,
} from "./hostile-server.ts";

// Every request here goes to 127.0.0.1 or 127.0.0.2. Refusals of other addresses are proven
// with injected resolvers and must happen before any connection. Every test runs twice: with
// an agent per fetch, and on connections shared by all the fetches of the suite.

const FEED_HASH = createHash("sha256").update(FEED).digest("hex");
const LOCAL = { allowHosts: ["127.0.0.1"], timeoutMs: 3000 } as const;
const NOW = Date.parse("2026-03-03T08:00:00Z");

function errorOf(result: FetchResult): FeedError {
  if (!("error" in result)) throw new Error(`expected a failure, got ${result.status}`);
  return result.error;
}

function fetchFeedSuite(mode: "own agent" | "shared connections"): void {
  const test = suite(`fetchFeed, ${mode}`);
  let server: HostileServer;
  let connections: FeedConnections | undefined;
  let resolverDecidesConnections = false;

  test.before(async () => {
    server = await startHostileServer();
    if (mode === "shared connections") connections = createFeedConnections();
  });

  test.after(async () => {
    await connections?.close();
    await server.close();
  });

  function fetchFeed(url: string, options: FetchOptionsInput = {}): Promise<FetchResult> {
    return fetchFeedOnce(url, connections === undefined ? options : { ...options, connections });
  }

  function fetchLocal(path: string, options: FetchOptionsInput = {}): Promise<FetchResult> {
    return fetchFeed(server.url(path), { ...LOCAL, ...options });
  }

  function lastRequest(path: string) {
    return server.requests.findLast((request) => request.path === path);
  }

  test("200: raw bytes, hash, validators and content type; descriptive User-Agent", async () => {
    const result = await fetchLocal("/feed.xml");
    assert.is(result.status, "ok");
    if (result.status !== "ok") return;
    assert.is(result.body.toString("utf8"), FEED);
    assert.is(result.bodyHash, FEED_HASH);
    assert.is(result.etag, ETAG);
    assert.is(result.lastModified, LAST_MODIFIED);
    assert.is(result.contentType, "application/rss+xml; charset=utf-8");
    assert.is(result.httpStatus, 200);
    assert.is(result.finalUrl, server.url("/feed.xml"));
    assert.equal(result.redirects, []);
    const headers = lastRequest("/feed.xml")?.headers;
    assert.match(headers?.["user-agent"] ?? "", /^Sightline-Feeds\/\S+ \(.+\)$/);
    assert.is(headers?.["accept-encoding"], "gzip, deflate, br");
  });

  test("conditional GET: stored validators are sent and a 304 is unchanged", async () => {
    const previous = { etag: ETAG, lastModified: LAST_MODIFIED, bodyHash: FEED_HASH };
    const result = await fetchLocal("/feed.xml", { previous });
    assert.equal(
      { ...result },
      {
        url: server.url("/feed.xml"),
        finalUrl: server.url("/feed.xml"),
        redirects: [],
        httpStatus: 304,
        status: "unchanged",
        etag: ETAG,
        lastModified: LAST_MODIFIED,
        bodyHash: FEED_HASH,
      },
    );
    const headers = lastRequest("/feed.xml")?.headers;
    assert.is(headers?.["if-none-match"], ETAG);
    assert.is(headers?.["if-modified-since"], LAST_MODIFIED);
  });

  test("a 200 with the same bytes as last time is unchanged and carries no body", async () => {
    const result = await fetchLocal("/same.xml", { previous: { bodyHash: FEED_HASH } });
    assert.is(result.status, "unchanged");
    assert.not.ok("body" in result);
    assert.is(result.status === "unchanged" && result.bodyHash, FEED_HASH);
  });

  test("a 304 to a request that was not conditional is invalid", async () => {
    const result = await fetchLocal("/not-modified", { previous: { bodyHash: FEED_HASH } });
    assert.is(result.status, "invalid");
    assert.is(errorOf(result).code, "HTTP_ERROR");
  });

  test("slow drip: the deadline aborts the fetch and really closes the socket", async () => {
    const started = performance.now();
    const result = await fetchLocal("/slow", { timeoutMs: 300 });
    const elapsed = performance.now() - started;
    assert.is(result.status, "timeout");
    assert.is(errorOf(result).code, "TIMEOUT");
    assert.match(errorOf(result).message, "timeoutMs");
    assert.ok(elapsed >= 290 && elapsed < 1000, `took ${elapsed} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const probe = server.probe("/slow");
    assert.ok(probe?.closedAt !== undefined, "the server saw the connection close");
    assert.ok((probe?.bytesSent ?? 0) >= 2, "some bytes dripped in before the deadline");
  });

  test("a server that never answers times out too", async () => {
    const result = await fetchLocal("/stall", { timeoutMs: 200 });
    assert.is(result.status, "timeout");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(server.probe("/stall")?.closedAt !== undefined);
  });

  test("the deadline covers DNS: a resolver that never answers times out", async () => {
    const resolve: Resolver = () => new Promise(() => {});
    const started = performance.now();
    const result = await fetchFeed("http://hanging-dns.test/feed.xml", { resolve, timeoutMs: 200 });
    assert.is(result.status, "timeout");
    assert.ok(performance.now() - started < 1000);
  });

  test("https: a TLS handshake that never completes is cut at the deadline", async () => {
    const silent = await startSilentServer();
    try {
      const result = await fetchFeed(`https://127.0.0.1:${silent.port}/feed.xml`, {
        ...LOCAL,
        timeoutMs: 200,
      });
      assert.is(result.status, "timeout");
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.is(silent.closed(), 1, "the server saw the connection close");
    } finally {
      await silent.close();
    }
  });

  test("a 1 GiB stream is cut at the cap quickly, never read whole", async () => {
    const started = performance.now();
    const result = await fetchLocal("/huge", { maxBytes: 1024 * 1024 });
    assert.is(result.status, "too-large");
    assert.is(errorOf(result).code, "TOO_LARGE");
    assert.match(errorOf(result).message, "maxBytes");
    assert.ok(performance.now() - started < 2000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const probe = server.probe("/huge");
    assert.ok(probe?.closedAt !== undefined, "the server saw the connection close");
    assert.ok((probe?.bytesSent ?? ONE_GIB) < 64 * 1024 * 1024, `server sent ${probe?.bytesSent}`);
  });

  test("a declared Content-Length over the cap fails before the body is read", async () => {
    const result = await fetchLocal("/huge-declared", { maxBytes: 1024 * 1024 });
    assert.is(result.status, "too-large");
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok((server.probe("/huge-declared")?.bytesSent ?? ONE_GIB) < 16 * 1024 * 1024);
  });

  test("a gzip bomb (1 GiB of zeros in ~1 MB) stops at the decompressed cap", async () => {
    const started = performance.now();
    const result = await fetchLocal("/bomb", { maxBytes: 2 * 1024 * 1024 });
    assert.is(result.status, "too-large");
    assert.ok(performance.now() - started < 2000);
  });

  test("gzip, zlib deflate, raw deflate and br bodies come back decompressed", async () => {
    for (const path of ["/gzip", "/deflate", "/deflate-raw", "/br"]) {
      const result = await fetchLocal(path);
      assert.is(result.status, "ok", path);
      assert.is(result.status === "ok" && result.body.toString("utf8"), FEED, path);
      assert.is(result.status === "ok" && result.bodyHash, FEED_HASH, path);
    }
  });

  test("corrupt or unsupported compression is invalid", async () => {
    for (const path of ["/corrupt-gzip", "/zstd"]) {
      const result = await fetchLocal(path);
      assert.is(result.status, "invalid", path);
      assert.is(errorOf(result).code, "BAD_CONTENT_ENCODING", path);
    }
  });

  test("wrong or absent content types are passed through for the decoder to judge", async () => {
    const html = await fetchLocal("/html");
    assert.is(html.status === "ok" && html.contentType, "text/html; charset=utf-8");
    const untyped = await fetchLocal("/untyped");
    assert.is(untyped.status, "ok");
    assert.not.ok("contentType" in untyped);
  });

  test("a redirect loop stops at the first repeat", async () => {
    const result = await fetchLocal("/loop/a");
    assert.is(result.status, "invalid");
    assert.is(errorOf(result).code, "TOO_MANY_REDIRECTS");
    assert.equal(result.redirects, [server.url("/loop/b"), server.url("/loop/a")]);
  });

  test("at most maxRedirects redirects are followed", async () => {
    assert.is((await fetchLocal("/chain/5")).status, "ok");
    const six = await fetchLocal("/chain/6");
    assert.is(six.status, "invalid");
    assert.is(errorOf(six).code, "TOO_MANY_REDIRECTS");
    assert.is(six.redirects.length, 6);
    assert.is((await fetchLocal("/chain/1", { maxRedirects: 0 })).status, "invalid");
  });

  test("finalUrl follows 301/308 chains only", async () => {
    const moved = await fetchLocal("/moved");
    assert.is(moved.finalUrl, server.url("/feed.xml"));
    assert.equal(moved.redirects, [server.url("/moved-again"), server.url("/feed.xml")]);
    const temporaryFirst = await fetchLocal("/temporary-then-moved");
    assert.is(temporaryFirst.status, "ok");
    assert.is(temporaryFirst.finalUrl, server.url("/temporary-then-moved"));
    const movedFirst = await fetchLocal("/moved-then-temporary");
    assert.is(movedFirst.finalUrl, server.url("/temporary"));
  });

  test("a redirect to another loopback address is refused before connecting to it", async () => {
    const before = server.connections("127.0.0.2");
    const result = await fetchLocal("/to-other-loopback");
    assert.is(result.status, "blocked");
    const error = errorOf(result);
    assert.is(error.code, "BLOCKED_ADDRESS");
    assert.match(error.message, 'add "127.0.0.2" to allowHosts');
    assert.is(result.finalUrl, server.url("/to-other-loopback"), "a refused move is not adopted");
    assert.equal(result.redirects, [server.url("/feed.xml", "127.0.0.2")]);
    assert.is(server.connections("127.0.0.2"), before);
  });

  test("…and followed when that address is allowlisted", async () => {
    const result = await fetchLocal("/to-other-loopback", {
      allowHosts: ["127.0.0.1", "127.0.0.2"],
    });
    assert.is(result.status, "ok");
    assert.is(result.finalUrl, server.url("/feed.xml", "127.0.0.2"));
    assert.is(lastRequest("/feed.xml")?.host, "127.0.0.2");
  });

  test("loopback is refused without an allowlist, by IP literal and by name", async () => {
    const before = server.connections("127.0.0.1");
    const literal = await fetchFeed(server.url("/feed.xml"));
    assert.is(literal.status, "blocked");
    const named = await fetchFeed(`http://localhost:${server.port}/feed.xml`);
    assert.is(named.status, "blocked");
    assert.match(errorOf(named).message, 'add "localhost" to allowHosts');
    assert.is(server.connections("127.0.0.1"), before);
    const allowed = await fetchFeed(`http://localhost:${server.port}/feed.xml`, {
      allowHosts: ["localhost"],
    });
    assert.is(allowed.status, "ok");
  });

  test("the resolver's checked answer is what is connected to (no rebinding window)", async () => {
    const asked: string[] = [];
    const resolve: Resolver = async (host) => {
      asked.push(host);
      return [{ address: "127.0.0.2", family: 4 }];
    };
    const url = `http://intranet.test:${server.port}/feed.xml`;
    const refused = await fetchFeed(url, { resolve });
    assert.is(refused.status, "blocked");
    const allowed = await fetchFeed(url, { resolve, allowHosts: ["intranet.test"] });
    assert.is(allowed.status, "ok");
    assert.is(lastRequest("/feed.xml")?.host, "127.0.0.2");
    assert.equal(asked, ["intranet.test", "intranet.test"]);
    resolverDecidesConnections = true;
  });

  test("a name resolving to 10.0.0.1 is refused in the lookup, before any connection", async () => {
    const resolve: Resolver = async () => [{ address: "10.0.0.1", family: 4 }];
    // A broken guard must fail here, never send a packet to 10.0.0.1: first prove that connections
    // follow the injected resolver (test above) and that the lookup refuses this answer.
    assert.ok(resolverDecidesConnections, "the resolver wiring test must pass first");
    const lookup = createGuardedLookup(createAddressPolicy([]), "f", resolve);
    const direct = await new Promise((done) => lookup("intranet.test", {}, (error) => done(error)));
    assert.instance(direct, FeedError);
    const connectErrors: unknown[] = [];
    const connected: unknown[] = [];
    const onError = (message: unknown) => connectErrors.push((message as { error: unknown }).error);
    const onConnected = (message: unknown) => connected.push(message);
    subscribe("undici:client:connectError", onError);
    subscribe("undici:client:connected", onConnected);
    try {
      const result = await fetchFeed("http://intranet.test/feed.xml", { resolve, timeoutMs: 1000 });
      assert.is(result.status, "blocked");
      assert.match(errorOf(result).message, "10.0.0.1");
      assert.match(errorOf(result).message, "allowHosts");
    } finally {
      unsubscribe("undici:client:connectError", onError);
      unsubscribe("undici:client:connected", onConnected);
    }
    assert.is(connected.length, 0);
    assert.is(connectErrors.length, 1);
    assert.instance(
      connectErrors[0],
      FeedError,
      "the connect failed in the lookup, not on the wire",
    );
  });

  test("429 is rate-limited with Retry-After; 503 with an HTTP-date Retry-After", async () => {
    const limited = await fetchLocal("/rate-limited");
    assert.is(limited.status, "rate-limited");
    assert.is(limited.retryAfterMs, 120_000);
    assert.match(errorOf(limited).message, "less often");
    const unavailable = await fetchLocal("/unavailable");
    assert.is(unavailable.status, "server-error");
    assert.is(unavailable.retryAfterMs, 300_000);
  });

  test("404, 410, 500 and 403 map to not-found, gone, server-error and blocked", async () => {
    const cases: [string, string, number][] = [
      ["/missing", "not-found", 404],
      ["/gone", "gone", 410],
      ["/broken", "server-error", 500],
      ["/forbidden", "blocked", 403],
    ];
    for (const [path, status, httpStatus] of cases) {
      const result = await fetchLocal(path);
      assert.is(result.status, status, path);
      assert.is(result.httpStatus, httpStatus, path);
      assert.is(errorOf(result).code, "HTTP_ERROR", path);
      assert.is(errorOf(result).feed, server.url(path), path);
    }
  });

  test("Cache-Control max-age and Expires reach the scheduler", async () => {
    assert.is((await fetchLocal("/cached")).maxAgeMs, 500_000);
    const expires = await fetchLocal("/expires", { now: () => NOW });
    assert.is(expires.expiresAt, NOW + 30 * 60 * 1000);
  });

  test("URL credentials become Basic auth and never appear in errors or redirects", async () => {
    const base = `http://reader:p%40ss%20word@127.0.0.1:${server.port}`;
    const ok = await fetchFeed(`${base}/auth`, LOCAL);
    assert.is(ok.status, "ok");
    const missing = await fetchFeed(`${base}/missing`, LOCAL);
    assert.not.match(errorOf(missing).message, "reader");
    assert.not.match(errorOf(missing).feed ?? "", "reader");
    const elsewhere = await fetchFeed(`${base}/auth-elsewhere`, {
      allowHosts: ["127.0.0.1", "127.0.0.2"],
    });
    assert.is(elsewhere.status, "ok");
    assert.is(lastRequest("/feed.xml")?.headers.authorization, undefined, "not sent cross-origin");
    assert.not.match(elsewhere.redirects.join(" "), "reader");
  });

  test("a refused connection is a network-error", async () => {
    const port = await closedPort();
    const result = await fetchFeed(`http://127.0.0.1:${port}/feed.xml`, LOCAL);
    assert.is(result.status, "network-error");
    assert.is(errorOf(result).code, "NETWORK_ERROR");
    assert.match(errorOf(result).message, "ECONNREFUSED");
  });

  test("only http, https and local files: other schemes and redirects to them are invalid", async () => {
    for (const url of ["ftp://127.0.0.1/feed.xml", "javascript:alert(1)", "http://[bad", "  "]) {
      const result = await fetchFeed(url, LOCAL);
      assert.is(result.status, "invalid", url);
      assert.is(errorOf(result).code, "INVALID_URL", url);
    }
    const toFile = await fetchLocal("/to-file");
    assert.is(toFile.status, "invalid");
    assert.match(errorOf(toFile).message, "file:");
  });

  test("aborting the caller's signal rejects with its reason", async () => {
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 50);
    try {
      await fetchLocal("/slow", { signal: controller.signal });
      assert.unreachable("should have rejected");
    } catch (error) {
      assert.is(error, reason);
    }
  });

  test("bad options throw; they are the only thing that does", async () => {
    try {
      await fetchFeed(server.url("/feed.xml"), { timeoutMs: 0 });
      assert.unreachable("should have thrown");
    } catch (error) {
      assert.instance(error, FeedError);
      assert.is((error as FeedError).code, "INVALID_OPTIONS");
    }
  });

  test.run();
}

fetchFeedSuite("own agent");
fetchFeedSuite("shared connections");
