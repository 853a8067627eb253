import { test } from "uvu";
import * as assert from "uvu/assert";
import { processUsage } from "../../src/log/process-usage.ts";

test("is the kernel's count: CPU so far, and a peak that covers memory just touched", () => {
  const ballast = Buffer.alloc(64 * 1024 * 1024, 1);
  const usage = processUsage();
  const rssMb = process.memoryUsage.rss() / 1024 / 1024;
  assert.ok(usage.cpuSeconds > 0);
  assert.ok(rssMb > 64, "the ballast is resident");
  assert.ok(usage.peakRssMb >= rssMb - 1, `peak ${usage.peakRssMb} MB, resident ${rssMb} MB`);
  assert.is(ballast[ballast.length - 1], 1);
});

test.run();
