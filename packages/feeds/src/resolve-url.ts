/** `reference` made absolute against `base`; `undefined` when either cannot be parsed. */
export function resolveUrl(
  reference: string | undefined,
  base: string | undefined,
): string | undefined {
  if (reference === undefined) return undefined;
  try {
    return new URL(reference.trim(), base).href;
  } catch {
    return undefined;
  }
}
