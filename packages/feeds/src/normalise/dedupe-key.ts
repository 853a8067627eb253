import { stableHash } from "./stable-hash.ts";

/**
 * The same value for the same article wherever it is syndicated. An item with a link of its own
 * is keyed by it ("https://www.x.org/a" and "http://x.org/a" are one article); an item whose
 * link is missing or shared (a podcast pointing every episode at its home page) by its title
 * and opening text.
 */
export function dedupeKey(ownLink: string | undefined, title: string, text: string): string {
  if (ownLink !== undefined)
    return stableHash(`url:${ownLink.replace(/^https?:\/\/(?:www\.)?/, "")}`);
  return stableHash(`content:${title.toLowerCase()}\n${text.slice(0, 500)}`);
}
