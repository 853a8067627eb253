import { sanitiseFragments } from "./sanitise-fragments.ts";

export interface SanitiseOptions {
  /** Base of relative URLs: the item's or the feed's. */
  readonly baseUrl: string;
  /** Hosts whose iframes survive (video players, say); every other iframe is removed. */
  readonly iframeHosts: readonly string[];
}

/**
 * Sanitises a feed's HTML through an allowlist: no script, style, event handlers, forms,
 * objects, frames, SVG/MathML or non-web URLs; iframes only from `iframeHosts`; 1×1 tracking
 * pixels removed; relative URLs made absolute; links open with `rel="noopener noreferrer"`.
 */
export function sanitiseHtml(html: string, options: SanitiseOptions): string {
  const [sanitised = ""] = sanitiseFragments(
    [{ html, baseUrl: options.baseUrl }],
    options.iframeHosts,
  );
  return sanitised;
}
