import type { IdentityMode } from "../feed-config.ts";
import type { IdentityCandidates } from "./choose-identity-mode.ts";
import { stableHash } from "./stable-hash.ts";

function identityKey(mode: IdentityMode, identity: IdentityCandidates): string {
  if (mode === "guid" && identity.guid !== undefined) return `guid:${identity.guid}`;
  if (mode !== "content" && identity.link !== undefined) return `link:${identity.link}`;
  return `content:${identity.content}`;
}

/**
 * An item's id: a hash of its source and its identity in `mode`, falling back to the next
 * identity the item has. The source, not the feed URL, is hashed so a moved feed keeps its ids.
 */
export function itemId(sourceId: string, mode: IdentityMode, identity: IdentityCandidates): string {
  return stableHash(`${sourceId}\n${identityKey(mode, identity)}`);
}
