// pnpm bench:search [--json]
// 500 mixed learner queries (typos, filters, facets, sorts, pages) through the library against
// the same request bodies sent with node's fetch and `Accept-Encoding: identity`, same server,
// same run, alternating which goes first. Then a slice of the same queries through a default
// meilisearch client (gzip negotiated) to show what the header saves. The index holds 20,000
// synthetic items with bodies. MEILI_URL + MEILI_MASTER_KEY use a running server; otherwise the
// embedded one is started (MEILI_BIN overrides its binary) and stopped at the end.
import { type ContentItem, createRandom, type RandomSource } from "@sightline/core";
import { syntheticOrg } from "@sightline/core/testing";
import {
  applyIndexSettings,
  buildSearchRequest,
  createSearchAdmin,
  createSearchReader,
  ensureSearchKey,
  parseSearchQuery,
  type SearchQueryInput,
  searchContent,
  upsertContentItems,
} from "@sightline/search";
import { openScratchMeilisearch } from "@sightline/search/testing";
import { Meilisearch } from "meilisearch";

const json = process.argv.includes("--json");
const DOCUMENTS = 20_000;
const QUERIES = 500;
const WARM_UP = 50;
const GZIP_SAMPLE = 100;
const FLOOR = 1.1;
const END = Date.UTC(2026, 10, 1);
const DAY = 86_400_000;

const log = (line: string) => {
  if (!json) console.log(line);
};

const VOCABULARY = (
  "kubernetes operators networking observability tracing metrics latency caching queues " +
  "streaming postgres indexing replication sharding typescript generics compilers testing " +
  "refactoring architecture microservices security authentication encryption privacy design " +
  "accessibility onboarding leadership feedback hiring mentoring roadmaps incidents outages " +
  "monitoring alerting deployment pipelines containers serverless databases migrations " +
  "performance profiling memory concurrency search ranking recommendations experiments"
).split(" ");

function words(random: RandomSource, count: number): string {
  return Array.from(
    { length: count },
    () => VOCABULARY[Math.floor(random.next() * VOCABULARY.length)],
  ).join(" ");
}

/** syntheticOrg's items with realistic words in the title and a body of ~100 words. */
function corpus(): ContentItem[] {
  const org = syntheticOrg({
    seed: 11,
    learners: 1,
    experts: 400,
    topics: 40,
    items: DOCUMENTS,
    days: 90,
    end: END,
  });
  const random = createRandom(12);
  return org.items.map((item, i) => ({
    ...item,
    title: `${words(random, 3)} — ${item.title}`,
    summary: `${item.summary} ${words(random, 20)}`,
    text: words(random, 60 + Math.floor(random.next() * 80)),
    ...(i % 10 === 0 ? { audience: [`group-${i % 7}`] } : {}),
  }));
}

function typo(word: string, random: RandomSource): string {
  const at = 1 + Math.floor(random.next() * (word.length - 2));
  return random.next() < 0.5
    ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + (word[at + 1] ?? "") + (word[at] ?? "") + word.slice(at + 2);
}

function queries(): SearchQueryInput[] {
  const random = createRandom(13);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random.next() * list.length)] as T;
  const kinds = ["article", "post", "video", "podcast", "course"] as const;
  return Array.from({ length: QUERIES }, (_, i): SearchQueryInput => {
    const word = pick(VOCABULARY);
    const q = [
      word,
      typo(word, random),
      `${word} ${pick(VOCABULARY)}`,
      `${typo(word, random)} ${pick(VOCABULARY)}`,
    ][i % 4] as string;
    return {
      q,
      audiences: i % 3 === 0 ? [`group-${i % 7}`] : [],
      ...(i % 5 === 1 ? { kinds: [pick(kinds)] } : {}),
      ...(i % 5 === 2 ? { topics: [`topic-${i % 12}`, `topic-${(i * 7) % 40}`] } : {}),
      ...(i % 5 === 3 ? { publishedAfter: new Date(END - (7 + (i % 30)) * DAY) } : {}),
      ...(i % 4 === 1 ? { sort: "newest" as const } : {}),
      ...(i % 6 === 5 ? { facets: [] } : {}),
      page: 1 + (i % 3 === 2 ? 1 : 0),
    };
  });
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;
}

const { connection, stop: cleanup } = await openScratchMeilisearch({
  label: "search-bench",
  url: process.env.MEILI_URL,
  masterKey: process.env.MEILI_MASTER_KEY,
  binaryPath: process.env.MEILI_BIN,
});
try {
  const indexName = `bench-search-${process.pid}`;
  const admin = createSearchAdmin(connection, { indexName });
  const items = corpus();
  const started = performance.now();
  await applyIndexSettings(admin);
  await upsertContentItems(admin, items);
  const indexingSeconds = (performance.now() - started) / 1000;
  log(
    `Meilisearch ${connection.features.version}: ${items.length} documents indexed in ${indexingSeconds.toFixed(1)} s`,
  );

  const key = await ensureSearchKey(admin);
  const reader = createSearchReader({ url: connection.url, apiKey: key.key }, admin.config);
  const all = queries();
  const bodies = all.map((query) =>
    JSON.stringify(buildSearchRequest(reader, parseSearchQuery(query, reader.config))),
  );
  const searchUrl = new URL(`indexes/${indexName}/search`, connection.url);
  const headers = {
    Authorization: `Bearer ${key.key}`,
    "Content-Type": "application/json",
    "Accept-Encoding": "identity",
  };

  let answered = 0;
  const viaLibrary = async (i: number): Promise<number> => {
    const t0 = performance.now();
    const results = await searchContent(reader, all[i] as SearchQueryInput);
    const elapsed = performance.now() - t0;
    if (results.totalHits > 0) answered++;
    return elapsed;
  };
  const viaFetch = async (i: number, extra: Record<string, string> = {}): Promise<number> => {
    const t0 = performance.now();
    const response = await fetch(searchUrl, {
      method: "POST",
      headers: { ...headers, ...extra },
      body: bodies[i] as string,
    });
    if (!response.ok)
      throw new Error(`raw search failed: ${response.status} ${await response.text()}`);
    await response.json();
    return performance.now() - t0;
  };

  for (let i = 0; i < WARM_UP; i++) {
    await viaLibrary(i);
    await viaFetch(i);
  }
  answered = 0;
  const library: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < all.length; i++) {
    if (i % 2 === 0) {
      library.push(await viaLibrary(i));
      raw.push(await viaFetch(i));
    } else {
      raw.push(await viaFetch(i));
      library.push(await viaLibrary(i));
    }
  }

  // What the header saves: a stock client and a stock fetch both negotiate gzip.
  const stock = new Meilisearch({ host: connection.url, apiKey: key.key }).index(indexName);
  const gzipClient: number[] = [];
  const gzipFetch: number[] = [];
  for (let i = 0; i < GZIP_SAMPLE; i++) {
    const body = JSON.parse(bodies[i] as string) as { q: string };
    const t0 = performance.now();
    await stock.search(body.q, body);
    gzipClient.push(performance.now() - t0);
    gzipFetch.push(await viaFetch(i, { "Accept-Encoding": "gzip, deflate, br" }));
  }

  const result = {
    documents: items.length,
    queries: all.length,
    queriesWithHits: answered,
    indexingSeconds: Number(indexingSeconds.toFixed(2)),
    p50Ms: Number(percentile(library, 0.5).toFixed(3)),
    p95Ms: Number(percentile(library, 0.95).toFixed(3)),
    rawHttpP50Ms: Number(percentile(raw, 0.5).toFixed(3)),
    rawHttpP95Ms: Number(percentile(raw, 0.95).toFixed(3)),
    ratioP50VsRawHttp: Number((percentile(library, 0.5) / percentile(raw, 0.5)).toFixed(3)),
    gzipClientP50Ms: Number(percentile(gzipClient, 0.5).toFixed(3)),
    gzipRawHttpP50Ms: Number(percentile(gzipFetch, 0.5).toFixed(3)),
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    log(`\n${all.length} queries (after ${WARM_UP} warm-up; ${answered} with hits), milliseconds:`);
    log(`  library (searchContent)           p50 ${result.p50Ms}  p95 ${result.p95Ms}`);
    log(
      `  raw fetch, Accept-Encoding: identity  p50 ${result.rawHttpP50Ms}  p95 ${result.rawHttpP95Ms}`,
    );
    log(`  ratio p50 library / raw          ${result.ratioP50VsRawHttp} (floor ≤ ${FLOOR})`);
    log(`\nCompression negotiated (first ${GZIP_SAMPLE} queries):`);
    log(`  stock meilisearch client          p50 ${result.gzipClientP50Ms}`);
    log(`  raw fetch, gzip accepted          p50 ${result.gzipRawHttpP50Ms}`);
  }
  if (result.ratioP50VsRawHttp > FLOOR) {
    console.error(`ratioP50VsRawHttp ${result.ratioP50VsRawHttp} is above the floor ${FLOOR}.`);
    process.exitCode = 1;
  }
  await admin.client.deleteKey(key.uid);
  await admin.client.deleteIndex(indexName).waitTask({ timeout: 60_000 });
} finally {
  await cleanup();
}
