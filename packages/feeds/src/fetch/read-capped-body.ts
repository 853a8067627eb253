import { createHash } from "node:crypto";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  brotliDecompressSync,
  createBrotliDecompress,
  createGunzip,
  createInflate,
  createInflateRaw,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from "node:zlib";

export type CappedBody =
  | { readonly ok: true; readonly body: Buffer; readonly sha256: string }
  | { readonly ok: false; readonly reason: "too-large" | "bad-encoding"; readonly detail: string };

export interface ReadCappedBodyOptions {
  /** The response's Content-Encoding header, if any. */
  readonly contentEncoding?: string | undefined;
  /** Cap on the decoded bytes, and on the bytes on the wire. */
  readonly maxBytes: number;
  /**
   * Whether the request was aborted (its deadline passed): a body cut short by that is not
   * corrupt. Aborting is the request's business: undici destroys the body it handed out.
   */
  readonly aborted?: () => boolean;
}

type Coding = "identity" | "gzip" | "deflate" | "br";

const CODINGS: ReadonlyMap<string, Exclude<Coding, "identity">> = new Map([
  ["gzip", "gzip"],
  ["x-gzip", "gzip"],
  ["deflate", "deflate"],
  ["br", "br"],
]);

/**
 * A compressed body that ends within this many bytes on the wire is decoded in one call once
 * read: a stream of decoder, counters and collector costs several times what inflating a
 * typical feed does. Past it the body is decoded as it arrives, so a bomb stops at the cap
 * after a few chunks rather than after `maxBytes` of them.
 */
const WHOLE_WIRE_BYTES = 64 * 1024;

class CapExceeded extends Error {}

/** Drops a body unread. undici reports a destroyed body as an error: nobody is left to hear it. */
export function discard(body: Readable): void {
  body.on("error", () => {});
  body.destroy();
}

/**
 * One coding at most: stacked codings are never used by feed servers and would only multiply
 * decompression work an attacker controls.
 */
function codingOf(header: string | undefined): Coding | undefined {
  const tokens = (header ?? "")
    .split(",")
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== "" && token !== "identity");
  if (tokens.length === 0) return "identity";
  return tokens.length === 1 && tokens[0] !== undefined ? CODINGS.get(tokens[0]) : undefined;
}

// RFC 9110 "deflate" is zlib-wrapped, but many servers send raw deflate: a zlib stream starts
// with CM=8 in the low nibble, which a raw block header (BFINAL, BTYPE, zero padding) never has.
function looksLikeZlib(first: Buffer): boolean {
  const byte = first[0];
  return byte !== undefined && (byte & 0x0f) === 8 && byte >> 4 <= 7;
}

interface Head {
  readonly chunks: Buffer[];
  readonly bytes: number;
  /** What is left of the source; undefined when it ended within the limit (`chunks` is all). */
  readonly rest: AsyncIterator<Buffer> | undefined;
}

/** Reads chunks until the source ends or more than `limit` bytes have come. */
async function readHead(source: Readable, limit: number): Promise<Head> {
  const rest: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const chunks: Buffer[] = [];
  let bytes = 0;
  for (;;) {
    const next = await rest.next();
    if (next.done === true) return { chunks, bytes, rest: undefined };
    chunks.push(next.value);
    bytes += next.value.length;
    if (bytes > limit) return { chunks, bytes, rest };
  }
}

async function* replay(chunks: readonly Buffer[], rest: AsyncIterator<Buffer>) {
  yield* chunks;
  // Delegating keeps return() flowing to the source, so destroying the pipeline destroys it.
  yield* { [Symbol.asyncIterator]: () => rest };
}

function decoderFor(coding: Exclude<Coding, "identity">, first: Buffer): Transform {
  if (coding === "gzip") return createGunzip();
  if (coding === "br") return createBrotliDecompress();
  return looksLikeZlib(first) ? createInflate() : createInflateRaw();
}

function wireCounter(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? new CapExceeded() : null, chunk);
    },
  });
}

function collector(maxBytes: number): { stream: Writable; body(): CappedBody } {
  const chunks: Buffer[] = [];
  let seen = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(new CapExceeded());
      chunks.push(chunk);
      done();
    },
  });
  return { stream, body: () => whole(Buffer.concat(chunks, seen)) };
}

function tooLarge(maxBytes: number): CappedBody {
  return { ok: false, reason: "too-large", detail: `more than ${maxBytes} bytes` };
}

function corrupt(options: ReadCappedBodyOptions, error: unknown): CappedBody {
  const detail = `corrupt ${options.contentEncoding} body (${error instanceof Error ? error.message : error})`;
  return { ok: false, reason: "bad-encoding", detail };
}

async function decodeStreaming(
  input: Readable,
  decoder: Transform,
  options: ReadCappedBodyOptions,
): Promise<CappedBody> {
  const collect = collector(options.maxBytes);
  const stages = [input, wireCounter(options.maxBytes), decoder, collect.stream];
  // The first stage to fail is the cause; pipeline then destroys the others with its error.
  let firstFailed: unknown;
  for (const stage of stages) stage.on("error", () => (firstFailed ??= stage));
  try {
    // An aborted request destroys the source, failing the pipeline.
    await pipeline(stages);
  } catch (error) {
    if (error instanceof CapExceeded) return tooLarge(options.maxBytes);
    if (options.aborted?.() !== true && firstFailed === decoder) return corrupt(options, error);
    throw error;
  }
  return collect.body();
}

function whole(body: Buffer): CappedBody {
  return { ok: true, body, sha256: createHash("sha256").update(body).digest("hex") };
}

function decodeWhole(
  coding: Exclude<Coding, "identity">,
  wire: Buffer,
  options: ReadCappedBodyOptions,
): CappedBody {
  const limit = { maxOutputLength: options.maxBytes };
  try {
    if (coding === "gzip") return whole(gunzipSync(wire, limit));
    if (coding === "br") return whole(brotliDecompressSync(wire, limit));
    return whole(looksLikeZlib(wire) ? inflateSync(wire, limit) : inflateRawSync(wire, limit));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === "ERR_BUFFER_TOO_LARGE" ? tooLarge(options.maxBytes) : corrupt(options, error);
  }
}

/**
 * Decompresses (gzip, deflate zlib or raw, br) and collects the body, failing with "too-large"
 * once the decoded bytes — or the bytes on the wire, so an endless stream of empty gzip members
 * cannot run until the deadline — pass `maxBytes`. Errors of the source (network, abort) are
 * rethrown for the caller to classify.
 */
export async function readCappedBody(
  source: Readable,
  options: ReadCappedBodyOptions,
): Promise<CappedBody> {
  const coding = codingOf(options.contentEncoding);
  if (coding === undefined) {
    discard(source);
    const detail = `unsupported Content-Encoding "${options.contentEncoding}"`;
    return { ok: false, reason: "bad-encoding", detail };
  }
  const identity = coding === "identity";
  const head = await readHead(
    source,
    Math.min(identity ? Infinity : WHOLE_WIRE_BYTES, options.maxBytes),
  );
  if (head.rest !== undefined) {
    if (identity || head.bytes > options.maxBytes) {
      discard(source);
      return tooLarge(options.maxBytes);
    }
    const input = Readable.from(replay(head.chunks, head.rest), { objectMode: false });
    return await decodeStreaming(input, decoderFor(coding, head.chunks[0] as Buffer), options);
  }
  const wire = Buffer.concat(head.chunks, head.bytes);
  // Servers do send an empty body with a Content-Encoding: it is no content, not a corrupt one.
  if (identity || wire.length === 0) return whole(wire);
  return decodeWhole(coding, wire, options);
}
