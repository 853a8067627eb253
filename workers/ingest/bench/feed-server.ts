// The feed server of `pnpm bench:ingest`, run as a child process (forked by ingest.bench.ts) so
// its CPU and memory never count against the ingest process's peak RSS. It serves FEEDS
// deterministic RSS 2.0 feeds of ITEMS items each at /feeds/<n>.xml on 127.0.0.1, like a static
// blog host: gzip when asked, a strong ETag and Last-Modified, and 304 to a matching conditional
// GET. It tells its parent the port once listening, and answers "stats" with request counts.
// Run with --serve; imported, it only exports the generator and the message types. Items are
// sized (~1.9 KB as a stored document) so that all 50,000 fit in the one request of the bulk
// baseline: Meilisearch refuses payloads over 100 MB by default.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { createRandom, type RandomSource } from "@sightline/core";

export const FEEDS = 1000;
export const ITEMS = 50;
/** Items are dated in the 180 days before this moment: fixed, so every run serves the same bytes. */
const END = Date.UTC(2026, 9, 1);
const DAY = 86_400_000;

export interface ServerStats {
  readonly ok: number;
  readonly notModified: number;
  readonly other: number;
}
export type ServerMessage =
  | { readonly type: "listening"; readonly port: number; readonly bytes: number }
  | ({ readonly type: "stats" } & ServerStats);

const WORDS = (
  "kubernetes operators networking observability tracing metrics latency caching queues " +
  "streaming postgres indexing replication sharding typescript generics compilers testing " +
  "refactoring architecture microservices security authentication encryption privacy design " +
  "accessibility onboarding leadership feedback hiring mentoring roadmaps incidents outages " +
  "monitoring alerting deployment pipelines containers serverless databases migrations " +
  "performance profiling memory concurrency search ranking recommendations experiments the a " +
  "of to and in we is that it for on with as this was our be at by from how why when team"
).split(" ");
const CATEGORIES = WORDS.slice(0, 60);

function pick<T>(list: readonly T[], random: RandomSource): T {
  return list[Math.floor(random.next() * list.length)] as T;
}

function words(random: RandomSource, count: number): string {
  return Array.from({ length: count }, () => pick(WORDS, random)).join(" ");
}

function sentence(random: RandomSource): string {
  const text = words(random, 5 + Math.floor(random.next() * 6));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** A few paragraphs of the markup blog engines emit: links, emphasis, code, a heading. */
function bodyHtml(random: RandomSource, site: string): string {
  const paragraphs: string[] = [];
  const count = 2 + Math.floor(random.next() * 2);
  for (let p = 0; p < count; p++) {
    const sentences = Array.from({ length: 2 + Math.floor(random.next() * 2) }, () =>
      sentence(random),
    );
    if (p === 1)
      sentences.push(`See <a href="${site}/notes/${pick(WORDS, random)}/">my notes</a>.`);
    if (p === 2)
      sentences.push(`Run <code>${pick(WORDS, random)} --${pick(WORDS, random)}</code>.`);
    paragraphs.push(`<p>${sentences.join(" ").replace(/^(\w+)/, "<strong>$1</strong>")}</p>`);
    if (p === 1) paragraphs.push(`<h2>${sentence(random)}</h2>`);
  }
  return paragraphs.join("\n");
}

function item(n: number, k: number, random: RandomSource, site: string): string {
  const title = words(random, 4 + Math.floor(random.next() * 5)).replace(/^\w/, (c) =>
    c.toUpperCase(),
  );
  const slug = `${k}-${title.toLowerCase().replaceAll(" ", "-").slice(0, 40)}`;
  const published = new Date(END - random.next() * 180 * DAY);
  const categories = Array.from(
    { length: 1 + Math.floor(random.next() * 3) },
    () => `<category>${pick(CATEGORIES, random)}</category>`,
  );
  return `    <item>
      <title>${title}</title>
      <link>${site}/${published.getUTCFullYear()}/${slug}/</link>
      <guid isPermaLink="false">blog-${n}-post-${k}</guid>
      <pubDate>${published.toUTCString()}</pubDate>
      <dc:creator>Expert ${n}</dc:creator>
      ${categories.join("\n      ")}
      <description>${sentence(random)}</description>
      <content:encoded><![CDATA[${bodyHtml(random, site)}]]></content:encoded>
    </item>`;
}

/** Feed `n`, the same bytes on every run. */
export function feedXml(n: number): string {
  const random = createRandom(1_000_003 * (n + 1));
  const site = `https://blog-${n}.example.com`;
  const items = Array.from({ length: ITEMS }, (_, k) => item(n, k, random, site));
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Expert ${n}'s notes</title>
    <link>${site}/</link>
    <description>What Expert ${n} learned at work.</description>
    <language>en</language>
    <generator>Hugo</generator>
    <lastBuildDate>${new Date(END).toUTCString()}</lastBuildDate>
${items.join("\n")}
  </channel>
</rss>
`;
}

interface Served {
  readonly plain: Buffer;
  readonly gzipped: Buffer;
  readonly etag: string;
}

function prepare(n: number): Served {
  const plain = Buffer.from(feedXml(n), "utf8");
  const etag = `"${createHash("sha256").update(plain).digest("hex").slice(0, 32)}"`;
  return { plain, gzipped: gzipSync(plain), etag };
}

function serve(feeds: readonly Served[], stats: { -readonly [K in keyof ServerStats]: number }) {
  const lastModified = new Date(END).toUTCString();
  return (request: IncomingMessage, response: ServerResponse): void => {
    const match = /^\/feeds\/(\d+)\.xml$/.exec(request.url ?? "");
    const feed = match === null ? undefined : feeds[Number(match[1])];
    if (feed === undefined) {
      stats.other++;
      response.writeHead(404, { "content-type": "text/plain" }).end("not here");
      return;
    }
    const validators = { etag: feed.etag, "last-modified": lastModified };
    const etagMatches = request.headers["if-none-match"] === feed.etag;
    const dateMatches = request.headers["if-modified-since"] === lastModified;
    if (etagMatches || (request.headers["if-none-match"] === undefined && dateMatches)) {
      stats.notModified++;
      response.writeHead(304, validators).end();
      return;
    }
    stats.ok++;
    const gzip = /\bgzip\b/.test(request.headers["accept-encoding"] ?? "");
    const body = gzip ? feed.gzipped : feed.plain;
    response
      .writeHead(200, {
        ...validators,
        "content-type": "application/rss+xml; charset=utf-8",
        "content-length": body.length,
        vary: "Accept-Encoding",
        ...(gzip ? { "content-encoding": "gzip" } : {}),
      })
      .end(body);
  };
}

function main(): void {
  const feeds = Array.from({ length: FEEDS }, (_, n) => prepare(n));
  const stats = { ok: 0, notModified: 0, other: 0 };
  const server = createServer(serve(feeds, stats));
  const send = (message: ServerMessage) => process.send?.(message);
  process.on("message", (message) => {
    if (message === "stats") send({ type: "stats", ...stats });
  });
  // The parent going away (even killed) closes the IPC channel: stop with it, never linger.
  process.on("disconnect", () => process.exit(0));
  server.listen(0, "127.0.0.1", () => {
    const { port } = server.address() as AddressInfo;
    const bytes = feeds.reduce((sum, feed) => sum + feed.plain.length, 0);
    send({ type: "listening", port, bytes });
  });
}

if (process.argv.includes("--serve")) main();
