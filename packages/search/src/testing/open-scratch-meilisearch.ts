import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type MeilisearchConnection, openMeilisearch } from "../connection/open-meilisearch.ts";

export interface ScratchMeilisearchOptions {
  /** Names the temporary data folder of an embedded server. */
  readonly label: string;
  /** A running server to use instead (with its master key), e.g. from MEILI_URL. */
  readonly url?: string | undefined;
  readonly masterKey?: string | undefined;
  /** Another binary for the embedded server, e.g. from MEILI_BIN. */
  readonly binaryPath?: string | undefined;
}

export interface ScratchMeilisearch {
  readonly connection: MeilisearchConnection;
  /** Stops an embedded server and removes its data folder; leaves a running server as it was. */
  stop(): Promise<void>;
}

/**
 * The Meilisearch a test or benchmark runs against: the running server at `url` when one is
 * given, else an embedded one on a temporary data folder of its own.
 */
export async function openScratchMeilisearch(
  options: ScratchMeilisearchOptions,
): Promise<ScratchMeilisearch> {
  const { url, masterKey, binaryPath } = options;
  if (url !== undefined && url !== "") {
    const connection = await openMeilisearch(
      masterKey === undefined ? { url } : { url, masterKey },
    );
    return { connection, stop: () => connection.stop() };
  }
  const dataDir = await mkdtemp(join(tmpdir(), `sightline-${options.label}-`));
  const connection = await openMeilisearch(binaryPath ? { dataDir, binaryPath } : { dataDir });
  return {
    connection,
    stop: async () => {
      await connection.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
