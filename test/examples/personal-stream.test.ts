import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { test } from "uvu";
import * as assert from "uvu/assert";

const run = promisify(execFile);
const example = fileURLToPath(new URL("../../examples/personal-stream", import.meta.url));

test("the personal-stream example prints three drops on the learner's weekday schedule, each item with reasons", async () => {
  const { stdout, stderr } = await run(
    process.execPath,
    ["--conditions=@sightline/source", "--import", "tsx", "src/main.ts"],
    { cwd: example },
  );
  assert.is(stderr, "");
  const headers = stdout.match(/^Drop for priya at .+$/gm) ?? [];
  assert.equal(headers, [
    "Drop for priya at 2026-11-23T09:00:00.000Z",
    "Drop for priya at 2026-11-24T09:00:00.000Z",
    "Drop for priya at 2026-11-25T09:00:00.000Z",
  ]);
  const entries = stdout.match(/^ {2}\[(interest|explore|resurface)\] .+$/gm) ?? [];
  assert.is(entries.length, 12, "four items per drop");
  assert.is(
    new Set(entries.map((line) => line.replace(/^ {2}\[\w+\] /, ""))).size,
    12,
    "no item repeats",
  );
  const reasons = stdout.match(/^ {6}\S.+$/gm) ?? [];
  assert.is(reasons.length, 12);
  assert.ok(stdout.includes("because you follow Grace Lindqvist"));
});

test.run();
