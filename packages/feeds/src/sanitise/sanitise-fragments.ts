import { randomBytes } from "node:crypto";
import sanitizeHtml from "sanitize-html";
import { htmlToText } from "./html-to-text.ts";
import { nestedTooDeep } from "./nested-too-deep.ts";
import { sanitizerOptions, setBaseUrl } from "./sanitizer-options.ts";
import { textToHtml } from "./text-to-html.ts";

export interface HtmlFragment {
  readonly html: string;
  /** Base of its relative URLs: the item's or the feed's. */
  readonly baseUrl: string;
}

// sanitize-html costs about as much per call (reading its options, and closures that mint fresh
// hidden classes, most of it garbage) as it spends on a typical item, so a feed's fragments are
// sanitised together, each inside a container element. The container's end tag closes whatever
// the fragment left open just as the end of the input would. Its name is random per process, and
// a fragment that happens to contain it is sanitised alone.
const CONTAINER = `sightline-${randomBytes(8).toString("hex")}`;
const OPEN = `<${CONTAINER}>`;
const CLOSE = `</${CONTAINER}>`;
/**
 * htmlparser2, under sanitize-html, takes quadratic time on deeply nested elements: 100,000
 * nested <div>s took seconds, and a 10 MB body of them would take most of an hour. A fragment
 * large enough to hold that many (smaller ones cost milliseconds whatever they hold) and more
 * deeply nested than any article is kept as its text instead.
 */
const DEPTH_CHECK_LENGTH = 64 * 1024;
const MAX_NESTING = 1000;
/** Fragments per call: one that spoils its batch makes at most these be sanitised again. */
const BATCH_SIZE = 16;
// htmlparser2 tracks SVG and MathML apart from its element stack (a start tag of these pushes,
// any end tag of these pops, whether or not the element is open), so a fragment naming one could
// change how the next is read, and is sanitised alone.
const FOREIGN_CONTEXT_TAG =
  /<\/?(?:svg|math|mi|mo|mn|ms|mtext|annotation-xml|foreignobject|desc|title)[\s/>]/i;

function sanitiseOne(fragment: HtmlFragment, iframeHosts: readonly string[]): string {
  setBaseUrl(fragment.baseUrl);
  return sanitizeHtml(fragment.html, sanitizerOptions(iframeHosts)).trim();
}

/** Watches the parser's tags: each container must open on an empty stack and close by its end tag. */
function containerCheck(fragments: readonly HtmlFragment[]) {
  let depth = 0;
  let opened = 0;
  let closed = 0;
  let sound = true;
  return {
    onOpenTag(name: string) {
      if (name === CONTAINER) {
        sound &&= depth === 0;
        setBaseUrl(fragments[opened]?.baseUrl ?? "");
        opened += 1;
      }
      depth += 1;
    },
    onCloseTag(name: string, isImplied: boolean) {
      depth -= 1;
      if (name !== CONTAINER) return;
      sound &&= !isImplied && depth === 0;
      closed += 1;
    },
    /** Whether every fragment was read as if it were a whole document. */
    sound: () => sound && opened === fragments.length && closed === fragments.length,
  };
}

/**
 * The fragments sanitised in one call, or `undefined` when one of them did not end as a whole
 * document would: an unterminated comment, script or tag swallows its container's end tag.
 */
function sanitiseTogether(
  fragments: readonly HtmlFragment[],
  iframeHosts: readonly string[],
): string[] | undefined {
  const check = containerCheck(fragments);
  const output = sanitizeHtml(fragments.map(({ html }) => `${OPEN}${html}${CLOSE}`).join(""), {
    ...sanitizerOptions(iframeHosts, CONTAINER),
    onOpenTag: check.onOpenTag,
    onCloseTag: check.onCloseTag,
  });
  if (!check.sound() || !output.startsWith(OPEN) || !output.endsWith(CLOSE)) return undefined;
  const parts = output.slice(OPEN.length, -CLOSE.length).split(`${CLOSE}${OPEN}`);
  return parts.length === fragments.length ? parts.map((part) => part.trim()) : undefined;
}

function sanitiseBatch(fragments: readonly HtmlFragment[], iframeHosts: readonly string[]) {
  const together = fragments.length > 1 ? sanitiseTogether(fragments, iframeHosts) : undefined;
  return together ?? fragments.map((fragment) => sanitiseOne(fragment, iframeHosts));
}

/** Whether a fragment may share a sanitize-html call with others. */
function batchable(html: string): boolean {
  return !html.includes(CONTAINER) && !FOREIGN_CONTEXT_TAG.test(html);
}

/**
 * `sanitiseHtml` of each fragment, with the same iframe hosts, in as few sanitize-html calls as
 * give exactly the same results.
 */
export function sanitiseFragments(
  fragments: readonly HtmlFragment[],
  iframeHosts: readonly string[],
): string[] {
  const results = new Array<string>(fragments.length);
  const batched: { readonly fragment: HtmlFragment; readonly index: number }[] = [];
  fragments.forEach((fragment, index) => {
    // Without a "<" there is no element and so no attribute: entities alone cannot make markup,
    // so such HTML (most podcast notes) is already inert and skips the parser.
    if (!fragment.html.includes("<")) results[index] = fragment.html.trim();
    else if (
      fragment.html.length > DEPTH_CHECK_LENGTH &&
      nestedTooDeep(fragment.html, MAX_NESTING)
    ) {
      results[index] = textToHtml(htmlToText(fragment.html));
    } else if (batchable(fragment.html)) batched.push({ fragment, index });
    else results[index] = sanitiseOne(fragment, iframeHosts);
  });
  for (let start = 0; start < batched.length; start += BATCH_SIZE) {
    const batch = batched.slice(start, start + BATCH_SIZE);
    const sanitised = sanitiseBatch(
      batch.map(({ fragment }) => fragment),
      iframeHosts,
    );
    batch.forEach(({ index }, i) => {
      results[index] = sanitised[i] ?? "";
    });
  }
  return results;
}
