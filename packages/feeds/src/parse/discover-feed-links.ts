import { Parser } from "htmlparser2";
import { resolveUrl } from "../resolve-url.ts";

const FEED_TYPES = new Set([
  "application/rss+xml",
  "application/atom+xml",
  "application/rdf+xml",
  "application/feed+json",
  "application/json",
  "application/x.atom+xml",
  "application/x-atom+xml",
  "application/x-rss+xml",
  "text/xml",
]);

/**
 * Elements read at most. Feed links belong in `<head>` (`alternate` is not allowed in the body),
 * which comes first; htmlparser2 takes quadratic time on deep nesting, so a hostile page of a
 * million nested elements must not be read to its end.
 */
const MAX_ELEMENTS = 10_000;

function webUrl(href: string, base: string): string | undefined {
  const url = resolveUrl(href, base);
  return url !== undefined && /^https?:/.test(url) ? url : undefined;
}

/**
 * The feeds an HTML page names with `<link rel="alternate" type="…feed type…" href>` in its head,
 * as absolute http(s) URLs in document order, resolved against the page's `<base href>` if any.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  let base: string | undefined;
  const hrefs: string[] = [];
  let elements = 0;
  const parser = new Parser({
    onopentag(name, attributes) {
      elements += 1;
      if (name === "body" || elements > MAX_ELEMENTS) {
        parser.pause();
        return;
      }
      if (name === "base" && base === undefined && attributes.href !== undefined) {
        base = webUrl(attributes.href, pageUrl);
      }
      const rel = (attributes.rel ?? "").toLowerCase().split(/\s+/);
      const type = (attributes.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
      if (name === "link" && rel.includes("alternate") && FEED_TYPES.has(type) && attributes.href) {
        hrefs.push(attributes.href);
      }
    },
  });
  parser.end(html);
  // The first <base> applies to the whole document, even to links before it.
  const urls = hrefs
    .map((href) => webUrl(href, base ?? pageUrl))
    .filter((url) => url !== undefined);
  return [...new Set(urls)];
}
