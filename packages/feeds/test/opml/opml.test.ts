import { FeedError, opmlFeeds, opmlFromFeeds, parseOpml, writeOpml } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

const OPML = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0">
  <head><title>Ada's feeds</title><ownerName>Ada</ownerName></head>
  <body>
    <outline text="Engineering" title="Engineering" sightlineTeam="platform">
      <outline text="Cloud">
        <outline type="rss" text="K8s" title="Kubernetes Blog" xmlUrl="https://kubernetes.io/feed.xml" htmlUrl="https://kubernetes.io/blog/" expertId="ada"/>
      </outline>
      <outline type="rss" text="Fowler &amp; co" xmlUrl="https://martinfowler.com/feed.atom" category="/architecture"/>
    </outline>
    <outline type="rss" text="2024" xmlUrl="https://example.test/rss?a=1&amp;b=2"/>
  </body>
</opml>`;

test("nested outlines become each subscription's groups; every attribute is kept", () => {
  const feeds = opmlFeeds(parseOpml(OPML));
  assert.equal(feeds, [
    {
      xmlUrl: "https://kubernetes.io/feed.xml",
      title: "Kubernetes Blog",
      htmlUrl: "https://kubernetes.io/blog/",
      groups: ["Engineering", "Cloud"],
      attributes: {
        type: "rss",
        text: "K8s",
        title: "Kubernetes Blog",
        xmlUrl: "https://kubernetes.io/feed.xml",
        htmlUrl: "https://kubernetes.io/blog/",
        expertId: "ada",
      },
    },
    {
      xmlUrl: "https://martinfowler.com/feed.atom",
      title: "Fowler & co",
      groups: ["Engineering"],
      attributes: {
        type: "rss",
        text: "Fowler & co",
        xmlUrl: "https://martinfowler.com/feed.atom",
        category: "/architecture",
      },
    },
    {
      xmlUrl: "https://example.test/rss?a=1&b=2",
      title: "2024",
      groups: [],
      attributes: { type: "rss", text: "2024", xmlUrl: "https://example.test/rss?a=1&b=2" },
    },
  ]);
});

test("the head and the folders' own attributes are kept", () => {
  const document = parseOpml(OPML);
  assert.equal(document.head, { title: "Ada's feeds", ownerName: "Ada" });
  assert.equal(document.outlines[0]?.attributes, {
    text: "Engineering",
    title: "Engineering",
    sightlineTeam: "platform",
  });
});

test("a document survives writing and reading back unchanged", () => {
  const document = parseOpml(OPML);
  const written = writeOpml(document);
  assert.equal(parseOpml(written), document);
  assert.ok(written.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">'));
  assert.match(written, /text="Fowler &amp; co"/);
});

test("subscriptions exported from a flat list read back as the same subscriptions", () => {
  const feeds = opmlFeeds(parseOpml(OPML));
  const exported = writeOpml(opmlFromFeeds("Sightline", feeds));
  const reread = opmlFeeds(parseOpml(exported));
  assert.equal(
    reread.map(({ xmlUrl, title, htmlUrl, groups }) => ({ xmlUrl, title, htmlUrl, groups })),
    feeds.map(({ xmlUrl, title, htmlUrl, groups }) => ({ xmlUrl, title, htmlUrl, groups })),
  );
  assert.is(reread[0]?.attributes.expertId, "ada");
  assert.is(parseOpml(exported).head.title, "Sightline");
});

test("an empty body is an empty subscription list, not an error", () => {
  assert.equal(opmlFeeds(parseOpml('<opml version="1.0"><head/><body/></opml>')), []);
});

test("broken XML is one INVALID_OPML error with the position and the file's name", () => {
  try {
    parseOpml(
      '<opml><body><outline text="x"></body></opml>',
      "https://ada:pw@example.test/subs.opml",
    );
    assert.unreachable();
  } catch (error) {
    assert.instance(error, FeedError);
    assert.is((error as FeedError).code, "INVALID_OPML");
    assert.match(
      (error as FeedError).message,
      /^The OPML file https:\/\/example\.test\/subs\.opml is not well-formed XML \(.+ at line 1, column \d+\)/,
    );
    assert.not.match((error as FeedError).message, /pw@/);
  }
});

test("XML that is not OPML is INVALID_OPML", () => {
  assert.throws(
    () => parseOpml("<rss><channel/></rss>"),
    (error: unknown) => error instanceof FeedError && error.code === "INVALID_OPML",
  );
});

test.run();
