/** Settings whose array order carries meaning; every other array is compared as a set. */
const ORDERED = new Set(["searchableAttributes", "rankingRules"]);

/**
 * Paths where `actual` does not hold what `desired` asks for. Keys the server adds on its own
 * (defaults of nested objects) are not differences; a missing or changed value is.
 */
export function settingsDifferences(
  desired: Readonly<Record<string, unknown>>,
  actual: Readonly<Record<string, unknown>>,
): string[] {
  return Object.entries(desired).flatMap(([key, value]) =>
    differences(value, actual[key], key, ORDERED.has(key)),
  );
}

function differences(desired: unknown, actual: unknown, path: string, ordered: boolean): string[] {
  if (Array.isArray(desired)) {
    if (!Array.isArray(actual)) return [path];
    const [left, right] = ordered ? [desired, actual] : [sorted(desired), sorted(actual)];
    return JSON.stringify(left) === JSON.stringify(right) ? [] : [path];
  }
  if (isRecord(desired)) {
    if (!isRecord(actual)) return [path];
    return Object.entries(desired).flatMap(([key, value]) =>
      differences(value, actual[key], `${path}.${key}`, ordered),
    );
  }
  return Object.is(desired, actual) ? [] : [path];
}

function sorted(values: readonly unknown[]): string[] {
  return values.map((value) => JSON.stringify(value)).sort();
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
