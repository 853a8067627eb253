import {
  type MeilisearchOptionsInput,
  resolveMeilisearchOptions,
} from "../config/meilisearch-options.ts";
import { EmbeddedMeilisearch } from "../server/embedded-meilisearch.ts";
import { createMeiliClient } from "./create-meili-client.ts";
import { readServerFeatures, type ServerFeatures } from "./server-features.ts";

const CONNECT_TIMEOUT_MS = 10_000;

/** A Meilisearch server to work with: either one given by URL or one this process started. */
export class MeilisearchConnection {
  readonly url: string;
  readonly features: ServerFeatures;
  /** The process, when this library started the server; undefined for a server given by URL. */
  readonly embedded: EmbeddedMeilisearch | undefined;
  readonly #masterKey: string;

  constructor(
    url: string,
    masterKey: string,
    features: ServerFeatures,
    embedded?: EmbeddedMeilisearch,
  ) {
    this.url = url;
    this.#masterKey = masterKey;
    this.features = features;
    this.embedded = embedded;
  }

  /** A getter, so the key is not an enumerable field that logging would print. */
  get masterKey(): string {
    return this.#masterKey;
  }

  /** Stops the embedded server, if this connection started one; a no-op for a given URL. */
  async stop(): Promise<void> {
    await this.embedded?.stop();
  }
}

/**
 * Connects to `url` with `masterKey` when given, else starts the embedded server from the pinned
 * binary. Either way the server's version is read first and gates what the library sends.
 */
export async function openMeilisearch(
  input: MeilisearchOptionsInput = {},
): Promise<MeilisearchConnection> {
  const options = resolveMeilisearchOptions(input);
  if (options.url !== undefined && options.masterKey !== undefined) {
    const client = createMeiliClient(options.url, options.masterKey, CONNECT_TIMEOUT_MS);
    return new MeilisearchConnection(
      options.url,
      options.masterKey,
      await readServerFeatures(client),
    );
  }
  const server = await EmbeddedMeilisearch.start(options);
  try {
    const client = createMeiliClient(server.url, server.masterKey, CONNECT_TIMEOUT_MS);
    const features = await readServerFeatures(client);
    return new MeilisearchConnection(server.url, server.masterKey, features, server);
  } catch (error) {
    await server.stop();
    throw error;
  }
}
