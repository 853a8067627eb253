/** Response headers as undici and node:http give them: lower-case names, repeated ones as arrays. */
export type ResponseHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** One header's value; repeats are joined with ", " as RFC 9110 allows for list headers. */
export function headerValue(headers: ResponseHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}
