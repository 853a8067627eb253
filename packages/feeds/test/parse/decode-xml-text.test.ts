import { test } from "uvu";
import * as assert from "uvu/assert";
import { decodeXmlText } from "../../src/parse/decode-xml-text.ts";

test("decodes the predefined entities, in any case, and character references", () => {
  assert.is(
    decodeXmlText(
      "&lt;p&gt;R&amp;D &QUOT;x&quot; it&apos;s &#8217; &#x2019; &#X27; &#039;&lt;/p&gt;",
    ),
    `<p>R&D "x" it's \u2019 \u2019 ' '</p>`,
  );
  assert.is(decodeXmlText("no references at all"), "no references at all");
});

test("gives up where a strict parser fails: the parser then reports it itself", () => {
  for (const text of [
    "a & b",
    "&nbsp;",
    "&amp",
    "&#;",
    "&#x;",
    "&#0;",
    "&#xD800;",
    "&#1114112;",
    "&#12a;",
  ]) {
    assert.is(decodeXmlText(text), undefined, text);
  }
});

test.run();
