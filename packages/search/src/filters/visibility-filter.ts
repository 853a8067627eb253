import { PUBLIC_AUDIENCE } from "../documents/to-search-document.ts";
import { anyOf, equals } from "./filter-expression.ts";

/**
 * What a learner may ever see: visible items that are public or shared with one of their groups.
 * Positive on `moderation`, so a document missing the field (a stub) is never shown either.
 * `undefined` audiences leave them to a tenant token, whose own filter the server adds.
 */
export function visibilityFilter(audiences: readonly string[] | undefined): string {
  const visible = equals("moderation", "visible");
  if (audiences === undefined) return visible;
  return `${visible} AND ${anyOf("readableBy", [PUBLIC_AUDIENCE, ...audiences])}`;
}
