import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { loadFeed } from "@sightline/feeds";
import iconv from "iconv-lite";
import { test } from "uvu";
import * as assert from "uvu/assert";

const NOW = Date.UTC(2026, 10, 2, 12);
const feed = (title: string, encoding = "UTF-8") => `<?xml version="1.0" encoding="${encoding}"?>
<rss version="2.0"><channel><title>${title}</title><link>https://blog.example.com/</link><ttl>90</ttl>
<skipHours><hour>3</hour></skipHours>
<item><title>${title} one</title><link>https://blog.example.com/1?utm_source=rss</link><guid>g1</guid>
<pubDate>Sun, 01 Nov 2026 09:00:00 GMT</pubDate><description>&lt;p onclick="x()"&gt;Hello&lt;/p&gt;</description></item>
</channel></rss>`;

let server: Server;
let base = "";
const options = (previous?: { etag?: string }) => ({
  fetch: { allowHosts: ["127.0.0.1"], ...(previous === undefined ? {} : { previous }) },
  feed: { expertId: "ada", sourceId: "ada-blog" },
  now: NOW,
});

test.before(async () => {
  server = createServer((request, response) => {
    const url = request.url ?? "/";
    if (url === "/feed") {
      if (request.headers["if-none-match"] === '"v1"') {
        response.writeHead(304).end();
        return;
      }
      response
        .writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' })
        .end(feed("Plain"));
    } else if (url === "/mislabelled") {
      // The server says UTF-8; the document is Latin-1 and says so in its prolog.
      response
        .writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" })
        .end(iconv.encode(feed("Notícias de São Paulo", "ISO-8859-1"), "latin1"));
    } else if (url === "/page") {
      response
        .writeHead(200, { "content-type": "text/html" })
        .end(
          '<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>',
        );
    } else if (url === "/gone") {
      response.writeHead(410).end();
    } else {
      response
        .writeHead(200, { "content-type": "application/rss+xml" })
        .end("<rss><channel><item><title>cut");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
test.after(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("from URL to validated, cleaned content items with what a scheduler needs", async () => {
  const loaded = await loadFeed(`${base}/feed`, options());
  assert.is(loaded.status, "ok");
  if (loaded.status !== "ok") return;
  assert.equal(loaded.feed.schedule, { ttlMinutes: 90, skipHours: [3], skipDays: [] });
  assert.is(loaded.fetch.etag, '"v1"');
  const [item] = loaded.items;
  assert.is(item?.url, "https://blog.example.com/1", "tracking parameters removed");
  assert.is(item?.expertId, "ada");
  assert.not.match(item?.contentHtml ?? "", /onclick/);
});

test("stored validators make the next read 'unchanged' with nothing parsed", async () => {
  const loaded = await loadFeed(`${base}/feed`, options({ etag: '"v1"' }));
  assert.is(loaded.status, "unchanged");
});

test("a wrong charset header does not garble a Latin-1 feed", async () => {
  const loaded = await loadFeed(`${base}/mislabelled`, options());
  assert.is(loaded.status, "ok");
  if (loaded.status === "ok") assert.is(loaded.items[0]?.title, "Notícias de São Paulo one");
});

test("an HTML page that names its feed is followed to it", async () => {
  const loaded = await loadFeed(`${base}/page`, options());
  assert.is(loaded.status, "ok");
  if (loaded.status === "ok") assert.is(loaded.fetch.finalUrl, `${base}/feed`);
});

test("a broken feed or a gone one is a failed status with one error naming the feed, not a throw", async () => {
  for (const path of ["/broken", "/gone"]) {
    const loaded = await loadFeed(`${base}${path}`, options());
    assert.is(loaded.status, "failed", path);
    if (loaded.status === "failed")
      assert.ok(loaded.error.message.includes(`${base}${path}`), loaded.error.message);
  }
});

test.run();
