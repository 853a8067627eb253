/**
 * Keeps the k largest keys seen so far in a binary min-heap over typed arrays. Offering n keys
 * costs O(n) comparisons plus O(log k) for the few that enter: with random keys only about
 * k·ln(n/k) do, which is what makes a drop cheaper than sorting its candidates.
 */
export class TopKHeap {
  readonly capacity: number;
  private readonly keys: Float64Array;
  private readonly ids: Int32Array;
  private count = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(1, capacity);
    this.keys = new Float64Array(this.capacity);
    this.ids = new Int32Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The smallest key kept, or -Infinity while the heap has room. */
  get threshold(): number {
    return this.count < this.capacity ? Number.NEGATIVE_INFINITY : (this.keys[0] as number);
  }

  offer(key: number, id: number): void {
    if (this.count < this.capacity) {
      this.siftUp(this.count++, key, id);
    } else if (key > (this.keys[0] as number)) {
      this.siftDown(0, key, id);
    }
  }

  /** Kept entries ordered by key, largest first; ties keep the lower id first, so results are stable. */
  sorted(): Array<{ readonly id: number; readonly key: number }> {
    const entries = [];
    for (let i = 0; i < this.count; i++) {
      entries.push({ id: this.ids[i] as number, key: this.keys[i] as number });
    }
    return entries.sort((x, y) => y.key - x.key || x.id - y.id);
  }

  private siftUp(start: number, key: number, id: number): void {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((this.keys[parent] as number) <= key) break;
      this.keys[i] = this.keys[parent] as number;
      this.ids[i] = this.ids[parent] as number;
      i = parent;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }

  private siftDown(start: number, key: number, id: number): void {
    let i = start;
    const n = this.count;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && (this.keys[child + 1] as number) < (this.keys[child] as number)) child++;
      if ((this.keys[child] as number) >= key) break;
      this.keys[i] = this.keys[child] as number;
      this.ids[i] = this.ids[child] as number;
      i = child;
    }
    this.keys[i] = key;
    this.ids[i] = id;
  }
}
