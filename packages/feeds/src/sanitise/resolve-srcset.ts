/**
 * Makes every URL of a `srcset` absolute with `resolve`, dropping candidates it rejects. Parsed
 * as the HTML standard does: a URL runs to the next whitespace (trailing commas are separators).
 */
export function resolveSrcset(
  srcset: string,
  resolve: (url: string) => string | undefined,
): string | undefined {
  const candidates: string[] = [];
  let at = 0;
  while (at < srcset.length) {
    const start = srcset.slice(at).search(/[^\s,]/);
    if (start < 0) break;
    const rest = srcset.slice(at + start);
    const rawUrl = /^\S+/.exec(rest)?.[0] ?? "";
    const url = rawUrl.replace(/,+$/, "");
    const endsCandidate = url.length < rawUrl.length;
    const afterUrl = rest.slice(rawUrl.length);
    const descriptorEnd = endsCandidate ? 0 : afterUrl.search(/,|$/);
    const descriptor = afterUrl.slice(0, descriptorEnd).trim();
    at += start + rawUrl.length + descriptorEnd + 1;
    const resolved = resolve(url);
    if (resolved !== undefined)
      candidates.push(descriptor === "" ? resolved : `${resolved} ${descriptor}`);
  }
  return candidates.length === 0 ? undefined : candidates.join(", ");
}
