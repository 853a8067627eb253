import { test } from "uvu";
import * as assert from "uvu/assert";
import { detectDocumentType } from "../../src/parse/detect-document-type.ts";
import { findFeedRoot } from "../../src/parse/find-feed-root.ts";

test("an HTML page is told from a feed, comments in front of it or not", () => {
  assert.is(detectDocumentType("<!-- a -->\n<!-- b--c --->\n<!DOCTYPE html><html>"), "html");
  assert.is(detectDocumentType("<html lang=en><head>"), "html");
  assert.is(detectDocumentType('<?xml version="1.0"?><rss version="2.0">'), "xml");
  assert.is(detectDocumentType('{"version":"https://jsonfeed.org/version/1.1"}'), "json");
});

test("comments in front of no HTML tag are read once, not tried in every grouping", () => {
  // Each comment used to be able to span the next ones: 40 of them took over an hour.
  assert.is(detectDocumentType(`${"<!--a-->".repeat(40)}junk`), "xml");
  assert.is(detectDocumentType(`${"<!--a-->".repeat(100_000)}<html>`), "html");
});

test("a document of 200,000 unclosed root tags is searched once for the root", () => {
  // Searching to the end of the document for each "<rss " would take minutes.
  assert.is(findFeedRoot(`${"<rss ".repeat(200_000)}`), undefined);
  assert.equal(findFeedRoot(`${"<rss ".repeat(200_000)}<rss version="2.0">`)?.format, "rss");
});

test.run();
