import type { OpmlDocument, OpmlFeed, OpmlOutline } from "./opml-document.ts";

interface Folder {
  readonly feeds: OpmlOutline[];
  readonly folders: Map<string, Folder>;
}

function emptyFolder(): Folder {
  return { feeds: [], folders: new Map() };
}

function feedOutline(feed: OpmlFeed): OpmlOutline {
  return {
    // Kept attributes first, then the fields that define the subscription, which win.
    attributes: {
      ...feed.attributes,
      type: feed.attributes.type ?? "rss",
      text: feed.attributes.text ?? feed.title,
      title: feed.title,
      xmlUrl: feed.xmlUrl,
      ...(feed.htmlUrl === undefined ? {} : { htmlUrl: feed.htmlUrl }),
    },
    children: [],
  };
}

function toOutlines(folder: Folder): OpmlOutline[] {
  const folders = [...folder.folders].map(([name, inner]) => ({
    attributes: { text: name, title: name },
    children: toOutlines(inner),
  }));
  return [...folders, ...folder.feeds];
}

/** Files subscriptions into nested folder outlines by their `groups`, for export. */
export function opmlFromFeeds(title: string, feeds: readonly OpmlFeed[]): OpmlDocument {
  const root = emptyFolder();
  for (const feed of feeds) {
    let folder = root;
    for (const group of feed.groups) {
      const inner = folder.folders.get(group) ?? emptyFolder();
      folder.folders.set(group, inner);
      folder = inner;
    }
    folder.feeds.push(feedOutline(feed));
  }
  return { version: "2.0", head: { title }, outlines: toOutlines(root) };
}
