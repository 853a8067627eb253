import { lookup as dnsLookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { FeedError } from "../errors.ts";
import type { AddressPolicy } from "./address-policy.ts";

export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/** Answers every address of a host name; injectable so tests never need real DNS. */
export type Resolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;

export const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    dnsLookup(hostname, { all: true }, (error, addresses) =>
      error === null ? resolve(addresses) : reject(error),
    );
  });

function familyNumber(family: number | string | undefined): number {
  if (family === "IPv4") return 4;
  if (family === "IPv6") return 6;
  return typeof family === "number" ? family : 0;
}

function notFound(hostname: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: "ENOTFOUND",
    hostname,
  });
}

/**
 * A `lookup` for net/tls connect that refuses a host whose answer holds any address the policy
 * does not allow. Because the socket connects to exactly the addresses checked here, a DNS answer
 * cannot change between the check and the connect (no rebinding window), and every redirect hop
 * goes through it. `feed` (credentials removed) names the feed in the error; a lookup shared by
 * many feeds leaves it out, and the fetch that hits the refusal names its feed.
 */
export function createGuardedLookup(
  policy: AddressPolicy,
  feed: string | undefined,
  resolve: Resolver = systemResolver,
): LookupFunction {
  return (hostname, options, callback) => {
    const family = familyNumber(options.family);
    resolve(hostname).then(
      (answer) => {
        const addresses = answer.filter((entry) => family === 0 || entry.family === family);
        const first = addresses[0];
        if (first === undefined) return callback(notFound(hostname), []);
        for (const { address } of addresses) {
          const verdict = policy.check(hostname, address);
          if (!verdict.allowed) {
            return callback(blocked(feed, hostname, address, verdict.range), []);
          }
        }
        if (options.all === true) return callback(null, [...addresses]);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
}

/** The error for a refused address; also used for IP-literal hosts, which skip DNS lookup. */
export function blocked(
  feed: string | undefined,
  host: string,
  address: string,
  range: string,
): FeedError {
  const where = host === address ? address : `${host} (${address})`;
  const why = `refused to connect to ${where}, which is not a public address (range: ${range}). If this is an intranet feed, add "${host}" to allowHosts.`;
  // Without a feed the message is only ever read through the fetch's own error, which adds it.
  if (feed === undefined) return new FeedError("BLOCKED_ADDRESS", why);
  return new FeedError("BLOCKED_ADDRESS", `Feed ${feed}: ${why}`, { feed });
}
