import { test } from "uvu";
import * as assert from "uvu/assert";
import { jsonArrayChunks } from "../../src/writes/json-array-chunks.ts";

async function collect(objects: Parameters<typeof jsonArrayChunks>[0]): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of jsonArrayChunks(objects)) chunks.push(chunk);
  return chunks;
}

const object = (id: string, text: string, more = "{}") => [JSON.stringify({ id, text }), more];

test("no objects make an empty array", async () => {
  assert.is(Buffer.concat(await collect([])).toString(), "[]");
});

test("the chunks join into the array's JSON, multi-byte characters whole across chunk edges", async () => {
  // Three-byte characters at odd offsets, so chunk edges fall inside where a character would be.
  const objects = Array.from({ length: 400 }, (_, i) =>
    object(
      `d${i}`,
      `${"x".repeat(i % 7)}€ “quoted” ${"wörd ".repeat(60)}`,
      i % 2 ? '{"n":1}' : "{}",
    ),
  );
  const chunks = await collect(objects);
  assert.ok(chunks.length > 1, `${chunks.length} chunk(s)`);
  const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>[];
  assert.is(parsed.length, 400);
  assert.equal(parsed[3], { id: "d3", text: `xxx€ “quoted” ${"wörd ".repeat(60)}`, n: 1 });
  for (const chunk of chunks) assert.ok(chunk.length <= 64 * 1024, `${chunk.length} bytes`);
});

test("an object larger than a chunk goes out whole, in a chunk of its own size", async () => {
  const big = "ü".repeat(100_000);
  const chunks = await collect([object("small", "a"), object("big", big)]);
  const parsed = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { text: string }[];
  assert.is(parsed[1]?.text, big);
});

test("parts merge into one object, in order, whatever their number and wherever empty", async () => {
  const parts = [["{}", '{"a":1}', "{}", '{"b":"x","c":[1]}'], ["{}"], [], ['{"z":true}']];
  const parsed = JSON.parse(Buffer.concat(await collect(parts)).toString("utf8")) as unknown;
  assert.equal(parsed, [{ a: 1, b: "x", c: [1] }, {}, {}, { z: true }]);
});

test.run();
