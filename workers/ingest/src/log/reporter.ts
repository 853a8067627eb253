import type { IngestEvent, IngestSummary } from "../ingest/run-ingest.ts";
import { LOG_LEVELS, type LogLevel } from "./log-level.ts";
import { type ProcessUsage, processUsage } from "./process-usage.ts";

export interface ReporterOptions {
  readonly format: "json" | "pretty";
  /** The least severe JSON line written; "info" unless set. */
  readonly level?: LogLevel;
  readonly write: (text: string) => void;
  /** Redraws one progress line in place; only on a terminal. */
  readonly interactive: boolean;
  readonly now?: () => number;
  /** What the process has used, logged with each run's summary; the real usage unless given. */
  readonly usage?: () => ProcessUsage;
}

export interface Reporter {
  event(event: IngestEvent): void;
  info(message: string, fields?: Readonly<Record<string, unknown>>): void;
  error(message: string, fields?: Readonly<Record<string, unknown>>): void;
}

/**
 * What a run says while it works: structured JSON lines for log collectors, or, on a terminal,
 * one progress line (feeds done / total, items new / updated / unchanged) with failures above it.
 */
export function createReporter(options: ReporterOptions): Reporter {
  const now = options.now ?? Date.now;
  if (options.format === "json") {
    const least = LOG_LEVELS.indexOf(options.level ?? "info");
    const line = (level: LogLevel, fields: object) => {
      if (LOG_LEVELS.indexOf(level) < least) return;
      options.write(
        `${JSON.stringify({ time: new Date(now()).toISOString(), level, ...fields })}\n`,
      );
    };
    const usage = options.usage ?? processUsage;
    return {
      // A run's summary says what the worker has used so far: CPU and peak memory, for capacity.
      event: (event) =>
        line(
          levelOf(event),
          event.type === "run-finished" ? { ...event, process: usage() } : event,
        ),
      info: (message, fields = {}) => line("info", { message, ...fields }),
      error: (message, fields = {}) => line("error", { message, ...fields }),
    };
  }
  return prettyReporter(options);
}

/**
 * A failed feed is a warning. An unchanged one is debug: a worker polling thousands of feeds
 * would otherwise log a line per feed per run saying nothing happened; the run's summary counts
 * them, and `sightline status` shows each feed's last check.
 */
function levelOf(event: IngestEvent): LogLevel {
  if (event.type !== "feed-done") return "info";
  if (event.error !== undefined) return "warn";
  return event.status === "unchanged" ? "debug" : "info";
}

function prettyReporter(options: ReporterOptions): Reporter {
  const progress = { done: 0, due: 0, created: 0, updated: 0, unchanged: 0 };
  let drawn = false;
  const clear = () => {
    if (drawn) options.write("\r\u001b[2K");
    drawn = false;
  };
  const draw = () => {
    if (!options.interactive) return;
    clear();
    options.write(
      `feeds ${progress.done}/${progress.due} · items new ${progress.created}, updated ${progress.updated}, unchanged ${progress.unchanged}`,
    );
    drawn = true;
  };
  const say = (text: string) => {
    clear();
    options.write(`${text}\n`);
    draw();
  };
  return {
    event(event) {
      switch (event.type) {
        case "run-started":
          Object.assign(progress, {
            done: 0,
            due: event.due,
            created: 0,
            updated: 0,
            unchanged: 0,
          });
          say(`Checking ${event.due} of ${event.feeds} feeds.`);
          return;
        case "feed-done":
          progress.done++;
          if (event.error !== undefined)
            say(`✘ ${event.url}: ${event.error.code}: ${event.error.message}`);
          else draw();
          return;
        case "items-written":
          progress.created += event.created;
          progress.updated += event.updated;
          progress.unchanged += event.unchanged;
          draw();
          return;
        case "run-finished":
          clear();
          options.write(`${summaryText(event.summary)}\n`);
          return;
      }
    },
    info: (message) => say(message),
    error: (message) => say(`error: ${message}`),
  };
}

export function summaryText(summary: IngestSummary): string {
  const { items } = summary;
  const parts = [
    `${summary.due} of ${summary.feeds} feeds checked in ${(summary.durationMs / 1000).toFixed(1)} s:`,
    `${summary.ok} read, ${summary.unchanged} unchanged, ${summary.failed} failed`,
    ...(summary.disabled > 0 ? [`, ${summary.disabled} disabled`] : []),
    ...(summary.abandoned > 0 ? [`, ${summary.abandoned} left for the next run`] : []),
    `. Items: ${items.created} new, ${items.updated} updated, ${items.unchanged} unchanged.`,
  ];
  return parts.join(" ").replace(/ ,/g, ",").replace(/ \./g, ".");
}
