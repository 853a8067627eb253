import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalise, rss, rssItem } from "../feeds.ts";

const items = (count: number, edit: (n: number, item: string) => string = (_, item) => item) =>
  Array.from({ length: count }, (_, i) => edit(i + 1, rssItem(i + 1))).join("");
const withoutGuid = (item: string) => item.replace(/<guid>.*<\/guid>/, "");

test("GUIDs identify items while they are present and distinct", async () => {
  const result = await normalise(rss(items(20)));
  assert.is(result.identityMode, "guid");
  assert.equal(result.warnings, []);
});

test("up to 5 % of items without a GUID keep the feed on GUIDs; those items fall back alone", async () => {
  const result = await normalise(rss(items(20, (n, item) => (n === 7 ? withoutGuid(item) : item))));
  assert.is(result.identityMode, "guid");
  assert.is(result.items.length, 20);
  assert.is(new Set(result.items.map((item) => item.id)).size, 20);
});

test("over 5 % of GUIDs missing switches the feed to links, says so and reports the mode", async () => {
  const result = await normalise(rss(items(20, (n, item) => (n <= 2 ? withoutGuid(item) : item))));
  assert.is(result.identityMode, "link");
  assert.equal(result.warnings, [
    'https://blog.example.test/feed.xml: 2 of 20 items have a missing or repeated guid; items are now identified by link (persist identityMode "link" for this feed, as ids change once)',
  ]);
});

test("a GUID repeated across items (a common CMS bug) switches to links too", async () => {
  const result = await normalise(
    rss(items(10, (_, item) => item.replace(/<guid>.*<\/guid>/, "<guid>same</guid>"))),
  );
  assert.is(result.identityMode, "link");
  assert.is(result.items.length, 10, "no item is lost to the repeated GUID");
});

test("when links repeat as well, items are identified by title and content", async () => {
  const broken = (_: number, item: string) =>
    withoutGuid(item).replace(/<link>.*<\/link>/, "<link>https://blog.example.test/</link>");
  const result = await normalise(rss(items(10, broken)));
  assert.is(result.identityMode, "content");
  assert.is(new Set(result.items.map((item) => item.id)).size, 10);
  assert.match(
    result.warnings[0] ?? "",
    /missing or repeated guid, and 9 of 10 items have a missing or repeated link; items are now identified by content/,
  );
});

test("a persisted mode is kept: ids stay stable even when GUIDs come back", async () => {
  const linkMode = await normalise(rss(items(3, (_, item) => withoutGuid(item))));
  const later = await normalise(rss(items(3)), { identityMode: linkMode.identityMode });
  assert.is(later.identityMode, "link");
  assert.equal(
    later.items.map((item) => item.id),
    linkMode.items.map((item) => item.id),
  );
  assert.equal(later.warnings, []);
});

test("an item repeated in the same document is kept once", async () => {
  const result = await normalise(rss(items(30) + rssItem(30)));
  assert.is(result.items.length, 30);
  assert.ok(
    result.warnings.some((warning) =>
      /1 item repeating an earlier item's identity dropped/.test(warning),
    ),
  );
});

test.run();
