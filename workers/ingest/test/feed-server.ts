import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** A small feed whose items are numbered, so tests can tell feeds apart. */
export function rssFeed(name: string, items: number): string {
  const entries = Array.from(
    { length: items },
    (
      _,
      i,
    ) => `<item><title>${name} post ${i}</title><link>https://blog.example.com/${name}/${i}</link>
      <guid>${name}-${i}</guid><pubDate>Mon, 02 Nov 2026 0${i % 10}:00:00 GMT</pubDate>
      <category>testing</category><description>&lt;p&gt;Body ${i}&lt;/p&gt;</description></item>`,
  ).join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title>
    <link>https://blog.example.com/${name}</link><description>d</description>${entries}</channel></rss>`;
}

export interface FeedServer {
  readonly base: string;
  /** Most requests ever in flight at once. */
  readonly peakConcurrency: () => number;
  close(): Promise<void>;
}

/**
 * Serves feeds on 127.0.0.1: /feed/<name> (a good feed, answered after a short pause so
 * concurrency is observable), /missing (404), /broken (XML cut short), /page (HTML naming /feed/page).
 */
export async function startFeedServer(): Promise<FeedServer> {
  let inFlight = 0;
  let peak = 0;
  const server: Server = createServer((request, response) => {
    inFlight++;
    peak = Math.max(peak, inFlight);
    response.on("close", () => {
      inFlight--;
    });
    const url = request.url ?? "/";
    setTimeout(() => {
      if (url.startsWith("/feed/")) {
        response.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8" });
        response.end(rssFeed(url.slice("/feed/".length), 3));
      } else if (url === "/broken") {
        response.writeHead(200, { "content-type": "application/rss+xml" });
        response.end(
          '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Cut',
        );
      } else if (url === "/page") {
        response.writeHead(200, { "content-type": "text/html" });
        response.end(
          '<html><head><link rel="alternate" type="application/rss+xml" href="/feed/page"></head></html>',
        );
      } else {
        response.writeHead(404, { "content-type": "text/plain" });
        response.end("not here");
      }
    }, 5);
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    peakConcurrency: () => peak,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
