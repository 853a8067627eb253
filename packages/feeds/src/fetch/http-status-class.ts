import type { FetchStatus } from "./fetch-result.ts";

const BY_CODE: Readonly<Record<number, FetchStatus>> = {
  304: "unchanged",
  401: "blocked",
  403: "blocked",
  404: "not-found",
  // A server closing an idle request is transient, like a 5xx.
  408: "server-error",
  410: "gone",
  429: "rate-limited",
  451: "blocked",
};

/** The class of a final (non-redirect) HTTP status; any other 1xx/3xx/4xx is unusable. */
export function httpStatusClass(code: number): FetchStatus {
  const known = BY_CODE[code];
  if (known !== undefined) return known;
  if (code >= 200 && code < 300) return "ok";
  return code >= 500 ? "server-error" : "invalid";
}
