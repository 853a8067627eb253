import { Agent } from "undici";
import { FeedError } from "../errors.ts";
import { type AddressPolicy, createAddressPolicy } from "./address-policy.ts";
import { createGuardedLookup, type Resolver, systemResolver } from "./guarded-lookup.ts";

/** What a pooled connection is opened under: the same three give the same pool. */
export interface ConnectionTerms {
  readonly allowHosts: readonly string[];
  readonly timeoutMs: number;
  readonly resolve?: Resolver | undefined;
}

/** An undici agent whose connections all go through the guarded lookup of `policy`. */
export interface GuardedAgent {
  readonly agent: Agent;
  readonly policy: AddressPolicy;
}

/**
 * Keep-alive connections shared by many fetches, for a caller that reads many feeds at once (an
 * ingest run, a batch of inspections). Opening a connection per fetch costs more than parsing a
 * small feed; this reuses one per host. Every connection still goes through the guarded lookup
 * of the allowlist it was opened under, and its connect (DNS and TLS included) is cut at the
 * fetch timeout, so a host that never answers holds no socket past a fetch's deadline. A fetch
 * that times out or hits the size cap destroys its own socket, which is then never reused.
 * Call `close()` when done: it destroys every connection, idle or not.
 */
export interface FeedConnections {
  agentFor(terms: ConnectionTerms): GuardedAgent;
  close(): Promise<void>;
}

export function createFeedConnections(): FeedConnections {
  const byResolver = new Map<Resolver, Map<string, GuardedAgent>>();
  let closed = false;
  return {
    agentFor(terms) {
      if (closed) {
        const message =
          "These feed connections are closed: create new ones with createFeedConnections().";
        throw new FeedError("INVALID_OPTIONS", message);
      }
      return pooledAgent(terms);
    },
    async close() {
      closed = true;
      const agents = [...byResolver.values()].flatMap((pools) => [...pools.values()]);
      byResolver.clear();
      await Promise.all(agents.map(({ agent }) => agent.destroy()));
    },
  };

  function pooledAgent(terms: ConnectionTerms): GuardedAgent {
    const resolve = terms.resolve ?? systemResolver;
    const pools = byResolver.get(resolve) ?? new Map<string, GuardedAgent>();
    byResolver.set(resolve, pools);
    const key = `${terms.timeoutMs} ${[...terms.allowHosts].sort().join(" ")}`;
    const existing = pools.get(key);
    if (existing !== undefined) return existing;
    const policy = createAddressPolicy(terms.allowHosts);
    const lookup = createGuardedLookup(policy, undefined, resolve);
    const agent = new Agent({ connect: { lookup, timeout: terms.timeoutMs } });
    const pooled = { agent, policy };
    pools.set(key, pooled);
    return pooled;
  }
}
