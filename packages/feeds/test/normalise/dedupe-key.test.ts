import { test } from "uvu";
import * as assert from "uvu/assert";
import { normalise, rss, rssItem } from "../feeds.ts";

const article = (link: string, title = "Shared article") =>
  rss(
    rssItem(1)
      .replace(/<link>.*<\/link>/, `<link>${link}</link>`)
      .replace("Post 1", title),
  );

test("the same article syndicated by two feeds has one dedupe key but two ids", async () => {
  const mine = await normalise(
    article("https://www.news.example.test/story?utm_source=ada&amp;id=9"),
  );
  const theirs = await normalise(
    article("http://news.example.test/story?id=9&amp;fbclid=x#top", "Another title"),
    {
      feedUrl: "https://grace.example.test/feed",
      expertId: "grace",
      sourceId: "grace-blog",
    },
  );
  assert.is(mine.items[0]?.dedupeKey, theirs.items[0]?.dedupeKey);
  assert.is.not(mine.items[0]?.id, theirs.items[0]?.id);
});

test("different articles have different dedupe keys", async () => {
  const one = await normalise(article("https://news.example.test/story?id=9"));
  const two = await normalise(article("https://news.example.test/story?id=10"));
  assert.is.not(one.items[0]?.dedupeKey, two.items[0]?.dedupeKey);
});

test("a feedburner redirect is deduplicated through its original link", async () => {
  const redirected = rss(
    rssItem(
      1,
      "<feedburner:origLink>https://news.example.test/story?id=9</feedburner:origLink>",
    ).replace(/<link>.*<\/link>/, "<link>http://feeds.feedburner.com/~r/news/~3/abc/story</link>"),
  ).replace(
    '<rss version="2.0">',
    '<rss version="2.0" xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0">',
  );
  const direct = await normalise(article("https://news.example.test/story?id=9"));
  const viaFeedburner = await normalise(redirected);
  assert.is(viaFeedburner.items[0]?.url, "https://news.example.test/story?id=9");
  assert.is(viaFeedburner.items[0]?.dedupeKey, direct.items[0]?.dedupeKey);
});

test("items without a link of their own are keyed by their content", async () => {
  const linkless = (title: string) =>
    rss(
      rssItem(1)
        .replace(/<link>.*<\/link>/, "")
        .replace("Post 1", title),
    );
  const one = await normalise(linkless("Same words"));
  const two = await normalise(linkless("SAME WORDS"), { sourceId: "other" });
  const three = await normalise(linkless("Other words"));
  assert.is(one.items[0]?.dedupeKey, two.items[0]?.dedupeKey);
  assert.is.not(one.items[0]?.dedupeKey, three.items[0]?.dedupeKey);
});

test("episodes that all link to the show's home page are not collapsed into one", async () => {
  const episode = (n: number) =>
    rssItem(n).replace(/<link>.*<\/link>/, "<link>https://pod.example.test/</link>");
  const result = await normalise(rss(episode(1) + episode(2) + episode(3)));
  assert.is(new Set(result.items.map((item) => item.dedupeKey)).size, 3);
});

test.run();
