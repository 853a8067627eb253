import { parseContentItem } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { needsSchemaCheck } from "../../src/normalise/needs-schema-check.ts";
import { normalise, rss, rssItem } from "../feeds.ts";

const year = (y: number) => new Date(Date.UTC(y, 0, 1)).toISOString();

test("an item as normalising builds it needs no schema check, and passes core's schema as it is", async () => {
  const { items } = await normalise(rss(rssItem(1) + rssItem(2)));
  for (const item of items) {
    assert.is(needsSchemaCheck(item), false);
    assert.equal(parseContentItem(item), item);
  }
});

test("a URL that is not plainly a web URL, or a date outside years 0–9999, needs the check", async () => {
  const [item] = (await normalise(rss(rssItem(1)))).items;
  assert.ok(item);
  assert.ok(needsSchemaCheck({ ...item, url: "file:///srv/feeds/ada.xml" }));
  assert.ok(needsSchemaCheck({ ...item, url: "HTTP://blog.example.test/" }));
  assert.ok(needsSchemaCheck({ ...item, firstSeenAt: year(10_000) }));
  assert.ok(needsSchemaCheck({ ...item, publishedAt: year(-1) }));
  assert.not.ok(needsSchemaCheck({ ...item, publishedAt: year(9999) }));
});

test.run();
