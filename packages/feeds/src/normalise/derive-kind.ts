import type { ContentKind } from "@sightline/core";
import type { Enclosure, ParsedItem } from "../parse/parsed-feed.ts";

const AUDIO_EXTENSION = /\.(?:mp3|m4a|aac|oga|ogg|opus|wav|flac)(?:$|[?#])/i;
const VIDEO_EXTENSION = /\.(?:mp4|m4v|mov|webm|ogv|mkv)(?:$|[?#])/i;

function mediumOf(enclosure: Enclosure): string | undefined {
  const declared = enclosure.medium ?? enclosure.type?.split("/")[0];
  if (declared === "audio" || declared === "video") return declared;
  if (declared !== undefined && declared !== "application") return undefined;
  if (AUDIO_EXTENSION.test(enclosure.url)) return "audio";
  return VIDEO_EXTENSION.test(enclosure.url) ? "video" : undefined;
}

/** Podcast for an audio enclosure or an iTunes episode, video for a video one, else the default. */
export function deriveKind(item: ParsedItem, defaultKind: ContentKind): ContentKind {
  const medium = item.enclosures.map(mediumOf).find((found) => found !== undefined);
  if (medium === "video") return "video";
  if (medium === "audio" || item.isPodcastEpisode) return "podcast";
  return defaultKind;
}
