// What "no loss, no duplicates" means, checked against the live index: the documents Meilisearch
// holds are exactly the items the feeds serve now, each once and in its latest version; and at
// any moment, a feed whose state was saved has all the items it was read with in the index.
import * as assert from "uvu/assert";
import type { ExpectedItem, FarmFeed, FeedFarm } from "./feed-farm.ts";
import type { MeilisearchProcess } from "./meilisearch-process.ts";

export const CONTENT_INDEX = "sightline-items";
export const STATE_INDEX = "sightline-feeds";

export interface SavedState {
  readonly id: string;
  readonly url: string;
  readonly etag?: string;
  readonly bodyHash?: string;
  readonly lastSuccessAt?: number;
  readonly lastCheckAt?: number;
  readonly nextCheckAt: number;
  readonly errorCount: number;
  readonly lastError?: { readonly code: string; readonly message: string };
  readonly itemCount: number;
}

/** Deletes both indexes, so a test starts from an empty Meilisearch. */
export async function resetIndexes(meili: MeilisearchProcess): Promise<void> {
  for (const uid of [CONTENT_INDEX, STATE_INDEX]) {
    const response = await fetch(`${meili.url}/indexes/${uid}`, {
      method: "DELETE",
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    assert.ok(response.ok || response.status === 404, `deleting ${uid}: ${response.status}`);
  }
  await meili.idle();
}

export async function savedStates(meili: MeilisearchProcess): Promise<Map<string, SavedState>> {
  const documents = (await meili.documents(STATE_INDEX)) as unknown as SavedState[];
  return new Map(documents.map((state) => [state.id, state]));
}

export async function expectedItems(
  farm: FeedFarm,
  feeds: Iterable<FarmFeed> = farm.feeds.values(),
): Promise<Map<string, ExpectedItem>> {
  const all = new Map<string, ExpectedItem>();
  for (const feed of feeds) {
    for (const item of await farm.expected(feed)) {
      assert.not.ok(all.has(item.id), `two expected items share the id ${item.id}`);
      all.set(item.id, item);
    }
  }
  return all;
}

/** The index holds exactly the farm's current items: none missing, none twice, none stale. */
export async function assertIndexHoldsExactly(
  meili: MeilisearchProcess,
  expected: ReadonlyMap<string, ExpectedItem>,
): Promise<void> {
  const documents = await meili.items(CONTENT_INDEX);
  const count = await meili.documentCount(CONTENT_INDEX);
  const ids = documents.map((document) => document.id);
  const urls = documents.map((document) => document.url);
  const present = new Set(ids);
  const missing = [...expected.keys()].filter((id) => !present.has(id));
  const unexpected = documents.filter((document) => !expected.has(document.id));
  assert.equal(missing.length, 0, `${missing.length} expected items are not indexed`);
  assert.equal(
    unexpected.map((document) => document.url),
    [],
    "documents that no feed serves (a duplicate under another id?)",
  );
  assert.is(count, expected.size, "Meilisearch's document count");
  assert.is(new Set(ids).size, ids.length, "an id returned twice");
  assert.is(new Set(urls).size, urls.length, "an item indexed twice under different ids");
  for (const document of documents) {
    const want = expected.get(document.id);
    assert.is(document.title, want?.title, `title of ${document.url}`);
    assert.is(document.contentHash, want?.contentHash, `content hash of ${document.url}`);
  }
}

/**
 * Every feed whose saved ETag names a version has each item of that version indexed, in that
 * version or a later one: a state never runs ahead of the items it describes.
 */
export async function assertStatesNeverAheadOfItems(
  meili: MeilisearchProcess,
  farm: FeedFarm,
): Promise<number> {
  const states = await savedStates(meili);
  const indexed = new Map(
    (await meili.items(CONTENT_INDEX)).map((document) => [document.id, document]),
  );
  let checked = 0;
  for (const feed of farm.feeds.values()) {
    const etag = states.get(feed.sourceId)?.etag;
    if (etag === undefined) continue;
    const version = Number(/-v(\d+)"$/.exec(etag)?.[1]);
    const laterHashes = new Map<string, Set<string>>();
    for (let v = version; v <= feed.version; v++) {
      for (const item of await farm.expected(feed, v)) {
        const hashes = laterHashes.get(item.id) ?? new Set();
        hashes.add(item.contentHash);
        laterHashes.set(item.id, hashes);
      }
    }
    for (const item of await farm.expected(feed, version)) {
      const document = indexed.get(item.id);
      assert.ok(
        document !== undefined,
        `${feed.name}: state saved at version ${version} but ${item.url} is not indexed`,
      );
      assert.ok(
        laterHashes.get(item.id)?.has(document.contentHash ?? ""),
        `${feed.name}: state saved at version ${version} but ${item.url} holds an older version`,
      );
    }
    checked++;
  }
  return checked;
}
