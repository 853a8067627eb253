import { once } from "node:events";
import { text } from "node:stream/consumers";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { MAX_OLD_GENERATION_MB, startProgramThread } from "../src/start-program-thread.ts";

test("the program runs in a thread whose heap is capped, and ends with the program's exit code", async () => {
  const thread = startProgramThread(["--help"], { interactive: false }, { stdout: true });
  const output = text(thread.stdout);
  await once(thread, "online");
  assert.is(thread.resourceLimits?.maxOldGenerationSizeMb, MAX_OLD_GENERATION_MB);
  const [code] = await once(thread, "exit");
  assert.match(await output, "Usage: sightline");
  assert.is(code, 0);
});

test("a bad command line ends the thread with exit code 1", async () => {
  const thread = startProgramThread(["no-such-command"], { interactive: false }, { stderr: true });
  const errors = text(thread.stderr);
  const [code] = await once(thread, "exit");
  assert.match(await errors, "no-such-command");
  assert.is(code, 1);
});

test.run();
