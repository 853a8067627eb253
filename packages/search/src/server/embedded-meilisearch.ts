import { type ChildProcess, spawn } from "node:child_process";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import type { MeilisearchOptions } from "../config/meilisearch-options.ts";
import { SearchError } from "../errors.ts";
import { findFreePort } from "./find-free-port.ts";
import { loadOrCreateMasterKey } from "./load-or-create-master-key.ts";
import { resolveMeilisearchBinary } from "./resolve-meilisearch-binary.ts";
import { waitForHealth } from "./wait-for-health.ts";

const HOST = "127.0.0.1";
const PORT_ATTEMPTS = 3;
const STDERR_TAIL = 4000;

export type EmbeddedMeilisearchOptions = Pick<
  MeilisearchOptions,
  "binaryPath" | "dataDir" | "maxIndexingMemory" | "startTimeoutMs" | "stopGraceMs"
>;

/**
 * A Meilisearch process this library started: bound to 127.0.0.1 on a free port, analytics off,
 * production mode (so the master key is required), stopped by `stop()` or when Node exits.
 */
export class EmbeddedMeilisearch {
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly #masterKey: string;
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  readonly #stopGraceMs: number;
  readonly #killOnExit = () => this.#child.kill("SIGKILL");
  #stderr = "";
  #stopping: Promise<void> | undefined;

  private constructor(child: ChildProcess, url: string, masterKey: string, options: Started) {
    this.#child = child;
    this.url = url;
    this.pid = child.pid ?? -1;
    this.dataDir = options.dataDir;
    this.#masterKey = masterKey;
    this.#stopGraceMs = options.stopGraceMs;
    this.#exited = new Promise((done) => child.once("exit", () => done()));
    child.stderr?.on("data", (chunk: Buffer) => {
      this.#stderr = (this.#stderr + chunk.toString("utf8")).slice(-STDERR_TAIL);
    });
    // The exit hook may only do synchronous work, so it kills outright; LMDB survives that.
    process.once("exit", this.#killOnExit);
    // Neither the process nor its pipe keeps Node alive: the exit hook stops the server.
    child.unref();
    (child.stderr as (Readable & { unref?: () => void }) | null)?.unref?.();
  }

  /** Kept off the enumerable fields so logging the server object never prints the key. */
  get masterKey(): string {
    return this.#masterKey;
  }

  get running(): boolean {
    return this.#child.exitCode === null && this.#child.signalCode === null;
  }

  static async start(options: EmbeddedMeilisearchOptions): Promise<EmbeddedMeilisearch> {
    const binary = await resolveMeilisearchBinary(options.binaryPath);
    const dataDir = resolve(options.dataDir);
    const masterKey = await loadOrCreateMasterKey(dataDir);
    const started: Started = { ...options, dataDir };
    for (let attempt = 1; ; attempt++) {
      const server = await EmbeddedMeilisearch.#launch(binary, masterKey, started);
      const failure = await server.#awaitHealthy(options.startTimeoutMs);
      if (failure === undefined) return server;
      await server.stop();
      // Another process can grab the port between probing and binding: try a fresh one.
      if (!/address already in use/i.test(server.#stderr) || attempt >= PORT_ATTEMPTS) {
        throw failure;
      }
    }
  }

  static async #launch(
    binary: string,
    masterKey: string,
    options: Started,
  ): Promise<EmbeddedMeilisearch> {
    const port = await findFreePort(HOST);
    const { dataDir } = options;
    const child = spawn(
      binary,
      [
        ["--db-path", join(dataDir, "data.ms")],
        ["--dump-dir", join(dataDir, "dumps")],
        ["--snapshot-dir", join(dataDir, "snapshots")],
        ["--http-addr", `${HOST}:${port}`],
        ["--env", "production"],
        ["--log-level", "WARN"],
        ["--max-indexing-memory", options.maxIndexingMemory],
        ["--no-analytics"],
      ].flat(),
      // The key goes through the environment, not argv, which any local user can read in `ps`;
      // nothing else is inherited, so stray MEILI_* variables cannot reconfigure the server, and
      // NO_COLOR keeps its log lines plain for our error messages.
      {
        cwd: dataDir,
        env: { MEILI_MASTER_KEY: masterKey, NO_COLOR: "1" },
        stdio: ["ignore", "ignore", "pipe"],
      },
    );
    await new Promise<void>((ready, fail) => {
      child.once("spawn", ready);
      child.once("error", fail);
    }).catch((error: unknown) => {
      throw new SearchError("SERVER_START_FAILED", `Cannot run the Meilisearch binary ${binary}.`, {
        cause: error,
      });
    });
    return new EmbeddedMeilisearch(child, `http://${HOST}:${port}`, masterKey, options);
  }

  async #awaitHealthy(timeoutMs: number): Promise<SearchError | undefined> {
    const healthy = await waitForHealth(this.url, Date.now() + timeoutMs, () => !this.running);
    if (healthy) return undefined;
    const why = this.running
      ? `did not answer ${this.url}/health within ${timeoutMs} ms (option startTimeoutMs)`
      : `exited with ${this.#child.signalCode ?? `code ${this.#child.exitCode}`}`;
    return new SearchError(
      "SERVER_START_FAILED",
      `The embedded Meilisearch ${why}. Data folder: ${this.dataDir}. Its last output: ` +
        `${this.#stderr.trim() || "(none)"}. Another server using the same data folder, a full ` +
        "disk, or a database from a newer Meilisearch are the usual causes.",
    );
  }

  /** SIGTERM, then SIGKILL after the grace period; resolves once the process is gone. */
  stop(): Promise<void> {
    this.#stopping ??= this.#terminate();
    return this.#stopping;
  }

  async #terminate(): Promise<void> {
    process.off("exit", this.#killOnExit);
    if (!this.running) return;
    this.#child.kill("SIGTERM");
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), this.#stopGraceMs);
    await this.#exited;
    clearTimeout(timer);
  }
}

interface Started extends EmbeddedMeilisearchOptions {
  readonly dataDir: string;
}
