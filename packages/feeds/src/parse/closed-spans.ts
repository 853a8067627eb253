/** An opener found by the scan, and where its closer is. */
export interface ClosedSpan {
  readonly opener: RegExpExecArray;
  /** Just after the opener: where its content starts. */
  readonly from: number;
  /** Where the closer starts: where its content ends. */
  readonly end: number;
  /** Just after the closer. */
  readonly after: number;
}

/**
 * Every match of `openers` (a global regex) whose closer follows, in order, as a lazy
 * `opener[\s\S]*?closer` regex would find them: a span's content runs to the first closer, the
 * scan resumes after it, and an opener with no closer after it is passed over. Unlike that regex
 * it reads in linear time: each closer is searched for once from where it may start, and an
 * opener known to have no closer after some point is passed over without a search, where the
 * regex would read on to the end for each of a million unclosed openers.
 */
export function* closedSpans(
  text: string,
  openers: RegExp,
  closerOf: (opener: RegExpExecArray) => string,
): Generator<ClosedSpan> {
  /** Closers absent from the position noted onwards. */
  const absent = new Map<string, number>();
  openers.lastIndex = 0;
  for (let opener = openers.exec(text); opener !== null; opener = openers.exec(text)) {
    const closer = closerOf(opener);
    const from = openers.lastIndex;
    const end =
      (absent.get(closer) ?? Number.POSITIVE_INFINITY) <= from ? -1 : text.indexOf(closer, from);
    if (end === -1) {
      absent.set(closer, from);
      continue;
    }
    const after = end + closer.length;
    openers.lastIndex = after;
    yield { opener, from, end, after };
  }
}
