import { test } from "uvu";
import * as assert from "uvu/assert";
import { WorkerError } from "../../src/config/config-error.ts";
import { readEnvironment } from "../../src/config/environment.ts";

test("with nothing set: the embedded Meilisearch and the default config file", () => {
  const env = readEnvironment({});
  assert.is(env.configPath, "sightline.yaml");
  assert.is(env.dataDir, ".sightline");
  assert.equal(env.meili, {});
});

test("MEILI_URL and MEILI_MASTER_KEY select an existing server", () => {
  const env = readEnvironment({
    MEILI_URL: "http://127.0.0.1:7700",
    MEILI_MASTER_KEY: "k".repeat(32),
  });
  assert.is(env.meili.url, "http://127.0.0.1:7700");
  assert.is(env.meili.masterKey, "k".repeat(32));
});

test("a URL without a key is refused with advice, and no value is ever echoed", () => {
  try {
    readEnvironment({ MEILI_URL: "http://127.0.0.1:7700" });
    assert.unreachable();
  } catch (error) {
    assert.instance(error, WorkerError);
    assert.match((error as Error).message, /MEILI_MASTER_KEY/);
  }
  try {
    readEnvironment({ MEILI_URL: "not a url secret-value", SIGHTLINE_LOG: "loud" });
    assert.unreachable();
  } catch (error) {
    assert.not.match((error as Error).message, /secret-value|loud/);
    assert.match((error as Error).message, /MEILI_URL/);
    assert.match((error as Error).message, /SIGHTLINE_LOG/);
  }
});

test("SIGHTLINE_LOG_LEVEL chooses the least severe log line; anything else is refused", () => {
  assert.is(readEnvironment({}).logLevel, undefined);
  assert.is(readEnvironment({ SIGHTLINE_LOG_LEVEL: "debug" }).logLevel, "debug");
  assert.throws(() => readEnvironment({ SIGHTLINE_LOG_LEVEL: "verbose" }), /SIGHTLINE_LOG_LEVEL/);
});

test("empty variables count as unset", () => {
  assert.equal(readEnvironment({ MEILI_URL: "", MEILI_MASTER_KEY: "" }).meili, {});
});

test.run();
