import { once } from "node:events";
import {
  createServer,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import { type AddressInfo, createServer as createNetServer, type Socket } from "node:net";
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from "node:zlib";

// A test server that misbehaves on purpose. It listens on 127.0.0.1 and on 127.0.0.2 (a second
// loopback address, which the SSRF guard must treat as a different, non-public host), same port.

export const FEED = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Hostile</title><link>http://127.0.0.1/</link>
<description>test</description><item><title>One</title><guid>1</guid></item></channel></rss>
`;
export const ETAG = '"v1"';
export const LAST_MODIFIED = "Tue, 03 Mar 2026 08:00:00 GMT";
export const ONE_GIB = 1024 ** 3;
const CHUNK = Buffer.alloc(64 * 1024, "x");

export type LoopbackHost = "127.0.0.1" | "127.0.0.2";

export interface RecordedRequest {
  readonly host: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

/** What the server saw of one streaming route: bytes written and when the client hung up. */
export interface StreamProbe {
  bytesSent: number;
  closedAt: number | undefined;
}

export interface HostileServer {
  readonly port: number;
  url(path: string, host?: LoopbackHost): string;
  readonly requests: RecordedRequest[];
  /** TCP connections accepted, per listening address. */
  connections(host: LoopbackHost): number;
  /** TCP connections open right now, on either address. */
  openConnections(): number;
  /** The probe of the last request to a streaming route (/slow, /stall, /huge…). */
  probe(path: string): StreamProbe | undefined;
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, server: HostileServer) => void;

let bomb: Buffer | undefined;
/** 1 GiB of zeros in ~1 MB: sixteen gzip members of 64 MiB each (gunzip reads them all). */
function gzipBomb(): Buffer {
  if (bomb === undefined) {
    const member = gzipSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
    bomb = Buffer.concat(Array.from({ length: 16 }, () => member));
  }
  return bomb;
}

function send(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  body: string | Buffer = "",
): void {
  response.writeHead(status, headers);
  response.end(body);
}

function sendFeed(
  response: ServerResponse,
  headers: Record<string, string> = {},
  body: string | Buffer = FEED,
) {
  send(response, 200, { "content-type": "application/rss+xml; charset=utf-8", ...headers }, body);
}

function feed(headers: Record<string, string> = {}, body: string | Buffer = FEED): Handler {
  return (_request, response) => sendFeed(response, headers, body);
}

function redirect(status: number, to: (server: HostileServer) => string): Handler {
  return (_request, response, server) => send(response, status, { location: to(server) });
}

/** Writes 64 KiB chunks up to `total` bytes, as fast as the client reads, until it hangs up. */
function stream(total: number, headers: Record<string, string>, body: Buffer = CHUNK): Handler {
  return (request, response, server) => {
    const probe = startProbe(server, request, response);
    response.writeHead(200, headers);
    const pump = (): void => {
      while (probe.bytesSent < total && probe.closedAt === undefined) {
        probe.bytesSent += body.length;
        if (!response.write(body)) return void response.once("drain", pump);
      }
      response.end();
    };
    pump();
  };
}

/** Headers at once, then one byte every 50 ms, forever. */
const slowDrip: Handler = (request, response, server) => {
  const probe = startProbe(server, request, response);
  response.writeHead(200, { "content-type": "application/rss+xml" });
  const timer = setInterval(() => {
    probe.bytesSent += 1;
    response.write("<");
  }, 50);
  response.once("close", () => clearInterval(timer));
};

/** Never answers: the client must give up on its own. */
const stall: Handler = (request, response, server) => {
  startProbe(server, request, response);
};

const probes = new WeakMap<HostileServer, Map<string, StreamProbe>>();
function startProbe(server: HostileServer, request: IncomingMessage, response: ServerResponse) {
  const probe: StreamProbe = { bytesSent: 0, closedAt: undefined };
  probes.get(server)?.set(request.url ?? "", probe);
  response.once("close", () => {
    probe.closedAt = performance.now();
  });
  return probe;
}

const ROUTES: Readonly<Record<string, Handler>> = {
  "/feed.xml": (request, response) => {
    const validators = { etag: ETAG, "last-modified": LAST_MODIFIED };
    if (request.headers["if-none-match"] === ETAG) return send(response, 304, validators);
    sendFeed(response, validators);
  },
  "/same.xml": feed(),
  "/not-modified": (_request, response) => send(response, 304, {}),
  "/html": feed({ "content-type": "text/html; charset=utf-8" }),
  "/untyped": (_request, response) => {
    response.writeHead(200);
    response.end(FEED);
  },
  "/gzip": feed({ "content-encoding": "gzip" }, gzipSync(FEED)),
  "/deflate": feed({ "content-encoding": "deflate" }, deflateSync(FEED)),
  "/deflate-raw": feed({ "content-encoding": "deflate" }, deflateRawSync(FEED)),
  "/br": feed({ "content-encoding": "br" }, brotliCompressSync(FEED)),
  "/corrupt-gzip": feed({ "content-encoding": "gzip" }, "this is not gzip"),
  "/zstd": feed({ "content-encoding": "zstd" }, "(pretend zstd)"),
  "/bomb": (request, response, server) =>
    stream(gzipBomb().length, { "content-encoding": "gzip" }, gzipBomb())(
      request,
      response,
      server,
    ),
  "/huge": stream(ONE_GIB, { "content-type": "application/rss+xml" }),
  "/huge-declared": stream(ONE_GIB, { "content-length": String(ONE_GIB) }),
  "/slow": slowDrip,
  "/stall": stall,
  "/loop/a": redirect(302, (server) => server.url("/loop/b")),
  "/loop/b": redirect(302, (server) => server.url("/loop/a")),
  "/moved": redirect(301, (server) => server.url("/moved-again")),
  "/moved-again": redirect(308, (server) => server.url("/feed.xml")),
  "/temporary-then-moved": redirect(302, (server) => server.url("/moved")),
  "/moved-then-temporary": redirect(301, (server) => server.url("/temporary")),
  "/temporary": redirect(307, (server) => server.url("/feed.xml")),
  "/to-other-loopback": redirect(301, (server) => server.url("/feed.xml", "127.0.0.2")),
  "/to-file": redirect(302, () => "file:///etc/passwd"),
  "/auth-elsewhere": redirect(302, (server) => server.url("/feed.xml", "127.0.0.2")),
  "/auth": (request, response) => {
    const expected = `Basic ${Buffer.from("reader:p@ss word").toString("base64")}`;
    if (request.headers.authorization === expected) return sendFeed(response);
    send(response, 401, { "www-authenticate": 'Basic realm="feeds"' });
  },
  "/rate-limited": (_request, response) => send(response, 429, { "retry-after": "120" }),
  "/unavailable": (_request, response) =>
    send(response, 503, {
      date: "Tue, 03 Mar 2026 08:00:00 GMT",
      "retry-after": "Tue, 03 Mar 2026 08:05:00 GMT",
    }),
  "/gone": (_request, response) => send(response, 410, {}, "gone"),
  "/broken": (_request, response) => send(response, 500, {}, "oops"),
  "/forbidden": (_request, response) => send(response, 403, {}, "no"),
  "/cached": feed({ "cache-control": "public, max-age=600", age: "100" }),
  "/expires": feed({
    date: "Tue, 03 Mar 2026 09:00:00 GMT",
    expires: "Tue, 03 Mar 2026 09:30:00 GMT",
  }),
};

function chain(path: string): Handler | undefined {
  const hops = /^\/chain\/(\d+)$/.exec(path)?.[1];
  if (hops === undefined) return undefined;
  const left = Number(hops);
  return left === 0 ? feed() : redirect(302, (server) => server.url(`/chain/${left - 1}`));
}

async function listen(server: Server, host: LoopbackHost, port: number): Promise<number> {
  server.listen(port, host);
  await once(server, "listening");
  return (server.address() as AddressInfo).port;
}

export async function startHostileServer(): Promise<HostileServer> {
  const requests: RecordedRequest[] = [];
  const connectionCounts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const servers = [createServer(), createServer()];
  let port = 0;
  const hostile: HostileServer = {
    get port() {
      return port;
    },
    url: (path, host = "127.0.0.1") => `http://${host}:${port}${path}`,
    requests,
    connections: (host) => connectionCounts.get(host) ?? 0,
    openConnections: () => sockets.size,
    probe: (path) => probes.get(hostile)?.get(path),
    async close() {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
    },
  };
  probes.set(hostile, new Map());
  for (const server of servers) {
    server.on("connection", (socket: Socket) => {
      const host = socket.localAddress ?? "";
      connectionCounts.set(host, (connectionCounts.get(host) ?? 0) + 1);
      sockets.add(socket);
      socket.once("close", () => sockets.delete(socket));
    });
    server.on("request", (request: IncomingMessage, response: ServerResponse) => {
      const path = request.url ?? "/";
      requests.push({ host: request.socket.localAddress ?? "", path, headers: request.headers });
      const handler = ROUTES[path] ?? chain(path);
      if (handler === undefined) return send(response, 404, {}, "not here");
      handler(request, response, hostile);
    });
  }
  const [first, second] = servers as [Server, Server];
  port = await listen(first, "127.0.0.1", 0);
  await listen(second, "127.0.0.2", port);
  return hostile;
}

/** A port on 127.0.0.1 with nothing listening: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  const port = await listen(server, "127.0.0.1", 0);
  await new Promise((done) => server.close(done));
  return port;
}

/** A TCP server on 127.0.0.1 that accepts and never says a word: a TLS handshake that stalls. */
export async function startSilentServer(): Promise<{
  readonly port: number;
  readonly closed: () => number;
  close(): Promise<void>;
}> {
  let closed = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("close", () => {
      closed += 1;
      sockets.delete(socket);
    });
    // Reading is what notices the peer hanging up.
    socket.resume();
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    closed: () => closed,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
