import sanitizeHtml from "sanitize-html";
import { resolveUrl } from "../resolve-url.ts";
import { resolveSrcset } from "./resolve-srcset.ts";

export interface SanitiseOptions {
  /** Base of relative URLs: the item's or the feed's. */
  readonly baseUrl: string;
  /** Hosts whose iframes survive (video players, say); every other iframe is removed. */
  readonly iframeHosts: readonly string[];
}

// An explicit allowlist, so that a new sanitize-html default can never widen what passes.
const ALLOWED_TAGS = [
  "a",
  "abbr",
  "address",
  "article",
  "aside",
  "b",
  "bdi",
  "bdo",
  "blockquote",
  "br",
  "caption",
  "cite",
  "code",
  "col",
  "colgroup",
  "data",
  "dd",
  "del",
  "details",
  "dfn",
  "div",
  "dl",
  "dt",
  "em",
  "figcaption",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "i",
  "img",
  "ins",
  "kbd",
  "li",
  "main",
  "mark",
  "ol",
  "p",
  "picture",
  "pre",
  "q",
  "rp",
  "rt",
  "ruby",
  "s",
  "samp",
  "section",
  "small",
  "source",
  "span",
  "strong",
  "sub",
  "summary",
  "sup",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "time",
  "tr",
  "u",
  "ul",
  "var",
  "wbr",
  "audio",
  "video",
];

const ALLOWED_ATTRIBUTES: Record<string, string[]> = {
  "*": ["lang", "dir", "title"],
  a: ["href", "hreflang", "rel"],
  img: ["src", "srcset", "sizes", "alt", "width", "height"],
  source: ["src", "srcset", "sizes", "media", "type"],
  video: ["src", "poster", "controls", "width", "height"],
  audio: ["src", "controls"],
  iframe: ["src", "width", "height", "allowfullscreen"],
  td: ["colspan", "rowspan", "headers"],
  th: ["colspan", "rowspan", "headers", "scope", "abbr"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  blockquote: ["cite"],
  q: ["cite"],
  del: ["cite", "datetime"],
  ins: ["cite", "datetime"],
  time: ["datetime"],
  data: ["value"],
};

// Disallowed elements whose content is dropped too, not just their tags: their text is code,
// chrome or fallback that would read as garbage in an article.
const NON_TEXT_TAGS = [
  "script",
  "style",
  "noscript",
  "template",
  "title",
  "head",
  "textarea",
  "select",
  "option",
  "button",
  "svg",
  "math",
  "object",
  "embed",
  "applet",
  "iframe",
  "frame",
  "frameset",
  "noframes",
  "noembed",
  "xmp",
];

const URL_ATTRIBUTES = ["href", "src", "poster", "cite"];
const URL_BEARING_TAGS = ["source", "video", "audio", "iframe", "blockquote", "q", "del", "ins"];
const DATA_IMAGE = /^data:image\/(?:png|gif|jpe?g|webp|avif|bmp);/i;

function tinyDimension(value: string | undefined): boolean {
  return value !== undefined && Number.parseFloat(value) <= 1;
}

function absolutise(attribs: sanitizeHtml.Attributes, baseUrl: string): sanitizeHtml.Attributes {
  const out: sanitizeHtml.Attributes = { ...attribs };
  for (const name of URL_ATTRIBUTES) {
    const value = out[name];
    if (value === undefined) continue;
    const resolved = resolveUrl(value, baseUrl);
    if (resolved === undefined) delete out[name];
    else out[name] = resolved;
  }
  if (out.srcset !== undefined) {
    const srcset = resolveSrcset(out.srcset, (url) => resolveUrl(url, baseUrl));
    if (srcset === undefined) delete out.srcset;
    else out.srcset = srcset;
  }
  return out;
}

/** Rewrites only the elements that carry URLs; the rest are never copied. */
function transforms(baseUrl: string): Record<string, sanitizeHtml.Transformer> {
  const plain = (tagName: string, attribs: sanitizeHtml.Attributes) => ({
    tagName,
    attribs: absolutise(attribs, baseUrl),
  });
  return {
    ...Object.fromEntries(URL_BEARING_TAGS.map((tag) => [tag, plain])),
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...absolutise(attribs, baseUrl), rel: "noopener noreferrer" },
    }),
    img: (tagName, attribs) => {
      const out = absolutise(attribs, baseUrl);
      // data: is allowed on images only so that inline pictures survive; other media types
      // (data:text/html, data:image/svg+xml with script) are not pictures.
      if (out.src?.startsWith("data:") && !DATA_IMAGE.test(out.src)) delete out.src;
      return { tagName, attribs: out };
    },
  };
}

function exclude(frame: sanitizeHtml.IFrame): boolean | "excludeTag" {
  const { tag, attribs } = frame;
  if (tag === "img") {
    const trackingPixel = tinyDimension(attribs.width) && tinyDimension(attribs.height);
    return trackingPixel || !attribs.src;
  }
  if (tag === "iframe") return !attribs.src;
  if (tag === "a" && !attribs.href) return "excludeTag";
  return false;
}

/**
 * Sanitises a feed's HTML through an allowlist: no script, style, event handlers, forms,
 * objects, frames, SVG/MathML or non-web URLs; iframes only from `iframeHosts`; 1×1 tracking
 * pixels removed; relative URLs made absolute; links open with `rel="noopener noreferrer"`.
 */
export function sanitiseHtml(html: string, options: SanitiseOptions): string {
  // Without a "<" there is no element and so no attribute: entities alone cannot make markup,
  // so such HTML (most podcast notes) is already inert and skips the parser.
  if (!html.includes("<")) return html.trim();
  const iframes = options.iframeHosts.length > 0;
  return sanitizeHtml(html, {
    allowedTags: iframes ? [...ALLOWED_TAGS, "iframe"] : ALLOWED_TAGS,
    allowedAttributes: ALLOWED_ATTRIBUTES,
    allowedSchemes: ["http", "https", "mailto", "tel"],
    allowedSchemesByTag: { img: ["http", "https", "data"] },
    allowProtocolRelative: false,
    allowedIframeHostnames: [...options.iframeHosts],
    allowIframeRelativeUrls: false,
    disallowedTagsMode: "discard",
    nonTextTags: NON_TEXT_TAGS,
    transformTags: transforms(options.baseUrl),
    exclusiveFilter: exclude,
  }).trim();
}
