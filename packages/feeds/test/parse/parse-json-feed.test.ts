import { FeedError, parseJsonFeed } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { FEED_URL, normalise, rejection } from "../feeds.ts";

const feed = (items: unknown[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "Ada", items, ...extra });

test("maps JSON Feed 1.1 fields onto the parsed item", () => {
  const parsed = parseJsonFeed(
    feed(
      [
        {
          id: "https://ada.example.test/1",
          url: "https://ada.example.test/1",
          title: "Hello",
          content_html: "<p>Hi</p>",
          summary: "Short",
          date_published: "2026-10-01T08:00:00+02:00",
          date_modified: "2026-10-02T08:00:00Z",
          tags: ["ops"],
          language: "fr",
          attachments: [{ url: "https://cdn.example.test/1.mp3", mime_type: "audio/mpeg" }],
        },
      ],
      { home_page_url: "https://ada.example.test/", language: "en-GB" },
    ),
    FEED_URL,
  );
  assert.equal(
    [parsed.format, parsed.link, parsed.language],
    ["json", "https://ada.example.test/", "en-GB"],
  );
  assert.equal(parsed.items[0], {
    guid: "https://ada.example.test/1",
    link: "https://ada.example.test/1",
    title: { value: "Hello", type: "text" },
    content: { value: "<p>Hi</p>", type: "html" },
    summary: { value: "Short", type: "text" },
    published: "2026-10-01T08:00:00+02:00",
    updated: "2026-10-02T08:00:00Z",
    language: "fr",
    guidIsPermaLink: false,
    categories: ["ops"],
    enclosures: [{ url: "https://cdn.example.test/1.mp3", type: "audio/mpeg" }],
    isPodcastEpisode: false,
  });
});

test("JSON Feed 1.0's numeric ids and content_text are accepted", () => {
  const json = JSON.stringify({
    version: "https://jsonfeed.org/version/1",
    items: [{ id: 42, content_text: "Plain\n\ntext" }],
  });
  const [item] = parseJsonFeed(json, FEED_URL).items;
  assert.is(item?.guid, "42");
  assert.equal(item?.content, { value: "Plain\n\ntext", type: "text" });
});

test("an item without an id is dropped alone, with a warning", () => {
  const parsed = parseJsonFeed(
    feed([{ id: "1", title: "a" }, { title: "no id" }, { id: "3" }]),
    FEED_URL,
  );
  assert.equal(
    parsed.items.map((item) => item.guid),
    ["1", "3"],
  );
  assert.equal(parsed.warnings, ['dropped 1 items without an "id"']);
});

test("a malformed field is ignored rather than losing the item", () => {
  const parsed = parseJsonFeed(
    feed([{ id: "1", title: 7, tags: "ops", attachments: {} }]),
    FEED_URL,
  );
  assert.equal(parsed.items[0]?.categories, []);
  assert.is(parsed.items[0]?.title, undefined);
});

test("invalid JSON is UNPARSABLE, naming the feed", () => {
  try {
    parseJsonFeed('{"version": "https://jsonfeed.org/version/1.1", "items": [', FEED_URL);
    assert.unreachable();
  } catch (error) {
    assert.instance(error, FeedError);
    assert.is((error as FeedError).code, "UNPARSABLE");
    assert.match(
      (error as FeedError).message,
      /JSON Feed https:\/\/blog\.example\.test\/feed\.xml/,
    );
  }
});

test("JSON that is not a JSON Feed is NOT_A_FEED", async () => {
  const error = await rejection(
    Promise.resolve().then(() => parseJsonFeed('{"hello": 1}', FEED_URL)),
  );
  assert.is((error as FeedError).code, "NOT_A_FEED");
});

test("a JSON Feed normalises: text content becomes escaped HTML, attachments make a podcast", async () => {
  const result = await normalise(
    feed([
      {
        id: "ep1",
        url: "https://ada.example.test/ep1",
        title: "Episode <1>",
        content_text: "Line & one\nline two",
        attachments: [{ url: "https://cdn.example.test/1.mp3", mime_type: "audio/mpeg" }],
      },
    ]),
  );
  const [item] = result.items;
  assert.is(item?.title, "Episode <1>");
  assert.is(item?.contentHtml, "<p>Line &amp; one<br />line two</p>");
  assert.is(item?.kind, "podcast");
});

test.run();
