import { Worker, type WorkerOptions } from "node:worker_threads";
import type { ThreadOptions } from "./program-thread.ts";

/**
 * The old generation's cap for the program's heap. V8 lets a heap capped at 2 GB or more (Node's
 * default here) grow to four times what is live before a full collection; under that cap the
 * factor shrinks toward 1.3. At 1 GB an ingest run peaks at about two thirds of the memory for
 * the same CPU, and 1 GB is still far more than the largest feed needs.
 */
export const MAX_OLD_GENERATION_MB = 1024;

/**
 * Runs `sightline` with `argv` in a worker thread: a thread's heap limits can be set here, in
 * code, however `sightline` is started, where the process's own can only be set on node's
 * command line.
 */
export function startProgramThread(
  argv: readonly string[],
  options: ThreadOptions,
  stdio: Pick<WorkerOptions, "stdout" | "stderr"> = {},
): Worker {
  const source = import.meta.url.endsWith(".ts");
  const entry = new URL(`./program-thread.${source ? "ts" : "js"}`, import.meta.url);
  const threadOptions = {
    argv: [...argv],
    workerData: options,
    resourceLimits: { maxOldGenerationSizeMb: MAX_OLD_GENERATION_MB },
    ...stdio,
  };
  // Run from source (`--import tsx`), a thread does not inherit tsx's loader in Node 20: it
  // registers it itself.
  if (!source) return new Worker(entry, threadOptions);
  const load = `import("tsx/esm/api").then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); });`;
  return new Worker(load, { ...threadOptions, eval: true });
}
