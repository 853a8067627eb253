import { prepareDocument, type SearchDocument, toSearchDocument } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ENGAGEMENT_FIELDS } from "../../src/documents/to-search-document.ts";
import { testItem } from "../meilisearch-for-tests.ts";

const written = (json: string) => JSON.parse(json) as Record<string, unknown>;

const ITEMS = {
  "a bare item": testItem("bare"),
  "an item with every optional field": testItem("full", {
    contentHtml: "<p>Café <em>crème</em> — “quoted”</p>",
    text: "Café crème — “quoted”",
    dedupeKey: "story-1",
    contentHash: "h1",
    audience: ["security", "sre"],
    likeCount: 3,
    moderation: "flagged",
  }),
};

for (const [name, item] of Object.entries(ITEMS)) {
  test(`${name}: written new, it is the item as stored, engagement included`, () => {
    const document = prepareDocument(item);
    assert.equal(written(`${document.fields}${document.engagement}}`), {
      ...toSearchDocument(item),
    });
  });

  test(`${name}: written over an existing one, it leaves the engagement alone`, () => {
    const document = prepareDocument(item);
    const expected: Partial<SearchDocument> = { ...toSearchDocument(item) };
    for (const field of ENGAGEMENT_FIELDS) delete expected[field];
    assert.equal(written(`${document.fields}}`), expected);
  });

  test(`${name}: its size is that of its UTF-8 bytes, and it keeps id and content hash`, () => {
    const document = prepareDocument(item);
    const json = `${document.fields}${document.engagement}}`;
    assert.is(document.bytes, Buffer.byteLength(json));
    assert.is(document.id, item.id);
    assert.is(document.contentHash, item.contentHash ?? null);
  });
}

test("the engagement written for a new item is exactly the index's engagement fields", () => {
  const document = prepareDocument(testItem("engaged"));
  assert.equal(
    Object.keys(written(`{${document.engagement.slice(1)}}`)).sort(),
    [...ENGAGEMENT_FIELDS].sort(),
  );
});

test.run();
