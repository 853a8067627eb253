import { parseContentItem } from "@sightline/core";
import { FeedError, normaliseFeed } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { CONFIG, NOW, normalise, readFeed, rss, rssItem, titles } from "../feeds.ts";

const podcastItem = (n: number, type: string) =>
  rssItem(n, `<enclosure url="https://cdn.example.test/${n}" type="${type}" length="1"/>`);

test("every item passes core's parseContentItem, with attribution and zeroed counters", async () => {
  const { items } = await normalise(rss(rssItem(1) + rssItem(2)));
  assert.is(items.length, 2);
  for (const item of items) {
    assert.equal(parseContentItem(item), item);
    assert.equal([item.expertId, item.sourceId, item.moderation], ["ada", "ada-blog", "visible"]);
    assert.equal(
      [
        item.likeCount,
        item.shareCount,
        item.commentCount,
        item.completionCount,
        item.dismissCount,
        item.impressionCount,
      ],
      [0, 0, 0, 0, 0, 0],
    );
    assert.match(item.id, /^[A-Za-z0-9_-]{1,511}$/);
    assert.is(item.firstSeenAt, new Date(NOW).toISOString());
  }
});

test("a missing date becomes the first-seen time, with a warning naming the feed", async () => {
  const result = await normalise(rss(rssItem(1).replace(/<pubDate>.*<\/pubDate>/, "")));
  assert.is(result.items[0]?.publishedAt, new Date(NOW).toISOString());
  assert.equal(result.warnings, [
    "https://blog.example.test/feed.xml: 1 item had no readable date; the first-seen time was used",
  ]);
});

test("a date more than a day ahead becomes the first-seen time; a few hours ahead is kept", async () => {
  const dated = (n: number, date: string) =>
    rssItem(n).replace(/<pubDate>.*<\/pubDate>/, `<pubDate>${date}</pubDate>`);
  const result = await normalise(
    rss(dated(1, "Wed, 04 Nov 2026 09:00:00 GMT") + dated(2, "Mon, 02 Nov 2026 15:00:00 GMT")),
  );
  assert.equal(
    result.items.map((item) => item.publishedAt),
    [new Date(NOW).toISOString(), "2026-11-02T15:00:00.000Z"],
  );
  assert.ok(
    result.warnings.some((warning) =>
      /1 item dated over a day ahead got the first-seen time/.test(warning),
    ),
  );
});

test("the title and summary are plain text; the body is sanitised HTML plus plain text", async () => {
  const body = "<p>Hello <b>there</b> &amp; welcome</p><script>alert(1)</script>";
  const item = rssItem(1)
    .replace("Post 1", "Caf&amp;eacute; &lt;b&gt;news&lt;/b&gt;")
    .replace(/<description>.*<\/description>/, `<description><![CDATA[${body}]]></description>`);
  const [normalised] = (await normalise(rss(item))).items;
  assert.is(normalised?.title, "Café news");
  assert.is(normalised?.contentHtml, "<p>Hello <b>there</b> &amp; welcome</p>");
  assert.is(normalised?.text, "Hello there & welcome");
  assert.is(normalised?.summary, "Hello there & welcome");
});

test("the description is the summary when content:encoded carries the body", async () => {
  const item = rssItem(1, "<content:encoded><![CDATA[<p>The full body</p>]]></content:encoded>");
  const [normalised] = (await normalise(rss(item))).items;
  assert.equal([normalised?.summary, normalised?.text], ["Body of post 1", "The full body"]);
});

test("the text is truncated on a word boundary to maxTextLength, the summary to maxSummaryLength", async () => {
  const words = Array.from({ length: 400 }, (_, i) => `word${i}`).join(" ");
  const item = rssItem(1).replace(
    /<description>.*<\/description>/,
    `<description>${words}</description>`,
  );
  const [normalised] = (await normalise(rss(item), { maxTextLength: 200, maxSummaryLength: 80 }))
    .items;
  assert.ok((normalised?.text?.length ?? 0) <= 200);
  assert.match(normalised?.text ?? "", /word\d+…$/);
  assert.ok((normalised?.summary.length ?? 0) <= 80);
  assert.match(normalised?.summary ?? "", /word\d+…$/);
});

test("an item without a title takes one from its text; one with neither is skipped", async () => {
  const untitled = rssItem(1).replace("<title>Post 1</title>", "");
  const empty = "<item><guid>empty</guid></item>";
  const result = await normalise(rss(untitled + empty));
  assert.equal(
    result.items.map((item) => item.title),
    ["Body of post 1"],
  );
  assert.ok(
    result.warnings.some((warning) => /1 item with no title and no text skipped/.test(warning)),
  );
});

test("kind comes from enclosures and iTunes fields, else the configured default", async () => {
  const items =
    podcastItem(1, "audio/mpeg") +
    podcastItem(2, "video/mp4") +
    rssItem(3, "<itunes:duration>10:00</itunes:duration>") +
    rssItem(
      4,
      '<enclosure url="https://cdn.example.test/4.mp3" length="1" type="application/octet-stream"/>',
    ) +
    podcastItem(5, "image/jpeg");
  const xml = rss(items).replace(
    '<rss version="2.0">',
    '<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd">',
  );
  const result = await normalise(xml, { defaultKind: "post" });
  assert.equal(
    result.items.map((item) => item.kind),
    ["podcast", "video", "podcast", "podcast", "post"],
  );
});

test("topics merge configured topics, categories and keyword rules, lower-cased and distinct", async () => {
  const item = rssItem(
    1,
    "<category>Kubernetes</category><category>Cloud, DevOps</category><category>kubernetes</category>",
  ).replace("Post 1", "Scaling Postgres on K8s");
  const result = await normalise(rss(item), {
    topics: ["Platform"],
    keywordRules: [
      { topic: "databases", keywords: ["postgres", "mysql"] },
      { topic: "go", keywords: ["golang"] },
      { topic: "k8s", keywords: ["k8s"] },
    ],
  });
  assert.equal(result.items[0]?.topics, [
    "platform",
    "kubernetes",
    "cloud",
    "devops",
    "databases",
    "k8s",
  ]);
});

test("keyword rules match whole words only", async () => {
  const item = rssItem(1).replace("Post 1", "Gopher notes about going places");
  const result = await normalise(rss(item), { keywordRules: [{ topic: "go", keywords: ["go"] }] });
  assert.equal(result.items[0]?.topics, []);
});

test("an item without categories takes the channel's; a tag cloud of a channel is ignored", async () => {
  const one = await normalise(rss(rssItem(1), "<category>Science</category>"));
  assert.equal(one.items[0]?.topics, ["science"]);
  const cloud = Array.from({ length: 11 }, (_, i) => `<category>tag${i}</category>`).join("");
  const many = await normalise(rss(rssItem(1), cloud));
  assert.equal(many.items[0]?.topics, []);
});

test("language: configured, else the item's, else the feed's, else English", async () => {
  const channel = "<language>pt_br</language>";
  const items = rssItem(1) + rssItem(2, "<dc:language>de</dc:language>");
  const xml = rss(items, channel).replace(
    '<rss version="2.0">',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">',
  );
  assert.equal(
    (await normalise(xml)).items.map((item) => item.language),
    ["pt-BR", "de"],
  );
  assert.equal(
    (await normalise(xml, { language: "fr" })).items.map((item) => item.language),
    ["fr", "fr"],
  );
  assert.equal(
    (await normalise(rss(rssItem(1), "<language>English</language>"))).items[0]?.language,
    "en",
  );
});

test("xml:base is honoured for links and content; without it links resolve against the site", async () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://base.example.test/blog/">
<link href="https://site.example.test/"/>
<entry xml:base="2026/"><id>1</id><title>t</title><link href="post-1#top"/>
<content type="html" xml:base="/media/">&lt;img src="pic.png"&gt;&lt;a href="page"&gt;p&lt;/a&gt;</content></entry></feed>`;
  const [entry] = (await normalise(atom)).items;
  assert.is(entry?.url, "https://base.example.test/blog/2026/post-1");
  assert.match(entry?.contentHtml ?? "", /src="https:\/\/base\.example\.test\/media\/pic\.png"/);
  const plain = `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://site.example.test/"/>
<entry><id>1</id><title>t</title><link href="/posts/1"/><content type="html">&lt;a href="x"&gt;x&lt;/a&gt;</content></entry></feed>`;
  const [other] = (await normalise(plain)).items;
  assert.is(other?.url, "https://site.example.test/posts/1");
  assert.match(other?.contentHtml ?? "", /href="https:\/\/site\.example\.test\/posts\/x"/);
});

test("the item URL is canonical; a permalink GUID stands in for a missing link", async () => {
  const tracked = rssItem(1).replace(
    "/posts/1",
    "/posts/1?utm_source=rss&amp;utm_medium=feed#more",
  );
  const linkless = rssItem(2)
    .replace(/<link>.*<\/link>/, "")
    .replace("<guid>post-2</guid>", "<guid>https://blog.example.test/p/2</guid>");
  const result = await normalise(rss(tracked + linkless));
  assert.equal(
    result.items.map((item) => item.url),
    ["https://blog.example.test/posts/1", "https://blog.example.test/p/2"],
  );
});

test("the content hash ignores dates but changes when what a reader sees changes", async () => {
  const original = rss(rssItem(1));
  const redated = original.replace(
    "Mon, 26 Oct 2026 10:00:00 GMT",
    "Tue, 27 Oct 2026 11:00:00 GMT",
  );
  const edited = original.replace("Body of post 1", "Body of post 1, corrected");
  const [a] = (await normalise(original)).items;
  const [b] = (await normalise(redated, {}, NOW + 3_600_000)).items;
  const [c] = (await normalise(edited)).items;
  assert.is(a?.contentHash, b?.contentHash);
  assert.is.not(a?.publishedAt, b?.publishedAt);
  assert.is(a?.id, c?.id, "an edit is an update of the same item");
  assert.is.not(a?.contentHash, c?.contentHash);
});

test("ids are stable across runs and differ between sources", async () => {
  const xml = rss(rssItem(1) + rssItem(2));
  const first = await normalise(xml);
  const again = await normalise(xml, {}, NOW + 86_400_000);
  const elsewhere = await normalise(xml, { sourceId: "ada-mirror" });
  assert.equal(
    first.items.map((item) => item.id),
    again.items.map((item) => item.id),
  );
  assert.is.not(first.items[0]?.id, elsewhere.items[0]?.id);
});

test("an item core would reject is dropped with a warning: a file: feed's address for its link", async () => {
  const feedUrl = "file:///srv/feeds/ada.xml";
  const linkless = rssItem(2).replace(/<link>.*<\/link>/, "");
  const siteless = rss(rssItem(1) + linkless).replace(
    "<link>https://blog.example.test/</link>",
    "",
  );
  const result = await normalise(siteless, { feedUrl });
  assert.equal(titles(result.items), ["Post 1"]);
  assert.ok(
    result.warnings.includes(`${feedUrl}: dropped item ${feedUrl}: url Invalid URL`),
    result.warnings.join("\n"),
  );
});

test("an invalid configuration is one INVALID_OPTIONS error naming every bad field", async () => {
  const feed = await readFeed(rss(rssItem(1)));
  try {
    normaliseFeed(
      feed,
      { ...CONFIG, expertId: "no spaces allowed", feedUrl: "ftp://x" },
      { now: NOW },
    );
    assert.unreachable();
  } catch (error) {
    assert.instance(error, FeedError);
    assert.is((error as FeedError).code, "INVALID_OPTIONS");
    assert.match((error as FeedError).message, /feedUrl/);
    assert.match((error as FeedError).message, /expertId/);
  }
});

test.run();
