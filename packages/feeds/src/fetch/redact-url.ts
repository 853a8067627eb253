/** Query parameters that commonly carry a credential: their values never reach a message or log. */
const SECRET_PARAMETER =
  /^(?:.*[_-])?(?:token|key|apikey|secret|password|passwd|pwd|auth|sig|signature|session|credential)s?$/i;

/** A URL fit for messages and logs: user name, password and secret-looking query values removed. */
export function redactUrl(url: URL | string): string {
  if (typeof url === "string") {
    // A string that does not parse may still carry "user:password@": cut it out by shape.
    return URL.canParse(url) ? redactUrl(new URL(url)) : url.replace(/\/\/[^/?#]*@/, "//");
  }
  // Most feed URLs carry nothing to redact: no copy, no query walk.
  if (url.username === "" && url.password === "" && url.search === "") return url.href;
  const copy = new URL(url.href);
  copy.username = "";
  copy.password = "";
  for (const name of [...copy.searchParams.keys()]) {
    if (SECRET_PARAMETER.test(name)) copy.searchParams.set(name, "redacted");
  }
  return copy.href;
}
