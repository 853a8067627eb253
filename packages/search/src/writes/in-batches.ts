/**
 * Consecutive slices of at most `size` items, in order; with `weigh`, also of at most `maxWeight`
 * in total (an item heavier than that on its own goes alone).
 */
export function inBatches<T>(
  items: readonly T[],
  size: number,
  weigh?: (item: T) => number,
  maxWeight = Number.POSITIVE_INFINITY,
): T[][] {
  const batches: T[][] = [];
  let current: T[] = [];
  let weight = 0;
  for (const item of items) {
    const itemWeight = weigh?.(item) ?? 0;
    if (current.length > 0 && (current.length >= size || weight + itemWeight > maxWeight)) {
      batches.push(current);
      current = [];
      weight = 0;
    }
    current.push(item);
    weight += itemWeight;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}
