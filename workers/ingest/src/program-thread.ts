import { parentPort, workerData } from "node:worker_threads";
import { buildProgram } from "./program.ts";

export interface ThreadOptions {
  /** Whether the process's stdout is a terminal: a thread's own stdout never is. */
  readonly interactive: boolean;
}

/** A signal the main thread passed on, which the program had no handler for. */
export interface ThreadMessage {
  readonly unhandled: NodeJS.Signals;
}

const { interactive } = workerData as ThreadOptions;

parentPort?.on("message", ({ signal }: { signal: NodeJS.Signals }) => {
  if (process.listenerCount(signal) > 0) process.emit(signal, signal);
  else parentPort?.postMessage({ unhandled: signal } satisfies ThreadMessage);
});
// Listening for signals must not keep the thread alive once the program is done.
parentPort?.unref();

const program = buildProgram(
  {
    write: (text) => process.stdout.write(text),
    now: () => Date.now(),
    interactive,
  },
  (code) => {
    process.exitCode = code;
  },
);
await program.parseAsync(process.argv);
