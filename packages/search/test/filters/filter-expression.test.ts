import { test } from "uvu";
import * as assert from "uvu/assert";
import { SearchError } from "../../src/errors.ts";
import { anyOf, atLeast, noneOf, quoted } from "../../src/filters/filter-expression.ts";
import { visibilityFilter } from "../../src/filters/visibility-filter.ts";

test("values are quoted with quotes and backslashes escaped", () => {
  assert.is(quoted('a "b" \\ c'), '"a \\"b\\" \\\\ c"');
  assert.is(
    anyOf("topics", ['x" OR moderation = "hidden']),
    'topics IN ["x\\" OR moderation = \\"hidden"]',
  );
  assert.is(noneOf("expertId", ["a", "b"]), 'expertId NOT IN ["a", "b"]');
});

test("the visibility filter asks for visible items, public or in the learner's groups", () => {
  assert.is(visibilityFilter([]), 'moderation = "visible" AND readableBy IN ["*"]');
  assert.is(
    visibilityFilter(["finance"]),
    'moderation = "visible" AND readableBy IN ["*", "finance"]',
  );
});

test("a bound that is not a finite number is refused", () => {
  assert.is(atLeast("publishedAtMs", 5), "publishedAtMs >= 5");
  assert.throws(
    () => atLeast("publishedAtMs", Number.NaN),
    (error: unknown) => error instanceof SearchError,
  );
});

test.run();
