import type { LookupAddress, LookupOptions } from "node:dns";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FeedError } from "../../src/errors.ts";
import { createAddressPolicy } from "../../src/fetch/address-policy.ts";
import { createGuardedLookup, type ResolvedAddress } from "../../src/fetch/guarded-lookup.ts";

// These tests call the lookup the way net.connect does, with no socket at all: what the callback
// receives is exactly what a connection would be made to.

interface Answer {
  error: NodeJS.ErrnoException | null;
  address: string | LookupAddress[];
  family: number | undefined;
}

function lookupWith(answers: Record<string, ResolvedAddress[]>, allowHosts: string[] = []) {
  const asked: string[] = [];
  const lookup = createGuardedLookup(
    createAddressPolicy(allowHosts),
    "http://feed.test/rss",
    async (host) => {
      asked.push(host);
      return answers[host] ?? [];
    },
  );
  const run = (host: string, options: LookupOptions = {}) =>
    new Promise<Answer>((resolve) =>
      lookup(host, options, (error, address, family) => resolve({ error, address, family })),
    );
  return { run, asked };
}

const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

test("a host resolving to 10.0.0.1 gets an error and no address to connect to", async () => {
  const { run, asked } = lookupWith({ "intranet.test": [v4("10.0.0.1")] });
  const answer = await run("intranet.test");
  assert.instance(answer.error, FeedError);
  assert.is((answer.error as FeedError).code, "BLOCKED_ADDRESS");
  assert.equal(answer.address, []);
  assert.equal(asked, ["intranet.test"]);
  const message = (answer.error as FeedError).message;
  assert.match(message, "http://feed.test/rss");
  assert.match(message, 'add "intranet.test" to allowHosts');
});

test("one non-public address among public ones refuses the whole answer", async () => {
  const { run } = lookupWith({ "mixed.test": [v4("93.184.216.34"), v4("169.254.169.254")] });
  const answer = await run("mixed.test", { all: true });
  assert.is((answer.error as FeedError).code, "BLOCKED_ADDRESS");
  assert.match((answer.error as FeedError).message, "metadata");
});

test("public answers pass, in net's single and all-addresses forms", async () => {
  const { run } = lookupWith({ "news.test": [v4("93.184.216.34"), v6("2606:4700::1")] });
  const single = await run("news.test");
  assert.is(single.error, null);
  assert.is(single.address, "93.184.216.34");
  assert.is(single.family, 4);
  const all = await run("news.test", { all: true });
  assert.equal(all.address, [v4("93.184.216.34"), v6("2606:4700::1")]);
});

test("the requested family filters the answer", async () => {
  const { run } = lookupWith({ "news.test": [v4("93.184.216.34"), v6("2606:4700::1")] });
  assert.is((await run("news.test", { family: 6 })).address, "2606:4700::1");
  assert.is((await run("news.test", { family: "IPv4" })).address, "93.184.216.34");
});

test("an allowlisted host may resolve to a private address", async () => {
  const { run } = lookupWith({ "wiki.corp": [v4("10.0.0.1")] }, ["wiki.corp"]);
  const answer = await run("wiki.corp");
  assert.is(answer.error, null);
  assert.is(answer.address, "10.0.0.1");
});

test("an empty answer is ENOTFOUND and resolver failures pass through", async () => {
  const { run } = lookupWith({});
  assert.is((await run("nowhere.test")).error?.code, "ENOTFOUND");
  const failing = createGuardedLookup(createAddressPolicy([]), "f", () =>
    Promise.reject(Object.assign(new Error("boom"), { code: "EAI_AGAIN" })),
  );
  const error = await new Promise((resolve) => failing("x.test", {}, (e) => resolve(e)));
  assert.is((error as NodeJS.ErrnoException).code, "EAI_AGAIN");
});

test.run();
