import type { ContentItem, LearnerProfile } from "@sightline/core";
import { z } from "zod";
import { meiliCall } from "../connection/meili-call.ts";
import type { SearchReader } from "../connection/search-reader.ts";
import { fromSearchDocument, type SkippedDocument } from "../documents/from-search-document.ts";
import { parseInput } from "../validation/parse-input.ts";
import { candidatePoolQueries, POOL_SLICES, type PoolSlice } from "./candidate-pool-queries.ts";

export interface CandidatePoolRequest {
  readonly learner: LearnerProfile;
  readonly now: Date | string;
  /** Days before `now` every slice is drawn from; `pools.windowDays` by default. */
  readonly windowDays?: number;
  /** Candidates per slice; `pools.<slice>` by default. */
  readonly limits?: Partial<Record<PoolSlice, number>>;
}

export interface CandidatePools {
  /** Validated items per slice; an item can sit in several slices. */
  readonly slices: Readonly<Record<PoolSlice, readonly ContentItem[]>>;
  /** Every candidate once, in slice order: what `preparePool` in @sightline/core takes. */
  readonly items: readonly ContentItem[];
  /** Documents that failed core's schema: left out, not fatal. */
  readonly skipped: readonly (SkippedDocument & { readonly slice: PoolSlice })[];
}

const Options = z.strictObject({
  now: z.union([z.date(), z.iso.datetime({ offset: true })]),
  windowDays: z.number().positive().max(3650).optional(),
  limits: z.partialRecord(z.enum(POOL_SLICES), z.number().int().min(1).max(1000)).optional(),
});

/**
 * A learner's candidates in one multi-search: their interest topics, followed experts, an
 * exploration slice outside their topics and the most recent items, each as validated
 * ContentItems and all restricted to what the learner may see.
 */
export async function fetchCandidatePools(
  reader: SearchReader,
  request: CandidatePoolRequest,
): Promise<CandidatePools> {
  const { now, windowDays, limits } = parseInput(
    Options,
    { now: request.now, windowDays: request.windowDays, limits: request.limits },
    "candidate pool request",
  );
  const { pools } = reader.config;
  const slices = candidatePoolQueries(
    reader.config.indexName,
    {
      learner: request.learner,
      now: new Date(now).getTime(),
      windowDays: windowDays ?? pools.windowDays,
      limits: { ...pools, ...limits },
    },
    reader.config,
  );
  const { results } = await meiliCall("Fetching candidate pools", () =>
    reader.client.multiSearch({ queries: slices.map(({ query }) => query) }),
  );
  return collect(slices.map(({ slice }, i) => [slice, results[i]?.hits ?? []] as const));
}

type Answer = readonly [PoolSlice, readonly Readonly<Record<string, unknown>>[]];

function collect(answers: readonly Answer[]): CandidatePools {
  const slices: Record<PoolSlice, ContentItem[]> = {
    interests: [],
    experts: [],
    exploration: [],
    recent: [],
  };
  const unique = new Map<string, ContentItem>();
  const skipped: (SkippedDocument & { slice: PoolSlice })[] = [];
  for (const [slice, hits] of answers) {
    for (const hit of hits) {
      const checked = fromSearchDocument(hit);
      if (!checked.ok) {
        skipped.push({ ...checked.skipped, slice });
        continue;
      }
      slices[slice].push(checked.item);
      if (!unique.has(checked.item.id)) unique.set(checked.item.id, checked.item);
    }
  }
  return { slices, items: [...unique.values()], skipped };
}
