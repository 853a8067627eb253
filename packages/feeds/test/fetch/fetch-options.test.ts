import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedError } from "../../src/errors.ts";
import { DEFAULT_USER_AGENT, parseFetchOptions } from "../../src/fetch/fetch-options.ts";

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

test.run();
