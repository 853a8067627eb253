import { test } from "uvu";
import * as assert from "uvu/assert";
import { closedSpans } from "../../src/parse/closed-spans.ts";

const spans = (text: string) =>
  [...closedSpans(text, /<!--|<b>/g, ([opener]) => (opener === "<b>" ? "</b>" : "-->"))].map(
    ({ from, end }) => text.slice(from, end),
  );

test("each span runs to the first closer, and the scan resumes after it", () => {
  assert.equal(spans("<b>x<b>y</b>z</b><!--c-->"), ["x<b>y", "c"]);
});

test("an opener with no closer after it is passed over, later spans still found", () => {
  assert.equal(spans("<!-- open <b>bold</b> <b>never closed"), ["bold"]);
});

test("a million unclosed openers are passed over in one read", () => {
  assert.equal(spans(`${"<!--<b>".repeat(1_000_000)}`), []);
});

test.run();
