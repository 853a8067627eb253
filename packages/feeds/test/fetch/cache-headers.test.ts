import { test } from "uvu";
import * as assert from "uvu/assert";
import {
  cacheHeaders,
  parseHttpDate,
  parseMaxAge,
  parseRetryAfter,
} from "../../src/fetch/cache-headers.ts";

const NOW = Date.parse("2026-03-03T08:00:00Z");

test("HTTP-dates in all three RFC 9110 formats, and nothing else", () => {
  for (const text of [
    "Tue, 03 Mar 2026 08:00:00 GMT",
    "Tuesday, 03-Mar-26 08:00:00 GMT",
    "Tue Mar  3 08:00:00 2026",
  ]) {
    assert.is(parseHttpDate(text), NOW, text);
  }
  for (const text of ["1", "0", "-1", "2026-03-03", "soon", ""]) {
    assert.is(parseHttpDate(text), undefined, text);
  }
});

test("Retry-After in seconds or as a date; a past date means now", () => {
  assert.is(parseRetryAfter("120", NOW), 120_000);
  assert.is(parseRetryAfter(" 0 ", NOW), 0);
  assert.is(parseRetryAfter("Tue, 03 Mar 2026 08:05:00 GMT", NOW), 300_000);
  assert.is(parseRetryAfter("Tue, 03 Mar 2026 07:00:00 GMT", NOW), 0);
  assert.is(parseRetryAfter("-5", NOW), undefined);
  assert.is(parseRetryAfter("later", NOW), undefined);
});

test("max-age, quoted or not, among other directives", () => {
  assert.is(parseMaxAge("public, max-age=600"), 600);
  assert.is(parseMaxAge('max-age="60", must-revalidate'), 60);
  assert.is(parseMaxAge("s-maxage=100, no-cache"), undefined);
  assert.is(parseMaxAge("max-age=-1"), undefined);
});

test("max-age less Age; Expires left out when max-age is present", () => {
  const hints = cacheHeaders(
    { "cache-control": "max-age=600", age: "100", expires: "Tue, 03 Mar 2026 09:00:00 GMT" },
    NOW,
  );
  assert.equal(hints, { maxAgeMs: 500_000 });
  assert.equal(cacheHeaders({ "cache-control": "max-age=60", age: "100" }, NOW), { maxAgeMs: 0 });
});

test("Expires and Retry-After dates are read against the server's Date header", () => {
  // The server's clock runs an hour ahead: it still means "in 30 minutes" and "in 5 minutes".
  const hints = cacheHeaders(
    {
      date: "Tue, 03 Mar 2026 09:00:00 GMT",
      expires: "Tue, 03 Mar 2026 09:30:00 GMT",
      "retry-after": "Tue, 03 Mar 2026 09:05:00 GMT",
    },
    NOW,
  );
  assert.equal(hints, { retryAfterMs: 300_000, expiresAt: NOW + 1_800_000 });
});

test("without a Date header, Expires is taken as is; an invalid Expires is ignored", () => {
  assert.equal(cacheHeaders({ expires: "Tue, 03 Mar 2026 09:00:00 GMT" }, NOW), {
    expiresAt: NOW + 3_600_000,
  });
  assert.equal(cacheHeaders({ expires: "0" }, NOW), {});
  assert.equal(cacheHeaders({}, NOW), {});
});

test("repeated headers are joined", () => {
  assert.equal(cacheHeaders({ "cache-control": ["public", "max-age=30"] }, NOW), {
    maxAgeMs: 30_000,
  });
});

test.run();
