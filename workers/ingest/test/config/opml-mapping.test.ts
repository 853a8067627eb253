import { parseOpml, writeOpml } from "@sightline/feeds";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parseOrgConfig } from "../../src/config/load-org-config.ts";
import { configToOpml, opmlToExperts } from "../../src/config/opml-mapping.ts";

const config = parseOrgConfig(
  `experts:
  - id: ada
    name: Ada Okafor
    trust: 0.9
    feeds:
      - { url: "https://ada.example.com/feed.xml", topics: [kubernetes, platform] }
      - { url: "https://ada.example.com/podcast.xml", id: ada-podcast, kind: podcast }
  - id: grace
    name: Grace Lindqvist
    feeds:
      - { url: "https://grace.example.com/atom" }
`,
  "org.yaml",
);

test("export then import gives back the same experts and feeds", () => {
  const text = writeOpml(configToOpml(config));
  const experts = opmlToExperts(parseOpml(text));
  assert.equal(
    experts.map((expert) => ({
      id: expert.id,
      name: expert.name,
      trust: expert.trust,
      feeds: expert.feeds,
    })),
    config.experts.map((expert) => ({
      id: expert.id,
      name: expert.name,
      trust: expert.trust,
      feeds: expert.feeds,
    })),
  );
});

test("another reader's OPML: folders become topics, the innermost folder the expert", () => {
  const text = `<?xml version="1.0"?><opml version="2.0"><head><title>subs</title></head><body>
    <outline text="Engineering"><outline text="Mei Tanaka">
      <outline type="rss" text="Mei's blog" xmlUrl="https://mei.example.com/rss" category="Security"/>
    </outline></outline>
    <outline type="rss" text="Loose Feed" xmlUrl="https://loose.example.com/rss"/>
  </body></opml>`;
  const experts = opmlToExperts(parseOpml(text));
  assert.equal(
    experts.map((expert) => [
      expert.id,
      expert.name,
      expert.feeds.map((feed) => [feed.url, feed.topics]),
    ]),
    [
      ["mei-tanaka", "Mei Tanaka", [["https://mei.example.com/rss", ["engineering", "security"]]]],
      ["loose-feed", "Loose Feed", [["https://loose.example.com/rss", []]]],
    ],
  );
});

test.run();
