import { createHash, randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { brotliCompressSync, constants, deflateRawSync, deflateSync, gzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readCappedBody } from "../../src/fetch/read-capped-body.ts";

const TEXT = Buffer.from("<rss version='2.0'><channel><title>t</title></channel></rss>".repeat(50));
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** A source that yields the given chunks, then `endless` forever, and tells how far it got. */
function source(chunks: Buffer[], endless?: Buffer) {
  const seen = { pulled: 0, destroyed: false };
  let index = 0;
  const stream = new Readable({
    read() {
      const next = chunks[index++] ?? endless;
      seen.pulled += 1;
      this.push(next ?? null);
    },
    destroy(error, done) {
      seen.destroyed = true;
      done(error);
    },
  });
  return { stream, seen };
}

function split(bytes: Buffer, size: number): Buffer[] {
  const out: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

test("identity, gzip, zlib deflate, raw deflate and br all give the same bytes and hash", async () => {
  const cases: [string | undefined, Buffer][] = [
    [undefined, TEXT],
    ["identity", TEXT],
    ["gzip", gzipSync(TEXT)],
    ["x-gzip", gzipSync(TEXT)],
    ["deflate", deflateSync(TEXT)],
    ["deflate", deflateRawSync(TEXT)],
    ["BR", brotliCompressSync(TEXT)],
  ];
  for (const [encoding, wire] of cases) {
    // One-byte chunks: deflate's flavour must be told from a first chunk of a single byte.
    const read = await readCappedBody(source(split(wire, 1)).stream, {
      contentEncoding: encoding,
      maxBytes: 1 << 20,
    });
    assert.ok(read.ok, String(encoding));
    if (read.ok) {
      assert.ok(read.body.equals(TEXT), String(encoding));
      assert.is(read.sha256, sha256(TEXT));
    }
  }
});

test("a compressed body past 64 KiB on the wire decodes as it streams, to the same bytes", async () => {
  // Random hex compresses about 2:1, so this is some 200 KiB on the wire.
  const big = Buffer.from(randomBytes(200 * 1024).toString("hex"));
  const cases: [string, Buffer][] = [
    ["gzip", gzipSync(big)],
    ["deflate", deflateSync(big)],
    ["deflate", deflateRawSync(big)],
    ["br", brotliCompressSync(big)],
  ];
  for (const [encoding, wire] of cases) {
    assert.ok(wire.length > 64 * 1024, `${encoding}: ${wire.length} bytes on the wire`);
    const read = await readCappedBody(source(split(wire, 16 * 1024)).stream, {
      contentEncoding: encoding,
      maxBytes: 1 << 20,
    });
    assert.ok(read.ok && read.body.equals(big), encoding);
    assert.is(read.ok && read.sha256, sha256(big));
  }
});

test("an empty body is fine, deflate included", async () => {
  for (const encoding of [undefined, "deflate"]) {
    const read = await readCappedBody(source([]).stream, {
      contentEncoding: encoding,
      maxBytes: 10,
    });
    assert.equal(read.ok && read.body.length, 0);
  }
});

test("the cap applies to the decoded bytes: a gzip bomb stops at the cap", async () => {
  const member = gzipSync(Buffer.alloc(16 * 1024 * 1024));
  const { stream, seen } = source([], member);
  const started = performance.now();
  const read = await readCappedBody(stream, { contentEncoding: "gzip", maxBytes: 1 << 20 });
  assert.equal(read, { ok: false, reason: "too-large", detail: "more than 1048576 bytes" });
  assert.ok(seen.destroyed, "the source is destroyed");
  assert.ok(seen.pulled < 16, `read ${seen.pulled} members of 16 MiB for a 1 MiB cap`);
  assert.ok(performance.now() - started < 1000);
});

test("a bomb small enough to arrive whole is cut at the cap as it is decoded", async () => {
  for (const [encoding, wire] of [
    ["gzip", gzipSync(Buffer.alloc(16 * 1024 * 1024))],
    ["deflate", deflateSync(Buffer.alloc(16 * 1024 * 1024))],
  ] as const) {
    assert.ok(wire.length < 64 * 1024);
    const read = await readCappedBody(source([wire]).stream, {
      contentEncoding: encoding,
      maxBytes: 1 << 20,
    });
    assert.equal(read, { ok: false, reason: "too-large", detail: "more than 1048576 bytes" });
  }
});

test("a brotli bomb stops at the cap too", async () => {
  const wire = brotliCompressSync(Buffer.alloc(32 * 1024 * 1024), {
    params: { [constants.BROTLI_PARAM_QUALITY]: 1 },
  });
  const read = await readCappedBody(source([wire]).stream, {
    contentEncoding: "br",
    maxBytes: 1 << 20,
  });
  assert.is(!read.ok && read.reason, "too-large");
});

test("the wire is capped too: endless empty gzip members cannot run until the deadline", async () => {
  const { stream, seen } = source([], gzipSync(Buffer.alloc(0)));
  const read = await readCappedBody(stream, { contentEncoding: "gzip", maxBytes: 64 * 1024 });
  assert.is(!read.ok && read.reason, "too-large");
  assert.ok(seen.destroyed);
});

test("an identity body over the cap stops one chunk past it", async () => {
  const { stream, seen } = source([], Buffer.alloc(64 * 1024));
  const read = await readCappedBody(stream, { maxBytes: 1 << 20 });
  assert.is(!read.ok && read.reason, "too-large");
  assert.ok(seen.pulled <= 20, `pulled ${seen.pulled} chunks`);
});

test("corrupt, stacked and unknown codings are bad-encoding", async () => {
  const corrupt = await readCappedBody(source([Buffer.from("not gzip")]).stream, {
    contentEncoding: "gzip",
    maxBytes: 1000,
  });
  assert.is(!corrupt.ok && corrupt.reason, "bad-encoding");
  assert.match(!corrupt.ok ? corrupt.detail : "", "corrupt gzip body");
  const truncated = await readCappedBody(source([gzipSync(TEXT).subarray(0, 20)]).stream, {
    contentEncoding: "gzip",
    maxBytes: 1 << 20,
  });
  assert.is(!truncated.ok && truncated.reason, "bad-encoding");
  for (const encoding of ["gzip, br", "zstd", "compress", "constructor"]) {
    const { stream, seen } = source([TEXT]);
    const read = await readCappedBody(stream, { contentEncoding: encoding, maxBytes: 1 << 20 });
    assert.is(!read.ok && read.reason, "bad-encoding", encoding);
    assert.ok(seen.destroyed, encoding);
  }
});

test("an error of the source is rethrown for the caller to classify", async () => {
  const failing = new Readable({
    read() {
      this.destroy(Object.assign(new Error("socket hang up"), { code: "ECONNRESET" }));
    },
  });
  try {
    await readCappedBody(failing, { contentEncoding: "gzip", maxBytes: 1000 });
    assert.unreachable("should have thrown");
  } catch (error) {
    assert.is((error as NodeJS.ErrnoException).code, "ECONNRESET");
  }
});

test.run();
