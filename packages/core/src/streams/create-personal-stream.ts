import { asyncScheduler, Observable, type SchedulerLike, Subscription } from "rxjs";
import { dropKeyFor, nextDropTime } from "../cadence/next-drop-time.ts";
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from "../config/ranking-config.ts";
import { selectDrop } from "../drops/select-drop.ts";
import { SightlineError } from "../errors.ts";
import type { ExposureLedger } from "../fairness/exposure-ledger.ts";
import { applyFeedback } from "../feedback/apply-feedback.ts";
import type { ContentItem } from "../schemas/content-item.ts";
import type { Drop } from "../schemas/drop.ts";
import type { Expert } from "../schemas/expert.ts";
import type { FeedbackEvent } from "../schemas/feedback-event.ts";
import type { LearnerProfile } from "../schemas/learner-profile.ts";
import { preparePool } from "../scoring/prepare-pool.ts";
import { InMemorySeenStore } from "../seen/in-memory-seen-store.ts";
import type { MaybePromise, SeenStore } from "../seen/seen-store.ts";

const DAY_MS = 86_400_000;

export interface PersonalStreamOptions {
  readonly profile: LearnerProfile;
  /** Batches of new or updated candidates; a later copy of an id replaces the earlier one. */
  readonly candidates: Observable<readonly ContentItem[]>;
  /** The learner's feedback, folded into the profile between drops. */
  readonly feedback?: Observable<FeedbackEvent>;
  readonly experts?: readonly Expert[];
  /** Defaults to an in-memory store private to this stream. */
  readonly seenStore?: SeenStore;
  /** The organisation's fairness ledger; updated after every drop. */
  readonly ledger?: ExposureLedger;
  readonly config?: RankingConfig;
  /** All time goes through this scheduler: pass a TestScheduler for virtual time. */
  readonly scheduler?: SchedulerLike;
}

/**
 * The learner's line of sight as an Observable: a drop at every tick of their cadence, chosen
 * from every candidate that has arrived so far, with all feedback received before the tick
 * already folded into the profile. Drops with nothing to show are skipped; the cadence goes on.
 */
export function createPersonalStream(options: PersonalStreamOptions): Observable<Drop> {
  const config = options.config ?? DEFAULT_RANKING_CONFIG;
  const scheduler = options.scheduler ?? asyncScheduler;
  const seenStore = options.seenStore ?? new InMemorySeenStore();
  const windowMs = config.seen.windowDays * DAY_MS;

  return new Observable<Drop>((subscriber) => {
    const subscriptions = new Subscription();
    const candidates = new Map<string, ContentItem>();
    let profile = options.profile;
    const fail = (error: unknown): void => subscriber.error(error);

    subscriptions.add(
      options.candidates.subscribe({
        next: (batch) => {
          for (const item of batch) candidates.set(item.id, item);
        },
        error: fail,
      }),
    );
    if (options.feedback !== undefined) {
      subscriptions.add(
        options.feedback.subscribe({
          next: (event) => {
            try {
              profile = applyFeedback(profile, event, config);
            } catch (error) {
              fail(error);
            }
          },
          error: fail,
        }),
      );
    }

    const deliver = (at: number): void => {
      const dropKey = dropKeyFor(at);
      settle(seenStore.seenSince(profile.id, at - windowMs), (seen) => {
        const pool = preparePool([...candidates.values()], {
          now: at,
          config,
          ...(options.experts === undefined ? {} : { experts: options.experts }),
        });
        const { drop, exposure } = selectDrop(pool, profile, {
          dropKey,
          seen,
          ...(options.ledger === undefined ? {} : { exposure: options.ledger }),
        });
        const ids = drop.items.map((entry) => entry.item.id);
        settle(seenStore.markSeen(profile.id, ids, at), () => {
          options.ledger?.record(exposure, at);
          profile = countResurfaced(profile, drop, config);
          if (drop.items.length > 0) subscriber.next(drop);
          scheduleNext();
        });
      });
    };

    const settle = <T>(value: MaybePromise<T>, then: (resolved: T) => void): void => {
      const onError = (error: unknown): void =>
        fail(
          new SightlineError(
            "SEEN_STORE_FAILED",
            `The seen store failed for learner "${profile.id}"; the stream stopped so no drop repeats items. Check the store, then resubscribe.`,
            { cause: error },
          ),
        );
      const proceed = (resolved: T): void => {
        if (subscriber.closed) return;
        try {
          then(resolved);
        } catch (error) {
          fail(error);
        }
      };
      if (value instanceof Promise) value.then(proceed, onError);
      else proceed(value);
    };

    const scheduleNext = (): void => {
      if (subscriber.closed) return;
      try {
        const now = scheduler.now();
        const at = nextDropTime(profile.cadence, now);
        subscriptions.add(scheduler.schedule(() => deliver(at), at - now));
      } catch (error) {
        fail(error);
      }
    };

    scheduleNext();
    return subscriptions;
  });
}

/** A resurfaced save was just seen: count it, so its next return waits longer. */
function countResurfaced(
  profile: LearnerProfile,
  drop: Drop,
  config: RankingConfig,
): LearnerProfile {
  let next = profile;
  for (const entry of drop.items) {
    if (entry.slot !== "resurface") continue;
    next = applyFeedback(
      next,
      { type: "seen", learnerId: profile.id, itemId: entry.item.id, at: drop.createdAt },
      config,
    );
  }
  return next;
}
