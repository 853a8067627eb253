import { constants } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { FeedError } from "../errors.ts";
import type { FetchOptions } from "./fetch-options.ts";
import {
  type FetchFailureStatus,
  type FetchResult,
  type FetchTrail,
  failure,
} from "./fetch-result.ts";
import { readCappedBody } from "./read-capped-body.ts";

function fileFailure(
  trail: FetchTrail,
  status: FetchFailureStatus,
  why: string,
  cause?: unknown,
): FetchResult {
  const code = status === "too-large" ? "TOO_LARGE" : "FILE_ERROR";
  const error = new FeedError(code, `Feed ${trail.url}: ${why}.`, { feed: trail.url, cause });
  return failure(trail, status, error);
}

function errorCode(error: unknown): string {
  return error instanceof Error && "code" in error ? String(error.code) : "";
}

/**
 * A local feed file, read under the same size cap as HTTP bodies. It is opened non-blocking and
 * checked through its handle, so a FIFO or device (/dev/zero) swapped in is refused, never read.
 */
export async function fetchFile(
  requested: string,
  path: string,
  options: FetchOptions,
): Promise<FetchResult> {
  const trail: FetchTrail = { url: requested, finalUrl: requested, redirects: [] };
  const { maxBytes, previous } = options;
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    const stats = await handle.stat();
    if (!stats.isFile()) return fileFailure(trail, "invalid", "not a regular file");
    const tooLarge = `larger than ${maxBytes} bytes; raise maxBytes if this feed is really that big`;
    if (stats.size > maxBytes) return fileFailure(trail, "too-large", tooLarge);
    // Read at most one byte past the cap, which tells a file that grew since the stat.
    const stream = handle.createReadStream({ start: 0, end: maxBytes, autoClose: false });
    const read = await readCappedBody(stream, { maxBytes });
    // With no Content-Encoding, going over the cap is the only way to fail.
    if (!read.ok) return fileFailure(trail, "too-large", tooLarge);
    const bodyHash = read.sha256;
    if (bodyHash === previous?.bodyHash) return { ...trail, status: "unchanged", bodyHash };
    return { ...trail, status: "ok", body: read.body, bodyHash };
  } catch (error) {
    const code = errorCode(error);
    if (code === "ENOENT" || code === "ENOTDIR") {
      const hint = "no such file; a web feed must be written as an http:// or https:// URL";
      return fileFailure(trail, "not-found", hint, error);
    }
    if (code === "EACCES" || code === "EPERM") {
      return fileFailure(
        trail,
        "blocked",
        "not readable by this process: check its permissions",
        error,
      );
    }
    return fileFailure(trail, "invalid", `cannot be read (${code || String(error)})`, error);
  } finally {
    await handle?.close();
  }
}
