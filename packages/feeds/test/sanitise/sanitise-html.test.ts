import { sanitiseHtml } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

const BASE = "https://blog.example.test/posts/1";
const clean = (html: string, iframeHosts: string[] = []) =>
  sanitiseHtml(html, { baseUrl: BASE, iframeHosts });

test("keeps ordinary article markup", () => {
  const html =
    "<h2>Title</h2><p>Some <strong>bold</strong> and <em>em</em>.</p><ul><li>one</li></ul>";
  assert.is(clean(html), html);
});

test("removes script elements and their content", () => {
  assert.is(clean("<p>a</p><script>alert(1)</script><p>b</p>"), "<p>a</p><p>b</p>");
  assert.is(clean("<SCRIPT SRC=//evil.test/x.js></SCRIPT>ok"), "ok");
});

test("removes style elements, style attributes and event handlers", () => {
  const html = '<style>p{}</style><p style="color:red" onclick="x()" onmouseover="y()">t</p>';
  assert.is(clean(html), "<p>t</p>");
  assert.is(
    clean('<img src="/a.png" onerror="alert(1)">'),
    '<img src="https://blog.example.test/a.png" />',
  );
});

test("drops javascript: and vbscript: in href, src and srcset", () => {
  assert.is(clean('<a href="javascript:alert(1)">x</a>'), "x");
  assert.is(clean('<a href="vbscript:msgbox(1)">x</a>'), "x");
  assert.is(clean('<img src="javascript:alert(1)">'), "");
  assert.is(
    clean('<img src="/ok.png" srcset="javascript:alert(1) 1x, /big.png 2x">'),
    '<img src="https://blog.example.test/ok.png" srcset="https://blog.example.test/big.png 2x" />',
  );
});

test("drops entity- and whitespace-obfuscated javascript: URLs", () => {
  for (const href of [
    "jav&#x09;ascript:alert(1)",
    "jav&#9;ascript:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\nscript:alert(1)",
    "&#x6A;avascript&colon;alert(1)",
  ]) {
    assert.is(clean(`<a href="${href}">x</a>`), "x", href);
  }
});

test("javascript: inside a style attribute cannot survive: style attributes never do", () => {
  assert.is(clean('<div style="background:url(javascript:alert(1))">t</div>'), "<div>t</div>");
});

test("a data: URL is kept on a raster image, dropped on a link and on SVG or HTML images", () => {
  const png = "data:image/png;base64,iVBORw0KGgo=";
  assert.is(clean(`<img src="${png}" alt="dot">`), `<img src="${png}" alt="dot" />`);
  assert.is(clean('<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>'), "x");
  assert.is(clean('<img src="data:image/svg+xml;base64,PHN2Zz4=">'), "");
  assert.is(clean('<img src="data:text/html,<script>alert(1)</script>">'), "");
});

test("removes SVG and MathML with everything in them, scripts included", () => {
  assert.is(
    clean("<p>a</p><svg><script>alert(1)</script><text>t</text></svg><math><mi>x</mi></math>"),
    "<p>a</p>",
  );
});

test("removes forms and their controls, keeping a form's plain text", () => {
  const html =
    '<form action="https://evil.test"><label>Name</label><input name="n"><button>Go</button><select><option>x</option></select><textarea>t</textarea></form>';
  assert.is(clean(html), "Name");
});

test("removes objects, embeds, applets, frames, base, meta refresh and link", () => {
  const html = `<base href="https://evil.test/"><meta http-equiv="refresh" content="0;url=https://evil.test">
<link rel="stylesheet" href="https://evil.test/x.css"><object data="x.swf"><param name="a"></object>
<embed src="x.swf"><applet code="A"></applet><frameset><frame src="x"></frameset><p>kept</p>`;
  assert.is(clean(html).trim(), "<p>kept</p>");
});

test("removes iframes unless their host is allowed", () => {
  const youtube =
    '<iframe src="https://www.youtube.com/embed/abc" width="560" height="315" allowfullscreen></iframe>';
  const evil = '<iframe src="https://evil.test/x"></iframe>';
  assert.is(clean(youtube + evil), "");
  assert.is(clean(youtube + evil, ["www.youtube.com"]), youtube);
  assert.is(clean('<iframe src="javascript:alert(1)"></iframe>', ["www.youtube.com"]), "");
  assert.is(clean('<iframe src="//evil.test/x"></iframe>', ["www.youtube.com"]), "");
});

test("removes 1×1 tracking pixels but keeps real images", () => {
  const html =
    '<p>t</p><img src="http://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1" alt=""/><img src="/real.jpg" width="640" height="1">';
  assert.is(
    clean(html),
    '<p>t</p><img src="https://blog.example.test/real.jpg" width="640" height="1" />',
  );
  assert.is(clean('<img src="/p.gif" width="0" height="0">'), "");
});

test("links get rel=noopener noreferrer, replacing any rel they had, and lose targets", () => {
  assert.is(
    clean('<a href="https://x.test/" rel="opener" target="_blank">x</a>'),
    '<a href="https://x.test/" rel="noopener noreferrer">x</a>',
  );
});

test("relative URLs become absolute against the base", () => {
  assert.is(
    clean('<a href="../about">a</a><img src="pic.jpg" srcset="small.jpg 1x, /large.jpg 2x">'),
    '<a href="https://blog.example.test/about" rel="noopener noreferrer">a</a><img src="https://blog.example.test/posts/pic.jpg" srcset="https://blog.example.test/posts/small.jpg 1x, https://blog.example.test/large.jpg 2x" />',
  );
  assert.is(
    clean('<a href="//cdn.test/x">x</a>'),
    '<a href="https://cdn.test/x" rel="noopener noreferrer">x</a>',
  );
});

test("escapes text that looks like markup after entity decoding", () => {
  assert.is(
    clean("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"),
    "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
  );
});

test("text without any tag is returned as it is: it cannot contain markup", () => {
  assert.is(clean("  Tom &amp; Jerry &lt;3  "), "Tom &amp; Jerry &lt;3");
});

test("a body nested deeper than any article is kept as its text, scripts still dropped", () => {
  // htmlparser2 takes quadratic time on deep nesting: sanitised, this body took most of an hour.
  const deep = `${"<div>".repeat(1_000_000)}<script>alert(1)</script>Still <b>here</b>`;
  assert.is(clean(deep), "<p>Still here</p>");
});

test("a large body of ordinary depth is sanitised as HTML", () => {
  const long = `<div><p>${"A sentence of an ordinary article. ".repeat(3000)}</p><p>End</p></div>`;
  assert.ok(clean(long).startsWith("<div><p>A sentence"));
});

test.run();
