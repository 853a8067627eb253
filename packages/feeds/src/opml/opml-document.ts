/** One `<outline>`: every attribute as written (text, title, type, xmlUrl, custom…), in order. */
export interface OpmlOutline {
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly OpmlOutline[];
}

export interface OpmlDocument {
  /** The `version` attribute of `<opml>`, "2.0" when absent. */
  readonly version: string;
  /** The elements of `<head>` that hold text: title, dateCreated, ownerName… */
  readonly head: Readonly<Record<string, string>>;
  readonly outlines: readonly OpmlOutline[];
}

/** A subscription found in an OPML file, with the folders it sits in. */
export interface OpmlFeed {
  readonly xmlUrl: string;
  /** The outline's `title`, else its `text`, else the feed URL. */
  readonly title: string;
  readonly htmlUrl?: string;
  /** Titles of the enclosing outlines, outermost first: the subscription's groups or topics. */
  readonly groups: readonly string[];
  /** Every attribute of the feed's outline, so nothing another reader wrote is lost. */
  readonly attributes: Readonly<Record<string, string>>;
}
