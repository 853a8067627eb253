import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  DEFAULT_RANKING_CONFIG,
  newLearnerProfile,
  preparePool,
  selectDrop,
} from "@sightline/core";
import {
  createSearchAdmin,
  createSearchReader,
  createTenantToken,
  ensureSearchKey,
  fetchCandidatePools,
  type SearchAdmin,
  searchContent,
  setModeration,
} from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  closeTestMeilisearch,
  testMeilisearch,
  uniqueIndexName,
} from "../../packages/search/test/meilisearch-for-tests.ts";
import { sightline as runSightline } from "../../workers/ingest/test/robustness/sightline-process.ts";

const root = fileURLToPath(new URL("../..", import.meta.url));
const feedsDir = join(root, "examples/org/feeds");
const NOW = new Date("2026-11-21T09:00:00Z");

let server: Server;
let base = "";
let dir = "";
let configPath = "";
let index = "";
let admin: SearchAdmin;

/** Serves the example organisation's feeds, with ETags, plus one broken feed. */
async function serveFeeds(): Promise<void> {
  const files = new Map<string, Buffer>();
  for (const name of await readdir(feedsDir))
    files.set(`/${name}`, await readFile(join(feedsDir, name)));
  server = createServer((request, response) => {
    const body = files.get(request.url ?? "");
    if (body === undefined) {
      response
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end("<rss><channel><item><title>cut");
      return;
    }
    const etag = `"${createHash("sha1").update(body).digest("hex")}"`;
    if (request.headers["if-none-match"] === etag) {
      response.writeHead(304).end();
      return;
    }
    const type = request.url?.endsWith(".json") ? "application/feed+json" : "application/rss+xml";
    response.writeHead(200, { "content-type": type, etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** `sightline <args>` on the test organisation, against the shared test Meilisearch. */
async function sightline(...args: string[]) {
  const connection = await testMeilisearch();
  const meili = { MEILI_URL: connection.url, MEILI_MASTER_KEY: connection.masterKey };
  return await runSightline([...args, "--config", configPath], { ...meili, SIGHTLINE_LOG: "json" });
}

const summaryOf = (stdout: string) =>
  stdout
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line))
    .find((line) => line.type === "run-finished")?.summary;

async function contentTasks(): Promise<number> {
  return (
    await admin.client.tasks.getTasks({ indexUids: [index], types: ["documentAdditionOrUpdate"] })
  ).total;
}

test.before(async () => {
  await serveFeeds();
  dir = await mkdtemp(join(tmpdir(), "sightline-e2e-"));
  index = uniqueIndexName("e2e-items");
  const stateIndex = uniqueIndexName("e2e-feeds");
  const feed = (name: string) => ({ url: `${base}/${name}` });
  const config = {
    ingest: { allowHosts: ["127.0.0.1"], maxRandomDelaySeconds: 0 },
    search: { index, stateIndex },
    experts: [
      {
        id: "ada",
        name: "Ada Okafor",
        trust: 0.95,
        topics: ["kubernetes"],
        feeds: [feed("ada.xml")],
      },
      { id: "grace", name: "Grace Lindqvist", feeds: [feed("grace.xml")] },
      { id: "tomas", name: "Tomás Reyes", feeds: [feed("tomas.xml")] },
      { id: "mei", name: "Mei Tanaka", audience: ["security"], feeds: [feed("mei.xml")] },
      { id: "sam", name: "Sam Patel", feeds: [feed("sam-podcast.xml")] },
      { id: "ines", name: "Inês Duarte", feeds: [feed("ines.json")] },
      { id: "mallory", name: "Broken Feed", feeds: [feed("broken.xml")] },
    ],
  };
  configPath = join(dir, "sightline.json");
  await writeFile(configPath, JSON.stringify(config));
  admin = createSearchAdmin(await testMeilisearch(), { indexName: index });
});

test.after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await closeTestMeilisearch();
  await rm(dir, { recursive: true, force: true });
});

test("feeds served over HTTP are ingested; the broken one fails alone", async () => {
  const run = await sightline("ingest", "--once");
  assert.is(run.code, 2, `one feed failed, so --once exits 2: ${run.stdout}`);
  const summary = summaryOf(run.stdout);
  assert.equal([summary.ok, summary.failed], [6, 1]);
  assert.is(summary.items.created, 25);
  const stats = await admin.client.index(index).getStats();
  assert.is(stats.numberOfDocuments, 25);
});

test("an unchanged re-run writes no documents", async () => {
  const before = await contentTasks();
  const run = await sightline("ingest", "--once", "--all");
  assert.is(run.code, 2, "the broken feed fails again");
  assert.is(summaryOf(run.stdout).unchanged, 6);
  assert.is(await contentTasks(), before);
});

test("learners find it by searching, typos forgiven, with a search-only key", async () => {
  const key = await ensureSearchKey(admin);
  const reader = createSearchReader(
    { url: (await testMeilisearch()).url, apiKey: key.key },
    { indexName: index },
  );
  const results = await searchContent(reader, { q: "kubernets autoscaling" });
  assert.is(results.hits[0]?.item.title, "Why our clusters stopped autoscaling at 3 a.m.");
  assert.is(results.hits[0]?.item.expertId, "ada");
});

test("a tenant token sees public items and its own audience, never another's", async () => {
  const key = await ensureSearchKey(admin);
  const url = (await testMeilisearch()).url;
  // The token enforces its audiences whatever the holder asks for: a finance token asking for
  // security items still gets none.
  const search = async (tokenAudiences: string[], asked?: string[]) => {
    const token = await createTenantToken(key, { audiences: tokenAudiences });
    const reader = createSearchReader({ url, tenantToken: token }, { indexName: index });
    return searchContent(reader, { q: "passkeys", ...(asked ? { audiences: asked } : {}) });
  };
  assert.is((await search([], ["security"])).totalHits, 0);
  assert.is((await search(["finance"], ["finance", "security"])).totalHits, 0);
  assert.is((await search(["security"], ["security"])).hits[0]?.item.expertId, "mei");
  // The token alone is enough: a learner's browser need not repeat its audiences.
  assert.is((await search(["security"])).hits[0]?.item.expertId, "mei");
});

test("a moderator's hide takes an item out of search at once", async () => {
  const key = await ensureSearchKey(admin);
  const reader = createSearchReader(
    { url: (await testMeilisearch()).url, apiKey: key.key },
    { indexName: index },
  );
  const [hit] = (await searchContent(reader, { q: "alert fatigue" })).hits;
  assert.ok(hit !== undefined);
  await setModeration(admin, [{ id: hit.item.id, moderation: "hidden" }]);
  const after = await searchContent(reader, { q: "alert fatigue" });
  assert.not.ok(after.hits.some((found) => found.item.id === hit.item.id));
});

test("candidate pools from the index become a learner's drop, with reasons", async () => {
  const key = await ensureSearchKey(admin);
  const reader = createSearchReader(
    { url: (await testMeilisearch()).url, apiKey: key.key },
    { indexName: index },
  );
  const learner = newLearnerProfile({
    id: "priya",
    interests: { kubernetes: 1, sre: 0.6 },
    followedExperts: ["grace"],
    cadence: { itemsPerDrop: 5, schedule: "0 9 * * 1-5", timezone: "UTC" },
  });
  const pools = await fetchCandidatePools(reader, { learner, now: NOW });
  assert.ok(pools.items.length >= 10, String(pools.items.length));
  assert.ok(pools.items.every((item) => item.moderation === "visible" && item.expertId !== "mei"));
  const pool = preparePool(pools.items, { now: NOW.getTime(), config: DEFAULT_RANKING_CONFIG });
  const { drop } = selectDrop(pool, learner, { dropKey: "2026-11-21" });
  assert.is(drop.items.length, 5);
  assert.ok(drop.items.some((entry) => entry.item.topics.includes("kubernetes")));
  for (const entry of drop.items) assert.ok(entry.reasons.length > 0);
});

test.run();
