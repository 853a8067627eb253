import { fileURLToPath } from "node:url";
import { FeedError } from "../errors.ts";
import { fetchFile } from "./fetch-file.ts";
import { fetchHttp } from "./fetch-http.ts";
import { type FetchOptions, type FetchOptionsInput, parseFetchOptions } from "./fetch-options.ts";
import { type FetchResult, failure } from "./fetch-result.ts";
import { redactUrl } from "./redact-url.ts";

type Target =
  | { readonly kind: "http"; readonly url: URL }
  | { readonly kind: "file"; readonly path: string }
  | { readonly kind: "invalid"; readonly why: string };

// A scheme needs two letters or more, so a Windows path such as C:\feeds\a.xml stays a path.
const HAS_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

function targetOf(input: string): Target {
  if (input.trim() === "") return { kind: "invalid", why: "the feed URL is empty" };
  if (!HAS_SCHEME.test(input)) return { kind: "file", path: input };
  if (!URL.canParse(input)) return { kind: "invalid", why: "not a valid URL" };
  const url = new URL(input);
  if (url.protocol === "http:" || url.protocol === "https:") return { kind: "http", url };
  if (url.protocol !== "file:") {
    return {
      kind: "invalid",
      why: `${url.protocol} URLs are not fetched; use http, https or a local file`,
    };
  }
  try {
    return { kind: "file", path: fileURLToPath(url) };
  } catch {
    return { kind: "invalid", why: "a file: URL must name a local file" };
  }
}

/**
 * Fetches one feed over http(s) or from a local file, safely: total deadline, size cap after
 * decompression, checked redirects, and no connection to a non-public address unless allowed.
 * Expected failures come back as a `status` with an `error`; only bad options throw
 * (FeedError INVALID_OPTIONS), and aborting `options.signal` rejects with its reason.
 */
export async function fetchFeed(
  url: string,
  options?: FetchOptionsInput | FetchOptions,
): Promise<FetchResult> {
  const parsed = parseFetchOptions(options);
  const target = targetOf(url);
  if (target.kind === "http") return await fetchHttp(url, target.url, parsed);
  if (target.kind === "file") return await fetchFile(url, target.path, parsed);
  const feed = redactUrl(url);
  const error = new FeedError("INVALID_URL", `Feed ${feed}: ${target.why}.`, { feed });
  return failure({ url, finalUrl: url, redirects: [] }, "invalid", error);
}
