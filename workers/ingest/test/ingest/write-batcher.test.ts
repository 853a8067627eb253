import { test } from "uvu";
import * as assert from "uvu/assert";
import { WriteBatcher } from "../../src/ingest/write-batcher.ts";

interface Item {
  readonly id: string;
}
const item = (id: string): Item => ({ id });
const report = (items: Item[]) => ({ created: items.length, updated: 0, unchanged: 0 });

test("gathers the items of many feeds into one write once enough wait", async () => {
  const writes: string[][] = [];
  const batcher = new WriteBatcher<Item>(
    async (items) => {
      writes.push(items.map((entry) => entry.id));
      return report(items);
    },
    { maxItems: 4, maxDelayMs: 10_000 },
  );
  await Promise.all([
    batcher.submit([item("a"), item("b")]),
    batcher.submit([item("c"), item("d")]),
  ]);
  assert.equal(writes, [["a", "b", "c", "d"]]);
  await batcher.close();
});

test("writes what waits after the delay, and on close", async () => {
  const writes: number[] = [];
  const batcher = new WriteBatcher<Item>(
    async (items) => {
      writes.push(items.length);
      return report(items);
    },
    { maxItems: 1000, maxDelayMs: 5 },
  );
  await batcher.submit([item("a")]);
  const last = batcher.submit([item("b"), item("c")]);
  await batcher.close();
  await last;
  assert.equal(writes, [1, 2]);
});

test("a submit resolves only after its write is confirmed, and a failed write rejects every feed in it", async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let confirmed = false;
  const batcher = new WriteBatcher<Item>(
    async (items) => {
      await gate;
      if (items.some((entry) => entry.id === "poison")) throw new Error("task failed");
      return report(items);
    },
    { maxItems: 2, maxDelayMs: 10_000 },
  );
  const first = batcher.submit([item("a"), item("b")]).then(() => {
    confirmed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.not.ok(confirmed, "not before the write finished");
  release();
  await first;
  assert.ok(confirmed);
  const failing = [batcher.submit([item("poison")]), batcher.submit([item("innocent")])];
  const results = await Promise.allSettled(failing);
  assert.equal(
    results.map((result) => result.status),
    ["rejected", "rejected"],
  );
  await batcher.close();
});

test("reports every confirmed write", async () => {
  const reports: number[] = [];
  const batcher = new WriteBatcher<Item>(
    async (items) => report(items),
    { maxItems: 2, maxDelayMs: 1 },
    (done) => {
      reports.push(done.created);
    },
  );
  await Promise.all([batcher.submit([item("a"), item("b")]), batcher.submit([item("c")])]);
  await batcher.close();
  assert.equal(reports, [2, 1]);
});

test("nothing to write resolves at once", async () => {
  const batcher = new WriteBatcher<Item>(
    async () => {
      throw new Error("must not be called");
    },
    { maxItems: 2, maxDelayMs: 1 },
  );
  await batcher.submit([]);
  await batcher.close();
});

test("accept: readers go on while their items gather, until a full write's worth waits", async () => {
  let release: () => void = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const writes: number[] = [];
  const batcher = new WriteBatcher<Item>(
    async (items) => {
      writes.push(items.length);
      if (writes.length === 1) await gate;
      return report(items);
    },
    { maxItems: 2, maxDelayMs: 10_000, maxWritesInFlight: 1 },
  );
  // Below maxItems nothing is written yet, and the reader is not held.
  const first = await batcher.accept([item("a")]);
  assert.equal(writes, []);
  // The second fills a write: it goes out, and its reader goes on while it is in flight.
  const second = await batcher.accept([item("b")]);
  assert.equal(writes, [2]);
  // With a write in flight, a full write's worth holds its reader until it can go out.
  await batcher.accept([item("c")]);
  let held = true;
  const fourth = batcher.accept([item("d")]).then((accepted) => {
    held = false;
    return accepted;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.ok(held, "a reader waits while a full write waits behind the one in flight");
  let firstConfirmed = false;
  void first.confirmed.then(() => {
    firstConfirmed = true;
  });
  await new Promise((resolve) => setTimeout(resolve, 10));
  assert.not.ok(firstConfirmed, "not confirmed before its write is");
  release();
  await Promise.all([first.confirmed, second.confirmed]);
  assert.not.ok(await fourth.then(() => held));
  await (await fourth).confirmed;
  await batcher.close();
  assert.equal(writes, [2, 2]);
});

test("accept: a failed write is reported through `confirmed` to every reader in it", async () => {
  const batcher = new WriteBatcher<Item>(
    async () => {
      throw new Error("task failed");
    },
    { maxItems: 100, maxDelayMs: 1, maxWritesInFlight: 1 },
  );
  const accepted = await batcher.accept([item("a")]);
  const outcome = await accepted.confirmed.then(
    () => "confirmed",
    () => "failed",
  );
  assert.is(outcome, "failed");
  await batcher.close();
});

test.run();
