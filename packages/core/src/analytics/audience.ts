import type { AudienceBreakdown } from '../models/audience-breakdown.js';
import { isValidDate } from './validate-inputs.js';

/** Which audience splits `Analytics.audience` returns; every field narrows. */
export interface AudienceFilter {
  /** Only these platforms. */
  readonly platforms?: readonly string[] | undefined;
  /** Only these accounts (platform account ids). */
  readonly accounts?: readonly string[] | undefined;
  /** Only these breakdowns, in the platform's words (`age`, `country`, `seniority`, …). */
  readonly dimensions?: readonly string[] | undefined;
  /** The latest split observed before this instant (default: the latest of all). */
  readonly until?: Date | undefined;
}

/** One bucket of a split, with its share. */
export interface AudienceBucket {
  /** The platform's key (`18-24`, `F`, `US`, `urn:li:seniority:3`). */
  readonly key: string;
  /** A readable name, when the adapter gave one. */
  readonly label?: string | undefined;
  /** Followers in the bucket. */
  readonly value: number;
  /** value ÷ total (0.25 = 25 %); `null` when the total is 0. */
  readonly share: number | null;
}

/** The latest split of one account's followers by one breakdown. */
export interface AudienceSplit {
  /** Platform id. */
  readonly platform: string;
  /** The account whose followers these are. */
  readonly accountId: string;
  /** The breakdown, in the platform's words. */
  readonly dimension: string;
  /** The platform's own name for it. */
  readonly rawName: string;
  /** When it was read from the platform. */
  readonly observedAt: Date;
  /** Σ of the buckets' values (a platform may leave small buckets out, so not always the follower count). */
  readonly total: number;
  /** The buckets, largest first (ties in the platform's order). */
  readonly buckets: readonly AudienceBucket[];
}

function keyOf(breakdown: AudienceBreakdown): string {
  return `${breakdown.platform}\u0000${breakdown.accountId}\u0000${breakdown.dimension}`;
}

/** The shares of one breakdown. */
function splitOf(breakdown: AudienceBreakdown): AudienceSplit {
  const total = breakdown.buckets.reduce((sum, bucket) => sum + bucket.value, 0);
  const buckets = breakdown.buckets
    .map((bucket) => ({
      key: bucket.key,
      ...(bucket.label === undefined ? {} : { label: bucket.label }),
      value: bucket.value,
      share: total === 0 ? null : bucket.value / total,
    }))
    .sort((a, b) => b.value - a.value); // stable: ties keep the platform's order
  return {
    platform: breakdown.platform,
    accountId: breakdown.accountId,
    dimension: breakdown.dimension,
    rawName: breakdown.rawName,
    observedAt: breakdown.observedAt,
    total,
    buckets,
  };
}

/**
 * Audience breakdowns, kept per (platform, account, dimension) as a history: one per
 * `observedAt`, a second one of the same instant replacing the first.
 */
export class AudienceStore {
  private readonly history = new Map<string, AudienceBreakdown[]>();

  /** Adds a breakdown. */
  put(breakdown: AudienceBreakdown): void {
    const key = keyOf(breakdown);
    const list = this.history.get(key) ?? [];
    const at = breakdown.observedAt.getTime();
    const same = list.findIndex((kept) => kept.observedAt.getTime() === at);
    if (same >= 0) list[same] = breakdown;
    else {
      list.push(breakdown);
      list.sort((a, b) => a.observedAt.getTime() - b.observedAt.getTime());
    }
    this.history.set(key, list);
  }

  /**
   * The latest split per (platform, account, dimension) passing `filter`, with shares; in the
   * order first ingested.
   */
  latest(filter: AudienceFilter = {}): AudienceSplit[] {
    const until = isValidDate(filter.until) ? filter.until.getTime() : Number.POSITIVE_INFINITY;
    const splits: AudienceSplit[] = [];
    for (const list of this.history.values()) {
      const first = list[0];
      if (first === undefined) continue;
      if (filter.platforms !== undefined && !filter.platforms.includes(first.platform)) continue;
      if (filter.accounts !== undefined && !filter.accounts.includes(first.accountId)) continue;
      if (filter.dimensions !== undefined && !filter.dimensions.includes(first.dimension)) continue;
      const latest = list.findLast((breakdown) => breakdown.observedAt.getTime() < until);
      if (latest !== undefined) splits.push(splitOf(latest));
    }
    return splits;
  }
}
