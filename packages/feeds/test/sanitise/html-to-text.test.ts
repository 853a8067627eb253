import { htmlToText } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

test("puts each block on its own line and collapses spaces", () => {
  assert.is(
    htmlToText("<h1>Title</h1><p>One   two\n three</p><ul><li>a</li><li>b</li></ul>"),
    "Title\nOne two three\na\nb",
  );
});

test("decodes entities after removing tags, so escaped markup stays text", () => {
  assert.is(htmlToText("<p>Tom &amp; Jerry &lt;b&gt;&nbsp;!</p>"), "Tom & Jerry <b> !");
});

test("skips scripts, styles and comments in raw HTML", () => {
  assert.is(htmlToText("a<script>var x = '<p>';</script><style>p{}</style><!-- c -->b"), "ab");
});

test("keeps a lone < that starts no tag, and handles > inside quoted attributes", () => {
  assert.is(htmlToText('1 < 2 and <img alt="a>b" src=x>done'), "1 < 2 and done");
});

test("keeps a < inside a quoted attribute inside the tag", () => {
  assert.is(htmlToText('<p title="a<b">Hello <b class=x>world</b></p>'), "Hello world");
});

test("reads text that only looks like tags once, however much of it there is", () => {
  // 200,000 of each: an attempt reading on to the end of the text for each would take minutes.
  const many = 200_000;
  assert.is(htmlToText("<a b".repeat(many)).length, 4 * many);
  assert.is(htmlToText('<a x="'.repeat(many)).length, 6 * many);
  assert.is(htmlToText(`<a${" b".repeat(many)}`).length, 2 + 2 * many);
});

test("separates table cells", () => {
  assert.is(htmlToText("<table><tr><td>a</td><td>b</td></tr></table>"), "a b");
});

test.run();
