// rss-parser hands back xml2js values: a string for a text-only element, else an object with the
// text under `_`, attributes under `$` and child elements as arrays under their names. These
// guards narrow such `unknown` values field by field, without copying them (this runs for every
// field of every item, so it must cost next to nothing).

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The element's own text, if it has any. */
export function textOf(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  return isRecord(value) ? stringOf(value._) : undefined;
}

/** One string entry of a map such as an element's attributes. */
export function entryOf(map: unknown, name: string): string | undefined {
  return isRecord(map) ? stringOf(map[name]) : undefined;
}

/** One attribute of the element. */
export function attributeOf(value: unknown, name: string): string | undefined {
  return isRecord(value) ? entryOf(value.$, name) : undefined;
}

/** A repeated element's values, or none. */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** All text inside the element and its children, in document order (for an XHTML feed title). */
export function deepText(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(deepText).join(" ");
  if (!isRecord(value)) return "";
  return Object.entries(value)
    .filter(([key]) => key !== "$")
    .map(([, child]) => deepText(child))
    .join(" ");
}
