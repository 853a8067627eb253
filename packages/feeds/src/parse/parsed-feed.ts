/** Text as the feed gave it: plain text, or HTML that still needs sanitising. */
export interface Markup {
  readonly value: string;
  readonly type: "text" | "html";
}

export interface Enclosure {
  readonly url: string;
  /** MIME type, e.g. "audio/mpeg". */
  readonly type?: string;
  /** Media RSS `medium`: "audio", "video", "image"… */
  readonly medium?: string;
}

export type Weekday =
  | "Monday"
  | "Tuesday"
  | "Wednesday"
  | "Thursday"
  | "Friday"
  | "Saturday"
  | "Sunday";

/** What the feed asks of a poller (RSS `<ttl>`, `<skipHours>`, `<skipDays>`). */
export interface FeedSchedule {
  /** Minutes the feed may be cached before it is fetched again. */
  readonly ttlMinutes?: number;
  /** Hours of the day (0–23, GMT) in which the feed should not be fetched. */
  readonly skipHours: readonly number[];
  readonly skipDays: readonly Weekday[];
}

/** One entry as the feed states it: nothing resolved, sanitised or defaulted yet. */
export interface ParsedItem {
  /** RSS `<guid>`, Atom `<id>`, RSS 1.0 `rdf:about` or JSON Feed `id`. */
  readonly guid?: string;
  /** False when an RSS guid says `isPermaLink="false"`. */
  readonly guidIsPermaLink: boolean;
  /** The item's link as written (possibly relative); an original link wins over a redirector. */
  readonly link?: string;
  /** `xml:base` in scope of the item's element, as written. */
  readonly base?: string;
  readonly title?: Markup;
  readonly summary?: Markup;
  readonly content?: Markup;
  /** `xml:base` of the content element, as written. */
  readonly contentBase?: string;
  /** Publication date as written. */
  readonly published?: string;
  /** Last-update date as written. */
  readonly updated?: string;
  readonly categories: readonly string[];
  readonly enclosures: readonly Enclosure[];
  readonly language?: string;
  /** An iTunes episode field (duration, episode type) is present. */
  readonly isPodcastEpisode: boolean;
}

export type FeedFormat = "rss" | "atom" | "rdf" | "json";

/** A feed read from one document, format differences smoothed out. */
export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title?: string;
  /** The site's link as written. */
  readonly link?: string;
  /** `xml:base` of the feed element, as written. */
  readonly base?: string;
  readonly language?: string;
  readonly categories: readonly string[];
  readonly schedule: FeedSchedule;
  readonly items: readonly ParsedItem[];
  /** Repairs made to read the document, in words a feed's owner would understand. */
  readonly warnings: readonly string[];
}
