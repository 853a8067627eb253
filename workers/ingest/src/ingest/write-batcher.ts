import type { ContentItem } from "@sightline/core";

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
export class WriteBatcher {
  private readonly write: (items: ContentItem[]) => Promise<WriteReport>;
  private readonly options: WriteBatcherOptions;
  private readonly onFlush: (report: WriteReport) => void;
  private items: ContentItem[] = [];
  private waiters: Waiter[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    write: (items: ContentItem[]) => Promise<WriteReport>,
    options: WriteBatcherOptions,
    onFlush: (report: WriteReport) => void = () => {},
  ) {
    this.write = write;
    this.options = options;
    this.onFlush = onFlush;
  }

  submit(items: readonly ContentItem[]): Promise<void> {
    if (items.length === 0) return Promise.resolve();
    const confirmed = new Promise<void>((resolve, reject) =>
      this.waiters.push({ resolve, reject }),
    );
    this.items.push(...items);
    if (this.items.length >= this.options.maxItems) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.options.maxDelayMs);
    return confirmed;
  }

  /** Writes whatever waits and resolves when every write so far has settled. */
  async close(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.inFlight]);
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.items.length === 0) return;
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
    void settled.finally(() => this.inFlight.delete(settled));
  }
}
