import { discoverFeedLinks } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";

const PAGE = "https://www.example.test/blog/post.html";

test("returns RSS, Atom and JSON feed links as absolute URLs in page order", () => {
  const html = `<head>
<link rel="alternate" type="application/rss+xml" title="RSS" href="../feed.xml">
<link rel="alternate" type="application/atom+xml" href="//cdn.example.test/atom.xml">
<link rel="alternate" type="application/feed+json" href="/feed.json">
</head>`;
  assert.equal(discoverFeedLinks(html, PAGE), [
    "https://www.example.test/feed.xml",
    "https://cdn.example.test/atom.xml",
    "https://www.example.test/feed.json",
  ]);
});

test("ignores alternates that are not feeds, and other rels", () => {
  const html = `<link rel="alternate" hreflang="de" href="/de/">
<link rel="stylesheet" type="text/css" href="/s.css">
<link rel="alternate" type="application/rss+xml">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">`;
  assert.equal(discoverFeedLinks(html, PAGE), []);
});

test("matches rel and type case-insensitively, with parameters and several rel tokens", () => {
  const html = '<LINK REL="Alternate Home" TYPE="Application/RSS+XML; charset=utf-8" HREF="/rss">';
  assert.equal(discoverFeedLinks(html, PAGE), ["https://www.example.test/rss"]);
});

test("honours the page's first <base href>, even after the links", () => {
  const html = `<link rel="alternate" type="application/atom+xml" href="atom.xml">
<base href="https://static.example.test/site/"><base href="https://ignored.example.test/">`;
  assert.equal(discoverFeedLinks(html, PAGE), ["https://static.example.test/site/atom.xml"]);
});

test("reads the head only: alternates are not allowed in the body", () => {
  const rss = (href: string) => `<link rel="alternate" type="application/rss+xml" href="${href}">`;
  const page = `<html><head>${rss("/feed.xml")}</head><body>${rss("/other.xml")}</body></html>`;
  assert.equal(discoverFeedLinks(page, "https://blog.example.test/"), [
    "https://blog.example.test/feed.xml",
  ]);
});

test("a page of a million nested elements is read no further than its first 10,000", () => {
  // htmlparser2 takes quadratic time on deep nesting: read to its end, this page took minutes.
  const link = '<link rel="alternate" type="application/rss+xml" href="/feed.xml">';
  const page = `<html><head>${link}${"<div>".repeat(1_000_000)}`;
  assert.equal(discoverFeedLinks(page, "https://blog.example.test/"), [
    "https://blog.example.test/feed.xml",
  ]);
});

test("lists a feed named twice once", () => {
  const link = '<link rel="alternate" type="application/rss+xml" href="/feed">';
  assert.equal(discoverFeedLinks(link + link, PAGE), ["https://www.example.test/feed"]);
});

test.run();
