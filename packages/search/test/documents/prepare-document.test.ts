import { prepareDocument, type SearchDocument, toSearchDocument } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { ENGAGEMENT_FIELDS } from "../../src/documents/to-search-document.ts";
import { jsonArrayChunks } from "../../src/writes/json-array-chunks.ts";
import { testItem } from "../meilisearch-for-tests.ts";

/** The document as `jsonArrayChunks` writes it, from the given parts. */
async function written(parts: readonly string[]): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of jsonArrayChunks([parts])) chunks.push(chunk);
  const [document] = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<
    string,
    unknown
  >[];
  return document ?? {};
}

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
  test(`${name}: written new, it is the item as stored, engagement included`, async () => {
    const document = prepareDocument(item);
    assert.equal(await written([...document.fields, document.engagement]), {
      ...toSearchDocument(item),
    });
  });

  test(`${name}: written over an existing one, it leaves the engagement alone`, async () => {
    const document = prepareDocument(item);
    const expected: Partial<SearchDocument> = { ...toSearchDocument(item) };
    for (const field of ENGAGEMENT_FIELDS) delete expected[field];
    assert.equal(await written(document.fields), expected);
  });

  test(`${name}: its size is that of its UTF-8 bytes, and it keeps id and content hash`, async () => {
    const document = prepareDocument(item);
    const json = JSON.stringify(await written([...document.fields, document.engagement]));
    assert.is(document.bytes, Buffer.byteLength(json));
    assert.is(document.id, item.id);
    assert.is(document.contentHash, item.contentHash ?? null);
  });
}

test("the engagement written for a new item is exactly the index's engagement fields", () => {
  const document = prepareDocument(testItem("engaged"));
  assert.equal(
    Object.keys(JSON.parse(document.engagement) as object).sort(),
    [...ENGAGEMENT_FIELDS].sort(),
  );
});

test.run();
