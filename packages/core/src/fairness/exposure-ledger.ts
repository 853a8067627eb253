import { z } from "zod";
import { DEFAULT_RANKING_CONFIG, type RankingConfig } from "../config/ranking-config.ts";
import { parseWith } from "../schemas/parse-with.ts";
import { Id, Timestamp } from "../schemas/primitives.ts";
import type { ExposureSignals } from "../scoring/learner-scorer.ts";

const DAY_MS = 86_400_000;

export const ExposureLedgerState = z.strictObject({
  version: z.literal(1),
  halfLifeDays: z.number().positive(),
  maxBoost: z.number().min(0).max(1),
  updatedAt: Timestamp.nullable(),
  experts: z.record(
    Id,
    z.strictObject({ exposure: z.number().nonnegative(), merit: z.number().nonnegative() }),
  ),
});
export type ExposureLedgerState = z.infer<typeof ExposureLedgerState>;

/** What one drop did: attention each expert received and the merit each expert had in it. */
export interface ExposureRecord {
  /** Position-discounted attention per expert in the drop. */
  readonly exposure: ReadonlyMap<string, number>;
  /** Relevance of each expert's candidates among the drop's shortlist. */
  readonly merit: ReadonlyMap<string, number>;
}

interface Account {
  exposure: number;
  merit: number;
}

/**
 * Amortised fairness of exposure ("equity of attention"): across many drops each expert's share
 * of learners' attention should track their share of merit. Both fade with a half-life so the
 * controller reacts to recent drops. An expert whose exposure lags their merit gets a lift,
 * capped at `maxBoost` so relevance stays in charge. The ledger is org-wide, mutable, and
 * serialisable so an app can persist and restore it.
 */
export class ExposureLedger implements ExposureSignals {
  private readonly halfLifeDays: number;
  private readonly maxBoost: number;
  private readonly accounts = new Map<string, Account>();
  private updatedAt: number | undefined;
  private totalExposure = 0;
  private totalMerit = 0;

  constructor(
    options: Pick<
      RankingConfig["fairness"],
      "halfLifeDays" | "maxBoost"
    > = DEFAULT_RANKING_CONFIG.fairness,
  ) {
    this.halfLifeDays = options.halfLifeDays;
    this.maxBoost = options.maxBoost;
  }

  static restore(state: unknown): ExposureLedger {
    const parsed = parseWith(ExposureLedgerState, state, "exposure ledger state", "INVALID_LEDGER");
    const ledger = new ExposureLedger(parsed);
    for (const [id, account] of Object.entries(parsed.experts)) {
      ledger.accounts.set(id, { ...account });
      ledger.totalExposure += account.exposure;
      ledger.totalMerit += account.merit;
    }
    ledger.updatedAt = parsed.updatedAt === null ? undefined : Date.parse(parsed.updatedAt);
    return ledger;
  }

  toJSON(): ExposureLedgerState {
    const experts: ExposureLedgerState["experts"] = {};
    for (const [id, account] of this.accounts) experts[id] = { ...account };
    return {
      version: 1,
      halfLifeDays: this.halfLifeDays,
      maxBoost: this.maxBoost,
      updatedAt: this.updatedAt === undefined ? null : new Date(this.updatedAt).toISOString(),
      experts,
    };
  }

  record(record: ExposureRecord, at: number): void {
    this.decayTo(at);
    for (const [id, amount] of record.exposure) {
      this.account(id).exposure += amount;
      this.totalExposure += amount;
    }
    for (const [id, amount] of record.merit) {
      this.account(id).merit += amount;
      this.totalMerit += amount;
    }
  }

  liftFor(expertId: string): number {
    const account = this.accounts.get(expertId);
    if (account === undefined || account.merit === 0 || this.totalMerit === 0) return 0;
    const meritShare = account.merit / this.totalMerit;
    const exposureShare = this.totalExposure === 0 ? 0 : account.exposure / this.totalExposure;
    const lag = (meritShare - exposureShare) / meritShare;
    return lag <= 0 ? 0 : Math.min(this.maxBoost, lag);
  }

  lowExposureFor(expertId: string): number {
    const exposure = this.accounts.get(expertId)?.exposure ?? 0;
    if (exposure === 0) return 1;
    const mean = this.totalExposure / this.accounts.size;
    return 1 / (1 + exposure / mean);
  }

  /** Accumulated (faded) exposure per expert, for reports. */
  exposureOf(expertId: string): number {
    return this.accounts.get(expertId)?.exposure ?? 0;
  }

  private account(id: string): Account {
    let account = this.accounts.get(id);
    if (account === undefined) {
      account = { exposure: 0, merit: 0 };
      this.accounts.set(id, account);
    }
    return account;
  }

  private decayTo(at: number): void {
    if (this.updatedAt !== undefined && at > this.updatedAt) {
      const factor = 2 ** (-(at - this.updatedAt) / (this.halfLifeDays * DAY_MS));
      for (const account of this.accounts.values()) {
        account.exposure *= factor;
        account.merit *= factor;
      }
      this.totalExposure *= factor;
      this.totalMerit *= factor;
    }
    if (this.updatedAt === undefined || at > this.updatedAt) this.updatedAt = at;
  }
}
