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

function webUrl(href: string, base: string): string | undefined {
  const url = resolveUrl(href, base);
  return url !== undefined && /^https?:/.test(url) ? url : undefined;
}

/**
 * The feeds an HTML page names with `<link rel="alternate" type="…feed type…" href>`, as
 * absolute http(s) URLs in document order, resolved against the page's `<base href>` if any.
 */
export function discoverFeedLinks(html: string, pageUrl: string): string[] {
  let base: string | undefined;
  const hrefs: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
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
