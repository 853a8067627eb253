import type { ContentItem } from "@sightline/core";
import { FeedError, type FetchOptionsInput, loadFeed } from "@sightline/feeds";
import { sourceIdFor } from "../feeds/source-id-for.ts";

/** One input's result, in the shape `sightline inspect --json` prints (one JSON line each). */
export interface InspectReport {
  readonly input: string;
  readonly ok: boolean;
  readonly error?: { readonly code: string; readonly message: string };
  readonly feed?: { readonly title: string; readonly link: string; readonly format: string };
  readonly items: readonly InspectedItem[];
  readonly warnings: readonly string[];
}

export type InspectedItem = Pick<
  ContentItem,
  "id" | "url" | "title" | "summary" | "contentHtml" | "text" | "publishedAt" | "topics" | "kind"
>;

/**
 * Reads one feed without indexing it. Never throws: whatever goes wrong, even a bug, becomes a
 * report with `ok: false` and one error, so one bad input never stops the others.
 */
export async function inspectFeed(
  input: string,
  fetch: FetchOptionsInput,
  now: number,
): Promise<InspectReport> {
  try {
    const loaded = await loadFeed(input, {
      fetch,
      // An inspected feed has no configured expert yet; ids are still stable per input.
      feed: { expertId: "unassigned", sourceId: sourceIdFor(input) },
      now,
    });
    if (loaded.status !== "ok") {
      const error =
        loaded.status === "failed"
          ? loaded.error
          : new FeedError("HTTP_ERROR", `${input} answered "not modified" to a first request.`);
      return failed(input, error.code, error.message);
    }
    return {
      input,
      ok: true,
      feed: { title: loaded.feed.title, link: loaded.feed.link, format: loaded.feed.format },
      items: loaded.items.map(inspected),
      warnings: loaded.warnings,
    };
  } catch (error) {
    return failed(input, "INTERNAL", `Inspecting ${input} failed unexpectedly: ${String(error)}`);
  }
}

function inspected(item: ContentItem): InspectedItem {
  const { id, url, title, summary, contentHtml, text, publishedAt, topics, kind } = item;
  return {
    id,
    url,
    title,
    summary,
    publishedAt,
    topics,
    kind,
    ...(contentHtml === undefined ? {} : { contentHtml }),
    ...(text === undefined ? {} : { text }),
  };
}

function failed(input: string, code: string, message: string): InspectReport {
  return { input, ok: false, error: { code, message }, items: [], warnings: [] };
}
