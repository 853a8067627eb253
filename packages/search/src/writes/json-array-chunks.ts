/** One JSON object given as several, whose members together make it up, in order. */
export type JsonObjectParts = readonly string[];

const CHUNK_BYTES = 64 * 1024;
/** UTF-8 needs at most 3 bytes for each UTF-16 unit of a string. */
const MAX_BYTES_PER_UNIT = 3;
const COMMA = 0x2c;

/**
 * The objects as the UTF-8 bytes of one JSON array, in chunks of about 64 KiB made as the request
 * reads them. A write of thousands of documents thus never holds its whole body: a string or
 * buffer of many megabytes would outlive the request until V8's next full collection, whereas
 * each chunk is garbage as soon as it is sent.
 */
export async function* jsonArrayChunks(
  objects: readonly JsonObjectParts[],
): AsyncGenerator<Buffer> {
  let chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  let length = 0;
  const pending: Buffer[] = [];
  const room = (units: number): void => {
    if (length + units * MAX_BYTES_PER_UNIT <= chunk.length) return;
    // Never cut a string short: Buffer#write would do so without a word.
    pending.push(chunk.subarray(0, length));
    chunk = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, units * MAX_BYTES_PER_UNIT));
    length = 0;
  };
  const text = (value: string): void => {
    room(value.length);
    length += chunk.write(value, length);
  };
  // Each part is written whole and then edited in the buffer: its "}" dropped, and after the
  // first its "{" made a comma. Slicing and joining the strings instead would copy every
  // document twice more only to write it.
  const merged = (parts: JsonObjectParts): void => {
    let opened = false;
    for (const part of parts) {
      if (part === "{}") continue;
      room(part.length);
      const written = chunk.write(part, length);
      if (opened) chunk[length] = COMMA;
      length += written - 1;
      opened = true;
    }
    if (!opened) text("{");
    text("}");
  };
  text("[");
  for (const [n, object] of objects.entries()) {
    if (n !== 0) text(",");
    merged(object);
    // Hand over full chunks as they come, so the body is made only as fast as it is sent.
    yield* pending.splice(0);
  }
  text("]");
  yield* pending.splice(0);
  yield chunk.subarray(0, length);
}
