import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export type AddressVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly range: string };

/** Decides, per hop, whether a resolved address may be connected to for a given host name. */
export interface AddressPolicy {
  check(host: string, address: string): AddressVerdict;
}

// Cloud metadata services hand out credentials: a host-name allowlist entry never unlocks them,
// only an explicit IP or CIDR entry does.
const METADATA_ADDRESSES = new Set(["169.254.169.254", "fd00:ec2::254", "100.100.100.200"]);

// Global unicast space: everything outside it (IPv4-compatible ::/96, 100::/64 …) is not routed
// publicly, and ipaddr.js would otherwise call some of it "unicast".
const GLOBAL_UNICAST_V6: Range = ipaddr.parseCIDR("2000::/3");

/** Strips URL brackets and a trailing dot, lower-cases: the form allowlist entries are compared in. */
export function normaliseHost(host: string): string {
  const bare = host.startsWith("[") && host.endsWith("]") ? host.slice(1, -1) : host;
  return bare.toLowerCase().replace(/\.$/, "");
}

function parseAddress(address: string): Address {
  // `process` turns IPv4-mapped IPv6 (::ffff:10.0.0.1) into the IPv4 address it really reaches.
  return ipaddr.process(address);
}

/** The ipaddr.js range name of an address; only "unicast" (in 2000::/3 for IPv6) is public. */
export function addressRange(address: string): string {
  const parsed = parseAddress(address);
  if (METADATA_ADDRESSES.has(parsed.toString())) return "metadata";
  if (parsed.kind() === "ipv6" && !parsed.match(GLOBAL_UNICAST_V6)) {
    const range = parsed.range();
    return range === "unicast" ? "reserved" : range;
  }
  return parsed.range();
}

export function isPublicAddress(address: string): boolean {
  return addressRange(address) === "unicast";
}

/** Verdicts a policy remembers; past this it starts afresh, so memory stays bounded. */
const MAX_REMEMBERED_VERDICTS = 4096;

/** An allowlist entry is a host name, `*.suffix`, an IP address or a CIDR range. */
export function isAllowHostEntry(entry: string): boolean {
  const host = normaliseHost(entry);
  if (host.includes("/")) return ipaddr.isValidCIDR(host);
  if (isIP(host) !== 0) return true;
  return /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/.test(
    host,
  );
}

function toRange(entry: string): Range | undefined {
  if (entry.includes("/")) return ipaddr.parseCIDR(entry);
  if (isIP(entry) === 0) return undefined;
  const address = parseAddress(entry);
  return [address, address.kind() === "ipv4" ? 32 : 128];
}

function inRanges(address: Address, ranges: readonly Range[]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

/**
 * Public addresses are always allowed. A non-public one is allowed when the host name is listed
 * (exactly or under a `*.` entry) or the address falls in a listed IP/CIDR entry — how an intranet
 * deployment lets its own feeds through.
 */
export function createAddressPolicy(allowHosts: readonly string[]): AddressPolicy {
  const entries = allowHosts.map(normaliseHost);
  const names = new Set(entries.filter((entry) => !entry.startsWith("*.")));
  const suffixes = entries.filter((entry) => entry.startsWith("*.")).map((entry) => entry.slice(1));
  const ranges = entries.map(toRange).filter((range) => range !== undefined);
  const hostListed = (host: string): boolean =>
    names.has(host) || suffixes.some((suffix) => host.endsWith(suffix));

  const decide = (host: string, address: string): AddressVerdict => {
    const range = addressRange(address);
    if (range === "unicast" || inRanges(parseAddress(address), ranges)) return { allowed: true };
    if (range !== "metadata" && hostListed(normaliseHost(host))) return { allowed: true };
    return { allowed: false, range };
  };
  // A run checks the same few hosts and addresses for every feed it reads, and ipaddr.js's
  // range lookup costs tens of microseconds; a verdict depends on nothing else.
  const verdicts = new Map<string, AddressVerdict>();
  return {
    check(host, address) {
      const key = `${host}\u0000${address}`;
      const known = verdicts.get(key);
      if (known !== undefined) return known;
      if (verdicts.size >= MAX_REMEMBERED_VERDICTS) verdicts.clear();
      const verdict = decide(host, address);
      verdicts.set(key, verdict);
      return verdict;
    },
  };
}
