// Many feeds on 127.0.0.1 whose content, versions and response delays the test controls, plus
// whatever hostile routes a test adds. Every feed knows what it served, so the test can compute
// exactly which items the index must hold.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { normaliseFeed, parseXmlFeed } from "@sightline/feeds";

export interface FarmItem {
  readonly guid: string;
  readonly title: string;
  readonly body: string;
  readonly publishedAt: string;
}

export interface FarmFeed {
  readonly name: string;
  /** The worker's source id for this feed: set in the config, so item ids are predictable. */
  readonly sourceId: string;
  readonly expertId: string;
  /** Milliseconds before the answer: slow feeds keep the worker mid-run. */
  delayMs: number;
  /** Whether the feed sends an ETag (`"<name>-v<version>"`) and honours If-None-Match. */
  readonly etag: boolean;
  version: number;
  items: FarmItem[];
  /** Items as served at each version, for checking what a saved ETag promised. */
  readonly versions: Map<number, readonly FarmItem[]>;
}

export interface FarmRequest {
  readonly path: string;
  readonly at: number;
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

export interface ExpectedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly contentHash: string;
}

const HOUR = 3_600_000;

export class FeedFarm {
  readonly feeds = new Map<string, FarmFeed>();
  readonly requests: FarmRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private readonly server: Server;
  private readonly listeners = new Set<(path: string) => void>();
  /** Publication times are fixed once, so a feed's bytes change only when its items do. */
  private readonly epoch = Date.now();
  private port = 0;

  private constructor() {
    this.server = createServer((request, response) => this.answer(request, response));
    // Idle keep-alive sockets would hold the server open past close().
    this.server.keepAliveTimeout = 1;
  }

  static async start(): Promise<FeedFarm> {
    const farm = new FeedFarm();
    await new Promise<void>((resolve) => farm.server.listen(0, "127.0.0.1", resolve));
    farm.port = (farm.server.address() as AddressInfo).port;
    return farm;
  }

  get base(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  url(name: string): string {
    return `${this.base}/feeds/${name}`;
  }

  /** Adds a feed of `items` numbered items published over the last days. */
  addFeed(name: string, options: { items: number; delayMs: number; etag: boolean }): FarmFeed {
    const feed: FarmFeed = {
      name,
      sourceId: `src-${name}`,
      expertId: `expert-${name}`,
      delayMs: options.delayMs,
      etag: options.etag,
      version: 1,
      items: [],
      versions: new Map(),
    };
    this.feeds.set(name, feed);
    this.addItems(name, options.items, false);
    feed.versions.set(1, [...feed.items]);
    return feed;
  }

  /** New posts at the top of the feed: a new version. */
  addItems(name: string, count: number, bump = true): void {
    const feed = this.feed(name);
    for (let n = 0; n < count; n++) {
      const i = feed.items.length;
      feed.items.unshift({
        guid: `${name}-${i}`,
        title: `${name} post ${i}`,
        body: `Body of post ${i} of ${name}, about testing and resilience.`,
        publishedAt: new Date(this.epoch - ((i * 7) % 90) * HOUR - i * 1000).toUTCString(),
      });
    }
    if (bump) this.bump(feed);
  }

  /** The author fixes a post: same guid, new title and body, so a new content hash. */
  editItem(name: string, index: number): void {
    const feed = this.feed(name);
    const item = feed.items[index];
    if (item === undefined) throw new Error(`${name} has no item ${index}`);
    feed.items[index] = {
      ...item,
      title: `${item.title} (edited v${feed.version + 1})`,
      body: `${item.body} Corrected in version ${feed.version + 1}.`,
    };
    this.bump(feed);
  }

  /** A route of the test's own, e.g. a hostile server. */
  route(path: string, handler: Route): string {
    this.routes.set(path, handler);
    return `${this.base}${path}`;
  }

  /** Called with the path of every feed response once it is fully sent. */
  onServed(listener: (path: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  requestsFor(name: string): number {
    const path = `/feeds/${name}`;
    return this.requests.filter((request) => request.path === path).length;
  }

  xml(feed: FarmFeed, items: readonly FarmItem[] = feed.items): string {
    const entries = items
      .map(
        (item) =>
          `<item><title>${item.title}</title><link>https://blog.example.com/${feed.name}/${item.guid}</link>` +
          `<guid isPermaLink="false">${item.guid}</guid><pubDate>${item.publishedAt}</pubDate>` +
          `<category>testing</category><description>${item.body}</description></item>`,
      )
      .join("\n");
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${feed.name}</title><link>https://blog.example.com/${feed.name}</link><description>Posts of ${feed.name}</description>${entries}</channel></rss>`;
  }

  /**
   * The items the index must hold for `feed` as served at `version` (default: now), with the ids
   * and content hashes the feeds library derives for the worker's source id.
   */
  async expected(feed: FarmFeed, version = feed.version): Promise<ExpectedItem[]> {
    const items = version === feed.version ? feed.items : feed.versions.get(version);
    if (items === undefined) throw new Error(`${feed.name} has no version ${version}`);
    const url = this.url(feed.name);
    const parsed = await parseXmlFeed(this.xml(feed, items), url);
    const normalised = normaliseFeed(
      parsed,
      { feedUrl: url, expertId: feed.expertId, sourceId: feed.sourceId },
      { now: Date.now() },
    );
    return normalised.items.map((item) => ({
      id: item.id,
      url: item.url,
      title: item.title,
      contentHash: item.contentHash ?? "",
    }));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private feed(name: string): FarmFeed {
    const feed = this.feeds.get(name);
    if (feed === undefined) throw new Error(`no feed ${name}`);
    return feed;
  }

  private bump(feed: FarmFeed): void {
    feed.version++;
    feed.versions.set(feed.version, [...feed.items]);
  }

  private answer(request: IncomingMessage, response: ServerResponse): void {
    const path = (request.url ?? "/").split("?")[0] ?? "/";
    this.requests.push({ path, at: Date.now() });
    const route = this.routes.get(path);
    if (route !== undefined) {
      route(request, response);
      return;
    }
    const feed = path.startsWith("/feeds/") ? this.feeds.get(path.slice(7)) : undefined;
    if (feed === undefined) {
      response.writeHead(404).end("not here");
      return;
    }
    // What the feed is at the moment of the request, not at the end of the delay.
    const version = feed.version;
    const body = this.xml(feed);
    const timer = setTimeout(() => {
      const etag = `"${feed.name}-v${version}"`;
      if (feed.etag && request.headers["if-none-match"] === etag) {
        response.writeHead(304, { etag }).end();
      } else {
        response
          .writeHead(200, {
            "content-type": "application/rss+xml; charset=utf-8",
            ...(feed.etag ? { etag } : {}),
          })
          .end(body);
      }
      for (const listener of this.listeners) listener(path);
    }, feed.delayMs);
    response.once("close", () => clearTimeout(timer));
  }
}
