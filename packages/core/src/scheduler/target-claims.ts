import type { ScheduleEntry, TargetResult } from '../models/schedule-entry.js';
import type { Target } from '../models/target.js';
import type { ScheduleStore } from './schedule-store.js';

/** Which target of an entry: its platform and account (an entry lists each account once). */
export type TargetRef = Pick<Target, 'platform' | 'accountId'>;

/** What {@link TargetClaimStore.claimTarget} takes: one target of one occurrence of an entry. */
export interface TargetClaimRequest {
  /** The entry's id. */
  readonly entryId: string;
  /**
   * The occurrence: the `publishAt` the claimer was told to publish at. An entry moved to another
   * time since then is not claimed (`stale`): a job planned for its old time must not publish it.
   */
  readonly publishAt: Date;
  /** The target. */
  readonly target: TargetRef;
  /** Now. */
  readonly now: Date;
  /** The claiming worker's id, kept as the target's lease holder. */
  readonly worker: string;
  /** How long the target's lease lasts, in ms. */
  readonly leaseMs: number;
}

/** A target a worker claimed, with its lease. */
export interface ClaimedTarget {
  /** The entry, `publishing` (its `attempts` counted up when this claim started it or took a target over). */
  readonly entry: ScheduleEntry;
  /** The target as the entry lists it (with its overrides). */
  readonly target: Target;
  /** When the target's lease ends unless renewed. */
  readonly leaseUntil: Date;
  /** True when this claim moved the entry from `scheduled` to `publishing` (its first target). */
  readonly first: boolean;
  /**
   * True when the target was leased to a worker whose lease ran out (it died mid-publish): its
   * create may have gone out, so the publisher's outbox decides, never a blind republish.
   */
  readonly recovered: boolean;
}

/**
 * Why a target was not claimed:
 *
 * - `missing`: no such entry;
 * - `stale`: the entry is at another time than the claim's occurrence, or has no such target;
 * - `early`: the entry is `scheduled` but not due yet;
 * - `waiting`: it is a draft or awaits approval (at its time it fails as not approved);
 * - `leased`: another worker holds the target, or the whole entry (see `leaseUntil`);
 * - `settled`: the target's outcome is written already, or the entry is no longer to be
 *   published (published, failed, unknown, cancelled, rejected).
 */
export type TargetRefusal = 'missing' | 'stale' | 'early' | 'waiting' | 'leased' | 'settled';

/** How {@link TargetClaimStore.claimTarget} answered. */
export type TargetClaim =
  | {
      /** The target, now the worker's. */
      readonly claimed: ClaimedTarget;
    }
  | {
      /** Why nothing was claimed. */
      readonly refused: TargetRefusal;
      /** For `leased`: when the holder's lease ends unless renewed (try again then). */
      readonly leaseUntil?: Date | undefined;
    };

/** What {@link TargetClaimStore.settleTarget} takes. */
export interface TargetSettleRequest {
  /** The entry's id. */
  readonly entryId: string;
  /** The target. */
  readonly target: TargetRef;
  /** The worker holding the target's lease. */
  readonly worker: string;
  /** How the target's publish ended. */
  readonly result: TargetResult;
  /** Now: the entry's `updatedAt` when this settles it. */
  readonly at: Date;
  /** How long the entry stays held for its other targets from `at`, in ms (the lease length). */
  readonly leaseMs: number;
}

/** How {@link TargetClaimStore.settleTarget} answered. */
export interface TargetSettlement {
  /** False when the lease was no longer `worker`'s (nothing changed): another worker records it. */
  readonly kept: boolean;
  /**
   * The entry in its final state, when this was its last target to settle: `published`,
   * `failed` or `unknown`, with one result per target, as a whole-entry completion writes it.
   */
  readonly finished?: ScheduleEntry | undefined;
}

/**
 * A {@link ScheduleStore} that also claims an entry target by target, so that the targets of one
 * entry can be published by different workers at once (one BullMQ job per entry, occurrence and
 * target in `@smmkit/scheduler-bullmq`). The memory store and the Redis store implement it; the
 * SQLite store does not (its workers share one machine, where a whole-entry claim already
 * publishes an entry's targets in parallel).
 *
 * The rules, which testkit's target claim conformance cases check:
 *
 * - a target is claimed when its entry is `scheduled` and due at the claim's occurrence (the
 *   entry becomes `publishing`, `attempts` + 1), or `publishing` target by target; never while a
 *   worker holds the whole entry (`claimDue`), and never once its result is written. A target
 *   whose holder's lease ran out is taken over (`recovered`, `attempts` + 1);
 * - while any of its targets is being published, the entry is leased (to no one worker), until
 *   the latest of its targets' leases and settlements plus a lease: `transition` refuses it and
 *   `claimDue` leaves it; once that lease has run out (its workers died), `claimDue` recovers the
 *   whole entry, and the outbox answers the targets that went out;
 * - `settleTarget` writes a target's result only while its lease is the worker's; the last
 *   target to settle gives the entry its final state (see `outcomeOfResults`), and any write of
 *   the whole entry (a completion, a transition) forgets the per-target progress.
 */
export interface TargetClaimStore extends ScheduleStore {
  /** Atomically claims one target of one occurrence of an entry, or says why not. */
  claimTarget(request: TargetClaimRequest): Promise<TargetClaim>;
  /** Extends `worker`'s lease on the target to `until`. @returns false when it is no longer `worker`'s */
  renewTargetLease(entryId: string, target: TargetRef, worker: string, until: Date): Promise<boolean>;
  /** Ends `worker`'s claim on a target with its result; the last target settles the entry. */
  settleTarget(request: TargetSettleRequest): Promise<TargetSettlement>;
}

/**
 * Whether `store` claims target by target ({@link TargetClaimStore}).
 *
 * @param store - a schedule store
 * @returns true when it has `claimTarget`, `renewTargetLease` and `settleTarget`
 */
export function claimsTargets(store: ScheduleStore): store is TargetClaimStore {
  const candidate = store as Partial<TargetClaimStore>;
  return (
    typeof candidate.claimTarget === 'function' &&
    typeof candidate.renewTargetLease === 'function' &&
    typeof candidate.settleTarget === 'function'
  );
}

/**
 * The key of a target within its entry, `<platform>:<accountId>`: the suffix of its outbox key.
 *
 * @param target - the target
 * @returns the key
 */
export function targetKey(target: TargetRef): string {
  return `${target.platform}:${target.accountId}`;
}
