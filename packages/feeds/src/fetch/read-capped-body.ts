import { createHash } from "node:crypto";
import { Readable, Transform, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from "node:zlib";

export type CappedBody =
  | { readonly ok: true; readonly body: Buffer; readonly sha256: string }
  | { readonly ok: false; readonly reason: "too-large" | "bad-encoding"; readonly detail: string };

export interface ReadCappedBodyOptions {
  /** The response's Content-Encoding header, if any. */
  readonly contentEncoding?: string | undefined;
  /** Cap on the decoded bytes, and on the bytes on the wire. */
  readonly maxBytes: number;
  readonly signal?: AbortSignal | undefined;
}

type Coding = "identity" | "gzip" | "deflate" | "br";

const CODINGS: ReadonlyMap<string, Exclude<Coding, "identity">> = new Map([
  ["gzip", "gzip"],
  ["x-gzip", "gzip"],
  ["deflate", "deflate"],
  ["br", "br"],
]);

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

async function* prepend(first: Buffer, rest: AsyncIterator<Buffer>): AsyncGenerator<Buffer> {
  yield first;
  // Delegating keeps return() flowing to the source, so destroying the pipeline destroys it.
  yield* { [Symbol.asyncIterator]: () => rest };
}

/** Reads the first chunk (deflate's flavour is told from it), then replays it. */
async function peek(source: Readable): Promise<{ input: Readable; first: Buffer } | undefined> {
  const rest: AsyncIterator<Buffer> = source[Symbol.asyncIterator]();
  const head = await rest.next();
  if (head.done === true) return undefined;
  return {
    input: Readable.from(prepend(head.value, rest), { objectMode: false }),
    first: head.value,
  };
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
  const hash = createHash("sha256");
  let seen = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      if (seen > maxBytes) return done(new CapExceeded());
      chunks.push(chunk);
      hash.update(chunk);
      done();
    },
  });
  return {
    stream,
    body: () => ({ ok: true, body: Buffer.concat(chunks), sha256: hash.digest("hex") }),
  };
}

async function collectFrom(
  input: Readable,
  decoder: Transform | undefined,
  options: ReadCappedBodyOptions,
): Promise<CappedBody> {
  const collect = collector(options.maxBytes);
  const stages = [
    input,
    wireCounter(options.maxBytes),
    ...(decoder ? [decoder] : []),
    collect.stream,
  ];
  // The first stage to fail is the cause; pipeline then destroys the others with its error.
  let firstFailed: unknown;
  for (const stage of stages) stage.on("error", () => (firstFailed ??= stage));
  try {
    await pipeline(stages, options.signal === undefined ? {} : { signal: options.signal });
  } catch (error) {
    if (error instanceof CapExceeded) {
      return { ok: false, reason: "too-large", detail: `more than ${options.maxBytes} bytes` };
    }
    if (options.signal?.aborted !== true && decoder !== undefined && firstFailed === decoder) {
      const detail = `corrupt ${options.contentEncoding} body (${error instanceof Error ? error.message : error})`;
      return { ok: false, reason: "bad-encoding", detail };
    }
    throw error;
  }
  return collect.body();
}

/**
 * Decompresses (gzip, deflate zlib or raw, br) as a stream and collects the body, failing with
 * "too-large" as soon as the decoded bytes — or the bytes on the wire, so an endless stream of
 * empty gzip members cannot run until the deadline — pass `maxBytes`. Errors of the source
 * (network, abort) are rethrown for the caller to classify.
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
  if (coding === "identity") return await collectFrom(source, undefined, options);
  const peeked = await peek(source);
  // Servers do send an empty body with a Content-Encoding: it is no content, not a corrupt one.
  if (peeked === undefined) return await collectFrom(Readable.from([]), undefined, options);
  return await collectFrom(peeked.input, decoderFor(coding, peeked.first), options);
}
