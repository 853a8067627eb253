import type { OpmlDocument, OpmlFeed, OpmlOutline } from "./opml-document.ts";

function labelOf(outline: OpmlOutline): string | undefined {
  const label = outline.attributes.title?.trim() || outline.attributes.text?.trim();
  return label === "" ? undefined : label;
}

function collect(outlines: readonly OpmlOutline[], groups: readonly string[]): OpmlFeed[] {
  return outlines.flatMap((outline) => {
    const { xmlUrl, htmlUrl } = outline.attributes;
    const label = labelOf(outline);
    const feed: OpmlFeed[] =
      xmlUrl === undefined || xmlUrl.trim() === ""
        ? []
        : [
            {
              xmlUrl: xmlUrl.trim(),
              title: label ?? xmlUrl.trim(),
              ...(htmlUrl === undefined ? {} : { htmlUrl }),
              groups,
              attributes: outline.attributes,
            },
          ];
    const inner = label === undefined ? groups : [...groups, label];
    return [...feed, ...collect(outline.children, inner)];
  });
}

/** Every subscription of an OPML document, each with the folders it is filed under. */
export function opmlFeeds(document: OpmlDocument): OpmlFeed[] {
  return collect(document.outlines, []);
}
