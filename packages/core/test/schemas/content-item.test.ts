import { ContentItem, parseContentItem, SightlineError } from "@sightline/core";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { item } from "../fixtures.ts";

function failure(input: unknown): SightlineError {
  try {
    parseContentItem(input);
  } catch (error) {
    if (error instanceof SightlineError) return error;
    throw error;
  }
  throw new Error("expected parseContentItem to throw");
}

test("accepts a complete item and returns it unchanged", () => {
  const valid = item();
  assert.equal(parseContentItem(valid), valid);
});

test("names the path of every bad field in one error", () => {
  const error = failure({ ...item(), id: "https://x/y", topics: ["ok", 7], likeCount: -1 });
  assert.is(error.code, "INVALID_INPUT");
  const paths = error.issues.map((issue) => issue.path);
  assert.ok(paths.includes("id"), paths.join());
  assert.ok(paths.includes("topics[1]"), paths.join());
  assert.ok(paths.includes("likeCount"), paths.join());
  assert.match(error.message, /topics\[1\]/);
});

test("never coerces: a numeric string is not a count, a date object is not a timestamp", () => {
  const error = failure({ ...item(), likeCount: "5", publishedAt: new Date() });
  assert.equal(error.issues.map((issue) => issue.path).sort(), ["likeCount", "publishedAt"]);
});

test("rejects unknown fields instead of silently dropping them", () => {
  const error = failure({ ...item(), likes: 3 });
  assert.match(error.message, /likes/);
});

test("refuses links that are not http(s)", () => {
  for (const url of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,hi"]) {
    assert.is(failure({ ...item(), url }).issues[0]?.path, "url", url);
  }
});

test("knows every kind and moderation state of the issue", () => {
  assert.equal(ContentItem.shape.kind.options, ["article", "video", "podcast", "post", "course"]);
  assert.equal(ContentItem.shape.moderation.options, ["visible", "flagged", "hidden"]);
});

test("keeps the original zod error as the cause", () => {
  assert.ok(failure({}).cause instanceof Error);
});

test.run();
