/** The first wait between polls of a task's status. */
const FIRST_DELAY_MS = 2;
/**
 * Each wait is a quarter longer than the last. Doubling would notice a task up to half its own
 * duration late (a 20 ms state save seen at 35 ms); this is at most a fifth late, for a few
 * more polls, each a cheap read for Meilisearch.
 */
const GROWTH = 1.25;

/** The waits between polls: 2 ms, then a quarter longer each time, never more than `maxMs`. */
export function* pollDelays(maxMs: number): Generator<number, never> {
  for (let delay = FIRST_DELAY_MS; ; delay *= GROWTH) yield Math.min(delay, maxMs);
}
