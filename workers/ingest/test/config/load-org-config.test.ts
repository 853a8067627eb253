import { test } from "uvu";
import * as assert from "uvu/assert";
import { WorkerError } from "../../src/config/config-error.ts";
import { loadOrgConfig, parseOrgConfig } from "../../src/config/load-org-config.ts";

function failure(run: () => unknown): WorkerError {
  try {
    run();
  } catch (error) {
    if (error instanceof WorkerError) return error;
    throw error;
  }
  throw new Error("expected a WorkerError");
}

test("a minimal YAML file gets every default", () => {
  const config = parseOrgConfig(
    "experts:\n  - id: ada\n    name: Ada\n    feeds:\n      - url: https://ada.example.com/feed\n",
    "sightline.yaml",
  );
  assert.is(config.ingest.schedule, "*/15 * * * *");
  assert.is(config.ingest.concurrency, 8);
  assert.is(config.search.index, "sightline-items");
  assert.is(config.experts[0]?.trust, 0.7);
  assert.equal(config.experts[0]?.feeds[0]?.topics, []);
});

test("JSON works too, and an empty file is an empty organisation", () => {
  assert.is(parseOrgConfig('{"experts": []}', "org.json").experts.length, 0);
  assert.is(parseOrgConfig("", "empty.yaml").experts.length, 0);
});

test("a bad field is named with its path and the file", () => {
  const error = failure(() =>
    parseOrgConfig(
      "ingest:\n  concurrency: 0\nexperts:\n  - id: ada\n    name: Ada\n    trust: 3\n    feeds:\n      - {}\n",
      "org.yaml",
    ),
  );
  assert.is(error.code, "INVALID_CONFIG");
  assert.match(error.message, /org\.yaml/);
  assert.match(error.message, /ingest\.concurrency/);
  assert.match(error.message, /experts\[0\]\.trust/);
  assert.match(error.message, /experts\[0\]\.feeds\[0\]\.url/);
});

test("unknown keys are refused, so a typo is not silently ignored", () => {
  assert.match(
    failure(() => parseOrgConfig("experts: []\nexpurts: []\n", "org.yaml")).message,
    /expurts/,
  );
});

test("duplicate expert ids and feeds listed twice are refused", () => {
  const yaml = `experts:
  - { id: ada, name: Ada, feeds: [{ url: "https://x.example.com/f" }] }
  - { id: ada, name: Ada again, feeds: [{ url: "https://x.example.com/f" }] }
`;
  const error = failure(() => parseOrgConfig(yaml, "org.yaml"));
  assert.match(error.message, /experts\[1\]\.id/);
  assert.match(error.message, /listed twice/);
});

test("broken YAML says where", () => {
  const error = failure(() => parseOrgConfig("experts: [\n  - id: ada\n", "org.yaml"));
  assert.is(error.code, "INVALID_CONFIG");
  assert.match(error.message, /org\.yaml is not valid YAML/);
});

test("a .json file is read as JSON, and broken JSON says so", () => {
  const error = failure(() => parseOrgConfig('{"experts": [}', "org.json"));
  assert.is(error.code, "INVALID_CONFIG");
  assert.match(error.message, /org\.json is not valid JSON/);
  // YAML would have read this as a string; JSON does not.
  assert.is(failure(() => parseOrgConfig("experts: []", "org.json")).code, "INVALID_CONFIG");
});

test("a missing file says how to point at one", async () => {
  try {
    await loadOrgConfig("/nonexistent/sightline.yaml");
    assert.unreachable();
  } catch (error) {
    assert.is((error as WorkerError).code, "CONFIG_NOT_FOUND");
    assert.match((error as Error).message, /--config|SIGHTLINE_CONFIG/);
  }
});

test.run();
