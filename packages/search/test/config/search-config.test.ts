import { resolveMeilisearchOptions, resolveSearchConfig, SearchError } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("defaults fill what is left out; the task timeout is generous", () => {
  const config = resolveSearchConfig({ batchSize: 250 });
  assert.is(config.batchSize, 250);
  assert.is(config.indexName, "sightline-content");
  assert.is(config.taskTimeoutMs, 120_000);
  assert.is(config.search.defaultHitsPerPage, 20);
});

test("a bad field is named, with what would fix it", () => {
  const error = (() => {
    try {
      resolveSearchConfig({ indexName: "has spaces", batchSize: 0 });
    } catch (caught) {
      return caught;
    }
  })();
  assert.ok(error instanceof SearchError);
  assert.is(error.code, "INVALID_CONFIG");
  assert.match(error.message, "indexName");
  assert.match(error.message, "batchSize");
});

test("a URL needs a master key, and a rejected key is never echoed", () => {
  assert.throws(
    () => resolveMeilisearchOptions({ url: "http://127.0.0.1:7700" }),
    /MEILI_MASTER_KEY/,
  );
  const secret = "short-secret";
  try {
    resolveMeilisearchOptions({ url: "http://127.0.0.1:7700", masterKey: secret });
    assert.unreachable();
  } catch (error) {
    assert.ok(error instanceof SearchError);
    assert.not.ok(error.message.includes(secret));
  }
});

test.run();
