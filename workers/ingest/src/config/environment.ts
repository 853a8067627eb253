import { z } from "zod";
import { LOG_LEVELS, type LogLevel } from "../log/log-level.ts";
import { WorkerError } from "./config-error.ts";

/**
 * Everything the worker takes from the environment. This module is the only reader of
 * `process.env` in Sightline: secrets (the Meilisearch master key) come from here, never from the
 * configuration file, and never appear in a message.
 */
export interface Environment {
  readonly configPath: string;
  /** Where the embedded Meilisearch keeps its data and key. */
  readonly dataDir: string;
  readonly meili: {
    readonly url?: string;
    readonly masterKey?: string;
    readonly binaryPath?: string;
  };
  /** Structured JSON logs, or lines for a person; defaults to a person on a terminal. */
  readonly logFormat?: "json" | "pretty";
  /** The least severe JSON log line written; the reporter's default is "info". */
  readonly logLevel?: LogLevel;
}

const Variables = z.object({
  SIGHTLINE_CONFIG: z.string().min(1).default("sightline.yaml"),
  SIGHTLINE_DATA_DIR: z.string().min(1).default(".sightline"),
  SIGHTLINE_LOG: z.enum(["json", "pretty"]).optional(),
  SIGHTLINE_LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
  MEILI_URL: z.url({ protocol: /^https?$/ }).optional(),
  MEILI_MASTER_KEY: z.string().min(1).optional(),
  MEILI_BIN: z.string().min(1).optional(),
});

export function readEnvironment(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Environment {
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = Variables.safeParse(present);
  if (!result.success) {
    // Name the variable and the rule, never the value: it may be a secret.
    const problems = result.error.issues
      .map((issue) => `${issue.path.join(".")}: ${issue.message}`)
      .join("; ");
    throw new WorkerError("INVALID_ENVIRONMENT", `Invalid environment: ${problems}.`);
  }
  const vars = result.data;
  if (vars.MEILI_URL !== undefined && vars.MEILI_MASTER_KEY === undefined) {
    throw new WorkerError(
      "INVALID_ENVIRONMENT",
      "MEILI_URL is set but MEILI_MASTER_KEY is not: set both to use an existing Meilisearch, or neither to start the embedded one.",
    );
  }
  return {
    configPath: vars.SIGHTLINE_CONFIG,
    dataDir: vars.SIGHTLINE_DATA_DIR,
    meili: {
      ...(vars.MEILI_URL === undefined ? {} : { url: vars.MEILI_URL }),
      ...(vars.MEILI_MASTER_KEY === undefined ? {} : { masterKey: vars.MEILI_MASTER_KEY }),
      ...(vars.MEILI_BIN === undefined ? {} : { binaryPath: vars.MEILI_BIN }),
    },
    ...(vars.SIGHTLINE_LOG === undefined ? {} : { logFormat: vars.SIGHTLINE_LOG }),
    ...(vars.SIGHTLINE_LOG_LEVEL === undefined ? {} : { logLevel: vars.SIGHTLINE_LOG_LEVEL }),
  };
}
