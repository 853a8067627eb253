import { FeedError, parseXmlFeed } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FEED_URL, normalise, rejection, rss, rssItem, titles } from "../feeds.ts";

const itemTitles = async (xml: string) =>
  (await parseXmlFeed(xml, FEED_URL)).items.map((item) => item.title?.value);

test("an unescaped & is repaired, and the repair is reported", async () => {
  const feed = await parseXmlFeed(
    rss(rssItem(1, "<author>Tom & Jerry</author>") + rssItem(2)),
    FEED_URL,
  );
  assert.equal(feed.items.length, 2);
  assert.ok(feed.warnings.some((warning) => /escaped 1 unescaped '&'/.test(warning)));
});

test("an & inside CDATA is left as written while a bare one elsewhere is repaired", async () => {
  const item = rssItem(1, "<comments>a & b</comments>").replace(
    /<description>.*<\/description>/,
    "<description><![CDATA[R&D <b>x</b>]]></description>",
  );
  const xml = rss(item);
  const feed = await parseXmlFeed(xml, FEED_URL);
  assert.is(feed.items[0]?.content?.value, "R&D <b>x</b>");
});

test("a CDATA body that quotes feed elements with raw markup comes back exactly as written", async () => {
  const body =
    "<p>An item reads <code>a </description> <description><b>x</b></description> b</code>, " +
    "which no feed reader should take for elements of the feed itself.</p>";
  const item = rssItem(1).replace(
    /<description>.*<\/description>/,
    `<description><![CDATA[${body}]]></description>`,
  );
  const feed = await parseXmlFeed(
    rss(item + rssItem(2, "<comments>x <b>y</b></comments>")),
    FEED_URL,
  );
  assert.is(feed.items[0]?.content?.value, body);
});

test("broken feeds of 200,000 open constructs are read in one pass and rejected", async () => {
  // Searching to the end of the document for each construct would take minutes.
  const many = 200_000;
  const documents = {
    "elements with raw markup never closed": rss(`<item>${"<description><b>".repeat(many)}</item>`),
    "comments never closed": rss(`${"<!-- & ".repeat(many)}${rssItem(1)}`),
    "CDATA sections never closed": rss(`${rssItem(1)}<item>${"<![CDATA[ & ".repeat(many)}</item>`),
  };
  for (const [name, xml] of Object.entries(documents)) {
    const error = await rejection(parseXmlFeed(xml, FEED_URL));
    assert.instance(error, FeedError, name);
    assert.is((error as FeedError).code, "UNPARSABLE", name);
  }
});

test("HTML entities and undefined entities are repaired too", async () => {
  const xml = rss(rssItem(1).replace("Post 1", "Caf&eacute; &nbsp;&amp; &bogus; bar"));
  assert.equal(await itemTitles(xml), ["Café \u00a0& &bogus; bar"]);
});

test("an <rss> without a version is read as RSS 2.0, with a warning", async () => {
  const feed = await parseXmlFeed(
    `<rss><channel><title>t</title>${rssItem(1)}</channel></rss>`,
    FEED_URL,
  );
  assert.equal(feed.items.length, 1);
  assert.ok(feed.warnings.includes("the <rss> element has no version; read as RSS 2.0"));
});

test("junk before the root element (a PHP warning, say) is dropped", async () => {
  const xml = `<b>Warning</b>: Cannot modify header information in feed.php on line 3\n${rss(rssItem(1))}`;
  const feed = await parseXmlFeed(xml, FEED_URL);
  assert.equal(
    feed.items.map((item) => item.guid),
    ["post-1"],
  );
  assert.ok(feed.warnings.some((warning) => /junk before the root element/.test(warning)));
});

test("one unreadable Atom date loses neither its entry nor the others", async () => {
  const entry = (n: number, date: string) =>
    `<entry><id>urn:${n}</id><title>Entry ${n}</title><published>${date}</published></entry>`;
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>${entry(1, "2026-10-01T08:00:00Z")}${entry(2, "yesterday-ish")}${entry(3, "2026-10-03T08:00:00Z")}</feed>`;
  const result = await normalise(atom);
  assert.equal(titles(result.items), ["Entry 1", "Entry 2", "Entry 3"]);
  assert.equal(
    result.items.map((item) => item.publishedAt),
    ["2026-10-01T08:00:00.000Z", "2026-11-02T09:00:00.000Z", "2026-10-03T08:00:00.000Z"],
  );
  assert.ok(result.warnings.some((warning) => /dropped 1 unreadable Atom dates/.test(warning)));
});

test("one bad RSS date among good items only defaults that item's date", async () => {
  const items =
    rssItem(1) + rssItem(2).replace(/<pubDate>.*<\/pubDate>/, "<pubDate>not a date</pubDate>");
  const result = await normalise(rss(items));
  assert.equal(
    result.items.map((item) => item.publishedAt),
    ["2026-10-26T10:00:00.000Z", "2026-11-02T09:00:00.000Z"],
  );
  assert.ok(result.warnings.some((warning) => /1 item had no readable date/.test(warning)));
});

test("a truncated document gives one clear UNPARSABLE error naming the feed", async () => {
  const truncated = rss(rssItem(1) + rssItem(2)).slice(0, 300);
  const error = await rejection(
    parseXmlFeed(truncated, "https://ada:pw@blog.example.test/feed.xml"),
  );
  assert.instance(error, FeedError);
  assert.is((error as FeedError).code, "UNPARSABLE");
  assert.is((error as FeedError).feed, "https://blog.example.test/feed.xml");
  assert.match(
    error.message,
    /^Could not read the feed https:\/\/blog\.example\.test\/feed\.xml: /,
  );
  assert.match(error.message, /at line \d+, column \d+/);
  assert.match(error.message, /publisher needs to fix it/);
  assert.not.match(error.message, /:pw@/);
});

test("mismatched tags are unparsable even after repairs", async () => {
  const error = await rejection(parseXmlFeed(rss("<item><title>x</item></title>"), FEED_URL));
  assert.is((error as FeedError).code, "UNPARSABLE");
});

test("XHTML written inline keeps its text in order", async () => {
  const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>1</id><title>t</title>
<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">submitted by <a href="/u/ada">ada</a> to <a href="/r/x">x</a></div></content></entry></feed>`;
  const result = await normalise(atom);
  assert.is(result.items[0]?.text, "submitted by ada to x");
});

test("raw HTML inside an RSS description keeps its text in order", async () => {
  const xml = rss(
    rssItem(1).replace(
      /<description>.*<\/description>/,
      "<description>by <b>Ada</b> in <i>Ops</i></description>",
    ),
  );
  assert.is((await normalise(xml)).items[0]?.text, "by Ada in Ops");
});

test("DTD entities are not expanded: a billion-laughs document fails safely", async () => {
  const bomb = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss version="2.0"><channel><title>&b;</title></channel></rss>`;
  const feed = await parseXmlFeed(bomb, FEED_URL);
  assert.not.ok(feed.title?.includes("aaaa"));
});

test.run();
