import { FeedError, readFeedDocument } from "@sightline/feeds";
import iconv from "iconv-lite";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFeed, rejection, rss, rssItem } from "../feeds.ts";

const read = (body: string, contentType?: string) =>
  readFeedDocument({
    bytes: Buffer.from(body),
    url: "https://www.example.test/blog/",
    ...(contentType === undefined ? {} : { contentType }),
  });

test("reads RSS 2.0, with its items in document order", async () => {
  const feed = await readFeed(rss(rssItem(1) + rssItem(2)));
  assert.is(feed.format, "rss");
  assert.equal(
    feed.items.map((item) => item.title?.value),
    ["Post 1", "Post 2"],
  );
  assert.is(feed.items[0]?.guid, "post-1");
});

test("reads RSS 0.91/0.92 and RSS 1.0 (RDF)", async () => {
  const rss091 = `<rss version="0.91"><channel><title>Old</title><link>https://old.example.test/</link>
<item><title>Then</title><link>https://old.example.test/1</link></item></channel></rss>`;
  const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
 xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.test/"><title>RDF</title><link>https://rdf.example.test/</link></channel>
<item rdf:about="https://rdf.example.test/1"><title>One</title><link>https://rdf.example.test/1</link>
<dc:date>2026-10-01T08:00:00Z</dc:date><dc:subject>Botany, Microbiology</dc:subject></item></rdf:RDF>`;
  const old = await readFeed(rss091);
  assert.equal([old.format, old.items[0]?.title?.value], ["rss", "Then"]);
  const one = await readFeed(rdf);
  assert.equal([one.format, one.items[0]?.guid], ["rdf", "https://rdf.example.test/1"]);
  assert.is(one.items[0]?.published, "2026-10-01T08:00:00Z");
  assert.equal(one.items[0]?.categories, ["Botany, Microbiology"]);
});

test("reads Atom: id, alternate link, typed title and content, enclosures", async () => {
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title>Atom</title><link rel="self" href="/feed.atom"/><link href="https://atom.example.test/"/>
<entry><id>tag:atom.example.test,2026:1</id><title type="html">A &amp;lt;b&amp;gt; tag</title>
<link rel="alternate" type="text/html" href="/posts/1"/><link rel="enclosure" type="audio/mpeg" href="/1.mp3"/>
<updated>2026-10-01T08:00:00Z</updated><content type="html">&lt;p&gt;Hello&lt;/p&gt;</content>
<category term="kubernetes" label="Kubernetes"/></entry></feed>`;
  const feed = await readFeed(atom);
  const [entry] = feed.items;
  assert.equal(
    [feed.format, feed.link, feed.language],
    ["atom", "https://atom.example.test/", "de"],
  );
  assert.is(entry?.guid, "tag:atom.example.test,2026:1");
  assert.is(entry?.link, "/posts/1");
  assert.equal(entry?.title, { value: "A &lt;b&gt; tag", type: "html" });
  assert.equal(entry?.content, { value: "<p>Hello</p>", type: "html" });
  assert.equal(entry?.enclosures, [{ url: "/1.mp3", type: "audio/mpeg" }]);
  assert.equal(entry?.categories, ["kubernetes"]);
});

test("reads iTunes podcast fields: an episode with an audio enclosure", async () => {
  const podcast = `<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>Pod</title><itunes:category text="Technology"/><item><title>Ep 1</title><guid>ep1</guid>
<enclosure url="https://cdn.example.test/ep1.mp3" type="audio/mpeg" length="1"/>
<itunes:duration>00:42:00</itunes:duration><itunes:subtitle>Short notes</itunes:subtitle></item></channel></rss>`;
  const feed = await readFeed(podcast);
  assert.equal(feed.categories, ["Technology"]);
  assert.ok(feed.items[0]?.isPodcastEpisode);
  assert.equal(feed.items[0]?.summary, { value: "Short notes", type: "text" });
});

test("exposes <ttl>, <skipHours> and <skipDays> for the scheduler", async () => {
  const channel = `<ttl>90</ttl><skipHours><hour>0</hour><hour>24</hour><hour>7</hour><hour>99</hour></skipHours>
<skipDays><day>Sunday</day><day>saturday</day><day>Caturday</day></skipDays>`;
  const feed = await readFeed(rss(rssItem(1), channel));
  assert.equal(feed.schedule, {
    ttlMinutes: 90,
    skipHours: [0, 7],
    skipDays: ["Saturday", "Sunday"],
  });
});

test("a feed without schedule hints has none", async () => {
  assert.equal((await readFeed(rss(rssItem(1)))).schedule, { skipHours: [], skipDays: [] });
});

test("a JSON Feed is recognised by its content, whatever the Content-Type", async () => {
  const json = JSON.stringify({
    version: "https://jsonfeed.org/version/1.1",
    title: "JSON",
    items: [{ id: "1", content_text: "Hi" }],
  });
  const document = await read(json, "text/plain");
  assert.is(document.kind === "feed" && document.feed.format, "json");
});

test("an HTML page that names its feeds returns their absolute URLs", async () => {
  const html = `<!DOCTYPE html><html><head><title>Blog</title>
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" href="https://www.example.test/atom.xml">
</head><body>Hello</body></html>`;
  const document = await read(html, "text/html; charset=utf-8");
  assert.equal(document, {
    kind: "feed-links",
    feedUrls: ["https://www.example.test/feed.xml", "https://www.example.test/atom.xml"],
  });
});

test("an HTML page without feed links is one NOT_A_FEED error naming the page", async () => {
  const error = await rejection(read("<html><head><title>Moved</title></head></html>"));
  assert.instance(error, FeedError);
  assert.is((error as FeedError).code, "NOT_A_FEED");
  assert.is((error as FeedError).feed, "https://www.example.test/blog/");
  assert.match(error.message, /https:\/\/www\.example\.test\/blog\/ is an HTML page/);
});

test("an empty body is NOT_A_FEED", async () => {
  const error = await rejection(read("   "));
  assert.is((error as FeedError).code, "NOT_A_FEED");
});

test("XML that is no feed is NOT_A_FEED, naming what would fix it", async () => {
  const error = await rejection(read('<?xml version="1.0"?><opml version="2.0"><body/></opml>'));
  assert.is((error as FeedError).code, "NOT_A_FEED");
  assert.match(error.message, /points at the feed itself/);
});

test("a legacy-encoded feed decodes from its prolog end to end", async () => {
  const xml = `<?xml version="1.0" encoding="ISO-8859-2"?>${rss(
    rssItem(1, "<category>Polszczyzna</category>"),
  )
    .replace('<?xml version="1.0" encoding="UTF-8"?>', "")
    .replace("Post 1", "Zażółć gęślą jaźń")}`;
  const feed = await readFeed(iconv.encode(xml, "iso-8859-2"));
  assert.is(feed.items[0]?.title?.value, "Zażółć gęślą jaźń");
});

test("credentials in the feed URL never reach an error", async () => {
  const error = await rejection(
    readFeedDocument({
      bytes: Buffer.from("<html></html>"),
      url: "https://ada:s3cret@example.test/x",
    }),
  );
  assert.not.match(error.message, /s3cret/);
  assert.is((error as FeedError).feed, "https://example.test/x");
});

test.run();
