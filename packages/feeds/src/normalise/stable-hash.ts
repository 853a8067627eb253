import { hash } from "node:crypto";

/**
 * A 132-bit, URL- and Meilisearch-safe digest ([A-Za-z0-9_-]{22}). Core's 32-bit hash is for
 * sampling; ids must not collide across millions of items, so this one is SHA-256 based.
 */
export function stableHash(text: string): string {
  return hash("sha256", text, "base64url").slice(0, 22);
}
