import { test } from "uvu";
import * as assert from "uvu/assert";
import { redactUrl } from "../../src/fetch/redact-url.ts";

test("removes user name and password", () => {
  assert.is(
    redactUrl("https://ada:s3cret@intranet.example.com/feed"),
    "https://intranet.example.com/feed",
  );
});

test("hides the values of secret-looking query parameters, keeping the rest", () => {
  const shown = redactUrl(
    "https://x.example.com/rss?api_key=abc123&page=2&access_token=zzz&sig=q&token=t",
  );
  assert.not.match(shown, /abc123|zzz|=q(&|$)|=t(&|$)/);
  assert.match(shown, /page=2/);
  assert.match(shown, /api_key=redacted/);
});

test("leaves an ordinary URL exactly as it was", () => {
  const url = "https://blog.example.com/feed.xml?format=rss&tag=a%20b";
  assert.is(redactUrl(url), url);
});

test("a parsed URL is redacted the same way, and one with nothing to hide comes back as is", () => {
  assert.is(redactUrl(new URL("https://ada:pw@x.example.com/feed")), "https://x.example.com/feed");
  assert.is(
    redactUrl(new URL("https://x.example.com/rss?token=t")),
    "https://x.example.com/rss?token=redacted",
  );
  assert.is(redactUrl(new URL("https://x.example.com/feed.xml")), "https://x.example.com/feed.xml");
});

test("cuts credentials out of a string that does not parse as a URL", () => {
  assert.is(redactUrl("http://user:pw@[bad/feed"), "http://[bad/feed");
});

test.run();
