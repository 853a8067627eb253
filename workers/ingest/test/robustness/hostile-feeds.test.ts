import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { FeedHealth } from "../../src/commands/status.ts";
import { FeedFarm } from "./feed-farm.ts";
import { scratchDir } from "./harness.ts";
import { assertIndexHoldsExactly, expectedItems } from "./index-checks.ts";
import { MeilisearchProcess } from "./meilisearch-process.ts";
import { STACK_LINE, sightline, writeConfig } from "./sightline-process.ts";

const GOOD_FEEDS = 12;
const MIB = 1024 * 1024;
const TIMEOUT_SECONDS = 1.5;
/** The default minIntervalMinutes: the first backoff after a failure, ± 10 % jitter. */
const FIRST_BACKOFF_MS = 15 * 60_000;

let scratch: Awaited<ReturnType<typeof scratchDir>>;
let meili: MeilisearchProcess;
let farm: FeedFarm;
let endlessBytesSent = 0;
let endlessClosedByClient = false;
const hostile = new Map<string, { url: string; code: string; message: RegExp }>();

test.before(async () => {
  scratch = await scratchDir("hostile");
  meili = await MeilisearchProcess.start(join(scratch.path, "meili"));
  farm = await FeedFarm.start();
  for (let n = 0; n < GOOD_FEEDS; n++) {
    farm.addFeed(`good${n}`, { items: 2 + (n % 5), delayMs: n * 10, etag: n % 2 === 0 });
  }

  // 16 gzip members of 64 MiB of spaces each: 1 GiB once inflated, about 1 MiB on the wire.
  const member = gzipSync(Buffer.alloc(64 * MIB, " "), { level: 9 });
  const bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
  const add = (
    name: string,
    code: string,
    message: RegExp,
    route: Parameters<FeedFarm["route"]>[1],
  ) => hostile.set(name, { url: farm.route(`/${name}`, route), code, message });

  add("gzip-bomb", "TOO_LARGE", /larger than 1048576 bytes/, (_, response) => {
    response
      .writeHead(200, { "content-type": "application/rss+xml", "content-encoding": "gzip" })
      .end(bomb);
  });
  add("endless", "TOO_LARGE", /larger than 1048576 bytes/, (_, response) => {
    // A 1 GiB feed, sent as fast as the client reads it, until the client hangs up.
    const chunk = Buffer.from(`<item><title>${"x".repeat(64 * 1024 - 30)}</title></item>`);
    response.writeHead(200, { "content-type": "application/rss+xml" });
    response.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>');
    response.once("close", () => {
      endlessClosedByClient = !response.writableFinished;
    });
    const pump = () => {
      while (endlessBytesSent < 1024 * MIB && !response.destroyed) {
        endlessBytesSent += chunk.length;
        if (!response.write(chunk)) {
          response.once("drain", pump);
          return;
        }
      }
      response.end("</channel></rss>");
    };
    pump();
  });
  add("loop-a", "TOO_MANY_REDIRECTS", /redirects loop/, (_, response) => {
    response.writeHead(302, { location: "/loop-b" }).end();
  });
  farm.route("/loop-b", (_, response) => {
    response.writeHead(302, { location: "/loop-a" }).end();
  });
  add(
    "to-other-loopback",
    "BLOCKED_ADDRESS",
    /refused to connect to 127\.0\.0\.2/,
    (_, response) => {
      // Same machine, other address: not in allowHosts, so the guard must refuse it.
      response
        .writeHead(302, { location: `http://127.0.0.2:${new URL(farm.base).port}/feeds/good0` })
        .end();
    },
  );
  add("broken-xml", "UNPARSABLE", /XML is broken/, (_, response) => {
    response
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Cut',
      );
  });
  add("comment-maze", "NOT_A_FEED", /is not RSS, Atom or JSON Feed/, (_, response) => {
    // Forty comments in front of no feed: a lazy comment pattern could group them in 2^40 ways.
    response.writeHead(200, { "content-type": "text/xml" }).end(`${"<!--a-->".repeat(40)}junk`);
  });
  add("unclosed-markup", "UNPARSABLE", /XML is broken/, (_, response) => {
    // 60,000 elements never closed, just under the size cap: scanning to the end for each
    // would keep the worker busy for many seconds before any error.
    response
      .writeHead(200, { "content-type": "application/rss+xml" })
      .end(`<rss version="2.0"><channel>${"<description><b>".repeat(60_000)}</channel></rss>`);
  });
  add("hangs", "TIMEOUT", /no complete answer within 1500 ms/, () => {
    // Accepts the connection and never answers.
  });
  add("drips", "TIMEOUT", /no complete answer within 1500 ms/, (_, response) => {
    // Headers at once, then a byte every 100 ms: only a total deadline ends this.
    response.writeHead(200, { "content-type": "application/rss+xml" });
    const timer = setInterval(() => response.write(" "), 100);
    response.once("close", () => clearInterval(timer));
  });
});

test.after(async () => {
  await meili?.stop();
  await farm?.close();
  await scratch?.remove();
});

test("hostile feeds among good ones: every good item is indexed, each hostile feed fails with its own error, and status shows them failing with a backed-off next check", async () => {
  const config = join(scratch.path, "sightline.yaml");
  await writeConfig(config, farm, {
    ingest: {
      timeoutSeconds: TIMEOUT_SECONDS,
      maxFeedMegabytes: 1,
      concurrency: 8,
      perHostConcurrency: 8,
    },
    extra: [...hostile.entries()].map(([name, { url }]) => ({ name, url })),
  });
  const env = {
    ...meili.env,
    SIGHTLINE_LOG: "json",
    SIGHTLINE_DATA_DIR: join(scratch.path, "data"),
  };

  const started = Date.now();
  const run = await sightline(["--config", config, "ingest", "--once"], env, 30_000);
  const ended = Date.now();
  // The pass completed, but feeds failed: --once says so with exit 2, not 1 (an outage).
  assert.is(run.code, 2, run.output());
  assert.is(run.stderr, "");
  assert.not.match(run.stdout, STACK_LINE);
  // Every hostile feed is cut off by its deadline or cap, so the run is short.
  assert.ok(ended - started < 15_000, `the run took ${ended - started} ms`);

  const done = new Map(run.feedsDone().map((line) => [line.url, line]));
  for (const [name, { url, code }] of hostile) {
    const line = done.get(url);
    assert.is(line?.status, "failed", name);
    assert.is(line?.error?.code, code, `${name}: ${line?.error?.message}`);
  }
  for (const feed of farm.feeds.values()) {
    assert.is(done.get(farm.url(feed.name))?.status, "ok", feed.name);
  }
  assert.is(run.summary()?.ok, GOOD_FEEDS);
  assert.is(run.summary()?.failed, hostile.size);

  // The size cap stopped the 1 GiB stream early, and it was the client that hung up.
  assert.ok(endlessClosedByClient, "the worker closed the endless stream");
  assert.ok(endlessBytesSent < 64 * MIB, `${endlessBytesSent} bytes were sent before the cut`);
  // The redirect to 127.0.0.2 was refused before any connection: nothing listens there anyway,
  // but the error must be the guard's, not a connection failure.
  assert.is(farm.requestsFor("good0"), 1);

  await assertIndexHoldsExactly(meili, await expectedItems(farm));

  const status = await sightline(["--config", config, "status", "--json"], env, 20_000);
  assert.is(status.code, 0, status.output());
  const rows = JSON.parse(status.stdout) as FeedHealth[];
  assert.is(rows.length, GOOD_FEEDS + hostile.size);
  const byUrl = new Map(rows.map((row) => [row.url, row]));
  for (const [name, { url, message }] of hostile) {
    const row = byUrl.get(url);
    assert.ok(row !== undefined, name);
    assert.is(row.health, "failing", name);
    assert.is(row.errors, 1, name);
    assert.is(row.lastSuccess, null, name);
    assert.is(row.items, 0, name);
    assert.match(row.lastError ?? "", message, name);
    const next = Date.parse(row.nextCheck ?? "");
    assert.ok(
      next >= started + FIRST_BACKOFF_MS * 0.9 - 1000 && next <= ended + FIRST_BACKOFF_MS * 1.1,
      `${name}: next check ${row.nextCheck} is one backoff away`,
    );
  }
  for (const feed of farm.feeds.values()) {
    const row = byUrl.get(farm.url(feed.name));
    assert.is(row?.health, "ok", feed.name);
    assert.is(row?.errors, 0);
    assert.is(row?.lastError, null);
    assert.is(row?.items, feed.items.length);
    assert.ok(Date.parse(row?.nextCheck ?? "") > ended, `${feed.name} is checked again later`);
  }

  // Backed off means left alone: an immediate second run touches none of them.
  const before = farm.requests.length;
  const again = await sightline(["--config", config, "ingest", "--once"], env, 20_000);
  assert.is(again.code, 0, again.output());
  assert.is(again.summary()?.due, 0);
  assert.is(farm.requests.length, before, "no feed was requested again");
});

test.run();
