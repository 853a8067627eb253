#!/usr/bin/env node
import { constants } from "node:os";
import type { ThreadMessage } from "./program-thread.ts";
import { startProgramThread } from "./start-program-thread.ts";
import { STOP_SIGNALS, type StopSignal } from "./stop-signals.ts";

const thread = startProgramThread(process.argv.slice(2), {
  interactive: process.stdout.isTTY === true,
});

// Signals reach the main thread only: they are passed on, and the program's own handlers
// (finish the feeds being read, stop the embedded server) decide. One without a handler ends the
// process as the signal would.
const onSignal = (signal: StopSignal) => thread.postMessage({ signal });
for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
thread.on("message", (message: ThreadMessage) => {
  void thread.terminate().then(() => process.exit(128 + constants.signals[message.unhandled]));
});
thread.on("error", (error) => {
  console.error(error);
  process.exitCode = 1;
});
thread.on("exit", (code) => {
  process.exitCode ||= code;
  for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
});
