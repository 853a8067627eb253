import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { fetchFeed } from "../../src/fetch/fetch-feed.ts";
import type { FetchResult } from "../../src/fetch/fetch-result.ts";
import { FEED } from "./hostile-server.ts";

const dir = mkdtempSync(join(tmpdir(), "sightline-fetch-"));
const feedPath = join(dir, "feed.xml");
writeFileSync(feedPath, FEED);
const FEED_HASH = createHash("sha256").update(FEED).digest("hex");

test.after(() => rmSync(dir, { recursive: true, force: true }));

function codeOf(result: FetchResult): string | undefined {
  return "error" in result ? result.error.code : undefined;
}

test("a plain path, a relative path and a file: URL are read whole", async () => {
  for (const target of [
    feedPath,
    relative(process.cwd(), feedPath),
    pathToFileURL(feedPath).href,
  ]) {
    const result = await fetchFeed(target);
    assert.is(result.status, "ok", target);
    if (result.status !== "ok") continue;
    assert.is(result.body.toString("utf8"), FEED);
    assert.is(result.bodyHash, FEED_HASH);
    assert.is(result.url, target);
    assert.is(result.finalUrl, target);
  }
});

test("the same bytes as last time are unchanged", async () => {
  const result = await fetchFeed(feedPath, { previous: { bodyHash: FEED_HASH } });
  assert.is(result.status, "unchanged");
  assert.not.ok("body" in result);
});

test("a missing file is not-found, with a hint for a URL written without its scheme", async () => {
  const result = await fetchFeed("example.com/feed.xml");
  assert.is(result.status, "not-found");
  assert.is(codeOf(result), "FILE_ERROR");
  assert.match("error" in result ? result.error.message : "", "https://");
  assert.is((await fetchFeed(join(feedPath, "below-a-file"))).status, "not-found");
});

test("the size cap applies to files", async () => {
  const result = await fetchFeed(feedPath, { maxBytes: 100 });
  assert.is(result.status, "too-large");
  assert.is(codeOf(result), "TOO_LARGE");
});

test("directories and devices are refused, never read", async () => {
  assert.is((await fetchFeed(dir)).status, "invalid");
  const started = performance.now();
  const zero = await fetchFeed("/dev/zero");
  assert.is(zero.status, "invalid");
  assert.ok(performance.now() - started < 500);
});

test("a FIFO is refused without blocking on it", async () => {
  const fifo = join(dir, "pipe.xml");
  try {
    execFileSync("mkfifo", [fifo]);
  } catch {
    return; // no mkfifo on this machine: the device case above covers non-regular files
  }
  assert.is((await fetchFeed(fifo, { timeoutMs: 500 })).status, "invalid");
});

test("a file: URL naming another host is invalid", async () => {
  const result = await fetchFeed("file://fileserver/share/feed.xml");
  assert.is(result.status, "invalid");
  assert.is(codeOf(result), "INVALID_URL");
});

test.run();
