import { test } from "uvu";
import * as assert from "uvu/assert";
import type { IngestSummary } from "../../src/ingest/run-ingest.ts";
import type { LogLevel } from "../../src/log/log-level.ts";
import { createReporter, summaryText } from "../../src/log/reporter.ts";

const summary: IngestSummary = {
  feeds: 10,
  due: 4,
  ok: 2,
  unchanged: 1,
  failed: 1,
  disabled: 0,
  abandoned: 0,
  items: { created: 12, updated: 2, unchanged: 5 },
  durationMs: 1500,
};

function capture(format: "json" | "pretty", interactive: boolean, level?: LogLevel) {
  let out = "";
  const reporter = createReporter({
    format,
    interactive,
    ...(level === undefined ? {} : { level }),
    write: (text) => (out += text),
    now: () => Date.UTC(2026, 10, 2),
    usage: () => ({ cpuSeconds: 1.5, peakRssMb: 220 }),
  });
  return { reporter, output: () => out };
}

test("on a terminal, one progress line counts feeds done / total and items new / updated / unchanged", () => {
  const { reporter, output } = capture("pretty", true);
  reporter.event({ type: "run-started", feeds: 10, due: 4 });
  reporter.event({
    type: "feed-done",
    feedId: "a",
    url: "https://a.example.com/feed",
    status: "ok",
    items: 7,
  });
  reporter.event({ type: "items-written", created: 6, updated: 1, unchanged: 0 });
  const screen = output().split("\r\u001b[2K").at(-1);
  assert.is(screen, "feeds 1/4 · items new 6, updated 1, unchanged 0");
});

test("failures get their own line with the feed and the reason; the run ends with a summary", () => {
  const { reporter, output } = capture("pretty", false);
  reporter.event({ type: "run-started", feeds: 10, due: 4 });
  reporter.event({
    type: "feed-done",
    feedId: "b",
    url: "https://b.example.com/feed",
    status: "failed",
    items: 0,
    error: { code: "TIMEOUT", message: "no answer within 20 s" },
  });
  reporter.event({ type: "run-finished", summary });
  assert.match(output(), /✘ https:\/\/b\.example\.com\/feed: TIMEOUT: no answer within 20 s\n/);
  assert.match(
    output(),
    /4 of 10 feeds checked in 1\.5 s: 2 read, 1 unchanged, 1 failed\. Items: 12 new, 2 updated, 5 unchanged\.\n$/,
  );
  assert.not.match(output(), /\r/, "no redrawing when not on a terminal");
});

test("as JSON, every event is one line with a time and a level; failures are warnings", () => {
  const { reporter, output } = capture("json", false);
  reporter.event({
    type: "feed-done",
    feedId: "b",
    url: "u",
    status: "failed",
    items: 0,
    error: { code: "E", message: "m" },
  });
  reporter.event({ type: "run-finished", summary });
  const lines = output()
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
  assert.equal(
    lines.map((line) => [line.level, line.type, line.time]),
    [
      ["warn", "feed-done", "2026-11-02T00:00:00.000Z"],
      ["info", "run-finished", "2026-11-02T00:00:00.000Z"],
    ],
  );
  assert.is(lines[1].summary.items.created, 12);
  assert.equal(lines[1].process, { cpuSeconds: 1.5, peakRssMb: 220 }, "what the worker used");
});

const doneAs = (status: "ok" | "unchanged") =>
  ({
    type: "feed-done",
    feedId: status,
    url: `https://${status}.example.com/feed`,
    status,
    items: 0,
  }) as const;

test("as JSON, an unchanged feed is a debug line, left out unless the level is debug", () => {
  const levelsAt = (level?: LogLevel) => {
    const { reporter, output } = capture("json", false, level);
    reporter.event(doneAs("unchanged"));
    reporter.event(doneAs("ok"));
    reporter.info("Next run soon.");
    return output()
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line))
      .map((line) => `${line.level} ${line.feedId ?? line.message}`);
  };
  assert.equal(levelsAt(), ["info ok", "info Next run soon."]);
  assert.equal(levelsAt("debug"), ["debug unchanged", "info ok", "info Next run soon."]);
  assert.equal(levelsAt("warn"), []);
});

test("the summary mentions disabled and abandoned feeds only when there are some", () => {
  assert.not.match(summaryText(summary), /disabled|next run/);
  assert.match(
    summaryText({ ...summary, disabled: 1, abandoned: 3 }),
    /1 failed, 1 disabled, 3 left for the next run\./,
  );
});

test.run();
