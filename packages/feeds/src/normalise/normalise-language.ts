import { ContentItem } from "@sightline/core";

const Language = ContentItem.shape.language;

// BCP 47's canonical casing: language lower, script title ("Hant"), region upper ("BR").
function subtagCase(subtag: string): string {
  if (subtag.length === 2) return subtag.toUpperCase();
  if (subtag.length === 4) return subtag[0]?.toUpperCase() + subtag.slice(1).toLowerCase();
  return subtag.toLowerCase();
}

/** A feed's language tag in the BCP-47 form core accepts ("pt_br" → "pt-BR"), else undefined. */
export function normaliseLanguage(raw: string | undefined): string | undefined {
  // Most items state no language: no tag to build and check.
  if (raw === undefined) return undefined;
  const [primary = "", ...subtags] = raw.trim().replaceAll("_", "-").split("-");
  const tag = [primary.toLowerCase(), ...subtags.map(subtagCase)].join("-");
  return Language.safeParse(tag).success ? tag : undefined;
}
