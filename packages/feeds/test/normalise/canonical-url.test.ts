import { canonicalUrl } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("makes relative links absolute against the base", () => {
  assert.is(canonicalUrl("../b?x=1", "https://ex.test/a/c/"), "https://ex.test/a/b?x=1");
});

test("lower-cases the host, drops the fragment and the default port", () => {
  assert.is(
    canonicalUrl("HTTPS://Blog.Example.TEST:443/Path#comments", undefined),
    "https://blog.example.test/Path",
  );
});

test("removes tracking parameters and keeps the others exactly as written", () => {
  const link =
    "https://ex.test/p?utm_source=rss&id=7&fbclid=abc&q=a%20b&gclid=1&mc_eid=9&mc_cid=8&UTM_Medium=x&flag";
  assert.is(canonicalUrl(link, undefined), "https://ex.test/p?id=7&q=a%20b&flag");
  assert.is(canonicalUrl("https://ex.test/p?utm_campaign=x", undefined), "https://ex.test/p");
});

test("refuses what is not a web URL", () => {
  assert.is(canonicalUrl("javascript:alert(1)", "https://ex.test/"), undefined);
  assert.is(canonicalUrl("mailto:ada@example.test", undefined), undefined);
  assert.is(canonicalUrl("not a url", undefined), undefined);
  assert.is(canonicalUrl("  ", "https://ex.test/"), undefined);
  assert.is(canonicalUrl(undefined, "https://ex.test/"), undefined);
});

test.run();
