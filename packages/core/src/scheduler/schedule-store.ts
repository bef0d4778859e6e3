import type { EntryError, ScheduleEntry, TargetResult } from '../models/schedule-entry.js';
import type { ScheduleStatus } from '../models/schedule-status.js';
import type { Outbox } from './outbox.js';

/**
 * The states in which an entry holds its queue slot: a `'next-slot'` entry is never planned at
 * an instant where an entry of the same account in one of these states stands. Failed, rejected
 * and cancelled entries free their slot. What {@link ScheduleStore.addIfSlotsFree} checks.
 */
export const SLOT_HOLDING_STATUSES: readonly ScheduleStatus[] = Object.freeze([
  'draft',
  'awaiting_approval',
  'scheduled',
  'publishing',
  'published',
  'unknown',
] as const);

/** Which entries {@link ScheduleStore.list} returns; every given field narrows the list. */
export interface ScheduleQuery {
  /** Entries with `publishAt` at or after this instant. */
  readonly from?: Date | undefined;
  /** Entries with `publishAt` before this instant. */
  readonly to?: Date | undefined;
  /** Entries with at least one target on one of these accounts. */
  readonly accounts?:
    | readonly {
        /** Platform id. */
        readonly platform: string;
        /** The account's id on the platform. */
        readonly accountId: string;
      }[]
    | undefined;
  /** Entries in one of these states. */
  readonly statuses?: readonly ScheduleStatus[] | undefined;
  /** Occurrences of this recurring entry. */
  readonly seriesId?: string | undefined;
  /** At most this many (default: all). */
  readonly limit?: number | undefined;
}

/**
 * The fields of an entry a transition may change. A field left out (or `undefined`) keeps its
 * value, except the optional `approval`, `results` and `error`: given as `undefined`, they are
 * removed (a rescheduled entry drops the error of its failed run).
 */
export interface EntryPatch {
  /** The new state. */
  readonly status?: ScheduleStatus | undefined;
  /** The new instant. */
  readonly publishAt?: Date | undefined;
  /** The new zone. */
  readonly timeZone?: string | undefined;
  /** The new approval record (given as `undefined`, it is removed). */
  readonly approval?: ScheduleEntry['approval'] | undefined;
  /** The new attempt count. */
  readonly attempts?: number | undefined;
  /** The per-target results (given as `undefined`, they are removed). */
  readonly results?: readonly TargetResult[] | undefined;
  /** The entry's error (given as `undefined`, it is removed). */
  readonly error?: EntryError | undefined;
  /** The new post. */
  readonly post?: ScheduleEntry['post'] | undefined;
  /** The new targets. */
  readonly targets?: ScheduleEntry['targets'] | undefined;
}

/** An entry a worker claimed, with its lease. */
export interface ClaimedEntry {
  /** The entry, now `publishing` (its `attempts` counted up). */
  readonly entry: ScheduleEntry;
  /** When the lease ends unless renewed. */
  readonly leaseUntil: Date;
  /**
   * True when the entry was `publishing` under a lease that ran out (its worker died): its
   * targets may have been sent, so the publisher's outbox decides, never a blind republish.
   */
  readonly recovered: boolean;
}

/** What {@link ScheduleStore.claimDue} takes. */
export interface ClaimRequest {
  /** Now: entries with `publishAt` at or before it are due, and leases that end by it have run out. */
  readonly now: Date;
  /**
   * Claims only `scheduled` entries with `publishAt` at or before this instant (default `now`);
   * lapsed leases are still judged by `now`. A sweep that runs beside per-target jobs passes a
   * time a grace period back, so it leaves entries their jobs are about to start.
   */
  readonly dueBy?: Date | undefined;
  /** At most this many entries. */
  readonly limit: number;
  /** The claiming worker's id, kept as the lease holder. */
  readonly worker: string;
  /** How long the lease lasts, in ms. */
  readonly leaseMs: number;
}

/**
 * Where schedule entries live, with an atomic claim and lease so that two workers never publish
 * one entry. Every store is also the publisher's {@link Outbox}. smmkit ships an in-memory store
 * (tests), a SQLite store (`@smmkit/core/sqlite`, the embedded default) and a Redis/BullMQ one
 * (`@smmkit/scheduler-bullmq`); testkit's store conformance suite checks each.
 */
export interface ScheduleStore extends Outbox {
  /** Adds entries. Atomic per call. @throws Error naming the id when an id exists already. */
  add(entries: readonly ScheduleEntry[]): Promise<void>;
  /**
   * Adds entries, all or nothing, only when each one's queue slot is free: no entry that holds a
   * slot (a state in `SLOT_HOLDING_STATUSES`) and has a target on one of the entry's accounts
   * (same platform and accountId) has the same `publishAt`, whether it is stored already or
   * comes earlier in the same call. Atomic with every other write to the store, by any process:
   * of two concurrent calls that want one account's slot, one is refused. The scheduler plans
   * `'next-slot'` with it and moves on to the next free slot when refused.
   *
   * Optional, so that stores written before it keep working: without it the scheduler reads the
   * taken slots and then adds, and two processes planning `'next-slot'` for one account at the
   * same moment can both take the same slot. Stores that have it pass the conformance suite's
   * `slotClaims` cases.
   *
   * @returns the 0-based positions of the entries whose slot is taken (nothing was added), or an
   *   empty list when every entry was added
   * @throws Error naming the id when an id exists already, as `add` does (before slots are looked at)
   */
  addIfSlotsFree?(entries: readonly ScheduleEntry[]): Promise<number[]>;
  /** Adds `entry` unless its id exists (recurrence adds each occurrence this way). @returns whether it was added */
  addIfAbsent(entry: ScheduleEntry): Promise<boolean>;
  /** The entry with `id`, if any. */
  get(id: string): Promise<ScheduleEntry | undefined>;
  /** Entries matching `query`, ordered by `publishAt`, then `id`. */
  list(query?: ScheduleQuery): Promise<ScheduleEntry[]>;
  /**
   * Applies `patch` (and sets `updatedAt` to `at`) only when the entry is in one of `from` and
   * not leased: a compare-and-set on the state, so concurrent approvals, edits and claims
   * never both win. A lease that ran out still counts until `claimDue` recovers the entry or
   * its worker completes it.
   *
   * @returns the updated entry, or `undefined` when it is missing, in another state or leased
   */
  transition(
    id: string,
    from: readonly ScheduleStatus[],
    patch: EntryPatch,
    at: Date,
  ): Promise<ScheduleEntry | undefined>;
  /**
   * `transition` into a queue slot: applies `patch` only when `transition` would, and when no
   * other entry that holds a slot (a state in `SLOT_HOLDING_STATUSES`) and has a target on one of
   * the changed entry's accounts stands at its new `publishAt`. Atomic with every other write to
   * the store, as {@link ScheduleStore.addIfSlotsFree} is. The scheduler moves an entry to
   * `'next-slot'` with it (`reschedule`), and moves on to the next free slot when refused.
   * Optional, like `addIfSlotsFree`: without it `reschedule` uses `transition`.
   *
   * @returns the updated entry; `'slot-taken'` when the slot is held (nothing changed); or
   *   `undefined` when it is missing, in another state or leased
   */
  transitionIfSlotFree?(
    id: string,
    from: readonly ScheduleStatus[],
    patch: EntryPatch,
    at: Date,
  ): Promise<ScheduleEntry | 'slot-taken' | undefined>;
  /**
   * Atomically claims due entries: `scheduled` ones with `publishAt <= dueBy` (default `now`), and `publishing`
   * ones whose lease ran out (or that have none). Each becomes `publishing`, leased to `worker` until
   * `now + leaseMs`, `attempts` + 1, `updatedAt` now. Oldest `publishAt` first, then by id.
   */
  claimDue(request: ClaimRequest): Promise<ClaimedEntry[]>;
  /** Extends `worker`'s lease on `id` to `until`. @returns false when the lease is no longer `worker`'s */
  renewLease(id: string, worker: string, until: Date): Promise<boolean>;
  /**
   * Ends `worker`'s claim: applies `patch` (its final state) and drops the lease.
   *
   * @returns false when the lease is no longer `worker`'s (nothing changed)
   */
  complete(id: string, worker: string, patch: EntryPatch, at: Date): Promise<boolean>;
  /** Releases what the store holds (connections); the store is unusable afterwards. */
  close?(): Promise<void>;
}
