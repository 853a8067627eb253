/**
 * A search-only API key restricted to one index. The secret is behind a getter, and `toJSON`
 * leaves it out, so logging or serialising the object never prints it.
 */
export class SearchKey {
  readonly uid: string;
  readonly indexName: string;
  /** Lifetime of the tenant tokens minted from this key, unless a call says otherwise. */
  readonly tokenTtlSeconds: number;
  readonly #key: string;

  constructor(uid: string, key: string, indexName: string, tokenTtlSeconds: number) {
    this.uid = uid;
    this.#key = key;
    this.indexName = indexName;
    this.tokenTtlSeconds = tokenTtlSeconds;
  }

  get key(): string {
    return this.#key;
  }

  toJSON(): { uid: string; indexName: string } {
    return { uid: this.uid, indexName: this.indexName };
  }
}
