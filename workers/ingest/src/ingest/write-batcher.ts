export interface WriteReport {
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface WriteBatcherOptions {
  /** Flush once this many items wait… */
  readonly maxItems: number;
  /** …or once the oldest has waited this long. */
  readonly maxDelayMs: number;
  /**
   * Writes allowed in flight at once (default: no limit). A flush due while that many are out
   * waits for one of them to end, gathering everything submitted meanwhile into the next write:
   * under load, writes grow as large as the index needs time for (group commit).
   */
  readonly maxWritesInFlight?: number;
}

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Gathers the items of many feeds into few large writes: Meilisearch indexes one batch of 5,000
 * far faster than 100 batches of 50. `submit` resolves only once the write holding those items is
 * confirmed, which is the moment a feed's state may advance; if that write fails, every feed in
 * it is told, and none of them advances.
 */
export class WriteBatcher<T> {
  private readonly write: (items: T[]) => Promise<WriteReport>;
  private readonly options: WriteBatcherOptions;
  private readonly onFlush: (report: WriteReport) => void;
  private items: T[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  /** A flush was due while the in-flight limit was reached: it happens as soon as a write ends. */
  private deferred = false;
  /** Readers waiting for the items ahead of theirs to go out (see `accept`). */
  private roomWaiters: (() => void)[] = [];

  constructor(
    write: (items: T[]) => Promise<WriteReport>,
    options: WriteBatcherOptions,
    onFlush: (report: WriteReport) => void = () => {},
  ) {
    this.write = write;
    this.options = options;
    this.onFlush = onFlush;
  }

  submit(items: readonly T[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const confirmed = new Promise<void>((resolve, reject) =>
      this.waiters.push({ resolve, reject }),
    );
    this.items.push(...items);
    if (this.items.length >= this.options.maxItems) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    return confirmed;
  }

  /**
   * `submit` for a caller with more to read. It resolves once the caller may go on: at once,
   * unless a full write's worth of items waits already (then once those go out). So reading runs
   * ahead of writing by at most one write, and a write gathers the items of many feeds.
   * `confirmed` settles once the write holding these items is confirmed or has failed.
   */
  async accept(items: readonly T[]): Promise<{ readonly confirmed: Promise<void> }> {
    const confirmed = this.submit(items);
    // The caller looks at the outcome only later: a failure must not count as unhandled meanwhile.
    confirmed.catch(() => {});
    if (this.items.length >= this.options.maxItems) {
      await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    }
    return { confirmed };
  }

  /** Writes whatever waits and resolves when every write so far has settled. */
  async close(): Promise<void> {
    this.flush();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.length === 0) return;
    if (this.inFlight.size >= (this.options.maxWritesInFlight ?? Number.POSITIVE_INFINITY)) {
      this.deferred = true;
      return;
    }
    this.deferred = false;
    for (const resolve of this.roomWaiters.splice(0)) resolve();
    const items = this.items;
    const waiters = this.waiters;
    this.items = [];
    this.waiters = [];
    const settled = this.write(items).then(
      (report) => {
        this.onFlush(report);
        for (const waiter of waiters) waiter.resolve();
      },
      (error: unknown) => {
        for (const waiter of waiters) waiter.reject(error);
      },
    );
    this.inFlight.add(settled);
    void settled.finally(() => {
      this.inFlight.delete(settled);
      if (this.deferred) this.flush();
    });
  }
}
