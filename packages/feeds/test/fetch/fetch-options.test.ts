import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedError } from "../../src/errors.ts";
import {
  DEFAULT_USER_AGENT,
  parseFetchOptions,
  withPrevious,
} from "../../src/fetch/fetch-options.ts";

function rejects(input: unknown): FeedError {
  try {
    parseFetchOptions(input as Parameters<typeof parseFetchOptions>[0]);
  } catch (error) {
    assert.instance(error, FeedError);
    return error as FeedError;
  }
  throw new Error("expected the options to be rejected");
}

test("defaults live in the schema", () => {
  const options = parseFetchOptions();
  assert.is(options.timeoutMs, 20_000);
  assert.is(options.maxBytes, 10 * 1024 * 1024);
  assert.is(options.maxRedirects, 5);
  assert.equal(options.allowHosts, []);
  assert.is(options.userAgent, DEFAULT_USER_AGENT);
  assert.type(options.now(), "number");
  assert.is(options.resolve, undefined);
});

test("given values are kept", () => {
  const now = () => 42;
  const options = parseFetchOptions({ timeoutMs: 500, allowHosts: ["*.corp.example"], now });
  assert.is(options.timeoutMs, 500);
  assert.equal(options.allowHosts, ["*.corp.example"]);
  assert.is(options.now, now);
});

test("bad options throw one INVALID_OPTIONS error naming every bad field", () => {
  const error = rejects({ timeoutMs: -1, allowHosts: ["http://x/"], userAgent: "a\r\nX-Evil: 1" });
  assert.is(error.code, "INVALID_OPTIONS");
  assert.match(error.message, "timeoutMs");
  assert.match(error.message, "allowHosts.0");
  assert.match(error.message, "userAgent");
});

test("unknown options and header-splitting validators are refused", () => {
  assert.match(rejects({ timeout: 5 }).message, "timeout");
  assert.match(rejects({ previous: { etag: '"a"\n' } }).message, "previous.etag");
  assert.match(rejects({ now: 5 }).message, "now");
});

test("options it returned are not parsed again: parse once, fetch many", () => {
  const options = parseFetchOptions({ timeoutMs: 500 });
  assert.is(parseFetchOptions(options), options);
  assert.is.not(parseFetchOptions({ ...options }), options, "a copy is parsed afresh");
});

test("withPrevious puts one feed's validators in parsed options, and checks only those", () => {
  const options = parseFetchOptions({ timeoutMs: 500, allowHosts: ["127.0.0.1"] });
  const previous = { etag: '"v1"', lastModified: "Mon, 02 Nov 2026 09:00:00 GMT", bodyHash: "ab" };
  const withOne = withPrevious(options, previous);
  assert.equal(withOne.previous, previous);
  assert.is(withOne.allowHosts, options.allowHosts);
  assert.is(options.previous, undefined, "the run's options are left as they were");
  assert.is(parseFetchOptions(withOne), withOne);
  const bad = (input: unknown) => () =>
    withPrevious(options, input as Parameters<typeof withPrevious>[1]);
  assert.throws(bad({ etag: '"a"\r\nX-Evil: 1' }), /previous\.etag/);
  assert.throws(bad({ etag: 5 }), /previous\.etag/);
  assert.throws(bad({ version: "1" }), /previous/);
});

test.run();
