import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ContentItem } from "@sightline/core";
import type { PreparedDocument } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { OrgConfig } from "../../src/config/org-config.ts";
import { type IngestRunOptions, runIngest } from "../../src/ingest/run-ingest.ts";
import { InMemoryFeedStateStore } from "../../src/state/in-memory-feed-state-store.ts";
import { rssFeed } from "../feed-server.ts";

const MINUTE = 60_000;

interface Host {
  readonly base: string;
  readonly peak: () => number;
  gone: Set<string>;
  close(): Promise<void>;
}

/** A feed host on 127.0.0.1 that answers slowly enough for concurrency to show. */
async function host(onRequest: () => void = () => {}): Promise<Host> {
  let inFlight = 0;
  let peak = 0;
  const gone = new Set<string>();
  const server: Server = createServer((request, response) => {
    onRequest();
    inFlight++;
    peak = Math.max(peak, inFlight);
    setTimeout(() => {
      inFlight--;
      const path = request.url ?? "/";
      if (gone.has(path)) response.writeHead(410).end();
      else
        response
          .writeHead(200, { "content-type": "application/rss+xml" })
          .end(rssFeed(path.slice(1), 2));
    }, 20);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    peak: () => peak,
    gone,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // The run's keep-alive connections are closed by the run; this is for a failed test.
        server.closeAllConnections();
      }),
  };
}

function configFor(urls: readonly string[], ingest: Record<string, unknown> = {}) {
  return OrgConfig.parse({
    ingest: { allowHosts: ["127.0.0.1"], ...ingest },
    experts: [{ id: "ada", name: "Ada", feeds: urls.map((url, i) => ({ url, id: `feed-${i}` })) }],
  });
}

function sink() {
  const written: ContentItem[] = [];
  let failNext = false;
  return {
    written,
    failOnce: () => {
      failNext = true;
    },
    write: async (documents: PreparedDocument[]) => {
      if (failNext) {
        failNext = false;
        throw new Error("Meilisearch is unreachable");
      }
      // As a new item's document would be stored: its fields, then its engagement.
      for (const document of documents) {
        const parts = [...document.fields, document.engagement].map((part) => JSON.parse(part));
        written.push(Object.assign({}, ...parts) as ContentItem);
      }
      return { created: documents.length, updated: 0, unchanged: 0 };
    },
  };
}

function run(
  options: Partial<IngestRunOptions> & Pick<IngestRunOptions, "config" | "store" | "write">,
  at = 1_800_000_000_000,
) {
  return runIngest({ now: () => at, random: () => 0.5, ...options });
}

test("bounded concurrency per host and overall", async () => {
  const [a, b] = [await host(), await host()];
  const urls = [
    ...Array.from({ length: 12 }, (_, i) => `${a.base}/a${i}`),
    ...Array.from({ length: 12 }, (_, i) => `${b.base}/b${i}`),
  ];
  const summary = await run({
    config: configFor(urls, { concurrency: 3, perHostConcurrency: 2 }),
    store: new InMemoryFeedStateStore(),
    write: sink().write,
  });
  assert.is(summary.ok, 24);
  assert.ok(a.peak() <= 2 && b.peak() <= 2, `${a.peak()} ${b.peak()}`);
  assert.ok(a.peak() === 2 || b.peak() === 2, "the lanes were used");
  await a.close();
  await b.close();
});

test("a failure backs off: not due again at once, due after the backoff, or with --all", async () => {
  const store = new InMemoryFeedStateStore();
  const config = configFor(["http://127.0.0.1:1/closed-port"]);
  const first = await run({ config, store, write: sink().write }, 1_000 * MINUTE);
  assert.is(first.failed, 1);
  const state = (await store.loadAll()).get("feed-0");
  assert.is(state?.errorCount, 1);
  assert.is(state?.lastError?.code, "NETWORK_ERROR");
  assert.ok((state?.nextCheckAt ?? 0) > 1_000 * MINUTE);
  assert.is((await run({ config, store, write: sink().write }, 1_001 * MINUTE)).due, 0);
  assert.is((await run({ config, store, write: sink().write, all: true }, 1_001 * MINUTE)).due, 1);
  const later = await run({ config, store, write: sink().write }, 1_100 * MINUTE);
  assert.is(later.due, 1);
  assert.is((await store.loadAll()).get("feed-0")?.errorCount, 3, "the error count keeps growing");
});

test("410 Gone disables a feed with its reason; it stays off even with --all", async () => {
  const server = await host();
  server.gone.add("/old");
  const store = new InMemoryFeedStateStore();
  const config = configFor([`${server.base}/old`]);
  const summary = await run({ config, store, write: sink().write });
  assert.is(summary.disabled, 1);
  const state = (await store.loadAll()).get("feed-0");
  assert.ok(state?.disabled);
  assert.match(state?.disabledReason ?? "", /410/);
  assert.is((await run({ config, store, write: sink().write, all: true })).due, 0);
  await server.close();
});

test("when items cannot be written the feed's state does not advance, and the next run writes them", async () => {
  const server = await host();
  const store = new InMemoryFeedStateStore();
  const config = configFor([`${server.base}/flaky`]);
  const target = sink();
  target.failOnce();
  const failed = await run({ config, store, write: target.write });
  assert.is(failed.failed, 1);
  const state = (await store.loadAll()).get("feed-0");
  assert.is(state?.lastError?.code, "INDEXING_FAILED");
  assert.is(state?.bodyHash, undefined, "validators stay as they were");
  const retried = await run({ config, store, write: target.write }, 1_900_000_000_000);
  assert.is(retried.ok, 1);
  assert.is(target.written.length, 2);
  await server.close();
});

test("asked to stop, it starts no new feed, finishes those it reads and says how many it left", async () => {
  const stop = new AbortController();
  let requests = 0;
  // Stopped while the third feed is being read: that one still finishes, with its items written.
  const server = await host(() => {
    if (++requests === 3) stop.abort();
  });
  const urls = Array.from({ length: 10 }, (_, i) => `${server.base}/s${i}`);
  const target = sink();
  const summary = await run({
    config: configFor(urls, { concurrency: 1, perHostConcurrency: 1 }),
    store: new InMemoryFeedStateStore(),
    write: target.write,
    signal: stop.signal,
  });
  assert.is(requests, 3);
  assert.is(summary.ok, 3);
  assert.is(target.written.length, 6);
  assert.is(summary.abandoned, 7);
  await server.close();
});

test("expert attribution and audience reach every item", async () => {
  const server = await host();
  const target = sink();
  const config = OrgConfig.parse({
    ingest: { allowHosts: ["127.0.0.1"] },
    experts: [
      {
        id: "mei",
        name: "Mei",
        topics: ["Security"],
        audience: ["security"],
        feeds: [{ url: `${server.base}/m`, topics: ["identity"] }],
      },
    ],
  });
  await run({ config, store: new InMemoryFeedStateStore(), write: target.write });
  for (const item of target.written) {
    assert.is(item.expertId, "mei");
    assert.equal(item.audience, ["security"]);
    assert.ok(
      item.topics.includes("security") && item.topics.includes("identity"),
      item.topics.join(),
    );
  }
  await server.close();
});

test.run();
