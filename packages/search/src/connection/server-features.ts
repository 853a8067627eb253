import type { Meilisearch } from "meilisearch";
import { SearchError } from "../errors.ts";
import { meiliCall } from "./meili-call.ts";

/** Index swaps send `rename`, which Meilisearch accepts from 1.18 on. */
export const MIN_SERVER_VERSION = "1.18.0";
/** `skipCreation` on document writes arrived in 1.31; older servers reject the parameter. */
const SKIP_CREATION_SINCE = "1.31.0";

/** What the running server supports; nothing newer than its version is ever sent. */
export interface ServerFeatures {
  readonly version: string;
  /** Partial updates can refuse to create documents that no longer exist. */
  readonly skipCreation: boolean;
}

export async function readServerFeatures(client: Meilisearch): Promise<ServerFeatures> {
  const { pkgVersion } = await meiliCall("Reading the Meilisearch version", () =>
    client.getVersion(),
  );
  return featuresOf(pkgVersion);
}

export function featuresOf(version: string): ServerFeatures {
  if (compareVersions(version, MIN_SERVER_VERSION) < 0) {
    throw new SearchError(
      "UNSUPPORTED_SERVER",
      `Meilisearch ${version} is older than ${MIN_SERVER_VERSION}, the oldest this library ` +
        "supports. Upgrade the server, or leave MEILI_URL unset to use the embedded 1.21.0.",
    );
  }
  return { version, skipCreation: compareVersions(version, SKIP_CREATION_SINCE) >= 0 };
}

/** Compares dotted numeric versions; a pre-release suffix such as `-rc.1` is ignored. */
export function compareVersions(a: string, b: string): number {
  const left = numericParts(a);
  const right = numericParts(b);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

function numericParts(version: string): number[] {
  return (version.split("-")[0] ?? "").split(".").map((part) => Number.parseInt(part, 10) || 0);
}
