import { compareVersions, featuresOf, MIN_SERVER_VERSION, SearchError } from "@sightline/search";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("versions compare numerically, ignoring pre-release suffixes", () => {
  assert.is(compareVersions("1.21.0", "1.9.9"), 1);
  assert.is(compareVersions("1.18.0", "1.18"), 0);
  assert.is(compareVersions("1.31.0-rc.1", "1.31.0"), 0);
  assert.is(compareVersions("1.17.9", MIN_SERVER_VERSION), -1);
});

test("features newer than the server are off; too old a server is refused", () => {
  assert.equal(featuresOf("1.21.0"), { version: "1.21.0", skipCreation: false });
  assert.equal(featuresOf("1.31.2"), { version: "1.31.2", skipCreation: true });
  assert.throws(
    () => featuresOf("1.17.0"),
    (error: unknown) => error instanceof SearchError && error.code === "UNSUPPORTED_SERVER",
  );
});

test.run();
