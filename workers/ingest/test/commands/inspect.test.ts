import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { NEW_ITEM_SIGNALS, parseContentItem } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type FeedServer, rssFeed, startFeedServer } from "../feed-server.ts";

const cli = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
const realWorld = fileURLToPath(new URL("../../../../../shared/feeds/real-world", import.meta.url));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function sightline(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=@sightline/source", "--import", "tsx", cli, ...args],
      { maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

const lines = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .filter((line) => line !== "")
    .map((line) => JSON.parse(line));

let server: FeedServer;
let dir: string;
test.before(async () => {
  server = await startFeedServer();
  dir = await mkdtemp(join(tmpdir(), "sightline-inspect-"));
});
test.after(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

test("--json prints one line per input with the documented fields, and exit 0 when all parsed", async () => {
  const file = join(dir, "local.xml");
  await writeFile(file, rssFeed("local", 4));
  const run = await sightline(
    "inspect",
    "--json",
    "--allow-host",
    "127.0.0.1",
    file,
    `${server.base}/feed/remote`,
  );
  assert.is(run.code, 0, run.stderr);
  const reports = lines(run.stdout);
  assert.is(reports.length, 2);
  for (const report of reports) {
    assert.ok(report.ok);
    assert.equal(Object.keys(report.feed).sort(), ["format", "link", "title"]);
    assert.is(report.feed.format, "rss");
    assert.ok(Array.isArray(report.warnings));
    for (const item of report.items) {
      for (const key of ["id", "url", "title", "summary", "publishedAt", "topics", "kind"])
        assert.ok(key in item, key);
      assert.match(item.id, /^[A-Za-z0-9_-]+$/);
    }
  }
  const remote = reports.find((report) => report.input.endsWith("/feed/remote"));
  assert.is(remote.items.length, 3);
  assert.is(remote.items[0].title, "remote post 0");
  assert.equal(remote.items[0].topics, ["testing"]);
});

test("a bad input gives one clear error, never a stack trace, exit 1, and the others still parse", async () => {
  const run = await sightline(
    "inspect",
    "--json",
    "--allow-host",
    "127.0.0.1",
    `${server.base}/missing`,
    `${server.base}/broken`,
    join(dir, "no-such-file.xml"),
    `${server.base}/feed/good`,
  );
  assert.is(run.code, 1);
  assert.not.match(run.stdout + run.stderr, /\n\s+at /);
  const byInput = new Map(lines(run.stdout).map((report) => [report.input, report]));
  assert.is(byInput.size, 4);
  const missing = byInput.get(`${server.base}/missing`);
  assert.is(missing.ok, false);
  assert.is(missing.error.code, "HTTP_ERROR");
  assert.match(missing.error.message, /\/missing/);
  assert.is(byInput.get(`${server.base}/broken`).ok, false);
  assert.is(byInput.get(join(dir, "no-such-file.xml")).ok, false);
  assert.ok(byInput.get(`${server.base}/feed/good`).ok);
});

test("without --allow-host a loopback feed is refused by the private-address guard", async () => {
  const run = await sightline("inspect", "--json", `${server.base}/feed/x`);
  assert.is(run.code, 1);
  const [report] = lines(run.stdout);
  assert.is(report.error.code, "BLOCKED_ADDRESS");
});

test("an HTML page that names its feed is followed to the feed", async () => {
  const run = await sightline(
    "inspect",
    "--json",
    "--allow-host",
    "127.0.0.1",
    `${server.base}/page`,
  );
  assert.is(run.code, 0, run.stdout);
  assert.is(lines(run.stdout)[0].items[0].title, "page post 0");
});

test("every item it prints is a valid ContentItem once attributed", async () => {
  const run = await sightline(
    "inspect",
    "--json",
    join(realWorld, "guardian.rss"),
    join(realWorld, "heise.atom"),
  );
  assert.is(run.code, 0, run.stdout);
  for (const report of lines(run.stdout)) {
    assert.ok(report.items.length > 0, report.input);
    for (const item of report.items) {
      parseContentItem({
        ...item,
        expertId: "someone",
        sourceId: "somewhere",
        language: "en",
        firstSeenAt: item.publishedAt,
        ...NEW_ITEM_SIGNALS,
      });
    }
  }
});

test("the readable summary names each feed, its items and each failure", async () => {
  const run = await sightline(
    "inspect",
    "--allow-host",
    "127.0.0.1",
    `${server.base}/feed/human`,
    `${server.base}/missing`,
  );
  assert.is(run.code, 1);
  assert.match(run.stdout, /✔ http:\/\/127\.0\.0\.1:\d+\/feed\/human\n {2}human \[rss\]/);
  assert.match(run.stdout, /3 items, 0 warnings/);
  assert.match(run.stdout, /human post 0/);
  assert.match(run.stdout, /✘ http:\/\/127\.0\.0\.1:\d+\/missing\n {2}HTTP_ERROR: /);
});

test("thousands of inputs in one call, with bounded concurrency", async () => {
  const inputs = Array.from({ length: 2000 }, (_, i) => `${server.base}/feed/bulk-${i}`);
  const run = await sightline(
    "inspect",
    "--json",
    "--allow-host",
    "127.0.0.1",
    "--concurrency",
    "24",
    ...inputs,
  );
  assert.is(run.code, 0, run.stderr.slice(0, 500));
  const reports = lines(run.stdout);
  assert.is(reports.length, 2000);
  assert.ok(reports.every((report) => report.ok && report.items.length === 3));
  assert.is(new Set(reports.map((report) => report.input)).size, 2000);
  assert.ok(server.peakConcurrency() <= 24, `peak ${server.peakConcurrency()}`);
});

test.run();
