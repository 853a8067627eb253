import type sanitizeHtml from "sanitize-html";
import { resolveUrl } from "../resolve-url.ts";
import { resolveSrcset } from "./resolve-srcset.ts";

// An explicit allowlist, so that a new sanitize-html default can never widen what passes. The
// most used come first: sanitize-html looks a tag up by its index, for every tag and text node.
const ALLOWED_TAGS = [
  "p",
  "a",
  "strong",
  "em",
  "b",
  "i",
  "code",
  "br",
  "li",
  "ul",
  "ol",
  "h2",
  "h3",
  "h1",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
  "img",
  "figure",
  "figcaption",
  "span",
  "div",
  "hr",
  "table",
  "tr",
  "td",
  "th",
  "tbody",
  "thead",
  "sup",
  "sub",
  "small",
  "u",
  "s",
  "cite",
  "q",
  "mark",
  "source",
  "picture",
  "video",
  "audio",
  "abbr",
  "address",
  "article",
  "aside",
  "bdi",
  "bdo",
  "caption",
  "col",
  "colgroup",
  "data",
  "dd",
  "del",
  "details",
  "dfn",
  "dl",
  "dt",
  "footer",
  "header",
  "ins",
  "kbd",
  "main",
  "rp",
  "rt",
  "ruby",
  "samp",
  "section",
  "summary",
  "tfoot",
  "time",
  "var",
  "wbr",
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

// The base URL of the HTML being sanitised. sanitize-html is synchronous and calls the transforms
// only while it runs, so they read it here rather than being rebuilt as closures on every call.
let currentBaseUrl = "";

/** Sets what relative URLs resolve against from now on, until it is set again. */
export function setBaseUrl(url: string): void {
  currentBaseUrl = url;
}

function plain(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  return { tagName, attribs: absolutise(attribs, currentBaseUrl) };
}

/** Rewrites only the elements that carry URLs; the rest are never copied. */
const TRANSFORMS: Record<string, sanitizeHtml.Transformer> = {
  ...Object.fromEntries(URL_BEARING_TAGS.map((tag) => [tag, plain])),
  a: (tagName, attribs) => ({
    tagName,
    attribs: { ...absolutise(attribs, currentBaseUrl), rel: "noopener noreferrer" },
  }),
  img: (tagName, attribs) => {
    const out = absolutise(attribs, currentBaseUrl);
    // data: is allowed on images only so that inline pictures survive; other media types
    // (data:text/html, data:image/svg+xml with script) are not pictures.
    if (out.src?.startsWith("data:") && !DATA_IMAGE.test(out.src)) delete out.src;
    return { tagName, attribs: out };
  },
};

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

// Built once: sanitize-html reads its options on every call but never changes them.
const COMMON_OPTIONS = {
  allowedAttributes: ALLOWED_ATTRIBUTES,
  allowedSchemes: ["http", "https", "mailto", "tel"],
  allowedSchemesByTag: { img: ["http", "https", "data"] },
  allowProtocolRelative: false,
  allowIframeRelativeUrls: false,
  disallowedTagsMode: "discard",
  nonTextTags: NON_TEXT_TAGS,
  transformTags: TRANSFORMS,
  exclusiveFilter: exclude,
} satisfies sanitizeHtml.IOptions;

const WITHOUT_IFRAMES: sanitizeHtml.IOptions = {
  ...COMMON_OPTIONS,
  allowedTags: ALLOWED_TAGS,
  allowedIframeHostnames: [],
};

/**
 * sanitize-html's options for feed HTML (see `sanitiseHtml`); `extraTag` is allowed too, for an
 * element the caller itself wraps around the HTML.
 */
export function sanitizerOptions(
  iframeHosts: readonly string[],
  extraTag?: string,
): sanitizeHtml.IOptions {
  if (iframeHosts.length === 0 && extraTag === undefined) return WITHOUT_IFRAMES;
  const extraTags = extraTag === undefined ? [] : [extraTag];
  const iframes = iframeHosts.length === 0 ? [] : ["iframe"];
  return {
    ...COMMON_OPTIONS,
    allowedTags: [...extraTags, ...ALLOWED_TAGS, ...iframes],
    allowedIframeHostnames: [...iframeHosts],
  };
}
