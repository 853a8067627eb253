export type WithoutUndefined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** Drops keys whose value is undefined: exactOptionalPropertyTypes forbids `key: undefined`. */
export function withoutUndefined<T extends object>(fields: T): WithoutUndefined<T> {
  const defined: Partial<T> = {};
  for (const key in fields) {
    if (fields[key] !== undefined) defined[key] = fields[key];
  }
  return defined as WithoutUndefined<T>;
}
