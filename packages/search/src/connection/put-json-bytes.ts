import {
  MeilisearchApiError,
  type MeilisearchErrorResponse,
  MeilisearchRequestError,
} from "meilisearch";
import type { SearchAdmin } from "./search-admin.ts";

/**
 * A PUT of JSON given as bytes, whole or as chunks made while the request is sent, with the
 * client's own headers and key, failing with the client's own error classes. The client itself
 * sends only strings: a write's JSON is megabytes, and a string that large lives in V8's
 * large-object space until a full collection, as does the copy fetch encodes from it.
 */
export async function putJsonBytes(
  admin: Pick<SearchAdmin, "client" | "config">,
  path: string,
  body: Uint8Array | AsyncIterable<Uint8Array>,
): Promise<unknown> {
  const { host, apiKey, requestInit } = admin.client.config;
  const url = new URL(path, host.endsWith("/") ? host : `${host}/`);
  const headers = new Headers(requestInit?.headers);
  headers.set("Content-Type", "application/json");
  if (apiKey !== undefined) headers.set("Authorization", `Bearer ${apiKey}`);
  let response: Response;
  let text: string;
  try {
    // A streamed body must say so (fetch's "half duplex"); Node's RequestInit type lacks the field.
    const init: RequestInit & { duplex: "half" } = {
      method: "PUT",
      body: body instanceof Uint8Array ? body : ReadableStream.from(body),
      duplex: "half",
      headers,
      signal: AbortSignal.timeout(admin.config.requestTimeoutMs),
    };
    response = await fetch(url, init);
    text = await response.text();
  } catch (error) {
    throw new MeilisearchRequestError(url.toString(), error);
  }
  const answer: unknown = text === "" ? undefined : JSON.parse(text);
  // The server's error body, as the client itself reads it.
  if (!response.ok) throw new MeilisearchApiError(response, answer as MeilisearchErrorResponse);
  return answer;
}
