// Golden tests over every feed in <repo root>/../shared/feeds/real-world. Each fixture is read and
// normalised twice (ids and output must not change between runs) and compared with its file in
// test/golden/real-world/. After an intended change, regenerate, format and review the diff:
//   UPDATE_GOLDEN=1 node scripts/test.mjs packages/feeds/test/golden
//   npx biome format --write packages/feeds/test/golden
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type ContentItem, parseContentItem } from "@sightline/core";
import { FeedError, normaliseFeed, readFeedDocument } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { NOW } from "../feeds.ts";
import { type Fixture, realWorldFixtures } from "../real-world.ts";

const GOLDEN_DIR = fileURLToPath(new URL("./real-world/", import.meta.url));
const UPDATE = process.env.UPDATE_GOLDEN === "1";
/** Enough of long fields to review a golden by eye; contentHash covers the rest. */
const EXCERPT = 160;

const fixtures = realWorldFixtures();
const urlOf = (name: string) => `https://fixtures.sightline.test/real-world/${name}`;

function itemSnapshot(item: ContentItem) {
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    publishedAt: item.publishedAt,
    kind: item.kind,
    language: item.language,
    topics: item.topics,
    summary: item.summary.slice(0, EXCERPT),
    contentStart: item.contentHtml?.slice(0, EXCERPT),
    textLength: item.text?.length,
    dedupeKey: item.dedupeKey,
    contentHash: item.contentHash,
  };
}

async function read(fixture: Fixture) {
  const url = urlOf(fixture.name);
  const document = await readFeedDocument({ bytes: fixture.bytes, url });
  if (document.kind !== "feed") return { document };
  const config = { feedUrl: url, expertId: "golden", sourceId: fixture.name.replace(/\W/g, "-") };
  return { document, result: normaliseFeed(document.feed, config, { now: NOW }) };
}

async function snapshotOf(fixture: Fixture) {
  try {
    const { document, result } = await read(fixture);
    if (document.kind !== "feed" || result === undefined)
      return { fixture: fixture.name, ...document };
    const { feed, encoding } = document;
    return {
      fixture: fixture.name,
      encoding,
      format: feed.format,
      schedule: feed.schedule,
      identityMode: result.identityMode,
      warnings: result.warnings,
      items: result.items.map(itemSnapshot),
    };
  } catch (error) {
    if (!(error instanceof FeedError)) throw error;
    return { fixture: fixture.name, error: { code: error.code, message: error.message } };
  }
}

test("the fixture folder is found and holds feeds", () => {
  assert.ok(fixtures.length >= 30, `found ${fixtures.length} fixtures`);
});

for (const fixture of fixtures) {
  test(`${fixture.name} reads as its golden file records, the same on every run`, async () => {
    const snapshot = JSON.parse(JSON.stringify(await snapshotOf(fixture)));
    assert.equal(JSON.parse(JSON.stringify(await snapshotOf(fixture))), snapshot);
    const path = `${GOLDEN_DIR}${fixture.name}.json`;
    if (UPDATE) {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(path, `${JSON.stringify(snapshot, null, 2)}\n`);
      return;
    }
    assert.equal(snapshot, JSON.parse(readFileSync(path, "utf8")));
  });
}

test("every item of every fixture passes core's parseContentItem, with unique ids per feed", async () => {
  for (const fixture of fixtures) {
    const result = await read(fixture).catch(() => undefined);
    const items = result?.result?.items ?? [];
    for (const item of items) assert.equal(parseContentItem(item), item);
    assert.is(new Set(items.map((item) => item.id)).size, items.length, fixture.name);
  }
});

test("Latin-1 feeds, declared or not, read without mojibake", async () => {
  for (const [name, expected] of [
    ["encoding.rss", "Mãe de utente é a nova presidente da Raríssimas"],
    [
      "uolNoticias.rss",
      "Ibope: Bolsonaro perde de Haddad, Ciro e Alckmin em simulações de 2º turno",
    ],
  ] as const) {
    const fixture = fixtures.find((candidate) => candidate.name === name);
    assert.ok(fixture, name);
    const items = (await read(fixture)).result?.items ?? [];
    assert.is(items[0]?.title, expected);
    const everything = JSON.stringify(items);
    assert.not.match(
      everything,
      /\uFFFD|Ã[\u0080-\u00BF]|Â[\u0080-\u00BF]/,
      `${name} has mojibake`,
    );
  }
});

test.run();
