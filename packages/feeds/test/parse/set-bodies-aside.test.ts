import { decodeFeedBytes, FeedError, parseXmlFeed } from "@sightline/feeds";
import Parser from "rss-parser";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { putBodiesBack, setBodiesAside } from "../../src/parse/set-bodies-aside.ts";
import { RSS_PARSER_CUSTOM_FIELDS } from "../../src/parse/to-parsed-feed.ts";
import { FEED_URL, rejection, rss, rssItem } from "../feeds.ts";
import { realWorldFixtures } from "../real-world.ts";

const BODY = `<p>${"A paragraph long enough to be worth setting aside. ".repeat(3)}</p>`;
const withBody = (n: number, body = BODY) =>
  rssItem(n).replace(
    /<description>.*<\/description>/,
    `<description><![CDATA[${body}]]></description>`,
  );

/** What rss-parser makes of a document, set up as `parseXmlFeed` sets it up. */
async function parse(xml: string): Promise<unknown> {
  const parser = new Parser({
    customFields: {
      feed: RSS_PARSER_CUSTOM_FIELDS.feed as unknown as string[],
      item: RSS_PARSER_CUSTOM_FIELDS.item.map((field) => [...field]),
    },
  });
  return withoutSnippets(await parser.parseString(xml));
}

/** rss-parser's snippets, which nothing reads, are made from the placeholders: left out. */
function withoutSnippets(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutSnippets);
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => !key.endsWith("Snippet"))
      .map(([key, value]) => [key, withoutSnippets(value)]),
  );
}

/** The tree parsed with the bodies set aside and put back, or `undefined` if none was. */
async function parseAside(xml: string): Promise<unknown> {
  const aside = setBodiesAside(xml);
  if (aside === undefined) return undefined;
  const output = await parse(aside.xml);
  assert.ok(putBodiesBack(output, aside.bodies), "every body was put back");
  return output;
}

test("a feed parsed with its bodies set aside is the very tree parsed whole", async () => {
  const xml = rss(withBody(1) + withBody(2, `\r\n  ${BODY} &amp; <b>bold</b>\r\n`));
  const aside = setBodiesAside(xml);
  assert.is(aside?.bodies.length, 2);
  assert.not.ok(aside?.xml.includes("A paragraph"));
  assert.equal(await parseAside(xml), await parse(xml));
});

test("every real-world feed parses to the same tree with its bodies set aside", async () => {
  let setAside = 0;
  for (const { name, bytes } of realWorldFixtures()) {
    const { text } = decodeFeedBytes(bytes);
    const output = await parseAside(text).catch((error: unknown) => error);
    if (output === undefined) continue;
    setAside++;
    const whole = await parse(text).catch((error: unknown) => error);
    assert.equal(output, whole, name);
  }
  assert.ok(setAside >= 5, `${setAside} fixtures had bodies to set aside`);
});

test("Atom content and summary, and content:encoded, are bodies too", async () => {
  const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><title>e</title>
<id>urn:e</id><updated>2026-10-26T10:00:00Z</updated><summary type="html"><![CDATA[${BODY}]]></summary>
<content type="html">
  <![CDATA[${BODY}]]>
</content></entry></feed>`;
  assert.is(setBodiesAside(xml)?.bodies.length, 2);
  assert.equal(await parseAside(xml), await parse(xml));
  const encoded = rss(rssItem(1, `<content:encoded><![CDATA[${BODY}]]></content:encoded>`)).replace(
    "<rss ",
    '<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" ',
  );
  assert.is(setBodiesAside(encoded)?.bodies.length, 1);
  assert.equal(await parseAside(encoded), await parse(encoded));
});

test("a body that is not alone in its element stays where it is", async () => {
  const cases = {
    "a short body": withBody(1, "<p>Short</p>"),
    "text beside the CDATA": rssItem(1).replace(
      /<description>.*<\/description>/,
      `<description>Intro <![CDATA[${BODY}]]></description>`,
    ),
    "text after the CDATA": rssItem(1).replace(
      /<description>.*<\/description>/,
      `<description><![CDATA[${BODY}]]> and more</description>`,
    ),
    "another element's CDATA": rssItem(1, `<comments><![CDATA[${BODY}]]></comments>`),
    "a CDATA after an empty body element": rssItem(1, `<summary/><![CDATA[${BODY}]]>`),
  };
  for (const [name, item] of Object.entries(cases)) {
    assert.is(setBodiesAside(rss(item)), undefined, name);
  }
});

test("what looks like a body inside a comment, an instruction or another CDATA is not one", () => {
  const fake = `<description><![CDATA[${BODY}]]></description>`;
  const cases = {
    comment: `<!-- ${fake} -->`,
    "processing instruction": `<?note ${fake} ?>`,
    "other CDATA": `<comments><![CDATA[ ${fake.replace("]]>", "")} ]]></comments>`,
  };
  for (const [name, wrapper] of Object.entries(cases)) {
    const aside = setBodiesAside(rss(rssItem(1, wrapper) + withBody(2)));
    assert.is(aside?.bodies.length, 1, name);
    assert.ok(aside?.xml.includes(wrapper), `${name} left as written`);
  }
});

test("the scan reads a document once, however many constructs are left open in it", () => {
  // 200,000 of each: searching to the end of the document for each would take minutes.
  const many = 200_000;
  const body = withBody(1);
  const cases: [name: string, items: string, bodies: number][] = [
    // A body after an unterminated comment or instruction is inside it.
    ["unterminated comments", `${"<!-- ".repeat(many)}${body}`, 0],
    ["unterminated instructions", `${"<? ".repeat(many)}${body}`, 0],
    ["unterminated CDATA sections", `${body}${"<![CDATA[ ".repeat(many)}`, 1],
    ["unclosed body start tags", `${body}${"<description ".repeat(many)}`, 1],
    ["bodies never closed", `${body}${"<description>".repeat(many)}<![CDATA[`, 1],
  ];
  for (const [name, items, bodies] of cases) {
    assert.is(setBodiesAside(rss(items))?.bodies.length ?? 0, bodies, name);
  }
});

test("bodies are put back beside elements nested deeper than the call stack goes", async () => {
  const depth = 50_000;
  const nested = `${"<category>".repeat(depth)}x${"</category>".repeat(depth)}`;
  const feed = await parseXmlFeed(
    rss(withBody(1).replace("</item>", `${nested}</item>`)),
    FEED_URL,
  );
  assert.is(feed.items[0]?.content?.value, BODY);
});

test("a document with a DOCTYPE, or already holding the markers, is left whole", () => {
  const xml = rss(withBody(1));
  assert.is(setBodiesAside(xml.replace("<rss", '<!DOCTYPE rss SYSTEM "x.dtd">\n<rss')), undefined);
  assert.is(setBodiesAside(xml.replace("Post 1", "Post \u00011\u0002")), undefined);
});

test("a body in an element the parser drops is dropped, and the others come back", async () => {
  const input = `<textInput><title>Search</title><description><![CDATA[${BODY}]]></description><name>q</name><link>https://blog.example.test/search</link></textInput>`;
  const xml = rss(withBody(1), input);
  const aside = setBodiesAside(xml);
  assert.is(aside?.bodies.length, 2);
  const output = await parse(aside?.xml ?? "");
  assert.not.ok(putBodiesBack(output, aside?.bodies ?? []));
  assert.equal(output, await parse(xml));
  const feed = await parseXmlFeed(xml, FEED_URL);
  assert.is(feed.items[0]?.content?.value, BODY);
});

test("escaped bodies are set aside as the parser would read them", async () => {
  const escaped = `&lt;p class=&quot;x&quot;&gt;R&amp;D it&apos;s &#8217;&#x2019; ${"long enough ".repeat(6)}&lt;/p&gt;`;
  const xml = rss(
    rssItem(1).replace(/<description>.*<\/description>/, `<description>${escaped}</description>`),
  );
  const aside = setBodiesAside(xml);
  assert.equal(aside?.bodies, [
    `<p class="x">R&D it's \u2019\u2019 ${"long enough ".repeat(6)}</p>`,
  ]);
  assert.equal(await parseAside(xml), await parse(xml));
});

test("escaped bodies with a reference a strict parser rejects are left to the parser", () => {
  const text = `Caf&eacute; ${"long enough ".repeat(6)}`;
  const xml = rss(
    rssItem(1).replace(/<description>.*<\/description>/, `<description>${text}</description>`),
  );
  assert.is(setBodiesAside(xml), undefined);
});

test("a huge body of text that only looks like tags is parsed in linear time", async () => {
  // rss-parser's snippet of such a body takes quadratic time: 100,000 "a < b" took a minute.
  const text = "a &lt; b ".repeat(100_000);
  const xml = rss(
    rssItem(1).replace(/<description>.*<\/description>/, `<description>${text}</description>`),
  );
  const feed = await parseXmlFeed(xml, FEED_URL);
  assert.is(feed.items[0]?.content?.value, "a < b ".repeat(100_000));
});

test("a broken feed with bodies reports the positions of its own text", async () => {
  const xml = rss(`${withBody(1)}\n${withBody(2)}\n<item><title>Broken</titel></item>`);
  const error = await rejection(parseXmlFeed(xml, FEED_URL));
  assert.instance(error, FeedError);
  const line = xml.split("\n").findIndex((text) => text.includes("</titel>")) + 1;
  assert.match(error.message, `at line ${line},`);
});

test.run();
