import { sanitiseHtml } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { type HtmlFragment, sanitiseFragments } from "../../src/sanitise/sanitise-fragments.ts";

const base = (n: number) => `https://blog.example.test/posts/${n}/`;
const fragmentsOf = (htmls: readonly string[]): HtmlFragment[] =>
  htmls.map((html, n) => ({ html, baseUrl: base(n) }));

/** What sanitising each fragment in a call of its own gives. */
const oneByOne = (fragments: readonly HtmlFragment[], iframeHosts: readonly string[] = []) =>
  fragments.map(({ html, baseUrl }) => sanitiseHtml(html, { baseUrl, iframeHosts }));

test("each fragment comes out as sanitiseHtml makes it, against its own base URL", () => {
  const fragments = fragmentsOf([
    '<p>One <a href="../about">about</a></p>',
    '<p>Two <img src="pic.jpg"></p><script>alert(1)</script>',
    "  text only, &amp; entities  ",
    "",
    '<h2>Four</h2><p onclick="x()">body</p>',
  ]);
  const sanitised = sanitiseFragments(fragments, []);
  assert.equal(sanitised, oneByOne(fragments));
  assert.is(
    sanitised[0],
    '<p>One <a href="https://blog.example.test/posts/about" rel="noopener noreferrer">about</a></p>',
  );
  assert.is(sanitised[1], '<p>Two <img src="https://blog.example.test/posts/1/pic.jpg" /></p>');
});

test("a fragment left open, unterminated or in SVG does not change the next one", () => {
  const next = '<p>next <a href="/x">link</a> <br/></p>';
  const spoilers = [
    "<p>unclosed <b>bold",
    "<p>a comment <!-- never closed",
    "<script>never closed",
    '<a href="/dangling',
    "<title>raw text",
    "<svg><path/>",
    "</svg>",
    "<math><mi>x",
    "&amp",
    "<",
    "</",
    "<table><tr><td>cell",
    "<ul><li>item",
    "<option>choice",
  ];
  const fragments = fragmentsOf(spoilers.flatMap((spoiler) => [spoiler, next]));
  const sanitised = sanitiseFragments(fragments, []);
  assert.equal(sanitised, oneByOne(fragments));
  sanitised.forEach((html, n) => {
    if (n % 2 === 1) {
      assert.is(
        html,
        `<p>next <a href="https://blog.example.test/x" rel="noopener noreferrer">link</a> <br /></p>`,
      );
    }
  });
});

test("many fragments, with and without allowed iframes, match one call each", () => {
  const htmls = Array.from(
    { length: 40 },
    (_, n) =>
      `<p>Item ${n} <strong>bold</strong> <a href="n${n}">link</a></p>` +
      (n % 7 === 0 ? '<iframe src="https://www.youtube.com/embed/x"></iframe>' : "") +
      (n % 9 === 0 ? "<div>left open" : ""),
  );
  const fragments = fragmentsOf(htmls);
  for (const iframeHosts of [[], ["www.youtube.com"]]) {
    assert.equal(sanitiseFragments(fragments, iframeHosts), oneByOne(fragments, iframeHosts));
  }
});

test.run();
