import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedError } from "../../src/errors.ts";
import { createFeedConnections } from "../../src/fetch/feed-connections.ts";
import { fetchFeed } from "../../src/fetch/fetch-feed.ts";
import { type HostileServer, startHostileServer } from "./hostile-server.ts";

// fetch-feed.test.ts runs every fetch case on shared connections too; these are the pooling's own.

let server: HostileServer;
const LOCAL = { allowHosts: ["127.0.0.1"], timeoutMs: 3000 } as const;

test.before(async () => {
  server = await startHostileServer();
});

test.after(async () => {
  await server.close();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

test("ten fetches one after another on shared connections open at most two", async () => {
  const connections = createFeedConnections();
  const before = server.connections("127.0.0.1");
  try {
    for (let n = 0; n < 10; n++) {
      const result = await fetchFeed(server.url("/feed.xml"), { ...LOCAL, connections });
      assert.is(result.status, "ok");
    }
    // undici may open a second connection while the first is being handed back, never more.
    assert.ok(server.connections("127.0.0.1") - before <= 2);
  } finally {
    await connections.close();
  }
});

test("without shared connections every fetch opens and closes its own", async () => {
  const before = server.connections("127.0.0.1");
  for (let n = 0; n < 3; n++) await fetchFeed(server.url("/feed.xml"), LOCAL);
  assert.is(server.connections("127.0.0.1") - before, 3);
});

test("after fetches that were cut off, the shared connections still serve the next ones", async () => {
  const connections = createFeedConnections();
  try {
    const cuts = [
      ["/huge", "too-large"],
      ["/slow", "timeout"],
      ["/corrupt-gzip", "invalid"],
    ] as const;
    for (const [path, status] of cuts) {
      const options = { ...LOCAL, maxBytes: 64 * 1024, timeoutMs: 300, connections };
      assert.is((await fetchFeed(server.url(path), options)).status, status, path);
      const next = await fetchFeed(server.url("/feed.xml"), { ...LOCAL, connections });
      assert.is(next.status, "ok", `after ${path}`);
    }
  } finally {
    await connections.close();
  }
});

test("other allowlists or timeouts get connections of their own", async () => {
  const connections = createFeedConnections();
  try {
    const a = connections.agentFor({ allowHosts: ["127.0.0.1"], timeoutMs: 1000 });
    assert.is(connections.agentFor({ allowHosts: ["127.0.0.1"], timeoutMs: 1000 }), a);
    assert.is.not(connections.agentFor({ allowHosts: ["127.0.0.2"], timeoutMs: 1000 }), a);
    assert.is.not(connections.agentFor({ allowHosts: ["127.0.0.1"], timeoutMs: 2000 }), a);
    const sorted = connections.agentFor({ allowHosts: ["b.test", "a.test"], timeoutMs: 1000 });
    assert.is(connections.agentFor({ allowHosts: ["a.test", "b.test"], timeoutMs: 1000 }), sorted);
  } finally {
    await connections.close();
  }
});

test("close() destroys idle connections, and closed connections refuse new fetches", async () => {
  const connections = createFeedConnections();
  const result = await fetchFeed(server.url("/feed.xml"), { ...LOCAL, connections });
  assert.is(result.status, "ok");
  await settle();
  assert.is(server.openConnections(), 1, "kept alive for the next fetch");
  await connections.close();
  await settle();
  assert.is(server.openConnections(), 0);
  try {
    await fetchFeed(server.url("/feed.xml"), { ...LOCAL, connections });
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.instance(error, FeedError);
    assert.is((error as FeedError).code, "INVALID_OPTIONS");
  }
});

test.run();
