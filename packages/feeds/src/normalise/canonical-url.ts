import { resolveUrl } from "../resolve-url.ts";

// Parameters that only say where a click came from: removing them lets the same article shared
// through two campaigns or two feeds be recognised as one.
const TRACKING_PARAMETER =
  /^(?:utm_\w+|fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|igshid|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|oly_anon_id|oly_enc_id|vero_id|vero_conv|wt_mc|ncid|cmpid|s_cid|ref_src)$/i;

function parameterName(pair: string): string {
  const name = pair.split("=", 1)[0] ?? "";
  try {
    return decodeURIComponent(name.replaceAll("+", " "));
  } catch {
    return name;
  }
}

// Filters the raw query rather than URLSearchParams, whose re-encoding would change the other
// parameters ("%20" to "+", "flag" to "flag=").
function withoutTracking(search: string): string {
  const kept = search
    .slice(1)
    .split("&")
    .filter((pair) => pair !== "" && !TRACKING_PARAMETER.test(parameterName(pair)));
  return kept.length === 0 ? "" : `?${kept.join("&")}`;
}

/**
 * The canonical form of a link: absolute against `base`, http(s) only, lower-case host, no
 * fragment, default port or tracking parameters. `undefined` when it is not a web URL.
 */
export function canonicalUrl(
  link: string | undefined,
  base: string | undefined,
): string | undefined {
  const absolute = link?.trim() === "" ? undefined : resolveUrl(link, base);
  if (absolute === undefined) return undefined;
  const url = new URL(absolute);
  if (url.protocol !== "http:" && url.protocol !== "https:") return undefined;
  url.hash = "";
  if (url.search !== "") url.search = withoutTracking(url.search);
  return url.href;
}
