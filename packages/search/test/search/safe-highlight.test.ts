import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHighlightMarkers, safeHighlight } from "../../src/search/safe-highlight.ts";

test("everything is escaped; only this reader's markers become <mark>", () => {
  const markers = createHighlightMarkers();
  const formatted = `<b onclick="x">${markers.pre}Ada${markers.post}</b> & 'co'`;
  assert.is(
    safeHighlight(formatted, markers),
    "&lt;b onclick=&quot;x&quot;&gt;<mark>Ada</mark>&lt;/b&gt; &amp; &#39;co&#39;",
  );
});

test("another reader's markers, or a guess at them, stay inert text", () => {
  const mine = createHighlightMarkers();
  const theirs = createHighlightMarkers();
  assert.is.not(mine.pre, theirs.pre);
  const forged = `${theirs.pre}<script>${theirs.post}`;
  assert.not.match(safeHighlight(forged, mine), /<(mark|script)/);
});

test.run();
