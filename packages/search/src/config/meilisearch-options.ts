import { z } from "zod";
import { invalidConfig } from "./invalid-config.ts";

/**
 * Where Meilisearch runs. With `url` (and `masterKey`) that server is used; without, a local one
 * is started from the pinned binary. The library never reads the environment: the worker maps
 * MEILI_URL, MEILI_MASTER_KEY and MEILI_BIN onto these options.
 */
export const MeilisearchOptions = z
  .strictObject({
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** Meilisearch refuses master keys shorter than 16 bytes in production mode. */
    masterKey: z.string().min(16).optional(),
    /** A Meilisearch binary to run instead of the pinned npm one. */
    binaryPath: z.string().min(1).optional(),
    /** Database, dumps and the generated master key of the embedded server. */
    dataDir: z.string().min(1).default(".sightline/meilisearch"),
    /**
     * Indexing memory of the embedded server. Meilisearch defaults to two thirds of the RAM; on
     * a 24 GB machine that made a one-document task take 0.1–2 s instead of ~25 ms and a 20k
     * bulk load 3.6× slower (measured on 1.21.0).
     */
    maxIndexingMemory: z
      .string()
      .regex(/^\d+ ?(B|KiB|MiB|GiB|KB|MB|GB)$/, "must be a size such as '512MiB' or '2GiB'")
      .default("1GiB"),
    /** Deadline for the embedded server to answer `/health`. */
    startTimeoutMs: z.number().int().min(500).default(30_000),
    /** Time between SIGTERM and SIGKILL when stopping the embedded server. */
    stopGraceMs: z.number().int().min(0).default(5000),
  })
  .refine((options) => options.url === undefined || options.masterKey !== undefined, {
    path: ["masterKey"],
    message: "is required with url (set MEILI_MASTER_KEY along with MEILI_URL)",
  });
export type MeilisearchOptions = z.output<typeof MeilisearchOptions>;
export type MeilisearchOptionsInput = z.input<typeof MeilisearchOptions>;

export function resolveMeilisearchOptions(input: MeilisearchOptionsInput = {}): MeilisearchOptions {
  const result = MeilisearchOptions.safeParse(input);
  if (result.success) return result.data;
  throw invalidConfig("Meilisearch options", result.error);
}
