import type { OpmlDocument, OpmlFeed } from "@sightline/feeds";
import { opmlFeeds, opmlFromFeeds } from "@sightline/feeds";
import type { ExpertEntry, OrgConfig } from "./org-config.ts";

// Attributes of our own on each outline, so an export imports back exactly; other readers
// ignore attributes they do not know.
const EXPERT_ID = "sightlineExpert";
const EXPERT_TRUST = "sightlineTrust";
const FEED_ID = "sightlineFeed";
const KIND = "sightlineKind";

/** The configured feeds as OPML: one folder per expert, topics in OPML's `category` attribute. */
export function configToOpml(config: OrgConfig): OpmlDocument {
  const feeds: OpmlFeed[] = config.experts.flatMap((expert) =>
    expert.feeds.map((feed) => ({
      xmlUrl: feed.url,
      title: expert.name,
      groups: [expert.name],
      attributes: {
        type: "rss",
        text: expert.name,
        title: expert.name,
        xmlUrl: feed.url,
        ...(feed.topics.length > 0 ? { category: feed.topics.join(",") } : {}),
        [EXPERT_ID]: expert.id,
        [EXPERT_TRUST]: String(expert.trust),
        ...(feed.id === undefined ? {} : { [FEED_ID]: feed.id }),
        ...(feed.kind === undefined ? {} : { [KIND]: feed.kind }),
      },
    })),
  );
  return opmlFromFeeds("Sightline experts", feeds);
}

/**
 * Experts and feeds from an OPML file. An outline exported by Sightline carries its expert; one
 * from another reader becomes an expert named after its innermost folder (or its own title), and
 * its folders and categories become topics.
 */
export function opmlToExperts(document: OpmlDocument): ExpertEntry[] {
  const experts = new Map<string, ExpertEntry>();
  for (const feed of opmlFeeds(document)) {
    const { attributes } = feed;
    const name =
      attributes[EXPERT_ID] === undefined ? (feed.groups.at(-1) ?? feed.title) : feed.title;
    const id = attributes[EXPERT_ID] ?? slug(name);
    const folders = attributes[EXPERT_ID] === undefined ? feed.groups.slice(0, -1) : [];
    const topics = [...folders, ...(attributes.category ?? "").split(",")]
      .map((topic) => topic.trim().toLowerCase())
      .filter((topic) => topic !== "" && !topic.startsWith("/"));
    const expert = experts.get(id) ?? {
      id,
      name,
      trust: Number(attributes[EXPERT_TRUST] ?? 0.7),
      topics: [],
      audience: [],
      feeds: [],
    };
    expert.feeds.push({
      url: feed.xmlUrl,
      topics: [...new Set(topics)],
      keywordRules: [],
      iframeHosts: [],
      ...(attributes[FEED_ID] === undefined ? {} : { id: attributes[FEED_ID] }),
      ...(isKind(attributes[KIND]) ? { kind: attributes[KIND] } : {}),
    });
    experts.set(id, expert);
  }
  return [...experts.values()];
}

function slug(name: string): string {
  const cleaned = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return cleaned === "" ? "expert" : cleaned;
}

function isKind(
  value: string | undefined,
): value is "article" | "video" | "podcast" | "post" | "course" {
  return (
    value === "article" ||
    value === "video" ||
    value === "podcast" ||
    value === "post" ||
    value === "course"
  );
}
